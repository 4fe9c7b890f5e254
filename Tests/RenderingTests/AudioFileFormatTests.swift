import Testing
@testable import Rendering

@Suite struct AudioFileFormatTests {
    @Test(arguments: [
        ("song.wav", AudioContainer.wav), ("SONG.WAV", .wav), ("a.wave", .wav), ("dir.x/b.flac", .flac),
        ("c.ogg", .ogg), ("c.oga", .ogg),
    ])
    func extensionChoosesTheContainer(path: String, container: AudioContainer) {
        #expect(AudioContainer(path: path) == container)
    }

    @Test(arguments: ["song.mp3", "song", "dir.wav/song", ".hidden"])
    func unknownExtensionsChooseNothing(path: String) {
        #expect(AudioContainer(path: path) == nil)
    }

    @Test func sampleFormatDefaultsTo16Bit() throws {
        #expect(try AudioFileFormat(path: "a.wav").sampleFormat == .int16)
        #expect(try AudioFileFormat(path: "a.flac").sampleFormat == .int16)
        #expect(try AudioFileFormat(path: "a.ogg").sampleFormat == nil)
        #expect(try AudioFileFormat(path: "a.wav", sampleFormat: .float32).sampleFormat == .float32)
    }

    @Test func flacCannotHoldFloat() {
        #expect(throws: RenderError.sampleFormatUnsupported(path: "a.flac", format: "FLAC", sampleFormat: "32-bit float")) {
            try AudioFileFormat(path: "a.flac", sampleFormat: .float32)
        }
    }

    @Test func oggHasNoBitDepth() {
        #expect(throws: RenderError.sampleFormatUnsupported(path: "a.ogg", format: "Ogg Vorbis", sampleFormat: "24-bit")) {
            try AudioFileFormat(path: "a.ogg", sampleFormat: .int24)
        }
    }

    @Test func unknownExtensionIsAnError() {
        #expect(throws: RenderError.unsupportedOutputFormat(path: "a.mp3")) { try AudioFileFormat(path: "a.mp3") }
    }

    @Test func bitDepthRawValuesAreTheOptionSpellings() {
        #expect(SampleFormat.allCases.map(\.rawValue) == ["16", "24", "float"])
    }
}
