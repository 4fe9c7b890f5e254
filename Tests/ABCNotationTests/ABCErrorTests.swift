import Testing

@testable import ABCNotation

/// Bad input gives a clear error naming line:column, never a crash or a hang. Lines count from the
/// tunebook's first line: X: is line 1, T: 2, the header given here 3…, the body after K:.
@Test(arguments: [
    ("ABc \u{01}\u{FF}d", "5:5", "unexpected byte 0x1"),
    ("(3AB", "5:1", "unterminated tuplet"),
    ("A [CEG B", "5:3", "unterminated chord ["),
    ("A \"Am7 B", "5:3", "unterminated quoted text"),
    ("{AB c", "5:1", "unterminated grace notes"),
    ("A/0 B", "5:1", "note length /0 divides by zero"),
    ("A0 B", "5:1", "note length 0"),
    ("A>", "5:2", "broken rhythm > or < with no note after it"),
    ("> A", "5:1", "broken rhythm > or < with no note before it"),
    ("A ] B", "5:3", "']' with no '['"),
    ("A & B", "5:3", "voice overlay"),
    ("A [^ B]", "5:4", "an accidental must be followed by a note letter"),
    ("c''''''''''''", "5:1", "outside 0…127"),
    ("A/3 B", "5:1", "divide by a power of two, or use a tuplet"),
    ("(11abcdefghijk", "5:1", "a tuplet (p needs p from 2 to 9"),
])
func badBodiesNameWhereAndWhat(body: String, location: String, message: String) throws {
    let failure = try #require(readFailure(body, header: "L:1/8\nK:C"))
    #expect(failure.referenceNumber == 7)
    #expect(failure.title == "Bad")
    #expect(failure.error.location?.description == location)
    #expect(failure.error.description.contains(message), "\(failure.error)")
}

@Test(arguments: [
    ("M:0/4\nK:C", "3:1", "invalid M: field \"0/4\""),
    ("M:4/0\nK:C", "3:1", "invalid M: field"),
    ("L:1/0\nK:C", "3:1", "invalid L: field"),
    ("L:1/3\nK:C", "3:1", "invalid L: field"),
    ("L:20\nK:C", "3:1", "at most 1/1"),  // a slow input found by Scripts/fuzz/run.sh abc (L:20, a note of 2,939 units)
    ("M:999/4\nK:C", "3:1", "at most 64"),
    ("K:Gxyz", "3:1", "unknown mode \"xyz\""),
    ("K:H", "3:1", "a key starts with a tonic"),
    ("M:4/4", "1:1", "no K: line"),
])
func badHeadersNameWhereAndWhat(header: String, location: String, message: String) throws {
    let failure = try #require(readFailure("ABc", header: header))
    #expect(failure.error.location?.description == location)
    #expect(failure.error.description.contains(message), "\(failure.error)")
}

/// A stray accidental (a quoted-printable `=20` or a soft line break `=` in a mailed tune) is skipped with
/// its length digits, as abc2midi does, and reported as a warning with its place.
@Test func strayAccidentalsAreSkippedWithAWarning() throws {
    let text = "X:1\nT:Mailed\nL:1/8\nK:G\nAB=20c d2=\nBA ^ G|\n"
    let tune = try #require(ABCTunebook(text: text).tunes.first)
    let clean = try #require(ABCTunebook(text: "X:1\nT:Mailed\nL:1/8\nK:G\nABc d2\nBA G|\n").tunes.first)
    func notes(_ t: ABCTune) -> [String] {
        t.voices[0].elements.compactMap { if case let .note(n) = $0 { "\(n.pitch)@\(n.onset)+\(n.duration)" } else { nil } }
    }
    #expect(notes(tune) == notes(clean))
    #expect(notes(tune).count == 7)
    #expect(tune.warnings.map(\.location.description) == ["5:3", "5:10", "6:4"])
    #expect(tune.warnings.first?.message.contains("\"=20\"") == true)
}

@Test func oneBadTuneNeverStopsTheRest() {
    let text = "X:1\nT:Good\nK:C\nABc|\n\nX:2\nT:Broken\nK:C\nA [CE\n\nX:3\nT:Also good\nK:G\ndef|\n"
    let book = ABCTunebook(text: text)
    #expect(book.tunes.map(\.referenceNumber) == [1, 3])
    #expect(book.failures.map(\.referenceNumber) == [2])
    #expect(book.failures.first?.location == ABCLocation(line: 6, column: 1))
    #expect(book.failures.first?.error.location == ABCLocation(line: 9, column: 3))
}

/// Random bytes (and random mutations of a real tune) never crash or hang the reader; every tune is
/// either read or reported. Seeds 0..<200; a failure names its seed.
@Test func randomInputNeverCrashes() {
    let base = Array("X:1\nT:T\nM:6/8\nL:1/8\nK:D\n|:(3ABc d>e [CEG]2 {g}f ^g|1 a2 z:|2 \"Am\"b3 |]\n".utf8)
    let alphabet = Array("ABCabc^_=,'/23>(<)[]{}|:\"!+-zxZ%\\ \nK:M:L:".utf8) + [0, 0xFF, 0xC3]
    for seed in 0..<200 {
        var rng = SplitMix64(seed: UInt64(seed))
        var bytes = base
        for _ in 0..<(1 + Int(rng.next() % 8)) {
            let at = 4 + Int(rng.next() % UInt64(bytes.count - 4))
            bytes[at] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
        }
        let book = ABCTunebook(bytes: bytes)
        #expect(book.tunes.count + book.failures.count >= 1, "seed \(seed)")
        for t in book.tunes { _ = t.playedNotes() }
        let garbage = (0..<256).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let g = ABCTunebook(bytes: Array("X:1\nK:C\n".utf8) + garbage)
        #expect(g.tunes.count + g.failures.count == 1, "seed \(seed)")
    }
}

/// A small deterministic generator for the randomised tests.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
