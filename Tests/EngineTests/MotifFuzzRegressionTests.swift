import Notation
import Testing

@testable import Engine

// Inputs found by the motif fuzz target (Scripts/fuzz/run.sh motif, Scripts/fuzz/fuzz_motif.swift).

/// crash-c14a963cfe436b2b724d0d2ac6d9332090c6cdb2 (36 bytes, requested meter 4/4 and no key): a CRLF text
/// whose second line is an `X:` tune with no `K:`. The motif reader split lines at the Character "\n",
/// which "\r\n" is not, so it missed that `X:` line, added its own, and reported the error at a line the
/// text does not have, with the combined text's "6:1:" inside the reason.
let fuzzMotifCRLFWithoutKey: [UInt8] = [
    0x5E, 0x46, 0x09, 0x09, 0x09, 0x09, 0x09, 0x09, 0x0D, 0x0A,        // "^F", 6 tabs, CR LF
    0x58, 0x3A, 0x31, 0x09, 0x09, 0x09, 0x09, 0x09, 0x25, 0x09, 0x09,  // "X:1", 5 tabs, "%", 2 tabs
    0x50, 0x3A, 0x41, 0x5E, 0x3A, 0x20, 0x7E, 0x46, 0x01,              // "P:A^: ~F", 0x01
    0x00, 0x00, 0x00, 0x00, 0x0D, 0x47,                                // 4 NULs, CR, "G"
]

@Test func aCRLFMotifWithoutKeyNamesAPlaceInTheText() throws {
    #expect(fuzzMotifCRLFWithoutKey.count == 36)
    let text = String(decoding: fuzzMotifCRLFWithoutKey, as: UTF8.self)
    do {
        _ = try Motif(abc: text, source: "m.abc", meter: .fourFour, key: nil)
        Issue.record("a tune with no K: line read as a motif")
    } catch {
        guard case .invalidMotif(let source, let line, let column, let reason) = error else {
            Issue.record("\(error)"); return
        }
        #expect(source == "m.abc")
        #expect((1...2).contains(line) && column >= 1, "\(error)")
        #expect(reason.hasPrefix("the tune header has no K: line"), "\(reason)")
    }
}

/// The same bug in a motif file saved with CRLF line ends: its written key and meter were not seen.
@Test func aCRLFMotifKeepsItsWrittenKeyAndMeter() throws {
    let motif = try Motif(abc: "X:1\r\nM:6/8\r\nL:1/8\r\nK:D\r\nDFA dAF|\r\n", source: "m.abc", meter: .fourFour, key: nil)
    #expect(motif.key == (try Key(parsing: "D")))
    #expect(motif.meter == .sixEight)
    #expect(motif.events.count == 6)
}

/// A reader error is reported at its own line:column in the text as given, once.
@Test func aMotifReaderErrorSaysItsPlaceOnce() throws {
    do {
        _ = try Motif(abc: "GABc\ndB [A", source: "m", meter: .fourFour, key: nil)
        Issue.record("an unterminated chord read")
    } catch {
        #expect(error.description.hasPrefix("m:2:4: unterminated chord"), "\(error)")
    }
}
