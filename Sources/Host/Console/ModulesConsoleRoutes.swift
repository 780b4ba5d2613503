import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin/modules`: which modules the tenant uses and their settings, generated from the module manifests.
struct ModulesConsoleRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("admin/modules", use: modules)
        router.post("admin/modules/:module/enable") { _, context in try await switchModule(context, on: true) }
        router.post("admin/modules/:module/disable") { _, context in try await switchModule(context, on: false) }
        router.post("admin/modules/:module/settings", use: saveModuleSettings)
    }

    private func entry(_ context: CivicContext) throws -> TenantEntry {
        guard let entry = services.registry.entry(context.tenant.slug) else { throw HTTPError(.notFound) }
        return entry
    }

    @Sendable func modules(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        return try renderModules(context, error: nil, status: .ok)
    }

    private func renderModules(_ context: CivicContext, error: String?, status: HTTPResponse.Status) throws -> Response {
        let entry = try entry(context)
        let rows = services.modules.manifests.map { type in
            let state = entry.modules[type.id] ?? ModuleState(allowed: false, enabled: false, settings: [:])
            let values = ModuleSettings(declared: type.settings, values: state.settings)
            return ModulesConsolePage.Module(
                id: type.id, title: context.localized(type.title), summary: context.localized(type.summary),
                allowed: state.allowed, enabled: state.enabled,
                toggleAction: ConsoleRoute.moduleSwitch(type.id, enable: !state.enabled).href(context),
                permissions: type.permissions.map { .init(title: services.renderer.text($0.titleKey, module: type.id, locale: context.locale),
                                                          roles: $0.roles.map { context.text("role.\($0.rawValue)") }.sorted().joined(separator: ", ")) },
                hasSettings: state.enabled && !type.settings.isEmpty,
                settingsAction: ConsoleRoute.moduleSettings(type.id).href(context),
                settings: type.settings.map { setting in
                    .init(key: setting.key, fieldID: "\(type.id)-\(setting.key)", label: services.renderer.text(setting.titleKey(module: type.id), module: type.id, locale: context.locale),
                          isFlag: setting.kind == .flag, checked: values.flag(setting.key), isNumber: setting.kind == .number,
                          value: values[setting.key] ?? "")
                })
        }
        return try context.render(ModulesConsolePage(modules: rows, errors: error.map { [$0] } ?? []), title: context.text("console.modules"), status: status)
    }

    private func switchModule(_ context: CivicContext, on: Bool) async throws -> Response {
        try context.require("core.admin")
        let module = try context.parameters.require("module")
        let tenants = services.tenants, slug = context.tenant.slug
        do {
            try await Task.detached { on ? try tenants.enable(slug, module: module) : try tenants.disable(slug, module: module) }.value
        } catch let error as PlatformError {
            return try renderModules(context, error: error.message { context.text($0) }, status: .badRequest)
        }
        try await context.database.write { db in
            try context.audit(db, action: on ? "enable" : "disable", itemType: "module", itemID: module, summary: module, changes: [
                FieldChange(field: "enabled", old: String(!on), new: String(on)),
            ])
        }
        return context.redirect(ConsoleRoute.modules, notice: .saved)
    }

    @Sendable func saveModuleSettings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let module = try context.parameters.require("module")
        guard let type = services.modules.manifest(module) else { throw HTTPError(.notFound) }
        var submitted: [String: String] = [:]
        for setting in type.settings {
            submitted[setting.key] = setting.kind == .flag ? String(context.form.isChecked(setting.key)) : context.form[setting.key]
        }
        do {
            try services.tenants.setModuleSettings(context.tenant.slug, module: module, submitted: submitted)
        } catch let error as PlatformError {
            return try renderModules(context, error: error.message { context.text($0) }, status: .badRequest)
        }
        return context.redirect(ConsoleRoute.modules, notice: .saved)
    }
}
