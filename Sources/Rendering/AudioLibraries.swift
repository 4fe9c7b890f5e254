import CFluidSynth
import CSndFile
#if canImport(Glibc)
import Glibc
#endif

/// libfluidsynth and libsndfile, opened with `dlopen` the first time audio is rendered or read.
///
/// Why not link them: FluidSynth pulls in some forty libraries (glib, SDL2, PulseAudio, JACK,
/// libinstpatch, X11, …) that cost a process about 6.6 MB of memory and start-up time even when it
/// only writes MIDI. Opening them on first use keeps `compose --style folk --bars 16 > song.mid`
/// small; the C headers (CFluidSynth, CSndFile) still give the types and constants, so every call
/// below has the exact C signature of the function it names.
enum AudioLibraries {
    /// The sonames tried in order for each library (the first is the ABI the headers describe).
    static let fluidSynthNames = ["libfluidsynth.so.3", "libfluidsynth.so"]
    static let sndFileNames = ["libsndfile.so.1", "libsndfile.so"]

    /// libfluidsynth's functions, or why they cannot be had (opened once per process).
    static func fluidSynth() throws(RenderError) -> FluidSynthFunctions { try loadedFluidSynth.get() }

    /// libsndfile's functions, or why they cannot be had (opened once per process).
    static func sndFile() throws(RenderError) -> SndFileFunctions { try loadedSndFile.get() }

    private static let loadedFluidSynth: Result<FluidSynthFunctions, RenderError> = Result { () throws(RenderError) in
        try FluidSynthFunctions(SharedLibrary(names: fluidSynthNames, label: "libfluidsynth"))
    }
    private static let loadedSndFile: Result<SndFileFunctions, RenderError> = Result { () throws(RenderError) in
        try SndFileFunctions(SharedLibrary(names: sndFileNames, label: "libsndfile"))
    }
}

/// A `dlopen` handle kept for the life of the process, and typed symbol lookup.
struct SharedLibrary {
    let label: String
    private let handle: UnsafeMutableRawPointer

    /// Opens the first of `names` that loads; the error lists what each attempt said.
    init(names: [String], label: String) throws(RenderError) {
        var reasons: [String] = []
        for name in names {
            if let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) {
                self.handle = handle
                self.label = label
                return
            }
            reasons.append(dlerror().map { String(cString: $0) } ?? "\(name): cannot open")
        }
        throw .libraryUnavailable(library: label, detail: reasons.joined(separator: "; "))
    }

    /// The function `name` as the C function type `T` (inferred from where it is stored).
    func function<T>(_ name: String) throws(RenderError) -> T {
        guard let symbol = dlsym(handle, name) else {
            throw .libraryUnavailable(library: label, detail: "it has no function \(name); a FluidSynth 2.x / libsndfile 1.x is needed")
        }
        return unsafeBitCast(symbol, to: T.self)
    }
}

