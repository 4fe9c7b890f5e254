import Harmony
import Notation
import Testing
@testable import Engine

@Suite struct TuneHarmonizerTests {
    @Test func keepsTheMelodyAndAddsChordsBassAndChordSymbols() throws {
        // Twinkle-like line in G, 4/4, two bars
        let pitches = [67, 67, 74, 74, 76, 76, 74, 74]
        let events: [MusicEvent] = try pitches.enumerated().map { .note(try Note(pitch: try Pitch(midi: $1), onset: Rational($0), duration: 1)) }
        let melody = try Part(name: "Tune", program: 73, voices: [Voice(events: events)])
        let key = try Key(parsing: "G")
        let score = Score(parts: [melody], meterChanges: [MeterChange(meter: .fourFour)], keyChanges: [KeyChange(key: key)])
        let song = try TuneHarmonizer.harmonize(score, style: .folk, seed: 2)
        #expect(song.score.parts[0] == melody)
        #expect(song.score.parts.map(\.name) == ["Tune", "Chords", "Bass"])
        #expect(song.chords.first?.symbol.root.pitchClass == 7)
        #expect(VoiceLeadingCheck.report(song.voicings).parallels == 0)
        #expect(throws: EngineError.self) { try TuneHarmonizer.harmonize(score, style: .jig) }
    }
}
