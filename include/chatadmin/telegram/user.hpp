#pragma once
// User, as far as an editAdmin answer needs it.
//
// Only userEmpty is modelled: the full `user` constructor (two flags words and many
// types of its own) changes often between layers. An answer carrying it fails to
// decode with unknown_constructor naming its id, rather than being misread.

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>

namespace chatadmin::telegram {

/// userEmpty#d3bc4b7a id:long = User;
struct user_empty {
    static constexpr std::uint32_t tl_id = 0xd3bc4b7a;
    static constexpr std::string_view tl_name = "userEmpty";
    std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(user_empty, (), (id))

/// The TL type `User` (only userEmpty is modelled).
struct user_type : std::variant<user_empty> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
