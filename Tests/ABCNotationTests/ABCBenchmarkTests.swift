import Foundation
import Notation
import Testing

@testable import ABCNotation

#if canImport(Glibc)
    import Glibc
#endif

/// Speed report for Scripts/abc/bench_parse.sh (runs only when TUNESMITH_ABC_BENCH is set; it prints
/// numbers and checks the result, it asserts no time). Reads every corpus file into memory first, then
/// times `ABCTunebook(bytes:)` over all of them on this thread (thread CPU time, best of 5), and the same
/// plus repeat expansion of every tune.
@Test(.enabled(if: ProcessInfo.processInfo.environment["TUNESMITH_ABC_BENCH"] != nil))
func benchmarkCorpusParse() throws {
    let files = try Corpus.files().map { try #require(FileBytes.read(Corpus.path($0))) }
    let bytes = files.reduce(0) { $0 + $1.count }
    func cpu() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
    var bestParse = Double.infinity
    var bestExpand = Double.infinity
    var tunes = 0
    var failures = 0
    var notes = 0
    for _ in 0..<5 {
        let t0 = cpu()
        let books = files.map { ABCTunebook(bytes: $0) }
        let t1 = cpu()
        var n = 0
        for b in books { for t in b.tunes { n += t.playedNotes().count } }
        let t2 = cpu()
        bestParse = min(bestParse, t1 - t0)
        bestExpand = min(bestExpand, t2 - t0)
        tunes = books.reduce(0) { $0 + $1.tunes.count }
        failures = books.reduce(0) { $0 + $1.failures.count }
        notes = n
    }
    #expect(tunes + failures == 4433)
    print(String(format: "ABC corpus: %d files, %d bytes, %d tunes read, %d failures, %d played notes", files.count, bytes, tunes, failures, notes))
    print(String(format: "parse: %.3f s CPU (best of 5); parse + expand repeats + ties: %.3f s CPU", bestParse, bestExpand))
}
