import Notation
import Testing
@testable import Harmony

@Suite struct VoiceLeaderTests {
    static let majorKeys = ["C", "G", "D", "A", "E", "B", "F#", "Db", "Ab", "Eb", "Bb", "F"]
    static let progressions: [(name: String, numerals: [String])] = [
        ("I-IV-V-I", ["I", "IV", "V", "I"]),
        ("I-vi-ii-V-I", ["I", "vi", "ii", "V", "I"]),
    ]

    func chords(_ numerals: [String], _ keyName: String) throws -> (Key, [ChordSymbol]) {
        let key = try Key(parsing: keyName)
        return (key, try #require(ChordVocabulary.progression(numerals, in: key)))
    }

    /// The issue's figures: ≤ 12 semitones of upper-voice movement and no parallels, in all 12 major keys.
    @Test(arguments: majorKeys)
    func progressionsMeetTheTargetsInEveryKey(keyName: String) throws {
        for progression in Self.progressions {
            let (key, symbols) = try chords(progression.numerals, keyName)
            let voiced = try VoiceLeader(ranges: .satb, key: key).voice(symbols)
            let report = VoiceLeadingCheck.report(voiced)
            let label = "\(progression.name) in \(keyName)"
            #expect(report.upperMovement <= 12, "\(label): \(report)")
            #expect(report.parallels == 0 && report.hiddenOuter == 0 && report.overlaps == 0, "\(label): \(report)")
            let leadingTone = (key.tonic.pitchClass + 11) % 12
            for (chord, symbol) in zip(voiced, symbols) {
                let upper = chord.upper.map(\.midi)
                #expect(chord.symbol == symbol)
                #expect(chord.bass.pitchClass == symbol.root.pitchClass, "\(label): root position bass")
                #expect(VoicingRules.isComplete(bass: chord.bass.midi, upper: upper, chord: symbol, leadingTone: leadingTone))
                #expect(VoicingRules.isSpaced(bass: chord.bass.midi, upper: upper), "\(label)")
                #expect(Set(chord.pitches.map(\.pitchClass)) == Set(symbol.pitchClasses), "\(label): complete triad")
                #expect(chord.pitches.filter { $0.pitchClass == leadingTone }.count <= 1, "\(label): doubled leading tone")
                for (pitch, range) in zip(chord.pitches.map(\.midi), [VoiceRanges.satb.bass] + VoiceRanges.satb.upper) {
                    #expect(range.contains(pitch), "\(label): \(pitch) outside \(range)")
                }
            }
        }
    }

    /// abc2midi's root-position block chords in a fixed octave: the issue states 45–67 semitones and 9–12
    /// parallels for it. Three consecutive perfects per chord change (bass–root octave, root–fifth,
    /// bass–fifth) give exactly 9 and 12 here; the voice leader must beat it in every key.
    @Test(arguments: majorKeys)
    func blockChordBaselineIsWorseInEveryKey(keyName: String) throws {
        for progression in Self.progressions {
            let (key, symbols) = try chords(progression.numerals, keyName)
            let baseline = VoiceLeadingCheck.report(symbols.map(BlockChordBaseline.voice))
            let led = VoiceLeadingCheck.report(try VoiceLeader(key: key).voice(symbols))
            #expect(baseline.parallels == 3 * (symbols.count - 1), "\(progression.name) in \(keyName): \(baseline)")
            #expect(baseline.upperMovement > led.upperMovement, "\(progression.name) in \(keyName)")
        }
    }

    /// The table in Sources/Harmony/README.md: run with
    /// `TUNESMITH_ONLY=Notation,Harmony swift test --scratch-path .build-harmony --filter VoiceLeaderTests 2>&1 | grep '^|'`.
    @Test func measuredFiguresTable() throws {
        var lines = ["| progression | key | voice leader: upper semitones | parallels | hidden | baseline: upper semitones | with bass | parallels |",
                     "|---|---|---:|---:|---:|---:|---:|---:|"]
        var raw: [String] = []
        for progression in Self.progressions {
            for keyName in Self.majorKeys {
                let (key, symbols) = try chords(progression.numerals, keyName)
                let led = VoiceLeadingCheck.report(try VoiceLeader(key: key).voice(symbols))
                let base = VoiceLeadingCheck.report(symbols.map(BlockChordBaseline.voice))
                lines.append("| \(progression.name) | \(keyName) | \(led.upperMovement) | \(led.parallels) | \(led.hiddenOuter) | "
                             + "\(base.upperMovement) | \(base.upperMovement + base.bassMovement) | \(base.parallels) |")
                // Raw pitches for Scripts/harmony/music21_voiceleading.py (an independent check with music21).
                // Spelled in the key, so that music21 names the intervals as a musician would (Db–Ab a fifth).
                let spell = { (midi: Int) in key.spell(try! Pitch(midi: midi)).description }
                let voiced = try VoiceLeader(key: key).voice(symbols).map { $0.pitches.map { spell($0.midi) }.joined(separator: " ") }
                let block = symbols.map { BlockChordBaseline.voice($0).map(spell).joined(separator: " ") }
                raw.append("voicing | leader | \(progression.name) | \(keyName) | " + voiced.joined(separator: ", "))
                raw.append("voicing | baseline | \(progression.name) | \(keyName) | " + block.joined(separator: ", "))
            }
        }
        print(lines.joined(separator: "\n"))
        print(raw.joined(separator: "\n"))
        #expect(lines.count == 2 + 24 && raw.count == 48)
    }

    @Test func commonTonesAreHeld() throws {
        // C → Am share C and E: two upper voices stay, one moves G → A.
        let voiced = try VoiceLeader(key: .cMajor).voice([ChordSymbol(parsing: "C")!, ChordSymbol(parsing: "Am")!])
        let moved = zip(voiced[0].upper, voiced[1].upper).filter { $0 != $1 }
        #expect(moved.count == 1)
        #expect(moved.first.map { $0.1.midi - $0.0.midi } == 2)
    }

    /// When every path breaks a rule, the strict search finds nothing and the penalised search still returns
    /// the realisation, whose report names the faults.
    @Test func penalisedSearchReturnsTheCleanestFaultyPath() throws {
        let c = ChordSymbol(parsing: "C")!, d = ChordSymbol(parsing: "D")!
        let first = VoicedChord(symbol: c, bass: try Pitch(midi: 48), upper: [try Pitch(midi: 55), try Pitch(midi: 60), try Pitch(midi: 64)])
        let parallel = VoicedChord(symbol: d, bass: try Pitch(midi: 50), upper: [try Pitch(midi: 57), try Pitch(midi: 62), try Pitch(midi: 66)])
        let leader = VoiceLeader()
        #expect(leader.search([[first], [parallel]], penalty: nil) == nil)
        let path = try #require(leader.search([[first], [parallel]], penalty: 100))
        #expect(path == [first, parallel])
        #expect(VoiceLeadingCheck.report(path).parallels == 2) // bass–tenor fifths and bass–alto octaves
        // With a clean alternative available, the penalised search prefers it over the faulty one.
        let clean = VoicedChord(symbol: d, bass: try Pitch(midi: 50), upper: [try Pitch(midi: 54), try Pitch(midi: 57), try Pitch(midi: 62)])
        #expect(leader.search([[first], [parallel, clean]], penalty: 100) == [first, clean])
    }

    @Test func unvoiceableChordsThrow() {
        // Ranges an octave and more apart: adjacent upper voices can never lie within an octave.
        let narrow = VoiceRanges(bass: 36...47, tenor: 48...59, alto: 72...83, soprano: 96...107)
        #expect(throws: HarmonyError.noVoicing(chord: "C", index: 0)) {
            try VoiceLeader(ranges: narrow).voice([ChordSymbol(parsing: "C")!])
        }
        #expect(throws: HarmonyError.self) { try VoiceLeader().voice([]) }
    }

