import CivicSDK

/// A generated monitoring report as read on screen or printed (A4): its title and period, the
/// introduction staff wrote, the platform's sections in the reader's language, the conclusions, and
/// the figures as published — each with its value today for the same date when it was corrected since.
struct MonitoringDocument: TemplateModel {
    static let fields = TemplateFields<Self>([
        "title": \.title, "period": \.period, "published": \.published, "introduction": \.introduction, "conclusions": \.conclusions,
        "sections": \.sections, "figures": \.figures, "lang": \.lang, "dir": \.dir, "corrections": \.corrections,
    ])

    struct Section: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "anchor": \.anchor, "paragraphs": \.paragraphs, "tables": \.tables])
        let title: String, anchor: String, paragraphs: [String], tables: [Table]
    }

    struct Table: TemplateModel {
        static let fields = TemplateFields<Self>(["caption": \.caption, "header": \.header, "rows": \.rows])
        let caption: String, header: [String], rows: [Row]
    }

    /// A row of cells (a template reads a list of lists through a named field).
    struct Row: TemplateModel {
        static let fields = TemplateFields<Self>(["cells": \.cells])
        let cells: [MonitoringSection.Cell]
    }

    struct Figure: TemplateModel {
        static let fields = TemplateFields<Self>(["title": \.title, "value": \.value, "corrected": \.corrected])
        /// `corrected`: the value the same date has today, when it differs from the published one.
        let title: String, value: String, corrected: String?
    }

    let title: String, period: TimeSpan, published: TimeText?
    /// Staff's introduction and conclusions as HTML from their Markdown, when written.
    let introduction: String?, conclusions: String?
    let sections: [Section], figures: [Figure]
    /// The language and direction the sections are written in (the reader's, else the tenant's first).
    let lang: String, dir: String
    /// Whether any figure was corrected since publication.
    var corrections: Bool { figures.contains { $0.corrected != nil } }

    /// The document for `context`'s reader; `today` holds the figures as they are now computed for the
    /// period's end (empty in a preview, where nothing is published yet).
    init(title: LocalizedText, content: MonitoringContent, introduction: LocalizedText, conclusions: LocalizedText, published: String?,
         today: [String: Indicator], context: CivicContext) {
        let locale = content.sections[context.locale] != nil ? context.locale : context.tenant.defaultLocale
        self.title = context.localized(title)
        period = context.dates.span(content.period.start, content.period.end)
        self.published = published.map { context.dates.day($0) }
        self.introduction = introduction.isEmpty ? nil : context.renderer.markdown(context.localized(introduction))
        self.conclusions = conclusions.isEmpty ? nil : context.renderer.markdown(context.localized(conclusions))
        sections = (content.sections[locale] ?? []).enumerated().map { index, section in
            Section(title: section.title, anchor: "section-\(index + 1)", paragraphs: section.paragraphs,
                    tables: section.tables.filter { !$0.rows.isEmpty }.map { Table(caption: $0.caption, header: $0.header, rows: $0.rows.map(Row.init)) })
        }
        figures = content.figures.map { figure in
            let shown = context.figure(figure.value, unit: figure.unit)
            let now = today[figure.id].flatMap { $0.value == figure.value ? nil : context.figure($0.value, unit: figure.unit) }
            return Figure(title: context.localized(figure.title), value: [shown.value, shown.unit].filter { !$0.isEmpty }.joined(separator: "\u{00A0}"),
                          corrected: now.map { [$0.value, $0.unit].filter { !$0.isEmpty }.joined(separator: "\u{00A0}") })
        }
        lang = locale
        dir = Locales.direction(locale)
    }
}
