#!/usr/bin/env bash
# Mail fan-out (README, "Mail"): a progress update on a commitment that 10,000 accounts follow.
#
#   Benchmarks/mail.sh        (FOLLOWERS=10000 by default; about two minutes)
#
# Serves the demo with mail sent over SMTP (msmtp) to a real SMTP server on loopback (aiosmtpd,
# Debian's python3-aiosmtpd, storing each mail in a Maildir), gives commitment 2 of tetouan
# FOLLOWERS confirmed followers, then measures:
#   - the editor's progress update, answered before any follower is told (the fan-out runs after
#     the answer, in the mail worker), against the same request with no follower;
#   - the editor's comments while the fan-out and the sending run, against the same before;
#   - the time until every mail reached the SMTP server, and the rate.
# Needs sqlite3, curl, msmtp and python3-aiosmtpd (apt-get install -y sqlite3 curl msmtp python3-aiosmtpd).
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18095
SMTP_PORT=18096
FOLLOWERS=${FOLLOWERS:-10000}
for tool in sqlite3 curl msmtp; do command -v $tool >/dev/null || { echo "install $tool" >&2; exit 1; }; done
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || { echo "install python3-aiosmtpd" >&2; exit 1; }

# aiosmtpd makes the Maildir itself (an existing empty folder is not one)
MAILDIR=$(mktemp -d)/maildir
/usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:$SMTP_PORT -c aiosmtpd.handlers.Mailbox "$MAILDIR" >/dev/null 2>&1 &
SMTPD=$!
LIMITS="citizen_posts_per_hour=100000" source Benchmarks/serve-demo.sh
trap 'kill $SERVER $SMTPD 2>/dev/null || true; rm -rf "$WORK" "$(dirname "$MAILDIR")"' EXIT
sed -i -e 's/^transport = .*/transport = "smtp"/' -e "s/^# smtp_host = .*/smtp_host = \"127.0.0.1\"/" \
       -e "s/^# smtp_port = .*/smtp_port = $SMTP_PORT/" -e 's/^# smtp_starttls = .*/smtp_starttls = false/' "$CONFIG"
restart_server
DB="$WORK/data/tetouan/tenant.sqlite"
COMMITMENT=$(sqlite3 "$DB" "SELECT id FROM commitment WHERE number = 2")
received() { { find "$MAILDIR/new" -type f 2>/dev/null || true; } | wc -l; }
now() { date +%s.%N; }
ms() { python3 -c "import sys; print(f'{(float(sys.argv[2]) - float(sys.argv[1])) * 1000:.1f}')" "$1" "$2"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# the time of one progress update (the console form, with its token), in ms
update() {
  local csrf
  csrf=$(curl -s -b "$WORK/jar" "$BASE/admin/plans/commitments/$COMMITMENT" | csrf_of)
  curl -s -b "$WORK/jar" -o /dev/null -w '%{time_total}\n' --data-urlencode "_csrf=$csrf" --data-urlencode "date=2026-11-20" \
    --data-urlencode "text.fr=Mise à jour $1" --data-urlencode "new_progress=$(( $1 % 100 ))" \
    "$BASE/admin/plans/commitments/$COMMITMENT/updates" | awk '{ printf "%.1f\n", $1 * 1000 }'
}
# the time of one comment on the commitment, in ms
comment() {
  local csrf
  csrf=$(curl -s -b "$WORK/jar" "$BASE/plans/2" | csrf_of)
  curl -s -b "$WORK/jar" -o /dev/null -w '%{time_total}\n' --data-urlencode "_csrf=$csrf" --data-urlencode "module=plans" \
    --data-urlencode "item=commitment:2" --data-urlencode "kind=comment" --data-urlencode "body=Commentaire $1 $(date +%N)" \
    "$BASE/feedback" | awk '{ printf "%.1f\n", $1 * 1000 }'
}

for i in 1 2 3; do update "$i" >/dev/null; comment "w$i" >/dev/null; done
STORED=$(sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM progress_update WHERE text LIKE '%Mise à jour 3%') || ' ' || (SELECT COUNT(*) FROM feedback WHERE body LIKE 'Commentaire w3%')")
[ "$STORED" = "1 1" ] || { echo "the warm-up update and comment were not stored ($STORED): see $WORK/server.log" >&2; exit 1; }
BEFORE_UPDATE=$(for i in $(seq 10 29); do update "$i"; done | median)
BEFORE_COMMENT=$(for i in $(seq 1 20); do comment "b$i"; done | median)
sleep 2
BASELINE_MAILS=$(received)

# FOLLOWERS confirmed accounts following commitment 2, written behind the server's back
sqlite3 "$DB" >/dev/null <<SQL
PRAGMA busy_timeout = 10000;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $FOLLOWERS)
INSERT INTO account (email, display_name, password_hash, created_at, confirmed_at, locale)
SELECT 'follower' || i || '@bench.test', 'Follower ' || i, 'x', datetime('now'), datetime('now'), CASE i % 3 WHEN 0 THEN 'ar' ELSE 'fr' END FROM n;
INSERT INTO follow (account_id, subject, title, path, created_at)
SELECT id, 'plans:commitment:2', '{"fr":"2. Suivi public"}', '/plans/2', datetime('now') FROM account WHERE email LIKE 'follower%@bench.test';
COMMIT;
SQL

START=$(now)
WITH_FOLLOWERS=$(update 1000)
DURING_COMMENT=$(for i in $(seq 1 20); do comment "d$i"; done | median)
FIRST=""
while [ "$(( $(received) - BASELINE_MAILS ))" -lt "$FOLLOWERS" ]; do
  [ -z "$FIRST" ] && [ "$(( $(received) - BASELINE_MAILS ))" -gt 0 ] && FIRST=$(now)
  sleep 0.2
  if [ "$(ms "$START" "$(now)" | cut -d. -f1)" -gt ${GIVE_UP_MS:-900000} ]; then
    echo "gave up: $(( $(received) - BASELINE_MAILS )) mails" >&2
    sqlite3 "$DB" "SELECT status, COUNT(*), MAX(last_error) FROM outbox GROUP BY status" >&2
    tail -n 5 "$WORK/server.log" >&2
    exit 1
  fi
done
END=$(now)
TOTAL_S=$(python3 -c "print(f'{($END - $START):.1f}')")
RATE=$(python3 -c "print(f'{$FOLLOWERS / ($END - $START):.0f}')")
echo "progress update, no follower:              p50 ${BEFORE_UPDATE} ms (20 requests)"
echo "progress update, $FOLLOWERS followers:        ${WITH_FOLLOWERS} ms"
echo "comment, before the fan-out:               p50 ${BEFORE_COMMENT} ms (20 requests)"
echo "comment, during the fan-out and sending:   p50 ${DURING_COMMENT} ms (20 requests)"
echo "first mail at the SMTP server after        $(ms "$START" "${FIRST:-$END}") ms"
echo "all $FOLLOWERS mails at the SMTP server after  ${TOTAL_S} s: ${RATE} mails/s"
