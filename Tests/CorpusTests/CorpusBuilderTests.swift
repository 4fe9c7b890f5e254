import Foundation
import Testing
@testable import Corpus

/// Paths of the repository and of ../shared beside it (CI clones the repository next to shared/).
enum Paths {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let corpus = repository + "/Corpus"
    static let sources = repository + "/../shared/corpus-sources"
}

@Suite struct CorpusBuilderTests {
    @Test func committedCorpusIsExactlyWhatTheSourcesBuild() throws {
        try #require(FileManager.default.fileExists(atPath: Paths.sources), "../shared/corpus-sources is missing")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(getpid())").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = try CorpusBuilder.build(sources: Paths.sources, output: out)
        #expect(report.tunes[.oneills1850] == 1838, "MANIFEST: 1838 distinct X numbers")
        #expect(report.tunes[.ryansMammoth] == 1059 && report.tunes[.airdsAirs] == 1180 && report.tunes[.miscFolk] == 185)
        for name in CorpusCollection.allCases.map(\.fileName) + [CorpusSplit.fileName] {
            let built = try Data(contentsOf: URL(fileURLWithPath: out + "/" + name))
            let committed = try Data(contentsOf: URL(fileURLWithPath: Paths.corpus + "/" + name))
            #expect(built == committed, "\(name) differs from a fresh build: run 'compose corpus build'")
        }
    }

    @Test func tuneBlocksEndAtBlankLinesAndNextX() {
        let text = "% header\n\nX:1\nT:A\nK:G\nGABc|\n\nfree text\nX:2\nT:B\nK:D\nd4|\nX:3\r\nK:C\r\nC4|\r\n"
        let blocks = CorpusBuilder.tuneBlocks(Array(text.utf8), source: "t")
        #expect(blocks.map(\.number) == [1, 2, 3])
        #expect(blocks[0].lines.count == 4)
        #expect(blocks[2].lines.last == Array("C4|".utf8))
    }

    @Test func splitIsSeededAndHoldsOutFivePercent() throws {
        let ids = (1...1000).map { TuneID(collection: .airdsAirs, number: $0) }
        let a = CorpusSplit.make(ids: ids, validationShare: 0.05, seed: 7)
        let b = CorpusSplit.make(ids: ids.reversed(), validationShare: 0.05, seed: 7)
        let c = CorpusSplit.make(ids: ids, validationShare: 0.05, seed: 8)
        #expect(a.validation.count == 50)
        #expect(a == b, "the split depends on the seed only, not on input order")
        #expect(a.validation != c.validation)
        #expect(try CorpusSplit(text: a.text, path: "x") == a)
        #expect(throws: CorpusError.malformedSplit(path: "x", line: 2)) { try CorpusSplit(text: "# c\nairdsAirs:1 train\n", path: "x") }
    }
}
