import CivicSDK
import Foundation
import GRDB
import Synchronization

/// This host's part in handing tenants over between hosts: freezing one it gives away, adopting one
/// from the replica another host left, releasing one it gave away, and rewinding one to an earlier
/// time. A commune always travels with its consultative instances (its pages read their digests).
///
/// The data directory is replicated by Litestream's directory watcher (deploy/litestream.yml),
/// which takes every file named `tenant.sqlite`: restored copies wait under `.handover/` as
/// `tenant.restored`, and released tenants go to `.released/` as `tenant.sqlite.released`, so
/// that neither is replicated.
struct TenantHandover: Sendable {
    let services: HostServices
    let settings: ClusterSettings

    /// A refused handover (unknown tenant, an instance alone, a tenant already here); nothing was changed.
    struct Refusal: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    private var litestream: Litestream { Litestream(settings: settings) }
    private var data: String { services.config.dataDirectory }
    private func path(_ parts: String...) -> String { parts.reduce(data) { ($0 as NSString).appendingPathComponent($1) } }
    private func database(_ slug: String) -> String { path(slug, "tenant.sqlite") }

    /// The commune `slug` and its instances, as this host serves them.
    func family(_ slug: String) throws -> [String] {
        guard let entry = services.registry.entry(slug) else { throw Refusal("this host does not serve tenant \(slug)") }
        if let parent = entry.tenant.parentSlug {
            throw Refusal("\(slug) is a consultative instance of \(parent): it moves with its commune, move \(parent)")
        }
        return [slug] + services.registry.instances(of: slug).map(\.tenant.slug)
    }

    /// Turns the commune and its instances read-only, writes the fence row in each as the last
    /// change, waits until the replica holds it, and stops replicating them: from here, the replica
    /// is the tenants' whole state, and no other host writes it until the new host replicates them.
    /// Returns the fence token. Called off by ``thaw(_:)``.
    func freeze(_ slug: String) throws -> String {
        let family = try family(slug)
        let fence = RandomToken.make()
        do {
            for member in family { try services.pools.freeze(member, fence: fence) }
            // side by side: the registry (names, modules, settings), read by the new host from this
            // host's replica, synced; each tenant synced, then stopped (a stop alone does not wait for
            // the first copy of a tenant created a moment ago)
            try Self.allAtOnce([path("platform.sqlite")] + family.map(database)) { database in
                try litestream.syncAndWait(database)
                if !database.hasSuffix("platform.sqlite") { try litestream.stop(database) }
            }
        } catch {
            try? thaw(slug)
            throw error
        }
        return fence
    }

    /// Ends a freeze: the tenants are replicated and take changes again.
    func thaw(_ slug: String) throws {
        let family = try family(slug)
        var failure: (any Error)?
        for member in family {
            do { try litestream.start(database(member)) } catch { failure = failure ?? error }
            services.pools.thaw(member)
        }
        if let failure { throw failure }
    }

    /// Restores the commune `slug` and its instances from the replicas host `from` left (its
    /// registry included), as late as they go, checks each copy (`integrity_check`, and the fence
    /// row when a move wrote one), then serves them here, replicated and taking changes. Returns
    /// the slugs adopted. Nothing is installed unless every copy passed. (An earlier state is
    /// reached after, by ``rewind(_:to:)``: a copy older than the replica must not continue it.)
    func adopt(_ slug: String, from host: String, fence: String?, files source: Placement.Host?) throws -> [String] {
        guard ClusterSettings.isName(host) else { throw Refusal("'\(host)' is not a host name") }
        guard services.registry.entry(slug) == nil else { throw Refusal("this host already serves \(slug)") }
        return try withStaging(slug) { staging in try adopt(slug, from: host, fence: fence, files: source, staging: staging) }
    }

    private func adopt(_ slug: String, from host: String, fence: String?, files source: Placement.Host?, staging: String) throws -> [String] {
        let registryCopy = (staging as NSString).appendingPathComponent("platform.restored")
        do { try litestream.restore(settings.platformReplica(of: host), to: registryCopy) } catch {
            throw Refusal("the registry of host \(host) cannot be restored from \(settings.platformReplica(of: host)): \(error)")
        }
        let family = try DatabaseQueue(path: registryCopy).read { db in
            try String.fetchAll(db, sql: "SELECT slug FROM tenant WHERE slug = ? OR parent_slug = ? ORDER BY parent_slug IS NOT NULL, slug",
                                arguments: [slug, slug])
        }
        guard family.first == slug else { throw Refusal("host \(host)'s registry has no commune \(slug)") }
        for member in family where services.registry.entry(member) != nil || FileManager.default.fileExists(atPath: path(member)) {
            throw Refusal("this host already has tenant \(member) (in its registry or its data folder)")
        }
        // side by side: the tenant's folder to be, with its files and its database under a name the watcher ignores
        try Self.allAtOnce(family) { member in
            let folder = (staging as NSString).appendingPathComponent(member)
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try restoreChecked(member, to: (folder as NSString).appendingPathComponent("tenant.restored"), fence: fence, at: nil)
            if let source { try copyFiles(member, from: source, into: folder, staging: staging) }
        }
        var installed: [String] = []
        do {
            for member in family {
                try FileManager.default.moveItem(atPath: (staging as NSString).appendingPathComponent(member), toPath: path(member))
                installed.append(member)
                try FileManager.default.moveItem(atPath: path(member, "tenant.restored"), toPath: database(member))
            }
            try services.registry.adopt(family, fromCopy: registryCopy)
            family.forEach(services.replaced)
            for member in family { try litestream.register(database(member), replica: settings.tenantReplica(member)) }
        } catch {
            // nothing half-done: the source keeps the tenants, this host forgets them
            try? services.registry.forget(family.filter { services.registry.entry($0) != nil })
            for member in installed {
                services.pools.release(member)
                try? litestream.unregister(database(member))
                try? FileManager.default.removeItem(atPath: path(member))
            }
            throw error
        }
        return family
    }

