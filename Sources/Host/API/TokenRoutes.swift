import CivicSDK
import Foundation
import Hummingbird

/// `{root}/admin/tokens`: staff make personal access tokens for the API (each limited to permissions
/// they hold), see a new token once, and revoke them.
struct TokenRoutes {
    func register(on router: Router<CivicContext>) {
        router.get("admin/tokens", use: list)
        router.post("admin/tokens", use: create)
        router.post("admin/tokens/:id/revoke", use: revoke)
    }

    /// Module permissions the account holds: what its tokens may be given.
    private func grantable(_ context: CivicContext) -> [Permission] {
        context.request.host.policy.all.filter { $0.module != "core" && context.can($0.id) }
    }

    private func render(_ context: CivicContext, created: String?, errors: [String], name: String, status: HTTPResponse.Status) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized) }
        let tokens = try await context.database.read { db in try APITokens.list(db, accountID: account.id) }
        let permissions = grantable(context)
        let page = TokensConsolePage(
            created: created, errors: errors.map { context.text($0) }, name: name, action: ConsoleRoute.tokens.href(context),
            permissions: permissions.map { .init(id: $0.id, label: context.renderer.text($0.titleKey, module: $0.module, locale: context.locale)) },
            tokens: tokens.map { token in
                .init(name: token.name, scopes: token.scopes.joined(separator: ", "), created: context.dates.day(token.createdAt),
                      used: token.lastUsedAt.map { context.dates.day($0) }, revoked: token.revoked,
                      revokeAction: ConsoleRoute.revokeToken(token.id).href(context))
            },
            docHref: "/api/v1/openapi.json")
        return try context.render(page, title: context.text("api.tokens_title"), status: status)
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.console")
        return try await render(context, created: nil, errors: [], name: "", status: .ok)
    }

    @Sendable func create(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.console")
        guard let account = context.account else { throw HTTPError(.unauthorized) }
        let name = context.form.text("name")
        let allowed = Set(grantable(context).map(\.id))
        let scopes = context.form.all("scopes")
        var errors: [String] = []
        if name.isEmpty || name.count > 100 { errors.append("api.error.token_name") }
        if scopes.isEmpty || !Set(scopes).isSubset(of: allowed) { errors.append("api.error.token_scopes") }
        guard errors.isEmpty else { return try await render(context, created: nil, errors: errors, name: name, status: .unprocessableContent) }
        let token = try await context.database.write { db in
            let token = try APITokens.create(db, accountID: account.id, name: name, scopes: scopes)
            try context.audit(db, action: "create", itemType: "api_token", itemID: name, summary: scopes.sorted().joined(separator: " "), changes: [])
            return token
        }
        return try await render(context, created: token, errors: [], name: "", status: .created)
    }

    @Sendable func revoke(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.console")
        guard let account = context.account, let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound) }
        let done = try await context.database.write { db in
            let done = try APITokens.revoke(db, id: id, accountID: account.id)
            if done { try context.audit(db, action: "revoke", itemType: "api_token", itemID: String(id), summary: "revoked", changes: []) }
            return done
        }
        guard done else { throw HTTPError(.notFound, message: context.text("api.error.token_not_found")) }
        return context.redirect(ConsoleRoute.tokens, notice: .deleted)
    }
}
