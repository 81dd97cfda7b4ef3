#pragma once
// Bitrix24 REST: imbot.chat.setManager, sonet_group.user.update, im.department.managers.get,
// with the response envelope, the documented errors, and request building.

#include <chatadmin/bitrix24/batch.hpp>
#include <chatadmin/bitrix24/client.hpp>
#include <chatadmin/bitrix24/envelope.hpp>
#include <chatadmin/bitrix24/error.hpp>
#include <chatadmin/bitrix24/errors.hpp>
#include <chatadmin/bitrix24/id_list.hpp>
#include <chatadmin/bitrix24/im/department/managers/get.hpp>
#include <chatadmin/bitrix24/imbot/chat/set_manager.hpp>
#include <chatadmin/bitrix24/request.hpp>
#include <chatadmin/bitrix24/retry.hpp>
#include <chatadmin/bitrix24/sonet_group/user/update.hpp>
#include <chatadmin/bitrix24/time.hpp>
#include <chatadmin/bitrix24/user.hpp>
