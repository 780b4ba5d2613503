import CivicSDK
import Foundation

/// The consultation form of the console, read and checked; shown again as typed when refused.
struct ConsultationForm: Sendable {
    var title: LocalizedText = [:]
    var description: LocalizedText = [:]
    var subject = ""
    var opensAt = ""
    var closesAt = ""
    var audience = Consultation.Audience.anyone.rawValue
    var status = Consultation.Status.draft.rawValue
    var errors: [String] = []
    /// Reads and writes the `datetime-local` fields in the tenant's time zone.
    let dates: DateText

    /// An empty form for a new consultation, open from now for 30 days.
    init(dates: DateText, now: Date = Date()) {
        self.dates = dates
        opensAt = dates.localInput(now)
        closesAt = dates.localInput(now.addingTimeInterval(30 * 86_400))
    }

    /// The form filled with `consultation`, its times in the tenant's zone (`dates`).
    init(_ consultation: Consultation, dates: DateText) {
        self.dates = dates
        title = consultation.title
        description = consultation.description
        subject = consultation.subject ?? ""
        opensAt = dates.localInput(consultation.opensAt)
        closesAt = dates.localInput(consultation.closesAt)
        audience = consultation.audience.rawValue
        status = consultation.status.rawValue
    }

    /// Reads the form; `subjects` are the link target ids a consultation may be about.
    init(form: FormData, locales: [String], subjects: Set<String>, dates: DateText) {
        self.dates = dates
        title = form.localized("title", locales: locales)
        description = form.localized("description", locales: locales)
        subject = form.text("subject")
        opensAt = form.text("opens_at")
        closesAt = form.text("closes_at")
        audience = form.text("audience")
        status = form.text("status")
        if title.isEmpty { errors.append("consultations.form_error.title") }
        if title.values.values.contains(where: { $0.count > 300 }) { errors.append("consultations.form_error.title_length") }
        if !subject.isEmpty && !subjects.contains(subject) { errors.append("consultations.form_error.subject") }
        let opens = dates.instant(local: opensAt), closes = dates.instant(local: closesAt)
        if opens == nil || closes == nil { errors.append("consultations.form_error.dates") }
        if let opens, let closes, closes <= opens { errors.append("consultations.form_error.dates_order") }
        if Consultation.Audience(rawValue: audience) == nil { errors.append("consultations.form_error.audience") }
        if Consultation.Status(rawValue: status) == nil { errors.append("consultations.form_error.status") }
    }

    /// `existing` updated with the input (a new consultation when `nil`); only valid input.
    func apply(to existing: Consultation?, now: Date = Date()) -> Consultation? {
        guard errors.isEmpty, let opens = dates.instant(local: opensAt), let closes = dates.instant(local: closesAt),
              let audience = Consultation.Audience(rawValue: audience), let status = Consultation.Status(rawValue: status) else { return nil }
        var consultation = existing ?? Consultation(id: nil, title: title, description: description, subject: nil, opensAt: opens, closesAt: closes,
                                                    audience: audience, status: status, sample: false, createdAt: now, updatedAt: now)
        consultation.title = title
        consultation.description = description
        consultation.subject = subject.isEmpty ? nil : subject
        consultation.opensAt = opens
        consultation.closesAt = closes
        consultation.audience = audience
        consultation.status = status
        consultation.updatedAt = now
        return consultation
    }
}
