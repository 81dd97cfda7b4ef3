#pragma once
// Chat, as far as an editAdmin answer needs it.
//
// Modelled: chatEmpty, chatForbidden, channelForbidden. The full `chat` and `channel`
// constructors change often between layers and are not modelled; an answer carrying
// them fails to decode with unknown_constructor naming the id, rather than being misread.

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

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

/// The TL type `Chat` (chatEmpty, chatForbidden and channelForbidden are modelled).
struct chat_type : std::variant<chat_empty, chat_forbidden, channel_forbidden> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
