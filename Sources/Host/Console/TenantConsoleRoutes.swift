import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin`: the tenant console, generated from the module manifests: modules and their
/// settings, users and roles, the tenant's name, languages, logo and colour.
struct TenantConsoleRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("admin", use: overview)
        router.get("admin/modules", use: modules)
        router.post("admin/modules/:module/enable") { _, context in try await switchModule(context, on: true) }
        router.post("admin/modules/:module/disable") { _, context in try await switchModule(context, on: false) }
        router.post("admin/modules/:module/settings", use: saveModuleSettings)
        router.get("admin/users", use: users)
        router.post("admin/users/:id/roles", use: saveRoles)
        router.get("admin/settings", use: settings)
        router.post("admin/settings", use: saveSettings)
    }

    private func entry(_ context: CivicContext) throws -> TenantEntry {
        guard let entry = services.registry.entry(context.tenant.slug) else { throw HTTPError(.notFound) }
        return entry
    }

    @Sendable func overview(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.console")
        let entry = try entry(context)
        let links = services.modules.types.filter { entry.isEnabled($0.id) }.flatMap { type in
            type.consoleLinks.filter { context.can($0.permission) }.map { link -> [String: Any] in
                ["label": context.localized(link.title), "href": "\(context.root)/admin/\(type.id)\(link.path)",
                 "module": context.localized(type.title)]
            }
        }
        return try context.render("console", title: context.text("console.title"),
                                  data: ["isAdmin": context.can("core.admin"), "links": links, "hasLinks": !links.isEmpty,
                                         "feedbackHref": context.can("core.respond") ? ["\(context.root)/admin/feedback"] : []],
                                  cache: .perVisitor)
    }

    @Sendable func modules(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        return try renderModules(context, error: nil, status: .ok)
    }

    private func renderModules(_ context: CivicContext, error: String?, status: HTTPResponse.Status) throws -> Response {
        let entry = try entry(context)
        let rows = services.modules.types.map { type -> [String: Any] in
            let state = entry.modules[type.id] ?? ModuleState(allowed: false, enabled: false, settings: [:])
            let values = ModuleSettings(declared: type.settings, values: state.settings)
            return [
                "id": type.id, "title": context.localized(type.title), "summary": context.localized(type.summary),
                "allowed": state.allowed, "enabled": state.enabled,
                "toggleAction": "\(context.root)/admin/modules/\(type.id)/\(state.enabled ? "disable" : "enable")",
                "permissions": type.permissions.map { ["id": $0.id, "title": context.localized($0.title),
                                                       "roles": $0.roles.map { context.text("role.\($0.rawValue)") }.sorted().joined(separator: ", ")] },
                "hasSettings": state.enabled && !type.settings.isEmpty,
                "settingsAction": "\(context.root)/admin/modules/\(type.id)/settings",
                "settings": type.settings.map { setting -> [String: Any] in
                    ["key": setting.key, "fieldID": "\(type.id)-\(setting.key)", "label": context.localized(setting.title),
                     "isFlag": setting.kind == .flag, "checked": values.flag(setting.key),
                     "isNumber": setting.kind == .number, "value": values[setting.key] ?? ""]
                },
            ]
        }
        return try context.render("console-modules", title: context.text("console.modules"),
                                  data: ["modules": rows, "errors": error.map { [$0] } ?? []], status: status, cache: .perVisitor)
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
        return context.redirect("/admin/modules")
    }

    @Sendable func saveModuleSettings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let module = try context.parameters.require("module")
        guard let type = services.modules.type(module) else { throw HTTPError(.notFound) }
        var submitted: [String: String] = [:]
        for setting in type.settings {
            submitted[setting.key] = setting.kind == .flag ? String(context.form.isChecked(setting.key)) : context.form[setting.key]
        }
        do {
            try services.tenants.setModuleSettings(context.tenant.slug, module: module, submitted: submitted)
        } catch let error as PlatformError {
            return try renderModules(context, error: error.message { context.text($0) }, status: .badRequest)
        }
        return context.redirect("/admin/modules")
    }

    @Sendable func users(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        return try await renderUsers(context, error: nil, status: .ok)
    }

    private func renderUsers(_ context: CivicContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let accounts = try await context.database.read { db in try AccountStore.all(db) }
        let enabled = try entry(context).modules.filter(\.value.enabled).keys.sorted()
        let rows = accounts.map { stored, grants -> [String: Any] in
            let editorModule = grants.first { $0.role == .editor }?.module
            return [
                "id": stored.id, "email": stored.email, "name": stored.displayName,
                "action": "\(context.root)/admin/users/\(stored.id)/roles",
                "roles": Role.allCases.map { role -> [String: Any] in
                    ["value": role.rawValue, "label": context.text("role.\(role.rawValue)"), "fieldID": "role-\(stored.id)-\(role.rawValue)",
                     "checked": grants.contains { $0.role == role }]
                },
                "moduleFieldID": "editor-module-\(stored.id)",
                "moduleOptions": [["value": "", "label": context.text("console.all_modules"), "selected": editorModule == nil]]
                    + enabled.map { ["value": $0, "label": $0, "selected": editorModule == $0] },
            ]
        }
        return try context.render("console-users", title: context.text("console.users"),
                                  data: ["users": rows, "errors": error.map { [$0] } ?? []], status: status, cache: .perVisitor)
    }

    @Sendable func saveRoles(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.badRequest, message: context.text("error.malformed_form")) }
        let chosen = context.form.all("role")
        var grants = Set<RoleGrant>()
        for value in chosen {
            guard let role = Role(rawValue: value) else { return try await renderUsers(context, error: context.text("console.error.unknown_role"), status: .badRequest) }
            let module = context.form.text("editor_module")
            if role == .editor, !module.isEmpty {
                guard services.modules.type(module) != nil else {
                    return try await renderUsers(context, error: context.text("console.error.unknown_module"), status: .badRequest)
                }
                grants.insert(RoleGrant(.editor, module: module))
            } else {
                grants.insert(RoleGrant(role))
            }
        }
        if id == context.account?.id, !grants.contains(RoleGrant(.admin)) {
            return try await renderUsers(context, error: context.text("console.error.own_admin"), status: .badRequest)
        }
        let chosenGrants = grants
        let saved = try await context.database.write { db -> Bool in
            guard try AccountStore.find(db, id: id) != nil else { return false }
            let before = try AccountStore.grants(db, accountID: id)
            try AccountStore.setGrants(db, accountID: id, grants: chosenGrants)
            func describe(_ set: Set<RoleGrant>) -> String {
                set.map { $0.role.rawValue + ($0.module.map { ":\($0)" } ?? "") }.sorted().joined(separator: ",")
            }
            try context.audit(db, action: "roles", itemType: "account", itemID: String(id), summary: "roles",
                              changes: [FieldChange(field: "roles", old: describe(before), new: describe(chosenGrants))])
            return true
        }
        guard saved else { throw HTTPError(.notFound) }
        return context.redirect("/admin/users")
    }

    @Sendable func settings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let tenant = context.tenant
        return try renderSettings(context, name: tenant.name, locales: tenant.locales, accent: tenant.accentColor,
                                  logo: tenant.logoURL ?? "", errors: [], status: .ok)
    }

    private func renderSettings(_ context: CivicContext, name: LocalizedText, locales: [String], accent: String, logo: String,
                                errors: [String], status: HTTPResponse.Status) throws -> Response {
        try context.render("console-settings", title: context.text("console.settings"), data: [
            "action": "\(context.root)/admin/settings",
            "names": Locales.supported.map { ["code": $0, "label": Locales.nativeName($0), "dir": Locales.direction($0), "value": name.values[$0] ?? ""] },
            "locales": Locales.supported.map { ["code": $0, "label": Locales.nativeName($0), "offered": locales.contains($0),
                                                "isDefault": locales.first == $0] },
            "accent": accent, "logo": logo, "errors": errors, "hasErrors": !errors.isEmpty,
            "logoPreview": logo.isEmpty ? [] : [Renderer.logoSource(logo, root: context.root)],
        ], status: status, cache: .perVisitor)
    }

    static let maxLogoBytes = 1_048_576

    /// A logo is an uploaded file (`files/<name>`), an https address, or a path on this site.
    static func isValidLogo(_ logo: String) -> Bool {
        if logo.isEmpty { return true }
        if logo.hasPrefix("files/") { return TenantFiles.isStoredName(String(logo.dropFirst(6))) }
        return logo.count <= 500 && (logo.hasPrefix("https://") || (logo.hasPrefix("/") && !logo.hasPrefix("//")))
            && logo.rangeOfCharacter(from: CharacterSet(charactersIn: "\"'<> \\")) == nil
    }

    @Sendable func saveSettings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let form = context.form
        let name = form.localized("name", locales: Locales.supported)
        let defaultLocale = form.text("default_locale")
        var locales = Locales.supported.filter { form.all("locales").contains($0) }
        let accent = form.text("accent").lowercased()
        var logo = form.text("logo")
        var errors: [String] = []
        if name.isEmpty { errors.append(context.text("console.error.name")) }
        if locales.isEmpty { errors.append(context.text("console.error.locales")) }
        if !locales.contains(defaultLocale) { errors.append(context.text("console.error.default_locale")) } else {
            locales.removeAll { $0 == defaultLocale }
            locales.insert(defaultLocale, at: 0)
        }
        if !AccentColor.isValid(accent) { errors.append(context.text("console.error.colour_format")) } else if !AccentColor.isReadable(accent) {
            errors.append(context.text("console.error.colour_contrast"))
        }
        if !Self.isValidLogo(logo) { errors.append(context.text("console.error.logo")) }
        // the file is stored last, once everything else is valid, so a refused form leaves no file behind
        if errors.isEmpty, let upload = form.file("logo_file") {
            do {
                logo = "files/" + (try context.files.store(upload, accepting: [.png, .jpeg, .webp, .gif], maxBytes: Self.maxLogoBytes)).name
            } catch let rejection as FileRejection {
                errors.append(context.text(rejection.key))
            }
        }
        guard errors.isEmpty else {
            return try renderSettings(context, name: name, locales: locales, accent: accent, logo: logo, errors: errors, status: .badRequest)
        }
        let before = context.tenant, offered = locales, savedLogo = logo
        try services.tenants.updateSettings(before.slug, name: name, locales: locales, accentColor: accent, logoURL: logo.isEmpty ? nil : logo)
        try await context.database.write { db in
            try context.audit(db, action: "settings", itemType: "tenant", itemID: before.slug, summary: "settings", changes: FieldChange.diff(
                old: ["name": before.name.json, "locales": before.locales.joined(separator: ","), "accent": before.accentColor, "logo": before.logoURL ?? ""],
                new: ["name": name.json, "locales": offered.joined(separator: ","), "accent": accent, "logo": savedLogo]))
        }
        return context.redirect("/admin/settings")
    }
}
