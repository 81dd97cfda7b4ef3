#pragma once
// Telegram MTProto bindings: channels.editAdmin and the types around it.

#include <chatadmin/telegram/channel_participant.hpp>
#include <chatadmin/telegram/channels/edit_admin.hpp>
#include <chatadmin/telegram/chat.hpp>
#include <chatadmin/telegram/chat_admin_rights.hpp>
#include <chatadmin/telegram/chat_banned_rights.hpp>
#include <chatadmin/telegram/chat_photo.hpp>
#include <chatadmin/telegram/client.hpp>
#include <chatadmin/telegram/emoji_status.hpp>
#include <chatadmin/telegram/errors.hpp>
#include <chatadmin/telegram/input_channel.hpp>
#include <chatadmin/telegram/input_peer.hpp>
#include <chatadmin/telegram/input_user.hpp>
#include <chatadmin/telegram/peer.hpp>
#include <chatadmin/telegram/peer_color.hpp>
#include <chatadmin/telegram/recent_story.hpp>
#include <chatadmin/telegram/response.hpp>
#include <chatadmin/telegram/restriction_reason.hpp>
#include <chatadmin/telegram/retry.hpp>
#include <chatadmin/telegram/rpc_error.hpp>
#include <chatadmin/telegram/update.hpp>
#include <chatadmin/telegram/updates.hpp>
#include <chatadmin/telegram/user.hpp>
#include <chatadmin/telegram/user_profile_photo.hpp>
#include <chatadmin/telegram/user_status.hpp>
#include <chatadmin/telegram/username.hpp>
