import Testing
@testable import Notation

@Suite struct ChordSymbolTests {
    @Test(arguments: [("G", "G", [7, 11, 2]), ("Am7", "Am7", [9, 0, 4, 7]), ("D/F#", "D/F#", [2, 6, 9]),
                      ("Bbmaj7", "Bbmaj7", [10, 2, 5, 9]), ("Edim", "Edim", [4, 7, 10]), ("F#m", "F#m", [6, 9, 1]),
                      ("Gsus4", "Gsus4", [7, 0, 2]), ("Cmin", "Cm", [0, 3, 7])])
    func parses(text: String, name: String, pcs: [Int]) throws {
        let c = try #require(ChordSymbol(parsing: text))
        #expect(c.description == name)
        #expect(c.pitchClasses == pcs)
    }

    @Test(arguments: ["4", "^SEGUE", "D.C.", "tr", "", "Hm", "G/x", "p"])
    func rejectsText(text: String) {
        #expect(ChordSymbol(parsing: text) == nil)
    }

    @Test func transposes() throws {
        let c = try #require(ChordSymbol(parsing: "D/F#"))
        #expect(c.transposed(by: .majorSecond).description == "E/G#")
    }
}
