// The sans-IO core: requests in, answers out, world state checked between them.

#include "router.hpp"

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram/channels/edit_admin.hpp>
#include <chatadmin/telegram/response.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "requests.hpp"

#include <fstream>
#include <sstream>

using namespace chatadmin;
using namespace chatadmin::mock;

using mock_requests::get;
using mock_requests::post;

namespace {


boost::json::value js(const std::string& s) { return boost::json::parse(s); }

std::string golden(const std::string& rel) {
    std::ifstream in(std::string(CHATADMIN_GOLDEN_DIR) + "/" + rel, std::ios::binary);
    if (!in) return {};
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The error body equals the golden file, as JSON (skipped when the file is not there yet).
void check_golden(const http_response& r, const std::string& rel) {
    std::string g = golden(rel);
    if (g.empty()) { WARN("golden file missing: " << rel); return; }
    CHECK(js(r.body) == js(g));
}

const std::string hook = "/rest/1/mockhook/";

telegram::channels::edit_admin edit(std::int64_t channel, std::int64_t hash, std::int64_t user, std::int64_t uhash) {
    telegram::channels::edit_admin e;
    e.channel = telegram::input_channel{channel, hash};
    e.user_id = telegram::input_user{user, uhash};
    e.admin_rights.change_info = true;
    e.admin_rights.delete_messages = true;
    e.admin_rights.ban_users = true;
    e.admin_rights.pin_messages = true;
    return e;
}

} // namespace

TEST_CASE("bitrix24 setManager: success changes the world", "[bitrix24]") {
    router r(default_world());
    auto res = r.handle(post(hook + "imbot.chat.setManager.json",
                             R"({"CHAT_ID":2725,"USER_ID":1269,"IS_MANAGER":"Y","CLIENT_ID":"mockclient"})"));
    REQUIRE(res.status == 200);
    CHECK(js(res.body).at("result") == true);
    CHECK(js(res.body).at("time").as_object().contains("operating_reset_at"));
    auto w = r.snapshot();
    CHECK(w.bitrix24.chats[0].managers == std::vector<std::int64_t>{1269});
    res = r.handle(post(hook + "imbot.chat.setManager", "chat_id=2725&user_id=1269&is_manager=N&client_id=mockclient",
                        "application/x-www-form-urlencoded"));
    CHECK(res.status == 200);
    CHECK(r.snapshot().bitrix24.chats[0].managers.empty());
}

TEST_CASE("bitrix24 setManager: documented errors from world state", "[bitrix24]") {
    router r(default_world());
    auto call = [&](std::string body) { return r.handle(post(hook + "imbot.chat.setManager", std::move(body))); };
    auto code = [](const http_response& x) { return std::string(js(x.body).at("error").as_string()); };
    auto e = call(R"({"USER_ID":1269,"CLIENT_ID":"mockclient"})");
    CHECK(e.status == 400);
    CHECK(code(e) == "CHAT_ID_EMPTY");
    check_golden(e, "bitrix24/imbot.chat.setManager/error_400_CHAT_ID_EMPTY.json");
    CHECK(code(call(R"({"CHAT_ID":2725,"CLIENT_ID":"mockclient"})")) == "USER_ID_EMPTY");
    CHECK(code(call(R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"nobody"})")) == "BOT_ID_ERROR");
    CHECK(code(call(R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"mockclient","BOT_ID":457})")) == "APP_ID_ERROR");
    CHECK(code(call(R"({"CHAT_ID":2726,"USER_ID":1269,"CLIENT_ID":"mockclient"})")) == "WRONG_REQUEST");
    CHECK(code(call(R"({"CHAT_ID":2725,"USER_ID":1272,"CLIENT_ID":"mockclient"})")) == "WRONG_REQUEST");
    auto denied = call(R"({"CHAT_ID":2725,"USER_ID":1269})");
    CHECK(denied.status == 403);
    CHECK(code(denied) == "ACCESS_DENIED");
}

TEST_CASE("bitrix24 sonet_group.user.update: roles, owner left out, errors", "[bitrix24]") {
    router r(default_world());
    auto res = r.handle(post(hook + "sonet_group.user.update", R"({"GROUP_ID":69,"USER_ID":[1270,1271,1272],"ROLE":"E"})"));
    REQUIRE(res.status == 200);
    CHECK(js(res.body).at("result") == js(R"(["1271","1272"])"));
    res = r.handle(post(hook + "sonet_group.user.update", R"({"GROUP_ID":69,"USER_ID":[1271],"ROLE":"E"})"));
    CHECK(js(res.body).at("result") == js("[]"));
    auto bad = r.handle(post(hook + "sonet_group.user.update", "GROUP_ID=69&USER_ID[]=1271&ROLE=X", "application/x-www-form-urlencoded"));
    CHECK(bad.status == 400);
    check_golden(bad, "bitrix24/sonet_group.user.update/error_400_incorrect_role_code.json");
    check_golden(r.handle(post(hook + "sonet_group.user.update", R"({"GROUP_ID":0,"USER_ID":[1],"ROLE":"E"})")),
                 "bitrix24/sonet_group.user.update/error_400_wrong_group_id.json");
    check_golden(r.handle(post(hook + "sonet_group.user.update", R"({"GROUP_ID":70,"USER_ID":[1],"ROLE":"E"})")),
                 "bitrix24/sonet_group.user.update/error_400_group_not_found.json");
    check_golden(r.handle(post(hook + "sonet_group.user.update", R"({"GROUP_ID":69,"USER_ID":[],"ROLE":"E"})")),
                 "bitrix24/sonet_group.user.update/error_400_wrong_user_ids.json");
    check_golden(r.handle(post("/rest/1269/userhook/sonet_group.user.update", R"({"GROUP_ID":69,"USER_ID":[1271],"ROLE":"E"})")),
                 "bitrix24/sonet_group.user.update/error_400_no_permissions.json");
}

TEST_CASE("bitrix24 im.department.managers.get: GET query, user data, errors", "[bitrix24]") {
    router r(default_world());
    auto n = r.handle(get(hook + "im.department.managers.get.json?ID%5B0%5D=3&ID%5B1%5D=7"));
    REQUIRE(n.status == 200);
    CHECK(js(n.body).at("result") == js(R"({"3":[13],"7":[103]})"));
    auto y = r.handle(get(hook + "im.department.managers.get?id=%5B3%2C7%5D&user_data=Y"));
    REQUIRE(y.status == 200);
    std::string g = golden("bitrix24/im.department.managers.get/response_200_user_data_y.json");
    if (!g.empty()) CHECK(js(y.body).at("result") == js(g).at("result"));
    auto empty = r.handle(post(hook + "im.department.managers.get", R"({"ID":[]})"));
    CHECK(empty.status == 400);
    check_golden(empty, "bitrix24/im.department.managers.get/error_400_ID_EMPTY.json");
    auto ext = r.handle(post("/rest/1300/extranethook/im.department.managers.get", R"({"ID":[3]})"));
    CHECK(ext.status == 403);
    check_golden(ext, "bitrix24/im.department.managers.get/error_403_ACCESS_ERROR.json");
    auto none = r.handle(post(hook + "im.department.managers.get", R"({"ID":[1,9]})"));
    CHECK(js(none.body).at("result") == js("[]"));
}

TEST_CASE("bitrix24 auth, https, forced and system errors", "[bitrix24]") {
    world w = default_world();
    router r(w);
    auto wrong = r.handle(post("/rest/1/nohook/imbot.chat.setManager", "{}"));
    CHECK(wrong.status == 401);
    check_golden(wrong, "bitrix24/system/error_401_NO_AUTH_FOUND.json");
    auto expired = r.handle(post("/rest/sonet_group.user.update", R"({"GROUP_ID":69,"USER_ID":[1271],"ROLE":"E","auth":"expiredtoken"})"));
    CHECK(expired.status == 401);
    check_golden(expired, "bitrix24/system/error_401_expired_token.json");
    auto oauth = r.handle(post("/rest/imbot.chat.setManager?auth=mocktoken", R"({"CHAT_ID":2725,"USER_ID":1269})"));
    CHECK(oauth.status == 200);

    auto forced = post(hook + "imbot.chat.setManager", "{}");
    forced.headers.emplace_back("X-Mock-Error", "QUERY_LIMIT_EXCEEDED");
    auto f = r.handle(forced);
    CHECK(f.status == 503);
    check_golden(f, "bitrix24/system/error_503_QUERY_LIMIT_EXCEEDED.json");
    auto unknown = r.handle(post(hook + "no.such.method", "{}"));
    CHECK(unknown.status == 404);

    w.bitrix24.require_https = true;
    router secure(w);
    auto plain = secure.handle(post(hook + "imbot.chat.setManager", "{}"));
    CHECK(plain.status == 400);
    check_golden(plain, "bitrix24/system/error_400_INVALID_REQUEST.json");
    request_info tls{true, ""};
    CHECK(secure.dispatch(post(hook + "im.department.managers.get", R"({"ID":[3]})"), tls).response.status == 200);
}

TEST_CASE("bitrix24 malformed bodies get a clear 400", "[bitrix24][robust]") {
    router r(default_world());
    CHECK(r.handle(post(hook + "imbot.chat.setManager", "{\"CHAT_ID\":")).status == 400);
    CHECK(r.handle(post(hook + "imbot.chat.setManager", "a=%zz", "application/x-www-form-urlencoded")).status == 400);
    CHECK(r.handle(post(hook + "imbot.chat.setManager", "[1,2]")).status == 400);
    CHECK(r.handle(get("/nowhere")).status == 404);
}

TEST_CASE("greenapi setGroupAdmin: three forms, world errors, auth", "[greenapi]") {
    router r(default_world());
    const std::string base = "/waInstance1101000001/setGroupAdmin/mocktoken";
    auto body = [](const http_response& x) { return js(x.body); };
    auto ok = r.handle(post(base, R"({"groupId":"120363043968066561@g.us","participantChatId":"79001234567@c.us"})"));
    CHECK(ok.status == 200);
    CHECK(body(ok) == js(R"({"setGroupAdmin":true})"));
    CHECK(r.snapshot().greenapi.instances[0].groups[0].participants[1].admin);
    auto tg = r.handle(post(base, R"({"chatId":"-10000000000000","participantChatId":"10000000","permissions":{"canManageChat":true}})"));
    CHECK(body(tg) == js(R"({"setGroupAdmin":true})"));
    auto v3 = r.handle(post("/v3" + base, R"({"chatId":"-10000000000000","participantChatId":"99"})"));
    CHECK(body(v3) == js(R"({"setGroupAdmin":false,"error":"participant is not a group member"})"));
    auto notadmin = r.handle(post(base, R"({"chatId":"-10000000000002","participantChatId":"10000000"})"));
    CHECK(body(notadmin).at("error") == "you have to be group admin to change settings");
    auto nf = r.handle(post(base, R"({"groupId":"120363043968066561@g.us","participantChatId":"79009999999@c.us"})"));
    CHECK(body(nf) == js(R"({"setGroupAdmin":false,"error":"participant not found"})"));
    auto unauth = r.handle(post("/waInstance1101000001/setGroupAdmin/wrong", "{}"));
    CHECK(unauth.status == 401);
    CHECK(body(unauth) == js(R"({"code":401,"description":"Unauthorized"})"));
    auto invalid = r.handle(post(base, R"({"groupId":"1@g.us"})"));
    CHECK(invalid.status == 400);
    CHECK(std::string(body(invalid).at("message").as_string()).starts_with("Validation failed"));
    CHECK(std::string(body(invalid).at("path").as_string()).find("mocktoken") == std::string::npos);
    CHECK(r.handle(post(base, "{oops")).status == 400);
    auto forced = post(base, "{}");
    forced.headers.emplace_back("X-Mock-Error", "429");
    CHECK(r.handle(forced).status == 429);
}

TEST_CASE("telegram channels.editAdmin: both constructors, world errors", "[telegram]") {
    router r(default_world());
    const std::int64_t hash = 0x0102030405060708;
    auto e = edit(1234567890, hash, 987654321, -1);
    e.rank = "mod";
    for (auto layer : {telegram::channels::edit_admin_layer::current, telegram::channels::edit_admin_layer::legacy}) {
        auto res = r.handle(post("/telegram/api", telegram::channels::encode(e, layer), "application/octet-stream"));
        REQUIRE(res.status == 200);
        auto u = telegram::decode_response<telegram::channels::edit_admin>(res.body);
        REQUIRE(u);
        auto* ups = std::get_if<telegram::updates>(&*u);
        REQUIRE(ups);
        REQUIRE_FALSE(ups->updates.empty());
        CHECK(std::get<telegram::update_channel>(ups->updates[0]).channel_id == 1234567890);
    }
    CHECK(r.snapshot().telegram.channels[0].admins.size() == 1);

    auto rpc = [&](const telegram::channels::edit_admin& req) {
        auto res = r.handle(post("/telegram/api", telegram::channels::encode(req), "application/octet-stream"));
        auto u = telegram::decode_response<telegram::channels::edit_admin>(res.body);
        REQUIRE_FALSE(u);
        REQUIRE(u.error().rpc());
        return u.error().rpc()->error_message;
    };
    CHECK(rpc(edit(1234567890, hash, 100000001, 0)) == "USER_CREATOR");
    auto emoji = edit(1234567890, hash, 987654321, -1);
    emoji.rank = "\xF0\x9F\x98\x80";
    CHECK(rpc(emoji) == "ADMIN_RANK_EMOJI_NOT_ALLOWED");
    CHECK(rpc(edit(1234567890, 1, 987654321, -1)) == "CHANNEL_INVALID");
    CHECK(rpc(edit(1234567890, hash, 42, -1)) == "USER_ID_INVALID");
    CHECK(rpc(edit(1234567891, 0x0102030405060709, 987654321, -1)) == "CHAT_ADMIN_REQUIRED");
    CHECK(rpc(edit(1234567890, hash, 555000001, -1)) == "INPUT_USER_DEACTIVATED");
    CHECK(rpc(edit(1234567890, hash, 555000002, -1)) == "USER_PRIVACY_RESTRICTED");

    auto forced = post("/telegram/api", telegram::channels::encode(edit(1234567890, hash, 987654321, -1)), "application/octet-stream");
    forced.headers.emplace_back("X-Mock-Error", "FLOOD_WAIT_30");
    auto f = telegram::decode_response<telegram::channels::edit_admin>(r.handle(forced).body);
    REQUIRE_FALSE(f);
    CHECK(f.error().rpc()->error_code == 420);
    CHECK(f.error().retry_after() == std::chrono::seconds(30));
    CHECK(r.handle(post("/telegram/api", "garbage", "application/octet-stream")).status == 200);
}

TEST_CASE("admin API: reset, world, journal, faults", "[admin]") {
    router r(default_world());
    r.handle(post(hook + "imbot.chat.setManager", R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"mockclient"})"));
    auto journal = js(r.handle(get("/__admin/journal")).body).as_array();
    REQUIRE(journal.size() == 1);
    CHECK(journal[0].at("api_method") == "imbot.chat.setManager");
    CHECK(journal[0].at("outcome") == "ok");
    CHECK(std::string(journal[0].at("target").as_string()).find("mockhook") == std::string::npos);

    auto oauth = post("/rest/im.department.managers.get", R"({"ID":[3],"auth":"mocktoken"})");
    r.handle(oauth);
    auto j2 = js(r.handle(get("/__admin/journal")).body).as_array();
    CHECK(j2.back().at("params").at("AUTH") != "mocktoken");

    auto wjson = r.handle(get("/__admin/world"));
    REQUIRE(wjson.status == 200);
    http_request put = post("/__admin/world", wjson.body);
    put.method = "PUT";
    CHECK(r.handle(put).status == 200);
    put.body = R"({"bitrix24":{"nonsense":1}})";
    CHECK(r.handle(put).status == 400);

    CHECK(r.handle(post("/__admin/reset", "")).status == 200);
    CHECK(r.snapshot().bitrix24.chats[0].managers.empty());
    http_request del = get("/__admin/journal");
    del.method = "DELETE";
    CHECK(r.handle(del).status == 200);
    CHECK(js(r.handle(get("/__admin/journal")).body).as_array().size() == 1);   // the GET itself is journalled afterwards

    CHECK(r.handle(post("/__admin/faults", R"({"method":"imbot.chat.setManager","count":2,"error":"INTERNAL_SERVER_ERROR"})")).status == 200);
    auto req = post(hook + "imbot.chat.setManager", R"({"CHAT_ID":2725,"USER_ID":1269,"CLIENT_ID":"mockclient"})");
    CHECK(r.handle(req).status == 500);
    CHECK(r.handle(req).status == 500);
    CHECK(r.handle(req).status == 200);
    r.handle(post("/__admin/faults", R"([{"method":"*","drop":true},{"method":"*","delay_ms":250}])"));
    CHECK(r.dispatch(req).drop);
    CHECK(r.dispatch(req).delay == std::chrono::milliseconds(250));
    auto delayed = req;
    delayed.headers.emplace_back("X-Mock-Delay-Ms", "40");
    CHECK(r.dispatch(delayed).delay == std::chrono::milliseconds(40));
    CHECK(r.handle(post("/__admin/faults", "nope")).status == 400);
    CHECK(r.handle(get("/__admin/unknown")).status == 404);
}

TEST_CASE("rate limits: Bitrix24 burst 50 then 503, Green API 10 then 429", "[ratelimit]") {
    router r(default_world(), router_options{.rate_limit = true});
    int ok = 0, limited = 0;
    for (int i = 0; i < 60; ++i) {
        auto res = r.handle(post(hook + "im.department.managers.get", R"({"ID":[3]})"));
        (res.status == 200 ? ok : limited) += 1;
        if (res.status == 503) CHECK(js(res.body).at("error") == "QUERY_LIMIT_EXCEEDED");
    }
    CHECK(ok >= 50);
    CHECK(ok <= 51);
    CHECK(limited >= 9);
    int ga_limited = 0;
    for (int i = 0; i < 15; ++i)
        if (r.handle(post("/waInstance1101000001/setGroupAdmin/mocktoken", "{}")).status == 429) ++ga_limited;
    CHECK(ga_limited >= 4);
}

TEST_CASE("oversized bodies get 413", "[robust]") {
    router r(default_world(), router_options{.max_body = 100});
    CHECK(r.handle(post(hook + "imbot.chat.setManager", std::string(200, ' '))).status == 413);
}

TEST_CASE("telegram X-Mock-Gzip: 1 answers gzip_packed", "[telegram]") {
    router r(default_world());
    const std::int64_t hash = 0x0102030405060708;
    auto req = post("/telegram/api", telegram::channels::encode(edit(1234567890, hash, 987654321, -1)),
                    "application/octet-stream");
    req.headers.emplace_back("X-Mock-Gzip", "1");
    auto res = r.handle(req);
    REQUIRE(res.status == 200);
    REQUIRE(res.body.size() > 8);
    CHECK(res.body.substr(0, 4) == std::string("\xa1\xcf\x72\x30", 4));
    auto u = telegram::decode_response<telegram::channels::edit_admin>(res.body);
    REQUIRE(u);
    auto* ups = std::get_if<telegram::updates>(&*u);
    REQUIRE(ups);
    CHECK(std::get<telegram::update_channel>(ups->updates[0]).channel_id == 1234567890);

    auto creator = post("/telegram/api", telegram::channels::encode(edit(1234567890, hash, 100000001, 0)),
                        "application/octet-stream");
    creator.headers.emplace_back("X-Mock-Gzip", "1");
    creator.headers.emplace_back("X-Mock-Error", "FLOOD_PREMIUM_WAIT_30");
    auto f = telegram::decode_response<telegram::channels::edit_admin>(r.handle(creator).body);
    REQUIRE_FALSE(f);
    REQUIRE(f.error().rpc());
    CHECK(f.error().rpc()->error_code == 420);
    CHECK(f.error().ec() == telegram::errc::flood_premium_wait);
    CHECK(f.error().retry_after() == std::chrono::seconds(30));

    // Without the header, or with another value, the answer is the plain object.
    req.headers.back().second = "0";
    CHECK(r.handle(req).body.substr(0, 4) != std::string("\xa1\xcf\x72\x30", 4));
    // JSON answers are never packed.
    auto wrong = req;
    wrong.method = "GET";
    CHECK(r.handle(wrong).status == 405);
    CHECK(js(r.handle(wrong).body).at("error") == "method_not_allowed");
}
