-- wrk script of the benchmarks: counts every response that is not 2xx (wrk itself only counts status >= 400),
-- and prints one machine-readable line at the end, read back by bench_w in lib.sh:
--   BENCH requests=... duration_us=... bytes=... connect=... read=... write=... timeout=... status=... non2xx=...
--         p50_us=... p75_us=... p90_us=... p99_us=... max_us=...
-- Optional script arguments (after the URL and --):
--   visitors=N   sends a cookie "bezoeker=<1..N>" chosen at random per request, so that a load balancer that hashes
--                on that cookie (scale-out.sh) sees N different visitors;
--   unique_query=NAME   appends ?NAME=<a new value> to every request, as links shared on social media carry
--                (?fbclid=...): a cache that keys on the query string would miss every time;
--   built_each_time=1   builds every request in Lua (the same request each time), as unique_query must: a run compared
--                with a unique_query run then costs wrk the same per request, so only the server's side differs;
--   unique_encoding=1   adds a coding that no server knows to the Accept-Encoding header, new on every request
--                ("br, gzip, x1-17"): a cache that keys on the raw header rather than on the encoding the site chose
--                would miss every time;
--   stop_after=N stopdir=DIR   each thread, after N responses, creates the file DIR/thread-<id>; lib.sh's bench_wrk
--                waits for one file per thread and then stops wrk with SIGINT (wrk then reports as usual, with the
--                real duration). This is how "at least so many requests" is run, since wrk itself only runs by time.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  non2xx = 0
  responses = 0
  visitors = 0
  stop_after = 0
  stopdir = nil
  unique_query = nil
  unique_encoding = false
  built_each_time = false
  for _, arg in ipairs(args) do
    local key, value = arg:match("^([%w_]+)=(.+)$")
    if key == "visitors" then visitors = tonumber(value) end
    if key == "stop_after" then stop_after = tonumber(value) end
    if key == "stopdir" then stopdir = value end
    if key == "unique_query" then unique_query = value end
    if key == "built_each_time" then built_each_time = value == "1" end
    if key == "unique_encoding" then unique_encoding = value == "1" end
  end
  if built_each_time and not unique_query then
    local path = wrk.path
    request = function()
      return wrk.format(nil, path)
    end
  end
  if unique_encoding then
    local counter = 0
    local path = wrk.path
    local accepted = wrk.headers["Accept-Encoding"] or "identity"
    request = function()
      counter = counter + 1
      wrk.headers["Accept-Encoding"] = accepted .. ", x" .. id .. "-" .. counter
      return wrk.format(nil, path)
    end
  end
  if unique_query then
    local counter = 0
    local path = wrk.path
    request = function()
      counter = counter + 1
      return wrk.format(nil, path .. "?" .. unique_query .. "=" .. id .. "x" .. counter)
    end
  end
  if visitors > 0 then
    math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
    request = function()
      wrk.headers["Cookie"] = "bezoeker=" .. math.random(1, visitors)
      return wrk.format()
    end
  end
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
  responses = responses + 1
  if responses == stop_after and stopdir then
    local f = io.open(stopdir .. "/thread-" .. tostring(id), "w")
    if f then f:close() end
  end
end

function done(summary, latency, requests)
  local n = 0
  for _, thread in ipairs(threads) do
    n = n + (thread:get("non2xx") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d connect=%d read=%d write=%d timeout=%d status=%d non2xx=%d " ..
    "p50_us=%d p75_us=%d p90_us=%d p99_us=%d max_us=%d\n",
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.timeout, e.status, n,
    latency:percentile(50), latency:percentile(75), latency:percentile(90), latency:percentile(99), latency.max))
end
