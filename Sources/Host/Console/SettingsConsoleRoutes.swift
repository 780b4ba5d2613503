import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// `{root}/admin/settings`: the tenant's name, languages, logo and colour, and what its pages show at
/// their foot (contact, legal notice, privacy notice, accessibility statement).
struct SettingsConsoleRoutes {
    let services: HostServices

    func register(on router: Router<CivicContext>) {
        router.get("admin/settings", use: settings)
        router.post("admin/settings", use: saveSettings)
    }

    @Sendable func settings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let tenant = context.tenant
        let footer = services.registry.entry(tenant.slug)?.footer ?? TenantFooter()
        return try await renderSettings(context, name: tenant.name, locales: tenant.locales, accent: tenant.accentColor,
                                        logo: tenant.logoURL ?? "", footer: footer, formats: tenant.formats,
                                        mailFrom: services.registry.entry(tenant.slug)?.mailFrom ?? "",
                                        licence: try await context.database.read { db in try OpenDataLicence.current(db) }, errors: [], status: .ok)
    }

    private func renderSettings(_ context: CivicContext, name: LocalizedText, locales: [String], accent: String, logo: String,
                                footer: TenantFooter, formats: TenantFormats, mailFrom: String, licence: OpenDataLicence, errors: [String],
                                status: HTTPResponse.Status) async throws -> Response {
        let pages = try await services.links.noticePages(context)
        let chosen = ["legal": footer.legal, "privacy": footer.privacy, "accessibility": footer.accessibility]
        let page = SettingsConsolePage(
            action: ConsoleRoute.settings.href(context),
            names: Locales.supported.map { .init(code: $0, value: name.values[$0] ?? "") },
            locales: Locales.supported.map { .init(code: $0, offered: locales.contains($0), isDefault: locales.first == $0) },
            accent: accent, logo: logo, errors: errors, logoPreview: logo.isEmpty ? nil : Renderer.logoSource(logo, root: context.root),
            contacts: context.tenant.locales.map { .init(code: $0, value: footer.contact.values[$0] ?? "") },
            notices: ["legal", "privacy", "accessibility"].map { key in
                .init(key: key, label: context.text("layout.\(key)"), options: [OptionView(value: "", label: "—", selected: chosen[key] == nil)]
                    + pages.map { OptionView(value: $0.path, label: context.localized($0.title), selected: chosen[key] == $0.path) })
            },
            formats: context.tenant.kind == .commune ? Self.formatChoices(formats) : nil,
            zoneOfCommune: context.tenant.kind == .instance ? formats.timeZone : nil,
            mailFrom: mailFrom, platformFrom: services.config.mail.fromAddress,
            licences: OpenDataLicence.allCases.map { OptionView(value: $0.rawValue, label: $0.name, selected: $0 == licence) })
        return try context.render(page, title: context.text("console.settings"), status: status)
    }

    /// Every time zone, and each Arabic month and digit style shown on an example (today, and a number).
    private static func formatChoices(_ formats: TenantFormats) -> SettingsConsolePage.Formats {
        func example(_ variant: TenantFormats) -> String {
            NumberText.format(1_234.5, locale: "ar", digits: variant.digits) + " — " + DateText(locale: "ar", formats: variant).day(Date()).text
        }
        var months = formats, digits = formats
        return .init(
            zones: TimeZone.knownTimeZoneIdentifiers.sorted().map { OptionView(value: $0, label: $0, selected: $0 == formats.timeZone) },
            months: TenantFormats.ArabicMonths.allCases.map { choice in
                months.arabicMonths = choice
                return OptionView(value: choice.rawValue, label: DateText(locale: "ar", formats: months).day(Date()).text, selected: choice == formats.arabicMonths)
            },
            digits: TenantFormats.Digits.allCases.map { choice in
                digits.digits = choice
                return OptionView(value: choice.rawValue, label: example(digits), selected: choice == formats.digits)
            })
    }

    /// The conventions as submitted by a commune (an instance keeps its commune's); a field left out
    /// keeps its value, one sent with an unknown value is refused.
    private func formats(_ form: FormData, context: CivicContext, errors: inout [String]) -> TenantFormats {
        var formats = context.tenant.formats
        guard context.tenant.kind == .commune else { return formats }
        if let zone = form["time_zone"] {
            if TenantFormats.isKnownZone(zone) { formats.timeZone = zone } else { errors.append(context.text("console.error.time_zone")) }
        }
        let months = form["arabic_months"].map(TenantFormats.ArabicMonths.init), digits = form["digits"].map(TenantFormats.Digits.init)
        if let months, let months { formats.arabicMonths = months }
        if let digits, let digits { formats.digits = digits }
        if months == .some(nil) || digits == .some(nil) { errors.append(context.text("console.error.formats")) }
        return formats
    }

    /// The footer as submitted: contact per language, and notices that are public pages of the site.
    private func footer(_ form: FormData, context: CivicContext, errors: inout [String]) async throws -> TenantFooter {
        let paths = Set(try await services.links.noticePages(context).map(\.path))
        func notice(_ key: String) -> String? {
            let path = form.text(key)
            guard !path.isEmpty else { return nil }
            if !paths.contains(path) { errors.append(context.text("console.error.notice_page")) }
            return path
        }
        let contact = form.localized("contact", locales: context.tenant.locales)
        if contact.values.values.contains(where: { $0.count > 1_000 }) { errors.append(context.text("console.error.contact_long")) }
        return TenantFooter(contact: contact, legal: notice("legal"), privacy: notice("privacy"), accessibility: notice("accessibility"))
    }

    static let maxLogoBytes = 1_048_576

    /// A logo is an uploaded file (`files/<name>`), an https address, or a path on this site.
    static func isValidLogo(_ logo: String) -> Bool {
        if logo.isEmpty { return true }
        if logo.hasPrefix("files/") { return TenantFiles.isStoredName(String(logo.dropFirst(6))) }
        return logo.count <= 500 && (logo.hasPrefix("https://") || (logo.hasPrefix("/") && !logo.hasPrefix("//")))
            && logo.rangeOfCharacter(from: CharacterSet(charactersIn: "\"'<> \\")) == nil
    }

    @Sendable func saveSettings(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("core.admin")
        let form = context.form
        let name = form.localized("name", locales: Locales.supported)
        let defaultLocale = form.text("default_locale")
        var locales = Locales.supported.filter { form.all("locales").contains($0) }
        let accent = form.text("accent").lowercased()
        var logo = form.text("logo")
        var errors: [String] = []
        if name.isEmpty { errors.append(context.text("console.error.name")) }
        if locales.isEmpty { errors.append(context.text("console.error.locales")) }
        if !locales.contains(defaultLocale) { errors.append(context.text("console.error.default_locale")) } else {
            locales.removeAll { $0 == defaultLocale }
            locales.insert(defaultLocale, at: 0)
        }
        if !AccentColor.isValid(accent) { errors.append(context.text("console.error.colour_format")) } else if !AccentColor.isReadable(accent) {
            errors.append(context.text("console.error.colour_contrast"))
        }
        if !Self.isValidLogo(logo) { errors.append(context.text("console.error.logo")) }
        let footer = try await footer(form, context: context, errors: &errors)
        let formats = formats(form, context: context, errors: &errors)
        let mailFrom = AccountStore.normalizedEmail(form.text("mail_from"))
        if !mailFrom.isEmpty && !AccountStore.isPlausibleEmail(mailFrom) { errors.append(context.text("console.error.mail_from")) }
        let licenceBefore = try await context.database.read { db in try OpenDataLicence.current(db) }
        var licence = licenceBefore
        if let chosen = form["opendata_licence"] {
            if let known = OpenDataLicence(rawValue: chosen) { licence = known } else { errors.append(context.text("console.error.licence")) }
        }
        // the file is stored last, once everything else is valid, so a refused form leaves no file behind
        if errors.isEmpty, let upload = form.file("logo_file") {
            do {
                logo = "files/" + (try context.files.store(upload, accepting: [.png, .jpeg, .webp, .gif], maxBytes: Self.maxLogoBytes)).name
            } catch let rejection as FileRejection {
                errors.append(context.text(rejection.key))
            }
        }
        guard errors.isEmpty else {
            return try await renderSettings(context, name: name, locales: locales, accent: accent, logo: logo, footer: footer, formats: formats,
                                            mailFrom: mailFrom, licence: licence, errors: errors, status: .badRequest)
        }
        let before = context.tenant, offered = locales, savedLogo = logo
        let footerBefore = services.registry.entry(before.slug)?.footer ?? TenantFooter()
        try services.tenants.updateSettings(before.slug, name: name, locales: locales, accentColor: accent, logoURL: logo.isEmpty ? nil : logo)
        try services.tenants.updateFooter(before.slug, footer)
        let mailFromBefore = services.registry.entry(before.slug)?.mailFrom ?? ""
        if mailFrom != mailFromBefore { try services.tenants.updateMailFrom(before.slug, mailFrom.isEmpty ? nil : mailFrom) }
        if before.kind == .commune && formats != before.formats { try services.tenants.updateFormats(before.slug, formats) }
        let chosenLicence = licence
        try await context.database.write { db in
            if chosenLicence != licenceBefore { try OpenDataLicence.set(db, chosenLicence) }
            try context.audit(db, action: "settings", itemType: "tenant", itemID: before.slug, summary: "settings", changes: FieldChange.diff(
                old: ["name": before.name.json, "locales": before.locales.joined(separator: ","), "accent": before.accentColor, "logo": before.logoURL ?? "",
                      "footer": footerBefore.json, "formats": before.formats.json, "mail_from": mailFromBefore,
                      "opendata_licence": licenceBefore.rawValue],
                new: ["name": name.json, "locales": offered.joined(separator: ","), "accent": accent, "logo": savedLogo, "footer": footer.json,
                      "formats": formats.json, "mail_from": mailFrom, "opendata_licence": chosenLicence.rawValue]))
        }
        return context.redirect(ConsoleRoute.settings, notice: .saved)
    }
}
