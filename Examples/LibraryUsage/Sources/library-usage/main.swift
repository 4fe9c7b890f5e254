// Builds a four-bar tune with Tunesmith's music values, reads an ABC tune, and writes both as one
// Standard MIDI File: `library-usage OUT.mid`.
import Tunesmith
#if canImport(Glibc)
import Glibc
#endif

let arguments = CommandLine.arguments
guard arguments.count == 2 else {
    print("usage: library-usage OUT.mid")
    exit(64)
}

do {
    // 1. A melody from values: a D major arpeggio in 6/8, in exact rational time (quarter notes).
    let key = try Key(parsing: "D")
    let quaver = Rational(1, 2)
    var events: [MusicEvent] = []
    var onset = Rational.zero
    for midi in [62, 66, 69, 74, 69, 66, 62, 66, 69, 74, 78, 81] {
        events.append(.note(try Note(pitch: try Pitch(midi: midi), onset: onset, duration: quaver)))
        onset += quaver
    }
    let fiddle = try Part(name: "Fiddle", program: 40, voices: [Voice(events: events)])

    // 2. A tune from ABC text: the same library reads notation.
    let book = ABCTunebook(text: "X:1\nT:Example\nM:6/8\nL:1/8\nK:D\nAFA dfa|afd e3|\n")
    guard let tune = book.tunes.first else { fatalError("the example ABC did not parse: \(book.failures)") }
    var flute = try tune.score().parts[0]
    flute.name = "Flute"
    flute.program = 73
    flute.channel = 1

    // 3. One score, written as MIDI.
    let score = Score(title: "Library usage", parts: [fiddle, flute],
                      tempoChanges: [try TempoChange(quarterNotesPerMinute: 180)],
                      meterChanges: [MeterChange(meter: .sixEight)], keyChanges: [KeyChange(key: key)])
    let file = try MIDIFile(score: score)
    try file.write(toFile: arguments[1])
    let notes = score.parts.reduce(0) { $0 + $1.voices.reduce(0) { $0 + $1.notes.count } }
    print("wrote \(arguments[1]): \(file.tracks.count) tracks, \(notes) notes, \(score.durationInSeconds) s")
} catch {
    print("library-usage: \(error)")
    exit(1)
}
