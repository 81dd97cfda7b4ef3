#pragma once
// Chat: a basic group, channel or supergroup (layer 228), with the layer-227 `channel` it
// replaced (in namespace legacy; servers still send it to clients of that layer).
//
// Not modelled: `community` and `communityForbidden` of the same schema; an answer
// carrying them fails to decode with unknown_constructor naming the id, rather than being misread.

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/chat_admin_rights.hpp>
#include <chatadmin/telegram/chat_banned_rights.hpp>
#include <chatadmin/telegram/chat_photo.hpp>
#include <chatadmin/telegram/emoji_status.hpp>
#include <chatadmin/telegram/input_channel.hpp>
#include <chatadmin/telegram/peer_color.hpp>
#include <chatadmin/telegram/recent_story.hpp>
#include <chatadmin/telegram/restriction_reason.hpp>
#include <chatadmin/telegram/username.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chatadmin::telegram {

/// chatEmpty#29562865 id:long = Chat;
struct chat_empty {
    static constexpr std::uint32_t tl_id = 0x29562865;
    static constexpr std::string_view tl_name = "chatEmpty";
    std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(chat_empty, (), (id))

/// chatForbidden#6592a1a7 id:long title:string = Chat;
struct chat_forbidden {
    static constexpr std::uint32_t tl_id = 0x6592a1a7;
    static constexpr std::string_view tl_name = "chatForbidden";
    std::int64_t id = 0;
    std::string title{};
};
BOOST_DESCRIBE_STRUCT(chat_forbidden, (), (id, title))

/// channelForbidden#17d493d5 flags:# broadcast:flags.5?true megagroup:flags.8?true
/// monoforum:flags.10?true id:long access_hash:long title:string until_date:flags.16?int = Chat;
struct channel_forbidden {
    static constexpr std::uint32_t tl_id = 0x17d493d5;
    static constexpr std::string_view tl_name = "channelForbidden";
    tl::flags<> flags{};
    tl::flag<5> broadcast{};
    tl::flag<8> megagroup{};
    tl::flag<10> monoforum{};
    std::int64_t id = 0;
    std::int64_t access_hash = 0;
    std::string title{};
    tl::opt<std::int32_t, 16> until_date{};
};
BOOST_DESCRIBE_STRUCT(channel_forbidden, (), (flags, broadcast, megagroup, monoforum, id, access_hash, title, until_date))

/// chat#41cbf256 flags:# creator:flags.0?true left:flags.2?true deactivated:flags.5?true
/// call_active:flags.23?true call_not_empty:flags.24?true noforwards:flags.25?true id:long
/// title:string photo:ChatPhoto participants_count:int date:int version:int
/// migrated_to:flags.6?InputChannel admin_rights:flags.14?ChatAdminRights
/// default_banned_rights:flags.18?ChatBannedRights = Chat;
struct chat {
    static constexpr std::uint32_t tl_id = 0x41cbf256;
    static constexpr std::string_view tl_name = "chat";
    tl::flags<> flags{};
    tl::flag<0> creator{};
    tl::flag<2> left{};
    tl::flag<5> deactivated{};
    tl::flag<23> call_active{};
    tl::flag<24> call_not_empty{};
    tl::flag<25> noforwards{};
    std::int64_t id = 0;
    std::string title{};
    chat_photo_type photo{};
    std::int32_t participants_count = 0;
    std::int32_t date = 0;
    std::int32_t version = 0;
    tl::opt<input_channel_type, 6> migrated_to{};
    tl::opt<chat_admin_rights, 14> admin_rights{};
    tl::opt<chat_banned_rights, 18> default_banned_rights{};
};
BOOST_DESCRIBE_STRUCT(chat, (),
                      (flags, creator, left, deactivated, call_active, call_not_empty, noforwards, id, title, photo,
                       participants_count, date, version, migrated_to, admin_rights, default_banned_rights))

/// The members of channel#d49f34c6 (below) that the layer-227 channel#1c32b11c it replaced
/// also has: all but linked_community_id.
/// `restricted` and `restriction_reason` share bit 9: setting either sets it.
struct channel_fields {
    tl::flags<> flags{};
    tl::flag<0> creator{};
    tl::flag<2> left{};
    tl::flag<5> broadcast{};
    tl::flag<7> verified{};
    tl::flag<8> megagroup{};
    tl::flag<9> restricted{};
    tl::flag<11> signatures{};
    tl::flag<12> min{};
    tl::flag<19> scam{};
    tl::flag<20> has_link{};
    tl::flag<21> has_geo{};
    tl::flag<22> slowmode_enabled{};
    tl::flag<23> call_active{};
    tl::flag<24> call_not_empty{};
    tl::flag<25> fake{};
    tl::flag<26> gigagroup{};
    tl::flag<27> noforwards{};
    tl::flag<28> join_to_send{};
    tl::flag<29> join_request{};
    tl::flag<30> forum{};
    tl::flags<1> flags2{};
    tl::flag<1, 1> stories_hidden{};
    tl::flag<2, 1> stories_hidden_min{};
    tl::flag<3, 1> stories_unavailable{};
    tl::flag<12, 1> signature_profiles{};
    tl::flag<15, 1> autotranslation{};
    tl::flag<16, 1> broadcast_messages_allowed{};
    tl::flag<17, 1> monoforum{};
    tl::flag<19, 1> forum_tabs{};
    std::int64_t id = 0;
    tl::opt<std::int64_t, 13> access_hash{};
    std::string title{};
    tl::opt<std::string, 6> username{};
    chat_photo_type photo{};
    std::int32_t date = 0;
    tl::opt<std::vector<telegram::restriction_reason>, 9> restriction_reason{};
    tl::opt<chat_admin_rights, 14> admin_rights{};
    tl::opt<chat_banned_rights, 15> banned_rights{};
    tl::opt<chat_banned_rights, 18> default_banned_rights{};
    tl::opt<std::int32_t, 17> participants_count{};
    tl::opt<std::vector<telegram::username>, 0, 1> usernames{};
    tl::opt<recent_story, 4, 1> stories_max_id{};
    tl::opt<peer_color_type, 7, 1> color{};
    tl::opt<peer_color_type, 8, 1> profile_color{};
    tl::opt<emoji_status_type, 9, 1> emoji_status{};
    tl::opt<std::int32_t, 10, 1> level{};
    tl::opt<std::int32_t, 11, 1> subscription_until_date{};
    tl::opt<std::int64_t, 13, 1> bot_verification_icon{};
    tl::opt<std::int64_t, 14, 1> send_paid_messages_stars{};
    tl::opt<std::int64_t, 18, 1> linked_monoforum_id{};
};
BOOST_DESCRIBE_STRUCT(channel_fields, (),
                      (flags, creator, left, broadcast, verified, megagroup, restricted, signatures, min, scam,
                       has_link, has_geo, slowmode_enabled, call_active, call_not_empty, fake, gigagroup, noforwards,
                       join_to_send, join_request, forum, flags2, stories_hidden, stories_hidden_min,
                       stories_unavailable, signature_profiles, autotranslation, broadcast_messages_allowed,
                       monoforum, forum_tabs, id, access_hash, title, username, photo, date, restriction_reason,
                       admin_rights, banned_rights, default_banned_rights, participants_count, usernames,
                       stories_max_id, color, profile_color, emoji_status, level, subscription_until_date,
                       bot_verification_icon, send_paid_messages_stars, linked_monoforum_id))

/// channel#d49f34c6 flags:# creator:flags.0?true left:flags.2?true broadcast:flags.5?true
/// verified:flags.7?true megagroup:flags.8?true restricted:flags.9?true signatures:flags.11?true
/// min:flags.12?true scam:flags.19?true has_link:flags.20?true has_geo:flags.21?true
/// slowmode_enabled:flags.22?true call_active:flags.23?true call_not_empty:flags.24?true
/// fake:flags.25?true gigagroup:flags.26?true noforwards:flags.27?true join_to_send:flags.28?true
/// join_request:flags.29?true forum:flags.30?true flags2:# stories_hidden:flags2.1?true
/// stories_hidden_min:flags2.2?true stories_unavailable:flags2.3?true signature_profiles:flags2.12?true
/// autotranslation:flags2.15?true broadcast_messages_allowed:flags2.16?true monoforum:flags2.17?true
/// forum_tabs:flags2.19?true id:long access_hash:flags.13?long title:string username:flags.6?string
/// photo:ChatPhoto date:int restriction_reason:flags.9?Vector<RestrictionReason>
/// admin_rights:flags.14?ChatAdminRights banned_rights:flags.15?ChatBannedRights
/// default_banned_rights:flags.18?ChatBannedRights participants_count:flags.17?int
/// usernames:flags2.0?Vector<Username> stories_max_id:flags2.4?RecentStory color:flags2.7?PeerColor
/// profile_color:flags2.8?PeerColor emoji_status:flags2.9?EmojiStatus level:flags2.10?int
/// subscription_until_date:flags2.11?int bot_verification_icon:flags2.13?long
/// send_paid_messages_stars:flags2.14?long linked_monoforum_id:flags2.18?long
/// linked_community_id:flags2.20?long = Chat;
struct channel : channel_fields {
    static constexpr std::uint32_t tl_id = 0xd49f34c6;
    static constexpr std::string_view tl_name = "channel";
    tl::opt<std::int64_t, 20, 1> linked_community_id{};
};
BOOST_DESCRIBE_STRUCT(channel, (channel_fields), (linked_community_id))

namespace legacy {

/// channel#1c32b11c flags:# creator:flags.0?true left:flags.2?true broadcast:flags.5?true
/// verified:flags.7?true megagroup:flags.8?true restricted:flags.9?true signatures:flags.11?true
/// min:flags.12?true scam:flags.19?true has_link:flags.20?true has_geo:flags.21?true
/// slowmode_enabled:flags.22?true call_active:flags.23?true call_not_empty:flags.24?true
/// fake:flags.25?true gigagroup:flags.26?true noforwards:flags.27?true join_to_send:flags.28?true
/// join_request:flags.29?true forum:flags.30?true flags2:# stories_hidden:flags2.1?true
/// stories_hidden_min:flags2.2?true stories_unavailable:flags2.3?true signature_profiles:flags2.12?true
/// autotranslation:flags2.15?true broadcast_messages_allowed:flags2.16?true monoforum:flags2.17?true
/// forum_tabs:flags2.19?true id:long access_hash:flags.13?long title:string username:flags.6?string
/// photo:ChatPhoto date:int restriction_reason:flags.9?Vector<RestrictionReason>
/// admin_rights:flags.14?ChatAdminRights banned_rights:flags.15?ChatBannedRights
/// default_banned_rights:flags.18?ChatBannedRights participants_count:flags.17?int
/// usernames:flags2.0?Vector<Username> stories_max_id:flags2.4?RecentStory color:flags2.7?PeerColor
/// profile_color:flags2.8?PeerColor emoji_status:flags2.9?EmojiStatus level:flags2.10?int
/// subscription_until_date:flags2.11?int bot_verification_icon:flags2.13?long
/// send_paid_messages_stars:flags2.14?long linked_monoforum_id:flags2.18?long = Chat;
///
/// Layer 227: the current channel without linked_community_id.
struct channel : channel_fields {
    static constexpr std::uint32_t tl_id = 0x1c32b11c;
    static constexpr std::string_view tl_name = "channel";
};
BOOST_DESCRIBE_STRUCT(channel, (channel_fields), ())

} // namespace legacy

/// The TL type `Chat`: every constructor of layer 228 but community and communityForbidden,
/// and channel#1c32b11c of layer 227.
struct chat_type
    : std::variant<chat_empty, chat_forbidden, channel_forbidden, chat, channel, legacy::channel> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
