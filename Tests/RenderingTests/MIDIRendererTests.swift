import Foundation
import Testing
@testable import Rendering

@Suite struct MIDIRendererTests {
    /// Frames from the start of `audio` to where it first reaches −40 dBFS, in seconds.
    func onsetSeconds(_ audio: AudioBuffer) throws -> Double {
        let frame = try #require(audio.firstFrame(reaching: Float(AudioBuffer.amplitude(decibels: -40))))
        return Double(frame) / Double(audio.sampleRate)
    }

    @Test func firstNoteStartsWithin10msOfItsMIDITime() throws {
        let audio = try Fixtures.renderer().render(midi: Fixtures.oneNoteAfterHalfSecond)
        let onset = try onsetSeconds(audio)
        #expect(abs(onset - Fixtures.firstNoteSeconds) <= 0.010, "onset at \(onset) s")
    }

    @Test func peakIsNormalisedToMinusOneDBFS() throws {
        let audio = try Fixtures.renderer().render(midi: Fixtures.oneNoteAfterHalfSecond)
        #expect(abs(audio.peakDecibels - RenderOptions.peakDecibels) <= 0.5, "peak \(audio.peakDecibels) dBFS")
        #expect(audio.peak < 1)
    }

    @Test func gainMovesThePeakBelowMinusOneDBFS() throws {
        let audio = try Fixtures.renderer(RenderOptions(gainDecibels: -6)).render(midi: Fixtures.oneNoteAfterHalfSecond)
        #expect(abs(audio.peakDecibels - -7) <= 0.5, "peak \(audio.peakDecibels) dBFS")
    }

    @Test func lengthCoversTheNoteAndItsTailButNotFluidSynthsTrailingSilence() throws {
        let renderer = try Fixtures.renderer()
        let audio = try renderer.render(midi: Fixtures.oneNoteAfterHalfSecond)
        #expect(audio.duration >= Fixtures.noteOffSeconds)
        // Where the tail falls below −60 dBFS: the file must reach it (minus the fade) and stop soon after.
        let floor = Float(AudioBuffer.amplitude(decibels: RenderOptions.tailFloorDecibels))
        let lastAudible = try #require(audio.lastFrame(reaching: floor))
        let fadeFrames = Int(renderer.options.fadeSeconds * Double(audio.sampleRate))
        #expect(audio.frameCount - lastAudible <= fadeFrames + 1, "\(audio.frameCount - lastAudible) frames after the floor")
        // `fluidsynth -ni -F out.wav -r 44100 TimGM6mb.sf2` on these bytes writes 4.04 s (measured
        // 2026-11-25): about 3 s of near-silence after the note-off. The cut file keeps under 1.5 s of tail.
        #expect(audio.duration < Fixtures.noteOffSeconds + 1.5, "duration \(audio.duration) s")
    }

    @Test func lastSampleIsFadedToSilence() throws {
        let audio = try Fixtures.renderer().render(midi: Fixtures.oneNoteAfterHalfSecond)
        let last = audio.samples.suffix(audio.channels)
        #expect(last.allSatisfy { $0 == 0 })
    }

    @Test func rmsShowsTheNoteIsAudible() throws {
        let audio = try Fixtures.renderer().render(midi: Fixtures.oneNoteAfterHalfSecond)
        // A single piano note at a −1 dBFS peak over ~1.5 s: well above −40 dBFS RMS, below the peak.
        #expect(AudioBuffer.decibels(audio.rms) > -40)
        #expect(AudioBuffer.decibels(audio.rms) < audio.peakDecibels)
    }

    @Test func closingRestInTheMIDIIsKept() throws {
        let audio = try Fixtures.renderer().render(midi: Fixtures.noteThenLongRest)
        #expect(audio.duration >= Fixtures.longRestEndSeconds, "duration \(audio.duration) s")
        #expect(audio.duration < Fixtures.longRestEndSeconds + 0.1)
    }

    @Test func songWithoutNotesRendersTrueSilenceOfItsLength() throws {
        // The fixture with its note-on and note-off velocities set to 0 (a velocity-0 note-on is a note-off).
        var bytes = Fixtures.noteThenLongRest
        bytes[36] = 0x00
        let audio = try Fixtures.renderer().render(midi: bytes)
        #expect(audio.peak == 0)
        #expect(audio.duration >= Fixtures.longRestEndSeconds && audio.duration < Fixtures.longRestEndSeconds + 0.1)
    }

