import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// The smallest complete module, in one screen: a manifest, a table, a public page, a console
/// action, a public item per greeting (linked to and searched) and a figure for the dashboard.
public struct HelloModule: CivicModule {
    public static let manifest = ModuleManifest(
        id: "hello", title: ["fr": "Bonjour", "ar": "مرحبا", "en": "Hello"],
        summary: ["fr": "Un module d'exemple.", "ar": "وحدة للمثال.", "en": "An example module."],
        permissions: [Permission("hello.edit", roles: [.editor])],
        resources: .module, pages: [GreetingsPage.self],
        migrations: { migrations in
            migrations.add("001-greeting") { db in
                try db.create(table: "greeting") { t in
                    t.autoIncrementedPrimaryKey("id")
                    t.column("text", .text).notNull().check { length($0) > 0 }
                }
            }
        })

    public init(environment: ModuleEnvironment) throws {}

    public func routes(_ router: ModuleRouter) {
        router.site.get { _, context in
            let greetings = try await context.database.read { db in try String.fetchAll(db, sql: "SELECT text FROM greeting ORDER BY id") }
            return try context.render(GreetingsPage(greetings: greetings), title: context.text("hello.title"))
        }
        router.console.post { _, context in
            try context.require("hello.edit")
            let text = context.form.text("text")
            guard !text.isEmpty else { throw HTTPError(.badRequest, message: context.text("hello.empty")) }
            try await context.database.write { db in try db.execute(sql: "INSERT INTO greeting (text) VALUES (?)", arguments: [text]) }
            return context.redirect("/hello")
        }
    }

    /// A greeting has no date: it counts at every moment of the dashboard's history.
    public func indicators(_ db: Database, _ tenant: Tenant, at moment: FigureMoment) throws -> [Indicator] {
        [Indicator(id: "hello.greetings", title: ["fr": "Salutations", "ar": "تحيات", "en": "Greetings"],
                   value: Double(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM greeting") ?? 0))]
    }

    public func publicItems(_ db: Database, _ tenant: Tenant) throws -> [PublicItem] {
        try Row.fetchAll(db, sql: "SELECT id, text FROM greeting").map { row in
            PublicItem(kind: "greeting", key: String(row["id"] as Int64), title: LocalizedText(["fr": row["text"]]), path: "/hello",
                       uses: [.link, .search])
        }
    }
}

/// `{root}/hello`: every greeting.
struct GreetingsPage: PageModel {
    static let template = "index"
    static let fields = TemplateFields<Self>(["greetings": \.greetings, "none": \.none])
    let greetings: [String]
    var none: Bool { greetings.isEmpty }
}
