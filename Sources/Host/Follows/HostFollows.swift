import CivicSDK
import Foundation

/// The host's ``FollowService``: the follow button modules put on followable pages.
struct HostFollows: FollowService {
    func button(kind: String, key: String, context: CivicContext) async throws -> String {
        let subject = FollowNews.subject(module: context.module ?? "core", kind: kind, key: key)
        func rendered(following: Bool) throws -> String {
            let view = FollowButtonView(signedIn: context.account != nil, following: following, subject: subject,
                                        action: HostRoute.follow.href(context), signInHref: HostRoute.signIn.href(context))
            return try context.renderer.fragment("follow-button", model: view, context: context)
        }
        guard let account = context.account else { return try rendered(following: false) }
        // a page shared by signed-in visitors keeps both states; each visitor gets theirs when it is served
        if let holes = PersonalHoles.current {
            return holes.follow(subject: subject, following: try rendered(following: true), notFollowing: try rendered(following: false))
        }
        let following = try await context.database.read { db in try Follows.isFollowing(db, accountID: account.id, subject: subject) }
        return try rendered(following: following)
    }
}

/// The follow button: a form for a signed-in visitor, a link to sign in for anyone else.
struct FollowButtonView: TemplateModel {
    static let fields = TemplateFields<Self>(["signedIn": \.signedIn, "following": \.following, "subject": \.subject,
                                              "action": \.action, "signInHref": \.signInHref])
    let signedIn: Bool, following: Bool, subject: String, action: String, signInHref: String
}
