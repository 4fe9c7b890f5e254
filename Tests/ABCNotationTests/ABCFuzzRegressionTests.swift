import Notation
import Testing

@testable import ABCNotation

// Inputs found by the ABC fuzz target (Scripts/fuzz/run.sh abc, Scripts/fuzz/fuzz_abc.swift), kept as
// byte-for-byte literals with the name libFuzzer gave them.

/// crash-e11598e945972ad2f8bf3205fb3d5c973e104a97 (235 bytes): a mutated corpus tune (the X: line cut into
/// the middle of a transcription note, `(5` with three notes left before the bar line). Its score was written
/// as `(15:8:1g/8-`, an odd length written as a 15-tuplet, which the reader refused ("a tuplet (p needs p
/// from 2 to 9"), so the fuzz target's write -> read check failed. abc2midi 4.84 plays `(15:8:1` as 8/15.
let fuzzTuneWithFifteenTuplet: [UInt8] = Array("""
    X:cribed by Trish O'Neil
    M:C|
    L:1/8
    K:C
    A3B cAGB|AcAG EFGc|AGAB cdef|geag ecdB|
    AGAB cAGB|AcAG EB,Cc|AGAB cdef|(3gfe ag "H"(5ecc2||
    (3gag ec gcec|gcec Bcd3|gcec gcec|gagf ecc2|
    (3gag. ec gcec|gcec Bcd2|gage (3ded cA|GAag "D.C."ecdc|]

    """.utf8) + [0x2E]

@Test func fuzzTuneWithFifteenTupletWritesABCThatReadsBack() throws {
    #expect(fuzzTuneWithFifteenTuplet.count == 235)
    let tune = try #require(ABCTunebook(bytes: fuzzTuneWithFifteenTuplet).tunes.first)
    let score = try tune.score(voices: .firstVoiceAsMelody)
    let text = try ABCWriter.abcText(for: score)
    #expect(text.contains("(15:8:"))
    let again = ABCTunebook(text: text)
    #expect(again.failures.isEmpty, "\(again.failures)")
    let back = try #require(again.tunes.first).score(voices: .firstVoiceAsMelody)
    #expect(back.parts.first?.voices.first?.notes == score.parts.first?.voices.first?.notes)
}

/// A tuplet over 9 reads when its q is written, in the time abc2midi gives it; without q it stays an error.
@Test func tupletsOverNineNeedTheirQ() throws {
    let tune = try readTune("(15:8:2c/8d/8 e2|")
    #expect(tune.playedNotes().map(\.duration) == [Rational(1, 30), Rational(1, 30), Rational(1)])
    let failure = try #require(readFailure("(11abcdefghijk"))
    #expect(failure.error.location?.description == "6:1")  // X:, T:, M:, L:, K: then the body
    #expect(failure.error.description.contains("a tuplet (p needs p from 2 to 9, or q written too: (p:q"))
    #expect(readFailure("(3:0abc")?.error.description.contains("q and r must be 1 to 999") == true)
}