    /// Copies a moving tenant's files (uploads, outbox) from the host giving it away: Litestream
    /// replicates databases only. Blocks its thread (handovers run on threads of their own).
    private func copyFiles(_ slug: String, from source: Placement.Host, into folder: String, staging: String) throws {
        let archive = (staging as NSString).appendingPathComponent("\(slug).tar")
        try ClusterClient(token: settings.token).downloadFiles(source, slug: slug, to: archive)
        try Self.tar(["-xf", archive, "-C", folder])
    }

    /// The tenant's files (everything in its folder but its database), as a tar archive written to
    /// `archive`, for the host it moves to. Only while it is frozen, so that nothing changes meanwhile.
    func archiveFiles(_ slug: String, to archive: String) throws {
        guard services.registry.entry(slug) != nil else { throw Refusal("this host does not serve tenant \(slug)") }
        guard services.pools.isFrozen(slug) else { throw Refusal("\(slug) is not frozen: its files are handed over only during a move") }
        try Self.tar(["-cf", archive, "-C", path(slug), "--exclude=./tenant.sqlite*", "--exclude=./.tenant.sqlite-litestream", "."])
    }

    /// Runs `work` on every item at once (each mostly waits on Litestream or the network), and
    /// throws the first failure once all are done.
    private static func allAtOnce(_ items: [String], _ work: @Sendable (String) throws -> Void) throws {
        let failures = Mutex<[any Error]>([])
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            do { try work(items[index]) } catch { failures.withLock { $0.append(error) } }
        }
        if let failure = failures.withLock({ $0.first }) { throw failure }
    }

    private static func tar(_ arguments: [String]) throws {
        try ExternalCommand.runWaiting("tar", arguments)
    }

    /// Restores one tenant's replica into `copy` and checks it; a move's fence must be there
    /// (the replica was synced before the freeze returned, so a missing fence is a fault, not a delay).
    private func restoreChecked(_ slug: String, to copy: String, fence: String?, at timestamp: Date?) throws {
        do { try litestream.restore(settings.tenantReplica(slug), to: copy, at: timestamp) } catch {
            throw Refusal("tenant \(slug) cannot be restored from \(settings.tenantReplica(slug)): \(error)")
        }
        let queue = try DatabaseQueue(path: copy)
        let (integrity, fenced) = try queue.read { db in
            (try String.fetchAll(db, sql: "PRAGMA integrity_check"),
             try fence.map { try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM handover_fence WHERE token = ?)", arguments: [$0]) ?? false })
        }
        try queue.close()
        guard integrity == ["ok"] else { throw Refusal("the copy of \(slug) restored from its replica fails integrity_check: \(integrity.prefix(3).joined(separator: "; "))") }
        if fenced == false { throw Refusal("the copy of \(slug) restored from its replica lacks the last change its host wrote before the move") }
    }

    /// Forgets the commune and its instances once another host serves them: out of the registry,
    /// pools closed, files set aside under `.released/` (not replicated, kept for the operator).
    func release(_ slug: String) throws -> [String] {
        let family = try family(slug)
        guard family.allSatisfy(services.pools.isFrozen) else { throw Refusal("\(slug) is not frozen: move it with `opencommune tenant move`, which freezes it first") }
        try services.registry.forget(family)
        let stamp = Int(Date().timeIntervalSince1970)
        for member in family {
            services.pools.release(member)
            services.pools.thaw(member)
            services.replaced(member)
            try? litestream.unregister(database(member))
            // renamed in place first, so the watcher never sees a file named tenant.sqlite under .released/
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: database(member) + suffix) {
                try FileManager.default.moveItem(atPath: database(member) + suffix, toPath: database(member) + ".released" + suffix)
            }
            let aside = path(".released", "\(member)-\(stamp)")
            try FileManager.default.createDirectory(atPath: (aside as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try FileManager.default.moveItem(atPath: path(member), toPath: aside)
        }
        return family
    }

    /// Puts one tenant (a commune or an instance) back as it was at `timestamp`, here, from its replica.
    ///
    /// The restored copy is written into the live database with SQLite's backup API, as one more
    /// transaction: Litestream replicates it like any change, so the replica's history stays whole
    /// (the state before the rewind can itself be restored).
    func rewind(_ slug: String, to timestamp: Date) throws {
        guard services.registry.entry(slug) != nil else { throw Refusal("this host does not serve tenant \(slug)") }
        try withStaging(slug) { staging in
            let copy = (staging as NSString).appendingPathComponent("\(slug).restored")
            // frozen while the earlier copy is made: a change taken meanwhile would be silently overwritten
            try services.pools.freeze(slug, fence: RandomToken.make())
            defer { services.pools.thaw(slug) }
            try litestream.syncAndWait(database(slug))
            try restoreChecked(slug, to: copy, fence: nil, at: timestamp)
            let earlier = try DatabaseQueue(path: copy)
            try earlier.read { source in
                try services.pools.writeWhileFrozen(slug) { live in try source.backup(to: live) }
            }
        }
        services.replaced(slug)
    }

    /// Runs `work` with a folder of its own under `.handover/` for restored copies, removed after.
    private func withStaging<T>(_ slug: String, _ work: (String) throws -> T) throws -> T {
        let staging = path(".handover", "\(slug)-\(RandomToken.make().prefix(8))")
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        return try work(staging)
    }
}
