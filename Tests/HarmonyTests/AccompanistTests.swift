import Notation
import Testing
@testable import Harmony

@Suite struct AccompanistTests {
    static let drumKeys = Set(PercussionTemplate.drumKeys.values)

    func score(_ melody: Voice, _ meter: Meter, _ anacrusis: Rational, _ parts: [Part]) throws -> Score {
        Score(parts: [try Part(name: "Melody", voices: [melody])] + parts, meterChanges: [MeterChange(meter: meter)],
              anacrusis: anacrusis)
    }

    /// A random melody in a style's default register: notes and rests of common lengths, `bars` full bars
    /// after the pickup.
    static func randomMelody(key: Key, meter: Meter, bars: Int, anacrusis: Rational,
                             using rng: inout SplitMix64) throws -> Voice {
        var events: [MusicEvent] = []
        var t = Rational.zero
        let end = anacrusis + meter.barLength * Rational(bars)
        let lengths = [Rational(1, 2), Rational(1, 2), Rational(1), Rational(1, 4), Rational(3, 2)]
        while t < end {
            let d = min(lengths.randomElement(using: &rng)!, end - t)
            if Int.random(in: 0..<10, using: &rng) == 0 {
                events.append(.rest(try Rest(onset: t, duration: d)))
            } else {
                let pc = key.scalePitchClasses.randomElement(using: &rng)!
                events.append(.note(try Note(pitch: try Pitch(midi: 62 + (pc + 10) % 12 + 12 * Int.random(in: 0...1, using: &rng)),
                                             onset: t, duration: d)))
            }
            t += d
        }
        return Voice(name: "Melody", events: events)
    }

    /// Over many seeds: every style and meter, random keys, pickups and melodies. Every note of every part
    /// lies in its instrument's range, every bar of every voice is exactly full, the voicings break no rule,
    /// drums sit on channel 9 with GM percussion keys, and the same seed gives the same parts.
    @Test(arguments: 0..<60)
    func randomArrangementsRespectRangesAndFillEveryBar(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let style = Style.catalog[seed % Style.catalog.count]
        let meter = style.meters.randomElement(using: &rng)!.meter
        let mode: Mode = [.major, .minor, .dorian, .mixolydian].randomElement(using: &rng)!
        let key = Key(tonic: PitchSpelling(Letter.allCases.randomElement(using: &rng)!,
                                           [Accidental.natural, .flat, .sharp].randomElement(using: &rng)!), mode: mode)
        let anacrusis = Bool.random(using: &rng) ? Rational.zero : meter.beats.last!
        let bars = Int.random(in: 1...16, using: &rng)
        let melody = try Self.randomMelody(key: key, meter: meter, bars: bars, anacrusis: anacrusis, using: &rng)
        let options = AccompanimentOptions(drums: [nil, true, false].randomElement(using: &rng)!,
                                           walkingBass: Bool.random(using: &rng))
        var arrangeRNG = SplitMix64(seed: UInt64(seed) &* 7919)
        let arrangement = try Arranger.arrange(melody: melody, key: key, meter: meter, style: style, anacrusis: anacrusis,
                                               options: options, using: &arrangeRNG)
        let acc = arrangement.accompaniment
        let label = "seed \(seed): \(style.name) \(meter) \(key)"

        #expect(ArrangementCheck.notesOutside(style.instruments.chords.range, in: acc.chords).isEmpty, "\(label)")
        #expect(ArrangementCheck.notesOutside(style.instruments.bass.range, in: acc.bass).isEmpty, "\(label)")
        #expect(acc.templates.count == bars, "\(label)")
        let score = try score(melody, meter, anacrusis, acc.parts)
        for part in acc.parts {
            for voice in part.voices {
                #expect(ArrangementCheck.unfilledBars(of: voice, in: score).isEmpty, "\(label): \(part.name) \(voice.name)")
                #expect(voice.end == anacrusis + meter.barLength * Rational(bars), "\(label): \(part.name)")
            }
        }
        #expect(acc.chords.channel == 1 && acc.bass.channel == 2)
        #expect(acc.chords.program == style.instruments.chords.program && acc.bass.program == style.instruments.bass.program)
        #expect(acc.chords.chordSymbols == arrangement.harmonization.chords)
        if options.drums ?? style.drumsByDefault {
            let drums = try #require(acc.drums, "\(label)")
            #expect(drums.channel == 9 && drums.name == "Drums")
            #expect(drums.voices.flatMap(\.notes).allSatisfy { Self.drumKeys.contains($0.pitch.midi) }, "\(label)")
            #expect(!drums.voices.flatMap(\.notes).isEmpty)
        } else {
            #expect(acc.drums == nil, "\(label)")
        }
        let report = VoiceLeadingCheck.report(acc.voicings)
        #expect(report.parallels == 0 && report.hiddenOuter == 0 && report.overlaps == 0, "\(label): \(report)")
        // The chord part's three lines carry no consecutive fifths or octaves either.
        let lines = ArrangementCheck.lines(of: acc.chords.voices[0], count: 3)
        #expect(ArrangementCheck.parallelFifthsAndOctaves(in: lines) == 0, "\(label)")

        var again = SplitMix64(seed: UInt64(seed) &* 7919)
        let repeated = try Arranger.arrange(melody: melody, key: key, meter: meter, style: style, anacrusis: anacrusis,
                                            options: options, using: &again)
        #expect(repeated == arrangement, "\(label): not deterministic")
    }

