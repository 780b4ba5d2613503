import CivicSDK
import Foundation
import Hummingbird
import NIOCore

/// `{root}/opendata.zip`: every public dataset of the tenant's modules and of the host (dashboard,
/// citizen input) in one archive with a README saying what each file holds. Each file is fetched
/// through the tenant's own routes as an anonymous visitor, so the archive holds exactly what the
/// public sees; as a public page it is cached until the tenant's content changes.
struct OpenDataRoutes {
    let services: HostServices
    /// The tenant router, built after this route is registered: the archive's files come from it.
    let router: TenantRouterHandle

    static let hostData = [
        OpenDataset(file: "dashboard.csv", path: "/dashboard.csv", description: [
            "fr": "L'historique mensuel de chaque chiffre : figure (identifiant), title, month (AAAA-MM), value, unit. Un mois passé ne change plus.",
            "ar": "التاريخ الشهري لكل رقم: المعرف، العنوان، الشهر، القيمة، الوحدة. لا يتغير شهر مضى.",
            "en": "Every figure's monthly history: figure (id), title, month (YYYY-MM), value, unit. A past month no longer changes.",
        ]),
        OpenDataset(file: "feedback.json", path: "/api/v1/feedback", description: [
            "fr": "Chaque commentaire et suggestion publics, du plus récent au plus ancien : subject (module:élément) et subject_title, kind, channel (online, hearing, paper, email, phone), language, received_at, body, edited, et la réponse de la commune (outcome, reason par langue, responded_at) ou null. Sans le nom des auteurs.",
            "ar": "كل تعليق واقتراح علني، من الأحدث إلى الأقدم: الموضوع وعنوانه، النوع، القناة، اللغة، تاريخ التوصل، النص، وجواب الجماعة (القرار، التعليل بكل لغة، تاريخه) أو null. دون أسماء الكتّاب.",
            "en": "Every public comment and suggestion, newest first: subject (module:item) and subject_title, kind, channel (online, hearing, paper, email, phone), language, received_at, body, edited, and the commune's answer (outcome, reason per language, responded_at) or null. Without the authors' names.",
        ], paginated: true),
        OpenDataset(file: "feedback-stats.json", path: HostRoute.feedbackStatsJSON.path, description: [
            "fr": "Commentaires et suggestions reçus : total, par canal, par décision, par mois ; taux de réponse et délai médian de réponse (jours).",
            "ar": "التعليقات والاقتراحات المتوصل بها: المجموع، حسب القناة، حسب القرار، حسب الشهر؛ نسبة الرد والمدة الوسيطة للرد (أيام).",
            "en": "Comments and suggestions received: total, by channel, by outcome, by month; response rate and median time to answer (days).",
        ]),
    ]

    func register(on router: Router<CivicContext>) {
        router.get("opendata.zip", use: archive)
    }

    /// One public GET through the tenant's routes, as an anonymous visitor; `nil` (logged) when the
    /// route does not answer 200, so one missing dataset never takes the archive down with it.
    private func fetch(_ path: String, context: CivicContext) async throws -> (Data, Response)? {
        do {
            return try await answer(path, context: context)
        } catch let error as HTTPError {
            context.logger.warning("open data: \(path) answered \(error.status.code) for \(context.tenant.slug)")
            return nil
        }
    }

    private func answer(_ path: String, context: CivicContext) async throws -> (Data, Response)? {
        guard let responder = router.responder else { return nil }
        let source = context.request
        let anonymous = CivicRequestSource(logger: source.logger, tenant: source.tenant, root: source.root, path: source.root + path,
                                           locale: source.locale, clientAddress: source.clientAddress,
                                           publicBase: source.publicBase, storage: source.storage, host: source.host)
        let head = HTTPRequest(method: .get, scheme: nil, authority: nil, path: path)
        let response = try await responder.respond(to: Request(head: head, body: .init(buffer: ByteBuffer())), context: CivicContext(source: anonymous))
        guard response.status == .ok else {
            context.logger.warning("open data: \(path) answered \(response.status.code) for \(context.tenant.slug)")
            return nil
        }
        return (Data(buffer: try await response.body.collect()), response)
    }

    @Sendable func archive(_ request: Request, context: CivicContext) async throws -> Response {
        var zip = ZipArchive()
        let licence = try await context.database.read { db in try OpenDataLicence.current(db) }
        var readme = ["# \(context.tenant.displayName(context.locale)) — open data", "", context.text("opendata.intro"), "",
                      "\(context.text("opendata.licence")) \(licence.name) — \(licence.url)", ""]
        let datasets = (services.enabledModules(context.tenant.slug).flatMap { type(of: $0).manifest.openData } + Self.hostData)
            .filter { $0.kinds.contains(context.tenant.kind) }
        for dataset in datasets {
            var files: [(String, Data)] = []
            if dataset.paginated {
                var page = 1
                while page <= 1_000, let (data, response) = try await fetch("\(dataset.path)?per_page=100&page=\(page)", context: context) {
                    let name = (dataset.file as NSString).deletingPathExtension
                    files.append(("\(name)-\(page).json", data))
                    let total = response.headers[.init("X-Total-Count")!].flatMap(Int.init) ?? 0
                    if page * 100 >= total { break }
                    page += 1
                }
            } else if let (data, _) = try await fetch(dataset.path, context: context) {
                files.append((dataset.file, data))
            }
            guard !files.isEmpty else { continue }
            for (name, data) in files { zip.add(name, data) }
            readme += ["## " + files.map(\.0).joined(separator: ", "), "", context.localized(dataset.description),
                       "", "\(context.text("opendata.source")) \(context.root)\(dataset.path)", ""]
        }
        zip.add("README.md", Data(readme.joined(separator: "\n").utf8))
        let bytes = zip.bytes
        return Response(status: .ok, headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(context.tenant.slug)-opendata.zip\"",
                                               .cacheControl: "public, max-age=0, must-revalidate", .contentLength: String(bytes.count)],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
