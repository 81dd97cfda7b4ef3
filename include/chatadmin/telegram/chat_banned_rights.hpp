#pragma once
// ChatBannedRights: what a member may NOT do (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>

namespace chatadmin::telegram {

/// chatBannedRights#9f120418 flags:# view_messages:flags.0?true send_messages:flags.1?true
/// send_media:flags.2?true send_stickers:flags.3?true send_gifs:flags.4?true
/// send_games:flags.5?true send_inline:flags.6?true embed_links:flags.7?true
/// send_polls:flags.8?true change_info:flags.10?true invite_users:flags.15?true
/// pin_messages:flags.17?true manage_topics:flags.18?true send_photos:flags.19?true
/// send_videos:flags.20?true send_roundvideos:flags.21?true send_audios:flags.22?true
/// send_voices:flags.23?true send_docs:flags.24?true send_plain:flags.25?true
/// edit_rank:flags.26?true send_reactions:flags.27?true manage_linked_peers:flags.28?true
/// until_date:int = ChatBannedRights;
///
/// Bits 26-28 come from schema copies of layers 223-228 that were not all cross-checked;
/// any bit this struct does not name is kept in `flags` and written back unchanged.
struct chat_banned_rights {
    static constexpr std::uint32_t tl_id = 0x9f120418;
    static constexpr std::string_view tl_name = "chatBannedRights";
    tl::flags<> flags{};
    tl::flag<0> view_messages{};
    tl::flag<1> send_messages{};
    tl::flag<2> send_media{};
    tl::flag<3> send_stickers{};
    tl::flag<4> send_gifs{};
    tl::flag<5> send_games{};
    tl::flag<6> send_inline{};
    tl::flag<7> embed_links{};
    tl::flag<8> send_polls{};
    tl::flag<10> change_info{};
    tl::flag<15> invite_users{};
    tl::flag<17> pin_messages{};
    tl::flag<18> manage_topics{};
    tl::flag<19> send_photos{};
    tl::flag<20> send_videos{};
    tl::flag<21> send_roundvideos{};
    tl::flag<22> send_audios{};
    tl::flag<23> send_voices{};
    tl::flag<24> send_docs{};
    tl::flag<25> send_plain{};
    tl::flag<26> edit_rank{};
    tl::flag<27> send_reactions{};
    tl::flag<28> manage_linked_peers{};
    std::int32_t until_date = 0;
};
BOOST_DESCRIBE_STRUCT(chat_banned_rights, (),
                      (flags, view_messages, send_messages, send_media, send_stickers, send_gifs, send_games,
                       send_inline, embed_links, send_polls, change_info, invite_users, pin_messages, manage_topics,
                       send_photos, send_videos, send_roundvideos, send_audios, send_voices, send_docs, send_plain,
                       edit_rank, send_reactions, manage_linked_peers, until_date))

} // namespace chatadmin::telegram
