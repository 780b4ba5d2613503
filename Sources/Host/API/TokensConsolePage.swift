import CivicSDK

/// `{root}/admin/tokens`: the signed-in account's personal access tokens, and making one.
struct TokensConsolePage: PageModel {
    static let template = "console-tokens"
    static let fields = TemplateFields<Self>([
        "created": \.created, "errors": \.errors, "hasErrors": \.hasErrors, "name": \.name, "action": \.action, "permissions": \.permissions,
        "canCreate": \.canCreate, "tokens": \.tokens, "hasTokens": \.hasTokens, "docHref": \.docHref,
    ])

    struct Scope: TemplateModel {
        static let fields = TemplateFields<Self>(["id": \.id, "label": \.label, "inputID": \.inputID])
        let id: String, label: String
        var inputID: String { "scope-" + id.replacingOccurrences(of: ".", with: "-") }
    }

    struct Token: TemplateModel {
        static let fields = TemplateFields<Self>(["name": \.name, "scopes": \.scopes, "created": \.created, "used": \.used,
                                                  "revoked": \.revoked, "revokeAction": \.revokeAction])
        let name: String, scopes: String, created: TimeText, used: TimeText?, revoked: Bool, revokeAction: String
    }

    /// A token just made, shown this once.
    let created: String?, errors: [String], name: String, action: String, permissions: [Scope], tokens: [Token], docHref: String
    var hasErrors: Bool { !errors.isEmpty }
    var canCreate: Bool { !permissions.isEmpty }
    var hasTokens: Bool { !tokens.isEmpty }
    var cachePolicy: CachePolicy { .perVisitor }
}
