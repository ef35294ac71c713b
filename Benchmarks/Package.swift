// swift-tools-version: 6.1
import PackageDescription

/// Benchmarks live in their own package so that `swift test` of the main package stays fast
/// (ARCHITECTURE.md). Run: `swift run -c release --package-path Benchmarks CalendarBenchmark`
/// and `swift run -c release --package-path Benchmarks LintBenchmark`
/// and `swift run -c release --package-path Benchmarks EventBenchmark`
/// and `TTHC_POSTGRES_URL=… swift run -c release --package-path Benchmarks PostgresBenchmark`.
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "tthc", path: ".."),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        /// Median ns per due date: the table-based `WorkingCalendar` beside the naive day-by-day loop.
        .executableTarget(
            name: "CalendarBenchmark",
            dependencies: [.product(name: "TTHCCalendar", package: "tthc")]
        ),
        /// Median ms to lint a 400-file corpus, beside PyYAML's C loader merely parsing the same files.
        .executableTarget(
            name: "LintBenchmark",
            dependencies: [.product(name: "TTHCCompiler", package: "tthc")]
        ),
        /// Events applied per second: the fold and the service in memory, appends on SQLite (WAL,
        /// one transaction per action or batched), medians side by side.
        .executableTarget(
            name: "EventBenchmark",
            dependencies: [
                .product(name: "TTHCEngine", package: "tthc"), .product(name: "TTHCStoreSQLite", package: "tthc"),
                .product(name: "TTHCCompiler", package: "tthc"),
            ]
        ),
        /// Events appended per second on the PostgreSQL store: one clerk, 16 concurrent clerks, two
        /// stores (two pools), batched, and the service; medians (needs `TTHC_POSTGRES_URL`).
        .executableTarget(
            name: "PostgresBenchmark",
            dependencies: [
                .product(name: "TTHCEngine", package: "tthc"), .product(name: "TTHCStorePostgres", package: "tthc"),
                .product(name: "TTHCCompiler", package: "tthc"), .product(name: "PostgresNIO", package: "postgres-nio"),
            ]
        ),
    ]
)
