import Foundation
import Notation
import Testing

@testable import ABCNotation

/// Reading the whole shared corpus: every tune is read or reported, never lost silently.
@Test func corpusReadsWithFewFailures() throws {
    var tunes = 0
    var failures: [String] = []
    for file in try Corpus.files() {
        let book = try ABCTunebook(contentsOf: Corpus.path(file))
        tunes += book.tunes.count
        failures += book.failures.map { "\(file): \($0)" }
    }
    for f in failures { print(f) }
    #expect(tunes + failures.count == 4433)
    #expect(failures.count <= 44)
}

/// Aird's X:0020 has a `%%Bfly …\` directive continued on the next header line: skipped with warnings,
/// the tune kept (MANIFEST.md, airdsAirs notes).
@Test func airdsMalformedHeaderKeepsTheTune() throws {
    let book = try ABCTunebook(contentsOf: Corpus.path("airdsAirs/book1.abc"))
    let tune = try #require(book.tunes.first { $0.referenceNumber == 20 })
    #expect(tune.title == "Jollity.")
    #expect(tune.warnings.map(\.location.line) == [271])
    #expect(tune.key == Key(tonic: PitchSpelling(.d)))
    #expect(tune.playedNotes().count > 50)
    #expect(book.failures.isEmpty)
}

/// A corpus tune with header `P:ABCDC` and body parts plays its parts in that order.
@Test func airdsPartsTunePlaysPartsInOrder() throws {
    let book = try ABCTunebook(contentsOf: Corpus.path("airdsAirs/book2.abc"))
    let tune = try #require(book.tunes.first { $0.partOrder?.hasPrefix("ABCDC") == true })
    let labels = tune.body.compactMap { e -> String? in if case .partLabel(let l, _) = e { return l } else { return nil } }
    #expect(labels == ["A", "B", "C", "D"])
    // P:ABCDC plays part C twice: the same tune read with P:ABCD is shorter by exactly part C.
    let abcdc = tune.playedNotes().count
    var abcd = tune
    abcd.partOrder = "ABCD"
    var c = tune
    c.partOrder = "C"
    #expect(abcdc == abcd.playedNotes().count + c.playedNotes().count)
    #expect(c.playedNotes().count > 0)
}

/// The corpus's multi-voice tunes read under each voice policy.
@Test func fifeTunesWithTwoVoices() throws {
    let path = Corpus.path("miscFolk/americanfifeopus.abc")
    let all = try ABCTunebook(contentsOf: path, voices: .allVoicesAsParts)
    let twoVoice = all.tunes.filter { $0.voices.count == 2 }
    #expect(twoVoice.count >= 2)
    let rejected = try ABCTunebook(contentsOf: path, voices: .reject)
    #expect(rejected.tunes.count == all.tunes.count - twoVoice.count)
    #expect(rejected.failures.filter { $0.error.description.contains("unsupported") }.count == twoVoice.count)
}
