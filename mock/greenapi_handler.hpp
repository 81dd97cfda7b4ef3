#pragma once
// Green API: POST [/v3]/waInstance{idInstance}/setGroupAdmin/{apiTokenInstance} in its
// three documented forms (WhatsApp groupId, Telegram chatId + permissions, v3 chatId).

#include "handler.hpp"

#include <memory>

namespace chatadmin::mock {

std::unique_ptr<handler> make_greenapi_handler();

} // namespace chatadmin::mock
