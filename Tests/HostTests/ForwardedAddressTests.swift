import Foundation
import HTTPTypes
import Testing
import TestSupport
@testable import OpenCommune

/// Behind a proxy every visitor arrives from the proxy's address: limits must count the visitor
/// the proxy names, and only a configured proxy may name one. And a failed password counts against
/// whoever typed it, not against the account's owner.
@Suite struct ForwardedAddressTests {
    static let trusted = AddressList(["127.0.0.1", "10.0.0.0/8"])

    @Test func onlyATrustedProxyNamesTheVisitor() {
        let forwarded: HTTPFields = [ClientAddress.forwardedFor: "203.0.113.7, 10.1.2.3"]
        #expect(ClientAddress.resolve(peer: "127.0.0.1", headers: forwarded, trusted: Self.trusted) == "203.0.113.7",
                "the nearest hop that is not a proxy of ours")
        #expect(ClientAddress.resolve(peer: "198.51.100.4", headers: forwarded, trusted: Self.trusted) == "198.51.100.4",
                "an untrusted peer's header is ignored")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", headers: forwarded, trusted: AddressList([])) == "127.0.0.1", "no proxy configured")
        // a visitor who writes their own X-Forwarded-For only adds hops on the left: the proxy's hop is still believed
        let spoofed: HTTPFields = [ClientAddress.forwardedFor: "1.2.3.4, 203.0.113.7"]
        #expect(ClientAddress.resolve(peer: "127.0.0.1", headers: spoofed, trusted: Self.trusted) == "203.0.113.7")
        let standard: HTTPFields = [ClientAddress.forwarded: "for=\"[2001:db8::1]:4711\";proto=https, for=10.0.0.5"]
        #expect(ClientAddress.resolve(peer: "127.0.0.1", headers: standard, trusted: Self.trusted) == "2001:db8::1")
        let garbage: HTTPFields = [ClientAddress.forwardedFor: "unknown"]
        #expect(ClientAddress.resolve(peer: "127.0.0.1", headers: garbage, trusted: Self.trusted) == "127.0.0.1")
    }

    @Test func addressListsMatchAddressesAndNetworks() throws {
        let list = try AddressList.parse(["192.168.0.0/16", "::1", "fd00::/8"], setting: "test")
        #expect(list.contains("192.168.44.2") && !list.contains("192.169.0.1"))
        #expect(list.contains("::1") && list.contains("fd12::5") && !list.contains("fe80::1"))
        #expect(list.contains("::ffff:192.168.1.1"), "an IPv4-mapped address counts as IPv4")
        #expect(throws: ConfigError.self) { try AddressList.parse(["not-an-address"], setting: "server.trusted_proxies") }
        #expect(throws: ConfigError.self) { try AddressList.parse(["10.0.0.0/33"], setting: "server.trusted_proxies") }
    }

    /// The status code of a sign-in sent through the proxy on behalf of `address`.
    static func signIn(port: Int, from address: String?, email: String, password: String) async throws -> Int {
        let body = "email=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&password=\(password.replacingOccurrences(of: " ", with: "+"))"
        var headers = ["Content-Type: application/x-www-form-urlencoded", "Sec-Fetch-Site: same-origin"]
        if let address { headers.append("X-Forwarded-For: \(address)") }
        let answer = try await RawHTTP.send(port: port, "/alpha/login", method: "POST", headers: headers, body: body)
        return Int(answer.dropFirst("HTTP/1.1 ".count).prefix(3)) ?? 0
    }

    /// Five wrong passwords typed by someone else do not lock the owner out.
    @Test func failedPasswordsThrottleTheirSenderNotTheAccount() async throws {
        let host = try await TestHost(loginAttempts: 3, trustedProxies: ["127.0.0.1"])
        let answers = try await host.testLive { port in
            var answers: [Int] = []
            for _ in 0..<3 { answers.append(try await Self.signIn(port: port, from: "203.0.113.66", email: "admin@alpha.test", password: "wrong guess")) }
            answers.append(try await Self.signIn(port: port, from: "203.0.113.66", email: "admin@alpha.test", password: TestHost.password))
            answers.append(try await Self.signIn(port: port, from: "198.51.100.10", email: "admin@alpha.test", password: TestHost.password))
            return answers
        }
        // the one who failed waits; the owner, from their own address, signs in
        #expect(answers == [401, 401, 401, 429, 303])
    }

    /// One address trying many accounts is stopped too (password spraying).
    @Test func oneAddressTryingManyAccountsIsStopped() async throws {
        let host = try await TestHost(loginAttempts: 2, trustedProxies: ["127.0.0.1"])
        let answers = try await host.testLive { port in
            var answers: [Int] = []
            for index in 0..<8 {
                answers.append(try await Self.signIn(port: port, from: "203.0.113.66", email: "user\(index)@alpha.test", password: "wrong guess"))
            }
            answers.append(try await Self.signIn(port: port, from: "203.0.113.66", email: "admin@alpha.test", password: TestHost.password))
            answers.append(try await Self.signIn(port: port, from: "203.0.113.67", email: "admin@alpha.test", password: TestHost.password))
            return answers
        }
        #expect(answers == Array(repeating: 401, count: 8) + [429, 303])
    }

    /// Without a trusted proxy the header is the visitor's own word, and counts for nothing.
    @Test func anUntrustedForwardedHeaderDoesNotEscapeTheLimit() async throws {
        let host = try await TestHost(loginAttempts: 2)
        let answers = try await host.testLive { port in
            var answers: [Int] = []
            for index in 0..<3 {
                answers.append(try await Self.signIn(port: port, from: "203.0.113.\(index)", email: "admin@alpha.test",
                                                     password: index < 2 ? "wrong guess" : TestHost.password))
            }
            return answers
        }
        #expect(answers == [401, 401, 429])
    }
}
