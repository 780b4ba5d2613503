import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Writes a monitoring report (see ``MonitoringService``): in every language of the tenant, each
/// enabled module's sections, the citizen input section, and for a commune each instance's sections
/// read from the instance's own database, after the commune's own; then the tenant's figures at the period's end.
struct HostMonitoring: MonitoringService {
    let directory: ModuleDirectory
    let registry: TenantRegistry
    let figures: HostFigures
    /// Opens an instance's database (the same wrapper the host's routes use).
    let database: @Sendable (String) throws -> TenantDatabase
    /// The strings' renderer, which exists only once the modules it reads are registered.
    let renderer = Late<any PageRenderer>()

    func report(_ tenant: Tenant, root: String, database tenantDatabase: TenantDatabase, period: MonitoringPeriod) async throws -> MonitoringContent {
        guard let renderer = renderer.current else { throw HTTPError(.serviceUnavailable, message: "the host is starting") }
        let enabled = directory.enabled(tenant.slug)
        let end = FigureMoment.endOf(day: period.end, tenant) ?? .now(tenant)
        let values = try await figures.figures(tenant, database: tenantDatabase, at: end)
        let range = period.instants(tenant)
        var sections = try await tenantDatabase.read { db in
            var sections: [String: [MonitoringSection]] = [:]
            for locale in tenant.locales {
                let own = try enabled.flatMap { module in
                    try module.monitoringSections(db, tenant, period: period,
                                                  writer: MonitoringWriter(locale: locale, tenant: tenant, root: root, figures: values, module: type(of: module).id, renderer: renderer))
                }
                let input = try CitizenInputReport.section(db, range: range,
                                                           writer: MonitoringWriter(locale: locale, tenant: tenant, root: root, figures: values, module: nil, renderer: renderer))
                // the modules in registration order (the plan first), then what citizens said
                sections[locale] = own + [input]
            }
            return sections
        }
        if tenant.kind == .commune {
            for entry in registry.instances(of: tenant.slug) {
                guard let database = try? database(entry.tenant.slug) else { continue }
                let instance = entry.tenant, modules = directory.enabled(instance.slug)
                let root = String(TenantLinks.home(entry).dropLast())
                let theirs = try await database.read { db in
                    try tenant.locales.map { locale in
                        try modules.flatMap { module in
                            try module.monitoringSections(db, instance, period: period, writer: MonitoringWriter(locale: locale, tenant: instance, root: root, figures: [:],
                                                                                                                 module: type(of: module).id, renderer: renderer))
                        }.map { section in
                            var named = section
                            named.title = "\(instance.displayName(locale)) — \(section.title)"
                            return (locale, named)
                        }
                    }.flatMap { $0 }
                }
                for (locale, section) in theirs { sections[locale, default: []].append(section) }
            }
        }
        return MonitoringContent(period: period, sections: sections, figures: values.values.sorted { $0.id < $1.id }.map(MonitoringContent.Figure.init))
    }
}
