import Foundation
import Testing
@testable import Rendering

@Suite struct AudioBufferFilesTests {
    /// One second of a 440 Hz stereo sine at −1 dBFS (left) and −7 dBFS (right), 8 kHz.
    func sine() -> AudioBuffer {
        let rate = 8_000
        var samples: [Float] = []
        for frame in 0..<rate {
            let value = Float(sin(2 * Double.pi * 440 * Double(frame) / Double(rate)))
            samples += [value * 0.891, value * 0.447]
        }
        return AudioBuffer(samples: samples, channels: 2, sampleRate: rate)
    }

    @Test(arguments: [
        ("a.wav", SampleFormat.int16, Float(1.0 / 32_768)), ("b.wav", .int24, 1.0 / 8_388_608),
        ("c.wav", .float32, 0), ("d.flac", .int16, 1.0 / 32_768), ("e.flac", .int24, 1.0 / 8_388_608),
    ])
    func losslessFormatsRoundTripWithinOneQuantisationStep(name: String, sampleFormat: SampleFormat, step: Float) throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = sine()
        let path = "\(folder)/\(name)"
        try original.write(to: path, format: AudioFileFormat(path: path, sampleFormat: sampleFormat))
        let read = try AudioBuffer(contentsOf: path)
        #expect(read.sampleRate == original.sampleRate && read.channels == 2 && read.frameCount == original.frameCount)
        let error = zip(read.samples, original.samples).map { abs($0 - $1) }.max() ?? 1
        #expect(error <= step, "max error \(error)")
    }

    @Test func oggVorbisRoundTripKeepsLengthAndLevel() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let original = sine()
        let path = "\(folder)/s.ogg"
        try original.write(to: path, format: AudioFileFormat(path: path))
        let read = try AudioBuffer(contentsOf: path)
        #expect(read.frameCount == original.frameCount)
        #expect(abs(AudioBuffer.decibels(read.rms) - AudioBuffer.decibels(original.rms)) < 0.5)
    }

    @Test func writingLeavesOnlyTheFinishedFileWithPlainPermissions() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try sine().write(to: "\(folder)/out.wav", format: AudioFileFormat(path: "out.wav"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.wav"])
        let mode = try #require(try FileManager.default.attributesOfItem(atPath: "\(folder)/out.wav")[.posixPermissions] as? Int)
        #expect(mode == 0o666 & ~Int(FileCreationMask.current))
    }

    @Test func failedWriteKeepsTheExistingFileAndLeavesNoTemporary() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = "\(folder)/keep.wav"
        try Data("precious".utf8).write(to: URL(fileURLWithPath: path))
        // 9 channels of FLAC (the codec stops at 8): libsndfile refuses it after the temporary file exists.
        let odd = AudioBuffer(samples: Array(repeating: 0, count: 9), channels: 9, sampleRate: 8_000)
        #expect(throws: RenderError.self) { try odd.write(to: path, format: AudioFileFormat(path: "x.flac")) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "precious")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["keep.wav"])
    }

    @Test func missingFolderIsNamedInTheError() throws {
        #expect(throws: RenderError.outputFolderUnwritable(path: "/nonexistent-tunesmith", detail: "No such file or directory")) {
            try sine().write(to: "/nonexistent-tunesmith/out.wav", format: AudioFileFormat(path: "out.wav"))
        }
    }

    @Test func readingANonAudioFileIsAnError() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Data("not audio".utf8).write(to: URL(fileURLWithPath: "\(folder)/x.wav"))
        #expect(throws: RenderError.self) { try AudioBuffer(contentsOf: "\(folder)/x.wav") }
    }
}
