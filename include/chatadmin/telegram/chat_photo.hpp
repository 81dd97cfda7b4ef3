#pragma once
// ChatPhoto: the photo of a group or channel as a Chat carries it (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// chatPhotoEmpty#37c1011c = ChatPhoto;
struct chat_photo_empty {
    static constexpr std::uint32_t tl_id = 0x37c1011c;
    static constexpr std::string_view tl_name = "chatPhotoEmpty";
};
BOOST_DESCRIBE_STRUCT(chat_photo_empty, (), ())

/// chatPhoto#1c6e1c11 flags:# has_video:flags.0?true photo_id:long stripped_thumb:flags.1?bytes
/// dc_id:int = ChatPhoto;
struct chat_photo {
    static constexpr std::uint32_t tl_id = 0x1c6e1c11;
    static constexpr std::string_view tl_name = "chatPhoto";
    tl::flags<> flags{};
    tl::flag<0> has_video{};
    std::int64_t photo_id = 0;
    tl::opt<tl::bytes, 1> stripped_thumb{};
    std::int32_t dc_id = 0;
};
BOOST_DESCRIBE_STRUCT(chat_photo, (), (flags, has_video, photo_id, stripped_thumb, dc_id))

/// The TL type `ChatPhoto`.
struct chat_photo_type : std::variant<chat_photo_empty, chat_photo> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
