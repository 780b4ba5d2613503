import GRDB

extension DatabaseError {
    /// Whether the statement broke a UNIQUE constraint (a slug or a number already taken). Writers
    /// insert and catch this, rather than check first and race another writer between the two.
    public var isUniqueViolation: Bool { extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE }
}
