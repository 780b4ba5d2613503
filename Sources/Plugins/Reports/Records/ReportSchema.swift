import CivicSDK
import GRDB

/// The reports archive's tables in a tenant database, with a full-text index of titles and summaries.
enum ReportSchema {
    static let defaultTypes: [(String, LocalizedText)] = [
        ("annual_report", ["fr": "Rapport annuel de mise en œuvre", "ar": "التقرير السنوي للتنفيذ", "en": "Annual implementation report"]),
        ("mid_term_review", ["fr": "Revue à mi-parcours", "ar": "مراجعة منتصف المدة", "en": "Mid-term review"]),
        ("self_assessment", ["fr": "Auto-évaluation", "ar": "تقييم ذاتي", "en": "Self-assessment"]),
        ("independent_assessment", ["fr": "Évaluation indépendante", "ar": "تقييم مستقل", "en": "Independent assessment"]),
        ("instance_report", ["fr": "Rapport d'instance", "ar": "تقرير هيئة", "en": "Instance report"]),
        ("council_minutes", ["fr": "Procès-verbal de séance du conseil", "ar": "محضر دورة المجلس", "en": "Council session minutes"]),
        ("other", ["fr": "Autre document", "ar": "وثيقة أخرى", "en": "Other document"]),
    ]

    static func register(_ migrations: inout ModuleMigrations) {
        migrations.add("001-report-file-deadline") { db in
            try db.create(table: "report_type") { t in
                t.primaryKey("key", .text).check(sql: "key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'")
                t.column("label", .text).notNull()
                t.column("position", .integer).notNull().defaults(to: 0)
            }
            for (position, (key, label)) in defaultTypes.enumerated() {
                try db.execute(sql: "INSERT INTO report_type (key, label, position) VALUES (?, ?, ?)", arguments: [key, label.json, position])
            }
            try db.create(table: "report") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                t.column("summary", .text).notNull().defaults(to: "{}")
                t.column("type", .text).notNull().references("report_type", onDelete: .restrict)
                t.column("period_start", .text)
                t.column("period_end", .text)
                t.column("year", .integer).notNull().check(sql: "year BETWEEN 1900 AND 2200")
                t.column("published_on", .text)
                t.column("languages", .text).notNull().defaults(to: "")
                t.column("status", .text).notNull().check(sql: "status IN ('draft','published','withdrawn')")
                t.column("withdrawn_reason", .text).notNull().defaults(to: "{}")
                t.column("sample", .boolean).notNull().defaults(to: false)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.check(sql: "status = 'draft' OR published_on IS NOT NULL")
            }
            try db.create(index: "report_status_year", on: "report", columns: ["status", "year", "type"])
            try db.create(table: "report_file") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("report_id", .integer).notNull().references("report", onDelete: .cascade)
                t.column("stored_name", .text).notNull().unique()
                t.column("label", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("size", .integer).notNull()
                t.column("sha256", .text).notNull()
                t.column("downloads", .integer).notNull().defaults(to: 0)
            }
            try db.create(index: "report_file_report", on: "report_file", columns: ["report_id"])
            try db.create(table: "expected_report") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("type", .text).notNull().references("report_type", onDelete: .restrict)
                t.column("label", .text).notNull()
                t.column("due_month", .integer).notNull().check(sql: "due_month BETWEEN 1 AND 12")
                t.column("due_day", .integer).notNull().check(sql: "due_day BETWEEN 1 AND 31")
                t.column("first_year", .integer).notNull().check(sql: "first_year BETWEEN 1900 AND 2200")
            }
            try db.execute(sql: "CREATE VIRTUAL TABLE report_search USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')")
        }
        migrations.add("002-report-link") { db in
            // items of other modules a report evidences, by their link-target id ("plans:commitment:2")
            try db.create(table: "report_link") { t in
                t.column("report_id", .integer).notNull().references("report", onDelete: .cascade)
                t.column("target", .text).notNull()
                t.primaryKey(["report_id", "target"])
            }
        }
        migrations.add("003-search-stems") { db in
            // the archive's filter finds words by their stems, as the site's search does ("rapports" finds
            // "rapport", "تقرير" finds "التقرير"): the index holds each report's stems beside its text
            try db.execute(sql: "DROP TABLE report_search")
            try db.execute(sql: "CREATE VIRTUAL TABLE report_search USING fts5(text, stems, tokenize = 'unicode61 remove_diacritics 2')")
            for row in try Row.fetchAll(db, sql: "SELECT id, title, summary FROM report") {
                try ReportSearch.index(db, id: row["id"], title: LocalizedText(json: row["title"]), summary: LocalizedText(json: row["summary"]))
            }
        }
        migrations.add("004-generated-report") { db in
            // a monitoring report the platform wrote from its data: its sections in every language and
            // its figures, frozen when published, and the introduction and conclusions staff wrote
            try db.create(table: "report_generated") { t in
                t.primaryKey("report_id", .integer).references("report", onDelete: .cascade)
                t.column("content", .text).notNull()
                t.column("introduction", .text).notNull().defaults(to: "{}")
                t.column("conclusions", .text).notNull().defaults(to: "{}")
                t.column("generated_at", .datetime).notNull()
            }
        }
    }
}
