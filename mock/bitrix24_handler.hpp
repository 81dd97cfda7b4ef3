#pragma once
// Bitrix24 REST: webhook (/rest/{user}/{code}/{method}) and OAuth (/rest/{method}?auth=)
// calls of imbot.chat.setManager, sonet_group.user.update and im.department.managers.get.

#include "handler.hpp"

#include <memory>

namespace chatadmin::mock {

std::unique_ptr<handler> make_bitrix24_handler();

} // namespace chatadmin::mock
