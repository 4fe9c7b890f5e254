import Foundation
import Notation
import Testing

@testable import ABCNotation

/// Writer → reader round trip: every single-voice corpus tune in the given file, expanded to a melody,
/// written as ABC and read back, plays the same notes (pitch, onset, length).
@Test(arguments: ["oneills1850/0001-0050.abc", "airdsAirs/book1.abc", "ryansMammoth/BossJig.abc",
                  "miscFolk/northumbrianminstrelsyopus.abc"])
func writerRoundTripsCorpusTunes(file: String) throws {
    let book = try ABCTunebook(contentsOf: Corpus.path(file))
    #expect(!book.tunes.isEmpty)
    for tune in book.tunes where tune.voices.count == 1 {
        let score = try tune.score()
        let text = try ABCWriter.abcText(for: score, referenceNumber: tune.referenceNumber)
        let back = ABCTunebook(text: text)
        #expect(back.failures.isEmpty, "X:\(tune.referenceNumber): \(back.failures)")
        guard let read = back.tunes.first else { continue }
        let original = score.parts[0].voices[0].notes
        let again = read.playedNotes()
        #expect(again.map(\.pitch) == original.map(\.pitch), "X:\(tune.referenceNumber)\n\(text)")
        #expect(again.map(\.onset) == original.map(\.onset), "X:\(tune.referenceNumber)\n\(text)")
        #expect(again.map(\.duration) == original.map(\.duration), "X:\(tune.referenceNumber)\n\(text)")
    }
}

@Test func writerSplitsNotesAtBarLinesAndWritesTupletsAndChordSymbols() throws {
    let n = { (midi: Int, on: Rational, d: Rational) in try MusicEvent.note(Note(pitch: Pitch(midi: midi), onset: on, duration: d)) }
    let events = [
        try n(60, 0, Rational(1, 3)), try n(62, Rational(1, 3), Rational(1, 3)), try n(64, Rational(2, 3), Rational(1, 3)),
        try n(66, 1, 2), try n(67, 3, 2), try .chord(Chord(pitches: [try Pitch(midi: 60), try Pitch(midi: 64)], onset: 5, duration: 1)),
    ]
    let part = try Part(name: "m", voices: [Voice(events: events)],
                        chordSymbols: [TimedChordSymbol(onset: 0, symbol: ChordSymbol(parsing: "C")!),
                                       TimedChordSymbol(onset: 3, symbol: ChordSymbol(parsing: "G7")!)])
    let score = Score(title: "Fixture", parts: [part], meterChanges: [MeterChange(meter: .fourFour)],
                      keyChanges: [KeyChange(key: Key(tonic: PitchSpelling(.g)))])
    let text = try ABCWriter.abcText(for: score)
    #expect(text == """
        X:1
        T:Fixture
        M:4/4
        L:1/8
        K:G
         (3:2:3"C"CDE F4 "G7"G2- | G2 [CE]2 |]

        """)
    let back = try #require(ABCTunebook(text: text).tunes.first)
    #expect(back.playedNotes() == score.parts[0].voices[0].notes.sorted { ($0.onset, $0.pitch) < ($1.onset, $1.pitch) })
    let symbols = try back.score().parts[0].chordSymbols
    #expect(symbols.map(\.onset) == [0, 3])
}

@Test func writerRefusesWhatOneVoiceCannotHold() throws {
    let a = try Note(pitch: Pitch(midi: 60), onset: 0, duration: 2)
    let b = try Note(pitch: Pitch(midi: 64), onset: 1, duration: 2)
    let overlapping = Score(parts: [try Part(name: "x", voices: [Voice(events: [.note(a), .note(b)])])])
    #expect(throws: ABCError.self) { try ABCWriter.abcText(for: overlapping) }
    let two = Score(parts: [try Part(name: "x"), try Part(name: "y")])
    #expect(throws: ABCError.self) { try ABCWriter.abcText(for: two) }
}

@Test func writerWritesFilesAtomically() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("abcwriter-\(getpid())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let tune = try readTune("ABcd|")
    let path = dir.appendingPathComponent("t.abc").path
    try ABCWriter.write(try tune.score(), to: path)
    let back = try ABCTunebook(contentsOf: path)
    #expect(back.tunes.first?.playedNotes() == tune.playedNotes())
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["t.abc"])
    #expect(throws: ABCError.self) { try ABCWriter.write(try tune.score(), to: dir.path + "/missing/t.abc") }
}
