import Notation
import Testing
@testable import Harmony

@Suite struct HarmonyErrorTests {
    @Test func messagesSayWhereAndWhatToDo() {
        #expect(HarmonyError.meterNotAllowed(style: "jig", meter: "3/4", allowed: ["6/8"]).description
                == "style jig does not allow meter 3/4: use one of 6/8")
        #expect(HarmonyError.noVoicing(chord: "C", index: 3).description.contains("chord 3 (C)"))
        #expect(HarmonyError.noteOutOfRange(part: "Bass", pitch: 20, range: 28...55, onset: Rational(3, 2)).description
                == "part Bass: pitch 20 at 3/2 is outside its range 28...55; widen the instrument's range or the voice ranges")
        #expect(HarmonyError.invalidVoiceRange(voice: "bass", range: 120...140).description.contains("0...127"))
        #expect(HarmonyError.invalidTemplate(id: "x", reason: "slot 2").description.contains("RhythmTable.swift"))
        #expect(HarmonyError.notation(.pitchOutOfRange(130)).description.hasPrefix("notation: pitch 130"))
    }

    @Test func badPickupsThrow() {
        let melody = TuneFixtures.melody(TuneFixtures.hasteToTheWedding)
        #expect(throws: HarmonyError.invalidAnacrusis(length: 3, barLength: 3)) {
            try Harmonizer(key: .cMajor, meter: .sixEight, style: .jig, anacrusis: 3).harmonize(melody)
        }
        var rng = SplitMix64(seed: 0)
        #expect(throws: HarmonyError.invalidAnacrusis(length: -1, barLength: 3)) {
            try Accompanist(style: .jig, key: .cMajor, meter: .sixEight, anacrusis: -1)
                .accompany([TimedChordSymbol(onset: 0, symbol: ChordSymbol(parsing: "C")!)], until: 6, using: &rng)
        }
        #expect(HarmonyError.invalidAnacrusis(length: 3, barLength: 3).description.contains("shorter than the bar"))
    }

    @Test func badVoiceRangesThrowInsteadOfCrashing() {
        let tooHigh = VoiceRanges(bass: 40...60, tenor: 48...67, alto: 55...72, soprano: 120...140)
        #expect(throws: HarmonyError.invalidVoiceRange(voice: "soprano", range: 120...140)) {
            try VoiceLeader(ranges: tooHigh).voice([ChordSymbol(parsing: "C")!])
        }
        let narrow = VoiceRanges(bass: 40...45, tenor: 48...67, alto: 55...72, soprano: 60...79)
        #expect(throws: HarmonyError.invalidVoiceRange(voice: "bass", range: 40...45)) {
            try VoiceLeader(ranges: narrow).voice([ChordSymbol(parsing: "C")!])
        }
    }
}
