import Foundation

/// The shared corpus of ABC tunes (/work/shared/corpus-sources; in CI the clone sits beside shared/ the same
/// way): 4,433 tunes in 4 collections, copied unchanged from music21 10.5.1 (see its MANIFEST.md).
enum Corpus {
    static let root: String = {
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/corpus-sources").path
    }()

    /// Every .abc file, relative to `root`, sorted.
    static func files() throws -> [String] {
        let fm = FileManager.default
        var result: [String] = []
        for collection in try fm.contentsOfDirectory(atPath: root).sorted() {
            let dir = root + "/" + collection
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else { continue }
            for f in try fm.contentsOfDirectory(atPath: dir).sorted() where f.hasSuffix(".abc") {
                result.append(collection + "/" + f)
            }
        }
        return result
    }

    static func path(_ relative: String) -> String { root + "/" + relative }
}
