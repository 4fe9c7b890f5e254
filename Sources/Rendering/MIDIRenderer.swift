import CFluidSynth
import Foundation

/// Renders Standard MIDI Files to audio with FluidSynth, in this process, then trims, fades and normalises.
///
/// A value type: each `render` call makes its own synthesizer, so one renderer may be used from many
/// threads at once.
public struct MIDIRenderer: Sendable, Hashable {
    /// The SoundFont every render loads.
    public let soundFont: SoundFont
    /// Sample rate, gain and tail settings.
    public let options: RenderOptions

    /// Frames per `fluid_synth_write_float` call (a multiple of FluidSynth's internal 64-frame block).
    static let blockFrames = 512

    /// Raw FluidSynth output below this (−100 dBFS) counts as silence.
    static let silenceLevel: Float = 1e-5

    /// Creates a renderer after checking `options`.
    public init(soundFont: SoundFont, options: RenderOptions = RenderOptions()) throws {
        try options.validate()
        self.soundFont = soundFont
        self.options = options
    }

    /// Renders the MIDI file at `path`; `progress` receives the fraction of the song done (0…1).
    public func render(midiFile path: String, progress: ((Double) -> Void)? = nil) throws -> AudioBuffer {
        guard FileManager.default.isReadableFile(atPath: path) else { throw RenderError.midiFileUnreadable(path: path) }
        let fluid = try AudioLibraries.fluidSynth()
        FluidLog.install(fluid)
        guard fluid.isMIDIFile(path) != 0 else { throw RenderError.notAMIDIFile(source: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw RenderError.midiFileUnreadable(path: path) }
        return try render(midi: [UInt8](data), source: path, progress: progress)
    }

    /// Renders the MIDI file at `input` and writes it to `output` (atomically) in `format`.
    public func render(midiFile input: String, to output: String, format: AudioFileFormat,
                       progress: ((Double) -> Void)? = nil) throws -> AudioBuffer {
        let audio = try render(midiFile: input, progress: progress)
        try audio.write(to: output, format: format)
        return audio
    }

    /// Renders Standard MIDI File bytes held in memory; `source` names them in errors.
    ///
    /// The result is stereo at `options.sampleRate`: the whole song, then its release and reverb tail
    /// up to where it falls below −60 dBFS, a short fade, and the peak at −1 dBFS + `options.gainDecibels`.
    public func render(midi bytes: [UInt8], source: String = "MIDI data", progress: ((Double) -> Void)? = nil) throws -> AudioBuffer {
        try MIDIChunks.validate(bytes, source: source)
        let (raw, errors) = try FluidLog.capturingErrors {
            try renderRaw(bytes, source: source, progress: progress)
        }
        if raw.totalTicks == 0, !errors.isEmpty {
            throw RenderError.midiRejected(source: source, detail: errors.joined(separator: "; "))
        }
        var audio = raw.audio
        // FluidSynth's reverb adds a tiny DC offset (about 1e-8) against denormals: a render whose peak
        // stays below the silence level holds no notes, and is returned as true silence, not amplified noise.
        if audio.peak < Self.silenceLevel {
            audio.samples = [Float](repeating: 0, count: raw.songEndFrame * audio.channels)
            progress?(1)
            return audio
        }
        let floorRatio = AudioBuffer.amplitude(decibels: RenderOptions.tailFloorDecibels - RenderOptions.peakDecibels)
        audio.trimTail(below: audio.peak * Float(floorRatio), keepingAtLeast: raw.songEndFrame,
                       fadeFrames: Int(options.fadeSeconds * Double(options.sampleRate)))
        audio.normalize(peakDecibels: min(0, RenderOptions.peakDecibels + options.gainDecibels))
        progress?(1)
        return audio
    }

    /// FluidSynth's output before finishing, with the frame where the song's last event fell.
    struct RawRender {
        var audio: AudioBuffer
        var songEndFrame: Int
        var totalTicks: Int
    }

    /// Plays the song through a fresh synthesizer and keeps rendering until the tail has been quiet
    /// (below the floor relative to the running peak) for 0.1 s, or `maximumTailSeconds` have passed.
    func renderRaw(_ bytes: [UInt8], source: String, progress: ((Double) -> Void)?) throws -> RawRender {
        let synth = try Synthesizer(sampleRate: options.sampleRate, soundFontPath: soundFont.path)
        let player = try MIDIPlayer(synthesizer: synth, bytes: bytes, source: source)
        try player.play(source: source)

        let block = Self.blockFrames
        let floorRatio = Float(AudioBuffer.amplitude(decibels: RenderOptions.tailFloorDecibels - RenderOptions.peakDecibels))
        let quietWindow = options.sampleRate / 10
        let maximumTail = Int(options.maximumTailSeconds * Double(options.sampleRate))
        var samples: [Float] = []
        var scratch = [Float](repeating: 0, count: block * 2)
        var frames = 0
        var runningPeak: Float = 0
        var songEndFrame: Int?
        var quietFrames = 0
        var blocksSinceProgress = 0
        var totalTicks = 0

        while true {
            try scratch.withUnsafeMutableBufferPointer { try synth.render(frames: block, into: $0.baseAddress!) }
            let blockPeak = scratch.withUnsafeBufferPointer { AudioBuffer.peak(of: $0) }
            runningPeak = max(runningPeak, blockPeak)
            samples.append(contentsOf: scratch)
            frames += block

            guard let songEnd = songEndFrame else {
                // The total is fixed once the file is loaded; FluidSynth recounts it on every call, so keep it.
                if totalTicks == 0 { totalTicks = player.totalTicks }
                let total = totalTicks
                if !player.isPlaying || (total > 0 && player.currentTick >= total) {
                    songEndFrame = frames
                } else if let progress, total > 0 {
                    blocksSinceProgress += 1
                    if blocksSinceProgress >= 64 {
                        blocksSinceProgress = 0
                        progress(min(1, Double(player.currentTick) / Double(total)))
                    }
                }
                continue
            }
            let quiet = blockPeak < runningPeak * floorRatio || blockPeak < Self.silenceLevel
            quietFrames = quiet ? quietFrames + block : 0
            if quietFrames >= quietWindow || frames - songEnd >= maximumTail { break }
        }
        let audio = AudioBuffer(samples: samples, channels: 2, sampleRate: options.sampleRate)
        return RawRender(audio: audio, songEndFrame: songEndFrame ?? frames, totalTicks: player.totalTicks)
    }
}
