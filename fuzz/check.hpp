#pragma once
// The property check shared by the fuzz targets: a failed property aborts with a message,
// which both libFuzzer and the replay main report as a finding.

#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(cond)                                                                       \
    do {                                                                                       \
        if (!(cond)) {                                                                         \
            std::fprintf(stderr, "%s:%d: property failed: %s\n", __FILE__, __LINE__, #cond);   \
            std::abort();                                                                      \
        }                                                                                      \
    } while (0)

namespace fuzz {

/// Two encodings that must be identical; on a difference both are printed before aborting.
inline void check_same(std::string_view what, std::string_view a, std::string_view b) {
    if (a == b) return;
    std::fprintf(stderr, "round trip of %.*s differs:\n  first:  %.*s\n  second: %.*s\n", int(what.size()),
                 what.data(), int(a.size() > 2000 ? 2000 : a.size()), a.data(), int(b.size() > 2000 ? 2000 : b.size()),
                 b.data());
    std::abort();
}

} // namespace fuzz
