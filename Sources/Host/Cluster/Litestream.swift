import Foundation

/// This host's Litestream: its `replicate` daemon, reached through its control socket, and `restore`.
struct Litestream: Sendable {
    let settings: ClusterSettings

    /// Copies everything the database has committed to its replica, and waits until it is stored there.
    func syncAndWait(_ database: String) throws {
        try run(["sync", "-wait", "-timeout", "30", "-socket", settings.litestreamSocket, database])
    }

    /// Stops replicating the database (after a final sync): another host may now replicate it.
    func stop(_ database: String) throws {
        try run(["stop", "-timeout", "30", "-socket", settings.litestreamSocket, database])
    }

    /// Replicates the database again (a move called off).
    func start(_ database: String) throws {
        try run(["start", "-timeout", "30", "-socket", settings.litestreamSocket, database])
    }

    /// Replicates the database to `replica` from now on. The directory watcher does this by itself
    /// for a tenant folder it never saw, but Litestream 0.5.17 fails to take back one it saw before
    /// (a tenant returning to a host), so an adopted tenant is registered explicitly; registering
    /// one already replicated changes nothing.
    func register(_ database: String, replica: String) throws {
        try run(["register", "-timeout", "30", "-socket", settings.litestreamSocket, "-replica", replica, database])
    }

    /// Forgets the database (stopped before): a tenant given away.
    func unregister(_ database: String) throws {
        try run(["unregister", "-timeout", "30", "-socket", settings.litestreamSocket, database])
    }

    /// Restores `replica` into the new file `output`, as it was at `timestamp` or as late as it goes.
    func restore(_ replica: String, to output: String, at timestamp: Date? = nil) throws {
        var arguments = ["restore", "-o", output]
        if let timestamp {
            let format = ISO8601DateFormatter()
            format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            arguments += ["-timestamp", format.string(from: timestamp)]
        }
        try run(arguments + [replica])
    }

    private func run(_ arguments: [String]) throws {
        try ExternalCommand.runWaiting(settings.litestream, arguments)
    }
}
