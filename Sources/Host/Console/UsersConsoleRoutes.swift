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
        router.post("admin/users/invite", use: invite)
        router.post("admin/users/:id/active", use: setActive)
    }

    private func entry(_ context: CivicContext) throws -> TenantEntry {
        guard let entry = services.registry.entry(context.tenant.slug) else { throw HTTPError(.notFound) }
        return entry
    }

    @Sendable func users(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        return try await renderUsers(context, error: nil, status: .ok)
    }

    private func renderUsers(_ context: CivicContext, error: String?, status: HTTPResponse.Status,
                             invited: (email: String, name: String, role: String, module: String) = ("", "", Role.editor.rawValue, "")) async throws -> Response {
        let (accounts, deactivated) = try await context.database.read { db in
            (try AccountStore.all(db), Set(try Int64.fetchAll(db, sql: "SELECT id FROM account WHERE deactivated_at IS NOT NULL")))
        }
        let enabled = try entry(context).modules.filter(\.value.enabled).keys.sorted()
        // an editor's module: all, or one of the enabled ones (`""` is all)
        func moduleChoices(_ selected: String) -> [Choice] {
            [Choice(value: "", label: context.text("console.all_modules"), selected: selected.isEmpty)]
                + enabled.map { id in Choice(value: id, label: services.modules.title(id, context), selected: selected == id) }
        }
        let rows = accounts.map { stored, grants in
            let editorModule = grants.first { $0.role == .editor }?.module
            return UsersConsolePage.User(
                email: stored.email, name: stored.displayName, action: ConsoleRoute.roles(stored.id).href(context),
                roles: Role.allCases.map { role in
                    Choice(value: role.rawValue, label: context.text("role.\(role.rawValue)"), selected: grants.contains { $0.role == role },
                           fieldID: "role-\(stored.id)-\(role.rawValue)")
                },
                moduleFieldID: "editor-module-\(stored.id)",
                moduleOptions: moduleChoices(editorModule ?? ""),
                active: !deactivated.contains(stored.id),
                activeAction: stored.id == context.account?.id ? nil : ConsoleRoute.userActive(stored.id).href(context))
        }
        let invite = UsersConsolePage.Invite(
            action: ConsoleRoute.invite.href(context), email: invited.email, name: invited.name,
            roles: Role.allCases.map { Choice(value: $0.rawValue, label: context.text("role.\($0.rawValue)"), selected: $0.rawValue == invited.role, fieldID: "invite-\($0.rawValue)") },
            modules: moduleChoices(invited.module))
        return try context.render(UsersConsolePage(users: rows, errors: error.map { [$0] } ?? [], invite: invite), title: context.text("console.users"),
                                  status: status)
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

    /// Deactivates an account (kept for history; no sign-in, sessions closed, tokens revoked) or
    /// reactivates it; never one's own.
    @Sendable func setActive(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.badRequest, message: context.text("error.malformed_form")) }
        guard id != context.account?.id else { return try await renderUsers(context, error: context.text("console.error.own_account"), status: .badRequest) }
        let active = context.form.text("active") == "1"
        let found = try await context.database.write { db -> Bool in
            guard try AccountStore.find(db, id: id) != nil else { return false }
            let was = try !AccountStore.isDeactivated(db, id: id)
            try AccountStore.setActive(db, id: id, active: active)
            try context.audit(db, action: active ? "reactivate" : "deactivate", itemType: "account", itemID: String(id), summary: active ? "reactivated" : "deactivated",
                              changes: [FieldChange(field: "active", old: was ? "yes" : "no", new: active ? "yes" : "no")])
            return true
        }
        guard found else { throw HTTPError(.notFound) }
        return context.redirect(ConsoleRoute.users, notice: .saved)
    }

    /// Invites someone by mail with a role: the account is made (its address unconfirmed, no password
    /// yet) and a link valid a week lets them choose a password, which also confirms the address.
    @Sendable func invite(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let email = AccountStore.normalizedEmail(context.form.text("email")), name = context.form.text("name")
        let roleName = context.form.text("role"), module = context.form.text("editor_module")
        let typed = (email, name, roleName, module)
        guard AccountStore.isPlausibleEmail(email) else { return try await renderUsers(context, error: context.text("account.error.email"), status: .badRequest, invited: typed) }
        guard !name.isEmpty, name.count <= 100 else { return try await renderUsers(context, error: context.text("account.error.name"), status: .badRequest, invited: typed) }
        guard let role = Role(rawValue: roleName) else { return try await renderUsers(context, error: context.text("console.error.unknown_role"), status: .badRequest, invited: typed) }
        if !module.isEmpty && services.modules.manifest(module) == nil {
            return try await renderUsers(context, error: context.text("console.error.unknown_module"), status: .badRequest, invited: typed)
        }
        let grant = role == .editor && !module.isEmpty ? RoleGrant(.editor, module: module) : RoleGrant(role)
        // a password nobody knows until the invitee chooses one
        let placeholder = try await services.hasher.hash(RandomToken.make())
        let mail = TenantMail(context, settings: services.senders.settings(context.tenant.slug))
        let inviter = context.account?.displayName ?? ""
        let roleLabel = context.text("role.\(role.rawValue)")
        let created = try await context.database.write { db -> Bool in
            guard let id = try AccountStore.create(db, email: email, displayName: name, passwordHash: placeholder, grants: [grant], confirmed: false) else {
                return false
            }
            try Invitations.queue(db, accountID: id, name: name, email: email, inviter: inviter, role: roleLabel, mail: mail, words: context.text)
            try context.audit(db, action: "invite", itemType: "account", itemID: String(id), summary: email,
                              changes: [FieldChange(field: "roles", old: nil, new: grant.role.rawValue + (grant.module.map { ":\($0)" } ?? ""))])
            return true
        }
        guard created else { return try await renderUsers(context, error: context.text("console.error.account_exists"), status: .conflict, invited: typed) }
        services.mail.wake(context.tenant.slug)
        return context.redirect(ConsoleRoute.users, notice: .invited)
    }
}
