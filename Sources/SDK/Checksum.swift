import Crypto
import Foundation

/// SHA-256 as lowercase hexadecimal: file checksums, hashed tokens, duplicate detection.
public enum Checksum {
    /// The SHA-256 of `bytes`, 64 hexadecimal digits.
    public static func sha256(_ bytes: some DataProtocol) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
