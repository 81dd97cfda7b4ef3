#pragma once
// The documented examples as C++ values, and the peers that this build has.

#include <chatadmin/bitrix24.hpp>
#include <chatadmin/greenapi.hpp>
#include <chatadmin/telegram.hpp>

#include <string>

namespace bench {

namespace b24 = chatadmin::bitrix24;
namespace ga = chatadmin::greenapi;
namespace tg = chatadmin::telegram;

using set_manager = b24::imbot::chat::set_manager;
using sonet_update = b24::sonet_group::user::update;
using managers_get = b24::im::department::managers::get;
using ga_telegram = ga::wire::set_group_admin_telegram;

// request_webhook.json of imbot.chat.setManager
inline set_manager set_manager_request() {
    return set_manager{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true, .BOT_ID = {}, .CLIENT_ID = "**put_your_client_id_here**"};
}
// request_form.txt of imbot.chat.setManager (no CLIENT_ID)
inline set_manager set_manager_form_request() {
    return set_manager{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true, .BOT_ID = {}, .CLIENT_ID = {}};
}
inline sonet_update sonet_update_request() {
    return sonet_update{.GROUP_ID = 69, .USER_ID = {1271, 1272}, .ROLE = b24::sonet_group::role::moderator};
}
inline managers_get managers_get_request() { return managers_get{.ID = {3, 7}, .USER_DATA = true}; }
// request_telegram.json of setGroupAdmin
inline ga_telegram set_group_admin_request() {
    ga::admin_permissions p;
    p.can_change_info = true;
    p.can_delete_messages = true;
    p.can_restrict_members = true;
    p.can_pin_messages = true;
    p.can_promote_members = false;
    p.is_anonymous = false;
    return ga_telegram{"-10000000000000", "10000000", p};
}
// The byte vector of channels.editAdmin#9a98ad68 with rank "mod" (tests/telegram_test.cpp).
inline tg::channels::edit_admin edit_admin_request() {
    tg::channels::edit_admin req;
    req.channel = tg::input_channel{1234567890, 0x0102030405060708};
    req.user_id = tg::input_user{987654321, -1};
    req.admin_rights.change_info = true;
    req.admin_rights.delete_messages = true;
    req.admin_rights.ban_users = true;
    req.admin_rights.pin_messages = true;
    req.rank = "mod";
    return req;
}

} // namespace bench
