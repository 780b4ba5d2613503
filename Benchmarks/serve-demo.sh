# Sourced by the benchmark scripts: builds the release binary, serves the demo tenants from a
# temporary data directory on $PORT, and signs in an editor of tetouan. LIMITS ("key=value ...")
# overrides keys of config/opencommune.toml for this run (the benchmarks raise the per-address
# limits, all their load coming from one address). Sets WORK, SERVER, BASE and SESSION and defines
# restart_server, csrf_of and sign_in; the caller's EXIT trap should kill $SERVER and remove $WORK.
swift build -c release --product opencommune >/dev/null
WORK=$(mktemp -d)
export OPENCOMMUNE_DATA_DIR="$WORK/data"
BASE="http://127.0.0.1:$PORT/tetouan"
CONFIG="$WORK/opencommune.toml"
cp config/opencommune.toml "$CONFIG"
for limit in ${LIMITS:-}; do sed -i "s/^${limit%%=*} = .*/${limit%%=*} = ${limit#*=}/" "$CONFIG"; done
start_server() {
  .build/release/opencommune serve --config "$CONFIG" --port "$PORT" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.2; done
}
# a fresh process: no page cache or memoised figure predates data written behind the server's back
restart_server() {
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  start_server
}
# the form token in the HTML on standard input
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1; }
# sign_in ROOT EMAIL JAR: signs in with the benchmark password, keeping the session in the cookie jar JAR; prints the status
sign_in() {
  local csrf
  csrf=$(curl -s -c "$3" "$1/login" | csrf_of)
  curl -s -b "$3" -c "$3" -o /dev/null -w '%{http_code}' --data-urlencode "email=$2" --data-urlencode "password=benchmark password" \
    --data-urlencode "_csrf=$csrf" "$1/login"
}
start_server
echo "benchmark password" | .build/release/opencommune user create tetouan --email bench@tetouan.test --role editor --password-stdin >/dev/null
sign_in "$BASE" bench@tetouan.test "$WORK/jar" >/dev/null
SESSION=$(awk '$6 == "oc_session" { print $7 }' "$WORK/jar")
[ -n "$SESSION" ] || { echo "sign-in failed" >&2; exit 1; }
