#pragma once
// ChannelParticipant: a member of a channel or supergroup (layer 228; ranks since layer 223).

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/chat_admin_rights.hpp>
#include <chatadmin/telegram/chat_banned_rights.hpp>
#include <chatadmin/telegram/peer.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// channelParticipant#1bd54456 flags:# user_id:long date:int
/// subscription_until_date:flags.0?int rank:flags.2?string = ChannelParticipant;
struct channel_participant {
    static constexpr std::uint32_t tl_id = 0x1bd54456;
    static constexpr std::string_view tl_name = "channelParticipant";
    tl::flags<> flags{};
    std::int64_t user_id = 0;
    std::int32_t date = 0;
    tl::opt<std::int32_t, 0> subscription_until_date{};
    tl::opt<std::string, 2> rank{};
};
BOOST_DESCRIBE_STRUCT(channel_participant, (), (flags, user_id, date, subscription_until_date, rank))

/// channelParticipantSelf#a9478a1a flags:# via_request:flags.0?true user_id:long inviter_id:long
/// date:int subscription_until_date:flags.1?int rank:flags.2?string = ChannelParticipant;
struct channel_participant_self {
    static constexpr std::uint32_t tl_id = 0xa9478a1a;
    static constexpr std::string_view tl_name = "channelParticipantSelf";
    tl::flags<> flags{};
    tl::flag<0> via_request{};
    std::int64_t user_id = 0;
    std::int64_t inviter_id = 0;
    std::int32_t date = 0;
    tl::opt<std::int32_t, 1> subscription_until_date{};
    tl::opt<std::string, 2> rank{};
};
BOOST_DESCRIBE_STRUCT(channel_participant_self, (),
                      (flags, via_request, user_id, inviter_id, date, subscription_until_date, rank))

/// channelParticipantCreator#2fe601d3 flags:# user_id:long admin_rights:ChatAdminRights
/// rank:flags.0?string = ChannelParticipant;
struct channel_participant_creator {
    static constexpr std::uint32_t tl_id = 0x2fe601d3;
    static constexpr std::string_view tl_name = "channelParticipantCreator";
    tl::flags<> flags{};
    std::int64_t user_id = 0;
    chat_admin_rights admin_rights{};
    tl::opt<std::string, 0> rank{};
};
BOOST_DESCRIBE_STRUCT(channel_participant_creator, (), (flags, user_id, admin_rights, rank))

/// channelParticipantAdmin#34c3bb53 flags:# can_edit:flags.0?true self:flags.1?true user_id:long
/// inviter_id:flags.1?long promoted_by:long date:int admin_rights:ChatAdminRights
/// rank:flags.2?string = ChannelParticipant;
///
/// `self` and `inviter_id` share bit 1: setting either sets it (inviter_id then defaults to 0).
struct channel_participant_admin {
    static constexpr std::uint32_t tl_id = 0x34c3bb53;
    static constexpr std::string_view tl_name = "channelParticipantAdmin";
    tl::flags<> flags{};
    tl::flag<0> can_edit{};
    tl::flag<1> self{};
    std::int64_t user_id = 0;
    tl::opt<std::int64_t, 1> inviter_id{};
    std::int64_t promoted_by = 0;
    std::int32_t date = 0;
    chat_admin_rights admin_rights{};
    tl::opt<std::string, 2> rank{};
};
BOOST_DESCRIBE_STRUCT(channel_participant_admin, (),
                      (flags, can_edit, self, user_id, inviter_id, promoted_by, date, admin_rights, rank))

/// channelParticipantBanned#d5f0ad91 flags:# left:flags.0?true peer:Peer kicked_by:long date:int
/// banned_rights:ChatBannedRights rank:flags.2?string = ChannelParticipant;
struct channel_participant_banned {
    static constexpr std::uint32_t tl_id = 0xd5f0ad91;
    static constexpr std::string_view tl_name = "channelParticipantBanned";
    tl::flags<> flags{};
    tl::flag<0> left{};
    peer_type peer{};
    std::int64_t kicked_by = 0;
    std::int32_t date = 0;
    chat_banned_rights banned_rights{};
    tl::opt<std::string, 2> rank{};
};
BOOST_DESCRIBE_STRUCT(channel_participant_banned, (), (flags, left, peer, kicked_by, date, banned_rights, rank))

/// channelParticipantLeft#1b03f006 peer:Peer = ChannelParticipant;
struct channel_participant_left {
    static constexpr std::uint32_t tl_id = 0x1b03f006;
    static constexpr std::string_view tl_name = "channelParticipantLeft";
    peer_type peer{};
};
BOOST_DESCRIBE_STRUCT(channel_participant_left, (), (peer))

/// The TL type `ChannelParticipant`.
struct channel_participant_type
    : std::variant<channel_participant, channel_participant_self, channel_participant_creator,
                   channel_participant_admin, channel_participant_banned, channel_participant_left> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
