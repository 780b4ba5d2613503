// swift-tools-version: 6.2
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "OpenCommune",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "opencommune", targets: ["OpenCommune"]),
        .library(name: "CivicSDK", targets: ["CivicSDK"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
        .package(url: "https://github.com/JohnSundell/Ink.git", from: "0.6.0"),
        .package(url: "https://github.com/LebJe/TOMLKit.git", from: "0.6.0"),
        // SHA-256 of stored files, shown for integrity (already in the graph through hummingbird-auth)
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0"..<"5.0.0"),
        // multipart/form-data parsing for file uploads (logo now; evidence, reports, minutes later)
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        // child processes (msmtp, Litestream, tar): Foundation's Process on Linux reads past a buffer
        // while it lists /proc/self/fd and crashes now and then (swift-corelibs-foundation#5472),
        // more often the more files are open; Subprocess closes descriptors with posix_spawn's closefrom
        .package(url: "https://github.com/swiftlang/swift-subprocess.git", from: "1.0.2"),
        // FilePath, which Subprocess takes (already in the graph through swift-nio)
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
    ],
    targets: [
        // Snowball's stemmers, a C library from the system (Debian: libstemmer-dev): search matches
        // "rapports" to "rapport" and "التقرير" to "تقرير"
        .systemLibrary(name: "CStemmer", path: "Sources/CStemmer", providers: [.apt(["libstemmer-dev"])]),
        // Benchmarks/run.sh's ceiling: one Hummingbird route serving a file's bytes from memory
        .executableTarget(
            name: "bare-hummingbird",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/BareHummingbird",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "render-benchmark",
            dependencies: ["CivicSDK", .product(name: "Mustache", package: "swift-mustache")],
            path: "Benchmarks/RenderBenchmark",
            swiftSettings: strict
        ),
        .target(
            name: "CivicSDK",
            dependencies: [
                // search words are read the same way by the host's index and by a module's own (SearchText)
                "CStemmer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                // page models conform to MustacheParent so templates read them without reflection
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Sources/SDK",
            swiftSettings: strict
        ),
        .target(
            name: "Pages",
            dependencies: ["CivicSDK"],
            path: "Sources/Plugins/Pages",
            resources: [.copy("Templates"), .copy("Strings")],
            swiftSettings: strict
        ),
        .target(
            name: "Plans",
            dependencies: ["CivicSDK"],
            path: "Sources/Plugins/Plans",
            resources: [.copy("Templates"), .copy("Strings")],
            swiftSettings: strict
        ),
        .target(
            name: "Reports",
            dependencies: ["CivicSDK"],
            path: "Sources/Plugins/Reports",
            resources: [.copy("Templates"), .copy("Strings")],
            swiftSettings: strict
        ),
        .target(
            name: "Consultations",
            dependencies: ["CivicSDK"],
            path: "Sources/Plugins/Consultations",
            resources: [.copy("Templates"), .copy("Strings")],
            swiftSettings: strict
        ),
        .target(
            name: "Instances",
            dependencies: ["CivicSDK"],
            path: "Sources/Plugins/Instances",
            resources: [.copy("Templates"), .copy("Strings")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "OpenCommune",
            dependencies: [
                "CStemmer",
                "CivicSDK",
                "Pages",
                "Plans",
                "Reports",
                "Consultations",
                "Instances",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Ink", package: "Ink"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Sources/Host",
            resources: [.copy("Templates"), .copy("Strings"), .copy("Static")],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "OpenCommune",
                "CivicSDK",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Tests/TestSupport",
            // the example module `hello` (README, "Adding a module") lives here, with its resources
            resources: [.copy("Hello/Templates"), .copy("Hello/Strings")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SDKTests",
            dependencies: ["CivicSDK"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "HostTests",
            dependencies: [
                "OpenCommune",
                "CivicSDK",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PlansTests",
            dependencies: [
                "Plans",
                "CivicSDK",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReportsTests",
            dependencies: [
                "Reports",
                "CivicSDK",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ConsultationsTests",
            dependencies: [
                "Consultations",
                "CivicSDK",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "InstancesTests",
            dependencies: [
                "Instances",
                "CivicSDK",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "PagesTests",
            dependencies: [
                "Pages",
                "CivicSDK",
                "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ]
)
