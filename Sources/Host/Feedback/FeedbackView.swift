import CivicSDK
import Foundation

/// Turns feedback into the dictionaries the templates read.
enum FeedbackView {
    static func entry(_ entry: FeedbackEntry, context: CivicContext, targets: [LinkTarget]) -> [String: Any] {
        var data: [String: Any] = [
            "id": entry.id,
            "anchor": "feedback-\(entry.id)",
            "href": "\(context.root)/feedback/\(entry.id)",
            "author": entry.authorName,
            "date": ISODate.day(of: entry.receivedAt),
            "kind": context.text("feedback.kind.\(entry.kind.rawValue)"),
            "isSuggestion": entry.kind == .suggestion,
            "offline": entry.channel != .online,
            "channel": context.text("feedback.channel.\(entry.channel.rawValue)"),
            "hidden": entry.isHidden,
            "hiddenReason": (entry.hiddenReason ?? "").isEmpty ? [] : [entry.hiddenReason ?? ""],
            "body": entry.body,
            "edited": entry.editedAt != nil,
            "lang": entry.locale,
            "dir": Locales.direction(entry.locale),
        ]
        if let response = entry.response {
            var answer: [String: Any] = [
                "outcome": context.text("feedback.outcome.\(response.outcome.rawValue)"),
                "outcomeKey": response.outcome.rawValue,
                "reason": response.reason,
                "by": response.responderName,
                "date": ISODate.day(of: response.respondedAt),
            ]
            if let id = response.target, let target = targets.first(where: { $0.id == id }) {
                answer["target"] = ["title": context.localized(target.title), "href": context.root + target.path]
            }
            data["response"] = answer
        }
        return data
    }

    /// The comment form under a thread. Anonymous forms carry no token: the page is shared by every
    /// anonymous reader, and the host checks the request's origin instead.
    static func form(module: String, item: String, draft: FeedbackDraft, acceptsAnonymous: Bool, context: CivicContext) -> [String: Any] {
        let signedIn = context.account != nil
        return [
            "action": "\(context.root)/feedback",
            "module": module,
            "item": item,
            "csrf": signedIn ? context.csrfToken : "",
            "signedIn": signedIn,
            "accountName": context.account?.displayName ?? "",
            // a refused text always comes back in its form, even where the visitor must sign in first
            "open": signedIn || acceptsAnonymous || !draft.errors.isEmpty,
            "anonymous": !signedIn && acceptsAnonymous,
            "signInHref": "\(context.root)/login",
            "kinds": FeedbackKind.allCases.map { kind -> [String: Any] in
                ["value": kind.rawValue, "label": context.text("feedback.kind.\(kind.rawValue)"),
                 "help": context.text("feedback.kind_help.\(kind.rawValue)"), "checked": kind == draft.kind]
            },
            "body": draft.body,
            "name": draft.name,
            "contact": draft.contact,
            "maxBody": FeedbackDraft.maxBody,
            "errors": draft.errors.map { context.text($0) },
            "hasErrors": !draft.errors.isEmpty,
        ]
    }

    /// Options of a select: `values` with their labels, `selected` marked.
    static func options(_ values: [String], selected: String, label: (String) -> String) -> [[String: Any]] {
        values.map { ["value": $0, "label": label($0), "selected": $0 == selected] }
    }
}
