import Foundation

/// A list of IP addresses and networks (`10.0.0.0/8`, `::1`, `fd00::/8`) from the configuration,
/// for trusted proxies and the readers of `/metrics`.
struct AddressList: Sendable, Equatable {
    private struct Network: Sendable, Equatable {
        let bytes: [UInt8]
        let prefix: Int
    }

    private let networks: [Network]

    /// Entries already known to be valid (defaults); configuration goes through ``parse(_:setting:)``.
    init(_ entries: [String]) {
        networks = entries.compactMap(Self.network)
    }

    private init(networks: [Network]) { self.networks = networks }

    /// Parses `entries`, naming `setting` in the error for one that is not an address or network.
    static func parse(_ entries: [String], setting: String) throws -> AddressList {
        try AddressList(networks: entries.map { entry in
            guard let network = network(entry) else {
                throw ConfigError("\(setting): '\(entry)' is not an IP address or network such as 10.0.0.0/8")
            }
            return network
        })
    }

    var isEmpty: Bool { networks.isEmpty }

    /// Whether `address` (as the socket reports it) is in the list.
    func contains(_ address: String) -> Bool {
        guard let bytes = Self.bytes(address) else { return false }
        return networks.contains { network in
            guard network.bytes.count == bytes.count else { return false }
            var bits = network.prefix
            for (mine, theirs) in zip(network.bytes, bytes) where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if mine & mask != theirs & mask { return false }
                bits -= 8
            }
            return true
        }
    }

    private static func network(_ entry: String) -> Network? {
        let parts = entry.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = bytes(first) else { return nil }
        let prefix = parts.count == 2 ? Int(parts[1]) : bytes.count * 8
        guard let prefix, (0...bytes.count * 8).contains(prefix) else { return nil }
        return Network(bytes: bytes, prefix: prefix)
    }

    /// The address's bytes (4 for IPv4, 16 for IPv6; an IPv4-mapped IPv6 address counts as IPv4).
    static func bytes(_ address: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, address, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, address, &v6) == 1 else { return nil }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF { return Array(bytes[12...]) }
        return bytes
    }
}
