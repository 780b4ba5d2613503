import CivicSDK
import Foundation

/// The host's ``FollowService``: the follow button modules put on followable pages.
struct HostFollows: FollowService {
    func button(kind: String, key: String, context: CivicContext) async throws -> String {
        let subject = FollowNews.subject(module: context.module ?? "core", kind: kind, key: key)
        var following = false
        if let account = context.account {
            following = try await context.database.read { db in try Follows.isFollowing(db, accountID: account.id, subject: subject) }
        }
        let view = FollowButtonView(signedIn: context.account != nil, following: following, subject: subject,
                                    action: HostRoute.follow.href(context), signInHref: HostRoute.signIn.href(context))
        return try context.renderer.fragment("follow-button", model: view, context: context)
    }
}

/// The follow button: a form for a signed-in visitor, a link to sign in for anyone else.
struct FollowButtonView: TemplateModel {
    static let fields = TemplateFields<Self>(["signedIn": \.signedIn, "following": \.following, "subject": \.subject,
                                              "action": \.action, "signInHref": \.signInHref])
    let signedIn: Bool, following: Bool, subject: String, action: String, signInHref: String
}
