import CivicSDK
import Foundation
import GRDB
import Hummingbird
import NIOCore

/// The rights a person has over their personal data, in the tenant: the privacy notice
/// (`{root}/privacy`), downloading one's data (`{root}/account/data.zip`) and deleting one's account
/// (`{root}/account/delete`: what happens, then the form).
struct PrivacyRoutes {
    let services: HostServices
    var secure: Bool { services.config.secureCookies }

    func register(on router: Router<CivicContext>) {
        router.get("privacy", use: privacy)
        router.get("account/data.zip", use: download)
        router.get("account/delete", use: deleteForm)
        router.post("account/delete", use: delete)
    }

    /// The notice the admins chose in the settings (a page of the site), or the platform's own, which
    /// says what the platform keeps, why, for how long, and how each right is exercised.
    @Sendable func privacy(_ request: Request, context: CivicContext) async throws -> Response {
        let footer = services.registry.entry(context.tenant.slug)?.footer ?? TenantFooter()
        if let chosen = footer.privacy { return Response(status: .seeOther, headers: [.location: context.root + chosen]) }
        return try context.render(PrivacyPage(tenant: context.tenant.displayName(context.locale), accountHref: HostRoute.account().href(context),
                                              contact: footer.contact.isEmpty ? nil : context.localized(footer.contact)),
                                  title: context.text("privacy.title"))
    }

    @Sendable func download(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { return context.redirect(HostRoute.signIn) }
        let modules = services.enabledModules(context.tenant.slug), tenant = context.tenant
        let files = try await context.database.read { db in
            try AccountData.files(db, accountID: account.id, email: account.email, modules: modules, tenant: tenant)
        }
        var zip = ZipArchive()
        for (name, data) in files { zip.add(name, data) }
        zip.add("README.txt", Data((context.text("account.data_readme") + "\n").utf8))
        let bytes = zip.bytes
        return Response(status: .ok, headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(tenant.slug)-my-data.zip\"",
                                               .cacheControl: "no-store", .contentLength: String(bytes.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    @Sendable func deleteForm(_ request: Request, context: CivicContext) async throws -> Response {
        guard context.account != nil else { return context.redirect(HostRoute.signIn) }
        return try renderDelete(context, error: nil, status: .ok)
    }

    private func renderDelete(_ context: CivicContext, error: String?, status: HTTPResponse.Status) throws -> Response {
        try context.render(DeleteAccountPage(action: HostRoute.deleteAccount.href(context), dataHref: HostRoute.accountData.href(context),
                                             accountHref: HostRoute.account().href(context), error: error),
                           title: context.text("account.delete_title"), status: status)
    }

    /// Deletes the account once its password and the checkbox confirm it, then signs out.
    @Sendable func delete(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        guard context.form.text("confirm") == "yes" else { return try renderDelete(context, error: context.text("account.delete_unconfirmed"), status: .badRequest) }
        let stored = try await context.database.read { db in try AccountStore.find(db, id: account.id) }
        guard let stored, try await services.hasher.verify(context.form["password"] ?? "", hash: stored.passwordHash) else {
            return try renderDelete(context, error: context.text("account.error.current_password"), status: .badRequest)
        }
        let modules = services.enabledModules(context.tenant.slug), tenant = context.tenant
        do {
            // contributions change author to "deleted account" on public pages: a public write
            try await context.database.write { db in
                try AccountDeletion.delete(db, accountID: account.id, email: stored.email, modules: modules, tenant: tenant)
            }
        } catch AccountDeletion.Refusal.lastAdmin {
            return try renderDelete(context, error: context.text("account.delete_last_admin"), status: .conflict)
        }
        var response = context.redirect(HostRoute.home, notice: .accountDeleted)
        response.setCookie(SessionCookies.expire(SessionCookies.session, root: context.root, secure: secure))
        return response
    }
}

/// `{root}/privacy`: the platform's privacy notice, when the admins chose none of their own.
struct PrivacyPage: PageModel {
    static let template = "privacy"
    static let fields = TemplateFields<Self>(["tenant": \.tenant, "accountHref": \.accountHref, "contact": \.contact])
    let tenant: String, accountHref: String
    /// How to reach the commune (the footer's contact), when it has one.
    let contact: String?
}

/// `{root}/account/delete`: exactly what deleting the account does, then the form that does it.
struct DeleteAccountPage: PageModel {
    static let template = "account-delete"
    static let fields = TemplateFields<Self>(["action": \.action, "dataHref": \.dataHref, "accountHref": \.accountHref, "error": \.error])
    let action: String, dataHref: String, accountHref: String, error: String?
    var cachePolicy: CachePolicy { .perVisitor }
}
