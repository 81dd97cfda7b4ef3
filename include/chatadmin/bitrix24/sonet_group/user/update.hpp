#pragma once
// sonet_group.user.update: change the role of participants of a workgroup or project.
//
//   using namespace chatadmin::bitrix24;
//   auto req = make_request(sonet_group::user::update{.GROUP_ID = 69, .USER_ID = {1271, 1272},
//                                                     .ROLE = sonet_group::role::moderator}, auth);
//   result<std::vector<std::int64_t>, error> ids = parse_response<sonet_group::user::update>(http_answer);

#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>
#include <boost/describe/enum.hpp>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace chatadmin::bitrix24::sonet_group {

/// A participant role that sonet_group.user.update may set. The owner role cannot be set
/// here (sonet_group.setowner does that).
enum class role {
    moderator = 1,    ///< "E"
    participant = 2,  ///< "K"
};
BOOST_DESCRIBE_ENUM(role, moderator, participant)

constexpr std::string_view wire_rename(const role*, std::string_view name) {
    return name == "moderator" ? "E" : name == "participant" ? "K" : std::string_view{};
}

} // namespace chatadmin::bitrix24::sonet_group

namespace chatadmin::bitrix24::sonet_group::user {

/// sonet_group.user.update. Scope `sonet`; the caller must be an administrator.
/// Users who are not members, already have the role, or own the group are left out of
/// the result without an error.
struct update {
    static constexpr std::string_view method = "sonet_group.user.update";
    /// The ids whose role changed. The server sends them as strings (["1271","1272"]).
    using result_type = std::vector<std::int64_t>;
    /// The result exactly as the server writes it.
    using wire_result_type = std::vector<as_string<std::int64_t>>;

    /// The workgroup or project (sonet_group.get). Required.
    std::int64_t GROUP_ID = 0;
    /// One participant or several (sonet_group.user.get): `.USER_ID = 1271` is sent as a
    /// number, `.USER_ID = {1271, 1272}` as an array. Required.
    one_or_many<std::int64_t> USER_ID{};
    /// The new role. Required; a request that leaves it unset sends 0, which the server
    /// rejects as "Incorrect role code".
    role ROLE{};

    /// The method's own documented errors: all with an empty `error` code.
    static constexpr std::array<documented_error, 5> errors{{
        documented(errc::SONET_WRONG_GROUP_ID),
        documented(errc::SONET_NO_PERMISSIONS),
        documented(errc::SONET_INCORRECT_ROLE_CODE),
        documented(errc::SONET_WRONG_USER_IDS),
        documented(errc::SONET_GROUP_NOT_FOUND),
    }};
};
BOOST_DESCRIBE_STRUCT(update, (), (GROUP_ID, USER_ID, ROLE))

// As the server reads them: a missing GROUP_ID or USER_ID is 0 ("Wrong group ID",
// "Wrong user IDs"), a missing ROLE is not a role ("Incorrect role code").
constexpr bool wire_optional(const update*, std::string_view) { return true; }

} // namespace chatadmin::bitrix24::sonet_group::user
