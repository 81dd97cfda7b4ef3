#pragma once
// Updates: the result type of channels.editAdmin, with the constructors of the older documentation page
// (layers 119-123, in namespace legacy) and their layer-228 successors.

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/chat.hpp>
#include <chatadmin/telegram/update.hpp>
#include <chatadmin/telegram/user.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace chatadmin::telegram {

using message_fwd_header = tl::unmodelled<"MessageFwdHeader">;
using message_reply_header = tl::unmodelled<"MessageReplyHeader">;
using message_entity = tl::unmodelled<"MessageEntity">;
using message_media = tl::unmodelled<"MessageMedia">;

/// updatesTooLong#e317af7e = Updates;
struct updates_too_long {
    static constexpr std::uint32_t tl_id = 0xe317af7e;
    static constexpr std::string_view tl_name = "updatesTooLong";
};
BOOST_DESCRIBE_STRUCT(updates_too_long, (), ())

/// updateShortMessage#313bc7f8 flags:# out:flags.1?true mentioned:flags.4?true
/// media_unread:flags.5?true silent:flags.13?true id:int user_id:long message:string pts:int
/// pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?long
/// reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity>
/// ttl_period:flags.25?int = Updates;
struct update_short_message {
    static constexpr std::uint32_t tl_id = 0x313bc7f8;
    static constexpr std::string_view tl_name = "updateShortMessage";
    tl::flags<> flags{};
    tl::flag<1> out{};
    tl::flag<4> mentioned{};
    tl::flag<5> media_unread{};
    tl::flag<13> silent{};
    std::int32_t id = 0;
    std::int64_t user_id = 0;
    std::string message{};
    std::int32_t pts = 0;
    std::int32_t pts_count = 0;
    std::int32_t date = 0;
    tl::opt<message_fwd_header, 2> fwd_from{};
    tl::opt<std::int64_t, 11> via_bot_id{};
    tl::opt<message_reply_header, 3> reply_to{};
    tl::opt<std::vector<message_entity>, 7> entities{};
    tl::opt<std::int32_t, 25> ttl_period{};
};
BOOST_DESCRIBE_STRUCT(update_short_message, (),
                      (flags, out, mentioned, media_unread, silent, id, user_id, message, pts, pts_count, date,
                       fwd_from, via_bot_id, reply_to, entities, ttl_period))

/// updateShortChatMessage#4d6deea5 flags:# out:flags.1?true mentioned:flags.4?true
/// media_unread:flags.5?true silent:flags.13?true id:int from_id:long chat_id:long message:string
/// pts:int pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?long
/// reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity>
/// ttl_period:flags.25?int = Updates;
struct update_short_chat_message {
    static constexpr std::uint32_t tl_id = 0x4d6deea5;
    static constexpr std::string_view tl_name = "updateShortChatMessage";
    tl::flags<> flags{};
    tl::flag<1> out{};
    tl::flag<4> mentioned{};
    tl::flag<5> media_unread{};
    tl::flag<13> silent{};
    std::int32_t id = 0;
    std::int64_t from_id = 0;
    std::int64_t chat_id = 0;
    std::string message{};
    std::int32_t pts = 0;
    std::int32_t pts_count = 0;
    std::int32_t date = 0;
    tl::opt<message_fwd_header, 2> fwd_from{};
    tl::opt<std::int64_t, 11> via_bot_id{};
    tl::opt<message_reply_header, 3> reply_to{};
    tl::opt<std::vector<message_entity>, 7> entities{};
    tl::opt<std::int32_t, 25> ttl_period{};
};
BOOST_DESCRIBE_STRUCT(update_short_chat_message, (),
                      (flags, out, mentioned, media_unread, silent, id, from_id, chat_id, message, pts, pts_count,
                       date, fwd_from, via_bot_id, reply_to, entities, ttl_period))

/// updateShort#78d4dec1 update:Update date:int = Updates;
struct update_short {
    static constexpr std::uint32_t tl_id = 0x78d4dec1;
    static constexpr std::string_view tl_name = "updateShort";
    update_type update{};
    std::int32_t date = 0;
};
BOOST_DESCRIBE_STRUCT(update_short, (), (update, date))

/// updatesCombined#725b04c3 updates:Vector<Update> users:Vector<User> chats:Vector<Chat>
/// date:int seq_start:int seq:int = Updates;
struct updates_combined {
    static constexpr std::uint32_t tl_id = 0x725b04c3;
    static constexpr std::string_view tl_name = "updatesCombined";
    std::vector<update_type> updates{};
    std::vector<user_type> users{};
    std::vector<chat_type> chats{};
    std::int32_t date = 0;
    std::int32_t seq_start = 0;
    std::int32_t seq = 0;
};
BOOST_DESCRIBE_STRUCT(updates_combined, (), (updates, users, chats, date, seq_start, seq))

/// updates#74ae4240 updates:Vector<Update> users:Vector<User> chats:Vector<Chat> date:int
/// seq:int = Updates;
struct updates {
    static constexpr std::uint32_t tl_id = 0x74ae4240;
    static constexpr std::string_view tl_name = "updates";
    std::vector<update_type> updates{};
    std::vector<user_type> users{};
    std::vector<chat_type> chats{};
    std::int32_t date = 0;
    std::int32_t seq = 0;
};
BOOST_DESCRIBE_STRUCT(updates, (), (updates, users, chats, date, seq))

