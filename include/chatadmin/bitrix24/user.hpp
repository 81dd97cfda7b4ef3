#pragma once
// The user object of the im.* methods (im.department.managers.get with USER_DATA = Y,
// im.dialog.users.list).

#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace chatadmin::bitrix24 {

/// The user's phones. The server lower-cases the keys and sends only non-empty numbers.
struct user_phones {
    std::optional<std::string> personal_mobile;
    std::optional<std::string> inner_phone;
    std::optional<std::string> work_phone;      ///< documented on im.dialog.users.list
    std::optional<std::string> personal_phone;  ///< documented on im.dialog.users.list
    friend bool operator==(const user_phones&, const user_phones&) = default;
};
BOOST_DESCRIBE_STRUCT(user_phones, (), (personal_mobile, inner_phone, work_phone, personal_phone))

/// A user as the im.* methods describe one. Dates are ISO-8601 strings as sent.
/// Fields the server sends as `false` when there is no value are false_or<>; fields it
/// sends as `null` are nullable<>. Only `id` is required when reading: server versions
/// differ in which fields they send (older ones omit `active`; `avatar_hr` needs an
/// option; `desktop_last_date`, `bot_data`, `type`, `website`, `email` are cloud fields).
struct user {
    std::int64_t id = 0;
    bool active = false;
    std::string name;        ///< full name
    std::string first_name;
    std::string last_name;
    nullable<std::string> work_position;  ///< null (older servers: false) when not set
    std::string color;       ///< "#728f7a"
    std::string avatar;      ///< URL, "" when not set
    std::string avatar_hr;   ///< high-resolution avatar URL, "" when not set
    std::string gender;      ///< "M", "F" or ""
    std::string birthday;    ///< "DD-MM" or ""
    bool extranet = false;
    bool network = false;    ///< Bitrix24.Network user
    bool bot = false;
    bool connector = false;  ///< Open Channels user
    std::string external_auth_id;
    std::string status;      ///< "online"
    false_or<std::string> idle;
    false_or<std::string> last_activity_date;
    false_or<std::string> mobile_last_date;
    false_or<std::string> desktop_last_date;
    false_or<std::string> absent;  ///< the date the user's absence ends
    std::vector<std::int64_t> departments;
    false_or<user_phones> phones;
    /// null for regular users. Its fields are not documented, so it is kept verbatim.
    nullable<raw_json> bot_data;
    std::string type;        ///< "user"; other values are not documented
    std::string website;
    std::string email;
    friend bool operator==(const user&, const user&) = default;
};
BOOST_DESCRIBE_STRUCT(user, (),
                      (id, active, name, first_name, last_name, work_position, color, avatar, avatar_hr, gender, birthday,
                       extranet, network, bot, connector, external_auth_id, status, idle, last_activity_date,
                       mobile_last_date, desktop_last_date, absent, departments, phones, bot_data, type, website, email))

constexpr bool wire_optional(const user*, std::string_view member) { return member != "id"; }

} // namespace chatadmin::bitrix24
