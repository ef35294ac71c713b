// Lints a corpus of 400 procedure files (made by varying the shipped examples: each copy gets its
// own id and no national code) and reports the median time per corpus, beside PyYAML's C loader
// (yaml.CLoader) merely parsing the same files, measured in the same run.
//
//     swift run -c release --package-path Benchmarks LintBenchmark [--files 400] [--runs 15]

import Foundation
import TTHCCompiler

let arguments = CommandLine.arguments
func option(_ name: String, _ fallback: Int) -> Int {
    guard let i = arguments.firstIndex(of: name), i + 1 < arguments.count, let n = Int(arguments[i + 1]) else { return fallback }
    return n
}
let fileCount = option("--files", 400)
let runs = option("--runs", 15)

var repository = URL(fileURLWithPath: #filePath)
for _ in 0..<4 { repository.deleteLastPathComponent() }
let procedures = repository.appendingPathComponent("Procedures")
let fm = FileManager.default

// Build the corpus.
let corpus = fm.temporaryDirectory.appendingPathComponent("tthc-lint-bench-\(ProcessInfo.processInfo.processIdentifier)")
try? fm.removeItem(at: corpus)
try fm.createDirectory(at: corpus, withIntermediateDirectories: true)
defer { try? fm.removeItem(at: corpus) }
for folder in ["_shared", "calendars", "fees"] {
    let source = procedures.appendingPathComponent(folder)
    if fm.fileExists(atPath: source.path) { try fm.copyItem(at: source, to: corpus.appendingPathComponent(folder)) }
}
let originals = (try fm.subpathsOfDirectory(atPath: procedures.path))
    .filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("_shared/") && !$0.hasPrefix("calendars/") && !$0.hasPrefix("fees/") }
    .sorted()
guard !originals.isEmpty else { fatalError("no procedure files under \(procedures.path)") }
let texts = try originals.map { try String(contentsOf: procedures.appendingPathComponent($0), encoding: .utf8) }
try fm.createDirectory(at: corpus.appendingPathComponent("corpus"), withIntermediateDirectories: true)
var corpusBytes = 0
for i in 0..<fileCount {
    let text = texts[i % texts.count]
    let varied = text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line -> String? in
        if line.hasPrefix("code:") { return nil }
        if line.hasPrefix("id: ") { return line + "-b\(i)" }
        return String(line)
    }.joined(separator: "\n")
    corpusBytes += varied.utf8.count
    try varied.write(to: corpus.appendingPathComponent("corpus/p\(i).yaml"), atomically: true, encoding: .utf8)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func milliseconds(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

// Our full lint: read, parse, decode, resolve, type-check, workflow and fee checks, examples decoded.
let compiler = CatalogCompiler(root: corpus.path)
let check = compiler.compile()
let errors = check.diagnostics.filter { $0.severity == .error }
guard errors.isEmpty, check.procedureFileCount == fileCount else {
    fatalError("the corpus does not lint cleanly: \(errors.prefix(3).map { "\($0.range): \($0.message.en)" })")
}
var lintTimes: [Double] = []
for _ in 0..<runs { lintTimes.append(milliseconds { _ = compiler.compile() }) }

// PyYAML's C loader on the same files, in the same run.
let script = """
import sys, time, glob, statistics, yaml
files = sorted(glob.glob(sys.argv[1] + '/corpus/*.yaml'))
def once():
    t = time.perf_counter()
    for f in files:
        with open(f, 'rb') as h:
            yaml.load(h, Loader=yaml.CLoader)
    return (time.perf_counter() - t) * 1000
once()
print(statistics.median([once() for _ in range(int(sys.argv[2]))]))
"""
let process = Process()
process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
process.arguments = ["python3", "-c", script, corpus.path, String(runs)]
let pipe = Pipe()
process.standardOutput = pipe
try process.run()
process.waitUntilExit()
let pyOutput = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)

let lint = median(lintTimes)
print("corpus: \(fileCount) procedure files (\(originals.count) shipped files varied), \(corpusBytes / 1024) KiB; \(runs) runs each, medians")
print(String(format: "tthc lint (full compile, in-process):   %8.1f ms per corpus  (%.3f ms per file)", lint, lint / Double(fileCount)))
if let py = Double(pyOutput) {
    print(String(format: "PyYAML CLoader (parse only):            %8.1f ms per corpus  (%.3f ms per file)", py, py / Double(fileCount)))
    print(String(format: "ratio lint / PyYAML parse:              %8.2f", lint / py))
} else {
    print("PyYAML CLoader: not measured (python3 with PyYAML's C loader is needed): \(pyOutput)")
}
