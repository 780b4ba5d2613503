import CivicSDK
import Foundation

/// One mail as it is stored in the outbox and handed to a transport: RFC 5322 headers and a
/// `multipart/alternative` body with a text part and an HTML part, both UTF-8 in base64 (safe for
/// any language and any relay: no line is longer than 76 characters).
struct MailMessage: Sendable {
    let from: String
    let to: String
    let subject: String
    let text: String
    let html: String
    /// `<random@host>`, so a relay or a reader can tell one mail from another.
    let messageID: String
    let date: Date
    /// Further headers, name and value (`List-Unsubscribe`), line breaks removed.
    var extraHeaders: [(name: String, value: String)] = []

    init(from: String, to: String, subject: String, text: String, html: String, host: String, date: Date = Date()) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        messageID = "<\(RandomToken.make())@\(host)>"
        self.date = date
    }

    /// The message, CRLF line ends.
    var rfc5322: String {
        let boundary = "=_opencommune_\(messageID.filter { $0.isLetter || $0.isNumber }.prefix(24))"
        let headers = [
            "From: \(Self.mailbox(from))", "To: \(Self.mailbox(to))", "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc2822(date))", "Message-ID: \(messageID)", "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ] + extraHeaders.map { "\($0.name): \(Self.header($0.value))" }
        let part = { (type: String, body: String) in
            ["--\(boundary)", "Content-Type: \(type); charset=utf-8", "Content-Transfer-Encoding: base64", "", Self.base64Lines(body)]
        }
        return (headers + [""] + part("text/plain", text) + part("text/html", html) + ["--\(boundary)--", ""]).joined(separator: "\r\n")
    }

    /// `Name <address>` with the name as RFC 2047 words when it is not plain ASCII.
    static func mailbox(_ value: String) -> String {
        let clean = header(value)
        guard let open = clean.lastIndex(of: "<") else { return clean }
        let name = clean[..<open].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        guard !name.isEmpty else { return String(clean[open...]) }
        let shown = name.allSatisfy({ $0.isASCII && $0 != "\"" }) ? "\"\(name)\"" : encodedWord(name).replacingOccurrences(of: "\r\n ", with: " ")
        return "\(shown) \(clean[open...])"
    }

    /// A header value with no line break (which would start a header of its own). `isNewline`, not a
    /// comparison with "\r" and "\n": Swift reads "\r\n" as one character, equal to neither.
    static func header(_ value: String) -> String {
        value.filter { !$0.isNewline }
    }

    /// RFC 2047: plain ASCII as is, anything else as `=?UTF-8?B?…?=` words short enough for one line each.
    static func encodedWord(_ value: String) -> String {
        let clean = header(value)
        if clean.allSatisfy({ $0.isASCII }) && clean.count < 900 { return clean }
        var words: [String] = [], chunk = ""
        for character in clean {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// Base64 of the UTF-8 text, CRLF every 76 characters.
    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start..<end])
            start = end
        }
        return lines.joined(separator: "\r\n")
    }

    private static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `Tue, 01 Dec 2026 08:45:00 +0000`, written out by hand: a DateFormatter per mail cost more
    /// than the rest of the mail when ten thousand followers are told at once.
    static func rfc2822(_ date: Date) -> String {
        let parts = utc.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"], months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let two = { (value: Int?) in String(format: "%02d", value ?? 0) }
        return "\(days[(parts.weekday ?? 1) - 1]), \(two(parts.day)) \(months[(parts.month ?? 1) - 1]) \(parts.year ?? 1970) "
            + "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second)) +0000"
    }
}
