import CivicSDK
import Foundation

/// A minimal RFC 5545 calendar: escaped text, lines folded at 75 octets, CRLF line ends.
struct ICalendar {
    struct Event {
        let uid: String
        /// When it starts, written in UTC so every calendar shows it at the right hour wherever it is read.
        let start: Date
        let summary: String
        let location: String
        let description: String
        let url: String
        let cancelled: Bool
    }

    let name: String
    let events: [Event]

    /// RFC 5545 TEXT: backslash, `;` and `,` escaped, every line break as `\n`, no control character
    /// (a bare carriage return would let the text start a property line of its own).
    static func escape(_ text: String) -> String {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,")
        return ExportText.line(escaped, newline: "\\n")
    }

    /// Splits a content line into 75-octet pieces without cutting a UTF-8 character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = [], current = "", size = 0
        for character in line {
            let length = String(character).utf8.count
            if size + length > (pieces.isEmpty ? 75 : 74) {
                pieces.append(current)
                current = ""
                size = 0
            }
            current.append(character)
            size += length
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }

    /// RFC 5545 UTC date-time: `20261221T140000Z`.
    static func stamp(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().time(includingFractionalSeconds: false))
            .replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "") + "Z"
    }

    var text: String {
        let now = Self.stamp(Date())
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//OpenCommune//Instances//FR", "CALSCALE:GREGORIAN",
                     "X-WR-CALNAME:" + Self.escape(name)]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + Self.escape(event.uid), "DTSTAMP:" + now, "DTSTART:" + Self.stamp(event.start), "DURATION:PT2H",
                      "SUMMARY:" + Self.escape(event.summary), "LOCATION:" + Self.escape(event.location),
                      "DESCRIPTION:" + Self.escape(event.description), "URL:" + ExportText.line(event.url, newline: ""),
                      "STATUS:" + (event.cancelled ? "CANCELLED" : "CONFIRMED"), "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }
}
