import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Editor screens under `{root}/admin/pages`: list, create, edit, publish, unpublish.
struct PagesConsole {
    func register(_ group: RouterGroup<CivicContext>) {
        group.get(use: list)
        group.get("new", use: newForm)
        group.post(use: create)
        group.get(":id/edit", use: editForm)
        group.post(":id", use: update)
        group.post(":id/publish") { request, context in try await setPublished(true, context: context) }
        group.post(":id/unpublish") { request, context in try await setPublished(false, context: context) }
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("pages.edit")
        let pages = try await context.database.read { db in
            try Page.order(Page.Columns.position, Page.Columns.slug).fetchAll(db)
        }
        let canPublish = context.can("pages.publish")
        let rows = pages.map { page in
            let id = page.id ?? 0
            return PagesConsolePage.Row(
                title: context.localized(page.title), slug: page.slug, published: page.published,
                viewHref: PageRoute.page(page.slug).href(context),
                editHref: PageRoute.edit(id).href(context),
                publishAction: PageRoute.publication(id, publish: !page.published).href(context),
                canPublish: canPublish)
        }
        return try context.render(PagesConsolePage(pages: rows, newHref: PageRoute.newPage.href(context)), title: context.text("pages.console_title"))
    }

    @Sendable func newForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("pages.edit")
        let blank = PageForm(page: Page(slug: "", title: [:], body: [:], published: false, position: 0, createdAt: Date(), updatedAt: Date()))
        return try renderForm(blank, context: context, action: PageRoute.console.href(context), isNew: true, status: .ok)
    }

    @Sendable func editForm(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("pages.edit")
        let page = try await load(context)
        return try renderForm(PageForm(page: page), context: context, action: PageRoute.update(page.id ?? 0).href(context), isNew: false, status: .ok)
    }

    @Sendable func create(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("pages.edit")
        var form = PageForm(context.form, context: context)
        guard form.errors.isEmpty else {
            return try renderForm(form, context: context, action: PageRoute.console.href(context), isNew: true, status: .badRequest)
        }
        let input = form
        do {
            try await context.database.write { db in
                let now = Date()
                var page = Page(slug: input.slug, title: input.title, body: input.body, published: false,
                                position: input.position, createdAt: now, updatedAt: now)
                try page.insert(db)
                try context.audit(db, action: "create", itemType: "page", itemID: String(page.id ?? 0),
                                  summary: input.slug, changes: FieldChange.diff(old: [:], new: page.auditFields))
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            form.errors.append(context.text("pages.error.slug_taken"))
            return try renderForm(form, context: context, action: PageRoute.console.href(context), isNew: true, status: .badRequest)
        }
        return context.redirect(PageRoute.console, notice: .created)
    }

    @Sendable func update(_ request: Request, context: CivicContext) async throws -> Response {
        try context.require("pages.edit")
        let existing = try await load(context)
        let id = existing.id ?? 0
        var form = PageForm(context.form, context: context)
        let action = PageRoute.update(id).href(context)
        guard form.errors.isEmpty else { return try renderForm(form, context: context, action: action, isNew: false, status: .badRequest) }
        let input = form
        do {
            try await context.database.write { db in
                guard var page = try Page.fetchOne(db, key: id) else { return }
                let before = page.auditFields
                page.slug = input.slug
                page.title = input.title
                page.body = input.body
                page.position = input.position
                page.updatedAt = Date()
                let changes = FieldChange.diff(old: before, new: page.auditFields)
                guard !changes.isEmpty else { return }
                try page.update(db)
                try context.audit(db, action: "update", itemType: "page", itemID: String(id), summary: page.slug, changes: changes)
            }
        } catch let error as DatabaseError where error.isUniqueViolation {
            form.errors.append(context.text("pages.error.slug_taken"))
            return try renderForm(form, context: context, action: action, isNew: false, status: .badRequest)
        }
        return context.redirect(PageRoute.console, notice: .saved)
    }

    private func setPublished(_ published: Bool, context: CivicContext) async throws -> Response {
        try context.require("pages.publish")
        let page = try await load(context)
        guard page.published != published else { return context.redirect(PageRoute.console) }
        try await context.database.write { db in
            var changed = page
            changed.published = published
            changed.updatedAt = Date()
            try changed.update(db)
            try context.audit(db, action: published ? "publish" : "unpublish", itemType: "page", itemID: String(page.id ?? 0),
                              summary: page.slug, changes: [FieldChange(field: "published", old: String(!published), new: String(published))])
        }
        return context.redirect(PageRoute.console, notice: published ? .published : .unpublished)
    }

    private func load(_ context: CivicContext) async throws -> Page {
        guard let id = Int64(try context.parameters.require("id")) else {
            throw HTTPError(.badRequest, message: context.text("pages.error.not_found"))
        }
        guard let page = try await context.database.read({ db in try Page.fetchOne(db, key: id) }) else {
            throw HTTPError(.notFound, message: context.text("pages.error.not_found"))
        }
        return page
    }

    private func renderForm(_ form: PageForm, context: CivicContext, action: String, isNew: Bool,
                            status: HTTPResponse.Status) throws -> Response {
        try context.render(form.page(context: context, action: action, isNew: isNew),
                           title: context.text(isNew ? "pages.new_title" : "pages.edit_title"), status: status)
    }
}
