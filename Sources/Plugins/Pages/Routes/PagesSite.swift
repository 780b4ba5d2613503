import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Public pages: the list, one page, and its history.
struct PagesSite {
    let services: ModuleServices
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: index)
        group.get(":slug", use: show)
        group.get(":slug/history", use: history)
    }

    @Sendable func index(_ request: Request, context: CivicContext) async throws -> Response {
        let pages = try await context.database.read { db in try Page.publishedLinks(db) }
        let items = pages.map { PagesLink(title: context.localized($0.title), href: PageRoute.page($0.slug).href(context)) }
        return try context.render(PagesIndexPage(pages: items), title: context.text("pages.title"))
    }

    @Sendable func show(_ request: Request, context: CivicContext) async throws -> Response {
        let page = try await load(context)
        let bodyLocale = page.body.resolvedLocale(context.locale, fallbacks: context.fallbackLocales)
        let view = PageViewPage(
            title: context.localized(page.title),
            bodyHTML: context.renderer.markdown(context.localized(page.body)),
            bodyLang: bodyLocale ?? context.locale,
            bodyDir: Locales.direction(bodyLocale ?? context.locale),
            draft: !page.published,
            updated: context.dates.day(page.updatedAt),
            historyHref: PageRoute.history(page.slug).href(context),
            showHistory: context.moduleSettings.flag("history_public") || context.can("pages.edit"),
            canEdit: context.can("pages.edit"),
            editHref: PageRoute.edit(page.id ?? 0).href(context),
            feedback: page.published ? try await services.feedback.thread(item: "page:\(page.slug)", context: context) : "")
        return try context.render(view, title: context.localized(page.title))
    }

    @Sendable func history(_ request: Request, context: CivicContext) async throws -> Response {
        guard context.moduleSettings.flag("history_public") || context.can("pages.edit") else {
            throw HTTPError(.notFound, message: context.text("pages.error.not_found"))
        }
        let page = try await load(context)
        let entries = try await context.database.read { db in
            try AuditEntry.history(db, module: PagesModule.id, itemType: "page", itemID: String(page.id ?? 0))
        }
        let history = PageHistoryPage(pageTitle: context.localized(page.title), pageHref: PageRoute.page(page.slug).href(context),
                                      entries: entries.map { HistoryEntryView($0, action: context.text("pages.action.\($0.action)"), fieldKeys: "pages.fields", context: context) },
                                      draft: !page.published)
        return try context.render(history, title: context.text("pages.history_title") + " — " + context.localized(page.title))
    }

    /// The page named in the path: published ones for everyone, drafts for editors only.
    private func load(_ context: CivicContext) async throws -> Page {
        let slug = try context.parameters.require("slug")
        let page = try await context.database.read { db in try Page.filter(Page.Columns.slug == slug).fetchOne(db) }
        guard let page, page.published || context.can("pages.edit") else {
            throw HTTPError(.notFound, message: context.text("pages.error.not_found"))
        }
        return page
    }
}
