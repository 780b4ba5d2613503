import CivicSDK

/// A commitment's or the plan's budget as pages show it: planned, committed and spent, the share of
/// the planned amount spent, and for a commitment each activity's amounts and every dated line.
/// Absent where no amount was entered.
struct BudgetView: TemplateModel {
    static let fields = TemplateFields<Self>([
        "planned": \.planned, "committed": \.committed, "spent": \.spent, "executed": \.executed, "activities": \.activities,
        "hasActivities": \.hasActivities, "lines": \.lines, "hasLines": \.hasLines, "others": \.others,
    ])

    struct ActivityRow: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "planned": \.planned, "spent": \.spent])
        let title: String, planned: String, spent: String
    }

    struct Line: TemplateModel {
        static let fields = TemplateFields<Self>(["date": \.date, "kind": \.kind, "amount": \.amount, "about": \.about, "evidence": \.evidence])
        let date: TimeText, kind: String, amount: String, about: String, evidence: LinkView?
    }

    let planned: String, committed: String, spent: String
    /// Spent as a share of planned, when something is planned.
    let executed: PercentText?
    let activities: [ActivityRow], lines: [Line]
    /// Amounts in other currencies than the main one, written out ("12 000 EUR planned"), if any.
    let others: String?
    var hasActivities: Bool { !activities.isEmpty }
    var hasLines: Bool { !lines.isEmpty }

    /// `value` with its currency code, in the page's language (see ``BudgetTotals/written(_:currency:locale:digits:)``).
    static func amount(_ value: Double, currency: String, context: CivicContext) -> String {
        BudgetTotals.written(value, currency: currency, locale: context.locale, digits: context.tenant.formats.digits)
    }

    /// The view of `lines`, or `nil` when there are none; `activities` list amounts per activity
    /// and `withLines` lists each line (a commitment's page; the plan's page shows totals only).
    init?(_ lines: [BudgetLine], activities: [Activity] = [], withLines: Bool = false, context: CivicContext) {
        let totals = BudgetTotals.of(lines)
        guard let main = totals.first else { return nil }
        let show = { (value: Double) in Self.amount(value, currency: main.currency, context: context) }
        planned = show(main.planned)
        committed = show(main.committed)
        spent = show(main.spent)
        executed = main.executed.map { context.percent($0) }
        let others = totals.dropFirst().map { total in
            [total.planned, total.committed, total.spent].map { Self.amount($0, currency: total.currency, context: context) }.joined(separator: " / ")
        }
        self.others = others.isEmpty ? nil : others.joined(separator: " · ")
        self.activities = activities.compactMap { activity in
            let own = BudgetTotals.of(lines.filter { $0.activityID == activity.id && $0.currency == main.currency }).first
            return own.map { ActivityRow(title: context.localized(activity.title), planned: show($0.planned), spent: show($0.spent)) }
        }
        let titles = Dictionary(uniqueKeysWithValues: activities.map { ($0.id ?? 0, context.localized($0.title)) })
        self.lines = withLines ? lines.reversed().map { line in
            Line(date: context.dates.day(line.date), kind: context.text("plans.budget.kind.\(line.kind.rawValue)"),
                 amount: Self.amount(line.amount, currency: line.currency, context: context),
                 about: [line.activityID.flatMap { titles[$0] }, context.localized(line.label)].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " — "),
                 evidence: line.evidence.map { LinkView(label: line.evidenceLabel ?? $0, href: HostRoute.file($0).href(context)) })
        } : []
    }
}
