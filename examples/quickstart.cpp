// The five chat-administration calls, typed, against chatadmin-mock (or the real services).
//
//   make run                                   # terminal 1: the mock on 127.0.0.1:8080
//   build/bin/chatadmin-quickstart             # terminal 2
//   build/bin/chatadmin-quickstart http://127.0.0.1:PORT
//
// Exits 0 when every call gave the answer the documentation promises.

#include <chatadmin/chatadmin.hpp>
#include <chatadmin/transport/httplib.hpp>

#include <cstdio>
#include <string>

using namespace chatadmin;

static int failures = 0;

template <class R>
static void report(const char* what, const R& r) {
    if (r) {
        std::printf("ok    %s\n", what);
    } else {
        std::printf("FAIL  %s: %s\n", what, r.error().to_string().c_str());
        ++failures;
    }
}

int main(int argc, char** argv) {
    const std::string base = argc > 1 ? argv[1] : "http://127.0.0.1:8080";
    transport::httplib_transport http(base);

    // Bitrix24: a webhook of user 1 (the mock's default world).
    bitrix24::client b24(http, bitrix24::auth::webhook(1, "mockhook"));

    auto promoted = b24.call(bitrix24::imbot::chat::set_manager{.CHAT_ID = 2725, .USER_ID = 1269, .CLIENT_ID = "mockclient"});
    report("imbot.chat.setManager", promoted);

    auto roles = b24.call(bitrix24::sonet_group::user::update{
        .GROUP_ID = 69, .USER_ID = {1271, 1272}, .ROLE = bitrix24::sonet_group::role::moderator});
    report("sonet_group.user.update", roles);
    if (roles) std::printf("      updated %zu users, first %lld\n", roles->size(), static_cast<long long>(roles->front()));

    auto heads = b24.call(bitrix24::im::department::managers::get{.ID = {3, 7}, .USER_DATA = true});
    report("im.department.managers.get", heads);

    // A documented error is a typed value, never an exception.
    auto refused = b24.call(bitrix24::imbot::chat::set_manager{.CHAT_ID = 2725, .USER_ID = 4242, .CLIENT_ID = "mockclient"});
    if (!refused && refused.error().value() == bitrix24::errc::WRONG_REQUEST)
        std::printf("ok    imbot.chat.setManager for a non-member: %s\n", refused.error().to_string().c_str());
    else
        ++failures;

    // Green API: the WhatsApp form of setGroupAdmin.
    greenapi::instance inst{.api_url = base, .id_instance = 1101000001, .api_token_instance = "mocktoken"};
    greenapi::client ga(http, inst);
    auto admin = ga.call(greenapi::set_group_admin{.chat_id = "120363043968066561@g.us",
                                                   .participant_chat_id = "79001234567@c.us"});
    report("setGroupAdmin", admin);

    // Telegram: channels.editAdmin (current layer), TL binary over the mock's HTTP endpoint.
    telegram::client tg(http);
    telegram::channels::edit_admin edit{
        .channel = telegram::input_channel{1234567890, 0x0102030405060708},
        .user_id = telegram::input_user{987654321, -1},
    };
    edit.admin_rights.ban_users = true;
    edit.admin_rights.pin_messages = true;
    edit.rank = "mod";
    auto updates = tg.call(edit);
    report("channels.editAdmin", updates);
    if (updates) std::printf("      %s\n", json::to_json(*updates).c_str());

    return failures == 0 ? 0 : 1;
}
