import Testing
@testable import NeuralCore

@Test func parsesNestedValuesAndEscapes() throws {
    let text = #" {"a": [1, -2.5e3, true, null], "s": "x\"\\\/\n\u00e9\ud83c\udfb5"} "#
    let v = try JSONValue.parse(ArraySlice(Array(text.utf8)))
    #expect(v == .object([("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .null])),
                          ("s", .string("x\"\\/\né🎵"))]))
    #expect("q\"\u{1}".jsonQuoted == #""q\"\u0001""#)
}

let jsonErrorCases: [(String, Int, String)] = [
    (#"{"a":1,}"#, 7, "expected a string key"),
    (#"{"a" 1}"#, 5, "expected ':', found '1'"),
    (#"["x]"#, 1, "unterminated string"),
    (#"[1] 2"#, 4, "unexpected bytes after the JSON value"),
    (#"{"a":tru}"#, 5, "invalid literal"),
    (#"{"a":"\q"}"#, 6, #"invalid escape '\q'"#),
]

@Test(arguments: jsonErrorCases)
func reportsTheByteOffsetOfAnError(text: String, offset: Int, reason: String) {
    #expect {
        try JSONValue.parse(ArraySlice(Array(text.utf8)))
    } throws: { error in
        guard let e = error as? JSONValue.ParseError else { return false }
        return e.offset == offset && e.reason == reason
    }
}