/// updateShortSentMessage#9015e101 flags:# out:flags.1?true id:int pts:int pts_count:int date:int
/// media:flags.9?MessageMedia entities:flags.7?Vector<MessageEntity> ttl_period:flags.25?int = Updates;
struct update_short_sent_message {
    static constexpr std::uint32_t tl_id = 0x9015e101;
    static constexpr std::string_view tl_name = "updateShortSentMessage";
    tl::flags<> flags{};
    tl::flag<1> out{};
    std::int32_t id = 0;
    std::int32_t pts = 0;
    std::int32_t pts_count = 0;
    std::int32_t date = 0;
    tl::opt<message_media, 9> media{};
    tl::opt<std::vector<message_entity>, 7> entities{};
    tl::opt<std::int32_t, 25> ttl_period{};
};
BOOST_DESCRIBE_STRUCT(update_short_sent_message, (),
                      (flags, out, id, pts, pts_count, date, media, entities, ttl_period))

/// Constructors of the older documentation page that later layers replaced (32-bit ids, no ttl_period).
namespace legacy {

/// updateShortMessage#2296d2c8 flags:# out:flags.1?true mentioned:flags.4?true
/// media_unread:flags.5?true silent:flags.13?true id:int user_id:int message:string pts:int
/// pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?int
/// reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity> = Updates;
struct update_short_message {
    static constexpr std::uint32_t tl_id = 0x2296d2c8;
    static constexpr std::string_view tl_name = "updateShortMessage";
    tl::flags<> flags{};
    tl::flag<1> out{};
    tl::flag<4> mentioned{};
    tl::flag<5> media_unread{};
    tl::flag<13> silent{};
    std::int32_t id = 0;
    std::int32_t user_id = 0;
    std::string message{};
    std::int32_t pts = 0;
    std::int32_t pts_count = 0;
    std::int32_t date = 0;
    tl::opt<message_fwd_header, 2> fwd_from{};
    tl::opt<std::int32_t, 11> via_bot_id{};
    tl::opt<message_reply_header, 3> reply_to{};
    tl::opt<std::vector<message_entity>, 7> entities{};
};
BOOST_DESCRIBE_STRUCT(update_short_message, (),
                      (flags, out, mentioned, media_unread, silent, id, user_id, message, pts, pts_count, date,
                       fwd_from, via_bot_id, reply_to, entities))

/// updateShortChatMessage#402d5dbb flags:# out:flags.1?true mentioned:flags.4?true
/// media_unread:flags.5?true silent:flags.13?true id:int from_id:int chat_id:int message:string
/// pts:int pts_count:int date:int fwd_from:flags.2?MessageFwdHeader via_bot_id:flags.11?int
/// reply_to:flags.3?MessageReplyHeader entities:flags.7?Vector<MessageEntity> = Updates;
struct update_short_chat_message {
    static constexpr std::uint32_t tl_id = 0x402d5dbb;
    static constexpr std::string_view tl_name = "updateShortChatMessage";
    tl::flags<> flags{};
    tl::flag<1> out{};
    tl::flag<4> mentioned{};
    tl::flag<5> media_unread{};
    tl::flag<13> silent{};
    std::int32_t id = 0;
    std::int32_t from_id = 0;
    std::int32_t chat_id = 0;
    std::string message{};
    std::int32_t pts = 0;
    std::int32_t pts_count = 0;
    std::int32_t date = 0;
    tl::opt<message_fwd_header, 2> fwd_from{};
    tl::opt<std::int32_t, 11> via_bot_id{};
    tl::opt<message_reply_header, 3> reply_to{};
    tl::opt<std::vector<message_entity>, 7> entities{};
};
BOOST_DESCRIBE_STRUCT(update_short_chat_message, (),
                      (flags, out, mentioned, media_unread, silent, id, from_id, chat_id, message, pts, pts_count,
                       date, fwd_from, via_bot_id, reply_to, entities))

/// updateShortSentMessage#11f1331c flags:# out:flags.1?true id:int pts:int pts_count:int date:int
/// media:flags.9?MessageMedia entities:flags.7?Vector<MessageEntity> = Updates;
struct update_short_sent_message {
    static constexpr std::uint32_t tl_id = 0x11f1331c;
    static constexpr std::string_view tl_name = "updateShortSentMessage";
    tl::flags<> flags{};
    tl::flag<1> out{};
    std::int32_t id = 0;
    std::int32_t pts = 0;
    std::int32_t pts_count = 0;
    std::int32_t date = 0;
    tl::opt<message_media, 9> media{};
    tl::opt<std::vector<message_entity>, 7> entities{};
};
BOOST_DESCRIBE_STRUCT(update_short_sent_message, (), (flags, out, id, pts, pts_count, date, media, entities))

} // namespace legacy

/// The TL type `Updates`: every constructor of the older documentation page and of layer 228.
struct updates_type
    : std::variant<updates_too_long, update_short_message, update_short_chat_message, update_short, updates_combined,
                   updates, update_short_sent_message, legacy::update_short_message,
                   legacy::update_short_chat_message, legacy::update_short_sent_message> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
