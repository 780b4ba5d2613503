#!/usr/bin/env bash
# The platform's performance figures in one command (README, "Performance" and "Reliability").
#
#   Benchmarks/run.sh [pages] [writes] [tenants] [search]   (no argument: all four, about 15 minutes)
#
# pages    serves the demo with tetouan grown to a large commune (Benchmarks/large-tenant.sh: 50
#          commitments, 300 activities, 20 reports, 10,000 consultation respondents, 5,000 comments),
#          then loads each page with wrk on loopback, anonymous and signed in as an editor (both from
#          the page cache), next to nginx serving the plan page's bytes as a static file and a bare
#          Hummingbird route serving them from memory (bare-hummingbird) in the same run; then the
#          plan page read while citizens post 5 comments per second (Benchmarks/comments.py), and the
#          first rendering of pages after a change. Machines are noisy: the ratios are the figures.
# writes   Benchmarks/writes.py: concurrent comments and consultation answers, stored = acknowledged.
# tenants  Benchmarks/tenants.py: 1,000 tenants on one host: memory, open files, cold first request.
# search   the large tenant's search index: the first search after a change (which rebuilds it, with
#          every word stemmed) and signed-in queries (never cached) in French and Arabic, p50 and p99.
#
# Needs wrk, nginx, sqlite3, curl and python3 (apt-get install -y wrk nginx sqlite3 curl python3).
# DURATION (default 8s), THREADS (2) and CONNECTIONS (64) set the wrk run of each line.
set -euo pipefail
cd "$(dirname "$0")/.."
PARTS=${*:-pages writes tenants search}
DURATION=${DURATION:-8s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PORT=18090
NGINX_PORT=18091
BARE_PORT=18092
WRITES_PER_SECOND=${WRITES_PER_SECOND:-5}
for tool in wrk nginx sqlite3 curl python3; do
  command -v $tool >/dev/null || { echo "install $tool: apt-get install -y wrk nginx sqlite3 curl python3" >&2; exit 1; }
done

# serves the demo with tetouan grown to a large commune, freshly restarted (sets WORK, SERVER, BASE, SESSION)
serve_large_tenant() {
  # the per-address limits would answer most of the load with 429 from one loopback address
  LIMITS="api_requests_per_minute=100000000 citizen_posts_per_hour=100000000" source Benchmarks/serve-demo.sh
  SIZE=$(source Benchmarks/large-tenant.sh)
  echo "large tenant: $SIZE"
  restart_server
}

pages() {
  BARE=""
  trap 'kill $SERVER $BARE 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT
  swift build -c release --product bare-hummingbird >/dev/null
  serve_large_tenant

  mkdir -p "$WORK/www" "$WORK/tmp"
  curl -sf "$BASE/plans" > "$WORK/www/plan.html"
  cat > "$WORK/nginx.conf" <<NGINX
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/tmp; proxy_temp_path $WORK/tmp; fastcgi_temp_path $WORK/tmp; uwsgi_temp_path $WORK/tmp; scgi_temp_path $WORK/tmp;
  server { listen 127.0.0.1:$NGINX_PORT; root $WORK/www; default_type text/html; }
}
NGINX
  nginx -c "$WORK/nginx.conf"
  .build/release/bare-hummingbird "$WORK/www/plan.html" "$BARE_PORT" >/dev/null 2>&1 &
  BARE=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/plan.html"; do sleep 0.2; done

  ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
  row() { printf "%-48s %9s %8s %8s %8s %9s %9s %7s\n" "$@"; }
  read -r NGINX_RATE NGINX_P50 NGINX_P99 _ < <(measure "http://127.0.0.1:$NGINX_PORT/plan.html")
  read -r BARE_RATE BARE_P50 BARE_P99 _ < <(measure "http://127.0.0.1:$BARE_PORT/plan.html")
  kill "$BARE"
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION on loopback; plan page: $(wc -c < "$WORK/www/plan.html") bytes"
  row "what" "req/s" "× nginx" "× bare" "× anon." "p50" "p99" "non-2xx"
  row "nginx, plan page as a static file" "$NGINX_RATE" "1.00" "$(ratio "$NGINX_RATE" "$BARE_RATE")" "" "$NGINX_P50" "$NGINX_P99" "0"
  row "bare Hummingbird route, plan page from memory" "$BARE_RATE" "$(ratio "$BARE_RATE" "$NGINX_RATE")" "1.00" "" "$BARE_P50" "$BARE_P99" "0"
  declare -A ANONYMOUS
  for who in anonymous "signed in"; do
    for path in / /plans /plans/2 /reports /consultations/1/results /dashboard /api/v1/plans; do
      if [ "$who" = anonymous ]; then cookie=(); else cookie=(-H "Cookie: oc_session=$SESSION"); fi
      status=$(curl -s -o /dev/null -w '%{http_code}' "${cookie[@]}" "$BASE$path")
      [ "$status" = 200 ] || { echo "$BASE$path answered $status" >&2; exit 1; }
      read -r rate p50 p99 bad < <(measure "${cookie[@]}" "$BASE$path")
      if [ "$who" = anonymous ]; then ANONYMOUS[$path]=$rate; versus=""; else versus=$(ratio "$rate" "${ANONYMOUS[$path]}"); fi
      row "$who /tetouan$path" "$rate" "$(ratio "$rate" "$NGINX_RATE")" "$(ratio "$rate" "$BARE_RATE")" "$versus" "$p50" "$p99" "$bad"
    done
  done
  # citizens comment on commitment 2: its page shows the comments and renders again after each one;
  # the plan page does not show them and keeps being served from the cache
  for path in /plans /plans/2; do
    python3 Benchmarks/comments.py steady "$BASE" "$WRITES_PER_SECOND" "${DURATION%s}" > "$WORK/writer.out" &
    WRITER=$!
    read -r rate p50 p99 bad < <(measure "$BASE$path")
    wait "$WRITER"
    read -r written refused < "$WORK/writer.out"
    row "anonymous /tetouan$path, $WRITES_PER_SECOND comments/s" "$rate" "$(ratio "$rate" "$NGINX_RATE")" "$(ratio "$rate" "$BARE_RATE")" \
      "$(ratio "$rate" "${ANONYMOUS[$path]}")" "$p50" "$p99" "$bad"
    echo "  ($written comments stored during the run, $refused refused; × anon.: against the same reads without writes)"
  done
  echo "first rendering after a change, one request at a time (p50 / p90 of 30):"
  for path in / /plans/2 /dashboard; do
    printf "  %-48s %s\n" "/tetouan$path after a comment" "$(python3 Benchmarks/comments.py renders "$BASE" "$path" 30)"
  done
  # every request rendered, the values modules keep (plan overview, cards, results, figures) warm
  sed -i "s/^cached_pages_per_tenant = .*/cached_pages_per_tenant = 0/" "$CONFIG"
  restart_server
  echo "every request rendered (page cache off), one at a time (p50 / p99):"
  for path in / /plans /plans/2 /consultations/1/results /dashboard; do
    curl -sf -o /dev/null "$BASE$path"
    read -r _ p50 p99 _ < <(THREADS=1 CONNECTIONS=1 measure "$BASE$path")
    printf "  %-48s %s / %s\n" "/tetouan$path" "$p50" "$p99"
  done
  kill "$SERVER"; nginx -c "$WORK/nginx.conf" -s stop; rm -rf "$WORK"; trap - EXIT
}

