# Sourced by the benchmark scripts: builds the release binary, serves the demo tenants from a
# temporary data directory on $PORT (with the settings file $CONFIG if set), and signs in an editor
# of tetouan. Sets WORK, SERVER, BASE and SESSION, and defines restart_server; the caller's EXIT trap
# should kill $SERVER and remove $WORK.
swift build -c release --product opencommune >/dev/null
WORK=$(mktemp -d)
export OPENCOMMUNE_DATA_DIR="$WORK/data"
BASE="http://127.0.0.1:$PORT/tetouan"
start_server() {
  .build/release/opencommune serve ${CONFIG:+--config "$CONFIG"} --port "$PORT" >>"$WORK/server.log" 2>&1 &
  SERVER=$!
  until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.2; done
}
# a fresh process: no page cache or memoised figure predates data written behind the server's back
restart_server() {
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  start_server
}
start_server
echo "benchmark password" | .build/release/opencommune user create tetouan --email bench@tetouan.test --role editor --password-stdin >/dev/null
JAR="$WORK/jar"
CSRF=$(curl -s -c "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "email=bench@tetouan.test" --data-urlencode "password=benchmark password" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "oc_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || { echo "sign-in failed" >&2; exit 1; }
