#pragma once
// Update: the updates a server sends back for channels.editAdmin.
//
// Modelled: updateChannel and updateChannelParticipant. Any other update fails to
// decode with unknown_constructor naming its id.

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/channel_participant.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// updateChannel#635b4c09 channel_id:long = Update;
struct update_channel {
    static constexpr std::uint32_t tl_id = 0x635b4c09;
    static constexpr std::string_view tl_name = "updateChannel";
    std::int64_t channel_id = 0;
};
BOOST_DESCRIBE_STRUCT(update_channel, (), (channel_id))

/// updateChannelParticipant#985d3abb flags:# via_chatlist:flags.3?true channel_id:long date:int
/// actor_id:long user_id:long prev_participant:flags.0?ChannelParticipant
/// new_participant:flags.1?ChannelParticipant invite:flags.2?ExportedChatInvite qts:int = Update;
struct update_channel_participant {
    static constexpr std::uint32_t tl_id = 0x985d3abb;
    static constexpr std::string_view tl_name = "updateChannelParticipant";
    tl::flags<> flags{};
    tl::flag<3> via_chatlist{};
    std::int64_t channel_id = 0;
    std::int32_t date = 0;
    std::int64_t actor_id = 0;
    std::int64_t user_id = 0;
    tl::opt<channel_participant_type, 0> prev_participant{};
    tl::opt<channel_participant_type, 1> new_participant{};
    tl::opt<tl::unmodelled<"ExportedChatInvite">, 2> invite{};
    std::int32_t qts = 0;
};
BOOST_DESCRIBE_STRUCT(update_channel_participant, (),
                      (flags, via_chatlist, channel_id, date, actor_id, user_id, prev_participant, new_participant,
                       invite, qts))

/// The TL type `Update` (updateChannel and updateChannelParticipant are modelled).
struct update_type : std::variant<update_channel, update_channel_participant> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
