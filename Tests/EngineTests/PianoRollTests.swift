import Notation
import Testing
@testable import Engine

@Suite struct PianoRollTests {
    @Test func drawsEveryNoteBarLinesAndChordNames() throws {
        let notes: [MusicEvent] = try (0..<4).map { .note(try Note(pitch: try Pitch(midi: 60 + $0), onset: Rational($0), duration: 1)) }
        let part = try Part(name: "Melody", voices: [Voice(events: notes)])
        let score = Score(title: "A & B", parts: [part], meterChanges: [MeterChange(meter: .twoFour)])
        let chord = TimedChordSymbol(onset: .zero, symbol: ChordSymbol(root: PitchSpelling(.c)))
        let svg = PianoRoll.svg(for: score, chords: [chord])
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 4)
        #expect(svg.contains("<title>A &amp; B</title>"))
        #expect(svg.contains(">C</text>"))
        #expect(svg.components(separatedBy: "<line ").count - 1 == 3, "the start and two bar lines of 2/4")
        #expect(PianoRoll.svg(for: score, chords: [chord]) == svg)
        #expect(PianoRoll.format(12.5) == "12.5" && PianoRoll.format(3) == "3" && PianoRoll.format(0.05) == "0.05")
    }
}
