// Bitrix24 end to end: every documented outcome of the three methods, through
// bitrix24::client over HTTPS to the server under test.

#include "bitrix24_support.hpp"

#include <variant>

using namespace e2e::b24;
namespace golden_dir {
constexpr const char* set_manager = "bitrix24/imbot.chat.setManager/";
constexpr const char* user_update = "bitrix24/sonet_group.user.update/";
constexpr const char* managers_get = "bitrix24/im.department.managers.get/";
} // namespace golden_dir

// ---- imbot.chat.setManager ----

TEST_CASE("imbot.chat.setManager — success", "[method:imbot.chat.setManager][outcome:success]") {
    e2e::reset_world();
    session s;
    auto r = s.c.call(example_set_manager());
    REQUIRE(r.has_value());
    CHECK(*r == true);
    check_success_body(s.t, std::string(golden_dir::set_manager) + "response_200.json");
}

TEST_CASE("imbot.chat.setManager — success (OAuth, form body)", "[method:imbot.chat.setManager][outcome:success]") {
    e2e::reset_world();
    auto o = session::no_retry();
    o.format = chatadmin::bitrix24::body_format::form;
    session s(oauth(), e2e::server(), o);
    auto r = s.c.call(set_manager{.CHAT_ID = 2725, .USER_ID = 1269, .IS_MANAGER = true});
    REQUIRE(r.has_value());
    CHECK(*r == true);
    check_success_body(s.t, std::string(golden_dir::set_manager) + "response_200.json");
}

TEST_CASE("imbot.chat.setManager — CHAT_ID_EMPTY", "[method:imbot.chat.setManager][outcome:CHAT_ID_EMPTY]") {
    session s;
    auto call = example_set_manager();
    call.CHAT_ID = 0;
    CHECK(documented_for<set_manager>(errc::CHAT_ID_EMPTY));
    check_error(s.c.call(call), s.t, errc::CHAT_ID_EMPTY, std::string(golden_dir::set_manager) + "error_400_CHAT_ID_EMPTY.json");
}

TEST_CASE("imbot.chat.setManager — USER_ID_EMPTY", "[method:imbot.chat.setManager][outcome:USER_ID_EMPTY]") {
    session s;
    auto call = example_set_manager();
    call.USER_ID = 0;
    CHECK(documented_for<set_manager>(errc::USER_ID_EMPTY));
    check_error(s.c.call(call), s.t, errc::USER_ID_EMPTY, std::string(golden_dir::set_manager) + "error_400_USER_ID_EMPTY.json");
}

TEST_CASE("imbot.chat.setManager — WRONG_REQUEST", "[method:imbot.chat.setManager][outcome:WRONG_REQUEST]") {
    session s;
    auto call = example_set_manager();
    call.USER_ID = 13;  // not a member of chat 2725
    CHECK(documented_for<set_manager>(errc::WRONG_REQUEST));
    check_error(s.c.call(call), s.t, errc::WRONG_REQUEST, std::string(golden_dir::set_manager) + "error_400_WRONG_REQUEST.json");
}

TEST_CASE("imbot.chat.setManager — BOT_ID_ERROR", "[method:imbot.chat.setManager][outcome:BOT_ID_ERROR]") {
    session s;
    auto call = example_set_manager();
    call.BOT_ID = 999999;
    CHECK(documented_for<set_manager>(errc::BOT_ID_ERROR));
    check_error(s.c.call(call), s.t, errc::BOT_ID_ERROR, std::string(golden_dir::set_manager) + "error_400_BOT_ID_ERROR.json");
}

TEST_CASE("imbot.chat.setManager — APP_ID_ERROR", "[method:imbot.chat.setManager][outcome:APP_ID_ERROR]") {
    E2E_NEEDS_MOCK();  // needs a bot of another application: the mock's bot 457
    session s;
    auto call = example_set_manager();
    call.BOT_ID = 457;
    CHECK(documented_for<set_manager>(errc::APP_ID_ERROR));
    check_error(s.c.call(call), s.t, errc::APP_ID_ERROR, std::string(golden_dir::set_manager) + "error_400_APP_ID_ERROR.json");
}

