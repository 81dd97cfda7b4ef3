#pragma once
// Telegram: POST /telegram/api takes one boxed TL function call (channels.editAdmin, either
// constructor) and answers HTTP 200 with one boxed TL object: Updates or rpc_error.
// POST /telegram/json is the same call and answer in the JSON form of the TL objects
// ({"_":"channels.editAdmin", …}, see core/tl/json.hpp).

#include "handler.hpp"

#include <memory>

namespace chatadmin::mock {

std::unique_ptr<handler> make_telegram_handler();

} // namespace chatadmin::mock
