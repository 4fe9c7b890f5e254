import Notation
import Testing
@testable import Harmony

@Suite struct HarmonizerScoringTests {
    @Test func metricWeightsFollowTheMeter() {
        let jig = Harmonizer(key: .cMajor, meter: .sixEight, style: .jig)
        #expect(jig.metricWeight(atOffset: 0) == 1)
        #expect(jig.metricWeight(atOffset: Rational(3, 2)) == 0.8)  // the second dotted beat, the middle of the bar
        #expect(jig.metricWeight(atOffset: Rational(1, 2)) == 0.35) // a quaver inside a dotted beat
        #expect(jig.metricWeight(atOffset: Rational(1, 4)) == 0.2)
        let waltz = Harmonizer(key: .cMajor, meter: .threeFour, style: .waltz)
        #expect(waltz.metricWeight(atOffset: 1) == 0.6 && waltz.metricWeight(atOffset: 2) == 0.6)
        #expect(waltz.metricWeight(atOffset: Rational(1, 2)) == 0.35)
    }

    @Test func noteWeightsCountLengthAndPosition() throws {
        let h = Harmonizer(key: .cMajor, meter: .fourFour, style: .folk)
        let notes = [try Note(pitch: .middleC, onset: 0, duration: 2), try Note(pitch: try Pitch(midi: 62), onset: Rational(5, 2), duration: Rational(1, 2))]
        let weights = h.noteWeights(notes, from: 0, length: 4)
        #expect(weights[0] == 1)           // on the bar line, longer than a beat
        #expect(weights[2] == 0.35 * 0.5)  // an off-beat quaver
        // A note tied in from before the segment counts where the segment starts.
        #expect(h.noteWeights(notes, from: 1, length: 1)[0] == 0.6)
    }

    @Test func transitionsPreferStrongRootMotionAndResolvedSevenths() throws {
        let h = Harmonizer(key: .cMajor, meter: .fourFour, style: .folk)
        let chord = { (numeral: String) in ChordVocabulary.chord(numeral, in: .major)! }
        #expect(h.transition(chord("V"), chord("I"), sameBar: false) > h.transition(chord("I"), chord("V"), sameBar: false))
        #expect(h.transition(chord("V7"), chord("I"), sameBar: false) > h.transition(chord("V7"), chord("IV"), sameBar: false))
        #expect(h.transition(chord("V7"), chord("IV"), sameBar: false) < 0)
        #expect(h.transition(chord("V"), chord("IV"), sameBar: false) < h.transition(chord("IV"), chord("V"), sameBar: false))
    }

    @Test func segmentGridCoversEveryStartedBar() {
        let h = Harmonizer(key: .cMajor, meter: .sixEight, style: .jig, anacrusis: Rational(1, 2))
        let grid = h.segmentGrid(until: Rational(1, 2) + 3 * 2 + 1)  // two bars and a bit
        #expect(grid.map(\.bar) == [0, 0, 1, 1, 2, 2])
        #expect(grid.first?.onset == Rational(1, 2))
    }
}
