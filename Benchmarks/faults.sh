#!/usr/bin/env bash
# One tenant's disk full, then read-only, for real: the demo commune's folder is put on a small
# tmpfs, which is then filled up, then remounted read-only. Checks that tetouan answers its changes
# with 503 (never 500), keeps serving its pages, stores exactly what it acknowledged, keeps a sound
# database (PRAGMA integrity_check), recovers when the disk does, and that the instance
# tetouan-ieecag is unaffected throughout. Exits non-zero when any of that breaks.
# Usage: Benchmarks/faults.sh        (as root: it mounts a tmpfs; needs curl and sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18098
[ "$(id -u)" = 0 ] || { echo "run as root: the script mounts a tmpfs" >&2; exit 1; }
trap 'kill $SERVER 2>/dev/null || true; wait $SERVER 2>/dev/null || true; umount "$WORK/data/tetouan" 2>/dev/null || true; rm -rf "$WORK"' EXIT
# many comments from one loopback address
LIMITS="citizen_posts_per_hour=100000" source Benchmarks/serve-demo.sh
TENANT="$WORK/data/tetouan"
FAILURES=()
fail() { echo "FAILED: $*"; FAILURES+=("$*"); }

# tetouan's folder moves onto a tmpfs with 1 MB free
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
cp -a "$TENANT" "$WORK/tetouan-copy"
SIZE_KB=$(( $(du -sk "$TENANT" | cut -f1) + 1024 ))
mount -t tmpfs -o size=${SIZE_KB}k tmpfs "$TENANT"
cp -a "$WORK/tetouan-copy/." "$TENANT/"
start_server
echo "tetouan on a tmpfs of ${SIZE_KB} KB"

# posts one anonymous comment on the commune as a whole; prints the status and notes each acknowledged one
comment() {
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Sec-Fetch-Site: same-origin" \
    --data-urlencode "module=core" --data-urlencode "item=general" --data-urlencode "kind=comment" \
    --data-urlencode "body=$1 $(head -c 1500 /dev/zero | tr '\0' 'x')" --data-urlencode "name=Essai" --data-urlencode "website=" \
    "$BASE/feedback")
  [ "$status" = 303 ] && echo "$1" >> "$WORK/acknowledged"
  echo "$status"
}
expect() { # expect WHAT EXPECTED ACTUAL
  [ "$2" = "$3" ] && echo "ok: $1 ($3)" || fail "$1: expected $2, got $3"
}
stored() { sqlite3 "$TENANT/tenant.sqlite" "SELECT COUNT(*) FROM feedback WHERE author_name = 'Essai'"; }
other_tenant_works() {
  expect "tetouan-ieecag page" 200 "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/tetouan-ieecag/")"
  expect "tetouan-ieecag sign-in (a write)" 303 "$(sign_in "http://127.0.0.1:$PORT/tetouan-ieecag" bench@ieecag.test "$WORK/ieecag-jar")"
}
reads_work() {
  for path in / /plans /plans/2 /feedback /api/v1/plans; do
    expect "tetouan $path still reads" 200 "$(curl -s -o /dev/null -w '%{http_code}' -H 'Cache-Control: no-cache' "$BASE$path?fresh=$RANDOM")"
  done
}
echo "benchmark password" | .build/release/opencommune user create tetouan-ieecag --email bench@ieecag.test --role citizen --password-stdin >/dev/null

expect "comment before the fault" 303 "$(comment before)"

echo "== disk full"
dd if=/dev/zero of="$TENANT/filler" bs=4k 2>/dev/null || true
STATUSES=$(for n in $(seq 1 20); do comment "full $n"; done | sort | uniq -c | tr '\n' ' ')
echo "20 comments on a full disk: $STATUSES"
grep -q 503 <<<"$STATUSES" || fail "a full disk never answered 503"
grep -qE '(^| )50[^3]' <<<"$STATUSES" && fail "a full disk answered another 5xx"
MESSAGE=$(curl -s -H "Sec-Fetch-Site: same-origin" --data-urlencode "module=core" --data-urlencode "item=general" --data-urlencode "kind=comment" \
  --data-urlencode "body=message $(head -c 1500 /dev/zero | tr '\0' 'y')" --data-urlencode "name=Essai" "$BASE/feedback")
grep -q "Rien n’a été enregistré" <<<"$MESSAGE" && echo "ok: the 503 page says nothing was saved" || fail "the 503 page does not say nothing was saved"
reads_work
other_tenant_works
rm "$TENANT/filler"
expect "comment once the disk has room" 303 "$(comment after-full)"

echo "== read-only (the server restarted with tetouan's folder mounted read-only)"
# a busy tmpfs cannot be remounted read-only, so the server stops first: the tenant is then opened read-only
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
mount -o remount,ro "$TENANT"
start_server
STATUS=$(comment read-only)
[ "$STATUS" = 503 ] && echo "ok: comment on a read-only disk (503)" || fail "comment on a read-only disk: expected 503, got $STATUS"
PAGE=$(curl -s -w '\n%{http_code}' "$BASE/")
case "$(tail -n 1 <<<"$PAGE")" in
  200) echo "ok: tetouan / still reads (200)" ;;
  503) grep -q "momentanément indisponible" <<<"$PAGE" && echo "ok: tetouan / says it is unavailable (503)" || fail "503 without its page" ;;
  *) fail "tetouan / answered $(tail -n 1 <<<"$PAGE")" ;;
esac
other_tenant_works
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
mount -o remount,rw "$TENANT"
start_server
expect "comment once writable again" 303 "$(comment after-read-only)"

expect "comments stored = acknowledged" "$(wc -l < "$WORK/acknowledged")" "$(stored)"
kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
expect "integrity_check" ok "$(sqlite3 "$TENANT/tenant.sqlite" 'PRAGMA integrity_check')"
[ ${#FAILURES[@]} = 0 ] && echo "faults: ok" || { echo "faults: ${#FAILURES[@]} failed"; exit 1; }
