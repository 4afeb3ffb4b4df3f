-- Prints one JSON line per wrk run: requests/s, latency percentiles in ms, and the errors (socket errors and non-2xx/3xx).
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format('{"rps":%.1f,"p50":%.2f,"p95":%.2f,"p99":%.2f,"errors":%d,"requests":%d}\n',
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors, summary.requests))
end
