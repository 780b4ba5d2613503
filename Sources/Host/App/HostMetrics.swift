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
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "opencommune", metricName: metric, unitName: unit, helpText: help)
        }
        duration = registry.makeDurationHistogram(
            descriptor: name("request_duration", "seconds", "Time to answer a request"),
            buckets: [.microseconds(500), .milliseconds(1), .milliseconds(5), .milliseconds(20), .milliseconds(100), .milliseconds(500), .seconds(2)])
        cacheHits = registry.makeCounter(descriptor: name("page_cache_hits", "total", "Anonymous pages served from the page cache"))
        openDatabases = registry.makeGauge(descriptor: name("open_tenant_databases", "", "Tenant databases currently open"))
        tenants = registry.makeGauge(descriptor: name("tenants", "", "Tenants in the registry"))
        var requests: [String: Counter] = [:]
        for scope in ["tenant", "platform"] {
            for status in 1...5 {
                requests["\(scope)/\(status)"] = registry.makeCounter(descriptor: name("requests", "total", "Requests answered"),
                                                                     labels: [("status", "\(status)xx"), ("scope", scope)])
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
