import CivicSDK
import GRDB

/// The plan tracker's tables in a tenant database. Migrations are append-only and hold literal
/// data: an app type may change after a migration has shipped, the migration must not.
enum PlanSchema {
    static func register(_ migrations: inout ModuleMigrations) {
        migrations.add("001-plan-commitment-activity") { db in
            try createPlanTables(db)
            try createProgressTables(db)
            try seedStatuses(db)
        }
        migrations.add("002-progress-evidence") { db in
            try db.alter(table: "progress_update") { t in
                t.add(column: "evidence", .text)
                t.add(column: "evidence_label", .text)
            }
        }
        migrations.add("003-revision") { db in
            try db.create(table: "plan_revision") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
                t.column("number", .integer).notNull()
                t.column("reason", .text).notNull()
                t.column("snapshot", .text).notNull()
                t.column("author", .text).notNull()
                t.column("created_at", .datetime).notNull()
                t.uniqueKey(["plan_id", "number"])
            }
        }
        migrations.add("004-indicator-dates") { db in
            // when an indicator's baseline was measured and when its target is due (YYYY-MM-DD)
            try db.alter(table: "plan_indicator") { t in
                t.add(column: "baseline_date", .text)
                t.add(column: "target_date", .text)
            }
        }
        migrations.add("005-budget") { db in
            // every amount is a dated line: planned (a revision adds a line, negative for a cut),
            // committed or spent, on the commitment or one of its activities, in the currency of its day
            try db.create(table: "budget_line") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("commitment_id", .integer).notNull().references("commitment", onDelete: .cascade)
                t.column("activity_id", .integer).references("activity", onDelete: .setNull)
                t.column("kind", .text).notNull().check(sql: "kind IN ('planned','committed','spent')")
                t.column("amount", .double).notNull().check(sql: "amount != 0 AND (kind = 'planned' OR amount > 0)")
                t.column("currency", .text).notNull().check(sql: "length(currency) = 3")
                t.column("date", .text).notNull()
                t.column("label", .text).notNull().defaults(to: "{}")
                t.column("evidence", .text)
                t.column("evidence_label", .text)
                t.column("sample", .boolean).notNull().defaults(to: false)
                t.column("author", .text).notNull()
                t.column("created_at", .datetime).notNull()
            }
            try db.create(index: "budget_line_commitment_date", on: "budget_line", columns: ["commitment_id", "date"])
            try db.create(index: "budget_line_date", on: "budget_line", columns: ["date"])
        }
        migrations.add("006-cocreation") { db in
            // a plan drafted with citizens: its public drafting phase (YYYY-MM-DD), and for each
            // commitment the proposal (a suggestion's id) it came from
            try db.alter(table: "plan") { t in
                t.add(column: "drafting_opens", .text)
                t.add(column: "drafting_closes", .text)
            }
            try db.alter(table: "commitment") { t in t.add(column: "proposal", .integer) }
        }
    }

    /// Statuses, the plan, its commitments and their activities.
    private static func createPlanTables(_ db: Database) throws {
        try db.create(table: "plan_status") { t in
            t.primaryKey("key", .text).check(sql: "key GLOB '[a-z]*' AND key NOT GLOB '*[^a-z_]*'")
            t.column("label", .text).notNull()
            t.column("progress", .integer).notNull().check(sql: "progress BETWEEN 0 AND 100")
            t.column("complete", .boolean).notNull().defaults(to: false)
            t.column("position", .integer).notNull().defaults(to: 0)
        }
        try db.create(table: "plan") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("title", .text).notNull()
            t.column("description", .text).notNull().defaults(to: "{}")
            t.column("start_year", .integer).notNull()
            t.column("end_year", .integer).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('draft','in_force','closed')")
            t.column("created_at", .datetime).notNull()
            t.column("updated_at", .datetime).notNull()
            t.check(sql: "start_year <= end_year")
        }
        try db.create(table: "commitment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("plan_id", .integer).notNull().references("plan", onDelete: .cascade)
            t.column("number", .integer).notNull().check(sql: "number > 0")
            t.column("title", .text).notNull()
            t.column("principles", .text).notNull().defaults(to: "")
            t.column("lead_services", .text).notNull().defaults(to: "{}")
            t.column("other_actors", .text).notNull().defaults(to: "{}")
            t.column("problem", .text).notNull().defaults(to: "{}")
            t.column("solution", .text).notNull().defaults(to: "{}")
            t.column("expected_results", .text).notNull().defaults(to: "{}")
            t.column("status", .text).notNull().references("plan_status", onDelete: .restrict)
            t.column("completion", .text).notNull().defaults(to: "not_started")
                .check(sql: "completion IN ('not_started','limited','substantial','complete')")
            t.column("published", .boolean).notNull().defaults(to: false)
            t.column("position", .integer).notNull().defaults(to: 0)
            t.column("updated_at", .datetime).notNull()
            t.uniqueKey(["plan_id", "number"])
        }
        try db.create(index: "commitment_plan_position", on: "commitment", columns: ["plan_id", "published", "position"])
        try db.create(table: "activity") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("commitment_id", .integer).notNull().references("commitment", onDelete: .cascade)
            t.column("title", .text).notNull()
            t.column("planned_start", .text).notNull()
            t.column("planned_end", .text).notNull()
            t.column("actual_start", .text)
            t.column("actual_end", .text)
            t.column("status", .text).notNull().references("plan_status", onDelete: .restrict)
            t.column("progress", .integer).notNull().defaults(to: 0).check(sql: "progress BETWEEN 0 AND 100")
            t.column("responsible", .text).notNull().defaults(to: "{}")
            t.column("deliverable", .text).notNull().defaults(to: "{}")
            t.column("position", .integer).notNull().defaults(to: 0)
            t.check(sql: "planned_start <= planned_end")
            t.check(sql: "actual_end IS NULL OR (actual_start IS NOT NULL AND actual_start <= actual_end)")
        }
        try db.create(index: "activity_commitment_position", on: "activity", columns: ["commitment_id", "position"])
    }

    /// Progress updates, indicators and their values.
    private static func createProgressTables(_ db: Database) throws {
        try db.create(table: "progress_update") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("commitment_id", .integer).notNull().references("commitment", onDelete: .cascade)
            t.column("activity_id", .integer).references("activity", onDelete: .setNull)
            t.column("date", .text).notNull()
            t.column("text", .text).notNull()
            t.column("new_progress", .integer).check(sql: "new_progress BETWEEN 0 AND 100")
            t.column("new_status", .text).references("plan_status", onDelete: .restrict)
            t.column("sample", .boolean).notNull().defaults(to: false)
            t.column("author", .text).notNull()
        }
        try db.create(index: "progress_update_commitment_date", on: "progress_update", columns: ["commitment_id", "date"])
        try db.create(table: "plan_indicator") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("commitment_id", .integer).notNull().references("commitment", onDelete: .cascade)
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('result','impact')")
            t.column("unit", .text).notNull().defaults(to: "{}")
            t.column("baseline", .double)
            t.column("target", .double)
            t.column("source", .text)
            t.column("position", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "plan_indicator_commitment", on: "plan_indicator", columns: ["commitment_id", "position"])
        try db.create(table: "plan_indicator_value") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("indicator_id", .integer).notNull().references("plan_indicator", onDelete: .cascade)
            t.column("date", .text).notNull()
            t.column("value", .double).notNull()
            t.uniqueKey(["indicator_id", "date"])
        }
    }

    /// The statuses a new plan starts with (editable afterwards in the console).
    private static func seedStatuses(_ db: Database) throws {
        let rows: [(key: String, label: String, progress: Int, complete: Bool)] = [
            ("not_started", #"{"ar":"لم يبدأ","en":"Not started","fr":"Pas commencé"}"#, 0, false),
            ("in_progress", #"{"ar":"في طور الإنجاز","en":"In progress","fr":"En cours"}"#, 50, false),
            ("delayed", #"{"ar":"متأخر","en":"Delayed","fr":"En retard"}"#, 25, false),
            ("completed", #"{"ar":"منجز","en":"Completed","fr":"Achevé"}"#, 100, true),
            ("cancelled", #"{"ar":"ملغى","en":"Cancelled","fr":"Abandonné"}"#, 0, true),
        ]
        for (position, row) in rows.enumerated() {
            try db.execute(sql: "INSERT INTO plan_status (key, label, progress, complete, position) VALUES (?, ?, ?, ?, ?)",
                           arguments: [row.key, row.label, row.progress, row.complete, position])
        }
    }
}
