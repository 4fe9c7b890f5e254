import Testing
@testable import Harmony

@Suite struct StyleLookupTests {
    @Test(arguments: [("reel", Style.Kind.reel), ("Slip Jig", .slipJig), ("slip-jig", .slipJig),
                      ("SLIP_JIG", .slipJig), ("  waltz ", .waltz), ("Air", .air)])
    func findsEveryStyleByName(name: String, kind: Style.Kind) throws {
        #expect(try Style.named(name).kind == kind)
    }

    @Test func everyCatalogueNameRoundTrips() throws {
        for style in Style.catalog { #expect(try Style.named(style.name) == style) }
        #expect(Style.catalog.count == Style.Kind.allCases.count)
    }

    @Test func unknownNameSuggestsTheNearest() {
        #expect(throws: HarmonyError.unknownStyle(name: "reell", suggestion: "reel")) { try Style.named("reell") }
        #expect(throws: HarmonyError.unknownStyle(name: "hornpipes", suggestion: "hornpipe")) { try Style.named("hornpipes") }
        #expect(throws: HarmonyError.unknownStyle(name: "slipjig", suggestion: "slip jig")) { try Style.named("slipjig") }
        #expect(throws: HarmonyError.unknownStyle(name: "bossa nova", suggestion: nil)) { try Style.named("bossa nova") }
    }

    @Test func errorMessageSaysWhatToDo() {
        let message = HarmonyError.unknownStyle(name: "polkka", suggestion: "polka").description
        #expect(message.contains("did you mean 'polka'?"))
        #expect(message.contains("slip jig"))
    }

    @Test func editDistanceIsLevenshtein() {
        #expect(Style.editDistance("kitten", "sitting") == 3)
        #expect(Style.editDistance("", "abc") == 3)
        #expect(Style.editDistance("jig", "jig") == 0)
        #expect(Style.editDistance("flaw", "lawn") == 2)
    }
}
