/// Unguessable tokens (sessions, CSRF, receipts), from the system's cryptographic generator.
public enum RandomToken {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// 43 characters (6 random bits each, 258 bits in all), safe in cookies and URLs.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        var characters: [Character] = []
        characters.reserveCapacity(43)
        while characters.count < 43 {
            var word = generator.next() as UInt64  // one system call gives ten characters
            for _ in 0..<10 where characters.count < 43 {
                characters.append(alphabet[Int(word & 63)])
                word >>= 6
            }
        }
        return String(characters)
    }

    /// `count` random bytes (secret keys).
    public static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Compares in time independent of where the strings differ.
    public static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
