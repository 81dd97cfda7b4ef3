// Telegram answers that come gzip_packed (bare, inside rpc_result, holding rpc_error), the
// inflate limits, and FLOOD_PREMIUM_WAIT_X.

#include <chatadmin/core/gzip.hpp>
#include <chatadmin/telegram.hpp>

#include <catch2/catch.hpp>

#include "telegram_samples.hpp"
#include "tl_bytes.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

namespace tl = chatadmin::tl;
namespace tg = chatadmin::telegram;
using chatadmin::decode_errc;
using chatadmin::gunzip;
using chatadmin::gzip;

using tl_bytes::hex;
using tl_bytes::unhex;
using telegram_samples::sample_answer;

namespace {

// rpc_error(420, "FLOOD_WAIT_30"), as in the spec.
const char* const flood_hex = "19 ca 44 21 a4 01 00 00 0d 46 4c 4f 4f 44 5f 57 41 49 54 5f 33 30 00 00";

// gzip_packed holding flood_hex in a gzip member with one stored (uncompressed) deflate block:
// header 1f 8b 08 00, mtime 0, xfl 0, os 3; block: final + stored, LEN 0x0018, NLEN 0xffe7;
// the 24 bytes; CRC-32 0xafb11443; ISIZE 24.
const char* const packed_flood_hex =
    "a1 cf 72 30 2f "
    "1f 8b 08 00 00 00 00 00 00 03 "
    "01 18 00 e7 ff "
    "19 ca 44 21 a4 01 00 00 0d 46 4c 4f 4f 44 5f 57 41 49 54 5f 33 30 00 00 "
    "43 14 b1 af 18 00 00 00";

// rpc_result#f35c6d01 with req_msg_id 0x65C53D5000067200.
const char* const rpc_result_hex = "01 6d 5c f3 00 72 06 00 50 3d c5 65";

// CRC-32 (IEEE 802.3, reflected, as gzip uses it), bit by bit: independent of zlib.
std::uint32_t crc32(std::string_view s) {
    std::uint32_t c = 0xffffffffu;
    for (char ch : s) {
        c ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1u)));
    }
    return ~c;
}

std::string le32(std::uint32_t v) {
    std::string s(4, '\0');
    for (int i = 0; i < 4; ++i) s[std::size_t(i)] = static_cast<char>(v >> (8 * i));
    return s;
}

// A gzip member with `data` (under 64 KiB) in one stored block.
std::string stored_member(std::string_view data) {
    const auto n = static_cast<std::uint16_t>(data.size());
    std::string m = unhex("1f 8b 08 00 00 00 00 00 00 03");
    m += '\x01';
    m += static_cast<char>(n & 0xff);
    m += static_cast<char>(n >> 8);
    m += static_cast<char>(~n & 0xff);
    m += static_cast<char>((~n >> 8) & 0xff);
    m += data;
    m += le32(crc32(data));
    m += le32(static_cast<std::uint32_t>(data.size()));
    return m;
}

std::string packed(std::string member) { return tl::encode(tg::gzip_packed{std::move(member)}); }

// Where packed(member)'s gzip data starts: after the id and the string's 1- or 4-byte length.
std::size_t data_at(std::string_view member) { return member.size() < 254 ? 5 : 8; }

auto decode(std::string_view in, tl::limits lim = {}) { return tg::decode_response<tg::channels::edit_admin>(in, lim); }

// The decode error of a failed answer (fails the test if the answer decoded or was an rpc_error).
chatadmin::decode_error decode_failure(std::string_view in, tl::limits lim = {}) {
    auto r = decode(in, lim);
    REQUIRE_FALSE(r);
    REQUIRE(r.error().decode());
    CHECK(r.error().decode()->offset <= in.size());
    return *r.error().decode();
}

void check_flood(std::string_view in) {
    auto r = decode(in);
    REQUIRE_FALSE(r);
    REQUIRE(r.error().rpc());
    CHECK(r.error().rpc()->code == tg::errc::flood_wait);
    CHECK(r.error().rpc()->error_code == 420);
    CHECK(r.error().rpc()->error_message == "FLOOD_WAIT_30");
    CHECK(r.error().retry_after() == std::chrono::seconds(30));
}

} // namespace

