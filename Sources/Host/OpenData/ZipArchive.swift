import Foundation

/// A ZIP file of stored (uncompressed) entries: enough for an open-data bundle that every tool can
/// open, with CRC-32 checksums and UTF-8 names.
struct ZipArchive {
    private var data = Data()
    private var central = Data()
    private var count: UInt16 = 0

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func crc32(_ bytes: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static func le16(_ value: UInt16) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }
    private static func le32(_ value: UInt32) -> Data { withUnsafeBytes(of: value.littleEndian) { Data($0) } }

    /// Adds a file (names use `/` for folders).
    mutating func add(_ name: String, _ content: Data, modified: Date = Date()) {
        let nameBytes = Data(name.utf8)
        let crc = Self.crc32(content), size = UInt32(content.count), offset = UInt32(data.count)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: modified)
        let time = UInt16((c.hour ?? 0) << 11 | (c.minute ?? 0) << 5 | (c.second ?? 0) / 2)
        let day = UInt16(max(0, (c.year ?? 1980) - 1980) << 9 | (c.month ?? 1) << 5 | (c.day ?? 1))
        // version 2.0, flag 0x0800 = UTF-8 names, method 0 = stored
        let common = Self.le16(20) + Self.le16(0x0800) + Self.le16(0) + Self.le16(time) + Self.le16(day) + Self.le32(crc) + Self.le32(size) + Self.le32(size)
            + Self.le16(UInt16(nameBytes.count)) + Self.le16(0)
        data += Self.le32(0x0403_4B50) + common + nameBytes + content
        central += Self.le32(0x0201_4B50) + Self.le16(20) + common + Self.le16(0) + Self.le16(0) + Self.le16(0) + Self.le32(0) + Self.le32(offset) + nameBytes
        count += 1
    }

    /// The archive's bytes.
    var bytes: Data {
        data + central + Self.le32(0x0605_4B50) + Self.le16(0) + Self.le16(0) + Self.le16(count) + Self.le16(count)
            + Self.le32(UInt32(central.count)) + Self.le32(UInt32(data.count)) + Self.le16(0)
    }
}
