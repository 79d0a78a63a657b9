-- wrk script for bench/intake-load.sh: posts the site's request form, url-encoded, as a browser
-- does (answer: 303 to the receipt), each request with its own subject so that every stored request
-- differs. Prints machine-readable figures at the end (lines starting with "RESULT").

local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local function encode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local name = encode("Aysel Məmmədova")
local message = encode(string.rep("Zəhmət olmasa, Nazirliyin 2025-ci il üzrə hesabatını göndərin. ", 8))

function request()
  counter = counter + 1
  local body = "lang=az&name=" .. name
    .. "&email=aysel%40example.az&type=information&urgency=normal"
    .. "&subject=" .. encode("Yük sınağı " .. tostring(thread_id) .. "/" .. tostring(counter))
    .. "&message=" .. message .. "&website="
  return wrk.format("POST", "/requests", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Accept"] = "text/html"
  }, body)
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT requests %d\n", summary.requests))
  io.write(string.format("RESULT seconds %.2f\n", seconds))
  io.write(string.format("RESULT rps %.1f\n", summary.requests / seconds))
  io.write(string.format("RESULT p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("RESULT p90_ms %.2f\n", latency:percentile(90) / 1000))
  io.write(string.format("RESULT p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("RESULT max_ms %.2f\n", latency.max / 1000))
  io.write(string.format("RESULT errors %d\n", errors))
  io.write(string.format("RESULT non_2xx_3xx %d\n", summary.errors.status))
end
