import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The command line's side of `/_cluster/`: asks a host, by the URL the placement gives it.
struct ClusterClient: Sendable {
    let token: String

    /// The host answered with an error (its message), or did not answer.
    struct Failure: Error, CustomStringConvertible {
        let description: String
        /// The host did not answer at all (down, or unreachable).
        let unreachable: Bool
    }

    /// The tenants a host serves, or a failure saying it is unreachable.
    func tenants(_ host: Placement.Host) async throws -> [RemoteTenant] {
        let answer = try await send(host, method: "GET", path: "tenants")
        do { return try JSONDecoder().decode(ClusterEndpoint.Listing.self, from: answer).tenants } catch {
            throw Failure(description: "\(host.url) did not list its tenants: \(error)", unreachable: false)
        }
    }

    /// `POST /_cluster/tenants/SLUG/ACTION?…`; the JSON answer.
    @discardableResult
    func post(_ host: Placement.Host, slug: String, action: String, query: [String: String] = [:]) async throws -> [String: Any] {
        var components = URLComponents()
        components.queryItems = query.isEmpty ? nil : query.sorted(by: { $0.key < $1.key }).map { URLQueryItem(name: $0.key, value: $0.value) }
        return try await call(host, method: "POST", path: "tenants/\(slug)/\(action)" + (components.percentEncodedQuery.map { "?" + $0 } ?? ""))
    }

    /// Downloads a tenant's files from the host that is giving it away (`GET …/files.tar`) into
    /// `file`. Blocks the calling thread until done.
    func downloadFiles(_ host: Placement.Host, slug: String, to file: String) throws {
        guard let url = URL(string: host.url + "/_cluster/tenants/\(slug)/files.tar") else { throw Failure(description: "bad host address \(host.url)", unreachable: false) }
        var request = URLRequest(url: url, timeoutInterval: 600)
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var outcome: Result<Void, any Error> = .success(())
        URLSession.shared.downloadTask(with: request) { downloaded, response, error in
            let status = (response as? HTTPURLResponse)?.statusCode
            if let downloaded, status == 200 {
                outcome = Result { try FileManager.default.moveItem(atPath: downloaded.path, toPath: file) }
            } else {
                outcome = .failure(Failure(description: "\(url): \(error.map { "\($0)" } ?? "status \(status ?? 0)")", unreachable: error != nil))
            }
            done.signal()
        }.resume()
        done.wait()
        try outcome.get()
    }

    /// Sends a host the list of the tenants every host serves.
    func sendDirectory(_ host: Placement.Host, _ entries: [RemoteTenant]) async throws {
        try await call(host, method: "POST", path: "directory", body: try JSONEncoder().encode(entries))
    }

    /// The JSON object a host answered.
    @discardableResult
    private func call(_ host: Placement.Host, method: String, path: String, body: Data? = nil) async throws -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: try await send(host, method: method, path: path, body: body))) as? [String: Any] ?? [:]
    }

    /// The body a host answered with 200; its error message otherwise.
    private func send(_ host: Placement.Host, method: String, path: String, body: Data? = nil) async throws -> Data {
        guard let url = URL(string: host.url + "/_cluster/" + path) else { throw Failure(description: "bad host address \(host.url)", unreachable: false) }
        var request = URLRequest(url: url, timeoutInterval: 120)
        request.httpMethod = method
        request.httpBody = body
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        let (data, response): (Data, URLResponse)
        do { (data, response) = try await URLSession.shared.data(for: request) } catch {
            throw Failure(description: "\(host.url) does not answer: \(error.localizedDescription)", unreachable: true)
        }
        guard let status = (response as? HTTPURLResponse)?.statusCode, status == 200 else {
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
            let message = object["error"] as? String ?? String(decoding: data.prefix(300), as: UTF8.self)
            throw Failure(description: "\(host.url): \(message)", unreachable: false)
        }
        return data
    }
}
