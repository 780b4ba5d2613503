import Foundation
import Testing
@testable import OpenCommune

/// The raw message: its date header, headers that cannot be split, names in any script.
@Suite struct MailMessageTests {
    @Test func theDateIsWrittenAsRFC2822InUniversalTime() {
        #expect(MailMessage.rfc2822(Date(timeIntervalSince1970: 1_796_114_700)) == "Tue, 01 Dec 2026 08:45:00 +0000")
        #expect(MailMessage.rfc2822(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test func headersHoldNoLineBreakAndNamesInArabicAreEncodedWords() {
        #expect(MailMessage.header("Objet\r\nBcc: x@y.z") == "ObjetBcc: x@y.z")
        let mailbox = MailMessage.mailbox("سميرة <samira@example.org>")
        #expect(mailbox.hasPrefix("=?UTF-8?B?") && mailbox.hasSuffix(" <samira@example.org>"))
        let message = MailMessage(from: "A <a@x.test>", to: "B <b@x.test>", subject: "Réponse", text: "t", html: "<p>h</p>", host: "x.test").rfc5322
        #expect(message.contains("Subject: =?UTF-8?B?") && message.contains("Message-ID: <") && message.contains("@x.test>"))
    }
}