    /// Random diatonic progressions in random keys: every chord gets a complete voicing inside the ranges,
    /// and the strict search never breaks a rule when it finds a path (seed named on failure).
    @Test(arguments: 0..<30)
    func randomProgressionsAreVoicedCleanly(seed: Int) throws {
        var rng = SplitMix64(seed: UInt64(seed))
        let mode: Mode = [.major, .minor, .dorian, .mixolydian].randomElement(using: &rng)!
        let key = Key(tonic: PitchSpelling(Letter.allCases.randomElement(using: &rng)!), mode: mode)
        let vocabulary = ChordVocabulary.chords(for: mode)
        let symbols = (0..<Int.random(in: 2...16, using: &rng)).map { _ in vocabulary.randomElement(using: &rng)!.symbol(in: key) }
        let leader = VoiceLeader(ranges: .accompaniment, key: key)
        let voiced = try leader.voice(symbols)
        #expect(voiced.count == symbols.count, "seed \(seed)")
        for chord in voiced {
            #expect(VoicingRules.isSpaced(bass: chord.bass.midi, upper: chord.upper.map(\.midi)), "seed \(seed)")
            #expect(VoiceRanges.accompaniment.soprano.contains(chord.upper[2].midi), "seed \(seed)")
        }
        if leader.search(voiced.map { [$0] }, penalty: nil) != nil {
            let report = VoiceLeadingCheck.report(voiced)
            #expect(report.parallels == 0 && report.hiddenOuter == 0 && report.overlaps == 0, "seed \(seed): \(report)")
        }
        #expect(try leader.voice(symbols) == voiced, "seed \(seed): not deterministic")
    }
}