search() {
  trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
  serve_large_tenant
  local started ended
  started=$(date +%s%N)
  curl -sf -o /dev/null "$BASE/api/v1/search?q=rapport"
  ended=$(date +%s%N)
  echo "first search, index rebuilt: $(( (ended - started) / 1000000 )) ms for $(sqlite3 "$WORK/data/tetouan/tenant.sqlite" 'SELECT COUNT(*) FROM search_index') items, $(sqlite3 "$WORK/data/tetouan/tenant.sqlite" 'SELECT COUNT(*) FROM feedback_search') comments and suggestions"
  for query in rapports "suivi%20des%20engagements" "%D8%A7%D9%84%D8%AA%D9%82%D8%B1%D9%8A%D8%B1" "calendrier%20budgets" "contribution%20motiv%C3%A9e"; do
    read -r rate p50 p99 _ < <(THREADS=1 CONNECTIONS=1 measure -H "Cookie: oc_session=$SESSION" "$BASE/search?q=$query")
    printf "  signed-in /tetouan/search?q=%-40s %6s req/s  p50 %s  p99 %s\n" "$query" "$rate" "$p50" "$p99"
  done
  kill "$SERVER"; rm -rf "$WORK"; trap - EXIT
}

# prints "req/s p50 p99 non-2xx"
measure() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    /Requests\/sec/ { r = int($2) } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { print r, p50, p99, bad + 0 }'
}

for part in $PARTS; do
  echo "== $part"
  case $part in
    pages) pages ;;
    search) search ;;
    writes) python3 Benchmarks/writes.py ;;
    tenants) python3 Benchmarks/tenants.py ;;
    *) echo "unknown part '$part': pages, writes, tenants or search" >&2; exit 2 ;;
  esac
done
