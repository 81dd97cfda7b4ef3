// POST /telegram/json: channels.editAdmin and its answers in the JSON form of the TL objects.

#include "router.hpp"

#include <chatadmin/core/tl.hpp>
#include <chatadmin/telegram.hpp>

#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include "requests.hpp"

#include <string>

using namespace chatadmin;
using namespace chatadmin::mock;
namespace tg = chatadmin::telegram;

using mock_requests::get;
using mock_requests::post;

namespace {


boost::json::value js(std::string_view s) { return boost::json::parse(s); }

// channels.editAdmin for user `user` in channel 1234567890, rights 0x99, rank "mod".
std::string edit_admin(std::string_view user, std::string_view user_hash, std::string_view extra = "",
                       std::string_view predicate = "channels.editAdmin", std::string_view channel_hash = "72623859790382856") {
    return std::string(R"({"_":")") + std::string(predicate) + R"(",)" + std::string(extra) +
           R"("channel":{"_":"inputChannel","channel_id":"1234567890","access_hash":")" + std::string(channel_hash) + R"("},)" +
           R"("user_id":{"_":"inputUser","user_id":")" + std::string(user) + R"(","access_hash":")" + std::string(user_hash) + R"("},)" +
           R"("admin_rights":{"_":"chatAdminRights","change_info":true,"delete_messages":true,"ban_users":true,"pin_messages":true},)" +
           R"("rank":"mod"})";
}

tg::updates_type zero_date(tg::updates_type u) {
    if (auto* x = std::get_if<tg::updates>(&u)) x->date = 0;
    return u;
}

} // namespace

TEST_CASE("telegram json: editAdmin succeeds and changes the world", "[telegram][json]") {
    router r(default_world());
    auto res = r.handle(post("/telegram/json", edit_admin("987654321", "-1")));
    REQUIRE(res.status == 200);
    CHECK(res.header("Content-Type") == "application/json");
    auto body = js(res.body);
    CHECK(body.at("_") == "updates");
    CHECK(body.at("updates") == js(R"([{"_":"updateChannel","channel_id":"1234567890"}])"));
    CHECK(body.at("users") == js(R"([{"_":"user","id":"987654321","access_hash":"-1","first_name":"Ivan","last_name":"Petrov",)"
                                    R"("username":"ivanp","status":{"_":"userStatusOffline","was_online":1700000000}}])"));
    CHECK(body.at("chats") == js(R"([{"_":"channel","creator":true,"megagroup":true,"id":"1234567890","access_hash":"72623859790382856",)"
                                    R"("title":"Mock channel","username":"mockchannel","photo":{"_":"chatPhotoEmpty"},"date":1600000000,)"
                                    R"("participants_count":3}])"));
    CHECK(body.at("date").is_int64());
    auto typed = json::from_json<tg::updates_type>(res.body);
    REQUIRE(typed);
    CHECK(std::holds_alternative<tg::updates>(*typed));

    auto w = r.snapshot();
    REQUIRE(w.telegram.channels[0].admins.size() == 1);
    CHECK(w.telegram.channels[0].admins[0].user_id == 987654321);
    CHECK(w.telegram.channels[0].admins[0].rights == 0x99);
    CHECK(w.telegram.channels[0].admins[0].rank == "mod");

    auto journal = js(r.handle(get("/__admin/journal")).body).as_array();
    REQUIRE_FALSE(journal.empty());
    CHECK(journal[0].at("target") == "/telegram/json");
    CHECK(journal[0].at("api_method") == "channels.editAdmin");
    CHECK(journal[0].at("outcome") == "ok");
    CHECK(journal[0].at("params").at("layer") == "current");
}

TEST_CASE("telegram json: the seed's constructor by layer hint or #d33c8902", "[telegram][json]") {
    router r(default_world());
    auto hinted = r.handle(post("/telegram/json", edit_admin("987654321", "-1", R"("layer":222,)")));
    CHECK(js(hinted.body).at("_") == "updates");
    auto by_id = r.handle(post("/telegram/json", edit_admin("987654321", "-1", "", "channels.editAdmin#d33c8902")));
    CHECK(js(by_id.body).at("_") == "updates");
    auto current = r.handle(post("/telegram/json", edit_admin("987654321", "-1", R"("layer":228,)")));
    CHECK(js(current.body).at("_") == "updates");
    auto journal = js(r.handle(get("/__admin/journal")).body).as_array();
    REQUIRE(journal.size() >= 3);
    CHECK(journal[0].at("params").at("layer") == "legacy");
    CHECK(journal[1].at("params").at("layer") == "legacy");
    CHECK(journal[2].at("params").at("layer") == "current");
    // The seed's form has no optional rank: without it, the hinted call does not decode.
    std::string no_rank = edit_admin("987654321", "-1", R"("layer":200,)");
    const std::string_view rank = R"(,"rank":"mod")";
    no_rank.erase(no_rank.find(rank), rank.size());
    auto bad = r.handle(post("/telegram/json", no_rank));
    CHECK(js(bad.body).at("error_message") == "INPUT_CONSTRUCTOR_INVALID");
    CHECK(bad.header("X-Mock-Decode-Error") == "rank: missing required member of channels.editAdmin");
}

TEST_CASE("telegram json: rpc errors from the world and forced ones", "[telegram][json]") {
    router r(default_world());
    auto creator = r.handle(post("/telegram/json", edit_admin("100000001", "0")));
    REQUIRE(creator.status == 200);
    CHECK(creator.header("Content-Type") == "application/json");
    CHECK(creator.body == R"({"_":"rpc_error","error_code":400,"error_message":"USER_CREATOR"})");

    auto hash = r.handle(post("/telegram/json", edit_admin("987654321", "-1", "", "channels.editAdmin", "1")));
    CHECK(js(hash.body) == js(R"({"_":"rpc_error","error_code":400,"error_message":"CHANNEL_INVALID"})"));

    auto flood = post("/telegram/json", edit_admin("987654321", "-1"));
    flood.headers.emplace_back("X-Mock-Error", "FLOOD_WAIT_30");
    auto f = r.handle(flood);
    CHECK(f.body == R"({"_":"rpc_error","error_code":420,"error_message":"FLOOD_WAIT_30"})");
    auto typed = json::from_json<tg::rpc_error>(f.body);
    REQUIRE(typed);
    CHECK(tg::api_error::from(*typed).retry_after() == std::chrono::seconds(30));
    CHECK(r.snapshot().telegram.channels[0].admins.empty());
}

TEST_CASE("telegram json: bodies that are not a known call", "[telegram][json][robust]") {
    router r(default_world());
    auto check = [&](std::string body, std::string_view why) {
        auto res = r.handle(post("/telegram/json", std::move(body)));
        CHECK(res.status == 200);
        CHECK(js(res.body) == js(R"({"_":"rpc_error","error_code":400,"error_message":"INPUT_CONSTRUCTOR_INVALID"})"));
        auto h = res.header("X-Mock-Decode-Error");
        REQUIRE(h);
        CHECK(std::string(*h).find(why) != std::string::npos);
    };
    check("{oops", "expected a string key");
    check(R"({"_":"channels.editBanned"})", "_: unknown constructor \"channels.editBanned\"");
    check(edit_admin("987654321", "9223372036854775808"), "user_id.access_hash: number");
    std::string no_tag = edit_admin("987654321", "-1");
    const std::string_view tag = R"("_":"inputUser",)";
    no_tag.erase(no_tag.find(tag), tag.size());
    check(no_tag, "user_id._: missing the constructor name");
    check(std::string(edit_admin("987654321", "-1")).insert(1, "\"_\":\"x\\n\","), "unknown constructor");

    CHECK(r.handle(get("/telegram/json")).status == 405);
}

TEST_CASE("telegram json: one request, the same answer in both encodings", "[telegram][json]") {
    tg::channels::edit_admin e;
    e.channel = tg::input_channel{1234567890, 0x0102030405060708};
    e.user_id = tg::input_user{987654321, -1};
    e.admin_rights.change_info = true;
    e.rank = "mod";
    for (bool success : {true, false}) {
        if (!success) e.user_id = tg::input_user{100000001, 0};
        router a(default_world()), b(default_world());
        auto bin = a.handle(post("/telegram/api", tl::encode(e), "application/octet-stream"));
        auto txt = b.handle(post("/telegram/json", json::to_json(e)));
        auto decoded = tg::decode_response<tg::channels::edit_admin>(bin.body);
        if (success) {
            REQUIRE(decoded);
            auto from_json = json::from_json<tg::updates_type>(txt.body);
            REQUIRE(from_json);
            CHECK(json::to_json(zero_date(*decoded)) == json::to_json(zero_date(*from_json)));
        } else {
            REQUIRE_FALSE(decoded);
            auto err = json::from_json<tg::rpc_error>(txt.body);
            REQUIRE(err);
            CHECK(decoded.error().rpc()->error_message == err->error_message);
            CHECK(decoded.error().rpc()->error_code == err->error_code);
        }
        CHECK(json::to_json(a.snapshot().telegram) == json::to_json(b.snapshot().telegram));
    }
}
