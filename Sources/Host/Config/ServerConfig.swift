import Foundation
import TOMLKit

/// Server settings: `config/opencommune.toml`, then environment variables, then command-line flags.
struct ServerConfig: Sendable {
    var hostname = "127.0.0.1"
    var port = 8080
    var dataDirectory = "tenants"
    /// Folder of `*.toml` tenant provisioning files, applied at boot; `nil` to skip.
    var provisioningDirectory: String? = "config/tenants"
    var defaultLocale = "fr"
    var maxBodyBytes = 1_048_576
    var maxUploadBytes = 10_485_760
    var openTenantDatabases = 64
    var loginAttempts = 5
    var loginWindowSeconds = 900
    /// Comments, suggestions and answers a citizen (one address, one account) may send per hour.
    var citizenPostsPerHour = 10
    /// API requests per minute from one address.
    var apiRequestsPerMinute = 600
    /// Seconds a connection may stay silent (a slow or stalled client) before it is closed.
    var idleTimeoutSeconds = 30
    var bcryptCost: UInt8 = 12
    var secureCookies = false
    var sessionDays = 14
    var cachedPagesPerTenant = 256
    var pageCacheMegabytes = 64
    /// Accounts one address may register per hour (each costs a bcrypt hash).
    var registrationsPerHour = 5
    /// Edits of one's own comments per hour (each stores a revision).
    var commentEditsPerHour = 20
    /// The platform's canonical address (`https://opencommune.example`), the base of every absolute
    /// link (feeds, calendars) for the platform and the tenants reached by path; `nil` means
    /// `http://{hostname}:{port}`. Never taken from a request's `Host` header.
    var publicURL: String?
    /// Addresses of the reverse proxies whose `X-Forwarded-For` / `Forwarded` headers are believed.
    var trustedProxies = AddressList([])
    /// `Strict-Transport-Security` max-age in seconds; `nil` means a year when ``publicURL`` is https, none otherwise.
    var hstsMaxAge: Int?
    /// Who may read `/metrics`: these addresses, or anyone with ``metricsToken`` as a bearer token.
    var metricsAllowed = AddressList(["127.0.0.1", "::1"])
    var metricsToken: String?

    /// ``publicURL`` or the address the server listens on, without a trailing slash.
    /// How mail is sent.
    var mail = MailSettings()
    /// This host's part in a cluster; `nil` on a single host.
    var cluster: ClusterSettings?

    var canonicalURL: String { publicURL ?? "http://\(hostname.contains(":") ? "[\(hostname)]" : hostname):\(port)" }

    /// The scheme of ``canonicalURL`` (`http` or `https`).
    var canonicalScheme: String { canonicalURL.hasPrefix("https://") ? "https" : "http" }

    /// The `Strict-Transport-Security` value to send, if any.
    var strictTransportSecurity: String? {
        let age = hstsMaxAge ?? (canonicalScheme == "https" ? 31_536_000 : 0)
        return age > 0 ? "max-age=\(age); includeSubDomains" : nil
    }

    /// The TOML file's shape; every key is optional.
    private struct File: Decodable {
        struct Server: Decodable {
            var hostname: String?; var port: Int?; var secure_cookies: Bool?; var public_url: String?; var trusted_proxies: [String]?
        }
        struct Data: Decodable { var directory: String?; var provisioning: String? }
        struct Limits: Decodable {
            var max_body_bytes: Int?; var max_upload_bytes: Int?; var open_tenant_databases: Int?; var login_attempts: Int?
            var login_window_seconds: Int?; var cached_pages_per_tenant: Int?; var page_cache_megabytes: Int?
            var citizen_posts_per_hour: Int?; var api_requests_per_minute: Int?; var idle_timeout_seconds: Int?
            var registrations_per_hour: Int?; var comment_edits_per_hour: Int?
        }
        struct Security: Decodable { var bcrypt_cost: Int?; var session_days: Int?; var hsts_max_age: Int? }
        struct Metrics: Decodable { var allow: [String]?; var token: String? }
        struct Locale: Decodable { var `default`: String? }
        struct Mail: Decodable {
            var transport: String?; var smtp_host: String?; var smtp_port: Int?; var smtp_starttls: Bool?
            var smtp_username: String?; var smtp_password: String?; var from: String?
        }
        var server: Server?
        var data: Data?
        var limits: Limits?
        var security: Security?
        var locale: Locale?
        var metrics: Metrics?
        var mail: Mail?
        struct Cluster: Decodable {
            var host: String?; var token: String?; var replica: String?; var replica_query: String?; var litestream: String?; var litestream_socket: String?
        }
        var cluster: Cluster?
    }

