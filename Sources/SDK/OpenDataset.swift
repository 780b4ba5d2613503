/// A public dataset a module publishes, gathered by the host into `{root}/opendata.zip` with a README.
public struct OpenDataset: Sendable {
    /// File name inside the archive, such as `"plan.csv"`.
    public let file: String
    /// Path under the tenant root that serves it publicly, such as `"/plans/export.csv"`.
    public let path: String
    /// What it holds and what its columns or fields mean, per locale.
    public let description: LocalizedText
    /// Whether the path is a paginated API list (the archive then holds every page).
    public let paginated: Bool
    /// The kinds of tenant it exists for (an instance's members: instances only).
    public let kinds: Set<Tenant.Kind>

    /// Creates a dataset description.
    public init(file: String, path: String, description: LocalizedText, paginated: Bool = false, kinds: Set<Tenant.Kind> = [.commune, .instance]) {
        self.file = file
        self.path = path
        self.description = description
        self.paginated = paginated
        self.kinds = kinds
    }
}
