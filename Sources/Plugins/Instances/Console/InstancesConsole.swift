import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin/instances`, on an instance only: its profile, members, meetings (with minutes) and
/// opinions (with the commune's follow-up). Files are checked before anything is written, and
/// removed again if the write fails, so nothing is half-saved.
struct InstancesConsole {
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: profileForm)
        group.post(use: saveProfile)
        for kind in Kind.allCases {
            group.get(RouterPath(kind.rawValue)) { _, context in try await list(kind, context) }
        }
        group.get("members/new") { _, context in try await memberForm(context, new: true) }
        group.post("members/new") { _, context in try await saveMember(context, new: true) }
        group.get("members/:id") { _, context in try await memberForm(context, new: false) }
        group.post("members/:id") { _, context in try await saveMember(context, new: false) }
        group.get("meetings/new") { _, context in try await meetingForm(context, new: true) }
        group.post("meetings/new") { _, context in try await saveMeeting(context, new: true) }
        group.get("meetings/:id") { _, context in try await meetingForm(context, new: false) }
        group.post("meetings/:id") { _, context in try await saveMeeting(context, new: false) }
        group.get("opinions/new") { _, context in try await opinionForm(context, new: true) }
        group.post("opinions/new") { _, context in try await saveOpinion(context, new: true) }
        group.get("opinions/:id") { _, context in try await opinionForm(context, new: false) }
        group.post("opinions/:id") { _, context in try await saveOpinion(context, new: false) }
        group.post("opinions/:id/follow-up", use: saveFollowUp)
    }

    enum Kind: String, CaseIterable { case members, meetings, opinions }

    private func start(_ context: CivicContext) throws {
        try context.require("instances.edit")
        try InstancesSite.requireInstance(context)
    }

    private func text(_ context: CivicContext, _ key: String) -> String { context.text("instances.\(key)") }

    private func id(_ context: CivicContext) throws -> Int64 {
        guard let id = Int64(try context.parameters.require("id")) else { throw HTTPError(.notFound, message: text(context, "error.not_found")) }
        return id
    }

    /// Stores an uploaded file, or returns the string key saying why it was refused.
    private func store(_ file: UploadedFile?, kinds: Set<FileKind>, context: CivicContext) -> Result<String?, FileRejection> {
        guard let file else { return .success(nil) }
        do { return .success(try context.files.store(file, accepting: kinds, maxBytes: context.maxUploadSize).name) } catch let rejection as FileRejection {
            return .failure(rejection)
        } catch {
            return .failure(.typeNotAllowed)
        }
    }

    /// Runs the write; a file stored for it is removed again if the write fails.
    private func write(_ context: CivicContext, removingOnFailure stored: String?, _ body: @escaping @Sendable (Database) throws -> Void) async throws {
        do { try await context.database.write(body) } catch {
            if let stored { context.files.remove(stored) }
            throw error
        }
    }

    private func render(_ context: CivicContext, heading: String, action: String, fields: FormFields, errors: [String],
                        status: HTTPResponse.Status, adjust: (inout InstanceFormPage) -> Void = { _ in }) throws -> Response {
        var page = InstanceFormPage(heading: heading, action: action, formFields: fields.items, back: InstanceRoute.console.href(context),
                                    backLabel: text(context, "console_title"), errors: errors.map { context.text($0) })
        adjust(&page)
        return try context.render(page, title: heading, status: status)
    }

    // MARK: profile

    @Sendable func profileForm(_ request: Request, context: CivicContext) async throws -> Response {
        try start(context)
        let profile = try await context.database.read { db in try InstanceProfile.load(db) }
        return try renderProfile(context, input: profile.map(ProfileForm.init) ?? ProfileForm(), status: .ok)
    }

    private func renderProfile(_ context: CivicContext, input: ProfileForm, status: HTTPResponse.Status) throws -> Response {
        var fields = FormFields(context, labels: "instances.field")
        fields.localized("legal_basis", value: input.legalBasis)
        fields.localized("mission", value: input.mission, multiline: true)
        fields.localized("composition", value: input.composition, multiline: true)
        fields.text("mandate_start", value: input.mandateStart, type: "date")
        fields.text("mandate_end", value: input.mandateEnd, type: "date")
        fields.text("contact", value: input.contact)
        let base = InstanceRoute.console.href(context)
        return try render(context, heading: text(context, "console_title"), action: base, fields: fields, errors: input.errors, status: status) {
            $0.sections = Kind.allCases.map { .init(label: text(context, $0.rawValue), href: InstanceRoute.consoleList($0.rawValue).href(context)) }
        }
    }

    @Sendable func saveProfile(_ request: Request, context: CivicContext) async throws -> Response {
        try start(context)
        let input = ProfileForm(form: context.form, locales: context.tenant.locales)
        guard let profile = input.profile() else { return try renderProfile(context, input: input, status: .unprocessableContent) }
        try await context.database.write { db in
            let before = try InstanceProfile.load(db)?.auditFields ?? [:]
            try profile.save(db)
            try context.audit(db, action: "update", itemType: "profile", itemID: "1", summary: "profile",
                              changes: FieldChange.diff(old: before, new: profile.auditFields))
        }
        return context.redirect(InstanceRoute.console, notice: .saved)
    }

    // MARK: lists

    private func list(_ kind: Kind, _ context: CivicContext) async throws -> Response {
        try start(context)
        let items: [InstanceConsoleListPage.Item] = try await context.database.read { db in
            switch kind {
            case .members:
                return try Member.order(Member.Columns.endedOn != nil, Member.Columns.startedOn.desc).fetchAll(db).map {
                    .init(label: $0.name, meta: "\(context.text("instances.role.\($0.role.rawValue)")) · \($0.startedOn) – \($0.endedOn ?? "")",
                          href: InstanceRoute.member($0.id).href(context))
                }
            case .meetings:
                return try Meeting.order(Meeting.Columns.startsAt.desc).fetchAll(db).map {
                    .init(label: $0.startsAt.replacingOccurrences(of: "T", with: " "), meta: context.text("instances.meeting_status.\($0.status.rawValue)"),
                          href: InstanceRoute.meetingForm($0.id).href(context))
                }
            case .opinions:
                return try Opinion.order(Opinion.Columns.adoptedOn.desc).fetchAll(db).map {
                    .init(label: context.localized($0.title),
                          meta: "\(context.dates.day($0.adoptedOn).text) · \($0.followUp.map { context.text("instances.follow_up.\($0.rawValue)") } ?? context.text("instances.awaiting"))",
                          href: InstanceRoute.opinionForm($0.id).href(context))
                }
            }
        }
        let page = InstanceConsoleListPage(heading: text(context, kind.rawValue), items: items, newHref: InstanceRoute.new(kind.rawValue).href(context),
                                           newLabel: text(context, "new_\(kind.rawValue)"), back: InstanceRoute.console.href(context),
                                           backLabel: text(context, "console_title"))
        return try context.render(page, title: text(context, kind.rawValue))
    }

    // MARK: members

    private func memberForm(_ context: CivicContext, new: Bool) async throws -> Response {
        try start(context)
        guard !new else { return try renderMember(context, input: MemberForm(), member: nil, status: .ok) }
        let id = try id(context)
        guard let member = try await context.database.read({ db in try Member.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: text(context, "error.not_found"))
        }
        return try renderMember(context, input: MemberForm(member), member: member, status: .ok)
    }

    private func renderMember(_ context: CivicContext, input: MemberForm, member: Member?, status: HTTPResponse.Status) throws -> Response {
        var fields = FormFields(context, labels: "instances.field")
        fields.text("name", value: input.name, required: true)
        fields.select("role", options: Member.Role.allCases.map { ($0.rawValue, text(context, "role.\($0.rawValue)")) }, selected: input.role)
        fields.localized("quality", value: input.quality)
        fields.text("started_on", value: input.startedOn, required: true, type: "date")
        fields.text("ended_on", value: input.endedOn, help: text(context, "ended_help"), type: "date")
        fields.file("photo", help: text(context, "photo_help"))
        fields.localized("photo_alt", value: input.photoAlt, help: text(context, "photo_alt_help"))
        if member?.photo != nil { fields.checkbox("remove_photo", checked: false) }
        let action = InstanceRoute.member(member?.id).href(context)
        return try render(context, heading: member?.name ?? text(context, "new_members"), action: action, fields: fields, errors: input.errors,
                          status: status) {
            $0.multipart = true
            $0.currentFile = FileLink(member?.photo, context: context)
        }
    }

    private func saveMember(_ context: CivicContext, new: Bool) async throws -> Response {
        try start(context)
        let existing: Member? = new ? nil : try await context.database.read { [id = try id(context)] db in try Member.fetchOne(db, key: id) }
        if !new && existing == nil { throw HTTPError(.notFound, message: text(context, "error.not_found")) }
        var input = MemberForm(form: context.form, locales: context.tenant.locales, hasPhoto: existing?.photo != nil)
        guard input.errors.isEmpty else { return try renderMember(context, input: input, member: existing, status: .unprocessableContent) }
        let stored: String?
        switch store(input.photo, kinds: InstanceForms.photoKinds, context: context) {
        case .success(let name): stored = name
        case .failure(let rejection):
            input.errors.append(rejection.key)
            return try renderMember(context, input: input, member: existing, status: .unprocessableContent)
        }
        guard let member = input.apply(to: existing, photo: stored) else { throw HTTPError(.unprocessableContent) }
        let before = existing?.auditFields ?? [:]
        try await write(context, removingOnFailure: stored) { db in
            var record = member
            try record.save(db)
            try context.audit(db, action: new ? "create" : "update", itemType: "member", itemID: String(record.id ?? 0), summary: record.name,
                              changes: FieldChange.diff(old: before, new: record.auditFields))
        }
        return context.redirect(InstanceRoute.consoleList("members"), notice: .saved)
    }

    // MARK: meetings

    private func meetingForm(_ context: CivicContext, new: Bool) async throws -> Response {
        try start(context)
        guard !new else { return try renderMeeting(context, input: MeetingForm(), meeting: nil, status: .ok) }
        let id = try id(context)
        guard let meeting = try await context.database.read({ db in try Meeting.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: text(context, "error.meeting_not_found"))
        }
        return try renderMeeting(context, input: MeetingForm(meeting), meeting: meeting, status: .ok)
    }

    private func renderMeeting(_ context: CivicContext, input: MeetingForm, meeting: Meeting?, status: HTTPResponse.Status) throws -> Response {
        var fields = FormFields(context, labels: "instances.field")
        fields.text("starts_at", value: input.startsAt, required: true, help: text(context, "starts_help"), type: "datetime-local")
        fields.localized("place", value: input.place)
        fields.localized("agenda", value: input.agenda, multiline: true)
        fields.select("status", options: Meeting.Status.allCases.map { ($0.rawValue, text(context, "meeting_status.\($0.rawValue)")) }, selected: input.status)
        fields.text("attendance", value: input.attendance, inputMode: "numeric", help: text(context, "held_only"))
        fields.localized("minutes_text", value: input.minutesText, multiline: true, help: text(context, "held_only"))
        fields.file("minutes_file", help: text(context, "document_help"))
        let action = InstanceRoute.meetingForm(meeting?.id).href(context)
        return try render(context, heading: meeting.map { "\(text(context, "meeting")) \($0.day)" } ?? text(context, "new_meetings"), action: action,
                          fields: fields, errors: input.errors, status: status) {
            $0.multipart = true
            $0.currentFile = FileLink(meeting?.minutesFile, context: context)
        }
    }

    private func saveMeeting(_ context: CivicContext, new: Bool) async throws -> Response {
        try start(context)
        let existing: Meeting? = new ? nil : try await context.database.read { [id = try id(context)] db in try Meeting.fetchOne(db, key: id) }
        if !new && existing == nil { throw HTTPError(.notFound, message: text(context, "error.meeting_not_found")) }
        var input = MeetingForm(form: context.form, locales: context.tenant.locales)
        guard input.errors.isEmpty else { return try renderMeeting(context, input: input, meeting: existing, status: .unprocessableContent) }
        let stored: String?
        switch store(input.file, kinds: InstanceForms.documentKinds, context: context) {
        case .success(let name): stored = name
        case .failure(let rejection):
            input.errors.append(rejection.key)
            return try renderMeeting(context, input: input, meeting: existing, status: .unprocessableContent)
        }
        guard let meeting = input.apply(to: existing, minutesFile: stored) else { throw HTTPError(.unprocessableContent) }
        let before = existing?.auditFields ?? [:]
        try await write(context, removingOnFailure: stored) { db in
            var record = meeting
            try record.save(db)
            try context.audit(db, action: new ? "create" : "update", itemType: "meeting", itemID: String(record.id ?? 0), summary: record.startsAt,
                              changes: FieldChange.diff(old: before, new: record.auditFields))
            try InstanceNews.meeting(db, record, new: new, context: context)
        }
        return context.redirect(InstanceRoute.consoleList("meetings"), notice: .saved)
    }

    // MARK: opinions

    private func opinionForm(_ context: CivicContext, new: Bool) async throws -> Response {
        try start(context)
        guard !new else { return try renderOpinion(context, input: OpinionForm(), opinion: nil, status: .ok) }
        let id = try id(context)
        guard let opinion = try await context.database.read({ db in try Opinion.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: text(context, "error.opinion_not_found"))
        }
        return try renderOpinion(context, input: OpinionForm(opinion), opinion: opinion, status: .ok)
    }

    /// `followUpInput`: the follow-up as submitted, when it comes back refused or held back.
    private func renderOpinion(_ context: CivicContext, input: OpinionForm, opinion: Opinion?, followUpInput: FollowUpInput? = nil,
                               status: HTTPResponse.Status) throws -> Response {
        var fields = FormFields(context, labels: "instances.field")
        fields.localized("title", value: input.title)
        fields.text("adopted_on", value: input.adoptedOn, required: true, type: "date")
        fields.localized("subject", value: input.subject)
        fields.localized("body", value: input.body, multiline: true)
        fields.file("file", help: text(context, "document_help"))
        var followUpForm: InstanceFormPage.FollowUpForm?
        if let opinion, let id = opinion.id {
            let shown = followUpInput ?? FollowUpInput(opinion, today: context.tenant.today)
            var followUp = FormFields(context, labels: "instances.field")
            followUp.select("follow_up", options: Opinion.FollowUp.allCases.map { ($0.rawValue, text(context, "follow_up.\($0.rawValue)")) },
                            selected: shown.state)
            followUp.localized("follow_up_reason", value: shown.reason, multiline: true, help: text(context, "follow_up_help"))
            followUp.text("follow_up_on", value: shown.on, required: true, type: "date")
            let heldBack = shown.errors.isEmpty ? shown.missing.flatMap { $0.holdsBack ? $0 : nil } : nil
            if heldBack != nil { followUp.checkbox(MissingTranslations.confirmationField, checked: false) }
            followUpForm = .init(action: InstanceRoute.followUp(id).href(context), formFields: followUp.items,
                                 errors: shown.errors.map { context.text($0) } + (heldBack.map { [$0.warning(context)] } ?? []))
        }
        let action = InstanceRoute.opinionForm(opinion?.id).href(context)
        return try render(context, heading: opinion.map { context.localized($0.title) } ?? text(context, "new_opinions"), action: action,
                          fields: fields, errors: input.errors, status: status) {
            $0.multipart = true
            $0.currentFile = FileLink(opinion?.file, context: context)
            $0.followUp = followUpForm
        }
    }

    private func saveOpinion(_ context: CivicContext, new: Bool) async throws -> Response {
        try start(context)
        let existing: Opinion? = new ? nil : try await context.database.read { [id = try id(context)] db in try Opinion.fetchOne(db, key: id) }
        if !new && existing == nil { throw HTTPError(.notFound, message: text(context, "error.opinion_not_found")) }
        var input = OpinionForm(form: context.form, locales: context.tenant.locales, today: context.tenant.today)
        if existing?.file != nil { input.errors.removeAll { $0 == "instances.error.opinion_body" } }
        guard input.errors.isEmpty else { return try renderOpinion(context, input: input, opinion: existing, status: .unprocessableContent) }
        let stored: String?
        switch store(input.file, kinds: InstanceForms.documentKinds, context: context) {
        case .success(let name): stored = name
        case .failure(let rejection):
            input.errors.append(rejection.key)
            return try renderOpinion(context, input: input, opinion: existing, status: .unprocessableContent)
        }
        guard let opinion = input.apply(to: existing, file: stored) else { throw HTTPError(.unprocessableContent) }
        let before = existing?.auditFields ?? [:]
        try await write(context, removingOnFailure: stored) { db in
            var record = opinion
            try record.save(db)
            try context.audit(db, action: new ? "create" : "update", itemType: "opinion", itemID: String(record.id ?? 0),
                              summary: context.localized(record.title), changes: FieldChange.diff(old: before, new: record.auditFields))
            try InstanceNews.opinion(db, record, headline: new ? "instances.news.opinion" : "instances.news.opinion_changed",
                                     detail: new ? record.subject : nil, context: context)
        }
        return context.redirect(InstanceRoute.consoleList("opinions"), notice: .saved)
    }

    @Sendable func saveFollowUp(_ request: Request, context: CivicContext) async throws -> Response {
        try start(context)
        let id = try id(context)
        guard var opinion = try await context.database.read({ db in try Opinion.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: text(context, "error.opinion_not_found"))
        }
        let input = FollowUpInput(form: context.form, locales: context.tenant.locales)
        guard input.errors.isEmpty, input.missing?.holdsBack != true, let state = Opinion.FollowUp(rawValue: input.state) else {
            return try renderOpinion(context, input: OpinionForm(opinion), opinion: opinion, followUpInput: input, status: .unprocessableContent)
        }
        let before = opinion.auditFields
        opinion.followUp = state
        opinion.followUpReason = input.reason
        opinion.followUpOn = input.on
        opinion.updatedAt = Date()
        let updated = opinion
        try await context.database.write { db in
            try updated.update(db)
            try context.audit(db, action: "follow_up", itemType: "opinion", itemID: String(id), summary: state.rawValue,
                              changes: FieldChange.diff(old: before, new: updated.auditFields))
            try InstanceNews.opinion(db, updated, headline: "instances.news.follow_up", detail: updated.followUpReason, context: context)
        }
        return context.redirect(InstanceRoute.opinionForm(id), notice: .saved)
    }
}
