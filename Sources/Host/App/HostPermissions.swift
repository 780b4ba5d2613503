import CivicSDK

/// Permissions the host itself checks (tenant console, moderation, answers).
enum HostPermissions {
    static let all = [
        Permission("core.admin", roles: [.admin]),
        Permission("core.console", roles: [.admin, .editor, .moderator], everyModule: true),
        Permission("core.moderate", roles: [.moderator]),
        Permission("core.respond", roles: [.editor, .moderator], everyModule: true),
    ]
}
