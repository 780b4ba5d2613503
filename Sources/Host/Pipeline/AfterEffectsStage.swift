import CivicSDK
import Hummingbird

/// After a successful change, work the answer need not wait for: the month's figures are recorded
/// once the response has gone (see ``AfterEffects``).
struct AfterEffectsStage: RouterMiddleware {
    typealias Context = CivicContext
    let services: HostServices

    func handle(_ request: Request, context: CivicContext, next: (Request, CivicContext) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        if RequestForm.isStateChanging(request.method), response.status.code < 400 {
            let tenant = context.tenant, database = context.database, logger = context.logger, services = services
            services.afterEffects.run {
                do { try await services.recordFiguresAfterChange(tenant, database: database) } catch {
                    logger.error("figure history not recorded for \(tenant.slug): \(error)")
                }
            }
        }
        return response
    }
}
