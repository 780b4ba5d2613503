# Sourced by the benchmark scripts: builds the release binary, serves the demo tenants from a
# temporary data directory on $PORT, and signs in an editor of tetouan. Sets WORK, SERVER, BASE
# and SESSION; the caller's EXIT trap should kill $SERVER and remove $WORK.
swift build -c release --product opencommune >/dev/null
WORK=$(mktemp -d)
export OPENCOMMUNE_DATA_DIR="$WORK/data"
.build/release/opencommune serve --port "$PORT" >/dev/null 2>&1 &
SERVER=$!
BASE="http://127.0.0.1:$PORT/tetouan"
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.2; done
echo "benchmark password" | .build/release/opencommune user create tetouan --email bench@tetouan.test --role editor --password-stdin >/dev/null
JAR="$WORK/jar"
CSRF=$(curl -s -c "$JAR" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null --data-urlencode "email=bench@tetouan.test" --data-urlencode "password=benchmark password" \
  --data-urlencode "_csrf=$CSRF" "$BASE/login"
SESSION=$(awk '$6 == "oc_session" { print $7 }' "$JAR")
[ -n "$SESSION" ] || { echo "sign-in failed" >&2; exit 1; }
