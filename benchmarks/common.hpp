#pragma once
// Shared by the serialization benchmarks: allocation counting, golden bodies, and the
// loop that turns one operation into a benchmark with ns/op, MB/s and allocs/op.

#include <benchmark/benchmark.h>

#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

namespace bench {

extern thread_local std::size_t alloc_count;
extern thread_local std::size_t alloc_bytes;

/// A golden body from conformance/golden (documented examples), read once.
inline std::string golden(const char* rel) {
    std::ifstream f(std::string(CHATADMIN_GOLDEN_DIR) + "/" + rel, std::ios::binary);
    if (!f) {
        std::fprintf(stderr, "bench: cannot read golden file %s\n", rel);
        std::exit(2);
    }
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

/// The golden text with the pretty-printing removed (whitespace outside strings).
inline std::string compact(std::string_view s) {
    std::string out;
    bool in_str = false, esc = false;
    for (char c : s) {
        if (in_str) {
            out.push_back(c);
            if (esc) esc = false;
            else if (c == '\\') esc = true;
            else if (c == '"') in_str = false;
        } else if (c == '"') {
            in_str = true;
            out.push_back(c);
        } else if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
            out.push_back(c);
        }
    }
    return out;
}

[[noreturn]] inline void die(const std::string& what) {
    std::fprintf(stderr, "bench: %s\n", what.c_str());
    std::exit(3);
}

/// Runs op() per iteration; reports bytes (MB/s) and heap allocations per call.
template <class Op>
void run(benchmark::State& state, std::size_t bytes, Op&& op) {
    std::size_t a0 = alloc_count, n = 0;
    for (auto _ : state) {
        op();
        ++n;
    }
    std::size_t allocs = alloc_count - a0;
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes * n));
    state.counters["allocs"] = benchmark::Counter(static_cast<double>(allocs) / static_cast<double>(n ? n : 1));
    state.counters["bytes"] = benchmark::Counter(static_cast<double>(bytes));
}

} // namespace bench
