-- wrk script: cycles through the 1,000 bench searches (one query string a line, written by
-- `Waymark.Bench --write-queries FILE`; file name from env WAYMARK_BENCH_QUERIES, default bench/queries.txt),
-- each thread starting at a different place, and counts non-2xx responses itself.
local queries = {}
local path = os.getenv("WAYMARK_BENCH_QUERIES") or "bench/queries.txt"
for line in io.lines(path) do
  queries[#queries + 1] = "/api/v1/match?" .. line
end

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  table.insert(threads, thread)
  counter = counter + 1
end

function init(args)
  i = (id * 257) % #queries
  bad = 0
  good = 0
end

function request()
  i = i % #queries + 1
  return wrk.format("GET", queries[i])
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    bad = bad + 1
  else
    good = good + 1
  end
end

function done(summary, latency, requests)
  local b, g = 0, 0
  for _, t in ipairs(threads) do
    b = b + t:get("bad")
    g = g + t:get("good")
  end
  io.write(string.format("2xx responses: %d, non-2xx responses: %d, socket errors: connect %d read %d write %d timeout %d\n",
    g, b, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
