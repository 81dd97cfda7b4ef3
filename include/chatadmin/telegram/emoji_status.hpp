#pragma once
// EmojiStatus: the custom emoji (or collectible gift) shown next to a name (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// emojiStatusEmpty#2de11aae = EmojiStatus;
struct emoji_status_empty {
    static constexpr std::uint32_t tl_id = 0x2de11aae;
    static constexpr std::string_view tl_name = "emojiStatusEmpty";
};
BOOST_DESCRIBE_STRUCT(emoji_status_empty, (), ())

/// emojiStatus#e7ff068a flags:# document_id:long until:flags.0?int = EmojiStatus;
struct emoji_status {
    static constexpr std::uint32_t tl_id = 0xe7ff068a;
    static constexpr std::string_view tl_name = "emojiStatus";
    tl::flags<> flags{};
    std::int64_t document_id = 0;
    tl::opt<std::int32_t, 0> until{};
};
BOOST_DESCRIBE_STRUCT(emoji_status, (), (flags, document_id, until))

/// emojiStatusCollectible#7184603b flags:# collectible_id:long document_id:long title:string
/// slug:string pattern_document_id:long center_color:int edge_color:int pattern_color:int
/// text_color:int until:flags.0?int = EmojiStatus;
struct emoji_status_collectible {
    static constexpr std::uint32_t tl_id = 0x7184603b;
    static constexpr std::string_view tl_name = "emojiStatusCollectible";
    tl::flags<> flags{};
    std::int64_t collectible_id = 0;
    std::int64_t document_id = 0;
    std::string title{};
    std::string slug{};
    std::int64_t pattern_document_id = 0;
    std::int32_t center_color = 0;
    std::int32_t edge_color = 0;
    std::int32_t pattern_color = 0;
    std::int32_t text_color = 0;
    tl::opt<std::int32_t, 0> until{};
};
BOOST_DESCRIBE_STRUCT(emoji_status_collectible, (),
                      (flags, collectible_id, document_id, title, slug, pattern_document_id, center_color, edge_color,
                       pattern_color, text_color, until))

/// inputEmojiStatusCollectible#07141dbf flags:# collectible_id:long until:flags.0?int = EmojiStatus;
struct input_emoji_status_collectible {
    static constexpr std::uint32_t tl_id = 0x07141dbf;
    static constexpr std::string_view tl_name = "inputEmojiStatusCollectible";
    tl::flags<> flags{};
    std::int64_t collectible_id = 0;
    tl::opt<std::int32_t, 0> until{};
};
BOOST_DESCRIBE_STRUCT(input_emoji_status_collectible, (), (flags, collectible_id, until))

/// The TL type `EmojiStatus`.
struct emoji_status_type
    : std::variant<emoji_status_empty, emoji_status, emoji_status_collectible, input_emoji_status_collectible> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
