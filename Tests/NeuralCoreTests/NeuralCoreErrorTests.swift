import Testing
@testable import NeuralCore

@Test func errorMessagesGiveAHint() {
    let e = NeuralCoreError.truncated(path: "w.safetensors", byteOffset: 40, needed: 4, fileSize: 40)
    #expect(e.description.contains("byte offset 40") && e.description.contains("re-export"))
    let s = NeuralCoreError.wrongShape(name: "lstm.weight_hh_l0", path: "w.safetensors", expected: [1024, 256], found: [512, 128])
    #expect(s.description.contains("lstm.weight_hh_l0") && s.description.contains("[1024, 256]"))
}
