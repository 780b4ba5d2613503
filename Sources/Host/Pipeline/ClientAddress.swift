import Foundation
import HTTPTypes

/// The visitor's address: the socket's peer, or, when the peer is a configured trusted proxy, the
/// nearest address in `Forwarded` / `X-Forwarded-For` that is not itself a trusted proxy. Headers
/// from anyone else are ignored, so a visitor cannot pick the address their limits are counted on.
enum ClientAddress {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwarded = HTTPField.Name("Forwarded")!

    static func resolve(peer: String, headers: HTTPFields, trusted: AddressList) -> String {
        guard !trusted.isEmpty, trusted.contains(peer) else { return peer }
        let chain = forwardedChain(headers)
        var nearest = peer
        for hop in chain.reversed() {
            guard let address = normalized(hop) else { return nearest }
            if !trusted.contains(address) { return address }
            nearest = address
        }
        return nearest
    }

    /// The hops as the proxies wrote them, the client first: `Forwarded`'s `for=` values when that
    /// header is present (RFC 7239), else `X-Forwarded-For`.
    private static func forwardedChain(_ headers: HTTPFields) -> [String] {
        let standard = headers[values: forwarded]
        if !standard.isEmpty {
            return standard.flatMap { $0.split(separator: ",") }.compactMap { element in
                element.split(separator: ";").lazy.map { $0.trimmingCharacters(in: .whitespaces) }
                    .first { $0.lowercased().hasPrefix("for=") }.map { String($0.dropFirst(4)) }
            }
        }
        return headers[values: forwardedFor].flatMap { $0.split(separator: ",") }.map { String($0) }
    }

    /// `203.0.113.9`, `"[2001:db8::1]:4711"` or `203.0.113.9:51000` as a bare address; `nil` for
    /// `unknown`, obfuscated names and anything else that is not an address.
    static func normalized(_ hop: String) -> String? {
        var value = hop.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
        if value.hasPrefix("["), let end = value.firstIndex(of: "]") {
            value = String(value[value.index(after: value.startIndex)..<end])
        } else if value.filter({ $0 == ":" }).count == 1, let colon = value.firstIndex(of: ":") {
            value = String(value[..<colon])
        }
        return AddressList.bytes(value) == nil ? nil : value
    }
}
