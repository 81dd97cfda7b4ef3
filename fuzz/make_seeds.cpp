// Writes the seed corpora of the fuzz targets, one directory per target under OUT:
// the golden bodies of conformance/golden as they are, HTTP requests built around the
// golden request bodies, and TL requests and answers produced by the library and the mock
// (there are no golden TL files).
//
//   make_seeds GOLDEN_DIR OUT_DIR

#include "router.hpp"
#include "world.hpp"

#include <chatadmin/telegram.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using namespace chatadmin;

namespace {

fs::path out_root;
std::size_t written = 0;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void put(std::string_view target, const std::string& name, std::string_view bytes) {
    fs::create_directories(out_root / target);
    std::ofstream(out_root / target / name, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    ++written;
}

std::string http(std::string_view method, std::string_view target, std::string_view type, std::string_view body,
                 std::string_view extra = {}) {
    std::string s = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!type.empty()) s += "Content-Type: " + std::string(type) + "\r\n";
    s += extra;
    s += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    s += body;
    return s;
}

telegram::channels::edit_admin edit(std::int64_t channel, std::int64_t hash, std::int64_t user, std::int64_t uhash,
                                    const char* rank) {
    telegram::channels::edit_admin e;
    e.channel = telegram::input_channel{channel, hash};
    e.user_id = telegram::input_user{user, uhash};
    e.admin_rights.change_info = true;
    e.admin_rights.ban_users = true;
    e.admin_rights.add_admins = true;
    if (rank) e.rank = std::string(rank);
    return e;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_seeds GOLDEN_DIR OUT_DIR\n");
        return 2;
    }
    const fs::path golden = argv[1];
    out_root = argv[2];

    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(golden))
        if (e.is_regular_file() && e.path().extension() != ".md") files.push_back(e.path());
    std::sort(files.begin(), files.end());

    const std::string mock_hash = "72623859790382856";
    for (const auto& p : files) {
        const std::string rel = fs::relative(p, golden).string();
        std::string flat = rel;
        for (char& c : flat) if (c == '/') c = '_';
        const std::string body = slurp(p);
        const std::string name = p.filename().string();
        const bool bitrix = rel.starts_with("bitrix24/");
        const bool request = name.starts_with("request_");
        if (!request) {
            put(bitrix ? "bitrix24_response" : "greenapi_response", flat, body);
            continue;
        }
        put("requests", flat, body);
        if (bitrix) {
            const std::string method = p.parent_path().filename().string();
            const bool form = p.extension() == ".txt";
            const std::string type = form ? "application/x-www-form-urlencoded" : "application/json";
            put("mock_router", flat, http("POST", "/rest/1/mockhook/" + method + ".json", type, body));
            put("mock_router", "oauth_" + flat, http("POST", "/rest/" + method + "?auth=mocktoken", type, body));
            if (form) put("mock_router", "get_" + flat, http("GET", "/rest/1/mockhook/" + method + "?" + body, {}, {}));
        } else {
            const bool v3 = name.find("v3") != std::string::npos;
            const std::string target = std::string(v3 ? "/v3" : "") + "/waInstance1101000001/setGroupAdmin/mocktoken";
            put("mock_router", flat, http("POST", target, "application/json", body));
        }
    }

    // TL requests, and the mock's answers to them (Updates and rpc_error).
    mock::router r(mock::default_world());
    const std::int64_t hash = std::stoll(mock_hash);
    const std::vector<std::pair<std::string, telegram::channels::edit_admin>> calls{
        {"promote", edit(1234567890, hash, 987654321, -1, "mod")},
        {"no_rank", edit(1234567890, hash, 987654321, -1, nullptr)},
        {"creator", edit(1234567890, hash, 100000001, 0, nullptr)},
        {"bad_hash", edit(1234567890, 1, 987654321, -1, nullptr)},
        {"deactivated", edit(1234567890, hash, 555000001, -1, nullptr)},
        {"emoji", edit(1234567890, hash, 987654321, -1, "\xF0\x9F\x98\x80")},
    };
    for (auto layer : {telegram::channels::edit_admin_layer::current, telegram::channels::edit_admin_layer::legacy}) {
        const std::string tag = layer == telegram::channels::edit_admin_layer::current ? "current_" : "legacy_";
        for (const auto& [what, call] : calls) {
            const std::string body = telegram::channels::encode(call, layer);
            put("requests", "tl_" + tag + what, body);
            put("mock_router", "tl_" + tag + what, http("POST", "/telegram/api", "application/octet-stream", body));
            auto answer = r.handle(http_request{"POST", "/telegram/api", {}, body, {}});
            put("telegram_response", tag + what, answer.body);
            // The same answer inside rpc_result (req_msg_id 1).
            std::string wrapped("\x01\x6d\x5c\xf3\x01\x00\x00\x00\x00\x00\x00\x00", 12);
            put("telegram_response", "rpc_result_" + tag + what, wrapped + answer.body);
            // And gzip_packed, bare and inside rpc_result.
            auto packed = r.handle(http_request{"POST", "/telegram/api", {{"X-Mock-Gzip", "1"}}, body, {}});
            put("telegram_response", "gzip_" + tag + what, packed.body);
            put("telegram_response", "rpc_result_gzip_" + tag + what, wrapped + packed.body);
        }
    }
    auto flood = r.handle(http_request{"POST", "/telegram/api", {{"X-Mock-Error", "FLOOD_WAIT_30"}},
                                       telegram::channels::encode(calls[0].second), {}});
    put("telegram_response", "flood_wait", flood.body);
    auto premium = r.handle(http_request{"POST", "/telegram/api",
                                         {{"X-Mock-Error", "FLOOD_PREMIUM_WAIT_30"}, {"X-Mock-Gzip", "1"}},
                                         telegram::channels::encode(calls[0].second), {}});
    put("telegram_response", "gzip_flood_premium_wait", premium.body);
    put("mock_router", "tl_gzip",
        http("POST", "/telegram/api", "application/octet-stream", telegram::channels::encode(calls[0].second),
             "X-Mock-Gzip: 1\r\n"));
    // An answer with the layer-227 user and channel constructors, which the mock does not send.
    {
        telegram::legacy::user me;
        me.self = true;
        me.id = 100000001;
        me.access_hash = 0;
        me.first_name = "Mock";
        me.status = telegram::user_status_recently{};
        me.usernames = std::vector<telegram::username>{{{}, true, true, "mockowner"}};
        telegram::legacy::channel ch;
        ch.creator = true;
        ch.megagroup = true;
        ch.id = 1234567890;
        ch.access_hash = hash;
        ch.title = "Mock channel";
        ch.participants_count = 3;
        ch.color = telegram::peer_color{{}, 3, {}};
        telegram::updates u;
        u.updates.push_back(telegram::update_channel{1234567890});
        u.users.push_back(me);
        u.chats.push_back(ch);
        put("telegram_response", "layer227_user_channel", tl::encode(telegram::updates_type{u}));
    }

    // Control headers, admin calls and a pipelined sequence.
    put("mock_router", "forced_error",
        http("POST", "/rest/1/mockhook/imbot.chat.setManager", "application/json", R"({"CHAT_ID":2725})",
             "X-Mock-Error: QUERY_LIMIT_EXCEEDED\r\nX-Mock-Delay-Ms: 5\r\n"));
    put("mock_router", "admin_sequence",
        http("POST", "/__admin/faults", "application/json",
             R"([{"method":"setGroupAdmin","count":2,"error":"429"},{"method":"*","delay_ms":1}])") +
            http("GET", "/__admin/world", {}, {}) + http("POST", "/__admin/reset", {}, {}) +
            http("GET", "/__admin/faults", {}, {}) + http("DELETE", "/__admin/journal", {}, {}));
    put("mock_router", "put_world", http("PUT", "/__admin/world", "application/json", mock::default_world_json()));

    std::printf("make_seeds: %zu seeds in %s\n", written, out_root.c_str());
    return 0;
}