/// The libfluidsynth functions the renderer calls, with their C signatures.
struct FluidSynthFunctions: @unchecked Sendable {
    // @unchecked: immutable C function pointers into a library that is never unloaded.
    let newSettings: @convention(c) () -> OpaquePointer?
    let deleteSettings: @convention(c) (OpaquePointer?) -> Void
    let settingsSetNumber: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Double) -> Int32
    let settingsSetInteger: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32
    let settingsSetString: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Int32
    let newSynth: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let deleteSynth: @convention(c) (OpaquePointer?) -> Void
    let isSoundFont: @convention(c) (UnsafePointer<CChar>?) -> Int32
    let isMIDIFile: @convention(c) (UnsafePointer<CChar>?) -> Int32
    let synthSoundFontLoad: @convention(c) (OpaquePointer?, UnsafePointer<CChar>?, Int32) -> Int32
    let synthActiveVoiceCount: @convention(c) (OpaquePointer?) -> Int32
    /// fluid_synth_write_float(synth, len, lout, loff, lincr, rout, roff, rincr)
    let synthWriteFloat: @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?, Int32, Int32,
                                         UnsafeMutableRawPointer?, Int32, Int32) -> Int32
    let newPlayer: @convention(c) (OpaquePointer?) -> OpaquePointer?
    let deletePlayer: @convention(c) (OpaquePointer?) -> Void
    let playerAddMemory: @convention(c) (OpaquePointer?, UnsafeRawPointer?, Int) -> Int32
    let playerPlay: @convention(c) (OpaquePointer?) -> Int32
    let playerStop: @convention(c) (OpaquePointer?) -> Int32
    let playerStatus: @convention(c) (OpaquePointer?) -> Int32
    let playerCurrentTick: @convention(c) (OpaquePointer?) -> Int32
    let playerTotalTicks: @convention(c) (OpaquePointer?) -> Int32
    let setLogFunction: @convention(c) (Int32, fluid_log_function_t?, UnsafeMutableRawPointer?) -> fluid_log_function_t?

    init(_ library: SharedLibrary) throws(RenderError) {
        newSettings = try library.function("new_fluid_settings")
        deleteSettings = try library.function("delete_fluid_settings")
        settingsSetNumber = try library.function("fluid_settings_setnum")
        settingsSetInteger = try library.function("fluid_settings_setint")
        settingsSetString = try library.function("fluid_settings_setstr")
        newSynth = try library.function("new_fluid_synth")
        deleteSynth = try library.function("delete_fluid_synth")
        isSoundFont = try library.function("fluid_is_soundfont")
        isMIDIFile = try library.function("fluid_is_midifile")
        synthSoundFontLoad = try library.function("fluid_synth_sfload")
        synthActiveVoiceCount = try library.function("fluid_synth_get_active_voice_count")
        synthWriteFloat = try library.function("fluid_synth_write_float")
        newPlayer = try library.function("new_fluid_player")
        deletePlayer = try library.function("delete_fluid_player")
        playerAddMemory = try library.function("fluid_player_add_mem")
        playerPlay = try library.function("fluid_player_play")
        playerStop = try library.function("fluid_player_stop")
        playerStatus = try library.function("fluid_player_get_status")
        playerCurrentTick = try library.function("fluid_player_get_current_tick")
        playerTotalTicks = try library.function("fluid_player_get_total_ticks")
        setLogFunction = try library.function("fluid_set_log_function")
    }
}

/// The libsndfile functions the renderer calls, with their C signatures.
struct SndFileFunctions: @unchecked Sendable {
    // @unchecked: immutable C function pointers into a library that is never unloaded.
    let open: @convention(c) (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<SF_INFO>?) -> OpaquePointer?
    let openDescriptor: @convention(c) (Int32, Int32, UnsafeMutablePointer<SF_INFO>?, Int32) -> OpaquePointer?
    let formatCheck: @convention(c) (UnsafePointer<SF_INFO>?) -> Int32
    let errorString: @convention(c) (OpaquePointer?) -> UnsafePointer<CChar>?
    let errorNumberString: @convention(c) (Int32) -> UnsafePointer<CChar>?
    let close: @convention(c) (OpaquePointer?) -> Int32
    let command: @convention(c) (OpaquePointer?, Int32, UnsafeMutableRawPointer?, Int32) -> Int32
    let readFramesFloat: @convention(c) (OpaquePointer?, UnsafeMutablePointer<Float>?, sf_count_t) -> sf_count_t
    let writeFramesFloat: @convention(c) (OpaquePointer?, UnsafePointer<Float>?, sf_count_t) -> sf_count_t

    init(_ library: SharedLibrary) throws(RenderError) {
        open = try library.function("sf_open")
        openDescriptor = try library.function("sf_open_fd")
        formatCheck = try library.function("sf_format_check")
        errorString = try library.function("sf_strerror")
        errorNumberString = try library.function("sf_error_number")
        close = try library.function("sf_close")
        command = try library.function("sf_command")
        readFramesFloat = try library.function("sf_readf_float")
        writeFramesFloat = try library.function("sf_writef_float")
    }
}