TEST_CASE("gzip: the CRC-32 of the test helper matches the standard check value") {
    CHECK(crc32("123456789") == 0xcbf43926u);
    CHECK(crc32("") == 0u);
    CHECK(crc32(unhex(flood_hex)) == 0xafb11443u);
}

TEST_CASE("gzip: a stored block written by hand, and zlib's own output") {
    const std::string data = unhex(flood_hex);
    auto plain = gunzip(stored_member(data), 1024);
    REQUIRE(plain);
    CHECK(*plain == data);

    for (std::string s : {std::string{}, std::string("a"), std::string(100000, 'z'), data + data + data}) {
        const std::string z = gzip(s);
        CHECK(z.substr(0, 3) == unhex("1f 8b 08"));
        CHECK(z.substr(z.size() - 8) == le32(crc32(s)) + le32(static_cast<std::uint32_t>(s.size())));
        auto back = gunzip(z, s.size());
        REQUIRE(back);
        CHECK(*back == s);
    }
    CHECK(gunzip(gzip(std::string(1000, 'q'), 0), 1000).value() == std::string(1000, 'q'));
    CHECK(gunzip(gzip(std::string(1000, 'q'), 9), 1000).value() == std::string(1000, 'q'));
    CHECK_THROWS_AS(gzip("x", 42), std::invalid_argument);
}

TEST_CASE("telegram gzip_packed: the fixed byte vector of a packed rpc_error") {
    const std::string wire = unhex(packed_flood_hex);
    REQUIRE(wire.size() == 52);
    CHECK(hex(packed(stored_member(unhex(flood_hex)))) == hex(wire));
    CHECK(tg::gzip_packed_id == 0x3072cfa1u);
    check_flood(wire);
    check_flood(unhex(rpc_result_hex) + wire);
}

TEST_CASE("telegram gzip_packed: a result, an rpc_error, inside rpc_result, holding rpc_result") {
    const std::string bytes = tl::encode(tg::updates_type{sample_answer()});
    for (const std::string& wire : {packed(gzip(bytes)), unhex(rpc_result_hex) + packed(gzip(bytes)),
                                    packed(gzip(unhex(rpc_result_hex) + bytes)), packed(stored_member(bytes))}) {
        INFO(hex(wire.substr(0, 16)));
        auto r = decode(wire);
        REQUIRE(r);
        REQUIRE(std::holds_alternative<tg::updates>(*r));
        CHECK(tl::encode(*r) == bytes);
    }

    const std::string flood = unhex(flood_hex);
    check_flood(packed(gzip(flood)));
    check_flood(unhex(rpc_result_hex) + packed(gzip(flood)));
    check_flood(packed(gzip(unhex(rpc_result_hex) + flood)));

    auto creator = decode(packed(gzip(tl::encode(tg::rpc_error{400, "USER_CREATOR"}))));
    REQUIRE_FALSE(creator);
    REQUIRE(creator.error().rpc());
    CHECK(creator.error().ec() == tg::errc::user_creator);
}

TEST_CASE("telegram gzip_packed: every truncation is a clear decode error") {
    const std::string bytes = tl::encode(tg::updates_type{sample_answer()});
    const std::string member = gzip(bytes);
    const std::string wire = unhex(rpc_result_hex) + packed(member);
    for (std::size_t n = 0; n < wire.size(); ++n) {
        INFO("prefix length " << n);
        auto e = decode_failure(std::string_view(wire).substr(0, n));
        CHECK(e.code == decode_errc::truncated);
    }
    // The TL string intact, the gzip member inside it cut short.
    for (std::size_t n = 0; n < member.size(); ++n) {
        INFO("member prefix length " << n);
        const std::string cut = packed(member.substr(0, n));
        auto e = decode_failure(cut);
        CHECK(e.code == decode_errc::truncated);
        CHECK(e.path == "gzip_packed.packed_data");
        CHECK(e.message.find("gzip data ends inside the member") != std::string::npos);
    }
    // The gzip member intact, the object inside it cut short.
    for (std::size_t n = 0; n < bytes.size(); n += 7) {
        INFO("payload prefix length " << n);
        const std::string z = gzip(bytes.substr(0, n));
        auto e = decode_failure(packed(z));
        CHECK(e.code == decode_errc::truncated);
        CHECK(e.path.starts_with("gzip_packed"));
        CHECK(e.message.find("of the unpacked data") != std::string::npos);
        CHECK(e.offset == data_at(z));
    }
}

