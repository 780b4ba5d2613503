import Foundation

/// Something an account did in a module that its owner may want to find again on their account page
/// (a consultation answered, with its receipt): see ``CivicModule/accountRecords(_:_:accountID:)``.
public struct AccountRecord: Sendable, Hashable {
    /// What it is about (the consultation's title).
    public let title: LocalizedText
    /// Where it is shown, under the tenant's root.
    public let path: String
    /// When it was done.
    public let date: Date
    /// A short detail to show beside it (a receipt code), in no particular language.
    public let detail: String?

    /// A record of `title`, at `path`, done at `date`.
    public init(title: LocalizedText, path: String, date: Date, detail: String? = nil) {
        self.title = title
        self.path = path
        self.date = date
        self.detail = detail
    }
}
