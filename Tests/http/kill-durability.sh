#!/usr/bin/env bash
# kill -9 of `tthc serve` during a stream of actions: after a restart on the same store every
# acknowledged (2xx) action is there, and nothing is half-written (each dossier's history is whole:
# sequences 1…version with no gap, and its summary agrees with the history).
# Usage: bash Tests/http/kill-durability.sh path/to/tthc STORE [CLIENTS] [ACKS_BEFORE_KILL]
#   STORE: an SQLite file path (created) or a postgres:// URL (a fresh schema of it is used).
set -euo pipefail
TTHC=${1:?usage: kill-durability.sh path/to/tthc STORE [CLIENTS] [ACKS_BEFORE_KILL]}
STORE=${2:?an SQLite path or a postgres:// URL}
CLIENTS=${3:-8}
ACKS=${4:-300}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"' EXIT
case "$STORE" in
    postgres://*|postgresql://*)
        schema="kill_$(date +%s)_$$"
        case "$STORE" in *\?*) store="$STORE&schema=$schema" ;; *) store="$STORE?schema=$schema" ;; esac ;;
    *) store="$STORE" ;;
esac
head -c 48 /dev/urandom | base64 > "$work/key"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
start() {
    "$TTHC" serve --port "$port" --store "$store" --catalog Procedures --auth-key "$work/key" --log-level warning >> "$work/server.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && return 0; sleep 0.2; done
    echo "the server did not start"; cat "$work/server.log"; exit 1
}
start
token=$("$TTHC" token --user kill-9 --role one_stop_clerk --role civil_status_officer --role chairman --agency ubnd-xa \
    --ward phuong-kill --key "$work/key" --expires 1h)

# The stream: CLIENTS threads, each receiving dossiers and approving their steps, recording every
# acknowledged action. The script kills the server with SIGKILL after ACKS acknowledgements.
python3 - "$token" "$port" "$CLIENTS" "$ACKS" "$pid" "$work/acked.json" <<'PY'
import json, os, signal, sys, threading, time, urllib.request, urllib.error

token, port, clients, acks_before_kill, pid, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
base = f"http://127.0.0.1:{port}"
acked = []                       # [dossier, version after the action, kind of action]
lock = threading.Lock()
killed = threading.Event()

def call(method, path, body=None):
    request = urllib.request.Request(base + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, json.loads(response.read() or b"null")

def ack(dossier, version, kind):
    with lock:
        acked.append([dossier, version, kind])
        if len(acked) >= acks_before_kill and not killed.is_set():
            killed.set()
            os.kill(pid, signal.SIGKILL)

def client(n):
    i = 0
    while not killed.is_set():
        dossier = f"HS-K{n:02d}-{i:05d}"
        i += 1
        try:
            status, _ = call("POST", f"/v1/dossiers?id={dossier}", {
                "procedure": "dang-ky-khai-tu", "received": "2026-08-28T09:00:00+07:00", "channel": "in_person", "facts": {},
                "papers": [{"id": "declaration", "original": 1}, {"id": "death_notice", "original": 1}, {"id": "identity_document", "present": 1}]})
            if status // 100 == 2: ack(dossier, 1, "received")
            for version, step in enumerate(["intake", "review", "sign"], start=1):
                status, _ = call("POST", f"/v1/dossiers/{dossier}/actions", {"action": "approve", "step": step, "expected_version": version})
                if status // 100 == 2: ack(dossier, version + 1, step)
        except (urllib.error.URLError, ConnectionError, OSError, TimeoutError):
            return            # the server is gone: what was in flight is unknown, never acknowledged

threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
for t in threads: t.start()
for t in threads: t.join(60)
json.dump(acked, open(out, "w"))
print(f"{len(acked)} actions acknowledged before kill -9")
PY
wait "$pid" 2>/dev/null || true
pid=""
start

python3 - "$token" "$port" "$work/acked.json" <<'PY'
import json, sys, urllib.request

token, port, path = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"http://127.0.0.1:{port}"
acked = json.load(open(path))
def get(p):
    request = urllib.request.Request(base + p, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())
highest = {}
for dossier, version, _ in acked:
    highest[dossier] = max(version, highest.get(dossier, 0))
failures = []
# Every dossier the server lists, acknowledged or not, must be whole.
listed = get("/v1/dossiers?limit=1000")
items = listed["dossiers"] if isinstance(listed, dict) else listed
ids = {d["id"] for d in items} | set(highest)
for dossier in sorted(ids):
    view = get(f"/v1/dossiers/{dossier}")
    sequences = [e["sequence"] for e in view["history"]]
    if sequences != list(range(1, view["version"] + 1)):
        failures.append(f"{dossier}: history {sequences} but version {view['version']}")
    if view["version"] < highest.get(dossier, 0):
        failures.append(f"{dossier}: acknowledged version {highest[dossier]} lost (store has {view['version']})")
if failures:
    print("FAILED:\n" + "\n".join(failures[:20]))
    sys.exit(1)
unacked = len(ids - set(highest))
print(f"after restart: all {len(acked)} acknowledged actions on {len(highest)} dossiers are in the store; "
      f"{len(ids)} dossiers checked whole ({unacked} received but never acknowledged), none half-written")
PY
