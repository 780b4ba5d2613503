import ArgumentParser
import Logging

/// Options every command accepts: where the configuration and the data live.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Configuration file (default: config/opencommune.toml, if present).")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Data directory (default: tenants, or OPENCOMMUNE_DATA_DIR).")
    var dataDir: String?

    func loadConfig() throws -> ServerConfig {
        var config = try ServerConfig.load(path: self.config)
        if let dataDir { config.dataDirectory = dataDir }
        return config
    }

    /// The platform's services, with a quiet logger for one-shot commands.
    func services(config: ServerConfig? = nil, logLevel: Logger.Level = .warning) throws -> HostServices {
        var logger = Logger(label: "opencommune")
        logger.logLevel = logLevel
        return try HostServices(config: config ?? loadConfig(), modules: InstalledModules.all, logger: logger)
    }
}
