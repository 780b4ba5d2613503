#!/usr/bin/env bash
# Results of the demo consultation with 10,000 respondents (about 60,000 answers): the results page
# from the page cache (anonymous) and computed per request (signed in: every hit runs the SQL
# aggregates), and the results as JSON. The answers are written straight into the tenant database.
# Usage: Benchmarks/consultation.sh     (needs wrk and sqlite3: apt-get install -y wrk sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-8s}
PORT=18096
command -v wrk >/dev/null || { echo "install wrk: apt-get install -y wrk" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "install sqlite3: apt-get install -y sqlite3" >&2; exit 1; }

trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
source Benchmarks/serve-demo.sh

sqlite3 "$WORK/data/tetouan/tenant.sqlite" <<'SQL'
PRAGMA busy_timeout = 5000;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO consultation_response (consultation_id, respondent, receipt, locale, submitted_at)
SELECT 1, 'visitor:bench' || i, 'bench' || i, 'fr', datetime('now') FROM n;
CREATE TEMP TABLE q AS SELECT position, id FROM consultation_question WHERE consultation_id = 1;
CREATE TEMP TABLE o AS SELECT q.position AS question, o.position AS position, o.id AS id
  FROM consultation_option o JOIN q ON q.id = o.question_id;
-- ranking (question 2): a permutation of its three options per respondent
INSERT INTO consultation_answer (response_id, question_id, option_id, number)
SELECT r.id, (SELECT id FROM q WHERE position = 2), o.id, 1 + ((o.position + r.id) % 3)
FROM consultation_response r JOIN o ON o.question = 2 WHERE r.consultation_id = 1;
-- multiple choice (question 3): one or two options
INSERT INTO consultation_answer (response_id, question_id, option_id)
SELECT r.id, (SELECT id FROM q WHERE position = 3), o.id
FROM consultation_response r JOIN o ON o.question = 3 WHERE r.consultation_id = 1 AND (o.position = 1 + r.id % 4 OR o.position = 1 + r.id % 3);
-- scale (question 4), yes/no (question 6), free text from one respondent in ten (question 7)
INSERT INTO consultation_answer (response_id, question_id, number) SELECT id, (SELECT id FROM q WHERE position = 4), 1 + id % 5
FROM consultation_response WHERE consultation_id = 1;
INSERT INTO consultation_answer (response_id, question_id, number) SELECT id, (SELECT id FROM q WHERE position = 6), id % 2
FROM consultation_response WHERE consultation_id = 1;
INSERT INTO consultation_answer (response_id, question_id, text) SELECT id, (SELECT id FROM q WHERE position = 7), 'Avis numéro ' || id
FROM consultation_response WHERE consultation_id = 1 AND id % 10 = 0;
UPDATE consultation SET status = 'published' WHERE id = 1;
COMMIT;
SELECT (SELECT COUNT(*) FROM consultation_response) || ' respondents, ' || (SELECT COUNT(*) FROM consultation_answer) || ' answers';
SQL

PAGE=$(curl -sf "$BASE/consultations/1/results")
grep -q '<svg class="bars"' <<<"$PAGE" || { echo "results page failed" >&2; exit 1; }
rate() { wrk -t2 -c64 -d"$DURATION" --latency "$@" | awk '/Requests\/sec/ { r=int($2) } / 50%/ { p50=$2 } / 99%/ { p99=$2 } END { print r " req/s, p50 " p50 ", p99 " p99 }'; }
echo "results, anonymous (page cache):       $(rate "$BASE/consultations/1/results")"
echo "results, signed in (SQL on every hit): $(rate -H "Cookie: oc_session=$SESSION" "$BASE/consultations/1/results")"
echo "results JSON, signed in:               $(rate -H "Cookie: oc_session=$SESSION" "$BASE/api/v1/consultations/1/results")"
echo "results, signed in, one connection:    $(rate -c1 -t1 -H "Cookie: oc_session=$SESSION" "$BASE/consultations/1/results")"
