import Testing
@testable import NeuralCore

@Test func bothPartsRunAndMeetAtEverySync() {
    let pair = ForkJoinPair()
    var slots = [Int](repeating: 0, count: 2)
    var seen = [Int](repeating: 0, count: 2)
    slots.withUnsafeMutableBufferPointer { s in
        seen.withUnsafeMutableBufferPointer { o in
            for round in 1...2_000 {
                pair.run { part in
                    s[part] = round * 10 + part
                    pair.sync()                       // the other part's write is visible after the sync
                    o[part] = s[1 - part]
                    pair.sync()
                }
                #expect(o[0] == round * 10 + 1 && o[1] == round * 10, "round \(round)")
            }
        }
    }
}

@Test func aWorkerThatBlockedWakesForTheNextJob() async throws {
    let pair = ForkJoinPair()
    var count = [0, 0]
    for _ in 0..<3 {
        try await Task.sleep(for: .milliseconds(50))   // long enough for the worker to stop spinning and block
        count.withUnsafeMutableBufferPointer { c in pair.run { part in c[part] += 1 } }
    }
    #expect(count == [3, 3])
}

@Test func droppingPairsEndsTheirThreads() {
    for _ in 0..<200 {
        let pair = ForkJoinPair()
        var hit = [false, false]
        hit.withUnsafeMutableBufferPointer { h in pair.run { part in h[part] = true } }
        #expect(hit == [true, true])
    }
}

@Test func aTeamSplitsAtMultiplesAndCoversEveryIndex() {
    let two = SteppingTeam(threads: 2)
    #expect(two.split(576) == [0..<288, 288..<576])
    #expect(two.split(13) == [0..<8, 8..<13])
    #expect(two.split(20, multiple: 8) == [0..<16, 16..<20])
    #expect(two.split(4, multiple: 1) == [0..<2, 2..<4])
    #expect(two.split(3) == [0..<3, 3..<3])
    #expect(SteppingTeam(threads: 1).split(13) == [0..<13])
}
