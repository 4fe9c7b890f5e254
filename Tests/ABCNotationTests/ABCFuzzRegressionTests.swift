import Foundation
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

/// crash-fb635f06f05d8e56f68cab11d3f60ad9a06ef7ca (308 bytes): corpus tunes cut and spliced with NULs; one
/// tune ends `A////////////` (1/4096 of L:) before a whole-bar rest. The writer wrote the rest of that bar as
/// `z28673/4096`, which the reader refused ("note length has too many digits": it took at most 4).
let fuzzTuneWithBarOfRestIn4096ths: [UInt8] = [
    0x58, 0x3A, 0x30, 0x36, 0x38, 0x31, 0x0A, 0x54, 0x3A, 0x4D, 0x6F, 0x6E, 0x65, 0x79, 0x20, 0x4D,
    0x75, 0x73, 0x6B, 0x2E, 0x0A, 0x4D, 0x3A, 0x43, 0x7C, 0x0A, 0x4C, 0x3A, 0x31, 0x2F, 0x38, 0x0A,
    0x51, 0x3A, 0x31, 0x2F, 0x34, 0x3D, 0x31, 0x32, 0x30, 0x0A, 0x49, 0x3A, 0x3A, 0x20, 0x3A, 0x20,
    0x3A, 0x3A, 0x0A, 0x4E, 0x3A, 0x62, 0x61, 0x9A, 0x20, 0x38, 0x20, 0x70, 0x72, 0x69, 0x6E, 0x74,
    0x65, 0x64, 0x20, 0x7C, 0x65, 0x3E, 0x63, 0x41, 0x3E, 0x64, 0x20, 0x42, 0x47, 0x2F, 0x47, 0x2F,
    0x20, 0x65, 0x66, 0x7C, 0x0A, 0x5A, 0x3A, 0x4A, 0x61, 0x63, 0x6B, 0x20, 0x43, 0x60, 0x6D, 0x70,
    0x69, 0x6E, 0x20, 0x2A, 0x20, 0x77, 0x77, 0x77, 0x2E, 0x63, 0x61, 0x6D, 0x70, 0x69, 0x6E, 0x2E,
    0x6D, 0x58, 0x3A, 0x30, 0x36, 0x34, 0x31, 0x0A, 0x54, 0x3A, 0x54, 0xA1, 0x65, 0x20, 0x36, 0x20,
    0x46, 0x6F, 0x6C, 0x6C, 0x6F, 0x77, 0x69, 0x6E, 0x67, 0x20, 0x54, 0x75, 0x65, 0x2E, 0x75, 0x6B,
    0x20, 0x2A, 0x20, 0x32, 0x30, 0x30, 0x39, 0x0A, 0x4B, 0x3A, 0x47, 0x0A, 0x65, 0x20, 0x20, 0x20,
    0x42, 0x3E, 0x3E, 0x47, 0x7C, 0x64, 0x47, 0x20, 0x64, 0x3E, 0x47, 0x63, 0x3E, 0x65, 0x7C, 0x64,
    0x3E, 0x47, 0x42, 0x3E, 0x47, 0x20, 0x41, 0x42, 0x2F, 0x41, 0x2F, 0x20, 0x63, 0x3E, 0x65, 0x7C,
    0x64, 0x3E, 0x47, 0x42, 0x3E, 0x47, 0x20, 0x42, 0x63, 0x2F, 0x64, 0x2F, 0x20, 0x64, 0x67, 0x20,
    0x7C, 0x65, 0x3E, 0x63, 0x41, 0x3E, 0x63, 0x20, 0x42, 0x3E, 0x47, 0x3E, 0x67, 0x20, 0x42, 0x3E,
    0x65, 0x3E, 0x67, 0x20, 0x64, 0x3E, 0x67, 0x60, 0x60, 0x60, 0x42, 0x3E, 0x67, 0x7C, 0x65, 0x3E,
    0x7C, 0x65, 0x3E, 0x63, 0x41, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F, 0x2F,
    0x2F, 0x6E, 0x2E, 0x58, 0x3A, 0x30, 0x37, 0x32, 0x31, 0x0A, 0x54, 0x3A, 0x54, 0x68, 0x65, 0x20,
    0x52, 0x75, 0x73, 0x73, 0x69, 0x61, 0x00, 0x00, 0x00, 0x00, 0x61, 0x6F, 0x68, 0x31, 0x38, 0x0A,
    0x58, 0x3A, 0x7C, 0x5D, 0x0A, 0x0A, 0x4B, 0x3A, 0x44, 0x00, 0x00, 0x0A, 0x00, 0x2E, 0x2E, 0x0A,
    0x5B, 0x56, 0x3A, 0x4D,
]

