#pragma once
// Everything: the core and every platform's bindings.

#include <chatadmin/core.hpp>

#include <chatadmin/bitrix24.hpp>
#include <chatadmin/greenapi.hpp>
#include <chatadmin/telegram.hpp>
