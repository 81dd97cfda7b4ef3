#pragma once
// ChatAdminRights: what an admin may do (layer 228; the id has not changed since layer 95).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>

namespace chatadmin::telegram {

/// chatAdminRights#5fb224d5 flags:# change_info:flags.0?true post_messages:flags.1?true
/// edit_messages:flags.2?true delete_messages:flags.3?true ban_users:flags.4?true
/// invite_users:flags.5?true pin_messages:flags.7?true add_admins:flags.9?true
/// anonymous:flags.10?true manage_call:flags.11?true other:flags.12?true
/// manage_topics:flags.13?true post_stories:flags.14?true edit_stories:flags.15?true
/// delete_stories:flags.16?true manage_direct_messages:flags.17?true
/// manage_ranks:flags.18?true manage_linked_peers:flags.19?true = ChatAdminRights;
///
/// Bits 6 and 8 are unused. All false (flags = 0) demotes the user.
struct chat_admin_rights {
    static constexpr std::uint32_t tl_id = 0x5fb224d5;
    static constexpr std::string_view tl_name = "chatAdminRights";
    tl::flags<> flags{};
    tl::flag<0> change_info{};
    tl::flag<1> post_messages{};
    tl::flag<2> edit_messages{};
    tl::flag<3> delete_messages{};
    tl::flag<4> ban_users{};
    tl::flag<5> invite_users{};
    tl::flag<7> pin_messages{};
    tl::flag<9> add_admins{};
    tl::flag<10> anonymous{};
    tl::flag<11> manage_call{};
    tl::flag<12> other{};
    tl::flag<13> manage_topics{};
    tl::flag<14> post_stories{};
    tl::flag<15> edit_stories{};
    tl::flag<16> delete_stories{};
    tl::flag<17> manage_direct_messages{};
    tl::flag<18> manage_ranks{};
    tl::flag<19> manage_linked_peers{};
};
BOOST_DESCRIBE_STRUCT(chat_admin_rights, (),
                      (flags, change_info, post_messages, edit_messages, delete_messages, ban_users, invite_users,
                       pin_messages, add_admins, anonymous, manage_call, other, manage_topics, post_stories,
                       edit_stories, delete_stories, manage_direct_messages, manage_ranks, manage_linked_peers))

} // namespace chatadmin::telegram