    @Test func jigAccompanimentFollowsTheVampAndTheChords() throws {
        let tune = TuneFixtures.hasteToTheWedding
        let melody = TuneFixtures.melody(tune)
        var rng = SplitMix64(seed: 5)
        let arrangement = try Arranger.arrange(melody: melody, key: tune.key, meter: tune.meter, style: .jig,
                                               anacrusis: tune.anacrusis, using: &rng)
        let acc = arrangement.accompaniment
        #expect(acc.templates.allSatisfy { ["jig.vamp", "jig.roll"].contains($0) })
        #expect(acc.drums != nil)                       // jigs have a bodhrán by default
        let bassNotes = acc.bass.voices[0].notes
        // The pickup is silent in every accompaniment part.
        #expect(bassNotes.allSatisfy { $0.onset >= tune.anacrusis })
        // Every bar's bass starts on the bar line with the root of the chord sounding there.
        for bar in 0..<8 {
            let start = tune.anacrusis + Rational(bar) * 3
            let note = try #require(bassNotes.first { $0.onset == start }, "bar \(bar)")
            let chord = arrangement.harmonization.segments.last { $0.onset <= start }!
            #expect(note.pitch.pitchClass == chord.symbol.root.pitchClass, "bar \(bar)")
        }
        // Chords strike on the third quaver of a dotted beat (jig.vamp) or on the second and third (jig.roll).
        let offsets = Set(acc.chords.voices[0].events.compactMap { event -> Rational? in
            guard case .chord(let c) = event else { return nil }
            let x = (c.onset - tune.anacrusis) - Rational(3, 2) * Rational(((c.onset - tune.anacrusis) / Rational(3, 2)).floor)
            return x
        })
        #expect(offsets.isSubset(of: [Rational(1, 2), 1]))
    }

    @Test func drumsCanBeForcedOnAndOff() throws {
        let melody = TuneFixtures.melody(TuneFixtures.drunkenGanger)
        var rng = SplitMix64(seed: 1)
        let off = try Arranger.arrange(melody: melody, key: TuneFixtures.drunkenGanger.key, meter: .nineEight, style: .slipJig,
                                       using: &rng)
        #expect(off.accompaniment.drums == nil)            // slip jigs have no drums by default
        let on = try Arranger.arrange(melody: melody, key: TuneFixtures.drunkenGanger.key, meter: .nineEight, style: .slipJig,
                                      options: AccompanimentOptions(drums: true), using: &rng)
        let drums = try #require(on.accompaniment.drums)
        #expect(drums.voices.map(\.name) == ["Drum 45"])     // slip-jig bodhrán: low tom only
        #expect(drums.voices[0].notes.filter { $0.velocity == 100 }.count == 8 * 3) // three accents per bar
    }

    @Test func badInputThrows() {
        var rng = SplitMix64(seed: 0)
        let accompanist = Accompanist(style: .reel, key: .cMajor, meter: .cutTime)
        #expect(throws: HarmonyError.invalidChordSequence(reason: "no chord symbols")) {
            try accompanist.accompany([], until: 8, using: &rng)
        }
        let c = ChordSymbol(parsing: "C")!, g = ChordSymbol(parsing: "G")!
        #expect(throws: HarmonyError.self) {
            try accompanist.accompany([TimedChordSymbol(onset: 4, symbol: c), TimedChordSymbol(onset: 2, symbol: g)],
                                      until: 8, using: &rng)
        }
        #expect(throws: HarmonyError.self) {
            try accompanist.accompany([TimedChordSymbol(onset: 12, symbol: c)], until: 8, using: &rng)
        }
        let melody = TuneFixtures.melody(TuneFixtures.hasteToTheWedding)
        #expect(throws: HarmonyError.meterNotAllowed(style: "waltz", meter: "6/8", allowed: ["3/4"])) {
            try Arranger.arrange(melody: melody, key: .cMajor, meter: .sixEight, style: .waltz, using: &rng)
        }
    }
}
