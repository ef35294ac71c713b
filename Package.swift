// swift-tools-version: 6.1
import PackageDescription

/// Settings every tthc target shares: Swift 6 mode with the upcoming features STYLE.md asks for.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "tthc",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "tthc", targets: ["tthc"]),
        .library(name: "TTHCCalendar", targets: ["TTHCCalendar"]),
        .library(name: "TTHCModel", targets: ["TTHCModel"]),
        .library(name: "TTHCCompiler", targets: ["TTHCCompiler"]),
        .library(name: "TTHCEngine", targets: ["TTHCEngine"]),
        .library(name: "TTHCStoreSQLite", targets: ["TTHCStoreSQLite"]),
        .library(name: "TTHCStorePostgres", targets: ["TTHCStorePostgres"]),
        .library(name: "TTHCService", targets: ["TTHCService"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        /// libyaml through pkg-config (`yaml-0.1`, Debian `libyaml-dev`); hidden behind TTHCYAML.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        /// Source files, ranges, diagnostics with stable codes, text and JSON renderers.
        .target(name: "TTHCDiagnostics", swiftSettings: strict),
        /// libyaml events to a lossless node tree: every node keeps its range; duplicates kept; no typing.
        .target(name: "TTHCYAML", dependencies: ["CLibYAML", "TTHCDiagnostics"], swiftSettings: strict),
        /// Lunar calendar, holidays, yearly notices, office hours and due-date arithmetic (Foundation only).
        .target(name: "TTHCCalendar", swiftSettings: strict),
        /// The typed, versioned catalogue: pure Sendable and Codable values.
        .target(name: "TTHCModel", dependencies: ["TTHCCalendar"], swiftSettings: strict),
        /// Nodes to checked model: decoding by the language's description, expressions, workflow checks.
        .target(
            name: "TTHCCompiler",
            dependencies: ["TTHCYAML", "TTHCModel", "TTHCDiagnostics", "TTHCCalendar"],
            swiftSettings: strict
        ),
        /// Dossiers through workflows: completeness, fees, due dates (pure: no I/O, no clock).
        .target(name: "TTHCEngine", dependencies: ["TTHCModel", "TTHCCalendar"], swiftSettings: strict),
        /// The durable `DossierStore`: SQLite through GRDB (WAL, migrations, one transaction per action).
        .target(
            name: "TTHCStoreSQLite",
            dependencies: ["TTHCEngine", "TTHCModel", "TTHCCalendar", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        /// The shared `DossierStore` for several servers: PostgreSQL through postgres-nio (versioned
        /// migrations under an advisory lock, one transaction per append, optimistic concurrency).
        .target(
            name: "TTHCStorePostgres",
            dependencies: ["TTHCEngine", "TTHCModel", "TTHCCalendar", .product(name: "PostgresNIO", package: "postgres-nio")],
            swiftSettings: strict
        ),
        /// The `tthc` subcommands, as a library so tests can run them in-process.
        .target(
            name: "TTHCCommands",
            dependencies: [
                "TTHCCompiler", "TTHCEngine", "TTHCStoreSQLite", "TTHCStorePostgres", "TTHCModel", "TTHCCalendar", "TTHCDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        /// The HTTP service (`tthc serve`): the CLI's answers as a JSON API, bearer tokens, metrics,
        /// graceful shutdown, catalogue reload; and the `serve` and `token` subcommands.
        .target(
            name: "TTHCService",
            dependencies: [
                "TTHCCommands", "TTHCCompiler", "TTHCEngine", "TTHCStoreSQLite", "TTHCModel", "TTHCCalendar", "TTHCDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            resources: [.copy("openapi.json")],
            swiftSettings: strict
        ),
        /// `@main` and the list of subcommands only.
        .executableTarget(
            name: "tthc",
            dependencies: ["TTHCCommands", "TTHCService", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),

        .testTarget(name: "TTHCDiagnosticsTests", dependencies: ["TTHCDiagnostics"], swiftSettings: strict),
        .testTarget(name: "TTHCYAMLTests", dependencies: ["TTHCYAML"], swiftSettings: strict),
        .testTarget(name: "TTHCCalendarTests", dependencies: ["TTHCCalendar"], swiftSettings: strict),
        .testTarget(
            name: "TTHCCompilerTests",
            dependencies: ["TTHCCompiler"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "TTHCEngineTests", dependencies: ["TTHCEngine", "TTHCCompiler", "TTHCDiagnostics"], swiftSettings: strict),
        /// Both durable stores and the in-memory one: the `DossierStore` contract run against each
        /// `StoreKind`, parity with `DossierQuery.matches`, and each backend's own tests. The
        /// PostgreSQL cases need `TTHC_POSTGRES_URL` (skipped without it, failed when
        /// `TTHC_REQUIRE_POSTGRES=1`).
        .testTarget(
            name: "TTHCStoreTests",
            dependencies: [
                "TTHCStoreSQLite", "TTHCStorePostgres", "TTHCEngine", "TTHCCompiler", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "TTHCCommandsTests", dependencies: ["TTHCCommands"], swiftSettings: strict),
        .testTarget(
            name: "TTHCServiceTests",
            dependencies: [
                "TTHCService", "TTHCCommands", "TTHCEngine", "TTHCModel", "TTHCCalendar", "TTHCCompiler", "TTHCDiagnostics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ],
            swiftSettings: strict
        ),
    ]
)