@Test func fuzzTuneWithBarOfRestIn4096thsWritesABCThatReadsBack() throws {
    #expect(fuzzTuneWithBarOfRestIn4096ths.count == 308)
    let book = ABCTunebook(bytes: fuzzTuneWithBarOfRestIn4096ths)
    var written = 0
    for tune in book.tunes {
        guard let score = try? tune.score(voices: .firstVoiceAsMelody), let text = try? ABCWriter.abcText(for: score) else { continue }
        written += 1
        let again = ABCTunebook(text: text)
        #expect(again.failures.isEmpty, "\(again.failures)\n\(text)")
        let back = try #require(again.tunes.first).score(voices: .firstVoiceAsMelody)
        #expect(back.parts.first?.voices.first?.notes == score.parts.first?.voices.first?.notes)
    }
    #expect(written >= 1)
}

/// Lengths of up to 7 digits read (a bar of 4096ths); 8 digits stay an error naming the note.
@Test func longLengthNumeratorsRead() throws {
    let tune = try readTune("z28673/4096 A/4096 |")
    #expect(tune.playedEvents().map(\.duration) == [Rational(28673, 8192), Rational(1, 8192)])
    #expect(readFailure("A12345678 |")?.error.description.contains("note length has too many digits") == true)
    #expect(readFailure("A9999 |") == nil)
    #expect(readFailure("A10000 |")?.error.description.contains("note length 10000/1 is over 9999 units of L:") == true)
}

/// timeout-e698f6f17069c9f907db1417a3a24df053c74280 (found after the 7-digit change above): a note
/// `c2160327` (2,160,327 eighths) read, and the writer spent 5.3 s of CPU writing it as 270,000 tied bars.
/// The length is now refused, at the note, as it was before lengths could have 7 digits.
@Test func aNoteOfMillionsOfUnitsIsRefusedAtTheNote() throws {
    let failure = try #require(readFailure("G2 |!d>c2160327 d|"))
    #expect(failure.error.location?.description == "6:8")  // the c: G 2 space | ! d > c
    #expect(failure.error.description.contains("over 9999 units"))
}

/// Found by Scripts/fuzz/run.sh abc (Scripts/fuzz/open/abc-crash-4d38ef7e…, now fixed): nested tuplets and
/// broken rhythms gave a note the writer wrote as `A/8192`, which the reader refuses (at most 1/4096 of L:).
/// The writer now refuses a length the reader would not take back, with an error saying so.
@Test func theWriterRefusesLengthsTheReaderCannotReadBack() throws {
    #expect(!BodyWriter.fits(Rational(1, 16384)))        // 1/8192 of an eighth
    #expect(BodyWriter.fits(Rational(1, 8192)))           // 1/4096 of an eighth: the reader's limit
    #expect(!BodyWriter.fits(Rational(20000)))            // 40,000 eighths
    #expect(BodyWriter.fits(Rational(4)))
    let note = try Pitch(midi: 69)
    let score = try Score(title: "Tiny", parts: [Part(name: "m", voices: [Voice(events: [
        .note(try Note(pitch: note, onset: .zero, duration: Rational(1, 16384))),
    ])])])
    #expect(throws: ABCError.self) { try ABCWriter.abcText(for: score) }
}

