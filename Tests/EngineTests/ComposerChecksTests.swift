import Foundation
import Harmony
import Models
import Notation
import Testing
import Tokens
@testable import Engine

/// The engine's promises checked over many seeded generations per style, with a table of figures printed
/// (`grep '^|'`). Unit-test runs use the tiny in-test model and a few runs per style; Scripts/engine/check.sh
/// sets ENGINE_CHECK_RUNS=1000 and ENGINE_WEIGHTS to a trained model for the reported figures.
@Suite struct ComposerChecksTests {
    static let environment = ProcessInfo.processInfo.environment
    static let runs = Int(environment["ENGINE_CHECK_RUNS"] ?? "") ?? 6
    static let keys = ["G", "D", "A", "Em", "Ador", "Dmix", "Bm", "C", "F", "Edor"]

    static func composer() throws -> Composer {
        let index = try NoveltyIndex.bundled()
        if let path = environment["ENGINE_WEIGHTS"] {
            return try Composer(model: try LSTMMelodyModel.load(from: path), noveltyIndex: index)
        }
        return try EngineFixtures.composer(novelty: index)
    }

    /// The request of run `i` of a style: bars, key, meter (the style's vocabulary meters in turn) and a
    /// quaver pickup every fifth run vary with `i`; the seed is `i + 1`.
    static func request(_ style: Style, _ i: Int) throws -> CompositionRequest {
        let meters = style.meters.map(\.meter).filter { Vocabulary.meters.contains($0.description) }
        return CompositionRequest(style: style, bars: [16, 32, 8, 24][i % 4], key: try Key(parsing: keys[i % keys.count]),
                                  meter: meters[i % meters.count], anacrusis: i % 5 == 4 ? Rational(1, 2) : .zero,
                                  seed: UInt64(i + 1))
    }

    struct Tally {
        var runs = 0, barsExact = 0, keyAndMeter = 0, tonic = 0, parallels = 0, outOfRange = 0
        var novelFirst = 0, novelKept = 0
        var melodies: [Melody] = []
        var longest = SharedRun(length: 0, tune: nil, firstNote: nil)
        func percent(_ n: Int) -> String { String(format: "%.1f%%", Double(n) * 100 / Double(max(runs, 1))) }
    }

    static func check(_ style: Style, composer: Composer) throws -> Tally {
        var t = Tally()
        for i in 0..<runs {
            let request = try request(style, i)
            let c = try composer.compose(request)
            let score = c.score
            t.runs += 1
            let meter = request.meter!
            let melodyVoice = score.parts[0].voices[0]
            // Every bar full; with a pickup, the last bar is short by the pickup's length (it balances it).
            var bars = score.bars(of: melodyVoice)
            if request.anacrusis > .zero, !bars.isEmpty { bars[bars.count - 1].length = meter.barLength - request.anacrusis }
            if c.melody.end == Rational(request.bars) * meter.barLength, bars.allSatisfy(\.isFull),
               bars.count == request.bars + (request.anacrusis > .zero ? 1 : 0),
               score.parts.dropFirst().allSatisfy({ $0.voices.allSatisfy { ArrangementCheck.unfilledBars(of: $0, in: score).isEmpty } }) {
                t.barsExact += 1
            }
            if score.keyChanges.map(\.key) == [request.key!], score.meterChanges.map(\.meter) == [meter] { t.keyAndMeter += 1 }
            if c.report.endsOnTonic { t.tonic += 1 }
            t.parallels += VoiceLeadingCheck.report(c.voicings).parallels
            let ranges = ["Melody": style.instruments.melody.range, "Chords": style.instruments.chords.range,
                          "Bass": style.instruments.bass.range, "Drums": Instrument.drumKit.range]
            for part in score.parts { t.outOfRange += ArrangementCheck.notesOutside(ranges[part.name]!, in: part).count }
            if c.report.attempts == 1 { t.novelFirst += 1 }
            if let run = c.report.novelty {
                if run.length < NoveltyIndex.runLength { t.novelKept += 1 }
                if run.length > t.longest.length { t.longest = run }
            }
            t.melodies.append(c.melody)
        }
        return t
    }

    @Test func everyStyleKeepsItsPromisesOverManySeeds() throws {
        let composer = try Self.composer()
        print("| style | runs | bars exact | key+meter | tonic ending | parallel 5ths/8ves | notes out of range | novel at first try | novel kept | longest shared run |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|")
        for style in Style.catalog {
            let t = try Self.check(style, composer: composer)
            let longest = t.longest.length == 0 ? "< 12" : "\(t.longest.length) (\(t.longest.tune ?? "?"))"
            print("| \(style.name) | \(t.runs) | \(t.percent(t.barsExact)) | \(t.percent(t.keyAndMeter)) | \(t.percent(t.tonic)) | \(t.parallels) | \(t.outOfRange) | \(t.percent(t.novelFirst)) | \(t.percent(t.novelKept)) | \(longest) |")
            #expect(t.barsExact == t.runs, "\(style.name): bars not exact")
            #expect(t.keyAndMeter == t.runs, "\(style.name): key or meter not as requested")
            #expect(Double(t.tonic) >= 0.95 * Double(t.runs), "\(style.name): tonic endings \(t.tonic)/\(t.runs)")
            #expect(t.parallels == 0, "\(style.name): parallel fifths or octaves in the voicing")
            #expect(t.outOfRange == 0, "\(style.name): notes outside their instrument's range")
            #expect(Double(t.novelKept) >= 0.99 * Double(t.runs), "\(style.name): melodies copying the corpus")
        }
    }

    @Test func generatedAndCorpusStatisticsSideBySide() throws {
        let composer = try Self.composer()
        let corpus = try #require(EngineFixtures.corpus)
        for style in [Style.folk, .reel, .jig, .hornpipe, .air, .polka] {
            let label = Composer.styleLabel(style)
            var generated: [Melody] = []
            for i in 0..<Self.runs {
                var request = try Self.request(style, i)
                request.key = nil
                request.anacrusis = .zero
                generated.append(try composer.compose(request).melody)
            }
            let own = corpus.tunes.filter { label == "folk" || $0.style == label }.map(\.melody)
            let reference = own.isEmpty ? corpus.tunes.map(\.melody) : own
            let a = MelodyStatistics(generated), b = MelodyStatistics(reference)
            print("| **\(style.name)** | | |")
            print(MelodyStatistics.table(a, "generated", b, own.isEmpty ? "corpus (all; no \(style.name) tunes)" : "corpus", ).split(separator: "\n").dropFirst(2).joined(separator: "\n"))
            #expect(a.tunes == Self.runs)
            #expect(abs(a.intervals.reduce(0, +) - 1) < 1e-9)
            #expect(a.pitchClassEntropy > 0 && a.pitchClassEntropy <= log2(12.0) + 1e-9)
        }
    }
}
