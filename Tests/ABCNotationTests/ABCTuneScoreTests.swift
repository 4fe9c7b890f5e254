import Notation
import Testing

@testable import ABCNotation

@Test func scoreOfASingleVoiceTune() throws {
    let t = try readTune("E | \"G\"G2 B>c | \"D7\"d2 [GB]2 :|", header: "M:2/4\nL:1/8\nQ:1/4=96\nK:G")
    let score = try t.score()
    #expect(score.title == "Test")
    #expect(score.parts.count == 1)
    #expect(score.parts[0].voices.count == 1)
    #expect(score.meterChanges.first?.meter == Meter.twoFour)
    #expect(score.keyChanges.first?.key == Key(tonic: PitchSpelling(.g)))
    #expect(score.tempoChanges.first?.quarterNotesPerMinute == 96)
    #expect(score.anacrusis == Rational(1, 2))
    // Played twice: E, G B c d [GB], E, …
    let events = score.parts[0].voices[0].events
    #expect(events.count == 12)
    #expect(events.filter { if case .chord = $0 { return true } else { return false } }.count == 2)
    #expect(score.parts[0].chordSymbols.map(\.symbol.description) == ["G", "D7", "G", "D7"])
    #expect(score.parts[0].chordSymbols.map(\.onset) == [Rational(1, 2), Rational(5, 2), 5, 7])
}

@Test func firstCorpusTuneAsScore() throws {
    // O'Neill's 1 ("The Lament of ..."), read from the shared corpus.
    let book = try ABCTunebook(contentsOf: Corpus.path("oneills1850/0001-0050.abc"))
    let tune = try #require(book.tunes.first)
    #expect(tune.referenceNumber == 1)
    let score = try tune.score()
    #expect(score.parts[0].voices[0].notes.count == tune.playedNotes().count)
    #expect(score.parts[0].voices[0].notes.allSatisfy { $0.duration > .zero })
}
