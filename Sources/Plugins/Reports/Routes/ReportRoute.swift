import CivicSDK

/// Every address of the `reports` module, written once.
enum ReportRoute: TenantRoute {
    case list, report(Int64), read(Int64), figuresCSV(Int64), file(Int64), exportCSV, feed, api
    case console, newReport, edit(Int64), publish(Int64), withdraw(Int64), types, expected, monitoring

    var path: String {
        switch self {
        case .list: "/reports"
        case .report(let id): "/reports/\(id)"
        case .read(let id): "/reports/\(id)/read"
        case .figuresCSV(let id): "/reports/\(id)/figures.csv"
        case .file(let id): "/reports/files/\(id)"
        case .exportCSV: "/reports/export.csv"
        case .feed: "/reports/feed.atom"
        case .api: "/api/v1/reports"
        case .console: "/admin/reports"
        case .newReport: "/admin/reports/new"
        case .edit(let id): "/admin/reports/\(id)"
        case .publish(let id): "/admin/reports/\(id)/publish"
        case .withdraw(let id): "/admin/reports/\(id)/withdraw"
        case .types: "/admin/reports/types"
        case .expected: "/admin/reports/expected"
        case .monitoring: "/admin/reports/monitoring"
        }
    }
}
