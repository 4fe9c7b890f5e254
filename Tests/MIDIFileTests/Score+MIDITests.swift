import Notation
import Testing
import MIDIFile

/// Score -> MIDI: the file layout, and score -> write -> read giving the same score back.
struct ScoreToMIDITests {
    /// A small two-part tune written for this test: a pickup rest, dotted rhythms, triplets, a chord, a rest,
    /// chord symbols, two tempos (one fractional), two meters and two keys.
    static func tune() throws -> Score {
        func n(_ midi: Int, _ onset: Rational, _ duration: Rational, _ velocity: Int = 90) throws -> MusicEvent {
            .note(try Note(pitch: try Pitch(midi: midi), onset: onset, duration: duration, velocity: velocity))
        }
        let third = Rational(1, 3)
        let melody = Voice(events: [
            .rest(try Rest(onset: 0, duration: Rational(1, 2))),
            try n(72, Rational(1, 2), Rational(1, 2)),
            try n(74, 1, Rational(3, 4)),
            try n(76, Rational(7, 4), Rational(1, 4)),
            .chord(try Chord(pitches: [try Pitch(midi: 67), try Pitch(midi: 71), try Pitch(midi: 74)], onset: 2, duration: 1, velocity: 70)),
            .rest(try Rest(onset: 3, duration: 1)),
            try n(76, 4, third), try n(74, 4 + third, third), try n(72, 4 + 2 * third, third),
            try n(71, 5, 1, 127),
        ])
        let bass = Voice(events: [try n(43, 0, 3, 60), try n(40, 3, 3, 60)])
        return Score(
            title: "Test Tune",
            parts: [
                try Part(name: "Flute", program: 73, channel: 0, voices: [melody], chordSymbols: [
                    TimedChordSymbol(onset: 0, symbol: ChordSymbol(parsing: "G")!),
                    TimedChordSymbol(onset: 2, symbol: ChordSymbol(parsing: "Em7")!),
                ]),
                try Part(name: "Bass", program: 32, channel: 1, voices: [bass]),
            ],
            tempoChanges: [try TempoChange(onset: 0, quarterNotesPerMinute: 90),
                           try TempoChange(onset: 4, quarterNotesPerMinute: Rational(241, 2))],
            meterChanges: [MeterChange(onset: 0, meter: .threeFour), MeterChange(onset: 3, meter: .sixEight)],
            keyChanges: [KeyChange(onset: 0, key: Key(tonic: PitchSpelling(.g))),
                         KeyChange(onset: 3, key: Key(tonic: PitchSpelling(.e), mode: .minor))])
    }

    @Test func writesAConductorTrackThenOneNamedTrackPerPart() throws {
        let file = try MIDIFile(score: Self.tune())
        #expect(file.format == .multiTrack)
        #expect(file.division == .ticksPerQuarter(480))
        try #require(file.tracks.count == 3)
        #expect(file.tracks.map(\.name) == ["Test Tune", "Flute", "Bass"])
        let conductor = file.tracks[0].events
        #expect(conductor.contains(.init(tick: 0, event: .meta(.tempo(microsecondsPerQuarter: 666_667)))))
        #expect(conductor.contains(.init(tick: 1920, event: .meta(.tempo(microsecondsPerQuarter: 497_925)))))
        #expect(conductor.contains(.init(tick: 0, event: .meta(.timeSignature(numerator: 3, denominatorPower: 2, clocksPerClick: 24, thirtySecondsPerQuarter: 8)))))
        #expect(conductor.contains(.init(tick: 1440, event: .meta(.timeSignature(numerator: 6, denominatorPower: 3, clocksPerClick: 36, thirtySecondsPerQuarter: 8)))))
        #expect(conductor.contains(.init(tick: 0, event: .meta(.keySignature(fifths: 1, isMinor: false)))))
        #expect(conductor.contains(.init(tick: 1440, event: .meta(.keySignature(fifths: 1, isMinor: true)))))
        #expect(conductor.last == .init(tick: 2880, event: .meta(.endOfTrack)))
        #expect(file.tracks[1].events.contains(.init(tick: 0, event: .programChange(channel: 0, program: 73))))
        #expect(file.tracks[2].events.contains(.init(tick: 0, event: .programChange(channel: 1, program: 32))))
        // Triplet quavers at 480 ticks per quarter: 160 ticks each.
        let flute = file.tracks[1].notes().notes
        #expect(flute.filter { $0.start >= 1920 && $0.start < 2400 }.map(\.start) == [1920, 2080, 2240])
    }

    @Test func scoreWriteReadGivesTheSameScore() throws {
        let score = try Self.tune()
        for tpq in [480, 96, 3 * 64] {
            let bytes = try MIDIFile(score: score, ticksPerQuarter: tpq).bytes()
            #expect(try MIDIFile(bytes: bytes).score() == score, "ticks per quarter \(tpq)")
        }
    }

    @Test func aTimeOffTheTickGridIsAnErrorNamingThePart() throws {
        let score = try Self.tune()
        // Triplets need a multiple of 3 ticks per quarter; 32 is not one.
        #expect(throws: MIDIFileError.timeNotOnTick(part: "Flute", time: Rational(13, 3), ticksPerQuarter: 32)) {
            try MIDIFile(score: score, ticksPerQuarter: 32)
        }
    }

    @Test func aKeyWithMoreThanSevenSharpsCannotBeWritten() throws {
        var score = try Self.tune()
        score.keyChanges = [KeyChange(onset: 0, key: Key(tonic: PitchSpelling(.g, .sharp)))]  // 8 sharps
        #expect(throws: MIDIFileError.self) { try MIDIFile(score: score) }
    }
}

extension ScoreToMIDITests {
    @Test func fieldsChangedOutOfRangeAfterCreationAreErrorsNotTraps() throws {
        var score = try Self.tune()
        score.parts[1].channel = 300
        #expect(throws: MIDIFileError.self) { try MIDIFile(score: score) }
        score = try Self.tune()
        guard case .note(var note) = score.parts[1].voices[0].events[0] else { Issue.record("expected a note"); return }
        note.velocity = 300
        score.parts[1].voices[0].events[0] = .note(note)
        #expect(throws: MIDIFileError.self) { try MIDIFile(score: score) }
    }
}