    /// Reads `path` if it exists (a missing default file is fine; a missing explicit file is an error),
    /// then applies `OPENCOMMUNE_DATA_DIR`, `OPENCOMMUNE_PUBLIC_URL` and `OPENCOMMUNE_PORT`.
    static func load(path: String?, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> ServerConfig {
        var config = ServerConfig()
        let filePath = path ?? "config/opencommune.toml"
        var cluster: File.Cluster?
        if FileManager.default.fileExists(atPath: filePath) {
            let text = try String(contentsOfFile: filePath, encoding: .utf8)
            let file: File
            do { file = try TOMLDecoder().decode(File.self, from: text) } catch {
                throw ConfigError("\(filePath) is not valid: \(error)")
            }
            try config.apply(file)
            cluster = file.cluster
        } else if path != nil {
            throw ConfigError("configuration file \(filePath) does not exist")
        }
        config.cluster = try ClusterSettings.resolve(host: cluster?.host, token: cluster?.token, replica: cluster?.replica, replicaQuery: cluster?.replica_query,
                                                     litestream: cluster?.litestream, socket: cluster?.litestream_socket, environment: environment)
        if let dir = environment["OPENCOMMUNE_DATA_DIR"], !dir.isEmpty { config.dataDirectory = dir }
        if let url = environment["OPENCOMMUNE_PUBLIC_URL"], !url.isEmpty { config.publicURL = try publicURL(url) }
        if let raw = environment["OPENCOMMUNE_PORT"], !raw.isEmpty {
            guard let port = Int(raw), (1...65535).contains(port) else { throw ConfigError("OPENCOMMUNE_PORT must be a port number, not '\(raw)'") }
            config.port = port
        }
        return config
    }

    /// An http(s) address with a host and no path, query or fragment, kept without its trailing slash.
    static func publicURL(_ raw: String) throws -> String {
        let trimmed = raw.hasSuffix("/") ? String(raw.dropLast()) : raw
        guard let url = URLComponents(string: trimmed), ["http", "https"].contains(url.scheme ?? ""), let host = url.host, !host.isEmpty,
              url.path.isEmpty, url.query == nil, url.fragment == nil, url.user == nil else {
            throw ConfigError("server.public_url must be an http or https address with no path, such as https://opencommune.example, not '\(raw)'")
        }
        return trimmed
    }

    private mutating func applyMail(_ file: File.Mail) throws {
        if let v = file.transport {
            guard let transport = MailSettings.Transport(rawValue: v) else { throw ConfigError("mail.transport must be \"folder\" or \"smtp\", not '\(v)'") }
            mail.transport = transport
        }
        if let v = file.smtp_host { guard !v.isEmpty, !v.contains(where: \.isWhitespace) else { throw ConfigError("mail.smtp_host is not a host name") }; mail.smtpHost = v }
        if let v = file.smtp_port { guard (1...65535).contains(v) else { throw ConfigError("mail.smtp_port must be between 1 and 65535") }; mail.smtpPort = v }
        if let v = file.smtp_starttls { mail.smtpStartTLS = v }
        if let v = file.smtp_username { mail.smtpUsername = v }
        if let v = file.smtp_password { mail.smtpPassword = v }
        if let v = file.from {
            guard v.contains("@"), !v.contains("\n"), !v.contains("\r") else { throw ConfigError("mail.from must be an address, such as \"Commune <noreply@commune.example>\"") }
            mail.from = v
        }
    }

    private mutating func apply(_ file: File) throws {
        if let v = file.server?.hostname { hostname = v }
        if let mail = file.mail { try applyMail(mail) }
        if let v = file.server?.port {
            guard (1...65535).contains(v) else { throw ConfigError("server.port must be between 1 and 65535") }
            port = v
        }
        if let v = file.server?.secure_cookies { secureCookies = v }
        if let v = file.server?.public_url { publicURL = try Self.publicURL(v) }
        if let v = file.server?.trusted_proxies { trustedProxies = try AddressList.parse(v, setting: "server.trusted_proxies") }
        if let v = file.metrics?.allow { metricsAllowed = try AddressList.parse(v, setting: "metrics.allow") }
        if let v = file.metrics?.token {
            guard v.count >= 24 else { throw ConfigError("metrics.token must be at least 24 characters") }
            metricsToken = v
        }
        if let v = file.security?.hsts_max_age { guard v >= 0 else { throw ConfigError("security.hsts_max_age cannot be negative") }; hstsMaxAge = v }
        if let v = file.limits?.registrations_per_hour { guard v >= 1 else { throw ConfigError("limits.registrations_per_hour must be at least 1") }; registrationsPerHour = v }
        if let v = file.limits?.comment_edits_per_hour { guard v >= 1 else { throw ConfigError("limits.comment_edits_per_hour must be at least 1") }; commentEditsPerHour = v }
        if let v = file.data?.directory { dataDirectory = v }
        if let v = file.data?.provisioning { provisioningDirectory = v.isEmpty ? nil : v }
        if let v = file.limits?.max_body_bytes { guard v >= 1024 else { throw ConfigError("limits.max_body_bytes must be at least 1024") }; maxBodyBytes = v }
        if let v = file.limits?.max_upload_bytes { guard v >= 1024 else { throw ConfigError("limits.max_upload_bytes must be at least 1024") }; maxUploadBytes = v }
        if let v = file.limits?.open_tenant_databases { guard v >= 1 else { throw ConfigError("limits.open_tenant_databases must be at least 1") }; openTenantDatabases = v }
        if let v = file.limits?.login_attempts { guard v >= 1 else { throw ConfigError("limits.login_attempts must be at least 1") }; loginAttempts = v }
        if let v = file.limits?.login_window_seconds { guard v >= 1 else { throw ConfigError("limits.login_window_seconds must be at least 1") }; loginWindowSeconds = v }
        if let v = file.limits?.idle_timeout_seconds { guard v >= 1 else { throw ConfigError("limits.idle_timeout_seconds must be at least 1") }; idleTimeoutSeconds = v }
        if let v = file.limits?.api_requests_per_minute { guard v >= 1 else { throw ConfigError("limits.api_requests_per_minute must be at least 1") }; apiRequestsPerMinute = v }
        if let v = file.limits?.citizen_posts_per_hour { guard v >= 1 else { throw ConfigError("limits.citizen_posts_per_hour must be at least 1") }; citizenPostsPerHour = v }
        if let v = file.limits?.cached_pages_per_tenant { guard v >= 0 else { throw ConfigError("limits.cached_pages_per_tenant cannot be negative") }; cachedPagesPerTenant = v }
        if let v = file.limits?.page_cache_megabytes { guard v >= 1 else { throw ConfigError("limits.page_cache_megabytes must be at least 1") }; pageCacheMegabytes = v }
        if let v = file.security?.bcrypt_cost { guard (4...31).contains(v) else { throw ConfigError("security.bcrypt_cost must be between 4 and 31") }; bcryptCost = UInt8(v) }
        if let v = file.security?.session_days { guard v >= 1 else { throw ConfigError("security.session_days must be at least 1") }; sessionDays = v }
        if let v = file.locale?.default {
            guard ["fr", "ar", "en"].contains(v) else { throw ConfigError("locale.default must be fr, ar or en") }
            defaultLocale = v
        }
    }
}

/// A configuration problem, reported to the operator as is.
struct ConfigError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