TEST_CASE("telegram gzip_packed: corrupt CRC, length and data") {
    const std::string member = stored_member(unhex(flood_hex));
    auto flip = [&](std::size_t at) {
        std::string m = member;
        m[at] = static_cast<char>(m[at] ^ 0x01);
        return decode_failure(packed(m));
    };
    auto crc = flip(member.size() - 8);
    CHECK(crc.code == decode_errc::syntax_error);
    CHECK(crc.path == "gzip_packed.packed_data");
    CHECK(crc.message.find("incorrect data check") != std::string::npos);
    CHECK(crc.to_string().starts_with("gzip_packed.packed_data: gzip data is corrupt"));

    auto len = flip(member.size() - 4);
    CHECK(len.code == decode_errc::syntax_error);
    CHECK(len.message.find("incorrect length check") != std::string::npos);

    // A changed payload byte no longer matches the CRC.
    auto data = flip(20);
    CHECK(data.code == decode_errc::syntax_error);
    CHECK(data.message.find("incorrect data check") != std::string::npos);

    auto magic = flip(0);
    CHECK(magic.code == decode_errc::syntax_error);
    CHECK(magic.offset <= data_at(member) + 10);

    // NLEN must be the complement of LEN.
    auto nlen = flip(13);
    CHECK(nlen.code == decode_errc::syntax_error);
    CHECK(nlen.message.find("invalid stored block lengths") != std::string::npos);

    auto garbage = decode_failure(packed("not gzip at all"));
    CHECK(garbage.code == decode_errc::syntax_error);
    CHECK(garbage.path == "gzip_packed.packed_data");
}

TEST_CASE("telegram gzip_packed: a decompression bomb stops at the limit") {
    // 8 MiB of zeros in about 8 KiB; inflating stops once 64 KiB are out.
    const std::string bomb = gzip(std::string(std::size_t(8) << 20, '\0'), 9);
    REQUIRE(bomb.size() < 16384);
    tl::limits lim;
    lim.max_unpacked_bytes = 64 << 10;
    const std::string wire = packed(bomb);
    auto e = decode_failure(wire, lim);
    CHECK(e.code == decode_errc::too_large);
    CHECK(e.path == "gzip_packed.packed_data");
    CHECK(e.message.find("more than 65536 bytes") != std::string::npos);
    CHECK(e.offset < wire.size() / 8);   // stopped long before the end of the input

    auto direct = gunzip(bomb, 1000);
    REQUIRE_FALSE(direct);
    CHECK(direct.error().code == decode_errc::too_large);

    // The default limit: 16 MiB.
    CHECK(tl::limits{}.max_unpacked_bytes == std::size_t(16) << 20);
    const std::string big = gzip(std::string((std::size_t(16) << 20) + 1, '\0'), 9);
    CHECK(decode_failure(packed(big)).code == decode_errc::too_large);
    // Exactly at the limit is allowed.
    CHECK(gunzip(gzip(std::string(4096, 'x')), 4096).has_value());
    CHECK(gunzip(gzip(std::string(4096, 'x')), 4095).error().code == decode_errc::too_large);
}

