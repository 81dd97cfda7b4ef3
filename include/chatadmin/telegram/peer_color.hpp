#pragma once
// PeerColor: the accent colour and background emoji of a user or channel name (layer 228).

#include <chatadmin/core/tl.hpp>

#include <boost/describe/class.hpp>

#include <cstdint>
#include <string_view>
#include <variant>
#include <vector>

namespace chatadmin::telegram {

/// peerColor#b54b5acf flags:# color:flags.0?int background_emoji_id:flags.1?long = PeerColor;
struct peer_color {
    static constexpr std::uint32_t tl_id = 0xb54b5acf;
    static constexpr std::string_view tl_name = "peerColor";
    tl::flags<> flags{};
    tl::opt<std::int32_t, 0> color{};
    tl::opt<std::int64_t, 1> background_emoji_id{};
};
BOOST_DESCRIBE_STRUCT(peer_color, (), (flags, color, background_emoji_id))

/// peerColorCollectible#b9c0639a flags:# collectible_id:long gift_emoji_id:long
/// background_emoji_id:long accent_color:int colors:Vector<int> dark_accent_color:flags.0?int
/// dark_colors:flags.1?Vector<int> = PeerColor;
struct peer_color_collectible {
    static constexpr std::uint32_t tl_id = 0xb9c0639a;
    static constexpr std::string_view tl_name = "peerColorCollectible";
    tl::flags<> flags{};
    std::int64_t collectible_id = 0;
    std::int64_t gift_emoji_id = 0;
    std::int64_t background_emoji_id = 0;
    std::int32_t accent_color = 0;
    std::vector<std::int32_t> colors{};
    tl::opt<std::int32_t, 0> dark_accent_color{};
    tl::opt<std::vector<std::int32_t>, 1> dark_colors{};
};
BOOST_DESCRIBE_STRUCT(peer_color_collectible, (),
                      (flags, collectible_id, gift_emoji_id, background_emoji_id, accent_color, colors,
                       dark_accent_color, dark_colors))

/// inputPeerColorCollectible#b8ea86a9 collectible_id:long = PeerColor;
struct input_peer_color_collectible {
    static constexpr std::uint32_t tl_id = 0xb8ea86a9;
    static constexpr std::string_view tl_name = "inputPeerColorCollectible";
    std::int64_t collectible_id = 0;
};
BOOST_DESCRIBE_STRUCT(input_peer_color_collectible, (), (collectible_id))

/// The TL type `PeerColor`.
struct peer_color_type : std::variant<peer_color, peer_color_collectible, input_peer_color_collectible> {
    using variant::variant;
    using variant::operator=;
};

} // namespace chatadmin::telegram