/// crash-4a1b569bcde3f6dfff859c0a7e98c4b410dded77 (Scripts/fuzz/run.sh abc, a mutated corpus tune): the part
/// order `P:ABA8888888888888888888888` overflowed Int reading the repeat count (a trap). Counts now saturate
/// (at most 16 repeats are played, as before), and an order of more than 1024 parts is not used.
@Test func hugePartOrdersNeitherTrapNorExplode() throws {
    #expect(ABCTune.expandPartOrder("ABA8888888888888888888888") == Array("AB") + Array(repeating: "A", count: 16))
    #expect(ABCTune.expandPartOrder("((((A16)16)16)16)") == nil)
    #expect(ABCTune.expandPartOrder("(AB)2C") == Array("ABABC"))
    let text = "X:1\nT:Parts\nM:2/4\nL:1/8\nP:ABA8888888888888888888888\nK:D\nP:A\nf|e3c|A2f2:|\nP:B\nz|a2af|g3b|\n"
    let book = ABCTunebook(text: text)
    let tune = try #require(book.tunes.first, "\(book.failures)")
    #expect(!tune.expandedElements(voice: 0).isEmpty)
}

/// timeout-2e89781fcbdeea97f79a58fbe14130a5ebf9c1ba (708 bytes, corpus jigs spliced with NULs and stray
/// bytes; session 3's long run): notes such as `G1163` are written as hundreds of tied bars, and spelling each
/// piece rebuilt the key's seven scale spellings, each of which built a dictionary to find the key's fifths:
/// 509 ms of CPU under the fuzzer's instrumentation, over its 1 s limit at the machine's load. `Key.fifths`
/// is now a switch and `Key.spell` spells only the degree it needs (the same spellings, tested in NotationTests).
let fuzzTuneWithLongTiedNotes = [UInt8](Data(base64Encoded: """
    WDogMTE2MwpUOiBAAm90aGVyIEppZ4cAAAAAAAAAIFdpbGwgRwp8OkczIEdBQnxBMyBBQmR8ZWRkIGdkZHxlZEIgZEJBfApHMyBH
    MTE2MwpbTTozLzRdWjpUcmFuc2NyaWJlQSBBMiBHIEYyIEcgfCBCQUF8QTMgIGRkIGZUOlRoZSBLZXNoClI6amlnCk06My84Ckw6
    MS84ClE6My84RG8hCkI6TydOZWlsc2NyaWJlZCBmVDpUaGUgS2VzaApSOmppZwpNOjMvOApMOjEvOApROjMvOD0xMTAKfCBEQwpQ
    Op4BW0w6MS80XQAAAAAAAEFCQSC2trZ8tm14aba2tra2Lra2traVe2d9AAAAAAAAAAu2tra2tra2tra2trZpeGUzIGN8QTJmMnxn
    MmVCMyBjfEEyZsqDZzJlY3xkMyBmfCB8fCBESzpCYp4BAAAAAAAAQUJBILa2tny2tra2tra2trYutra2tra2tra2aXhlMyBjfEEy
    ZjJ8ZzJlY3xkMyBmfGUzYyB8QTJmMnxnNGVjfGQzICA6fApQCks6RApQOkEKZnxlMyBjfEEnZApLOkcKfDpHMyBHQUJ8QTMgQUJk
    fGVkZCBnZGR8ZURCIGxvY3wKRzMgRzExNjMKW006My80XVo6VHJhbnNjcmliZUEgQTIgRyBGMiBHIHxlc2gKUjpqaWcKTTozLzgK
    TDoxLzgKUTozLzg9MTEwCks6Rwp8OkczIEdBQnxBMyBBQmR8ZWRkIGdkZHxlZEIgZEJBfApHMyBHMTE2MwpbTTozLzRdWjpUcmFu
    c2NyaWJlQSBBMiBHIEYyIEcgfCBCQUF8QTMgIGRkIGZUOlRoZSBLZXNoClI6amlnCk06My84Ckw6MS84ClE6My84PTFLOjEwCks6
    Rwp8Oi5HZGR8ZWRCIGRCQXwKRzMgRzFpdGVzbiBhQUEg
    """, options: .ignoreUnknownCharacters)!)

@Test func fuzzTuneWithLongTiedNotesWritesABCThatReadsBack() throws {
    #expect(fuzzTuneWithLongTiedNotes.count == 708)
    let book = ABCTunebook(bytes: fuzzTuneWithLongTiedNotes)
    let tune = try #require(book.tunes.first, "\(book.failures)")
    let score = try tune.score(voices: .firstVoiceAsMelody)
    let text = try ABCWriter.abcText(for: score)
    let again = ABCTunebook(text: text)
    #expect(again.failures.isEmpty, "\(again.failures)")
    let back = try #require(again.tunes.first).score(voices: .firstVoiceAsMelody)
    #expect(back.parts.first?.voices.first?.notes == score.parts.first?.voices.first?.notes)
}

