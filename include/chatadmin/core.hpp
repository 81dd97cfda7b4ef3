#pragma once
// The platform-neutral core: wire names, JSON / form / TL codecs, wire value types, HTTP values.

#include <chatadmin/core/call_error.hpp>
#include <chatadmin/core/error.hpp>
#include <chatadmin/core/form_reader.hpp>
#include <chatadmin/core/form_writer.hpp>
#include <chatadmin/core/gzip.hpp>
#include <chatadmin/core/http.hpp>
#include <chatadmin/core/json_codec.hpp>
#include <chatadmin/core/json_reader.hpp>
#include <chatadmin/core/json_writer.hpp>
#include <chatadmin/core/result.hpp>
#include <chatadmin/core/retry.hpp>
#include <chatadmin/core/tl.hpp>
#include <chatadmin/core/transport_error.hpp>
#include <chatadmin/core/wire_name.hpp>
#include <chatadmin/core/wire_types.hpp>
