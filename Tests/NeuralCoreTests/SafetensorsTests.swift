import Foundation
import Testing
@testable import NeuralCore

/// A hand-assembled safetensors file: every byte is written out here, not by our encoder.
func handMadeSafetensors() -> [UInt8] {
    let header = #"{"__metadata__":{"k":"v\"q"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}"#
    var bytes: [UInt8] = [UInt8(header.utf8.count), 0, 0, 0, 0, 0, 0, 0]  // length, little-endian
    bytes += Array(header.utf8)
    bytes += [0x00, 0x00, 0x80, 0x3F]  // 1.0 as little-endian F32
    bytes += [0x00, 0x00, 0x00, 0xC0]  // -2.0
    bytes += [0xFB, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]  // -5 as little-endian I64
    return bytes
}

@Test func readsAHandMadeFile() throws {
    let f = try SafetensorsFile(bytes: handMadeSafetensors())
    #expect(f.metadata == ["k": "v\"q"])
    #expect(try f.floatTensor("a") == Tensor(shape: [2], data: [1, -2]))
    #expect(try f.integerTensor("b").values == [-5])
    #expect(throws: NeuralCoreError.wrongDType(name: "b", path: "<memory>", expected: "F32", found: "I64")) { try f.floatTensor("b") }
    #expect(throws: NeuralCoreError.wrongShape(name: "a", path: "<memory>", expected: [1, 2], found: [2])) { try f.floatTensor("a", shape: [1, 2]) }
    #expect(throws: NeuralCoreError.missingTensor(name: "c", path: "<memory>")) { try f.floatTensor("c") }
}

@Test func encodeThenReadRoundTrips() throws {
    var rng = Xoshiro256StarStar(seed: 4)
    let a = Tensor(shape: [3, 5], normalMean: 0, std: 1, using: &rng)
    let s = Tensor(shape: [], data: [7])
    let bytes = SafetensorsFile.encode([("x.weight", a), ("scalar", s)], metadata: ["vocab": "a\"b\\c\n\u{1}é🎵"])
    let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
    #expect((8 + headerLength) % 8 == 0, "the data section is 8-byte aligned")
    let f = try SafetensorsFile(bytes: bytes)
    #expect(try f.floatTensor("x.weight") == a)
    #expect(try f.floatTensor("scalar") == s)
    #expect(f.metadata["vocab"] == "a\"b\\c\n\u{1}é🎵")
}

@Test func truncatedFilesNameTheByteOffset() throws {
    let bytes = handMadeSafetensors()
    #expect(throws: NeuralCoreError.truncated(path: "<memory>", byteOffset: 0, needed: 5, fileSize: 3)) {
        try SafetensorsFile(bytes: Array(bytes[0..<3]))
    }
    #expect(throws: NeuralCoreError.truncated(path: "<memory>", byteOffset: 20, needed: bytes.count - 16 - 20, fileSize: 20)) {
        try SafetensorsFile(bytes: Array(bytes[0..<20]))  // inside the header
    }
    let cut = bytes.count - 3  // inside tensor b's data, which starts 8 bytes before the end
    #expect(throws: NeuralCoreError.truncated(path: "<memory>", byteOffset: cut, needed: 3, fileSize: cut)) {
        try SafetensorsFile(bytes: Array(bytes[0..<cut]))
    }
}

