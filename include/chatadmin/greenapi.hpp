#pragma once
// Green API bindings: errors, instance URLs, chat ids, response envelope, setGroupAdmin.

#include <chatadmin/greenapi/chat_id.hpp>
#include <chatadmin/greenapi/client.hpp>
#include <chatadmin/greenapi/envelope.hpp>
#include <chatadmin/greenapi/errors.hpp>
#include <chatadmin/greenapi/instance.hpp>
#include <chatadmin/greenapi/retry.hpp>
#include <chatadmin/greenapi/set_group_admin.hpp>
