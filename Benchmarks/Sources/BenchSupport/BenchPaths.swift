import Foundation

/// Where the benchmarks find their inputs: the Tunesmith checkout this package sits in, and the shared
/// folder beside it (`../shared`: corpus-sources, midi-samples), overridable by `TUNESMITH_ROOT` and
/// `TUNESMITH_SHARED`.
public enum BenchPaths {
    /// The Tunesmith repository root (the parent of `Benchmarks/`).
    public static let repository: String = ProcessInfo.processInfo.environment["TUNESMITH_ROOT"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path

    /// The shared read-only material (`<repository>/../shared` unless `TUNESMITH_SHARED` says otherwise).
    public static let shared: String = ProcessInfo.processInfo.environment["TUNESMITH_SHARED"]
        ?? URL(fileURLWithPath: repository).deletingLastPathComponent().appendingPathComponent("shared").path

    /// Every file under `folder` whose name ends in one of `suffixes` (any case), sorted by path.
    public static func files(under folder: String, suffixes: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var paths: [String] = []
        while let relative = walker.nextObject() as? String {
            let lower = relative.lowercased()
            if suffixes.contains(where: { lower.hasSuffix($0) }) { paths.append(folder + "/" + relative) }
        }
        return paths.sorted()
    }

    /// The bytes of every file under `folder` ending in one of `suffixes`; fails when there are none.
    public static func load(under folder: String, suffixes: [String]) throws -> [[UInt8]] {
        let paths = files(under: folder, suffixes: suffixes)
        guard !paths.isEmpty else { throw BenchInputError(message: "no \(suffixes) files under \(folder) (set TUNESMITH_SHARED)") }
        return try paths.map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: $0))) }
    }
}

/// A benchmark's input is missing or not what it should be.
public struct BenchInputError: Error, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
