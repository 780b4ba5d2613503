import CivicSDK
import Foundation

/// Staff's answer to a suggestion as the form sent it: an outcome, the reason in each of the tenant's
/// languages, and the item it changed. An answer missing one of the tenant's languages is held back
/// once (``MissingTranslations``).
struct FeedbackAnswerDraft: Sendable {
    let outcome: FeedbackOutcome?
    let reason: LocalizedText
    let target: String
    /// The tenant's languages the reason is not written in, and whether staff confirmed publishing so.
    let missing: MissingTranslations?
    var problems: [String] = []

    init(form: FormData, locales: [String]) {
        outcome = FeedbackOutcome(rawValue: form.text("outcome"))
        let reason = form.localized("reason", locales: locales)
        self.reason = reason
        target = form.text("target")
        missing = MissingTranslations(reason, languages: locales, form: form)
        if outcome == nil { problems.append("feedback.error.outcome") }
        if reason.isEmpty { problems.append("feedback.error.response_reason") }
        if reason.values.values.contains(where: { $0.count > FeedbackDraft.maxBody }) { problems.append("feedback.error.body_too_long") }
    }

    /// The form as an existing answer fills it.
    init(_ response: FeedbackResponse?) {
        outcome = response?.outcome
        reason = response?.reason ?? [:]
        target = response?.target ?? ""
        missing = nil
    }

    /// Valid, but some language is missing and staff have not confirmed yet.
    var needsConfirmation: Bool { problems.isEmpty && missing?.holdsBack == true }
}
