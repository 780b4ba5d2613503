/// Values computed from a tenant's content (a consultation's results, a plan's overview), kept by the
/// host until a write changes a table their computation read (see ``ReadLedger``), so an expensive
/// part of a page is computed once per version of what it reads, not once per rendering.
public protocol ContentMemo: Sendable {
    /// The value kept under `key` for `tenant` if nothing it read has changed since, else `compute`'s
    /// (then kept). A page that uses it reads what computing it read.
    func value<T: Sendable>(_ key: String, tenant: String, compute: () async throws -> T) async rethrows -> T
}

extension CivicContext {
    /// `compute`'s value, computed once per version of the content it reads. `key` names the value
    /// within the module and must say everything it depends on besides the tenant's content (the
    /// item's id, the day); the value must be the same for every visitor.
    public func memoised<T: Sendable>(_ key: String, _ compute: () async throws -> T) async rethrows -> T {
        try await request.host.memo.value("\(module ?? "core")|\(key)", tenant: tenant.slug, compute: compute)
    }
}
