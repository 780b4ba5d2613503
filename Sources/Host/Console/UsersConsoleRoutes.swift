import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin/users`: the tenant's accounts and their roles.
struct UsersConsoleRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("admin/users", use: users)
        router.post("admin/users/:id/roles", use: saveRoles)
    }

    private func entry(_ context: CivicContext) throws -> TenantEntry {
        guard let entry = services.registry.entry(context.tenant.slug) else { throw HTTPError(.notFound) }
        return entry
    }

    @Sendable func users(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        return try await renderUsers(context, error: nil, status: .ok)
    }

    private func renderUsers(_ context: CivicContext, error: String?, status: HTTPResponse.Status) async throws -> Response {
        let accounts = try await context.database.read { db in try AccountStore.all(db) }
        let enabled = try entry(context).modules.filter(\.value.enabled).keys.sorted()
        let rows = accounts.map { stored, grants in
            let editorModule = grants.first { $0.role == .editor }?.module
            return UsersConsolePage.User(
                email: stored.email, name: stored.displayName, action: ConsoleRoute.roles(stored.id).href(context),
                roles: Role.allCases.map { role in
                    Choice(value: role.rawValue, label: context.text("role.\(role.rawValue)"), selected: grants.contains { $0.role == role },
                           fieldID: "role-\(stored.id)-\(role.rawValue)")
                },
                moduleFieldID: "editor-module-\(stored.id)",
                moduleOptions: [Choice(value: "", label: context.text("console.all_modules"), selected: editorModule == nil)]
                    + enabled.map { id in Choice(value: id, label: services.modules.manifest(id).map { context.localized($0.title) } ?? id,
                                                 selected: editorModule == id) })
        }
        return try context.render(UsersConsolePage(users: rows, errors: error.map { [$0] } ?? []), title: context.text("console.users"), status: status)
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
                guard services.modules.manifest(module) != nil else {
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
        return context.redirect(ConsoleRoute.users, notice: .saved)
    }
}
