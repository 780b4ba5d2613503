import CivicSDK
import Foundation
import GRDB
import Hummingbird

/// Consultations as data: `{root}/consultations/feed.atom`, `{root}/api/v1/consultations` and each
/// consultation's aggregated results as JSON once published.
struct ConsultationsData {
    func registerSite(_ group: RouterGroup<CivicContext>) {
        group.get("feed.atom", use: atom)
    }

    func registerAPI(_ group: RouterGroup<CivicContext>) {
        group.get(use: list)
        group.get("results", use: allResults)
        group.get(":id/results", use: results)
    }

    private func publicConsultations(_ context: CivicContext) async throws -> [Consultation] {
        try await context.database.read { db in
            try Consultation.publiclyVisible().order(Consultation.Columns.opensAt.desc).fetchAll(db)
        }
    }

    @Sendable func atom(_ request: Request, context: CivicContext) async throws -> Response {
        let consultations = try await publicConsultations(context)
        let stamp = { (date: Date) in date.formatted(.iso8601) }
        let entries = consultations.prefix(50).map { consultation in
            AtomFeed.Entry(id: "urn:opencommune:\(context.tenant.slug):consultations:\(consultation.id ?? 0)", title: context.localized(consultation.title),
                           updated: stamp(consultation.updatedAt), author: context.text("consultations.title"),
                           href: ConsultationRoute.consultation(consultation.id ?? 0).href(context),
                           summary: "\(context.text("consultations.phase.\(consultation.phase().rawValue)")) — \(context.localized(consultation.description))")
        }
        let body = try AtomFeed(id: "urn:opencommune:\(context.tenant.slug):consultations", title: context.text("consultations.title"),
                                updated: stamp(consultations.map(\.updatedAt).max() ?? Date(timeIntervalSince1970: 946_684_800)),
                                selfHref: ConsultationRoute.feed.href(context), siteHref: ConsultationRoute.list.href(context),
                                entries: Array(entries)).render(context)
        return DataResponse.publicText(body, contentType: "application/atom+xml; charset=utf-8", downloadName: nil)
    }

    struct Summary: Encodable {
        let id: Int64
        let title: [String: String]
        let status: String
        let phase: String
        let opensAt: String
        let closesAt: String
        let audience: String
        let subject: String?
        let resultsURL: String?
    }

    @Sendable func list(_ request: Request, context: CivicContext) async throws -> Response {
        let page = try APIPage(request)
        let all = try await publicConsultations(context)
        let items = page.slice(all).map { consultation in
            Summary(id: consultation.id ?? 0, title: consultation.title.values, status: consultation.status.rawValue,
                    phase: consultation.phase().rawValue, opensAt: consultation.opensAt.formatted(.iso8601),
                    closesAt: consultation.closesAt.formatted(.iso8601), audience: consultation.audience.rawValue, subject: consultation.subject,
                    resultsURL: consultation.status == .published ? ConsultationRoute.apiResults(consultation.id ?? 0).href(context) : nil)
        }
        return try page.response(items, total: all.count, request: request, context: context)
    }

    struct ResultsDocument: Encodable {
        struct Line: Encodable {
            let label: [String: String]
            let count: Int
            let percent: Int
            let meanRank: Double?
            let firsts: Int?
        }
        struct QuestionResult: Encodable {
            let id: Int64
            let type: String
            let title: [String: String]
            let respondents: Int
            let lines: [Line]
            let mean: Double?
            let textAnswers: Int?
        }
        let id: Int64
        let title: [String: String]
        let responses: Int
        let questions: [QuestionResult]
    }

    @Sendable func results(_ request: Request, context: CivicContext) async throws -> Response {
        guard let id = Int64(try context.parameters.require("id")),
              let detail = try await context.database.read({ db in try ConsultationDetail.load(db, id: id) }),
              detail.consultation.status == .published || (context.can("consultations.edit")) else {
            throw HTTPError(.notFound, message: context.text("consultations.error.results_not_published"))
        }
        let document = try await context.database.read { db in try Self.document(db, detail: detail) }
        var response = try context.responseEncoder.encode(document, from: request, context: context)
        if detail.consultation.status != .published { response.headers[.cacheControl] = "private, no-store" }
        return response
    }

    /// The results of every consultation whose results are published, newest first (the open-data
    /// archive's `consultation-results.json`).
    @Sendable func allResults(_ request: Request, context: CivicContext) async throws -> Response {
        let documents = try await context.database.read { db in
            try Consultation.filter(Consultation.Columns.status == Consultation.Status.published.rawValue).order(Consultation.Columns.opensAt.desc)
                .fetchAll(db).compactMap { try ConsultationDetail.load(db, id: $0.id ?? 0) }.map { try Self.document(db, detail: $0) }
        }
        return try context.responseEncoder.encode(["consultations": documents], from: request, context: context)
    }

    /// One consultation's aggregated results as data.
    private static func document(_ db: Database, detail: ConsultationDetail) throws -> ResultsDocument {
        let results = try ConsultationResults.load(db, detail: detail)
        return ResultsDocument(id: detail.consultation.id ?? 0, title: detail.consultation.title.values, responses: results.responses,
                               questions: results.questions.map { result in
            .init(id: result.question.id ?? 0, type: result.question.type.rawValue, title: result.question.title.values, respondents: result.respondents,
                  lines: result.lines.map { .init(label: $0.label.values, count: $0.count, percent: $0.percent, meanRank: $0.meanRank, firsts: $0.firsts) },
                  mean: result.mean, textAnswers: result.question.type.isText ? result.textCount : nil)
        })
    }
}
