import Foundation

/// A receipt a person can read out, copy by hand or type back: twelve characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L, no case), shown in groups of four (`K7QM-3XWT-9PHD`), about
/// 59 bits of chance. Typed back in any case, with or without dashes or spaces.
enum ReceiptCode {
    static let alphabet = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")

    /// A new code, in its stored form (no dashes).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }

    /// How a code is shown: groups of four joined by dashes (older codes are shown as they were).
    static func display(_ stored: String) -> String {
        guard stored.count == 12, stored.allSatisfy(alphabet.contains) else { return stored }
        let characters = Array(stored)
        return stride(from: 0, to: 12, by: 4).map { String(characters[$0..<$0 + 4]) }.joined(separator: "-")
    }

    /// The stored form of what someone typed: upper case, without dashes or spaces.
    static func normalized(_ typed: String) -> String {
        String(typed.uppercased().filter { $0.isLetter || $0.isNumber })
    }
}
