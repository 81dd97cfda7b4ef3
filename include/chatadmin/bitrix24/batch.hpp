#pragma once
// Bitrix24 `batch`: up to 50 typed calls in one HTTP request (counted once by the request
// limit), with per-command typed results and errors.
//
//   bitrix24::batch b;                                   // halt = false: run every command
//   auto m = b.add("mgr", imbot::chat::set_manager{.CHAT_ID = 2725, .USER_ID = 1269});
//   auto u = b.add(sonet_group::user::update{.GROUP_ID = 69, .USER_ID = {1271}, .ROLE = sonet_group::role::moderator});
//   auto r = client.call(b);                             // result<batch_result, call_error>
//   result<bool, error> done = r->get(m);                // this command's result or error
//
// On the wire (JSON body): {"halt":false,"cmd":{"mgr":"imbot.chat.setManager?CHAT_ID=2725&USER_ID=1269&IS_MANAGER=Y",…}};
// the answer's result.result and result.result_error are keyed by command, and an empty
// section arrives as [].

#include <chatadmin/bitrix24/envelope.hpp>
#include <chatadmin/bitrix24/error.hpp>
#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/request.hpp>
#include <chatadmin/bitrix24/retry.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/core/form_writer.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/wire_types.hpp>

#include <boost/describe/class.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace chatadmin::bitrix24 {

/// The documented maximum number of commands in one batch. More are refused before sending.
inline constexpr std::size_t max_batch_commands = 50;

/// A command added to a batch: its key, and the request (to decode its result).
template <class Method>
struct batch_command {
    std::string key;
    Method request;
};

/// One `cmd` entry: key = "method?query".
struct batch_entry {
    std::string key;
    std::string_view method;
    std::string query;  ///< the request's form encoding (PHP http_build_query style)
};

/// The `cmd` object, in insertion order: commands run in the order they are sent.
struct batch_commands {
    std::vector<batch_entry> entries;
};

} // namespace chatadmin::bitrix24

namespace chatadmin::json {

template <>
struct codec<bitrix24::batch_commands> {
    static void write(writer& w, const bitrix24::batch_commands& c) {
        w.raw('{');
        bool first = true;
        for (const auto& e : c.entries) {
            if (!first) w.raw(',');
            first = false;
            w.string(e.key);
            w.raw(':');
            std::string cmd(e.method);
            if (!e.query.empty()) {
                cmd += '?';
                cmd += e.query;
            }
            w.string(cmd);
        }
        w.raw('}');
    }
};

} // namespace chatadmin::json

namespace chatadmin::form {

// cmd[key]=method%3Fquery: the inner query is percent-encoded a second time, as the
// documentation says for form and GET batches (%26 -> %2526).
template <>
struct codec<bitrix24::batch_commands> {
    static void write(writer& w, std::string_view key, const bitrix24::batch_commands& c) {
        for (const auto& e : c.entries) {
            std::string cmd(e.method);
            if (!e.query.empty()) {
                cmd += '?';
                cmd += e.query;
            }
            w.field(w.subkey(key, e.key), cmd);
        }
    }
};

} // namespace chatadmin::form

namespace chatadmin::bitrix24 {

/// The `batch` call itself, as a method struct for make_request.
struct batch_request {
    static constexpr std::string_view method = "batch";
    bool halt = false;
    batch_commands cmd;
};
BOOST_DESCRIBE_STRUCT(batch_request, (), (halt, cmd))

/// An error inside result.result_error.
struct batch_error_item {
    std::string error;
    std::string error_description;
};
BOOST_DESCRIBE_STRUCT(batch_error_item, (), (error, error_description))
constexpr bool wire_optional(const batch_error_item*, std::string_view) { return true; }

/// The `result` of a batch answer. Every section may be missing, and is [] when empty.
struct batch_payload {
    object_or_array<std::map<std::string, raw_json>> result;
    object_or_array<std::map<std::string, batch_error_item>> result_error;
    object_or_array<std::map<std::string, lenient<std::int64_t>>> result_total;
    object_or_array<std::map<std::string, lenient<std::int64_t>>> result_next;
    object_or_array<std::map<std::string, bitrix24::time>> result_time;
};
BOOST_DESCRIBE_STRUCT(batch_payload, (), (result, result_error, result_total, result_next, result_time))
constexpr bool wire_optional(const batch_payload*, std::string_view) { return true; }

/// The decoding traits of the batch call (what parse_envelope needs).
struct batch_method {
    static constexpr std::string_view method = "batch";
    using result_type = batch_payload;
};

/// A decoded batch answer. Look up each command with get(handle).
struct batch_result {
    batch_payload payload;
    /// The `time` of the batch request itself.
    bitrix24::time time;
    /// The HTTP status of the batch answer (200).
    int http_status = 200;

