#!/usr/bin/env bash
# The cluster's figures, on loopback: a local cluster (deploy/local-cluster.sh: hosts a and b with
# Litestream each, HAProxy in front) on the release binary, the demo commune grown to a large one
# (Benchmarks/large-tenant.sh) on host a. Then:
#   1. the HAProxy hop: req/s of the cached plan page through HAProxy and straight to host a, and their ratio;
#   2. tenant move of the large commune to host b while comments are posted at RATE/s and pages
#      read: how long changes were refused, reads failed, acknowledged comments lost;
#   3. kill -9 of host b (its data folder deleted), tenant recover on host a: time to serve again,
#      acknowledged comments lost, how old the oldest lost one was;
#   4. point-in-time recovery after comments were deleted.
# Steps 2–4 are Tests/cluster/cluster_test.py's, on this cluster (it fails if a guarantee is broken).
# Needs haproxy, wrk, sqlite3, curl and python3. DURATION (default 8s), THREADS (2), CONNECTIONS (32), RATE (20).
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in haproxy wrk sqlite3 curl python3; do
  command -v $tool >/dev/null || { echo "install $tool: apt-get install -y haproxy wrk sqlite3 curl python3" >&2; exit 1; }
done
DURATION=${DURATION:-8s} THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32} RATE=${RATE:-20}
PORT=${OC_CLUSTER_PORT:-28180}
swift build -c release --product opencommune >/dev/null
export OC_CLUSTER_DIR=$(mktemp -d) OC_CLUSTER_PORT=$PORT OPENCOMMUNE=$PWD/.build/release/opencommune
trap 'deploy/local-cluster.sh down >/dev/null 2>&1 || true' EXIT
deploy/local-cluster.sh up >/dev/null

# the large commune, written on host a (large-tenant.sh needs BASE, SESSION of an editor, WORK with data/)
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
BASE="http://127.0.0.1:$PORT/tetouan" WORK="$OC_CLUSTER_DIR/a"
echo "benchmark password" | "$OPENCOMMUNE" user create tetouan --email bench@tetouan.test --role editor --password-stdin --data-dir "$WORK/data" >/dev/null
CSRF=$(curl -s -c "$WORK/jar" "$BASE/login" | csrf_of)
curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null --data-urlencode "email=bench@tetouan.test" --data-urlencode "password=benchmark password" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "oc_session" { print $7 }' "$WORK/jar")
SIZE=$(source Benchmarks/large-tenant.sh)
# large-tenant.sh leaves the comments' search index to be rebuilt by a migration (the running server's
# pool is open: `migrate` runs it from here, as an operator would after writing behind the server's back)
"$OPENCOMMUNE" migrate --tenant tetouan --data-dir "$WORK/data" >/dev/null
echo "large commune on host a: $SIZE; $(du -ch "$WORK/data/tetouan/"tenant.sqlite* | tail -1 | cut -f1) database with its WAL"
sleep 3  # Litestream has copied what large-tenant.sh wrote behind the server's back

measure() {  # prints "req/s p50 p99 non-2xx"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ { r = int($2) } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { print r, p50, p99, bad + 0 }'
}
echo "== the HAProxy hop (wrk -t$THREADS -c$CONNECTIONS -d$DURATION, cached /tetouan/plans)"
curl -sf -o /dev/null "$BASE/plans"
read -r direct dp50 dp99 dbad <<<"$(measure "http://127.0.0.1:$((PORT + 1))/tetouan/plans")"
read -r proxied pp50 pp99 pbad <<<"$(measure "$BASE/plans")"
printf "  straight to host a  %6s req/s  p50 %s  p99 %s  non-2xx %s\n" "$direct" "$dp50" "$dp99" "$dbad"
printf "  through HAProxy      %6s req/s  p50 %s  p99 %s  non-2xx %s\n" "$proxied" "$pp50" "$pp99" "$pbad"
echo "  ratio                $(python3 -c "print(f'{$proxied / $direct:.2f}')")"

echo "== move, lost host, point in time (Tests/cluster/cluster_test.py, $RATE comments/s)"
python3 Tests/cluster/cluster_test.py --existing "$OC_CLUSTER_DIR" --port "$PORT" --binary "$OPENCOMMUNE" --rate "$RATE" --report | sed 's/^/  /'
