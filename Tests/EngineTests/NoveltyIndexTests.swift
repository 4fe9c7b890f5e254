import Notation
import Testing
import Tokens
@testable import Engine

@Suite struct NoveltyIndexTests {
    static func melody(_ pitches: [Int], key: Key = .cMajor) throws -> Melody {
        var events: [MusicEvent] = []
        for (i, p) in pitches.enumerated() {
            events.append(.note(try Note(pitch: try Pitch(midi: p), onset: Rational(i, 2), duration: Rational(1, 2))))
        }
        return Melody(style: "folk", meter: .fourFour, key: key, events: events)
    }

    @Test func findsTheLongestSharedRunAndItsTune() throws {
        let corpusTune = try Self.melody(Array(60...80))                       // 21 notes
        let other = try Self.melody([60, 62, 64, 65, 67, 69, 71, 72, 74, 76, 77, 79])
        let index = NoveltyIndex(tunes: [("a \"Scale\"", corpusTune), ("b \"Major\"", other)])
        let copy = try Self.melody([50, 51] + Array(63...77) + [40])           // 15 shared notes
        let run = index.longestSharedRun(of: copy)
        #expect(run.length == 15)
        #expect(run.tune == "a \"Scale\"")
        #expect(run.firstNote == 2)
        #expect(index.longestSharedRun(of: try Self.melody(Array(repeating: 60, count: 30))).length == 0)
        // 11 shared notes are not a 12-note run.
        #expect(index.longestSharedRun(of: try Self.melody(Array(60...70) + [30, 31])).length == 0)
    }

    @Test func pitchIsRelativeToTheTonic() throws {
        let inC = try Self.melody(Array(60...72))
        let inD = try Self.melody(Array(62...74), key: Key(tonic: PitchSpelling(.d)))
        let index = NoveltyIndex(tunes: [("c", inC)])
        #expect(index.longestSharedRun(of: inD).length == 13)
    }

    @Test func bytesRoundTripAndDamageIsReported() throws {
        let index = NoveltyIndex(tunes: [("x", try Self.melody(Array(60...75)))])
        let back = try NoveltyIndex(bytes: index.bytes())
        #expect(back.hashes == index.hashes && back.tuneNames == ["x"])
        var damaged = index.bytes()
        damaged[0] = 0
        #expect(throws: EngineError.self) { try NoveltyIndex(bytes: damaged) }
        #expect(throws: EngineError.self) { try NoveltyIndex(bytes: Array(index.bytes().prefix(30))) }
    }
}
