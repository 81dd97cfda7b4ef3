#pragma once
// im.department.managers.get: the managers (heads) of the given departments.
//
//   using namespace chatadmin::bitrix24;
//   im::department::managers::get call{.ID = {3, 7}, .USER_DATA = true};
//   auto req = make_request(call, auth);
//   auto res = parse_response(call, http_answer);   // result<get::result_type, error>
//   for (auto& [dep, users] : std::get<im::department::managers::users_by_department>(*res)) …

#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/id_list.hpp>
#include <chatadmin/bitrix24/user.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string_view>
#include <variant>
#include <vector>

namespace chatadmin::bitrix24::im::department::managers {

/// USER_DATA = N: department id -> manager user ids. An empty result arrives as [].
using ids_by_department = object_or_array<std::map<std::int64_t, std::vector<std::int64_t>>>;
/// USER_DATA = Y: department id -> manager user objects. An empty result arrives as [].
using users_by_department = object_or_array<std::map<std::int64_t, std::vector<bitrix24::user>>>;

/// im.department.managers.get. Scope `im`; any intranet user except bots.
/// Departments that do not exist, are inactive or have no head are left out.
struct get {
    static constexpr std::string_view method = "im.department.managers.get";
    /// Which alternative the body holds is read from the body itself (numbers or
    /// objects); parse_response(request, answer) also reports an empty result as the
    /// alternative the request asked for (see result_index()).
    using result_type = std::variant<ids_by_department, users_by_department>;

    /// The department ids. Required. `.ID = {3, 7}` is sent as [3,7];
    /// `.ID = id_list({3, 7}, true)` as the JSON-array string "[3,7]", which the method
    /// also accepts. Ids <= 0 and duplicates are ignored by the server.
    id_list ID{};
    /// true ("Y"): return user objects; false ("N", the default): return ids.
    yes_no USER_DATA = false;

    /// The result_type alternative this request asks for.
    std::size_t result_index() const noexcept { return USER_DATA ? 1 : 0; }

    /// The method's own documented errors.
    static constexpr std::array<documented_error, 2> errors{{
        documented(errc::ID_EMPTY),
        documented(errc::ACCESS_ERROR),
    }};
};
BOOST_DESCRIBE_STRUCT(get, (), (ID, USER_DATA))

// As the server reads them: a missing ID is empty (ID_EMPTY), a missing USER_DATA is N.
constexpr bool wire_optional(const get*, std::string_view) { return true; }

} // namespace chatadmin::bitrix24::im::department::managers
