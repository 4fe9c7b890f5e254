import Harmony
import Notation
import Testing
import Tokens
@testable import Engine

@Suite struct ComposerTests {
    /// Every bar of the melody voice is full and there are exactly `bars` of them (pickup + short last bar
    /// counted as one), read back from the score with `Score.bars(of:)`.
    static func barLengths(_ c: Composition) -> [Rational] {
        var lengths: [Rational] = []
        let meter = Meter.fourFour
        _ = meter
        let barLength = c.melody.meter.barLength
        var boundary = c.melody.anacrusis > .zero ? c.melody.anacrusis : barLength
        var start = Rational.zero
        let end = c.melody.end
        while start < end {
            let stop = min(boundary, end)
            lengths.append(stop - start)
            start = stop
            boundary += barLength
        }
        return lengths
    }

    @Test(arguments: Style.catalog)
    func everyStyleGivesExactlyTheBarsAskedForEachFull(style: Style) throws {
        let composer = try EngineFixtures.composer()
        for seed in UInt64(1)...8 {
            for bars in [1, 4, 16] {
                let c = try composer.compose(CompositionRequest(style: style, bars: bars, seed: seed))
                let meter = c.melody.meter
                #expect(c.melody.end == Rational(bars) * meter.barLength, "\(style.name) seed \(seed) bars \(bars)")
                #expect(Self.barLengths(c).allSatisfy { $0 == meter.barLength }, "\(style.name) seed \(seed)")
                #expect(c.report.endsOnTonic, "\(style.name) seed \(seed) bars \(bars): last note is not the tonic")
                #expect(style.allows(meter))
            }
        }
    }

    @Test func aPickupIsBalancedByAShortLastBar() throws {
        let composer = try EngineFixtures.composer()
        for seed in UInt64(1)...10 {
            let c = try composer.compose(CompositionRequest(style: .jig, bars: 8, anacrusis: Rational(1, 2), seed: seed))
            let lengths = Self.barLengths(c)
            #expect(lengths.count == 9)
            #expect(lengths.first == Rational(1, 2))
            #expect(lengths.last == Rational(5, 2))
            #expect(c.melody.end == 8 * Meter.sixEight.barLength)
            #expect(c.report.endsOnTonic)
        }
    }

    @Test func sameRequestGivesIdenticalScoresAndDifferentSeedsDiffer() throws {
        let composer = try EngineFixtures.composer()
        let request = CompositionRequest(style: .reel, bars: 16, seed: 42)
        let a = try composer.compose(request), b = try composer.compose(request)
        #expect(a.score == b.score)
        #expect(a.tokens == b.tokens)
        var other = request
        other.seed = 43
        #expect(try composer.compose(other).tokens != a.tokens)
    }

    @Test func keyAndMeterAreAsRequested() throws {
        let composer = try EngineFixtures.composer()
        let key = try Key(parsing: "Ador")
        let c = try composer.compose(CompositionRequest(style: .march, bars: 8, key: key, meter: .sixEight, seed: 3))
        #expect(c.score.keyChanges.map(\.key) == [key])
        #expect(c.score.meterChanges.map(\.meter) == [.sixEight])
        #expect(c.melody.notes.last?.pitch.pitchClass == key.tonic.pitchClass)
    }

    @Test func repeatedPartsRepeatAllButTheirLastBar() throws {
        let composer = try EngineFixtures.composer()
        for seed in UInt64(1)...5 {
            let c = try composer.compose(CompositionRequest(style: .reel, bars: 32, seed: seed))
            #expect(c.report.form == "AABB" && c.report.barsPerPart == 8)
            let bar = Meter.cutTime.barLength
            func notes(_ from: Int, _ to: Int) -> [String] {
                c.melody.notes.filter { $0.onset >= Rational(from) * bar && $0.onset < Rational(to) * bar }
                    .map { "\($0.pitch.midi)/\($0.onset - Rational(from) * bar)/\($0.duration)" }
            }
            #expect(notes(0, 7) == notes(8, 15), "seed \(seed): second A differs from the first")
            #expect(notes(16, 23) == notes(24, 31), "seed \(seed): second B differs from the first")
        }
    }

    @Test func theArrangementAddsNamedTracksInRange() throws {
        let composer = try EngineFixtures.composer()
        let c = try composer.compose(CompositionRequest(style: .reel, bars: 16, seed: 5))
        #expect(c.score.parts.map(\.name) == ["Melody", "Chords", "Bass", "Drums"])
        #expect(!c.chords.isEmpty)
        let melodyRange = Style.reel.instruments.melody.range
        #expect(ArrangementCheck.notesOutside(melodyRange, in: c.score.parts[0]).isEmpty)
        #expect(ArrangementCheck.notesOutside(Style.reel.instruments.bass.range, in: c.score.parts[2]).isEmpty)
        let bare = try composer.compose(CompositionRequest(style: .reel, bars: 16, seed: 5, accompaniment: false))
        #expect(bare.score.parts.map(\.name) == ["Melody"])
        #expect(bare.score.parts[0].chordSymbols == c.chords)
    }

    @Test(arguments: [
        (CompositionRequest(style: .folk, bars: 0), "--bars"),
        (CompositionRequest(style: .folk, bars: -1), "--bars"),
        (CompositionRequest(style: .folk, bars: 100_000), "--bars"),
        (CompositionRequest(style: .jig, meter: .threeFour), "--meter"),
        (CompositionRequest(style: .folk, sampling: .init(temperature: 0)), "--temperature"),
        (CompositionRequest(style: .folk, sampling: .init(temperature: -1)), "--temperature"),
        (CompositionRequest(style: .folk, sampling: .init(topP: 0)), "--top-p"),
        (CompositionRequest(style: .folk, bars: 18, form: "AABB"), "--form"),
        (CompositionRequest(style: .folk, form: "A1"), "--form"),
        (CompositionRequest(style: .folk, beatsPerMinute: 5), "--tempo"),
        (CompositionRequest(style: .jig, anacrusis: 3), "--anacrusis"),
    ])
    func invalidRequestsNameTheirOption(request: CompositionRequest, option: String) throws {
        #expect(throws: EngineError.self) { try request.validate() }
        do { try request.validate() } catch {
            #expect(error.description.hasPrefix(option + ":"), "\(error)")
            #expect(error.isUsage)
        }
    }
}
