#!/usr/bin/env bash
# HTTP throughput of the demo pages, anonymous (page cache) and signed in (rendered per request),
# next to nginx serving the same bytes as a static file on the same machine.
# Usage: Benchmarks/http.sh            (needs wrk and nginx: apt-get install -y wrk nginx)
# Machines are noisy: read each page's ratio to nginx in the same run, not the absolute numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
PORT=18090
NGINX_PORT=18091
for tool in wrk nginx; do command -v $tool >/dev/null || { echo "install $tool: apt-get install -y wrk nginx" >&2; exit 1; }; done

trap 'kill $SERVER 2>/dev/null || true; nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true; rm -rf "$WORK"' EXIT
source Benchmarks/serve-demo.sh

# nginx serves the plan-d-action page's bytes as a static file
mkdir -p "$WORK/www"
curl -s "http://127.0.0.1:$PORT/tetouan/pages/plan-d-action" > "$WORK/www/page.html"
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
mkdir -p "$WORK/tmp"
nginx -c "$WORK/nginx.conf"
sleep 0.5

rate() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@" | awk '/Requests\/sec/ { print int($2) }'; }
latency() { wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '/ 50%/ { p50=$2 } / 99%/ { p99=$2 } END { print p50 " / " p99 }'; }

NGINX_RATE=$(rate "http://127.0.0.1:$NGINX_PORT/page.html")
printf "%-42s %10s %8s\n" "what" "req/s" "× nginx"
printf "%-42s %10s %8s\n" "nginx, same page as a static file" "$NGINX_RATE" "1.00"
for path in /tetouan/ /tetouan/pages /tetouan/pages/plan-d-action /tetouan/api/v1/pages; do
  R=$(rate "http://127.0.0.1:$PORT$path")
  printf "%-42s %10s %8s\n" "anonymous $path" "$R" "$(awk "BEGIN { printf \"%.2f\", $R / $NGINX_RATE }")"
done
for path in /tetouan/ /tetouan/pages/plan-d-action; do
  R=$(rate -H "Cookie: oc_session=$SESSION" "http://127.0.0.1:$PORT$path")
  printf "%-42s %10s %8s\n" "signed in $path" "$R" "$(awk "BEGIN { printf \"%.2f\", $R / $NGINX_RATE }")"
done
echo "latency p50 / p99, anonymous page:  $(latency "http://127.0.0.1:$PORT/tetouan/pages/plan-d-action")"
echo "latency p50 / p99, signed-in page:  $(latency -H "Cookie: oc_session=$SESSION" "http://127.0.0.1:$PORT/tetouan/pages/plan-d-action")"
