#pragma once
// The mapping from a JSON value to the chatadmin structs, written once over a small adapter
// so that every peer does the same work: same members, same lenient rules (numbers as
// strings, false/null for absent, [] for an empty map), unknown keys skipped. Key dispatch
// is by length, then by text, which is what a careful hand-written reader does.
//
// An adapter A provides: node, kind, boolean, i64 (number or numeric string), dbl, str,
// members(node, f(key, node)), elements(node, f(node)), raw, skip.

#include "workloads.hpp"

#include <charconv>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace bench {

enum class K { null, boolean, number, string, object, array };

[[noreturn]] inline void bad(const char* what) { throw std::runtime_error(what); }

inline std::int64_t parse_i64(std::string_view s) {
    std::int64_t v = 0;
    auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size()) bad("not an integer");
    return v;
}

template <class A, class N>
void read_false_or_string(N&& v, std::optional<std::string>& o) {
    K k = A::kind(v);
    if (k == K::null) { A::skip(v); o.reset(); }
    else if (k == K::boolean) { if (A::boolean(v)) bad("true for a false_or"); o.reset(); }
    else A::str(v, o.emplace());
}

template <class A, class N>
void read_phones(N&& v, chatadmin::false_or<b24::user_phones>& o) {
    K k = A::kind(v);
    if (k == K::null) { A::skip(v); o.reset(); return; }
    if (k == K::boolean) { if (A::boolean(v)) bad("true for phones"); o.reset(); return; }
    auto& p = o.emplace();
    A::members(v, [&](std::string_view key, auto&& x) {
        if (key == "personal_mobile") read_false_or_string<A>(x, p.personal_mobile);
        else if (key == "inner_phone") read_false_or_string<A>(x, p.inner_phone);
        else if (key == "work_phone") read_false_or_string<A>(x, p.work_phone);
        else if (key == "personal_phone") read_false_or_string<A>(x, p.personal_phone);
        else A::skip(x);
    });
}

template <class A, class N>
void read_user(N&& v, b24::user& u) {
    if (A::kind(v) != K::object) bad("user: expected object");
    bool have_id = false;
    A::members(v, [&](std::string_view k, auto&& x) {
        switch (k.size()) {
        case 2: if (k == "id") { u.id = A::i64(x); have_id = true; return; } break;
        case 3: if (k == "bot") { u.bot = A::boolean(x); return; } break;
        case 4:
            if (k == "name") { A::str(x, u.name); return; }
            if (k == "idle") { read_false_or_string<A>(x, u.idle); return; }
            if (k == "type") { A::str(x, u.type); return; }
            break;
        case 5:
            if (k == "color") { A::str(x, u.color); return; }
            if (k == "email") { A::str(x, u.email); return; }
            break;
        case 6:
            if (k == "active") { u.active = A::boolean(x); return; }
            if (k == "avatar") { A::str(x, u.avatar); return; }
            if (k == "gender") { A::str(x, u.gender); return; }
            if (k == "status") { A::str(x, u.status); return; }
            if (k == "absent") { read_false_or_string<A>(x, u.absent); return; }
            if (k == "phones") { read_phones<A>(x, u.phones); return; }
            break;
        case 7:
            if (k == "network") { u.network = A::boolean(x); return; }
            if (k == "website") { A::str(x, u.website); return; }
            break;
        case 8:
            if (k == "birthday") { A::str(x, u.birthday); return; }
            if (k == "extranet") { u.extranet = A::boolean(x); return; }
            if (k == "bot_data") {
                K t = A::kind(x);
                if (t == K::null) A::skip(x), u.bot_data.reset();
                else if (t == K::boolean && !A::boolean(x)) u.bot_data.reset();
                else A::raw(x, u.bot_data.emplace().text);
                return;
            }
            break;
        case 9:
            if (k == "last_name") { A::str(x, u.last_name); return; }
            if (k == "avatar_hr") { A::str(x, u.avatar_hr); return; }
            if (k == "connector") { u.connector = A::boolean(x); return; }
            break;
        case 10: if (k == "first_name") { A::str(x, u.first_name); return; } break;
        case 11:
            if (k == "departments") {
                u.departments.clear();
                A::elements(x, [&](auto&& e) { u.departments.push_back(A::i64(e)); });
                return;
            }
            break;
        case 13:
            if (k == "work_position") {
                K t = A::kind(x);
                if (t == K::null) A::skip(x), u.work_position.reset();
                else if (t == K::boolean) { if (A::boolean(x)) bad("true for work_position"); u.work_position.reset(); }
                else A::str(x, u.work_position.emplace());
                return;
            }
            break;
        case 16:
            if (k == "external_auth_id") { A::str(x, u.external_auth_id); return; }
            if (k == "mobile_last_date") { read_false_or_string<A>(x, u.mobile_last_date); return; }
            break;
        case 17: if (k == "desktop_last_date") { read_false_or_string<A>(x, u.desktop_last_date); return; } break;
        case 18: if (k == "last_activity_date") { read_false_or_string<A>(x, u.last_activity_date); return; } break;
        }
        A::skip(x);
    });
    if (!have_id) bad("user: missing id");
}

