# A throwaway PostgreSQL cluster for the tests of the PostgreSQL dossier store. Source it, then:
#
#     tthc_pg_start    # installs Debian's postgresql when missing, starts a cluster on loopback,
#                      # exports TTHC_POSTGRES_URL (and TTHC_PG_DIR, TTHC_PG_BIN)
#     tthc_pg_stop     # stops the cluster and removes its folder (safe to call twice)
#
# The cluster lives in a temporary folder owned by an unprivileged user (PostgreSQL refuses to run
# as root): `$TTHC_PG_USER` when set, else `postgres` when Debian's package created it, else a
# `tthc-ci` user made here, else `nobody`. It listens on 127.0.0.1 on a free port, with its unix
# socket in the same folder, trusts local connections (loopback only, throwaway data) and is tuned
# for tests, not durability.

tthc_pg_user() {
    if [ "$(id -u)" != 0 ]; then id -un; return; fi
    if id postgres >/dev/null 2>&1; then echo postgres; return; fi
    if id tthc-ci >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin tthc-ci >/dev/null 2>&1; then
        echo tthc-ci; return
    fi
    echo nobody
}

# Runs a command as the cluster's owner.
tthc_pg_as() {
    if [ "$(id -u)" = 0 ]; then
        if command -v runuser >/dev/null 2>&1; then runuser -u "$TTHC_PG_USER" -- "$@"; else su -s /bin/sh "$TTHC_PG_USER" -c "$(printf '%q ' "$@")"; fi
    else
        "$@"
    fi
}

tthc_pg_free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

tthc_pg_start() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql
        bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    fi
    TTHC_PG_BIN=$bin
    TTHC_PG_USER=${TTHC_PG_USER:-$(tthc_pg_user)}
    TTHC_PG_DIR=$(mktemp -d /tmp/tthc-pg.XXXXXX)
    chmod 755 "$TTHC_PG_DIR"
    chown "$TTHC_PG_USER" "$TTHC_PG_DIR"
    local port
    port=$(tthc_pg_free_port)
    tthc_pg_as "$bin/initdb" -D "$TTHC_PG_DIR/data" -U tthc --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$TTHC_PG_DIR/initdb.log" 2>&1 \
        || { cat "$TTHC_PG_DIR/initdb.log"; return 1; }
    # Tests open many short-lived pools in parallel; durability does not matter for a throwaway
    # cluster. TTHC_PG_SERVER_OPTIONS replaces the durability settings (empty: PostgreSQL's own,
    # for benchmarks).
    local tuning=${TTHC_PG_SERVER_OPTIONS--c fsync=off -c synchronous_commit=off -c full_page_writes=off}
    tthc_pg_as "$bin/pg_ctl" -D "$TTHC_PG_DIR/data" -l "$TTHC_PG_DIR/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $TTHC_PG_DIR -c max_connections=300 $tuning" \
        >/dev/null || { cat "$TTHC_PG_DIR/server.log"; return 1; }
    tthc_pg_as "$bin/createdb" -h 127.0.0.1 -p "$port" -U tthc tthc_test
    export TTHC_PG_BIN TTHC_PG_USER TTHC_PG_DIR
    export TTHC_POSTGRES_URL="postgres://tthc@127.0.0.1:$port/tthc_test"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $TTHC_POSTGRES_URL (cluster in $TTHC_PG_DIR, owner $TTHC_PG_USER)"
}

tthc_pg_stop() {
    [ -n "${TTHC_PG_DIR:-}" ] && [ -d "$TTHC_PG_DIR" ] || return 0
    tthc_pg_as "$TTHC_PG_BIN/pg_ctl" -D "$TTHC_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$TTHC_PG_DIR"
    TTHC_PG_DIR=
}
