import Testing

@testable import ABCNotation

/// Repeats, endings and parts as abc2midi 4.84 plays them. Each expectation was taken from abc2midi
/// (`abc2midi t.abc -o t.mid`, one quarter note per letter, M:1/4 L:1/4 K:C) on 2026-11-25.
@Test(arguments: [
    ("C|D:|E", "CDCDE"),
    ("|:C|1D:|2E|]F", "CDCEF"),
    ("C::D::E", "CCDDE"),
    ("|:C:|D:|E", "CCDDE"),
    ("|:C|1D:|E", "CDCE"),
    ("|:C[1D:|[2E|F", "CDCEF"),
    ("C||D:|E", "CDCDE"),
    ("C:|D||E:|F", "CCDEEF"),
    ("|:C|D:||:E|1F:|2G|]A", "CDCDEFEGA"),
    ("|:C|1D:|2E:|F", "CDCECF"),
    ("|:C|1D:|2E||F:|G", "CDCEFCFG"),
    ("C|1D:|2E||F|1G:|2A|]", "CDCEFA"),
    ("C|1D:|2E|]|:F|1G:|2A|]B", "CDCEFGFAB"),
    ("C|1D:|2E|F|G:|A", "CDCEFGCA"),
    ("C||:D::E:|F", "CDCDEEF"),
    ("C|:D::E:|F", "CDDEEF"),
    ("C|1D:|2E||:F|1G:|2A|]B", "CDCEFAB"),
])
func repeatsExpandAsAbc2midi(body: String, expected: String) throws {
    let t = try readTune(body, header: "M:1/4\nL:1/4\nK:C")
    #expect(letters(t) == expected)
}

@Test(arguments: [
    ("P:ABA", "P:A\nC:|\nP:B\nD|E:|", "CCDEDECC"),
    ("P:A2B", "P:A\nC|\nP:B\nD|", "CCD"),
    ("P:(AB)2", "P:A\nC|\nP:B\nD|", "CDCD"),
    ("P:B", "G|\nP:A\nC|\nP:B\nD|", "GD"),
    ("P:A", "P:A\nC:|D:|E|", "CCDE"),
])
func partsPlayInHeaderOrder(order: String, body: String, expected: String) throws {
    let t = try readTune(body, header: "M:1/4\nL:1/4\n\(order)\nK:C")
    #expect(letters(t) == expected)
}

@Test func bodyPartLabelsWithoutAHeaderOrderPlayAsWritten() throws {
    let t = try readTune("P:A\nC|\nP:B\nD|\nP:A\nE|", header: "M:1/4\nL:1/4\nK:C")
    #expect(letters(t) == "CDE")
}

@Test func expandedOnsetsAreContinuous() throws {
    let t = try readTune("|:C D:|E", header: "M:2/4\nL:1/4\nK:C")
    #expect(t.playedNotes().map(\.onset) == [0, 1, 2, 3, 4])
}
