import CivicSDK
import GRDB

/// Tables of the instances module, in the instance's own database.
enum InstanceSchema {
    static func register(_ migrations: inout ModuleMigrations) {
        migrations.add("001-instance") { db in
            try db.create(table: "instance_profile") { t in
                t.primaryKey("id", .integer).check(sql: "id = 1")
                t.column("legal_basis", .text).notNull()
                t.column("mission", .text).notNull()
                t.column("composition", .text).notNull()
                t.column("mandate_start", .text)
                t.column("mandate_end", .text)
                t.column("contact", .text).notNull()
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(table: "instance_member") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("name", .text).notNull()
                t.column("role", .text).notNull().check(sql: "role IN ('president','rapporteur','member')")
                t.column("quality", .text).notNull()
                t.column("started_on", .text).notNull()
                t.column("ended_on", .text)
                t.column("photo", .text)
                t.column("photo_alt", .text).notNull()
                t.column("sample", .boolean).notNull().defaults(to: false)
                t.check(sql: "ended_on IS NULL OR ended_on >= started_on")
            }
            try db.create(index: "instance_member_current", on: "instance_member", columns: ["ended_on", "role"])
            try db.create(table: "instance_meeting") { t in
                t.autoIncrementedPrimaryKey("id")
                // local date-time as the instance announces it, `YYYY-MM-DDTHH:MM`
                t.column("starts_at", .text).notNull()
                t.column("place", .text).notNull()
                t.column("agenda", .text).notNull()
                t.column("status", .text).notNull().check(sql: "status IN ('planned','held','cancelled')")
                t.column("minutes_text", .text).notNull()
                t.column("minutes_file", .text)
                t.column("attendance", .integer).check(sql: "attendance IS NULL OR attendance >= 0")
                t.column("sample", .boolean).notNull().defaults(to: false)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(index: "instance_meeting_date", on: "instance_meeting", columns: ["starts_at"])
            try db.create(table: "instance_opinion") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("title", .text).notNull()
                t.column("adopted_on", .text).notNull()
                t.column("subject", .text).notNull()
                t.column("body", .text).notNull()
                t.column("file", .text)
                t.column("follow_up", .text).check(sql: "follow_up IS NULL OR follow_up IN ('received','under_study','taken','not_taken')")
                t.column("follow_up_reason", .text).notNull()
                t.column("follow_up_on", .text)
                t.column("sample", .boolean).notNull().defaults(to: false)
                t.column("updated_at", .datetime).notNull()
            }
            try db.create(index: "instance_opinion_date", on: "instance_opinion", columns: ["adopted_on"])
        }
    }
}
