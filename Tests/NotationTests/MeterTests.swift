import Testing
@testable import Notation

@Suite struct MeterTests {
    @Test func commonAndCutTime() throws {
        let c = try Meter(parsing: "C")
        #expect(c.numerator == 4 && c.denominator == 4 && c.symbol == .common && c.description == "C")
        let cut = try Meter(parsing: "C|")
        #expect(cut.barLength == 4 && cut.beats == [2, 2] && cut.description == "C|")
    }

    @Test func compoundBeatGrouping() throws {
        #expect(try Meter(parsing: "6/8").beats == [Rational(3, 2), Rational(3, 2)])
        #expect(try Meter(parsing: "9/8").beats.count == 3)
        #expect(try Meter(parsing: "12/8").barLength == 6)
        #expect(try Meter(parsing: "6/8").isCompound)
        #expect(try !Meter(parsing: "3/4").isCompound)
        #expect(try Meter(parsing: "3+2/8").beats == [Rational(3, 2), Rational(1)])
        #expect(try Meter(parsing: "3/4").beatOnsets == [0, 1, 2])
    }

    @Test(arguments: ["0/4", "4/0", "4/3", "x/8", "", "3/", "65/4"])
    func invalidMetersThrow(text: String) {
        #expect(throws: NotationError.self) { try Meter(parsing: text) }
    }
}
