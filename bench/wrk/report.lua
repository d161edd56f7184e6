-- Appended to every wrk run of bench/run.sh: one machine-readable line with throughput, latency percentiles
-- (wrk's own summary has no p95) and errors. Latencies are in milliseconds.
done = function(summary, latency, requests)
  local seconds = summary.duration / 1000000
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("BENCH rps=%.1f p50=%.2f p95=%.2f p99=%.2f non2xx=%d errors=%d requests=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.errors.status, errors, summary.requests))
end
