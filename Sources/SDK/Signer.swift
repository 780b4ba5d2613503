import Crypto
import Foundation

/// Signs short values with the host's secret key, so a module can hand the browser a token (a
/// respondent cookie, say) and later know it issued it. The scope (tenant and purpose) is part of
/// the signature: a token signed for one tenant or use is worthless for another.
public struct Signer: Sendable {
    private let key: SymmetricKey

    /// Creates a signer from the host's secret bytes.
    public init(secret: [UInt8]) { key = SymmetricKey(data: secret) }

    /// `value` with its signature for `scope`, as `value.signature` (URL- and cookie-safe when `value` is).
    public func token(_ value: String, scope: String) -> String {
        "\(value).\(signature(value, scope: scope))"
    }

    /// The value inside `token` when its signature for `scope` is valid, else `nil`.
    public func verify(_ token: String, scope: String) -> String? {
        guard let dot = token.lastIndex(of: ".") else { return nil }
        let value = String(token[..<dot])
        return RandomToken.equal(String(token[token.index(after: dot)...]), signature(value, scope: scope)) ? value : nil
    }

    private func signature(_ value: String, scope: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(scope)|\(value)".utf8), using: key)
        return Data(mac).base64URLEncoded
    }
}
