import Foundation
import Testing
@testable import Notation

@Suite struct ScoreTests {
    func note(_ midi: Int, _ onset: Rational, _ duration: Rational) throws -> MusicEvent {
        .note(try Note(pitch: try Pitch(midi: midi), onset: onset, duration: duration))
    }

    @Test func eventsValidateAndSort() throws {
        #expect(throws: NotationError.nonPositiveDuration(.zero)) { try Note(pitch: .middleC, onset: 0, duration: 0) }
        #expect(throws: NotationError.velocityOutOfRange(0)) { try Note(pitch: .middleC, onset: 0, duration: 1, velocity: 0) }
        let v = Voice(events: [try note(62, 1, 1), try note(60, 0, 1)])
        #expect(v.events.map(\.onset) == [0, 1])
        #expect(v.end == 2)
        #expect(throws: NotationError.self) { try Part(name: "x", program: 128) }
    }

    @Test func barsCutAndTieAcrossBarLines() throws {
        // 3/4 with a crotchet pickup; a minim starting on beat 3 of bar 1 is tied into bar 2.
        let voice = Voice(events: [try note(60, 0, 1), try note(62, 1, 2), try note(64, 3, 2), try note(65, 5, 2)])
        let score = Score(parts: [try Part(name: "m", voices: [voice])],
                          meterChanges: [MeterChange(meter: .threeFour)], anacrusis: 1)
        let bars = score.bars(of: voice)
        #expect(bars.map(\.start) == [0, 1, 4])
        #expect(bars[0].length == 1)
        #expect(bars[1].events.count == 2)
        let tied = bars[1].events.last!
        #expect(tied.event.duration == 1 && tied.tiedToNext && !tied.tiedFromPrevious)
        #expect(bars[2].events.first!.tiedFromPrevious)
        #expect(bars[2].events.first!.event.duration == 1)
        #expect(bars[0].isFull && bars[1].isFull && bars[2].isFull)
        // A gap (no rest written) leaves a bar not full.
        let gappy = Voice(events: [try note(60, 1, 1), try note(62, 3, 1)])
        #expect(!score.bars(of: gappy)[1].isFull)
    }

    @Test func meterChangesMoveBarLines() throws {
        let voice = Voice(events: [try note(60, 0, 10)])
        let score = Score(meterChanges: [MeterChange(meter: .fourFour), MeterChange(onset: 4, meter: .sixEight)])
        #expect(score.bars(of: voice).map(\.start) == [0, 4, 7])
        #expect(score.bars(of: voice).map(\.meter.description) == ["4/4", "6/8", "6/8"])
    }

    @Test func transpositionMovesEverythingOrThrows() throws {
        let part = try Part(name: "m", voices: [Voice(events: [try note(60, 0, 1), try note(67, 1, 1)])],
                            chordSymbols: [TimedChordSymbol(onset: 0, symbol: ChordSymbol(parsing: "C")!)])
        let score = Score(parts: [part], keyChanges: [KeyChange(key: .cMajor)])
        let up = try score.transposed(by: .perfectFifth)
        #expect(up.parts[0].voices[0].notes.map(\.pitch.midi) == [67, 74])
        #expect(up.keyChanges[0].key.description == "G major")
        #expect(up.parts[0].chordSymbols[0].symbol.description == "G")
        #expect(throws: NotationError.self) { try score.transposed(by: Interval(semitones: 70)) }
    }

    @Test func codableRoundTrip() throws {
        let part = try Part(name: "Melody", program: 73, voices: [Voice(events: [try note(60, 0, Rational(1, 3)),
            .rest(try Rest(onset: Rational(1, 3), duration: Rational(2, 3))),
            .chord(try Chord(pitches: [try Pitch(midi: 64), .middleC], onset: 1, duration: 1))])])
        let score = Score(title: "T", parts: [part], tempoChanges: [try TempoChange(quarterNotesPerMinute: 90)],
                          meterChanges: [MeterChange(meter: .sixEight)], keyChanges: [KeyChange(key: try Key(parsing: "Ador"))])
        let data = try JSONEncoder().encode(score)
        #expect(try JSONDecoder().decode(Score.self, from: data) == score)
        #expect(score.durationInSeconds == 2.0 * 60 / 90)
        #expect(try TempoChange(quarterNotesPerMinute: 120).microsecondsPerQuarter == 500_000)
    }
}
