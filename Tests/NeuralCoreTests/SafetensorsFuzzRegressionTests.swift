import Testing
@testable import NeuralCore

// Inputs that made the safetensors fuzz target (Scripts/fuzz/run.sh safetensors) trap; each must now be
// refused with an error that says what and where.

/// 8-byte little-endian header length, then the JSON header, no data section.
private func headerOnly(_ json: String) -> [UInt8] {
    let n = json.utf8.count
    return (0..<8).map { UInt8(truncatingIfNeeded: n >> (8 * $0)) } + Array(json.utf8)
}

/// data_offsets near Int.max: working out where the missing bytes start overflowed (an arithmetic trap in
/// SafetensorsFile's header check). Found while writing the fuzz target, crashed fuzz-safetensors.
@Test func dataOffsetsNearIntMaxAreAnErrorNotATrap() {
    let bytes = headerOnly(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[9223372036854775803,9223372036854775807]}}"#)
    #expect(bytes.count == 98)
    #expect(throws: NeuralCoreError.malformedHeader(
        path: "<memory>", byteOffset: 8,
        reason: "'a': 'data_offsets' [9223372036854775803, 9223372036854775807] lie beyond any file (its data section is 0 bytes)")
    ) {
        try SafetensorsFile(bytes: bytes)
    }
}

/// The same offsets without overflow still name where the missing bytes start and how many are needed.
@Test func dataOffsetsPastTheEndNameWhereTheBytesAreMissing() {
    let bytes = headerOnly(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[1000,1004]}}"#)
    #expect(throws: NeuralCoreError.truncated(path: "<memory>", byteOffset: bytes.count + 1000, needed: 1004, fileSize: bytes.count)) {
        try SafetensorsFile(bytes: bytes)
    }
}
