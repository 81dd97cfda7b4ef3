-- wrk script for the mock-throughput run: POST imbot.chat.setManager, and count the
-- responses (and non-2xx answers) of every wrk thread. wrk reports only totals, and a
-- connection that is never answered does not show up there at all; scripts/bench.sh adds
-- a per-connection count from the kernel's socket table (ss -ti) while the run is on.

wrk.method = "POST"
wrk.body = '{"CHAT_ID":2725,"USER_ID":1269,"IS_MANAGER":"Y","CLIENT_ID":"mockclient"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"

local threads = {}

function setup(thread)
   thread:set("id", #threads + 1)
   table.insert(threads, thread)
end

function init(args)
   responses = 0
   non2xx = 0
end

function response(status, headers, body)
   responses = responses + 1
   if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
   local per = {}
   local bad = 0
   for _, t in ipairs(threads) do
      table.insert(per, tostring(t:get("responses")))
      bad = bad + t:get("non2xx")
   end
   local e = summary.errors
   io.write(string.format(
      'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"non2xx":%d,' ..
      '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
      '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f},"responses_per_thread":[%s]}\n',
      summary.requests, summary.duration, summary.bytes, bad,
      e.connect, e.read, e.write, e.status, e.timeout,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
      table.concat(per, ",")))
end
