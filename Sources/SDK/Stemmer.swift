import CStemmer
import Synchronization

/// Snowball's stemmer for one language ("rapports" → "rapport", "التقارير" → "تقرير"). A stemmer
/// keeps state between calls, so each is used by one thread at a time.
final class Stemmer: Sendable {
    /// The languages the platform stems, by locale code.
    static let algorithms = ["fr": "french", "ar": "arabic", "en": "english"]

    private let stemmer: Mutex<OpaquePointer?>

    init?(locale: String) {
        guard let algorithm = Self.algorithms[locale], let made = sb_stemmer_new(algorithm, "UTF_8") else { return nil }
        stemmer = Mutex(made)
    }

    deinit { stemmer.withLock { if let pointer = $0 { sb_stemmer_delete(pointer) } } }

    /// The stem of one lower-case word.
    func stem(_ word: String) -> String {
        stemmer.withLock { pointer -> String in
            guard let pointer else { return word }
            let bytes = Array(word.utf8)
            let result = bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { sb_stemmer_stem(pointer, $0, Int32(bytes.count)) } ?? nil
            }
            guard let result else { return word }
            let length = Int(sb_stemmer_length(pointer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
