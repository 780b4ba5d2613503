import Prometheus

/// Prometheus figures served at `/metrics`: requests by status class and scope, latency, cache hits, open databases.
struct HostMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let duration: DurationHistogram
    private let cacheHits: Counter
    private let openDatabases: Gauge
    private let tenants: Gauge
    /// Request counters by "scope/class", made once so the hot path only looks them up.
    private let requests: [String: Counter]

    init() {
        duration = registry.makeDurationHistogram(
            name: "opencommune_request_duration_seconds",
            buckets: [.microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(20), .milliseconds(100), .milliseconds(500), .seconds(2)],
            help: "Time to answer a request")
        cacheHits = registry.makeCounter(name: "opencommune_page_cache_hits_total", help: "Anonymous pages served from the page cache")
        openDatabases = registry.makeGauge(name: "opencommune_open_tenant_databases", help: "Tenant databases currently open")
        tenants = registry.makeGauge(name: "opencommune_tenants", help: "Tenants in the registry")
        var requests: [String: Counter] = [:]
        for scope in ["tenant", "platform"] {
            for status in 1...5 {
                requests["\(scope)/\(status)"] = registry.makeCounter(name: "opencommune_requests_total",
                                                                     labels: [("status", "\(status)xx"), ("scope", scope)],
                                                                     help: "Requests answered")
            }
        }
        self.requests = requests
    }

    func record(status: Int, scope: String, elapsed: Duration) {
        requests["\(scope)/\(min(max(status / 100, 1), 5))"]?.increment()
        duration.record(elapsed)
    }

    func cacheHit() { cacheHits.increment() }

    func text(openDatabases open: Int, tenants count: Int) -> String {
        openDatabases.set(to: Double(open))
        tenants.set(to: Double(count))
        return registry.emitToString()
    }
}
