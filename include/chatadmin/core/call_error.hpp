#pragma once
// call_error<E>: what a client call returns on failure — the platform's error E, or, with
// `transport` set, no HTTP response at all.
//
// A transport failure is also folded into E (by the platform's
// `from_transport(std::type_identity<E>, const transport_error&)`, found by ADL), so code
// that only reads E's fields still sees a code and a message.

#include <chatadmin/core/transport_error.hpp>

#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

namespace chatadmin {

template <class E>
struct call_error : E {
    std::optional<transport_error> transport;

    call_error() = default;
    call_error(E e) : E(std::move(e)) {}
    call_error(transport_error t) : E(from_transport(std::type_identity<E>{}, t)), transport(std::move(t)) {}

    bool is_transport_error() const noexcept { return transport.has_value(); }

    /// transport_errc without a response, else what E says.
    std::error_code ec() const
        requires requires(const E& e) { { e.ec() } -> std::convertible_to<std::error_code>; }
    {
        if (transport) return make_error_code(transport->kind);
        return E::ec();
    }

    /// "transport: timed out: POST /rest/1/abcd…/…", else E's own text.
    std::string to_string() const {
        if (transport) return "transport: " + transport->to_string();
        return E::to_string();
    }
};

} // namespace chatadmin