/// timeout-78e0d16a66afbae7732a35f1b304cd5962725250 (823 bytes, the same jigs spliced again, with M:3/6 and
/// more long notes; found after the fix above): 511 ms of CPU alone under the fuzzer's instrumentation
/// (process start included), under the 1 s a slow input takes, so it was the load; kept as a regression test
/// of what the target checks.
let fuzzTuneWithLongNotesInThreeSixths = [UInt8](Data(base64Encoded: """
    WDogMTE2MwpUOiBAAm90aGVyIEppZyBXaWxsIERvIQpCOk8nTmVpbHNjcmliZWQgZlQ6VGhlIEtlc2gKUjpqaWcKTTozLzgKTDox
    LzgKUTozLzg9MTEwCnwgREMKUDqeAVtMOjEvNF0AAAAAAABBQkEgtra2fLZteGm2tra2ti62tra2lXtnfba2tra2tra2tra2tml4
    ZTMgY+9BMjJmfGcyZUIzIGN8QTJmyoNnMmVjfGQzIGZ8IHx8IERLOkJingEAAAAAAABBQkEgtra2fLa2tra2tra2ti62tra2tra2
    trZpeGUzIGN8QTJmMnxnMi9lY3xkMyBmZXxjMyB8QTJm/1g6IDExNjMK//////////////////////////////8DAP//////////
    //////////////////////////86QTJCIEcgfGVzaApSOmppZwpNOjMvNgpMOjEvOApROjMvOD0xMTAKSzpHCnw6RzMyZjJ8ZzRl
    Y3xkMyAgOnwKUApLOkQKUDpBCmZ8ZTMgY3xBJ2QKSzpHCnw6RzMgR0FCfEEzIEFCZHxlZGQgZ2RkfGVEQiBsb2N8IC5kMntlfWRe
    Yy4gZDJ7ZX1aOlRyYW5zY3JpYmVBIEEyUDpBMkIgRyB8ZXNoClI6amlnCk06My82Ckw6MS84ClE6My84PTExMApLOkcKfDpHMyBH
    QUJ8QTMgQUJkfGVkZCBnZGR8ZWRCIGRCQXwKRzMgRzExNjMKW006My80XVo6VHJhbnNjcmliZUEgQTIgRyBGMiBHIHwgQkFBfEEz
    ICBkZCBmVDpUaGUgS2VzaApSOmppZwpNOjMvOApMOjEvOApROjMvOD0xSzoxMApLOkcKfDpHZCBHMWl0ZXNuIGEgR0FCfEEzIEFC
    ZHxlZGQgZ2RkfGVkQiBkQkF8CkczIEcxMTYzCltNOjMvNF1aOlRyYW5zY3JpYmVBIEEyIEcgRjIgRyB8IEJBQXxBMyAgZGQgZlQ6
    VGhlIEtlc2gKUjpqaWcKTTozLzgKTDoxLzgKUTozLzg9MUs6MTAKSzpHCnw6R2RkfGVkQiBkQkF8CkczIEcxaXRlc24gYUFBIA==
    """, options: .ignoreUnknownCharacters)!)

@Test func fuzzTuneWithLongNotesInThreeSixthsWritesABCThatReadsBack() throws {
    #expect(fuzzTuneWithLongNotesInThreeSixths.count == 823)
    let book = ABCTunebook(bytes: fuzzTuneWithLongNotesInThreeSixths)
    var written = 0
    defer { #expect(written > 0) }
    for tune in book.tunes {
        guard let score = try? tune.score(voices: .firstVoiceAsMelody), let text = try? ABCWriter.abcText(for: score) else { continue }
        written += 1
        let again = ABCTunebook(text: text)
        #expect(again.failures.isEmpty, "\(again.failures)")
        let back = try #require(again.tunes.first).score(voices: .firstVoiceAsMelody)
        #expect(back.parts.first?.voices.first?.notes == score.parts.first?.voices.first?.notes)
    }
}
