#!/usr/bin/env bash
# Two `tthc serve` processes on one PostgreSQL database, driven at once with the same actions on the
# same dossiers (each action names the version it was decided on, as a clerk's screen does): for
# every action exactly one server applies it and the other answers 409, no update is lost, nothing
# is applied twice, and both servers then show the same history.
# Usage: bash Tests/http/two-servers.sh path/to/tthc POSTGRES_URL [DOSSIERS]
# The URL is a database the script may write to; it uses a schema of its own (dropped on success is
# not needed: the schema name is fresh each run).
set -euo pipefail
TTHC=${1:?usage: two-servers.sh path/to/tthc POSTGRES_URL [DOSSIERS]}
URL=${2:?a postgres:// URL}
DOSSIERS=${3:-40}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
schema="two_servers_$(date +%s)_$$"
case "$URL" in *\?*) store="$URL&schema=$schema" ;; *) store="$URL?schema=$schema" ;; esac
head -c 48 /dev/urandom | base64 > "$work/key"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
ports=()
for i in 1 2; do
    port=$(free_port)
    "$TTHC" serve --port "$port" --store "$store" --catalog Procedures --auth-key "$work/key" --log-level warning > "$work/server$i.log" 2>&1 &
    pids+=($!)
    ports+=("$port")
done
for port in "${ports[@]}"; do
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null || { echo "a server did not start"; cat "$work"/server*.log; exit 1; }
done
token=$("$TTHC" token --user two-servers --role one_stop_clerk --role civil_status_officer --role chairman --agency ubnd-xa \
    --ward phuong-hai-may-chu --key "$work/key" --expires 1h)

python3 - "$token" "$DOSSIERS" "${ports[@]}" <<'PY'
import json, sys, threading, urllib.request, urllib.error

token, count, ports = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
servers = [f"http://127.0.0.1:{p}" for p in ports]

def call(base, method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")

ids = [f"HS-HAI-{i:04d}" for i in range(count)]
for n, dossier in enumerate(ids):
    status, body = call(servers[n % 2], "POST", f"/v1/dossiers?id={dossier}", {
        "procedure": "dang-ky-khai-tu", "received": "2026-08-28T09:00:00+07:00", "channel": "in_person", "facts": {},
        "papers": [{"id": "declaration", "original": 1}, {"id": "death_notice", "original": 1}, {"id": "identity_document", "present": 1}]})
    assert status == 201 or status == 200, (dossier, status, body)

steps = ["intake", "review", "sign"]
outcomes = {}        # (dossier, step) -> list of statuses
lock = threading.Lock()

def race(dossier, step, version):
    barrier = threading.Barrier(2)
    def one(base):
        barrier.wait()
        status, body = call(base, "POST", f"/v1/dossiers/{dossier}/actions", {"action": "approve", "step": step, "expected_version": version})
        with lock:
            outcomes.setdefault((dossier, step), []).append((status, body.get("code") if isinstance(body, dict) else None))
    threads = [threading.Thread(target=one, args=(base,)) for base in servers]
    for t in threads: t.start()
    for t in threads: t.join()

# Every dossier's three steps, each raced by the two servers; dossiers in parallel batches.
for index, step in enumerate(steps):
    workers = [threading.Thread(target=race, args=(dossier, step, index + 1)) for dossier in ids]
    for w in workers: w.start()
    for w in workers: w.join()

failures = []
for (dossier, step), results in sorted(outcomes.items()):
    statuses = sorted(s for s, _ in results)
    ok = [s for s in statuses if 200 <= s < 300]
    if len(ok) != 1 or len(statuses) != 2 or not all(s == 409 for s in statuses if not 200 <= s < 300):
        failures.append(f"{dossier} {step}: {results}")
for dossier in ids:
    views = [call(base, "GET", f"/v1/dossiers/{dossier}")[1] for base in servers]
    if views[0]["history"] != views[1]["history"] or views[0]["version"] != views[1]["version"]:
        failures.append(f"{dossier}: the two servers disagree")
    history = views[0]["history"]
    kinds = [e.get("kind") for e in history]
    # received, then one event per step: intake and review complete, signing makes the result ready.
    if kinds != ["received", "step_completed", "step_completed", "result_ready"] or [e["sequence"] for e in history] != [1, 2, 3, 4]:
        failures.append(f"{dossier}: history {kinds}")
if failures:
    print("FAILED:\n" + "\n".join(failures[:20]))
    sys.exit(1)
races = len(outcomes)
print(f"two servers, one PostgreSQL: {count} dossiers, {races} raced actions: each applied exactly once "
      f"({races} × 2xx, {races} × 409 conflict), {count * (1 + len(steps))} events, both servers show the same histories")
PY
for i in 1 2; do kill -0 "${pids[$((i-1))]}" 2>/dev/null || { echo "server $i died"; cat "$work/server$i.log"; exit 1; }; done