    /// The command's typed result; its error from result_error; or, when the answer has
    /// neither (a halted batch stops at the first failure), a decode_errc::missing_member
    /// error saying it was not run.
    template <class Method>
    result<typename Method::result_type, error> get(const batch_command<Method>& cmd) const {
        if (auto it = payload.result_error.find(cmd.key); it != payload.result_error.end())
            return unexpected{make_error(it->second.error, it->second.error_description, http_status)};
        auto it = payload.result.find(cmd.key);
        if (it == payload.result.end()) {
            error e;
            e.code = decode_errc::missing_member;
            e.http_status = http_status;
            e.decode.code = e.code;
            e.decode.path = "result.result." + cmd.key;
            e.decode.message = "no result and no error for this command: the batch stopped before it (halt)";
            e.description = e.decode.message;
            return unexpected{std::move(e)};
        }
        http_response one;
        one.status = http_status;
        one.body.reserve(it->second.text.size() + 11);
        one.body += "{\"result\":";
        one.body += it->second.text.empty() ? std::string_view("null") : std::string_view(it->second.text);
        one.body += '}';
        auto r = parse_response(cmd.request, one);
        if (!r) r.error().description = "command " + cmd.key + ": " + r.error().description;
        return r;
    }

    /// True when the command failed (it has an entry in result_error).
    bool failed(std::string_view key) const { return payload.result_error.find(std::string(key)) != payload.result_error.end(); }
    /// The command's `total` / `next` (list methods), when the answer has one.
    std::optional<std::int64_t> total(std::string_view key) const { return find(payload.result_total, key); }
    std::optional<std::int64_t> next(std::string_view key) const { return find(payload.result_next, key); }

private:
    template <class M>
    static std::optional<std::int64_t> find(const M& m, std::string_view key) {
        if (auto it = m.find(std::string(key)); it != m.end()) return it->second.value;
        return std::nullopt;
    }
};

/// Up to 50 typed calls sent as one `batch` request.
class batch {
public:
    /// `halt`: stop at the first failing command (the server's default is to run them all).
    explicit batch(bool halt = false) : halt_(halt) {}

    /// Adds a call under `key`. Keys must start with a letter or '_' and hold only letters,
    /// digits and '_': `$result[key]` references use them, and all-numeric keys would make
    /// the server answer with JSON arrays instead of objects. Checked when the batch is sent.
    template <class Method>
    batch_command<Method> add(std::string key, Method request) {
        batch_entry e;
        e.key = key;
        e.method = Method::method;
        form::write_to(e.query, request);
        entries_.push_back(std::move(e));
        idempotent_ = idempotent_ && is_idempotent_v<Method>;
        return {std::move(key), std::move(request)};
    }

    /// Adds a call under the next free key "cmd0", "cmd1", …
    template <class Method>
    batch_command<Method> add(Method request) {
        return add("cmd" + std::to_string(entries_.size()), std::move(request));
    }

    bool halt() const noexcept { return halt_; }
    void set_halt(bool h) noexcept { halt_ = h; }
    std::size_t size() const noexcept { return entries_.size(); }
    const std::vector<batch_entry>& entries() const noexcept { return entries_; }
    /// True when every command is idempotent, so the whole batch may be repeated after a
    /// network failure.
    bool idempotent() const noexcept { return idempotent_; }

    /// Why the batch cannot be sent, or nothing: no commands, more than 50
    /// (ERROR_BATCH_LENGTH_EXCEEDED, HTTP status 0: not sent), a bad or repeated key.
    std::optional<error> validate() const {
        auto fail = [](std::error_code code, std::string why) {
            error e;
            e.code = code;
            e.description = std::move(why);
            if (code.category() == error_category()) e.raw_code = std::string(documented(errc::ERROR_BATCH_LENGTH_EXCEEDED).error);
            return e;
        };
        if (entries_.empty()) return fail(std::make_error_code(std::errc::invalid_argument), "the batch has no commands (not sent)");
        if (entries_.size() > max_batch_commands)
            return fail(errc::ERROR_BATCH_LENGTH_EXCEEDED, std::to_string(entries_.size()) + " commands; a batch holds at most " +
                                                               std::to_string(max_batch_commands) + " (not sent)");
        for (std::size_t i = 0; i < entries_.size(); ++i) {
            const std::string& k = entries_[i].key;
            if (!valid_key(k))
                return fail(std::make_error_code(std::errc::invalid_argument),
                            "batch key \"" + k.substr(0, 64) + "\" must start with a letter or '_' and hold only letters, digits and '_' (not sent)");
            for (std::size_t j = 0; j < i; ++j)
                if (entries_[j].key == k)
                    return fail(std::make_error_code(std::errc::invalid_argument), "batch key \"" + k + "\" is used twice (not sent)");
        }
        return std::nullopt;
    }

    /// The `batch` call to send.
    batch_request request() const { return {halt_, {entries_}}; }

private:
    static bool valid_key(std::string_view k) {
        if (k.empty() || k.size() > 128) return false;
        auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
        if (!alpha(k.front())) return false;
        for (char c : k)
            if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
        return true;
    }

    bool halt_;
    bool idempotent_ = true;
    std::vector<batch_entry> entries_;
};

/// The HTTP request for `b`, or why it is not sent.
inline result<http_request, error> make_request(const batch& b, const auth& a, body_format format = body_format::json) {
    if (auto e = b.validate()) return unexpected{std::move(*e)};
    return make_request(b.request(), a, format);
}

/// Decodes a batch answer. The batch itself fails only as a whole (bad auth, rate limits,
/// too many commands); failures of single commands are in the result.
inline result<batch_result, error> parse_batch_response(const http_response& resp, json::read_options opts = {}) {
    auto r = parse_envelope<batch_method>(resp, opts);
    if (!r) return unexpected{std::move(r).error()};
    return batch_result{std::move(r->result), std::move(r->time), resp.status};
}

} // namespace chatadmin::bitrix24
