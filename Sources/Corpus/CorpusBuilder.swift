/// Builds `Corpus/` from the raw public-domain tune books (`../shared/corpus-sources`): one ABC file per
/// collection, O'Neill's deduplicated by X: number, collections with repeated X: numbers renumbered. Every tune
/// is kept byte for byte (only line endings become `\n`); the output is the same on every run.
public enum CorpusBuilder {
    /// What a build wrote.
    public struct Report: Sendable, Hashable {
        /// Tunes written per collection.
        public var tunes: [CorpusCollection: Int]
        /// Tunes dropped as duplicates (O'Neill's repeated X: numbers).
        public var duplicatesDropped: Int
        /// Files written.
        public var files: [String]
    }

    /// A tune's lines as found in a source file.
    struct Block {
        var number: Int?
        var lines: [[UInt8]]
        var source: String
    }

    /// Reads every source tune book and writes the corpus files and the split into `output`.
    @discardableResult
    public static func build(sources: String, output: String, validationShare: Double = 0.05, seed: UInt64 = 2026) throws(CorpusError) -> Report {
        var report = Report(tunes: [:], duplicatesDropped: 0, files: [])
        var ids: [TuneID] = []
        for collection in CorpusCollection.allCases {
            let folder = sources + "/" + collection.rawValue
            var blocks: [Block] = []
            for name in try FileSystem.list(folder) where name.hasSuffix(".abc") {
                let bytes = try FileSystem.read(folder + "/" + name)
                blocks += tuneBlocks(bytes, source: "\(collection.rawValue)/\(name)")
            }
            var out: [Block]
            switch collection {
            case .oneills1850:
                var seen = Set<Int>()
                out = blocks.filter { b in b.number.map { seen.insert($0).inserted } ?? false }
                report.duplicatesDropped += blocks.count - out.count
                out = out.enumerated().sorted { ($0.element.number!, $0.offset) < ($1.element.number!, $1.offset) }.map(\.element)
            case .airdsAirs:
                out = blocks
            case .ryansMammoth, .miscFolk:
                out = blocks
            }
            var text: [UInt8] = Array("""
                % Tunesmith corpus: \(collection.rawValue), built by 'compose corpus build' from \
                ../shared/corpus-sources/\(collection.rawValue) (provenance and licence: SOURCES.md).
                % Tunes are copied byte for byte\(collection.renumbers ? "; X: renumbered, the original in a comment before each tune" : "").

                """.utf8)
            for (i, block) in out.enumerated() {
                text += Array("\n".utf8)
                var lines = block.lines
                let number = collection.renumbers ? i + 1 : block.number ?? i + 1
                if collection.renumbers {
                    text += Array("% source: \(block.source) \(String(decoding: lines[0], as: UTF8.self))\n".utf8)
                    lines[0] = Array("X:\(number)".utf8)
                }
                for line in lines { text += line + [10] }
                ids.append(TuneID(collection: collection, number: number))
            }
            let path = output + "/" + collection.fileName
            try FileSystem.write(text, to: path)
            report.files.append(path)
            report.tunes[collection] = out.count
        }
        let split = CorpusSplit.make(ids: ids, validationShare: validationShare, seed: seed)
        let splitPath = output + "/" + CorpusSplit.fileName
        try FileSystem.write(Array(split.text.utf8), to: splitPath)
        report.files.append(splitPath)
        return report
    }

    /// Splits a tune book into tune blocks: from an `X:` line to the last line before a blank line or the
    /// next `X:` line. Text between tunes (comments, notes) is left out.
    static func tuneBlocks(_ bytes: [UInt8], source: String) -> [Block] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for b in bytes {
            if b == 10 {
                if current.last == 13 { current.removeLast() }
                lines.append(current)
                current = []
            } else {
                current.append(b)
            }
        }
        if !current.isEmpty { lines.append(current) }

        var blocks: [Block] = []
        var open: Block?
        func isBlank(_ l: [UInt8]) -> Bool { l.allSatisfy { $0 == 32 || $0 == 9 } }
        func xNumber(_ l: [UInt8]) -> Int?? {
            guard l.count >= 2, l[0] == UInt8(ascii: "X"), l[1] == UInt8(ascii: ":") else { return nil }
            let digits = l.dropFirst(2).drop(while: { $0 == 32 }).prefix(while: { $0 >= 48 && $0 <= 57 })
            return .some(Int(String(decoding: digits, as: UTF8.self)))
        }
        for line in lines {
            if let x = xNumber(line) {
                if let b = open { blocks.append(b) }
                open = Block(number: x, lines: [line], source: source)
            } else if isBlank(line) {
                if let b = open { blocks.append(b) }
                open = nil
            } else if open != nil {
                open!.lines.append(line)
            }
        }
        if let b = open { blocks.append(b) }
        return blocks
    }
}