template <class A, class N>
void read_time(N&& v, b24::time& t) {
    A::members(v, [&](std::string_view k, auto&& x) {
        switch (k.size()) {
        case 5: if (k == "start") { t.start = A::dbl(x); return; } break;
        case 6: if (k == "finish") { t.finish = A::dbl(x); return; } break;
        case 8: if (k == "duration") { t.duration = A::dbl(x); return; } break;
        case 9: if (k == "operating") { t.operating = A::dbl(x); return; } break;
        case 10:
            if (k == "processing") { t.processing = A::dbl(x); return; }
            if (k == "date_start") { A::str(x, t.date_start); return; }
            break;
        case 11: if (k == "date_finish") { A::str(x, t.date_finish); return; } break;
        case 18: if (k == "operating_reset_at") { t.operating_reset_at = A::dbl(x); return; } break;
        }
        A::skip(x);
    });
}

template <class A, class N>
void read_result(N&& v, bool& out) { out = A::boolean(v); }

template <class A, class N>
void read_result(N&& v, std::vector<std::int64_t>& out) {
    A::elements(v, [&](auto&& e) { out.push_back(A::i64(e)); });
}

template <class A, class N>
void read_result(N&& v, managers_get::result_type& out) {
    using ids = b24::im::department::managers::ids_by_department;
    using users = b24::im::department::managers::users_by_department;
    if (A::kind(v) == K::array) {  // PHP's empty object
        A::elements(v, [&](auto&&) { bad("non-empty array for a map"); });
        out.template emplace<0>();
        return;
    }
    int alt = -1;
    A::members(v, [&](std::string_view k, auto&& arr) {
        std::int64_t dep = parse_i64(k);
        std::vector<std::int64_t>* id_list = nullptr;
        std::vector<b24::user>* user_list = nullptr;
        A::elements(arr, [&](auto&& e) {
            if (A::kind(e) == K::object) {
                if (alt < 0) { out.template emplace<1>(); alt = 1; }
                if (alt != 1) bad("mixed ids and users");
                if (!user_list) user_list = &std::get<users>(out)[dep];
                read_user<A>(e, user_list->emplace_back());
            } else {
                if (alt < 0) { out.template emplace<0>(); alt = 0; }
                if (alt != 0) bad("mixed ids and users");
                if (!id_list) id_list = &std::get<ids>(out)[dep];
                id_list->push_back(A::i64(e));
            }
        });
        if (!id_list && !user_list) {
            if (alt == 1) std::get<users>(out)[dep];
            else { if (alt < 0) { out.template emplace<0>(); alt = 0; } std::get<ids>(out)[dep]; }
        }
    });
}

template <class A, class N>
void read_opt_string(N&& v, std::optional<std::string>& o) {
    if (A::kind(v) == K::null) { A::skip(v); o.reset(); }
    else A::str(v, o.emplace());
}

template <class A, class R, class N>
void read_envelope(N&& v, b24::envelope<R>& env) {
    if (A::kind(v) != K::object) bad("envelope: expected object");
    A::members(v, [&](std::string_view k, auto&& x) {
        if (k == "result") read_result<A>(x, env.result.emplace().value);
        else if (k == "time") read_time<A>(x, env.time.emplace());
        else if (k == "error") read_opt_string<A>(x, env.error);
        else if (k == "error_description") read_opt_string<A>(x, env.error_description);
        else A::skip(x);
    });
    if (!env.result && !env.error) bad("neither result nor error");
}

// Green API: the members of greenapi::failure_body that the documented 200-error bodies use
// (the quota and timestamp members are not present in them and are skipped here).
template <class A, class N>
void read_failure(N&& v, ga::failure_body& f) {
    if (A::kind(v) != K::object) bad("expected object");
    A::members(v, [&](std::string_view k, auto&& x) {
        if (k == "error") read_opt_string<A>(x, f.error);
        else if (k == "code") f.code.emplace().value = static_cast<int>(A::i64(x));
        else if (k == "description") read_opt_string<A>(x, f.description);
        else if (k == "statusCode") f.status_code.emplace().value = static_cast<int>(A::i64(x));
        else if (k == "path") read_opt_string<A>(x, f.path);
        else if (k == "message") read_opt_string<A>(x, f.message);
        else A::skip(x);
    });
}

} // namespace bench
