import Foundation

/// Paths inside the repository, found from this file's location so tests run from any directory.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var procedures: String { root + "/Procedures" }

    /// Every procedure file of the shipped catalogue, relative to `Procedures/`.
    static var procedureFiles: [String] {
        let names = (try? FileManager.default.subpathsOfDirectory(atPath: procedures)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix("_shared/") && !$0.hasPrefix("calendars/") && !$0.hasPrefix("fees/") }.sorted()
    }
}
