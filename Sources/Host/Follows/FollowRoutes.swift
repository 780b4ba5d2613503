import CivicSDK
import Foundation
import Hummingbird

/// `POST {root}/account/follow`: a signed-in visitor follows an item, or stops following it, then
/// goes back to its page. Only public items a module offers to follow, of a module the tenant has enabled.
struct FollowRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.post("account/follow", use: follow)
    }

    @Sendable func follow(_ request: Request, context: CivicContext) async throws -> Response {
        guard let account = context.account else { throw HTTPError(.unauthorized, message: context.text("error.sign_in_required")) }
        let subject = context.form.text("subject"), stop = context.form.text("do") == "unfollow"
        let parts = subject.split(separator: ":", maxSplits: 2).map(String.init)
        guard parts.count == 3, let module = services.enabledModules(context.tenant.slug).first(where: { type(of: $0).id == parts[0] }) else {
            throw HTTPError(.notFound, message: context.text("follow.unknown"))
        }
        let tenant = context.tenant, locale = context.locale
        let item = try await context.database.read { db in try module.publicItem(db, tenant, kind: parts[1], key: parts[2]) }
        guard let item, item.uses.contains(.follow) else {
            // what is no longer public can still be let go of
            guard stop else { throw HTTPError(.notFound, message: context.text("follow.unknown")) }
            try await context.database.write(.nothingPublic) { db in try Follows.unfollow(db, accountID: account.id, subject: subject) }
            return context.redirect(HostRoute.account(), notice: .unfollowed)
        }
        try await context.database.write(.nothingPublic) { db in
            if stop {
                try Follows.unfollow(db, accountID: account.id, subject: subject)
            } else {
                try Follows.follow(db, accountID: account.id, subject: subject, title: item.title, path: item.path)
                try AccountStore.setLocale(db, id: account.id, locale: locale)
            }
        }
        return context.redirect((stop ? Notice.unfollowed : .followed).appended(to: item.path))
    }
}
