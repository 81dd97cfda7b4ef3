#pragma once
// The output cursor the JSON and form writers share: text goes straight into a std::string
// that is grown ahead of the writes and cut to the written length when the outermost
// session ends, so that a run of small writes costs no string call each.

#include <cstddef>
#include <string>

namespace chatadmin::detail {

// Grows out by n bytes and returns where they start. They are zero-filled: C++20 has no
// way to grow a string without writing it. append(n, '\0'), not resize: with GCC 12's
// libstdc++ resize took over three times as long for the same growth (6.6 vs 1.9 ns for
// 70 bytes).
inline char* extend(std::string& out, std::size_t n) {
    const std::size_t len = out.size();
    out.append(n, '\0');
    return out.data() + len;
}

// Cuts out at end, a position inside it (only sets the length).
inline void cut(std::string& out, const char* end) noexcept {
    out.erase(static_cast<std::size_t>(end - out.data()));
}

class string_cursor {
protected:
    explicit string_cursor(std::string& out) noexcept : out_(out) {}
    string_cursor(const string_cursor&) = delete;
    string_cursor& operator=(const string_cursor&) = delete;

    // Opens a cursor session unless one is open; the outermost one cuts the string on exit.
    struct session {
        string_cursor& c;
        bool outer;
        explicit session(string_cursor& cursor) noexcept : c(cursor), outer(!cursor.active_) { c.active_ = true; }
        ~session() {
            if (outer) {
                c.sync();
                c.active_ = false;
            }
        }
        session(const session&) = delete;
        session& operator=(const session&) = delete;
    };

    // Room for n more bytes at cur_.
    char* room(std::size_t n) {
        if (static_cast<std::size_t>(end_ - cur_) < n) [[unlikely]] grow(n);
        return cur_;
    }

    // Attaches the cursor with room for about n bytes (the caller's estimate of the whole
    // text), so that most texts need one growth of about their size and no regrowth.
    void attach(std::size_t n) {
        if (!cur_) grow(n);
    }

    // Attaches the cursor with room for n bytes, or grows the string by half, at least 256
    // bytes and n.
    void grow(std::size_t n) {
        const window w = grow(out_, cur_, n);
        cur_ = w.cur;
        end_ = w.end;
    }

    // Cuts the string to the written length; the cursor re-attaches on the next write.
    [[gnu::always_inline]] void sync() {
        if (cur_) {
            cut(out_, cur_);
            cur_ = end_ = nullptr;
        }
    }

    std::string& out_;
    char* cur_ = nullptr;  // null: not attached (the string holds exactly the text)
    char* end_ = nullptr;
    bool active_ = false;  // inside a session

private:
    // Out of line, and given the string rather than the cursor: a writer whose address
    // never leaves the inlined code keeps its cursor in registers.
    struct window {
        char* cur;
        char* end;
    };
    [[gnu::noinline]] static window grow(std::string& out, char* cur, std::size_t n) {
        const std::size_t len = cur ? static_cast<std::size_t>(cur - out.data()) : out.size();
        std::size_t slack = cur ? len / 2 : 0;
        if (cur && slack < 256) slack = 256;
        if (slack < n) slack = n;
        extend(out, len + slack - out.size());
        return {out.data() + len, out.data() + out.size()};
    }
};

} // namespace chatadmin::detail
