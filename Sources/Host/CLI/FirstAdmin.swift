import CivicSDK
/// Creates a platform admin with a generated password when none exists, so a fresh install can be administered.
enum FirstAdmin {
    static let email = "admin@localhost"

    static func ensure(_ services: HostServices) async throws -> (email: String, password: String)? {
        guard try await services.platform.pool.read({ try PlatformAdmins.count($0) }) == 0 else { return nil }
        let password = String(RandomToken.make().prefix(20))
        let hash = try await services.hasher.hash(password)
        let created = try await services.platform.pool.write { db in try PlatformAdmins.create(db, email: email, passwordHash: hash) }
        return created ? (email, password) : nil
    }
}
