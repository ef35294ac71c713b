#!/usr/bin/env bash
# The HTTP API against its contract on a live server (loopback): starts `tthc serve` on a fresh
# SQLite store, mints tokens, and runs a bounded schemathesis session over every operation of
# /openapi.json with a clerk's token. Fails on any 5xx, on a response that breaks the document
# (status, content type, schema), or when the server crashes.
# Usage: bash Tests/http/check-api.sh path/to/tthc
set -euo pipefail
TTHC=${1:-.build/debug/tthc}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
head -c 48 /dev/urandom | base64 > "$work/key"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
"$TTHC" serve --port "$port" --store "$work/tthc.sqlite" --catalog Procedures --auth-key "$work/key" --log-level warning > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break; sleep 0.2; done
token=$("$TTHC" token --user ci --role one_stop_clerk --role officer --agency ubnd-xa --ward phuong-ci --key "$work/key" --expires 1h)
status=0
schemathesis run "http://127.0.0.1:$port/openapi.json" \
    --header "Authorization: Bearer $token" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "${TTHC_SCHEMATHESIS_EXAMPLES:-25}" --request-timeout 10 --seed 1 --no-color || status=$?
if ! kill -0 "$pid" 2>/dev/null; then echo "the server died"; cat "$work/server.log"; exit 1; fi
if grep -q "$token" "$work/server.log"; then echo "a token appeared in the server log"; exit 1; fi
exit $status
