#pragma once
// Chat id formats, checked before a request is sent: "79001234567@c.us" (WhatsApp person),
// "120363043968066561@g.us" or "79876543210-1587570015@g.us" (WhatsApp group),
// "123456789012345@lid" (WhatsApp linked id), "-10000000000000" / "10000000" (Telegram, v3).

#include <chatadmin/greenapi/errors.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace chatadmin::greenapi {

/// The format of a chat id.
enum class chat_id_kind {
    personal,  // <digits>@c.us
    group,     // <digits>@g.us or <digits>-<digits>@g.us
    lid,       // <digits>@lid
    numeric,   // [-]<digits>: Telegram and v3 ids
};
BOOST_DESCRIBE_ENUM(chat_id_kind, personal, group, lid, numeric)

namespace detail {
constexpr bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}
constexpr bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
constexpr std::string_view kind_pattern(chat_id_kind k) {
    switch (k) {
    case chat_id_kind::personal: return "'<phone digits>@c.us'";
    case chat_id_kind::group: return "'<digits>@g.us'";
    case chat_id_kind::lid: return "'<digits>@lid'";
    case chat_id_kind::numeric: return "a numeric id such as '-10000000000000'";
    }
    return "?";
}
} // namespace detail

/// The format of `id`, or nothing when it has none of the known formats. Only the shape is
/// checked (digits, suffix); whether the chat exists is the server's business.
constexpr std::optional<chat_id_kind> classify_chat_id(std::string_view id) {
    using detail::all_digits;
    using detail::ends_with;
    if (ends_with(id, "@c.us")) {
        if (all_digits(id.substr(0, id.size() - 5))) return chat_id_kind::personal;
        return std::nullopt;
    }
    if (ends_with(id, "@g.us")) {
        std::string_view local = id.substr(0, id.size() - 5);
        std::size_t dash = local.find('-');
        if (dash == std::string_view::npos ? all_digits(local)
                                           : all_digits(local.substr(0, dash)) && all_digits(local.substr(dash + 1)))
            return chat_id_kind::group;
        return std::nullopt;
    }
    if (ends_with(id, "@lid")) {
        if (all_digits(id.substr(0, id.size() - 4))) return chat_id_kind::lid;
        return std::nullopt;
    }
    if (!id.empty() && id.front() == '-') id.remove_prefix(1);
    if (all_digits(id)) return chat_id_kind::numeric;
    return std::nullopt;
}

/// Checks that `id`, sent as `wire_field`, has one of the `allowed` formats. The error is
/// errc::invalid_chat_id with a message naming the field, the value and what was expected.
inline std::optional<error> validate_chat_id(std::string_view id, std::string_view wire_field,
                                             std::initializer_list<chat_id_kind> allowed) {
    auto kind = classify_chat_id(id);
    if (kind)
        for (auto k : allowed)
            if (k == *kind) return std::nullopt;
    error e;
    e.code = errc::invalid_chat_id;
    e.detail = std::string(wire_field);
    if (id.empty()) {
        e.detail += " is empty";
    } else {
        e.detail += ": \"";
        e.detail += id.substr(0, 64);
        e.detail += id.size() > 64 ? "…\"" : "\"";
        e.detail += kind ? " is a " + std::string(boost::describe::enum_to_string(*kind, "?")) + " id, not allowed here"
                         : " is not a chat id";
    }
    e.detail += "; expected ";
    bool first = true;
    for (auto k : allowed) {
        if (!first) e.detail += " or ";
        first = false;
        e.detail += detail::kind_pattern(k);
    }
    return e;
}

} // namespace chatadmin::greenapi
