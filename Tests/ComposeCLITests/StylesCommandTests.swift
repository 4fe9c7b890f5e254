import Testing

@Suite struct StylesCommandTests {
    @Test func listsEveryStyleWithItsSource() throws {
        let r = try ComposeRunner.run(["styles"])
        #expect(r.status == 0)
        let text = String(decoding: r.stdout, as: UTF8.self)
        for name in ["folk", "reel", "jig", "slip jig", "hornpipe", "strathspey", "polka", "waltz", "march", "air"] {
            #expect(text.contains("\n" + name + " "), "\(name) missing")
        }
        #expect(text.contains("rule-guided") && text.contains("learned"))
    }
}
