import Corpus
import Foundation
import Testing
import Tokens
@testable import Engine

/// The committed resources (keys.tsv, novelty.bin) must be exactly what the committed corpus gives.
/// `ENGINE_REGENERATE=1` (Scripts/engine/regenerate.sh) rewrites them from the corpus instead.
@Suite struct EngineResourcesTests {
    static let resources = EngineFixtures.repository + "/Sources/Engine/Resources"
    static var regenerate: Bool { ProcessInfo.processInfo.environment["ENGINE_REGENERATE"] == "1" }

    static func keyTable(_ corpus: TuneCorpus) -> KeyDistribution {
        KeyDistribution(tunes: corpus.tunes.map { (style: $0.style, key: $0.melody.key) })
    }

    static func noveltyIndex(_ corpus: TuneCorpus) -> NoveltyIndex {
        NoveltyIndex(tunes: corpus.tunes.map { (name: "\($0.id) \"\($0.title)\"", melody: $0.melody) })
    }

    @Test func keyTableMatchesTheCorpus() throws {
        let corpus = try #require(EngineFixtures.corpus)
        let fresh = Self.keyTable(corpus)
        if Self.regenerate { try fresh.tsv.write(toFile: Self.resources + "/keys.tsv", atomically: true, encoding: .utf8) }
        let bundled = try KeyDistribution.bundled()
        let same = bundled.tsv == fresh.tsv
        #expect(same, "keys.tsv is stale; run Scripts/engine/regenerate.sh")
        #expect(bundled.keys(for: "reel").count > 3)
        #expect(bundled.keys(for: "polka").map(\.count) == bundled.keys(for: "folk").map(\.count) || !bundled.keys(for: "polka").isEmpty)
    }

    @Test func noveltyIndexMatchesTheCorpus() throws {
        let corpus = try #require(EngineFixtures.corpus)
        let fresh = Self.noveltyIndex(corpus)
        if Self.regenerate { try Data(fresh.bytes()).write(to: URL(fileURLWithPath: Self.resources + "/novelty.bin")) }
        let bundled = try NoveltyIndex.bundled()
        try bundled.validateFully()
        let same = bundled.hashes == fresh.hashes && bundled.tuneNames == fresh.tuneNames
        #expect(same, "novelty.bin is stale (\(bundled.hashes.count) runs, the corpus gives \(fresh.hashes.count)); run Scripts/engine/regenerate.sh")
        // Every corpus tune long enough shares itself completely with the index.
        for tune in corpus.tunes.prefix(50) where tune.melody.notes.count >= NoveltyIndex.runLength {
            #expect(bundled.longestSharedRun(of: tune.melody).length == tune.melody.notes.count, "\(tune.id)")
        }
    }
}
