import Foundation
import GRDB
import HTTPTypes
import Testing
import TestSupport
@testable import Consultations

/// What a citizen meets around a consultation: a receipt they can read out and type back, the page
/// telling them they already answered (instead of a form refused once refilled), and when the
/// results will come.
@Suite struct CitizenFlowTests {
    @Test func receiptCodesAreReadableAndTypedBackInAnyForm() {
        let code = ReceiptCode.make()
        #expect(code.count == 12)
        #expect(code.allSatisfy { !"01ILO_-".contains($0) && ($0.isUppercase || $0.isNumber) }, "\(code)")
        let shown = ReceiptCode.display(code)
        #expect(shown.split(separator: "-").map(\.count) == [4, 4, 4])
        #expect(ReceiptCode.normalized(shown.lowercased()) == code)
        #expect(ReceiptCode.normalized(" \(shown.replacingOccurrences(of: "-", with: " ")) ") == code)
        #expect(Set((0..<200).map { _ in ReceiptCode.make() }).count == 200)
    }

    @Test func aVisitorWhoAnsweredIsToldSoWithTheirReceipt() async throws {
        let host = try await ConsultationHTTPTests.host()
        try await host.test { client in
            var visitor = Browser(client)
            visitor.headers = ConsultationHTTPTests.sameSite
            // another visitor first fills the shared cache with the blank form
            var other = Browser(client)
            #expect(try await other.get("/alpha/consultations/1").body.contains("consultation-form"))
            let sent = try await visitor.post("/alpha/consultations/1/answer", ConsultationHTTPTests.answers, csrf: "")
            let location = try #require(sent.location)
            let code = String(try #require(location.split(separator: "/").last))
            #expect(code.range(of: "^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$", options: .regularExpression) != nil, "\(code)")
            let typedBack = try await visitor.get("/alpha/consultations/1/receipt/\(code.lowercased().replacingOccurrences(of: "-", with: ""))")
            #expect(typedBack.status == .ok)
            #expect(typedBack.body.contains(code))
            let cookie = sent.headers[values: .setCookie].first { $0.hasPrefix("oc_respondent=") } ?? ""
            #expect(cookie.contains("Path=/alpha/consultations"), "only the consultations' pages depend on it")
            let again = try await visitor.get("/alpha/consultations/1")
            #expect(again.body.contains("Vous avez déjà répondu à cette consultation le"))
            #expect(again.body.contains(code))
            #expect(!again.body.contains("consultation-form"), "no form to fill again")
            #expect(again.headers[.cacheControl] == "private, no-store")
            #expect(try await other.get("/alpha/consultations/1").body.contains("consultation-form"), "the others still get the form")
        }
    }
}
