#pragma once
// channels.editAdmin: modify the admin rights of a user in a supergroup/channel.
//
// One request value, two wire forms:
//
//   channels::edit_admin req{
//       .channel = input_channel{1234567890, hash},
//       .user_id = input_user{987654321, -1},
//       .admin_rights = rights,
//       .rank = "mod",                                   // optional
//   };
//   std::string body = channels::encode(req);            // layer 223+ (#9a98ad68)
//   std::string old  = channels::encode(req, channels::edit_admin_layer::legacy);   // #d33c8902
//   auto answer = decode_response<channels::edit_admin>(bytes);   // result<updates_type, error>

#include <chatadmin/core/result.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/chat_admin_rights.hpp>
#include <chatadmin/telegram/input_channel.hpp>
#include <chatadmin/telegram/input_user.hpp>
#include <chatadmin/telegram/updates.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace chatadmin::telegram::channels {

/// Which constructor a request is written with.
enum class edit_admin_layer {
    current,  ///< channels.editAdmin#9a98ad68, layer 223 and later: rank optional
    legacy,   ///< channels.editAdmin#d33c8902, layers 104-222 (the older documentation page): rank always written
};

/// channels.editAdmin#9a98ad68 flags:# channel:InputChannel user_id:InputUser
/// admin_rights:ChatAdminRights rank:flags.0?string = Updates;
struct edit_admin {
    static constexpr std::uint32_t tl_id = 0x9a98ad68;
    static constexpr std::string_view tl_name = "channels.editAdmin";
    using result_type = updates_type;

    tl::flags<> flags{};
    input_channel_type channel{};
    input_user_type user_id{};
    chat_admin_rights admin_rights{};
    tl::opt<std::string, 0> rank{};
};
BOOST_DESCRIBE_STRUCT(edit_admin, (), (flags, channel, user_id, admin_rights, rank))

namespace legacy {

/// channels.editAdmin#d33c8902 channel:InputChannel user_id:InputUser
/// admin_rights:ChatAdminRights rank:string = Updates;
struct edit_admin {
    static constexpr std::uint32_t tl_id = 0xd33c8902;
    static constexpr std::string_view tl_name = "channels.editAdmin";
    using result_type = updates_type;

    input_channel_type channel{};
    input_user_type user_id{};
    chat_admin_rights admin_rights{};
    std::string rank{};
};
BOOST_DESCRIBE_STRUCT(edit_admin, (), (channel, user_id, admin_rights, rank))

} // namespace legacy

/// The legacy form of r; an absent rank becomes "" (the old way to say "no rank").
inline legacy::edit_admin to_legacy(const edit_admin& r) {
    return {r.channel, r.user_id, r.admin_rights, r.rank.value_or(std::string())};
}

/// The current form of r; an empty rank becomes absent.
inline edit_admin from_legacy(const legacy::edit_admin& r) {
    edit_admin e{{}, r.channel, r.user_id, r.admin_rights, {}};
    if (!r.rank.empty()) e.rank = r.rank;
    return e;
}

/// Appends r to out in the form of the given layer.
inline void encode_to(std::string& out, const edit_admin& r, edit_admin_layer layer = edit_admin_layer::current) {
    if (layer == edit_admin_layer::legacy) tl::encode_to(out, to_legacy(r));
    else tl::encode_to(out, r);
}

/// r in the form of the given layer.
inline std::string encode(const edit_admin& r, edit_admin_layer layer = edit_admin_layer::current) {
    std::string out{};
    encode_to(out, r, layer);
    return out;
}

/// A request as a server reads it: either form, and which one it was.
struct decoded_edit_admin {
    edit_admin request{};
    edit_admin_layer layer = edit_admin_layer::current;
};

/// Decodes a channels.editAdmin request in either form.
inline result<decoded_edit_admin> decode_request(std::string_view in, tl::limits lim = {}) {
    struct any : std::variant<edit_admin, legacy::edit_admin> {
        using variant::variant;
    };
    auto v = tl::decode<any>(in, lim);
    if (!v) return unexpected{std::move(v.error())};
    if (auto* cur = std::get_if<edit_admin>(&*v)) return decoded_edit_admin{std::move(*cur), edit_admin_layer::current};
    return decoded_edit_admin{from_legacy(std::get<legacy::edit_admin>(*v)), edit_admin_layer::legacy};
}

} // namespace chatadmin::telegram::channels