TEST_CASE("telegram gzip_packed: trailing data, nesting, and errors inside the packed data") {
    const std::string flood = unhex(flood_hex);
    const std::string member = stored_member(flood);

    auto after_member = decode_failure(packed(member + "x"));
    CHECK(after_member.code == decode_errc::trailing_data);
    CHECK(after_member.message.find("1 bytes after the gzip member") != std::string::npos);
    CHECK(decode_failure(packed(member + member)).code == decode_errc::trailing_data);

    auto after_object = decode_failure(unhex(packed_flood_hex) + std::string(4, '\0'));
    CHECK(after_object.code == decode_errc::trailing_data);
    CHECK(after_object.offset == 52);

    auto inside = decode_failure(packed(gzip(flood + std::string(4, '\0'))));
    CHECK(inside.code == decode_errc::trailing_data);
    CHECK(inside.path == "gzip_packed");
    CHECK(inside.message == "4 bytes after the value at byte 24 of the unpacked data");

    auto nested = decode_failure(packed(gzip(packed(gzip(flood)))));
    CHECK(nested.code == decode_errc::unexpected_type);
    CHECK(nested.message.find("gzip_packed inside gzip_packed") != std::string::npos);

    // A wrong constructor inside (the first update: after updates#74ae4240, the vector id and
    // its count): the path goes through gzip_packed, the offset stays in the input.
    std::string bytes = tl::encode(tg::updates_type{sample_answer()});
    REQUIRE(hex(bytes.substr(0, 8)) == "40 42 ae 74 15 c4 b5 1c");
    const std::string z = gzip(bytes.substr(0, 12) + std::string(4, '\x7f') + bytes.substr(16));
    auto bad = decode_failure(packed(z));
    CHECK(bad.code == decode_errc::unknown_constructor);
    CHECK(bad.path == "gzip_packed.updates[0]");
    CHECK(bad.message.find("at byte 12 of the unpacked data") != std::string::npos);
    CHECK(bad.offset == data_at(z));

    auto empty = decode_failure(unhex("a1 cf 72 30 00 00 00 00"));
    CHECK(empty.code == decode_errc::truncated);
    CHECK(empty.to_string().find("gzip_packed") != std::string::npos);
}

TEST_CASE("telegram: FLOOD_PREMIUM_WAIT_X carries its wait") {
    auto a = tg::api_error::from({420, "FLOOD_PREMIUM_WAIT_30"});
    CHECK(a.code == tg::errc::flood_premium_wait);
    CHECK(a.wait == std::chrono::seconds(30));
    CHECK(a.retry_after() == std::chrono::seconds(30));
    CHECK(a.ec() == tg::errc::flood_premium_wait);
    CHECK(a.ec().message().starts_with("FLOOD_PREMIUM_WAIT_X: Please wait X seconds"));
    CHECK(tg::error_type(tg::errc::flood_premium_wait) == "FLOOD_PREMIUM_WAIT");
    CHECK(tg::documented(tg::errc::flood_premium_wait).code == 420);
    CHECK(tg::carries_wait(tg::errc::flood_premium_wait));
    CHECK_FALSE(tg::carries_wait(tg::errc::user_creator));
    CHECK(tg::api_error::from({420, "flood_premium_wait_7"}).retry_after() == std::chrono::seconds(7));
    for (const char* odd : {"FLOOD_PREMIUM_WAIT", "FLOOD_PREMIUM_WAIT_", "FLOOD_PREMIUM_WAIT_X", "FLOOD_PREMIUM_WAIT_1_2"}) {
        INFO(odd);
        auto u = tg::api_error::from({420, odd});
        CHECK(u.code == tg::errc::unknown);
        CHECK_FALSE(u.retry_after().has_value());
    }

    auto r = decode(packed(gzip(tl::encode(tg::rpc_error{420, "FLOOD_PREMIUM_WAIT_30"}))));
    REQUIRE_FALSE(r);
    REQUIRE(r.error().rpc());
    CHECK(r.error().ec() == tg::errc::flood_premium_wait);
    CHECK(r.error().retry_after() == std::chrono::seconds(30));
    CHECK(r.error().to_string() == "rpc_error 420 FLOOD_PREMIUM_WAIT_30");
}
