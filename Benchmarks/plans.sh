#!/usr/bin/env bash
# Throughput of {root}/plans with 50 commitments and 300 activities, from the page cache (anonymous)
# and rendered per request (signed in). The data is loaded through the plan's own CSV import.
# Usage: Benchmarks/plans.sh     (needs wrk and python3: apt-get install -y wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8s}
PORT=18095
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }

trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
source Benchmarks/serve-demo.sh

# 49 more commitments of 6 activities each, next to the demo's commitment 2 and its 4 activities
curl -s "$BASE/plans/export.csv" > "$WORK/export.csv"
python3 - "$WORK/export.csv" "$WORK/import.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
header = rows[0]
out = [header] + rows[1:]
def line(**values):
    return [values.get(column.replace(".", "_"), "") for column in header]
number = 2
for n in range(49):
    number += 1 if number != 1 else 2
    out.append(line(type="commitment", number=str(number), position=str(number), title_fr=f"Engagement de test {number}",
                    principles="transparency;participation", lead_services_fr="Service des études", status="in_progress",
                    completion="limited", published="true"))
    for a in range(6):
        out.append(line(type="activity", number=str(number), position=str(a), title_fr=f"Activité {a + 1} de l'engagement {number}",
                        planned_start=f"202{4 + a // 3}-0{1 + a}", planned_end=f"202{4 + a // 3}-0{3 + a}", status="in_progress",
                        progress=str((a * 17) % 100)))
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(out)
PY
CSRF=$(curl -s -b "oc_session=$SESSION" "$BASE/admin/plans/import" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -s -b "oc_session=$SESSION" -F "_csrf=$CSRF" -F "file=@$WORK/import.csv;type=text/csv" "$BASE/admin/plans/import" \
  | grep -o 'Import terminé[^<]*' || { echo "import failed" >&2; exit 1; }
COMMITMENTS=$(curl -s "$BASE/api/v1/plans" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d["commitments"]), sum(len(c["activities"]) for c in d["commitments"]))')
echo "plan: $COMMITMENTS (commitments, activities)"

rate() { wrk -t2 -c64 -d"$DURATION" --latency "$@" | awk '/Requests\/sec/ { r=int($2) } / 50%/ { p50=$2 } / 99%/ { p99=$2 } END { print r " req/s, p50 " p50 ", p99 " p99 }'; }
echo "anonymous (page cache):      $(rate "$BASE/plans")"
echo "signed in (rendered per hit): $(rate -H "Cookie: oc_session=$SESSION" "$BASE/plans")"
echo "commitment sheet, signed in:  $(rate -H "Cookie: oc_session=$SESSION" "$BASE/plans/2")"
