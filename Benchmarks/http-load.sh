#!/usr/bin/env bash
# Load on `tthc serve` over loopback with wrk (Debian: apt-get install wrk): requests per second and
# p50/p99 latency for the stateless check (POST /v1/check), for durable receipts (POST /v1/dossiers,
# one event appended and committed per request) and for actions on them (POST …/actions, approve
# the intake step), on SQLite and, when a URL is given, on PostgreSQL. Bounded in time; not a test.
#
#     swift build -c release --product tthc
#     bash Benchmarks/http-load.sh .build/release/tthc [POSTGRES_URL] [SECONDS] [CONNECTIONS] [WRK_THREADS]
#
# Runs from the repository root (it serves Procedures/). The server and wrk share the machine (and
# PostgreSQL, when given): on 2 cores one wrk thread (the default) leaves the server the most; the
# figures are a floor for a machine where the load comes from elsewhere.
set -euo pipefail
TTHC=${1:?usage: http-load.sh path/to/tthc [POSTGRES_URL] [SECONDS] [CONNECTIONS] [WRK_THREADS]}
PG=${2:-}
SECONDS_EACH=${3:-10}
CONNECTIONS=${4:-16}
THREADS=${5:-1}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
head -c 48 /dev/urandom | base64 > "$work/key"
token=$("$TTHC" token --user load --role one_stop_clerk --agency ubnd-xa --ward phuong-tai --key "$work/key" --expires 2h)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

# The check: a certified copy (chứng thực bản sao), as in Examples/chung-thuc-ban-sao.yaml.
cat > "$work/check.lua" <<LUA
wrk.method = "POST"
wrk.headers["Authorization"] = "Bearer $token"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"procedure":"chung-thuc-ban-sao-tu-ban-chinh","received":"2026-01-09T15:30:00+07:00","channel":"in_person","facts":{"pages":5,"copies":3},"papers":[{"id":"original_document","present":1}]}'
LUA

# Receipts with ids unique per wrk thread and request; then the same ids' intake approved, in order.
cat > "$work/dossiers.lua" <<LUA
local threads, counter, all = 0, 0, {}
function setup(thread) thread:set("tid", threads); threads = threads + 1; table.insert(all, thread) end
function init(args) tid = tid or 0; mode = args[1] end
local receipt = '{"procedure":"chung-thuc-ban-sao-tu-ban-chinh","received":"2026-01-09T15:30:00+07:00","channel":"in_person","facts":{"pages":5,"copies":3},"papers":[{"id":"original_document","present":1}]}'
local approve = '{"action":"approve","step":"intake","expected_version":1}'
local headers = {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}
function request()
  counter = counter + 1
  local id = "HS-T" .. tid .. "-" .. counter
  if mode == "act" then return wrk.format("POST", "/v1/dossiers/" .. id .. "/actions", headers, approve) end
  if mode == "warm" then id = "HS-W" .. tid .. "-" .. counter end
  return wrk.format("POST", "/v1/dossiers?id=" .. id, headers, receipt)
end
ok = 0
function response(status) if status < 300 then ok = ok + 1 end end
function done(summary, latency, requests)
  local succeeded = 0
  for _, thread in ipairs(all) do succeeded = succeeded + (thread:get("ok") or 0) end
  io.write(string.format("    p50 %.2f ms, p99 %.2f ms, %d requests, %d errors; %d succeeded (2xx), %.0f/s\n",
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
                         summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
                         succeeded, succeeded / (summary.duration / 1e6)))
end
LUA
cat >> "$work/check.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("    p50 %.2f ms, p99 %.2f ms, %d requests, %d errors\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
LUA

serve() {
    "$TTHC" serve --port "$port" --store "$1" --catalog Procedures --auth-key "$work/key" --log-level error > "$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && return 0; sleep 0.2; done
    echo "the server did not start"; cat "$work/server.log"; exit 1
}
stop() { kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

run() {   # label, lua, [mode], [path], [seconds]
    echo "  $1"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${5:-$SECONDS_EACH}s" --latency -s "$2" "http://127.0.0.1:$port${4:-/v1/check}" -- "${3:-}" \
        | grep -E "Requests/sec|Non-2xx|p50|Socket errors" | sed 's/^/    /'
}

echo "tthc serve under wrk: $THREADS thread(s), $CONNECTIONS connections, ${SECONDS_EACH}s each, $(nproc) cores ($(date -u +%F))"
for store in "$work/load.sqlite" ${PG:+"$PG"}; do
    case "$store" in postgres*) label="PostgreSQL"; case "$store" in *\?*) store="$store&schema=load_$$" ;; *) store="$store?schema=load_$$" ;; esac ;; *) label="SQLite (synchronous=FULL)" ;; esac
    serve "$store"
    echo "$label"
    if [ "$label" = PostgreSQL ] && command -v psql >/dev/null; then
        # A fresh schema has no statistics: the plans PostgreSQL caches while the tables are nearly
        # empty scan them whole, and keep doing so as they grow until autovacuum analyses them
        # (within a minute in service). Fill them for a few seconds and analyse, as a running
        # province's database would be, so that the figures are the steady state.
        wrk -t"$THREADS" -c"$CONNECTIONS" -d3s -s "$work/dossiers.lua" "http://127.0.0.1:$port/v1/dossiers" -- warm > /dev/null
        psql "${PG%%\?*}" -qc "ANALYZE load_$$.summaries; ANALYZE load_$$.events" || true
    fi
    run "POST /v1/check (stateless: assessment, fee, due date)" "$work/check.lua"
    run "POST /v1/dossiers (receive: assess + 1 event committed)" "$work/dossiers.lua" receive /v1/dossiers
    # Half as long as the receipts, so that the approvals never run out of received dossiers.
    run "POST /v1/dossiers/{id}/actions (approve intake, expected_version)" "$work/dossiers.lua" act /v1/dossiers $(( (SECONDS_EACH + 1) / 2 ))
    stop
done
