// Reading the documented responses: chatadmin against a hand-written reader and the peers.
// Every reader's result is checked against chatadmin's before it is timed.

#include "common.hpp"
#include "peers_read.hpp"

#include <boost/json.hpp>

#ifdef BENCH_HAVE_NLOHMANN
#include <nlohmann/json.hpp>
#endif
#ifdef BENCH_HAVE_RAPIDJSON
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#endif
#ifdef BENCH_HAVE_SIMDJSON
#include <simdjson.h>
#endif

#include <cstring>
#include <functional>

using namespace bench;
namespace json = chatadmin::json;

// ---------------------------------------------------------------- hand-written reader
// A forward-only scanner: syntax checked, escapes decoded, UTF-8 not validated.
namespace hand {

struct scanner {
    const char* p;
    const char* e;
    std::string scratch;

    void ws() { while (p != e && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')) ++p; }
    void expect(char c) {
        ws();
        if (p == e || *p != c) bad("syntax");
        ++p;
    }
    std::string_view string_view() {
        expect('"');
        const char* s = p;
        while (p != e && *p != '"' && *p != '\\') ++p;
        if (p == e) bad("unterminated string");
        if (*p == '"') return {s, static_cast<std::size_t>(p++ - s)};
        scratch.assign(s, p);
        while (p != e && *p != '"') {
            if (*p != '\\') { scratch.push_back(*p++); continue; }
            if (++p == e) bad("unterminated string");
            char c = *p++;
            switch (c) {
            case 'n': scratch.push_back('\n'); break;
            case 't': scratch.push_back('\t'); break;
            case 'r': scratch.push_back('\r'); break;
            case 'b': scratch.push_back('\b'); break;
            case 'f': scratch.push_back('\f'); break;
            case 'u': {
                if (e - p < 4) bad("bad escape");
                unsigned cp = 0;
                for (int i = 0; i < 4; ++i) {
                    char h = *p++;
                    cp = cp * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                }
                if (cp >= 0xD800 && cp <= 0xDBFF && e - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                    unsigned lo = 0;
                    p += 2;
                    for (int i = 0; i < 4; ++i) {
                        char h = *p++;
                        lo = lo * 16 + static_cast<unsigned>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                }
                if (cp < 0x80) scratch.push_back(static_cast<char>(cp));
                else if (cp < 0x800) { scratch.push_back(static_cast<char>(0xC0 | cp >> 6)); scratch.push_back(static_cast<char>(0x80 | (cp & 63))); }
                else if (cp < 0x10000) { scratch.push_back(static_cast<char>(0xE0 | cp >> 12)); scratch.push_back(static_cast<char>(0x80 | (cp >> 6 & 63))); scratch.push_back(static_cast<char>(0x80 | (cp & 63))); }
                else { scratch.push_back(static_cast<char>(0xF0 | cp >> 18)); scratch.push_back(static_cast<char>(0x80 | (cp >> 12 & 63))); scratch.push_back(static_cast<char>(0x80 | (cp >> 6 & 63))); scratch.push_back(static_cast<char>(0x80 | (cp & 63))); }
                break;
            }
            default: scratch.push_back(c);
            }
        }
        if (p == e) bad("unterminated string");
        ++p;
        return scratch;
    }
    std::string_view number() {
        ws();
        const char* s = p;
        if (p != e && *p == '-') ++p;
        while (p != e && ((*p >= '0' && *p <= '9') || *p == '.' || *p == 'e' || *p == 'E' || *p == '+' || *p == '-')) ++p;
        if (p == s) bad("number");
        return {s, static_cast<std::size_t>(p - s)};
    }
    void word(std::string_view w) {
        if (static_cast<std::size_t>(e - p) < w.size() || std::memcmp(p, w.data(), w.size()) != 0) bad("literal");
        p += w.size();
    }
    void skip() {
        ws();
        if (p == e) bad("truncated");
        switch (*p) {
        case '{': ++p; ws(); if (p != e && *p == '}') { ++p; return; }
            for (;;) { string_view(); expect(':'); skip(); ws(); if (p != e && *p == ',') { ++p; continue; } expect('}'); return; }
        case '[': ++p; ws(); if (p != e && *p == ']') { ++p; return; }
            for (;;) { skip(); ws(); if (p != e && *p == ',') { ++p; continue; } expect(']'); return; }
        case '"': string_view(); return;
        case 't': word("true"); return;
        case 'f': word("false"); return;
        case 'n': word("null"); return;
        default: number();
        }
    }
};

struct adapter {
    using node = scanner&;
    static K kind(scanner& s) {
        s.ws();
        if (s.p == s.e) bad("truncated");
        switch (*s.p) {
        case '{': return K::object;
        case '[': return K::array;
        case '"': return K::string;
        case 't': case 'f': return K::boolean;
        case 'n': return K::null;
        default: return K::number;
        }
    }
    static bool boolean(scanner& s) {
        s.ws();
        if (s.p != s.e && *s.p == 't') { s.word("true"); return true; }
        s.word("false");
        return false;
    }
    static std::int64_t i64(scanner& s) {
        s.ws();
        return parse_i64(s.p != s.e && *s.p == '"' ? s.string_view() : s.number());
    }
    static double dbl(scanner& s) {
        auto n = s.number();
        double d = 0;
        auto r = std::from_chars(n.data(), n.data() + n.size(), d);
        if (r.ec != std::errc() || r.ptr != n.data() + n.size()) bad("number");
        return d;
    }
    static void str(scanner& s, std::string& out) { out.assign(s.string_view()); }
    static void raw(scanner& s, std::string& out) {
        s.ws();
        const char* b = s.p;
        s.skip();
        out.assign(b, s.p);
    }
    static void skip(scanner& s) { s.skip(); }
    template <class F>
    static void members(scanner& s, F&& f) {
        s.expect('{');
        s.ws();
        if (s.p != s.e && *s.p == '}') { ++s.p; return; }
        for (;;) {
            std::string_view k = s.string_view();
            s.expect(':');
            f(k, s);
            s.ws();
            if (s.p != s.e && *s.p == ',') { ++s.p; continue; }
            s.expect('}');
            return;
        }
    }
    template <class F>
    static void elements(scanner& s, F&& f) {
        s.expect('[');
        s.ws();
        if (s.p != s.e && *s.p == ']') { ++s.p; return; }
        for (;;) {
            f(s);
            s.ws();
            if (s.p != s.e && *s.p == ',') { ++s.p; continue; }
            s.expect(']');
            return;
        }
    }
};

template <class T>
void read(std::string_view text, T& out) {
    scanner s{text.data(), text.data() + text.size(), {}};
    if constexpr (std::is_same_v<T, ga::failure_body>) read_failure<adapter>(s, out);
    else read_envelope<adapter>(s, out);
    s.ws();
    if (s.p != s.e) bad("trailing data");
}

} // namespace hand

// ---------------------------------------------------------------- Boost.JSON: parse + value_to with tag_invoke
namespace bj {
struct adapter {
    using node = const boost::json::value&;
    static K kind(node v) {
        switch (v.kind()) {
        case boost::json::kind::null: return K::null;
        case boost::json::kind::bool_: return K::boolean;
        case boost::json::kind::int64: case boost::json::kind::uint64: case boost::json::kind::double_: return K::number;
        case boost::json::kind::string: return K::string;
        case boost::json::kind::object: return K::object;
        case boost::json::kind::array: return K::array;
        }
        return K::null;
    }
    static bool boolean(node v) { return v.as_bool(); }
    static std::int64_t i64(node v) {
        if (v.is_int64()) return v.get_int64();
        if (v.is_string()) return parse_i64(v.get_string());
        return v.to_number<std::int64_t>();
    }
    static double dbl(node v) { return v.to_number<double>(); }
    static void str(node v, std::string& out) { const auto& s = v.as_string(); out.assign(s.data(), s.size()); }
    static void raw(node v, std::string& out) { out = boost::json::serialize(v); }
    static void skip(node) {}
    template <class F>
    static void members(node v, F&& f) {
        for (const auto& kv : v.as_object()) f(std::string_view(kv.key()), kv.value());
    }
    template <class F>
    static void elements(node v, F&& f) {
        for (const auto& e : v.as_array()) f(e);
    }
};
} // namespace bj

namespace chatadmin::bitrix24 {
template <class R>
envelope<R> tag_invoke(boost::json::value_to_tag<envelope<R>>, const boost::json::value& v) {
    envelope<R> env;
    bench::read_envelope<bj::adapter>(v, env);
    return env;
}
} // namespace chatadmin::bitrix24
namespace chatadmin::greenapi {
failure_body tag_invoke(boost::json::value_to_tag<failure_body>, const boost::json::value& v) {
    failure_body f;
    bench::read_failure<bj::adapter>(v, f);
    return f;
}
} // namespace chatadmin::greenapi

// ---------------------------------------------------------------- nlohmann
#ifdef BENCH_HAVE_NLOHMANN
namespace nl {
using J = nlohmann::json;
struct adapter {
    using node = const J&;
    static K kind(node v) {
        if (v.is_null()) return K::null;
        if (v.is_boolean()) return K::boolean;
        if (v.is_number()) return K::number;
        if (v.is_string()) return K::string;
        if (v.is_object()) return K::object;
        return K::array;
    }
    static bool boolean(node v) { return v.get<bool>(); }
    static std::int64_t i64(node v) {
        if (v.is_number_integer()) return v.get<std::int64_t>();
        if (v.is_string()) return parse_i64(v.get_ref<const std::string&>());
        bad("expected integer");
    }
    static double dbl(node v) { return v.get<double>(); }
    static void str(node v, std::string& out) { out = v.get_ref<const std::string&>(); }
    static void raw(node v, std::string& out) { out = v.dump(); }
    static void skip(node) {}
    template <class F>
    static void members(node v, F&& f) {
        if (!v.is_object()) bad("expected object");
        for (auto it = v.begin(); it != v.end(); ++it) f(std::string_view(it.key()), it.value());
    }
    template <class F>
    static void elements(node v, F&& f) {
        if (!v.is_array()) bad("expected array");
        for (const auto& e : v) f(e);
    }
};
template <class T>
void read(std::string_view text, T& out) {
    J j = J::parse(text);
    if constexpr (std::is_same_v<T, ga::failure_body>) read_failure<adapter>(j, out);
    else read_envelope<adapter>(j, out);
}
} // namespace nl
#endif

// ---------------------------------------------------------------- RapidJSON (DOM, full-precision numbers)
#ifdef BENCH_HAVE_RAPIDJSON
namespace rj {
struct adapter {
    using node = const rapidjson::Value&;
    static K kind(node v) {
        if (v.IsNull()) return K::null;
        if (v.IsBool()) return K::boolean;
        if (v.IsNumber()) return K::number;
        if (v.IsString()) return K::string;
        if (v.IsObject()) return K::object;
        return K::array;
    }
    static bool boolean(node v) { if (!v.IsBool()) bad("expected boolean"); return v.GetBool(); }
    static std::int64_t i64(node v) {
        if (v.IsInt64()) return v.GetInt64();
        if (v.IsString()) return parse_i64({v.GetString(), v.GetStringLength()});
        bad("expected integer");
    }
    static double dbl(node v) { if (!v.IsNumber()) bad("expected number"); return v.GetDouble(); }
    static void str(node v, std::string& out) { if (!v.IsString()) bad("expected string"); out.assign(v.GetString(), v.GetStringLength()); }
    static void raw(node v, std::string& out) {
        rapidjson::StringBuffer sb;
        rapidjson::Writer<rapidjson::StringBuffer> w(sb);
        v.Accept(w);
        out.assign(sb.GetString(), sb.GetSize());
    }
    static void skip(node) {}
    template <class F>
    static void members(node v, F&& f) {
        if (!v.IsObject()) bad("expected object");
        for (auto m = v.MemberBegin(); m != v.MemberEnd(); ++m) f(std::string_view(m->name.GetString(), m->name.GetStringLength()), m->value);
    }
    template <class F>
    static void elements(node v, F&& f) {
        if (!v.IsArray()) bad("expected array");
        for (const auto& e : v.GetArray()) f(e);
    }
};
template <class T>
void read(std::string_view text, T& out) {
    rapidjson::Document d;
    d.Parse<rapidjson::kParseFullPrecisionFlag>(text.data(), text.size());
    if (d.HasParseError()) bad("parse error");
    if constexpr (std::is_same_v<T, ga::failure_body>) read_failure<adapter>(d, out);
    else read_envelope<adapter>(d, out);
}
} // namespace rj
#endif

// ---------------------------------------------------------------- simdjson on-demand
#ifdef BENCH_HAVE_SIMDJSON
namespace sj {
namespace od = simdjson::ondemand;
struct adapter {
    using node = od::value;
    static K kind(od::value& v) {
        switch (od::json_type(v.type())) {
        case od::json_type::array: return K::array;
        case od::json_type::object: return K::object;
        case od::json_type::number: return K::number;
        case od::json_type::string: return K::string;
        case od::json_type::boolean: return K::boolean;
        case od::json_type::null: return K::null;
        }
        return K::null;
    }
    static bool boolean(od::value& v) { return bool(v.get_bool()); }
    static std::int64_t i64(od::value& v) {
        if (od::json_type(v.type()) == od::json_type::string) return parse_i64(std::string_view(v.get_string()));
        return std::int64_t(v.get_int64());
    }
    static double dbl(od::value& v) { return double(v.get_double()); }
    static void str(od::value& v, std::string& out) { out.assign(std::string_view(v.get_string())); }
    static void raw(od::value& v, std::string& out) {
        switch (od::json_type(v.type())) {
        case od::json_type::object: { od::object o = v.get_object(); out.assign(std::string_view(o.raw_json())); return; }
        case od::json_type::array: { od::array a = v.get_array(); out.assign(std::string_view(a.raw_json())); return; }
        default: out.assign(v.raw_json_token());
        }
    }
    static void skip(od::value&) {}
    template <class F>
    static void members(od::value& v, F&& f) {
        od::object o = v.get_object();
        for (od::field field : o) {
            std::string_view k = field.unescaped_key();
            f(k, field.value());
        }
    }
    template <class F>
    static void elements(od::value& v, F&& f) {
        od::array a = v.get_array();
        for (od::value e : a) f(e);
    }
};
struct reader {
    od::parser parser;
    template <class T>
    void read(const simdjson::padded_string& text, T& out) {
        od::document doc = parser.iterate(text);
        od::value root = doc.get_value();
        if constexpr (std::is_same_v<T, ga::failure_body>) read_failure<adapter>(root, out);
        else read_envelope<adapter>(root, out);
    }
};
} // namespace sj
#endif

// ---------------------------------------------------------------- registration
namespace {

template <class R>
bool same(const b24::envelope<R>& a, const b24::envelope<R>& b) {
    return a.result == b.result && a.time == b.time && a.error == b.error && a.error_description == b.error_description;
}
bool same(const ga::failure_body& a, const ga::failure_body& b) {
    return a.error == b.error && a.code == b.code && a.description == b.description && a.message == b.message && a.path == b.path;
}

template <class T>
T chatadmin_read(std::string_view text) {
    T v;
    if (auto e = json::read_into(text, v)) die("chatadmin read failed: " + e.to_string());
    return v;
}

template <class T>
void register_read(const char* workload, const char* golden_file) {
    const std::string text = golden(golden_file);
    const std::string base = std::string("read/") + workload + "/";
    const T want = chatadmin_read<T>(text);
    auto check = [=](const std::string& peer, const T& got) {
        if (!same(got, want)) die(base + peer + ": result differs from chatadmin's");
    };
    benchmark::RegisterBenchmark((base + "chatadmin").c_str(), [=](benchmark::State& st) {
        run(st, text.size(), [&] {
            T v;
            auto e = json::read_into(text, v);
            benchmark::DoNotOptimize(e);
            benchmark::DoNotOptimize(v);
        });
    });
    benchmark::RegisterBenchmark((base + "hand").c_str(), [=](benchmark::State& st) {
        {
            T v;
            hand::read(text, v);
            check("hand", v);
        }
        run(st, text.size(), [&] {
            T v;
            hand::read(text, v);
            benchmark::DoNotOptimize(v);
        });
    });
    benchmark::RegisterBenchmark((base + "boost_json").c_str(), [=](benchmark::State& st) {
        check("boost_json", boost::json::value_to<T>(boost::json::parse(text)));
        run(st, text.size(), [&] {
            T v = boost::json::value_to<T>(boost::json::parse(text));
            benchmark::DoNotOptimize(v);
        });
    });
#ifdef BENCH_HAVE_NLOHMANN
    benchmark::RegisterBenchmark((base + "nlohmann").c_str(), [=](benchmark::State& st) {
        {
            T v;
            nl::read(text, v);
            check("nlohmann", v);
        }
        run(st, text.size(), [&] {
            T v;
            nl::read(text, v);
            benchmark::DoNotOptimize(v);
        });
    });
#endif
#ifdef BENCH_HAVE_RAPIDJSON
    benchmark::RegisterBenchmark((base + "rapidjson").c_str(), [=](benchmark::State& st) {
        {
            T v;
            rj::read(text, v);
            check("rapidjson", v);
        }
        run(st, text.size(), [&] {
            T v;
            rj::read(text, v);
            benchmark::DoNotOptimize(v);
        });
    });
#endif
#ifdef BENCH_HAVE_SIMDJSON
    benchmark::RegisterBenchmark((base + "simdjson_ondemand").c_str(), [=](benchmark::State& st) {
        // The padded copy and the parser are made once, as simdjson's documentation advises.
        simdjson::padded_string padded(text);
        sj::reader r;
        {
            T v;
            r.read(padded, v);
            check("simdjson_ondemand", v);
        }
        run(st, text.size(), [&] {
            T v;
            r.read(padded, v);
            benchmark::DoNotOptimize(v);
        });
    });
#endif
}

// The public entry points, for reference: parse_response also classifies errors, keeps the
// HTTP status and builds result<>.
template <class Method>
void register_b24_api(const char* workload, const char* golden_file, int status) {
    chatadmin::http_response resp;
    resp.status = status;
    resp.body = golden(golden_file);
    const std::size_t n = resp.body.size();
    benchmark::RegisterBenchmark((std::string("read/") + workload + "/chatadmin_parse_response").c_str(), [=](benchmark::State& st) {
        run(st, n, [&] {
            auto r = b24::parse_response<Method>(resp);
            benchmark::DoNotOptimize(r);
        });
    });
}

[[maybe_unused]] const bool registered = [] {
    register_read<b24::envelope<bool>>("setManager.success", "bitrix24/imbot.chat.setManager/response_200.json");
    register_read<b24::envelope<std::vector<std::int64_t>>>("sonet_update.ids", "bitrix24/sonet_group.user.update/response_200.json");
    register_read<b24::envelope<managers_get::result_type>>("managers_get.user_data_y", "bitrix24/im.department.managers.get/response_200_user_data_y.json");
    register_read<b24::envelope<bool>>("b24.error_envelope", "bitrix24/imbot.chat.setManager/error_400_CHAT_ID_EMPTY.json");
    register_read<ga::failure_body>("greenapi.200_error", "greenapi/set_group_admin/error_participant_not_found.json");
    register_b24_api<set_manager>("setManager.success", "bitrix24/imbot.chat.setManager/response_200.json", 200);
    register_b24_api<managers_get>("managers_get.user_data_y", "bitrix24/im.department.managers.get/response_200_user_data_y.json", 200);
    register_b24_api<set_manager>("b24.error_envelope", "bitrix24/imbot.chat.setManager/error_400_CHAT_ID_EMPTY.json", 400);
    {
        chatadmin::http_response resp;
        resp.status = 200;
        resp.body = golden("greenapi/set_group_admin/error_participant_not_found.json");
        const std::size_t n = resp.body.size();
        benchmark::RegisterBenchmark("read/greenapi.200_error/chatadmin_parse_response", [=](benchmark::State& st) {
            run(st, n, [&] {
                auto r = ga::parse_response(resp);
                benchmark::DoNotOptimize(r);
            });
        });
    }
    return true;
}();

} // namespace
