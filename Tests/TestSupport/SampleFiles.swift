/// Small valid files, made here, for upload tests.
public enum SampleFiles {
    /// A PNG signature followed by zeros: recognised as PNG by content.
    public static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x00, count: 64)
    /// A minimal PDF.
    public static let pdf: [UInt8] = Array("%PDF-1.4\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".utf8)
}
