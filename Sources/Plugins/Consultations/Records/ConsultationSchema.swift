import CivicSDK
import GRDB

/// Tables of the consultations module. Answers are stored one row per value, so results are
/// counted by SQL `GROUP BY` over indexed columns, whatever the number of respondents.
enum ConsultationSchema {
    static func register(_ migrations: inout ModuleMigrations) {
        migrations.add("001-consultations") { db in
            try db.create(table: "consultation") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                t.column("description", .text).notNull()
                // link target id of the commitment or instance the consultation is about
                t.column("subject", .text)
                t.column("opens_at", .datetime).notNull()
                t.column("closes_at", .datetime).notNull()
                t.column("audience", .text).notNull().check(sql: "audience IN ('anyone','accounts')")
                t.column("status", .text).notNull().check(sql: "status IN ('draft','open','closed','published')")
                t.column("sample", .boolean).notNull().defaults(to: false)
                t.column("created_at", .datetime).notNull()
                t.column("updated_at", .datetime).notNull()
                t.check(sql: "closes_at > opens_at")
            }
            try db.create(index: "consultation_status", on: "consultation", columns: ["status", "opens_at"])
            try db.create(table: "consultation_question") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("consultation_id", .integer).notNull().references("consultation", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("type", .text).notNull()
                    .check(sql: "type IN ('section','short_text','long_text','single','multiple','scale','ranking','yes_no')")
                t.column("title", .text).notNull()
                t.column("help", .text).notNull()
                t.column("required", .boolean).notNull().defaults(to: false)
                t.column("min_choices", .integer).notNull().defaults(to: 0)
                t.column("max_choices", .integer).notNull().defaults(to: 0)
                t.column("scale_min", .integer).notNull().defaults(to: 1)
                t.column("scale_max", .integer).notNull().defaults(to: 5)
            }
            try db.create(index: "consultation_question_order", on: "consultation_question", columns: ["consultation_id", "position"])
            try db.create(table: "consultation_option") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("question_id", .integer).notNull().references("consultation_question", onDelete: .cascade)
                t.column("position", .integer).notNull()
                t.column("label", .text).notNull()
            }
            try db.create(index: "consultation_option_order", on: "consultation_option", columns: ["question_id", "position"])
            try db.create(table: "consultation_response") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("consultation_id", .integer).notNull().references("consultation", onDelete: .restrict)
                // "account:<id>" or "visitor:<random>" (from the signed cookie): one answer per person
                t.column("respondent", .text).notNull()
                t.column("account_id", .integer)
                t.column("receipt", .text).notNull().unique()
                t.column("locale", .text).notNull()
                t.column("submitted_at", .datetime).notNull()
                t.uniqueKey(["consultation_id", "respondent"])
            }
            try db.create(table: "consultation_answer") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("response_id", .integer).notNull().references("consultation_response", onDelete: .restrict)
                t.column("question_id", .integer).notNull().references("consultation_question", onDelete: .restrict)
                t.column("option_id", .integer)
                // scale value, rank (1 = first), or yes (1) / no (0)
                t.column("number", .integer)
                t.column("text", .text)
                t.column("hidden_at", .datetime)
                t.column("hidden_reason", .text)
            }
            try db.create(index: "consultation_answer_response", on: "consultation_answer", columns: ["response_id"])
            try db.create(index: "consultation_answer_respondents", on: "consultation_answer", columns: ["question_id", "response_id"])
            // covering indexes for the results: counted choices and listed texts are read without touching the table
            try db.create(index: "consultation_answer_choices", on: "consultation_answer", columns: ["question_id", "option_id", "number"],
                          condition: Column("text") == nil)
            try db.create(index: "consultation_answer_texts", on: "consultation_answer", columns: ["question_id", "id"],
                          condition: Column("text") != nil)
        }
    }
}
