#pragma once
// User: userEmpty and the full `user` of layer 228, with the layer-227 `user` it replaced
// (in namespace legacy; servers still send it to clients of that layer).

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/emoji_status.hpp>
#include <chatadmin/telegram/peer_color.hpp>
#include <chatadmin/telegram/recent_story.hpp>
#include <chatadmin/telegram/restriction_reason.hpp>
#include <chatadmin/telegram/user_profile_photo.hpp>
#include <chatadmin/telegram/user_status.hpp>
#include <chatadmin/telegram/username.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chatadmin::telegram {

/// userEmpty#d3bc4b7a id:long = User;
struct user_empty {
    static constexpr std::uint32_t tl_id = 0xd3bc4b7a;
    static constexpr std::string_view tl_name = "userEmpty";
    std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(user_empty, (), (id))

namespace legacy {

/// The flags section of user#31774388 (layer 227), which user#b1b8cc83 extends by bot_guard.
struct user_flags {
    tl::flags<> flags{};
    tl::flag<10> self{};
    tl::flag<11> contact{};
    tl::flag<12> mutual_contact{};
    tl::flag<13> deleted{};
    tl::flag<14> bot{};
    tl::flag<15> bot_chat_history{};
    tl::flag<16> bot_nochats{};
    tl::flag<17> verified{};
    tl::flag<18> restricted{};
    tl::flag<20> min{};
    tl::flag<21> bot_inline_geo{};
    tl::flag<23> support{};
    tl::flag<24> scam{};
    tl::flag<25> apply_min_photo{};
    tl::flag<26> fake{};
    tl::flag<27> bot_attach_menu{};
    tl::flag<28> premium{};
    tl::flag<29> attach_menu_enabled{};
    tl::flags<1> flags2{};
    tl::flag<1, 1> bot_can_edit{};
    tl::flag<2, 1> close_friend{};
    tl::flag<3, 1> stories_hidden{};
    tl::flag<4, 1> stories_unavailable{};
    tl::flag<10, 1> contact_require_premium{};
    tl::flag<11, 1> bot_business{};
    tl::flag<13, 1> bot_has_main_app{};
    tl::flag<16, 1> bot_forum_view{};
    tl::flag<17, 1> bot_forum_can_manage_topics{};
    tl::flag<18, 1> bot_can_manage_bots{};
    tl::flag<19, 1> bot_guestchat{};
};
BOOST_DESCRIBE_STRUCT(user_flags, (),
                      (flags, self, contact, mutual_contact, deleted, bot, bot_chat_history, bot_nochats, verified,
                       restricted, min, bot_inline_geo, support, scam, apply_min_photo, fake, bot_attach_menu,
                       premium, attach_menu_enabled, flags2, bot_can_edit, close_friend, stories_hidden,
                       stories_unavailable, contact_require_premium, bot_business, bot_has_main_app, bot_forum_view,
                       bot_forum_can_manage_topics, bot_can_manage_bots, bot_guestchat))

} // namespace legacy

/// The flags section of user#b1b8cc83 (below).
struct user_flags : legacy::user_flags {
    tl::flag<20, 1> bot_guard{};
};
BOOST_DESCRIBE_STRUCT(user_flags, (legacy::user_flags), (bot_guard))

/// The members after the flags section that user#b1b8cc83 shares with the layer-227
/// user#31774388: all but linked_community_id. (One Boost.Describe description takes at most
/// 52 members and user has 53, so it is described in parts, inherited in order.)
/// `bot` and `bot_info_version` share bit 14, `restricted` and `restriction_reason` bit 18:
/// setting either sets it (the value then defaults to 0 / empty).
struct user_fields {
    std::int64_t id = 0;
    tl::opt<std::int64_t, 0> access_hash{};
    tl::opt<std::string, 1> first_name{};
    tl::opt<std::string, 2> last_name{};
    tl::opt<std::string, 3> username{};
    tl::opt<std::string, 4> phone{};
    tl::opt<user_profile_photo_type, 5> photo{};
    tl::opt<user_status_type, 6> status{};
    tl::opt<std::int32_t, 14> bot_info_version{};
    tl::opt<std::vector<telegram::restriction_reason>, 18> restriction_reason{};
    tl::opt<std::string, 19> bot_inline_placeholder{};
    tl::opt<std::string, 22> lang_code{};
    tl::opt<emoji_status_type, 30> emoji_status{};
    tl::opt<std::vector<telegram::username>, 0, 1> usernames{};
    tl::opt<recent_story, 5, 1> stories_max_id{};
    tl::opt<peer_color_type, 8, 1> color{};
    tl::opt<peer_color_type, 9, 1> profile_color{};
    tl::opt<std::int32_t, 12, 1> bot_active_users{};
    tl::opt<std::int64_t, 14, 1> bot_verification_icon{};
    tl::opt<std::int64_t, 15, 1> send_paid_messages_stars{};
};
BOOST_DESCRIBE_STRUCT(user_fields, (),
                      (id, access_hash, first_name, last_name, username, phone, photo, status, bot_info_version,
                       restriction_reason, bot_inline_placeholder, lang_code, emoji_status, usernames, stories_max_id,
                       color, profile_color, bot_active_users, bot_verification_icon, send_paid_messages_stars))

/// user#b1b8cc83 flags:# self:flags.10?true contact:flags.11?true mutual_contact:flags.12?true
/// deleted:flags.13?true bot:flags.14?true bot_chat_history:flags.15?true bot_nochats:flags.16?true
/// verified:flags.17?true restricted:flags.18?true min:flags.20?true bot_inline_geo:flags.21?true
/// support:flags.23?true scam:flags.24?true apply_min_photo:flags.25?true fake:flags.26?true
/// bot_attach_menu:flags.27?true premium:flags.28?true attach_menu_enabled:flags.29?true flags2:#
/// bot_can_edit:flags2.1?true close_friend:flags2.2?true stories_hidden:flags2.3?true
/// stories_unavailable:flags2.4?true contact_require_premium:flags2.10?true bot_business:flags2.11?true
/// bot_has_main_app:flags2.13?true bot_forum_view:flags2.16?true bot_forum_can_manage_topics:flags2.17?true
/// bot_can_manage_bots:flags2.18?true bot_guestchat:flags2.19?true bot_guard:flags2.20?true id:long
/// access_hash:flags.0?long first_name:flags.1?string last_name:flags.2?string username:flags.3?string
/// phone:flags.4?string photo:flags.5?UserProfilePhoto status:flags.6?UserStatus
/// bot_info_version:flags.14?int restriction_reason:flags.18?Vector<RestrictionReason>
/// bot_inline_placeholder:flags.19?string lang_code:flags.22?string emoji_status:flags.30?EmojiStatus
/// usernames:flags2.0?Vector<Username> stories_max_id:flags2.5?RecentStory color:flags2.8?PeerColor
/// profile_color:flags2.9?PeerColor bot_active_users:flags2.12?int bot_verification_icon:flags2.14?long
/// send_paid_messages_stars:flags2.15?long linked_community_id:flags2.21?long = User;
struct user : user_flags, user_fields {
    static constexpr std::uint32_t tl_id = 0xb1b8cc83;
    static constexpr std::string_view tl_name = "user";
    tl::opt<std::int64_t, 21, 1> linked_community_id{};
};
BOOST_DESCRIBE_STRUCT(user, (user_flags, user_fields), (linked_community_id))

namespace legacy {

/// user#31774388 flags:# self:flags.10?true contact:flags.11?true mutual_contact:flags.12?true
/// deleted:flags.13?true bot:flags.14?true bot_chat_history:flags.15?true bot_nochats:flags.16?true
/// verified:flags.17?true restricted:flags.18?true min:flags.20?true bot_inline_geo:flags.21?true
/// support:flags.23?true scam:flags.24?true apply_min_photo:flags.25?true fake:flags.26?true
/// bot_attach_menu:flags.27?true premium:flags.28?true attach_menu_enabled:flags.29?true flags2:#
/// bot_can_edit:flags2.1?true close_friend:flags2.2?true stories_hidden:flags2.3?true
/// stories_unavailable:flags2.4?true contact_require_premium:flags2.10?true bot_business:flags2.11?true
/// bot_has_main_app:flags2.13?true bot_forum_view:flags2.16?true bot_forum_can_manage_topics:flags2.17?true
/// bot_can_manage_bots:flags2.18?true bot_guestchat:flags2.19?true id:long access_hash:flags.0?long
/// first_name:flags.1?string last_name:flags.2?string username:flags.3?string phone:flags.4?string
/// photo:flags.5?UserProfilePhoto status:flags.6?UserStatus bot_info_version:flags.14?int
/// restriction_reason:flags.18?Vector<RestrictionReason> bot_inline_placeholder:flags.19?string
/// lang_code:flags.22?string emoji_status:flags.30?EmojiStatus usernames:flags2.0?Vector<Username>
/// stories_max_id:flags2.5?RecentStory color:flags2.8?PeerColor profile_color:flags2.9?PeerColor
/// bot_active_users:flags2.12?int bot_verification_icon:flags2.14?long
/// send_paid_messages_stars:flags2.15?long = User;
///
/// Layer 227: the current user without bot_guard and linked_community_id.
struct user : user_flags, user_fields {
    static constexpr std::uint32_t tl_id = 0x31774388;
    static constexpr std::string_view tl_name = "user";
};
BOOST_DESCRIBE_STRUCT(user, (user_flags, user_fields), ())

} // namespace legacy

/// The TL type `User`: userEmpty, user (layer 228) and user#31774388 (layer 227).
struct user_type : std::variant<user_empty, user, legacy::user> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
