import NeuralCore
import Notation
import Testing
@testable import Engine

@Suite struct KeyDistributionTests {
    @Test func drawsKeysInProportionToTheirCounts() throws {
        let d = try Key(parsing: "D"), g = try Key(parsing: "G"), a = try Key(parsing: "Ador")
        let table = KeyDistribution(tunes: Array(repeating: ("reel", d), count: 6) + Array(repeating: ("reel", g), count: 3) + [("jig", a)])
        #expect(table.keys(for: "reel").map(\.count) == [6, 3])
        #expect(table.keys(for: "folk").map(\.count) == [6, 3, 1], "folk counts every tune")
        #expect(table.keys(for: "polka").map(\.count) == [6, 3, 1], "a style without tunes borrows folk")
        var rng = Xoshiro256StarStar(seed: 9)
        var drawn: [Key: Int] = [:]
        for _ in 0..<9000 { drawn[table.draw(for: "reel", using: &rng), default: 0] += 1 }
        #expect(abs(drawn[d]! - 6000) < 300 && drawn[a] == nil)
        #expect(try KeyDistribution(tsv: table.tsv) == table)
        #expect(throws: EngineError.self) { try KeyDistribution(tsv: "reel\tH\t3\n") }
    }
}
