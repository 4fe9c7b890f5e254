import Foundation
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

/// timeout-975378aac59f0d5f8940cf8e011697ccabeabeb1 (1,076 bytes, session 3's long run: a tiny LSTM whose
/// metadata says `"layers":"0003875820019684212738"`): the loader listed 3.9 × 10¹⁸ layers' tensor names
/// before reading the first tensor (5.8 s of CPU until the fuzzer's limit). Tensors are now read in order as the
/// names are produced, so the first missing one is named at once; and a size larger than any tensor dimension
/// in the file is refused before anything is sized by it (4 × hidden could overflow).
let fuzzWeightsWithBillionsOfLayers = [UInt8](Data(base64Encoded: """
    cAIAAAAAAAB7Il9fbWV0YWRhdGFfXyI6eyJsYXllcnMiOiIwMDAzODc1ODIwMDE5Njg0MjEyNzM4IiwibW9kZWwiOiJsc3RtLW1l
    bG9keSIsImVtYiI6IjIiLCJkcm9wb3V0IjoiMC4xIiwiLZCcnmIiOiI0IiwiaGlkZGVuIjoiMyJ9LCJlbWJlZC53ZWlnaHQiOnsi
    ZHR5cGUiOiJGMzIiLCJzaGFwZSI6WzQsMl0sImRhdGFfb2Zmc2V0cyI6WzAsMzJdfSwiaGVhZC5iaWFzIjp7ImR0eXBlIjoiRjMy
    Iiwic2hhcGUiOls0XSwiZGF0YV9vZmZzZXRzIjpbMzIsNDhdfSwiaGVhZC53ZWlnaHQiOnsiZHR5cGUiOiJGMzIiLCJzaGFwZSI6
    WzQsM10sImRhdGFfb2Zmc2V0cyI6WzQ4LDk2XX0sImxzdG0uYmlhc19oaF9sMCI6eyJkdHlwZSI6IkYzMiIsInNoYXBlIjpbMTJd
    LCJkYXRhX29mZnNldHMiOls5NiwxNDRdfSwibHN0bS5iaWFzX2loX2wwIjp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOlsxMl0sImRh
    dGFfb2Zmc2V0cyI6WzE0NCwxOTJdfSwibHN0bS53ZWlnaHRfaGhfbDAiOnsiZHR5cGUiOiJGMzIiLCJzaGFwZSI6WzEyLDNdLCJk
    YXRhX29mZnNldHMiOlsxOTIsMzM2XX0sImxzdG0ud2VpZ2h0X2loX2wwIjp7ImR0eXBlIjoiRjMyIiwic2hhcGUiOlsxMiwyXSwi
    ZGF0YV9vZmZzZXRzIjpbMzM2LDQzMl19fSAgICAgICAZPaE6LfWYPsxbjL7U/WO/nMrovozcfb8jWXY9LKs/z+tUv8S6H79pVVI+
    PWz8PmIDrr4UrIY/zO6wu4xYFT/9O7ETvww+pYAX2L8pQgLAZeSb//////////////////////////////////////////////8i
    cG9zLndlaWdodCL/////////////////////////////////////////////////////////////////////////////////////
    /////////////////////76oYWa/df0nPhiqD0AWJtu+/3ubvo6GtD5/Vve94ARKvsGZjr+KxDy8FB3jvq1DlT/PMCc/1MjFvAUb
    Kz9caam/r21Lv3abJT+dB/+/miTtvl4+x73e5aA/xnwwP4SIp777tby+nRmAvgMDwz86gHq/9Q8iVTgiAv8Ae32/ezUAXD/ib/Q9
    Zzckv9MGAEB0IzT4LL+RA1A+pzbtvqdSAj7+9Ze/HE0Uv5nnSL5kFWY/opaSP37zv5MPpb/5veu/u7twvrA7or8p44o+W4MgPtNq
    P76XEiHAx+cJv+2oRr2LDug9fdvDvxSc9L4=
    """, options: .ignoreUnknownCharacters)!)

@Test func metadataSizesBeyondTheFileAreRefusedAtOnce() throws {
    #expect(fuzzWeightsWithBillionsOfLayers.count == 1076)
    let file = try SafetensorsFile(bytes: fuzzWeightsWithBillionsOfLayers)
    #expect(throws: NeuralCoreError.missingTensor(name: "lstm.weight_ih_l1", path: "<memory>")) {
        try LSTMLanguageModel.load(from: file)
    }
    // the same for the other size keys, e.g. a hidden size that 4 × hidden would overflow, or a huge ff
    let tensor = #""embed.weight":{"dtype":"F32","shape":[4,4],"data_offsets":[0,64]}"#
    let lstm = headerOnly(#"{"__metadata__":{"vocab":"4","emb":"4","hidden":"2305843009213693952","layers":"1"},"# + tensor + "}")
        + [UInt8](repeating: 0, count: 64)
    #expect(throws: NeuralCoreError.invalidMetadata(path: "<memory>", key: "hidden", value: "2305843009213693952",
                                                     reason: "is larger than every dimension of the file's tensors (at most 4)")) {
        try LSTMLanguageModel.load(from: try SafetensorsFile(bytes: lstm))
    }
    let transformer = headerOnly(#"{"__metadata__":{"model":"transformer-melody","vocab":"4","d_model":"4","context":"4","ff":"99999999999","layers":"1","heads":"1"},"#
                                 + tensor.replacingOccurrences(of: "embed", with: "tok") + "}") + [UInt8](repeating: 0, count: 64)
    #expect(throws: NeuralCoreError.invalidMetadata(path: "<memory>", key: "ff", value: "99999999999",
                                                     reason: "is larger than every dimension of the file's tensors (at most 4)")) {
        try TransformerLanguageModel.load(from: try SafetensorsFile(bytes: transformer))
    }
}
