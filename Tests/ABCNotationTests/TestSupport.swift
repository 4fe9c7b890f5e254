import Notation

@testable import ABCNotation

/// Reads one inline tune; fails the test with the reader's error if it cannot be read.
func readTune(_ body: String, header: String = "M:4/4\nL:1/8\nK:C", voices: ABCVoicePolicy = .allVoicesAsParts)
    throws -> ABCTune
{
    let book = ABCTunebook(text: "X:1\nT:Test\n\(header)\n\(body)\n", voices: voices)
    if let failure = book.failures.first { throw failure }
    guard let tune = book.tunes.first else { throw ABCError.invalidBody(at: ABCLocation(line: 0, column: 0), reason: "no tune") }
    return tune
}

/// The one failure of an inline tune that should not read.
func readFailure(_ body: String, header: String = "M:4/4\nL:1/8\nK:C") -> ABCTuneFailure? {
    ABCTunebook(text: "X:7\nT:Bad\n\(header)\n\(body)\n").failures.first
}

/// Note names with octave (C4 = middle C) of the played notes, for readable expectations.
func names(_ notes: [Note]) -> [String] {
    let n = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"]
    return notes.map { n[$0.pitch.midi % 12] + String($0.pitch.midi / 12 - 1) }
}

/// The played letters of a tune written with one note per letter name (C D E F G A B, octave 4).
func letters(_ tune: ABCTune) -> String {
    tune.playedNotes().map { ["C", "", "D", "", "E", "F", "", "G", "", "A", "", "B"][$0.pitch.midi % 12] }.joined()
}