    @Test func renderingIsDeterministic() throws {
        let renderer = try Fixtures.renderer()
        let first = try renderer.render(midi: Fixtures.oneNoteAfterHalfSecond)
        let second = try renderer.render(midi: Fixtures.oneNoteAfterHalfSecond)
        #expect(first == second)
    }

    @Test func sampleRateOptionSetsTheOutputRateAndKeepsTiming() throws {
        let audio = try Fixtures.renderer(RenderOptions(sampleRate: 22_050)).render(midi: Fixtures.oneNoteAfterHalfSecond)
        #expect(audio.sampleRate == 22_050)
        #expect(abs(try onsetSeconds(audio) - Fixtures.firstNoteSeconds) <= 0.010)
    }

    @Test func progressReachesOne() throws {
        final class Box: @unchecked Sendable { var values: [Double] = [] }
        let box = Box()
        _ = try Fixtures.renderer().render(midi: Fixtures.noteThenLongRest) { box.values.append($0) }
        #expect(box.values.last == 1)
        #expect(box.values == box.values.sorted())
    }

    @Test func realOboeFileRendersWithItsTimingLengthAndLevel() throws {
        let audio = try Fixtures.renderer().render(midiFile: Fixtures.oboeMIDIPath)
        let onset = try onsetSeconds(audio)
        // A wind attack takes a few tens of ms to reach −40 dBFS, so allow it after (not before) the note-on.
        #expect(onset >= Fixtures.oboeFirstNoteSeconds - 0.010 && onset <= Fixtures.oboeFirstNoteSeconds + 0.060,
                "onset \(onset) s")
        #expect(audio.duration >= Fixtures.oboeEndSeconds && audio.duration <= Fixtures.oboeEndSeconds + 3)
        #expect(abs(audio.peakDecibels - RenderOptions.peakDecibels) <= 0.5)
        #expect(AudioBuffer.decibels(audio.rms) > -40)
    }
}

@Suite struct MIDIRendererErrorTests {
    @Test func bytesWithoutMThdAreNotAMIDIFile() throws {
        #expect(throws: RenderError.notAMIDIFile(source: "sketch")) {
            try Fixtures.renderer().render(midi: Array("hello".utf8), source: "sketch")
        }
    }

    @Test func truncatedTrackIsMalformedAtItsChunkOffset() throws {
        #expect(throws: RenderError.midiMalformed(source: "cut.mid", byteOffset: 14,
                                                  detail: "track 1 declares 24 bytes but only 6 remain")) {
            try Fixtures.renderer().render(midi: Fixtures.truncated, source: "cut.mid")
        }
    }

    @Test func badEventInsideAWellSizedTrackIsRejectedWithFluidSynthsReason() throws {
        // The note-on's status byte replaced by 0xF4, an undefined system-common status FluidSynth refuses.
        var bytes = Fixtures.oneNoteAfterHalfSecond
        bytes[34] = 0xF4
        do {
            _ = try Fixtures.renderer().render(midi: bytes, source: "bad.mid")
            Issue.record("expected an error")
        } catch let RenderError.midiRejected(source, detail) {
            #expect(source == "bad.mid")
            #expect(!detail.isEmpty)
        }
    }

    @Test func missingFileIsUnreadable() throws {
        #expect(throws: RenderError.midiFileUnreadable(path: "/nonexistent/a.mid")) {
            try Fixtures.renderer().render(midiFile: "/nonexistent/a.mid")
        }
    }

    @Test func textFileIsNotAMIDIFile() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/notes.mid"
        try Data("X:1\nK:D\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: RenderError.notAMIDIFile(source: path)) { try Fixtures.renderer().render(midiFile: path) }
    }

    @Test func outOfRangeOptionsNameTheOption() throws {
        let soundFont = try SoundFont(path: Fixtures.soundFontPath, origin: "test")
        #expect(throws: RenderError.self) { try MIDIRenderer(soundFont: soundFont, options: RenderOptions(sampleRate: 1000)) }
        do {
            _ = try MIDIRenderer(soundFont: soundFont, options: RenderOptions(gainDecibels: 3))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".hasPrefix("--gain 3.0: expected decibels from -40 to 1"))
        }
    }
}
