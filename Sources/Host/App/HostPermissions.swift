import CivicSDK

/// Permissions the host itself checks (tenant console, moderation, answers).
enum HostPermissions {
    static let all = [
        Permission("core.admin", title: ["fr": "Administrer le site", "ar": "إدارة الموقع", "en": "Administer the site"], roles: [.admin]),
        Permission("core.console", title: ["fr": "Accéder à la console", "ar": "الولوج إلى لوحة الإدارة", "en": "Open the console"],
                   roles: [.admin, .editor, .moderator], everyModule: true),
        Permission("core.moderate", title: ["fr": "Masquer ou rétablir des commentaires", "ar": "إخفاء التعليقات أو إظهارها", "en": "Hide or restore comments"],
                   roles: [.moderator]),
        Permission("core.respond", title: ["fr": "Répondre aux suggestions et saisir les contributions hors ligne",
                                           "ar": "الرد على الاقتراحات وإدخال المساهمات غير الرقمية",
                                           "en": "Answer suggestions and enter offline input"],
                   roles: [.editor, .moderator], everyModule: true),
    ]
}
