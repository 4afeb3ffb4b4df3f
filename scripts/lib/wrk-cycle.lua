-- 8 concurrent searches (issue 25 §4): every connection cycles over the paths given after "--" (wrk -s wrk-cycle.lua URL -- PATH...),
-- each starting at its own offset, and the run prints the latency percentiles in ms as one line: "p50 p95 requests errors".
local paths = {}
local next_path = 1
local counter = 0

function init(args)
  for i = 1, #args do paths[i] = args[i] end
  counter = counter + 1
  next_path = counter % #paths + 1
end

function request()
  local path = paths[next_path]
  next_path = next_path % #paths + 1
  return wrk.format("GET", path)
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format("%.1f %.1f %d %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, summary.requests, errors))
end
