import CivicSDK
import Foundation

/// A mail from a tenant, in one language: the tenant's name and colour, paragraphs, one button-like
/// link, the same words in a text part and an HTML part (right to left in Arabic). Links are given
/// as paths under the tenant's root and written out whole, from the tenant's configured address.
struct TenantMail {
    let tenant: Tenant
    let locale: String
    let settings: MailSettings
    /// The tenant's absolute address (``CivicRequestSource/publicBase``), never the request's Host.
    let base: String

    /// A mail from the request's tenant, in the page's language.
    init(_ context: CivicContext, settings: MailSettings) {
        self.init(tenant: context.tenant, locale: context.locale, settings: settings, base: context.request.publicBase)
    }

    init(tenant: Tenant, locale: String, settings: MailSettings, base: String) {
        self.tenant = tenant
        self.locale = locale
        self.settings = settings
        self.base = base
    }

    /// The absolute address of `path` (under the tenant's root).
    func address(_ path: String) -> String { base + path }

    /// A titled group of lines with its own link, after the paragraphs (a digest's item and what happened to it).
    struct Section {
        let title: String
        let path: String
        let lines: [String]
    }

    /// `link`, each section's and `footer` (unsubscribe, preferences) are paths under the tenant's root.
    func message(to: String, subject: String, paragraphs: [String], sections: [Section] = [], link: (label: String, path: String), closing: String,
                 footer: [(label: String, path: String)] = []) -> MailMessage {
        let link = (label: link.label, url: address(link.path)), footer = footer.map { (label: $0.label, url: address($0.path)) }
        let name = tenant.displayName(locale)
        let accent = AccentColor.shown(tenant.accentColor)
        let sectionText = sections.flatMap { [$0.title, address($0.path)] + $0.lines.map { "- \($0)" } + [""] }
        let text = ([name, ""] + paragraphs.flatMap { [$0, ""] } + sectionText + ["\(link.label):", link.url, "", closing]
            + footer.flatMap { ["", "\($0.label): \($0.url)"] }).joined(separator: "\r\n")
        let footerHTML = footer.map { "<a href=\"\(HTMLEscape.text($0.url))\" style=\"color:#555\">\(HTMLEscape.text($0.label))</a>" }
            .joined(separator: " · ")
        let dir = Locales.direction(locale)
        let body = paragraphs.map { "<p>\(HTMLEscape.text($0))</p>" }.joined() + sections.map { section in
            "<h2 style=\"font-size:17px;margin:20px 0 4px\"><a href=\"\(HTMLEscape.text(address(section.path)))\" style=\"color:\(accent)\">\(HTMLEscape.text(section.title))</a></h2><ul style=\"margin:0;padding-inline-start:20px\">"
                + section.lines.map { "<li>\(HTMLEscape.text($0))</li>" }.joined() + "</ul>"
        }.joined()
        let html = """
            <!doctype html><html lang="\(locale)" dir="\(dir)"><head><meta charset="utf-8"><title>\(HTMLEscape.text(subject))</title></head>
            <body style="margin:0;padding:0;font-family:sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;background:#f4f5f7">
            <div style="max-width:36rem;margin:0 auto;background:#fff">
            <div style="background:\(accent);color:#fff;padding:16px 24px;font-weight:bold;font-size:18px">\(HTMLEscape.text(name))</div>
            <div style="padding:16px 24px">\(body)
            <p><a href="\(HTMLEscape.text(link.url))" style="display:inline-block;background:\(accent);color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">\(HTMLEscape.text(link.label))</a></p>
            <p style="font-size:14px;color:#555">\(HTMLEscape.text(link.url))</p>
            <p>\(HTMLEscape.text(closing))</p>\(footerHTML.isEmpty ? "" : "<p style=\"font-size:14px\">\(footerHTML)</p>")</div></div></body></html>
            """
        let sender = "\(name) <\(settings.fromAddress)>"
        return MailMessage(from: sender, to: to, subject: "\(subject) — \(name)", text: text, html: html,
                           host: PublicAddress.hostName(URL(string: base)?.host ?? "localhost"))
    }
}
