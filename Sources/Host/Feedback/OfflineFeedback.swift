import CivicSDK
import Foundation

/// Input received at a public hearing, on paper, by e-mail or phone, typed in by staff so that it counts.
struct OfflineFeedback: Sendable {
    var subject = "core:general"
    var kind = FeedbackKind.suggestion
    var channel = FeedbackChannel.hearing
    var receivedOn: String
    var name = ""
    var contact = ""
    var body = ""
    var errors: [String] = []
    /// The tenant's calendar: what "today" and "noon" mean where the input was received.
    let dates: DateText

    /// An empty form, received today.
    init(dates: DateText) {
        self.dates = dates
        receivedOn = dates.today
    }

    init(form: FormData, dates: DateText) {
        self.dates = dates
        subject = form.text("subject")
        body = form.text("body")
        name = form.text("name")
        contact = form.text("contact")
        receivedOn = form.text("received_on")
        if let kind = FeedbackKind(rawValue: form.text("kind")) { self.kind = kind } else { errors.append("feedback.error.kind") }
        if let channel = FeedbackChannel(rawValue: form.text("channel")), channel != .online { self.channel = channel } else {
            errors.append("feedback.error.channel")
        }
        if body.isEmpty { errors.append("feedback.error.body_missing") }
        if body.count > FeedbackDraft.maxBody { errors.append("feedback.error.body_too_long") }
        if name.count > FeedbackDraft.maxName { errors.append("feedback.error.name_too_long") }
        if contact.count > FeedbackDraft.maxContact { errors.append("feedback.error.contact_too_long") }
        if receivedAt == nil { errors.append("feedback.error.received_on") }
    }

    /// Noon, in the tenant's zone, of the day it was received; never in the future.
    var receivedAt: Date? {
        guard let day = ISODate.day(receivedOn), day <= dates.today, let date = dates.instant(local: day + "T12:00") else { return nil }
        return min(date, Date())
    }
}
