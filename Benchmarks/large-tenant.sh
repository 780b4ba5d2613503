# Sourced by Benchmarks/run.sh after serve-demo.sh: grows the demo commune tetouan to the size of a
# real, busy one. Needs BASE, SESSION (an editor) and WORK; uses curl, python3 and sqlite3.
#   - action plan: 50 commitments and 300 activities, through the plan's own CSV import;
#   - reports archive: 20 published reports (the demo's one and 19 more, 2007–2025);
#   - the demo consultation: 10,000 respondents (about 68,000 answers), results published;
#   - 5,000 comments and suggestions over twelve months on commitments, activities, reports and the
#     commune as a whole, two suggestions in three answered with a reasoned outcome.
# Reports, answers and comments are written straight into the tenant database (the import path is
# measured by the tests); the caller restarts the server afterwards so no cache predates them.

# 49 more commitments next to the demo's commitment 2 and its 4 activities: 296 activities
curl -sf -b "oc_session=$SESSION" "$BASE/plans/export.csv" > "$WORK/export.csv"
python3 - "$WORK/export.csv" "$WORK/import.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
header = rows[0]
out = [header] + rows[1:]
def line(**values):
    return [values.get(column.replace(".", "_"), "") for column in header]
numbers = [n for n in range(1, 51) if n != 2]
for index, number in enumerate(numbers):
    out.append(line(type="commitment", number=str(number), position=str(number), title_fr=f"Engagement de test {number}",
                    title_ar=f"التزام تجريبي {number}", principles="transparency;participation",
                    lead_services_fr="Service des études", status="in_progress", completion="limited", published="true"))
    for a in range(7 if index < 2 else 6):
        out.append(line(type="activity", number=str(number), position=str(a), title_fr=f"Activité {a + 1} de l'engagement {number}",
                        planned_start=f"202{4 + a // 4}-0{1 + a}", planned_end=f"202{4 + a // 4}-0{3 + a}", status="in_progress",
                        progress=str((a * 17 + number) % 100)))
csv.writer(open(sys.argv[2], "w", encoding="utf-8", newline="")).writerows(out)
PY
CSRF=$(curl -s -b "oc_session=$SESSION" "$BASE/admin/plans/import" | csrf_of)
curl -s -b "oc_session=$SESSION" -F "_csrf=$CSRF" -F "file=@$WORK/import.csv;type=text/csv" "$BASE/admin/plans/import" \
  | grep -q 'Import terminé' || { echo "plan import failed" >&2; exit 1; }

sqlite3 "$WORK/data/tetouan/tenant.sqlite" <<'SQL'
.timeout 5000
BEGIN;
-- reports
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
INSERT INTO report (title, summary, type, year, published_on, languages, status, created_at, updated_at)
SELECT json_object('fr', 'Rapport de suivi ' || (2006 + i), 'ar', 'تقرير التتبع ' || (2006 + i), 'en', 'Monitoring report ' || (2006 + i)),
       json_object('fr', 'Bilan de l''année ' || (2006 + i) || ' : engagements, activités et participation citoyenne.'),
       CASE i % 3 WHEN 0 THEN 'annual_report' WHEN 1 THEN 'self_assessment' ELSE 'council_minutes' END, 2006 + i, (2007 + i) || '-03-31', 'fr,ar', 'published',
       datetime('now'), datetime('now')
FROM n;
INSERT INTO report_search (rowid, text)
SELECT id, json_extract(title, '$.fr') || ' ' || json_extract(title, '$.ar') || ' ' || json_extract(summary, '$.fr') FROM report
WHERE id NOT IN (SELECT rowid FROM report_search);

-- consultation answers: 10,000 respondents
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO consultation_response (consultation_id, respondent, receipt, locale, submitted_at)
SELECT 1, 'visitor:bench' || i, 'bench' || i, CASE WHEN i % 3 = 0 THEN 'ar' ELSE 'fr' END, datetime('now', '-' || (i % 60) || ' days') FROM n;
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

-- comments and suggestions: 5,000 over the last twelve months
CREATE TEMP TABLE subject AS
  SELECT 'plans' AS module, 'commitment:' || number AS item FROM commitment
  UNION ALL SELECT 'plans', 'activity:' || id FROM activity
  UNION ALL SELECT 'reports', 'report:' || id FROM report
  UNION ALL SELECT 'core', 'general';
CREATE TEMP TABLE numbered AS SELECT row_number() OVER () - 1 AS k, module, item FROM subject;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
INSERT INTO feedback (module, item, kind, body, author_name, locale, channel, received_at, body_hash)
SELECT s.module, s.item, CASE WHEN i % 3 = 0 THEN 'comment' ELSE 'suggestion' END,
       'Contribution citoyenne numéro ' || i || ' : il faudrait publier le calendrier des travaux et les budgets de chaque activité.',
       'Citoyen ' || i, CASE WHEN i % 4 = 0 THEN 'ar' ELSE 'fr' END,
       CASE i % 10 WHEN 0 THEN 'hearing' WHEN 1 THEN 'paper' WHEN 2 THEN 'email' ELSE 'online' END,
       datetime('now', '-' || (i % 365) || ' days', '-' || (i % 1440) || ' minutes'), hex(randomblob(16))
FROM n JOIN numbered s ON s.k = i % (SELECT COUNT(*) FROM numbered);
INSERT INTO feedback_response (feedback_id, outcome, reason, responder_name, responded_at)
SELECT id, CASE id % 5 WHEN 0 THEN 'adopted' WHEN 1 THEN 'partly_adopted' WHEN 2 THEN 'not_adopted' WHEN 3 THEN 'already_planned' ELSE 'out_of_scope' END,
       json_object('fr', 'Réponse motivée de la commune à la contribution ' || id || '.'), 'Service de la communication',
       datetime(received_at, '+' || (id % 30) || ' days')
FROM feedback WHERE kind = 'suggestion' AND id % 3 != 0 AND body LIKE 'Contribution citoyenne%';
-- rows written here skip FeedbackStore, which keeps the comments' search index: the server fills it
-- again from every entry when it next opens the database, as it did when the migration first ran
DROP TABLE feedback_search;
DELETE FROM grdb_migrations WHERE identifier = 'core/008-feedback-search';
COMMIT;
SELECT (SELECT COUNT(*) FROM commitment) || ' commitments, ' || (SELECT COUNT(*) FROM activity) || ' activities, '
    || (SELECT COUNT(*) FROM report WHERE status = 'published') || ' reports, '
    || (SELECT COUNT(*) FROM consultation_response) || ' respondents (' || (SELECT COUNT(*) FROM consultation_answer) || ' answers), '
    || (SELECT COUNT(*) FROM feedback) || ' comments and suggestions (' || (SELECT COUNT(*) FROM feedback_response) || ' answered)';
SQL
