#pragma once
// The documented shape of an answer to channels.editAdmin, shared by the Telegram tests and
// the TL benchmarks: updates with updateChannel and updateChannelParticipant (prev:
// channelParticipant, new: channelParticipantAdmin with a rank), userEmpty, channelForbidden.

#include <chatadmin/telegram.hpp>

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

} // namespace telegram_samples
