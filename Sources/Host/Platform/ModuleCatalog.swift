import CivicSDK
import ConsultationForms
import ConsultativeInstances
import Logging
import Pages
import PlanTracker
import ReportsArchive

/// The one place that lists the modules this host can run.
struct ModuleCatalog: Sendable {
    /// Every module type compiled into the host.
    static let types: [any CivicModule.Type] = [PagesModule.self, PlanTrackerModule.self, ConsultationFormsModule.self,
                                                ConsultativeInstancesModule.self, ReportsArchiveModule.self]

    /// Permissions the host itself checks (tenant console).
    static let hostPermissions = [
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

    /// Instantiated modules, by id, in registration order.
    let modules: [(id: String, type: any CivicModule.Type, instance: any CivicModule)]

    init(logger: Logger, citizenInput: RateLimiter, signer: Signer, secureCookies: Bool) throws {
        modules = try Self.types.map { type in
            var moduleLogger = logger
            moduleLogger[metadataKey: "module"] = .string(type.id)
            let environment = ModuleEnvironment(logger: moduleLogger, citizenInput: citizenInput, signer: signer, secureCookies: secureCookies)
            return (type.id, type, try type.init(environment: environment))
        }
    }

    static func type(_ id: String) -> (any CivicModule.Type)? { types.first { $0.id == id } }

    static var ids: [String] { types.map { $0.id } }

    /// Host and module permissions together.
    static var policy: PermissionPolicy {
        PermissionPolicy(hostPermissions + types.flatMap { $0.permissions })
    }

    func instance(_ id: String) -> (any CivicModule)? { modules.first { $0.id == id }?.instance }
}
