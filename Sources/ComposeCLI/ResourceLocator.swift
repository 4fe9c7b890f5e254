import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the repository's data folders (Corpus/, Soundfonts/, Models/) at run time: next to the working
/// directory, or above the executable (`.build/release/compose` lives three levels below the package root).
enum ResourceLocator {
    /// The folder named `name` in the package root, or an error naming every place tried.
    static func packageFolder(_ name: String, marker: String) throws -> String {
        var candidates = [name]
        if let exe = executablePath() {
            var dir = exe
            for _ in 0..<5 {
                guard let slash = dir.lastIndex(of: "/") else { break }
                dir = String(dir[..<slash])
                candidates.append(dir + "/" + name)
            }
        }
        for c in candidates where access(c + "/" + marker, F_OK) == 0 { return c }
        throw CLIError.failure("cannot find the \(name)/ folder (looked in \(candidates.joined(separator: ", "))); pass its path with an option")
    }

    /// The repository's Corpus/ folder.
    static func corpusFolder() throws -> String { try packageFolder("Corpus", marker: "split.tsv") }

    /// The path of the running executable.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// JSON text for an Encodable value, keys sorted (stable output).
func encodeJSON<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}