TEST_CASE("imbot.chat.setManager — ACCESS_DENIED (webhook without CLIENT_ID)",
          "[method:imbot.chat.setManager][outcome:ACCESS_DENIED (no CLIENT_ID)]") {
    session s;
    auto call = example_set_manager();
    call.CLIENT_ID.reset();
    CHECK(documented_for<set_manager>(errc::ACCESS_DENIED));
    check_error(s.c.call(call), s.t, errc::ACCESS_DENIED,
                std::string(golden_dir::set_manager) + "error_403_ACCESS_DENIED_client_id.source.json");
}

TEST_CASE("imbot.chat.setManager — DIALOG_ID_EMPTY", "[method:imbot.chat.setManager][outcome:DIALOG_ID_EMPTY][admin]") {
    // The request type has no DIALOG_ID (an undocumented parameter): forced.
    forced_error(example_set_manager(), errc::DIALOG_ID_EMPTY, "imbot.chat.setManager");
}

E2E_B24_SYSTEM_ERRORS("imbot.chat.setManager", example_set_manager())

// ---- sonet_group.user.update ----

TEST_CASE("sonet_group.user.update — success", "[method:sonet_group.user.update][outcome:success]") {
    e2e::reset_world();
    session s;
    auto r = s.c.call(example_user_update());
    REQUIRE(r.has_value());
    CHECK(*r == std::vector<std::int64_t>{1271, 1272});
    check_success_body(s.t, std::string(golden_dir::user_update) + "response_200.json");
}

TEST_CASE("sonet_group.user.update — Wrong group ID", "[method:sonet_group.user.update][outcome:Wrong group ID]") {
    session s;
    auto call = example_user_update();
    call.GROUP_ID = 0;
    CHECK(documented_for<user_update>(errc::SONET_WRONG_GROUP_ID));
    check_error(s.c.call(call), s.t, errc::SONET_WRONG_GROUP_ID, std::string(golden_dir::user_update) + "error_400_wrong_group_id.json");
}

TEST_CASE("sonet_group.user.update — No permissions to update users role",
          "[method:sonet_group.user.update][outcome:No permissions to update users role]") {
    E2E_NEEDS_MOCK();  // needs a caller who is neither admin nor owner: the mock's webhook of user 1269
    session s(chatadmin::bitrix24::auth::webhook(1269, "userhook"));
    CHECK(documented_for<user_update>(errc::SONET_NO_PERMISSIONS));
    check_error(s.c.call(example_user_update()), s.t, errc::SONET_NO_PERMISSIONS,
                std::string(golden_dir::user_update) + "error_400_no_permissions.json");
}

TEST_CASE("sonet_group.user.update — Incorrect role code", "[method:sonet_group.user.update][outcome:Incorrect role code]") {
    session s;
    auto call = example_user_update();
    call.ROLE = {};  // unset: sent as 0
    CHECK(documented_for<user_update>(errc::SONET_INCORRECT_ROLE_CODE));
    check_error(s.c.call(call), s.t, errc::SONET_INCORRECT_ROLE_CODE,
                std::string(golden_dir::user_update) + "error_400_incorrect_role_code.json");
}

TEST_CASE("sonet_group.user.update — Wrong user IDs", "[method:sonet_group.user.update][outcome:Wrong user IDs]") {
    session s;
    auto call = example_user_update();
    call.USER_ID = std::vector<std::int64_t>{0};
    CHECK(documented_for<user_update>(errc::SONET_WRONG_USER_IDS));
    check_error(s.c.call(call), s.t, errc::SONET_WRONG_USER_IDS, std::string(golden_dir::user_update) + "error_400_wrong_user_ids.json");
}

