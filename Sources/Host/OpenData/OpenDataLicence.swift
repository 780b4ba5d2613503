import GRDB

/// The licence a tenant publishes its open data under, chosen in its settings; the archive's README
/// states it. The Open Database License unless the admins chose another.
enum OpenDataLicence: String, Sendable, CaseIterable {
    case odbl
    case licenceOuverte = "licence-ouverte-2.0"
    case ccBy = "cc-by-4.0"

    /// Its full name, the same in every language.
    var name: String {
        switch self {
        case .odbl: "Open Database License (ODbL) 1.0"
        case .licenceOuverte: "Licence Ouverte / Open Licence 2.0 (Etalab)"
        case .ccBy: "Creative Commons Attribution 4.0 (CC BY 4.0)"
        }
    }

    /// Where its text is.
    var url: String {
        switch self {
        case .odbl: "https://opendatacommons.org/licenses/odbl/1-0/"
        case .licenceOuverte: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
        case .ccBy: "https://creativecommons.org/licenses/by/4.0/"
        }
    }

    private static let key = "opendata.licence"

    static func current(_ db: Database) throws -> OpenDataLicence {
        try CoreSettings.value(db, key).flatMap(OpenDataLicence.init) ?? .odbl
    }

    static func set(_ db: Database, _ licence: OpenDataLicence) throws { try CoreSettings.set(db, key, licence.rawValue) }
}