@Test func malformedHeadersNameTheByteOffset() {
    func file(_ header: String) -> [UInt8] {
        [UInt8(header.utf8.count), 0, 0, 0, 0, 0, 0, 0] + Array(header.utf8)
    }
    // "{"a":{"dtype":"F32",}}" fails at the '}' after the comma: byte 8 + 20
    #expect(throws: NeuralCoreError.malformedHeader(path: "<memory>", byteOffset: 28, reason: "expected a string key")) {
        try SafetensorsFile(bytes: file(#"{"a":{"dtype":"F32",}}"#))
    }
    #expect(throws: NeuralCoreError.malformedHeader(path: "<memory>", byteOffset: 8, reason: "the header is not a JSON object")) {
        try SafetensorsFile(bytes: file("[1]"))
    }
    #expect(throws: NeuralCoreError.malformedHeader(path: "<memory>", byteOffset: 8, reason: "'a': unknown dtype 'F33'")) {
        try SafetensorsFile(bytes: file(#"{"a":{"dtype":"F33","shape":[],"data_offsets":[0,4]}}"#) + [0, 0, 0, 0])
    }
    #expect(throws: NeuralCoreError.malformedHeader(path: "<memory>", byteOffset: 8,
                                                    reason: "'a': data_offsets span 4 bytes but shape [2] of F32 needs 8")) {
        try SafetensorsFile(bytes: file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}"#) + [0, 0, 0, 0])
    }
    #expect(throws: NeuralCoreError.malformedHeader(path: "<memory>", byteOffset: 8,
                                                    reason: "'a': shape [4294967296, 4294967296] has too many elements")) {
        try SafetensorsFile(bytes: file(#"{"a":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,0]}}"#))
    }
    var huge = file("{}")
    huge[6] = 1  // header length 2^48 + 2
    #expect(throws: NeuralCoreError.malformedHeader(path: "<memory>", byteOffset: 0, reason: "header length 281474976710658 exceeds 100 MB")) {
        try SafetensorsFile(bytes: huge)
    }
}

@Test func writeIsAtomicAndReplacesAnExistingFile() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("neuralcore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let path = dir.appendingPathComponent("w.safetensors").path
    try SafetensorsFile.write([("a", Tensor(shape: [1], data: [1]))], to: path)
    try SafetensorsFile.write([("a", Tensor(shape: [1], data: [2]))], to: path)
    #expect(try SafetensorsFile(contentsOf: path).floatTensor("a").data == [2])
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["w.safetensors"])
    #expect(throws: NeuralCoreError.self) {
        try SafetensorsFile.write([("a", Tensor(shape: [1], data: [1]))], to: dir.appendingPathComponent("missing/w.safetensors").path)
    }
}

/// A folder holding `bytes` as `f.safetensors`; returns the file's path and the folder to delete.
private func temporaryFile(_ bytes: [UInt8]) throws -> (path: String, folder: URL) {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("neuralcore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    let path = dir.appendingPathComponent("f.safetensors").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return (path, dir)
}

@Test func readingFromAPathGivesWhatReadingTheBytesGives() throws {
    let (path, dir) = try temporaryFile(handMadeSafetensors())
    defer { try? FileManager.default.removeItem(at: dir) }
    let fromFile = try SafetensorsFile(contentsOf: path)
    let fromBytes = try SafetensorsFile(bytes: handMadeSafetensors(), path: path)
    #expect(fromFile.metadata == fromBytes.metadata)
    #expect(fromFile.entries == fromBytes.entries)
    #expect(try fromFile.floatTensor("a") == fromBytes.floatTensor("a"))
    #expect(try fromFile.integerTensor("b").values == [-5])
}

@Test func aFileTruncatedOnDiskNamesTheByteOffset() throws {
    let whole = handMadeSafetensors()
    let (path, dir) = try temporaryFile(Array(whole.dropLast(4)))  // the I64 tensor is cut
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(throws: NeuralCoreError.truncated(path: path, byteOffset: whole.count - 4, needed: 4, fileSize: whole.count - 4)) {
        try SafetensorsFile(contentsOf: path)
    }
    #expect(throws: NeuralCoreError.self) { try SafetensorsFile(contentsOf: dir.path) }  // a folder
    #expect(throws: NeuralCoreError.self) { try SafetensorsFile(contentsOf: dir.appendingPathComponent("none").path) }
}

@Test func aFileChangedAfterItsHeaderWasReadIsAnError() throws {
    let (path, dir) = try temporaryFile(handMadeSafetensors())
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = try SafetensorsFile(contentsOf: path)
    try Data(handMadeSafetensors().dropLast(8)).write(to: URL(fileURLWithPath: path))
    #expect(throws: NeuralCoreError.self) { try file.floatTensor("a") }
}
