#pragma once
// TL (Telegram Type Language) binary codec driven by Boost.Describe.
//
// C++ type                         TL
// std::int32_t / std::int64_t      int / long
// double                           double
// std::string / tl::bytes          string / bytes
// tl::int128 / tl::int256          int128 / int256
// bool                             Bool (boolTrue / boolFalse)
// std::vector<T>                   Vector t (boxed); tl::bare<std::vector<T>> is vector<t>
// described struct with tl_id      a constructor, boxed (id + fields); tl::bare<T> omits the id
// std::variant<C...> (or derived)  a polymorphic type; the id selects the alternative
// tl::flags<W>                     flags:# (W = 0) / flags2:# (W = 1), computed on write
// tl::flag<N, W>                   name:flags.N?true
// tl::opt<T, N, W>                 name:flags.N?T
// tl::unmodelled<"Name">           a type this library does not decode
//
// Every constructor and polymorphic type also has a JSON form, {"_":"predicate", …}
// (core/tl/json.hpp), used through json::to_json / json::from_json.

#include <chatadmin/core/result.hpp>
#include <chatadmin/core/tl/json.hpp>
#include <chatadmin/core/tl/reader.hpp>
#include <chatadmin/core/tl/serialize.hpp>
#include <chatadmin/core/tl/traits.hpp>
#include <chatadmin/core/tl/types.hpp>
#include <chatadmin/core/tl/writer.hpp>

#include <string>
#include <string_view>

namespace chatadmin::tl {

/// Appends the TL encoding of v to out.
template <class T>
void encode_to(std::string& out, const T& v) {
    write_value(out, v);
}

/// The TL encoding of v.
template <class T>
std::string encode(const T& v) {
    std::string out;
    write_value(out, v);
    return out;
}

/// Decodes one T from the front of r; the reader keeps its position after it.
template <class T>
result<T> decode_from(reader& r) {
    T v{};
    if (!read_value(r, v)) return unexpected{r.error()};
    return v;
}

/// Decodes exactly one T from in; bytes after it are a trailing_data error.
template <class T>
result<T> decode(std::string_view in, limits lim = {}) {
    reader r(in, lim);
    T v{};
    if (!read_value(r, v)) return unexpected{r.error()};
    if (r.remaining() != 0)
        return unexpected{decode_error{make_error_code(decode_errc::trailing_data), {},
                                       std::to_string(r.remaining()) + " bytes after the value", r.offset()}};
    return v;
}

} // namespace chatadmin::tl
