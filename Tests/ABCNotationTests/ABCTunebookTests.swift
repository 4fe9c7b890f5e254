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
