#pragma once
// Everything: the core and every platform's bindings.

#include <chatadmin/core.hpp>
