#!/usr/bin/env bash
# Fuzzes the public API from its own description (/api/v1/openapi.json) with schemathesis: every
# operation gets generated valid and invalid parameters and bodies, anonymously and with a personal
# access token holding every scope. Fails on any server error, on an answer that does not match the
# document (status, content type, headers, schema), or on invalid input that is accepted.
# Usage: Benchmarks/api-fuzz.sh [extra schemathesis options]    (needs python3 with venv and network for pip)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18099
VENV=${VENV:-${TMPDIR:-/tmp}/opencommune-schemathesis}
# a recent Python: schemathesis's coverage phase trips over a CPython 3.11 parser bug
PYTHON=python3
for candidate in python3.13 /root/.pyenv/versions/3.13*/bin/python3.13 python3.12; do
  command -v "$candidate" >/dev/null 2>&1 && { PYTHON=$candidate; break; }
done
[ -x "$VENV/bin/schemathesis" ] || { "$PYTHON" -m venv "$VENV" && "$VENV/bin/pip" install -q --disable-pip-version-check schemathesis; }
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
# the fuzzer sends thousands of requests from one address
LIMITS="api_requests_per_minute=100000000" source Benchmarks/serve-demo.sh

# an admin makes a token with every scope it can grant
echo "benchmark password" | .build/release/opencommune user create tetouan --email fuzz@tetouan.test --role admin --password-stdin >/dev/null
ADMIN_JAR="$WORK/admin-jar"
sign_in "$BASE" fuzz@tetouan.test "$ADMIN_JAR" >/dev/null
FORM=$(curl -s -b "$ADMIN_JAR" "$BASE/admin/tokens")
CSRF=$(csrf_of <<<"$FORM")
SCOPES=$(grep -o 'name="scopes" value="[^"]*"' <<<"$FORM" | sed 's/.*value="\([^"]*\)"/--data-urlencode scopes=\1/' | tr '\n' ' ')
# shellcheck disable=SC2086
TOKEN=$(curl -s -b "$ADMIN_JAR" --data-urlencode "_csrf=$CSRF" --data-urlencode "name=schemathesis" $SCOPES "$BASE/admin/tokens" \
  | grep -o 'oc_[A-Za-z0-9_-]*' | head -n 1)
[ -n "$TOKEN" ] || { echo "no token was made" >&2; exit 1; }

status=0
for who in anonymous token; do
  echo "== $who"
  auth=(); [ "$who" = token ] && auth=(-H "Authorization: Bearer $TOKEN")
  "$VENV/bin/schemathesis" --config-file Benchmarks/schemathesis.toml run "http://127.0.0.1:$PORT/api/v1/openapi.json" --url "$BASE" "${auth[@]}" \
    --checks all --exclude-checks ignored_auth --phases examples,coverage,fuzzing --max-examples 60 --workers 2 \
    --no-color "$@" || status=$?
done
exit $status
