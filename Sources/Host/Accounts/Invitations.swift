import CivicSDK
import Foundation
import GRDB

/// An invitation to a tenant with a role, from its admins or the platform's: the account waits with
/// no usable password, and a link valid a week lets the invitee choose one (which also confirms the
/// address, see ``PasswordResetRoutes``).
enum Invitations {
    static let lifetime: TimeInterval = 7 * 86_400

    /// Queues the invitation of account `accountID` (`name`, `email`) by `inviter` as `role` (both
    /// already worded), in the language of `mail`, whose strings `words` gives.
    static func queue(_ db: Database, accountID: Int64, name: String, email: String, inviter: String, role: String, mail: TenantMail,
                      words: (String) -> String) throws {
        let token = try PasswordResets.create(db, accountID: accountID, lifetime: lifetime)
        try Outbox.enqueue(db, mail.message(
            to: "\(name) <\(email)>", subject: words("console.invite_mail.subject"),
            paragraphs: [String(format: words("console.invite_mail.hello"), name),
                         String(format: words("console.invite_mail.why"), inviter, mail.tenant.displayName(mail.locale), role),
                         words("console.invite_mail.expiry")],
            link: (words("console.invite_mail.link"), HostRoute.passwordReset(token).path), closing: words("console.invite_mail.ignore")),
            kind: "invitation")
    }
}
