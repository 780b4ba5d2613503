import Foundation
import GRDB

extension TenantRegistry {
    /// Copies the registry rows of `slugs` (tenant, host names, modules) from another host's
    /// `platform.sqlite`, restored at `copy`, in one transaction. Both hosts run the same
    /// release, so both files have the same columns in the same order; a copy that does not is refused.
    func adopt(_ slugs: [String], fromCopy copy: String) throws {
        try database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS copy", arguments: [copy])
            defer { try? db.execute(sql: "DETACH DATABASE copy") }
            let ours = try String.fetchAll(db, sql: "SELECT identifier FROM main.grdb_migrations ORDER BY identifier")
            let theirs = try String.fetchAll(db, sql: "SELECT identifier FROM copy.grdb_migrations ORDER BY identifier")
            guard ours == theirs else {
                throw TenantHandover.Refusal("the other host's registry has another schema (\(theirs.last ?? "none") against \(ours.last ?? "none")): run the same release on every host")
            }
            let marks = slugs.map { _ in "?" }.joined(separator: ", ")
            let arguments = StatementArguments(slugs)
            try db.inTransaction {
                // communes first (an instance's parent must exist): the list is in that order
                for slug in slugs {
                    try db.execute(sql: "INSERT INTO main.tenant SELECT * FROM copy.tenant WHERE slug = ?", arguments: [slug])
                }
                try db.execute(sql: "INSERT INTO main.tenant_host SELECT * FROM copy.tenant_host WHERE slug IN (\(marks))", arguments: arguments)
                try db.execute(sql: "INSERT INTO main.tenant_module SELECT * FROM copy.tenant_module WHERE slug IN (\(marks))", arguments: arguments)
                try db.execute(sql: "UPDATE registry_revision SET value = value + 1")
                return .commit
            }
        }
        try reload()
    }

    /// Removes `slugs` from the registry (instances before their commune), in one transaction.
    func forget(_ slugs: [String]) throws {
        try database.pool.write { db in
            for slug in slugs.reversed() { try db.execute(sql: "DELETE FROM tenant WHERE slug = ?", arguments: [slug]) }
            try db.execute(sql: "UPDATE registry_revision SET value = value + 1")
        }
        try reload()
    }

    /// Replaces the list of the tenants other hosts serve (see ``RemoteTenant``).
    func replaceDirectory(_ entries: [RemoteTenant]) throws {
        try database.pool.write { db in
            try db.execute(sql: "DELETE FROM cluster_directory")
            for entry in entries {
                try db.execute(sql: "INSERT INTO cluster_directory (slug, entry) VALUES (?, ?)",
                               arguments: [entry.slug, String(decoding: try JSONEncoder().encode(entry), as: UTF8.self)])
            }
            try db.execute(sql: "UPDATE registry_revision SET value = value + 1")
        }
        try reload()
    }
}
