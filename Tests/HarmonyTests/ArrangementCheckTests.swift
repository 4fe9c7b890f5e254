import Notation
import Testing
@testable import Harmony

@Suite struct ArrangementCheckTests {
    func line(_ pitches: [Int?], length: Rational = 1) -> Voice {
        Voice(events: pitches.enumerated().map { i, p in
            let onset = Rational(i) * length
            if let p { return .note(try! Note(pitch: try! Pitch(midi: p), onset: onset, duration: length)) }
            return .rest(try! Rest(onset: onset, duration: length))
        })
    }

    @Test func countsParallelFifthsAndOctavesBetweenLines() {
        // C4 D4 E4 over F3 G3 A3: fifths moving in parallel, two faults.
        #expect(ArrangementCheck.parallelFifthsAndOctaves(in: [line([53, 55, 57]), line([60, 62, 64])]) == 2)
        // A rest breaks the chain.
        #expect(ArrangementCheck.parallelFifthsAndOctaves(in: [line([53, nil, 57]), line([60, 62, 64])]) == 0)
        // Octaves in contrary motion count; a held voice does not.
        #expect(ArrangementCheck.parallelFifthsAndOctaves(in: [line([48, 55]), line([60, 55 + 12])]) == 1)
        #expect(ArrangementCheck.parallelFifthsAndOctaves(in: [line([48, 50]), line([55, 55])]) == 0)
        // Three lines, each pair checked: C–G (fifth) and C–C (octave) move in parallel, G–C (fourth) does not.
        #expect(ArrangementCheck.parallelFifthsAndOctaves(in: [line([48, 50]), line([55, 57]), line([60, 62])]) == 2)
    }

    @Test func findsNotesOutsideARange() throws {
        let part = try Part(name: "Bass", voices: [line([40, 30, 50])])
        #expect(ArrangementCheck.notesOutside(28...55, in: part).isEmpty)
        #expect(ArrangementCheck.notesOutside(35...55, in: part).map(\.pitch.midi) == [30])
    }

    @Test func findsBarsThatAreNotFull() throws {
        // 2/4: bar 0 full, bar 1 has a gap (the note at 3 starts late), bar 2 full.
        let voice = Voice(events: [
            .note(try Note(pitch: .middleC, onset: 0, duration: 2)),
            .note(try Note(pitch: .middleC, onset: 3, duration: 1)),
            .note(try Note(pitch: .middleC, onset: 4, duration: 2)),
        ])
        let score = Score(meterChanges: [MeterChange(meter: .twoFour)])
        #expect(ArrangementCheck.unfilledBars(of: voice, in: score) == [1])
    }

    @Test func splitsAChordPartIntoLines() throws {
        let voice = Voice(events: [.chord(try Chord(pitches: [.middleC, try Pitch(midi: 64), try Pitch(midi: 67)], onset: 0, duration: 1)),
                                   .note(try Note(pitch: try Pitch(midi: 62), onset: 1, duration: 1))])
        let lines = ArrangementCheck.lines(of: voice, count: 3)
        #expect(lines.map { $0.notes.map(\.pitch.midi) } == [[60, 62], [64], [67]])
    }
}
