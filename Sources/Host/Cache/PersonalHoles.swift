import CivicSDK
import NIOCore
import Synchronization

/// The parts of a page that belong to its signed-in visitor, left as holes so the rest can be cached
/// and shared by every visitor with the same roles (as Drupal's placeholders or ESI do).
///
/// While a page is rendered for a signed-in visitor, the request's context carries markers instead
/// of the visitor's name, e-mail and form token, and each follow button is kept in both states
/// (``follow(subject:following:notFollowing:)``). The cached bytes are split at the markers once
/// (``layout(of:)``); each visitor gets them back filled with their own values (``fill(_:with:)``).
/// Anything else a page shows that depends on one account rather than its roles makes the page
/// `perVisitor`, never cached.
final class PersonalHoles: Sendable {
    /// The holes of the page being rendered in this task, if it is rendered for a signed-in visitor.
    @TaskLocal static var current: PersonalHoles?

    /// Random per process, so no text stored by anyone can spell a marker.
    private static let nonce: String = {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(generator.next() as UInt64, radix: 36) }.joined(separator: "x")
    }()
    private static let prefix = "ocHole\(nonce)x"
    /// Stand-ins for the visitor's own values while the page renders.
    static let name = prefix + "N", email = prefix + "E", csrf = prefix + "C"

    /// One part of a page: its shared bytes, or a hole.
    enum Part: Sendable {
        case bytes(ByteBuffer)
        case name, email, csrf
        /// The follow button with this index in ``Layout/follows``.
        case follow(Int)
    }

    /// A follow button, as shown to a visitor who follows the item and to one who does not (each
    /// with its own holes: the form token).
    struct FollowButton: Sendable {
        let subject: String
        let following: [Part]
        let notFollowing: [Part]
    }

    /// A page's bytes split at its holes.
    struct Layout: Sendable {
        let parts: [Part]
        let follows: [FollowButton]
    }

    /// The visitor whose holes are filled.
    struct Visitor: Sendable {
        let account: SignedInAccount
        let csrf: String
        /// The follow buttons' subjects this visitor follows.
        let following: Set<String>
    }

    private let follows = Mutex<[(subject: String, following: String, notFollowing: String)]>([])

    /// The marker standing for a follow button rendered in both states.
    func follow(subject: String, following: String, notFollowing: String) -> String {
        let index = follows.withLock { follows in
            follows.append((subject, following, notFollowing))
            return follows.count - 1
        }
        return "\(Self.prefix)F\(index)x"
    }

    /// The account the page is rendered for: the visitor's id and roles, markers for what is theirs alone.
    static func masked(_ account: SignedInAccount) -> SignedInAccount {
        SignedInAccount(id: account.id, email: email, displayName: name, grants: account.grants, scopes: account.scopes)
    }

    /// What visitors who share the page must have in common: their roles in the tenant.
    static func viewerKey(_ account: SignedInAccount) -> String {
        "signed-in:" + account.grants.map { "\($0.role.rawValue)@\($0.module ?? "*")" }.sorted().joined(separator: ",")
    }

    /// `body` split at the holes the rendering left.
    func layout(of body: ByteBuffer) -> Layout {
        Layout(parts: Self.split(body), follows: follows.withLock { $0 }.map { button in
            FollowButton(subject: button.subject, following: Self.split(ByteBuffer(string: button.following)),
                         notFollowing: Self.split(ByteBuffer(string: button.notFollowing)))
        })
    }

    /// The subjects of the follow buttons a layout holds.
    static func subjects(_ layout: Layout) -> [String] { layout.follows.map(\.subject) }

    /// The page for one visitor.
    static func fill(_ layout: Layout, with visitor: Visitor) -> ByteBuffer {
        var output = ByteBuffer()
        output.reserveCapacity(layout.parts.reduce(0) { total, part in
            if case .bytes(let bytes) = part { return total + bytes.readableBytes }
            return total + 64
        })
        let values = (name: HTMLEscape.text(visitor.account.displayName), email: HTMLEscape.text(visitor.account.email))
        func write(_ parts: [Part]) {
            for part in parts {
                switch part {
                case .bytes(let bytes): output.writeImmutableBuffer(bytes)
                case .name: output.writeString(values.name)
                case .email: output.writeString(values.email)
                case .csrf: output.writeString(visitor.csrf)
                case .follow(let index):
                    let button = layout.follows[index]
                    write(visitor.following.contains(button.subject) ? button.following : button.notFollowing)
                }
            }
        }
        write(layout.parts)
        return output
    }

    private static func split(_ body: ByteBuffer) -> [Part] {
        let bytes = Array(body.readableBytesView)
        let marker = Array(prefix.utf8)
        var parts: [Part] = []
        var start = 0, index = 0
        while let found = bytes[index...].firstRange(of: marker)?.lowerBound {
            var end = found + marker.count
            guard end < bytes.count else { break }
            let part: Part?
            switch bytes[end] {
            case UInt8(ascii: "N"): part = .name
            case UInt8(ascii: "E"): part = .email
            case UInt8(ascii: "C"): part = .csrf
            case UInt8(ascii: "F"):
                var number = 0
                end += 1
                while end < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[end]) {
                    number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
                    end += 1
                }
                part = end < bytes.count && bytes[end] == UInt8(ascii: "x") ? .follow(number) : nil
            default: part = nil
            }
            guard let part else { index = found + 1; continue }
            if found > start { parts.append(.bytes(body.getSlice(at: body.readerIndex + start, length: found - start)!)) }
            parts.append(part)
            start = end + 1
            index = start
        }
        if start < bytes.count { parts.append(.bytes(body.getSlice(at: body.readerIndex + start, length: bytes.count - start)!)) }
        return parts
    }
}
