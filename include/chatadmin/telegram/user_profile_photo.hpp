#pragma once
// UserProfilePhoto: a user's profile photo as a User carries it (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// userProfilePhotoEmpty#4f11bae1 = UserProfilePhoto;
struct user_profile_photo_empty {
    static constexpr std::uint32_t tl_id = 0x4f11bae1;
    static constexpr std::string_view tl_name = "userProfilePhotoEmpty";
};
BOOST_DESCRIBE_STRUCT(user_profile_photo_empty, (), ())

/// userProfilePhoto#82d1f706 flags:# has_video:flags.0?true personal:flags.2?true photo_id:long
/// stripped_thumb:flags.1?bytes dc_id:int = UserProfilePhoto;
struct user_profile_photo {
    static constexpr std::uint32_t tl_id = 0x82d1f706;
    static constexpr std::string_view tl_name = "userProfilePhoto";
    tl::flags<> flags{};
    tl::flag<0> has_video{};
    tl::flag<2> personal{};
    std::int64_t photo_id = 0;
    tl::opt<tl::bytes, 1> stripped_thumb{};
    std::int32_t dc_id = 0;
};
BOOST_DESCRIBE_STRUCT(user_profile_photo, (), (flags, has_video, personal, photo_id, stripped_thumb, dc_id))

/// The TL type `UserProfilePhoto`.
struct user_profile_photo_type : std::variant<user_profile_photo_empty, user_profile_photo> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