TEST_CASE("sonet_group.user.update — Socialnetwork group not found",
          "[method:sonet_group.user.update][outcome:Socialnetwork group not found]") {
    session s;
    auto call = example_user_update();
    call.GROUP_ID = 999999;
    CHECK(documented_for<user_update>(errc::SONET_GROUP_NOT_FOUND));
    check_error(s.c.call(call), s.t, errc::SONET_GROUP_NOT_FOUND, std::string(golden_dir::user_update) + "error_400_group_not_found.json");
}

E2E_B24_SYSTEM_ERRORS("sonet_group.user.update", example_user_update())

// ---- im.department.managers.get ----

TEST_CASE("im.department.managers.get — success (USER_DATA=N)", "[method:im.department.managers.get][outcome:success]") {
    session s;
    auto r = s.c.call(example_managers_get());
    REQUIRE(r.has_value());
    using ids = managers_get::result_type;
    REQUIRE(r->index() == 0);
    CHECK(std::get<0>(*r) == std::variant_alternative_t<0, ids>({{3, {13}}, {7, {103}}}));
    check_success_body(s.t, std::string(golden_dir::managers_get) + "response_200_user_data_n.json");
}

TEST_CASE("im.department.managers.get — success (USER_DATA=Y)", "[method:im.department.managers.get][outcome:success (USER_DATA=Y)]") {
    session s;
    auto call = example_managers_get();
    call.USER_DATA = true;
    auto r = s.c.call(call);
    REQUIRE(r.has_value());
    REQUIRE(r->index() == 1);
    const auto& deps = std::get<1>(*r);
    REQUIRE(deps.size() == 2);
    CHECK(deps.at(3).at(0).id == 13);
    CHECK(deps.at(3).at(0).name == "John Smith");
    CHECK(deps.at(7).at(0).id == 103);
    check_success_body(s.t, std::string(golden_dir::managers_get) + "response_200_user_data_y.json");
}

TEST_CASE("im.department.managers.get — ID_EMPTY", "[method:im.department.managers.get][outcome:ID_EMPTY]") {
    session s;
    CHECK(documented_for<managers_get>(errc::ID_EMPTY));
    check_error(s.c.call(managers_get{.ID = {0}}), s.t, errc::ID_EMPTY, std::string(golden_dir::managers_get) + "error_400_ID_EMPTY.json");
}

TEST_CASE("im.department.managers.get — ACCESS_ERROR", "[method:im.department.managers.get][outcome:ACCESS_ERROR]") {
    E2E_NEEDS_MOCK();  // needs an extranet caller: the mock's webhook of user 1300
    session s(chatadmin::bitrix24::auth::webhook(1300, "extranethook"));
    CHECK(documented_for<managers_get>(errc::ACCESS_ERROR));
    check_error(s.c.call(example_managers_get()), s.t, errc::ACCESS_ERROR,
                std::string(golden_dir::managers_get) + "error_403_ACCESS_ERROR.json");
}

E2E_B24_SYSTEM_ERRORS("im.department.managers.get", example_managers_get())

// ---- any method ----

namespace {
/// A method no server has.
struct no_such_method {
    static constexpr std::string_view method = "imbot.chat.noSuchMethod";
    using result_type = bool;
    std::int64_t CHAT_ID = 0;
};
BOOST_DESCRIBE_STRUCT(no_such_method, (), (CHAT_ID))
} // namespace

TEST_CASE("(unknown method) — ERROR_METHOD_NOT_FOUND", "[method:(unknown method)][outcome:ERROR_METHOD_NOT_FOUND]") {
    session s;
    check_error(s.c.call(no_such_method{.CHAT_ID = 2725}), s.t, errc::ERROR_METHOD_NOT_FOUND,
                "bitrix24/system/error_404_ERROR_METHOD_NOT_FOUND.source.json");
}
