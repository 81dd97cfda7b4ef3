#pragma once
// The documented shape of an answer to channels.editAdmin, shared by the Telegram tests and
// the TL benchmarks: updates with updateChannel and updateChannelParticipant (prev:
// channelParticipant, new: channelParticipantAdmin with a rank), userEmpty, channelForbidden.
// And an answer with the full constructors a server sends: user (layers 228 and 227), channel.

#include <chatadmin/telegram.hpp>

#include <string>
#include <vector>

namespace telegram_samples {

namespace tg = chatadmin::telegram;

inline tg::updates sample_answer() {
    tg::channel_participant_admin admin;
    admin.can_edit = true;
    admin.user_id = 987654321;
    admin.promoted_by = 42;
    admin.date = 1700000000;
    admin.admin_rights.change_info = true;
    admin.admin_rights.manage_linked_peers = true;
    admin.rank = "mod";

    tg::update_channel_participant up;
    up.channel_id = 1234567890;
    up.date = 1700000000;
    up.actor_id = 42;
    up.user_id = 987654321;
    up.prev_participant = tg::channel_participant{{}, 987654321, 1600000000, {}, {}};
    up.new_participant = admin;
    up.qts = 5;

    tg::updates u;
    u.updates.push_back(tg::update_channel{1234567890});
    u.updates.push_back(up);
    u.users.push_back(tg::user_empty{987654321});
    u.chats.push_back(tg::channel_forbidden{{}, false, true, false, 1234567890, 7, "group"});
    u.date = 1700000001;
    u.seq = 0;
    return u;
}

/// The promoted user as a layer-228 server describes them: names, photo, last seen, emoji
/// status, two usernames, newest story, name and profile colours.
inline tg::user full_user() {
    tg::user u;
    u.premium = true;
    u.id = 987654321;
    u.access_hash = 5577006791947779410;
    u.first_name = "Ivan";
    u.last_name = "Petrov";
    u.username = "ivanp";
    tg::user_profile_photo photo;
    photo.photo_id = 5420066447220520000;
    photo.stripped_thumb = chatadmin::tl::bytes(std::string("\x01\x28\x28", 3));
    photo.dc_id = 2;
    u.photo = photo;
    u.status = tg::user_status_offline{1700000000};
    u.emoji_status = tg::emoji_status{{}, 5368324170671202286, 1767225600};
    u.usernames = std::vector<tg::username>{{{}, true, true, "ivanp"}, {{}, false, true, "ivan_collectible"}};
    u.stories_max_id = tg::recent_story{{}, false, 17};
    u.color = tg::peer_color{{}, 5, {}};
    u.profile_color = tg::peer_color{{}, 8, 5413703918947413540};
    return u;
}

/// The caller as a layer-227 server describes it (user#31774388): self, phone, online, language.
inline tg::legacy::user full_self_layer227() {
    tg::legacy::user u;
    u.self = true;
    u.premium = true;
    u.stories_unavailable = true;
    u.id = 100000001;
    u.access_hash = -8198552921648689607;
    u.first_name = "Mock";
    u.phone = "79001234567";
    u.status = tg::user_status_online{1700000300};
    u.lang_code = "en";
    return u;
}

/// The supergroup as a layer-228 server describes it to its creator: rights, restriction
/// reason, default banned rights, colour, a collectible emoji status, boost level.
inline tg::channel full_channel() {
    tg::channel c;
    c.creator = true;
    c.megagroup = true;
    c.restricted = true;
    c.id = 1234567890;
    c.access_hash = 72623859790382856;
    c.title = "Mock channel";
    c.username = "mockchan";
    tg::chat_photo photo;
    photo.has_video = true;
    photo.photo_id = 6012345678901234567;
    photo.dc_id = 4;
    c.photo = photo;
    c.date = 1600000000;
    c.restriction_reason = std::vector<tg::restriction_reason>{{"android", "sensitive", "May contain sensitive content"}};
    tg::chat_admin_rights rights;
    rights.change_info = true;
    rights.delete_messages = true;
    rights.ban_users = true;
    rights.invite_users = true;
    rights.pin_messages = true;
    rights.add_admins = true;
    c.admin_rights = rights;
    tg::chat_banned_rights banned;
    banned.change_info = true;
    banned.pin_messages = true;
    banned.until_date = 2147483647;
    c.default_banned_rights = banned;
    c.participants_count = 3;
    c.color = tg::peer_color{{}, 3, {}};
    tg::emoji_status_collectible status;
    status.collectible_id = 6001234567890123456;
    status.document_id = 5368324170671202287;
    status.title = "Plush Pepe #12";
    status.slug = "PlushPepe-12";
    status.pattern_document_id = 5368324170671202288;
    status.center_color = 0x5b7bbf;
    status.edge_color = 0x2d4a8a;
    status.pattern_color = 0x1a2b4c;
    status.text_color = 0xffffff;
    c.emoji_status = status;
    c.level = 5;
    c.linked_community_id = 4200000001;
    return c;
}

/// An editAdmin answer carrying full_user, full_self_layer227 and full_channel.
inline tg::updates full_answer() {
    tg::updates u;
    u.updates.push_back(tg::update_channel{1234567890});
    u.users.push_back(full_user());
    u.users.push_back(full_self_layer227());
    u.chats.push_back(full_channel());
    u.date = 1700000001;
    u.seq = 0;
    return u;
}

} // namespace telegram_samples
