import CFluidSynth  // types and constants; the functions come from AudioLibraries

/// One FluidSynth instance (settings + synth) with one SoundFont loaded, rendering offline.
///
/// Not thread-safe by design: it is created, used and freed on one thread (the synth is built with
/// `synth.threadsafe-api = 0`). Concurrent renders each make their own.
final class Synthesizer {
    let settings: OpaquePointer
    let synth: OpaquePointer
    let sampleRate: Int
    let fluid: FluidSynthFunctions

    /// Creates a synthesizer at `sampleRate` with the SoundFont at `soundFontPath` loaded.
    init(sampleRate: Int, soundFontPath: String) throws {
        let fluid = try AudioLibraries.fluidSynth()
        FluidLog.install(fluid)
        guard let settings = fluid.newSettings() else {
            throw RenderError.synthesizerFailed(call: "new_fluid_settings", argument: "default settings")
        }
        // From here on, `deinit` does not run if init throws, so free by hand on failure.
        func set(_ name: String, _ value: Double) throws {
            guard fluid.settingsSetNumber(settings, name, value) == FLUID_OK else {
                fluid.deleteSettings(settings)
                throw RenderError.invalidOption(name: name, value: "\(value)", expected: "a value FluidSynth accepts")
            }
        }
        func set(_ name: String, _ value: Int32) throws {
            guard fluid.settingsSetInteger(settings, name, value) == FLUID_OK else {
                fluid.deleteSettings(settings)
                throw RenderError.synthesizerFailed(call: "fluid_settings_setint", argument: "\(name)=\(value)")
            }
        }
        func set(_ name: String, _ value: String) throws {
            guard fluid.settingsSetString(settings, name, value) == FLUID_OK else {
                fluid.deleteSettings(settings)
                throw RenderError.synthesizerFailed(call: "fluid_settings_setstr", argument: "\(name)=\(value)")
            }
        }
        try set("synth.sample-rate", Double(sampleRate))
        // The player follows rendered samples, not the wall clock: offline rendering at full speed.
        try set("player.timing-source", "sample")
        try set("synth.lock-memory", Int32(0))
        try set("synth.threadsafe-api", Int32(0))
        guard let synth = fluid.newSynth(settings) else {
            fluid.deleteSettings(settings)
            throw RenderError.synthesizerFailed(call: "new_fluid_synth", argument: "sample rate \(sampleRate)")
        }
        self.settings = settings
        self.synth = synth
        self.sampleRate = sampleRate
        self.fluid = fluid
        // Checked before loading: loading a non-SoundFont makes libinstpatch print to stderr.
        guard fluid.isSoundFont(soundFontPath) != 0 else {
            throw RenderError.soundFontInvalid(path: soundFontPath, origin: "the caller")
        }
        guard fluid.synthSoundFontLoad(synth, soundFontPath, 1) != FLUID_FAILED else {
            throw RenderError.soundFontLoadFailed(path: soundFontPath)
        }
    }

    deinit {
        fluid.deleteSynth(synth)
        fluid.deleteSettings(settings)
    }

    /// Number of voices still sounding.
    var activeVoiceCount: Int { Int(fluid.synthActiveVoiceCount(synth)) }

    /// Renders `frames` stereo frames, interleaved (L R L R …), into `buffer` starting at frame 0.
    func render(frames: Int, into buffer: UnsafeMutablePointer<Float>) throws {
        let status = fluid.synthWriteFloat(synth, Int32(frames), buffer, 0, 2, buffer, 1, 2)
        guard status == FLUID_OK else {
            throw RenderError.synthesizerFailed(call: "fluid_synth_write_float", argument: "\(frames) frames")
        }
    }
}

/// A FluidSynth MIDI file player attached to a `Synthesizer`, owning its C pointer.
final class MIDIPlayer {
    let player: OpaquePointer
    /// Keeps the synth alive for as long as the player refers to it.
    let synthesizer: Synthesizer

    /// Creates a player for the Standard MIDI File `bytes`; `source` names them in errors.
    init(synthesizer: Synthesizer, bytes: [UInt8], source: String) throws {
        guard let player = synthesizer.fluid.newPlayer(synthesizer.synth) else {
            throw RenderError.synthesizerFailed(call: "new_fluid_player", argument: source)
        }
        self.player = player
        self.synthesizer = synthesizer
        // fluid_player_add_mem copies the bytes, so the array need not outlive this call.
        let status = bytes.withUnsafeBytes { synthesizer.fluid.playerAddMemory(player, $0.baseAddress, $0.count) }
        guard status == FLUID_OK else {
            throw RenderError.synthesizerFailed(call: "fluid_player_add_mem", argument: source)
        }
    }

    deinit {
        _ = synthesizer.fluid.playerStop(player)
        synthesizer.fluid.deletePlayer(player)
    }

    /// Starts playback; events are then sent to the synth as its samples are rendered.
    func play(source: String) throws {
        guard synthesizer.fluid.playerPlay(player) == FLUID_OK else {
            throw RenderError.synthesizerFailed(call: "fluid_player_play", argument: source)
        }
    }

    /// Whether the player still has events to send (or is waiting for the song's end).
    var isPlaying: Bool { synthesizer.fluid.playerStatus(player) == Int32(FLUID_PLAYER_PLAYING.rawValue) }

    /// Tick the player has reached.
    var currentTick: Int { Int(synthesizer.fluid.playerCurrentTick(player)) }

    /// Tick of the song's last event (known once the file has been loaded, after the first rendered block).
    var totalTicks: Int { Int(synthesizer.fluid.playerTotalTicks(player)) }
}
