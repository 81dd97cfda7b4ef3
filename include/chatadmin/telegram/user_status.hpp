#pragma once
// UserStatus: when a user was last seen, as far as their privacy settings tell (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// userStatusEmpty#09d05049 = UserStatus;
struct user_status_empty {
    static constexpr std::uint32_t tl_id = 0x09d05049;
    static constexpr std::string_view tl_name = "userStatusEmpty";
};
BOOST_DESCRIBE_STRUCT(user_status_empty, (), ())

/// userStatusOnline#edb93949 expires:int = UserStatus;
struct user_status_online {
    static constexpr std::uint32_t tl_id = 0xedb93949;
    static constexpr std::string_view tl_name = "userStatusOnline";
    std::int32_t expires = 0;
};
BOOST_DESCRIBE_STRUCT(user_status_online, (), (expires))

/// userStatusOffline#008c703f was_online:int = UserStatus;
struct user_status_offline {
    static constexpr std::uint32_t tl_id = 0x008c703f;
    static constexpr std::string_view tl_name = "userStatusOffline";
    std::int32_t was_online = 0;
};
BOOST_DESCRIBE_STRUCT(user_status_offline, (), (was_online))

/// userStatusRecently#7b197dc8 flags:# by_me:flags.0?true = UserStatus;
struct user_status_recently {
    static constexpr std::uint32_t tl_id = 0x7b197dc8;
    static constexpr std::string_view tl_name = "userStatusRecently";
    tl::flags<> flags{};
    tl::flag<0> by_me{};
};
BOOST_DESCRIBE_STRUCT(user_status_recently, (), (flags, by_me))

/// userStatusLastWeek#541a1d1a flags:# by_me:flags.0?true = UserStatus;
struct user_status_last_week {
    static constexpr std::uint32_t tl_id = 0x541a1d1a;
    static constexpr std::string_view tl_name = "userStatusLastWeek";
    tl::flags<> flags{};
    tl::flag<0> by_me{};
};
BOOST_DESCRIBE_STRUCT(user_status_last_week, (), (flags, by_me))

/// userStatusLastMonth#65899777 flags:# by_me:flags.0?true = UserStatus;
struct user_status_last_month {
    static constexpr std::uint32_t tl_id = 0x65899777;
    static constexpr std::string_view tl_name = "userStatusLastMonth";
    tl::flags<> flags{};
    tl::flag<0> by_me{};
};
BOOST_DESCRIBE_STRUCT(user_status_last_month, (), (flags, by_me))

/// The TL type `UserStatus`.
struct user_status_type : std::variant<user_status_empty, user_status_online, user_status_offline, user_status_recently,
                                       user_status_last_week, user_status_last_month> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
