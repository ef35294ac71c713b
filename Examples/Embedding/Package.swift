// swift-tools-version: 6.1
import PackageDescription

/// A Swift service embedding the tthc engine: it links the model, the calendars, the engine and the
/// SQLite store (never the compiler) and loads a catalogue compiled by `tthc compile`.
/// Run from the repository root:
///
///     swift run tthc compile Procedures -o catalog.tthcbundle
///     swift run --package-path Examples/Embedding Embedding catalog.tthcbundle
let package = Package(
    name: "Embedding",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "tthc", path: "../..")],
    targets: [
        .executableTarget(
            name: "Embedding",
            dependencies: [
                .product(name: "TTHCModel", package: "tthc"),
                .product(name: "TTHCCalendar", package: "tthc"),
                .product(name: "TTHCEngine", package: "tthc"),
                .product(name: "TTHCStoreSQLite", package: "tthc"),
            ]
        ),
    ]
)
