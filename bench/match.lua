-- wrk script: cycles through the 1,000 bench searches (one query string a line, written by
-- `Waymark.Bench --write-queries FILE`; file name from env WAYMARK_BENCH_QUERIES, default bench/queries.txt),
-- each thread starting at a different place. No response() callback: wrk would hand every ~6 KB body to Lua, and that
-- made wrk, not the server, the limit on these 2 cores (19,500 req/s with it, 34,500 without, same server). wrk counts
-- 4xx/5xx answers itself ("Non-2xx or 3xx responses", printed only when there are some).
-- WAYMARK_BENCH_UNREPEATED=1: each request also carries "unrepeated=<thread>-<n>", a parameter the API ignores, so no two
-- requests are alike and none can be answered from the server's answer cache; the search work is the same.
-- WAYMARK_BENCH_PATH=/find/results asks the results page the same searches (default /api/v1/match).
local queries = {}
local path = os.getenv("WAYMARK_BENCH_QUERIES") or "bench/queries.txt"
local target = os.getenv("WAYMARK_BENCH_PATH") or "/api/v1/match"
for line in io.lines(path) do
  queries[#queries + 1] = target .. "?" .. line
end

local unrepeated = os.getenv("WAYMARK_BENCH_UNREPEATED") == "1"
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  i = (id * 257) % #queries
  n = 0
end

function request()
  i = i % #queries + 1
  if unrepeated then
    n = n + 1
    return wrk.format("GET", queries[i] .. "&unrepeated=" .. id .. "-" .. n)
  end
  return wrk.format("GET", queries[i])
end
