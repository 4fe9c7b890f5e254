/// Everything that can go wrong while rendering MIDI to audio.
///
/// Each case names the file or argument at fault, and its description says what to do about it.
public enum RenderError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The MIDI input file does not exist or cannot be read.
    case midiFileUnreadable(path: String)
    /// The input is not a Standard MIDI File (`source` is a path, or a caller-chosen name for bytes in memory).
    case notAMIDIFile(source: String)
    /// The MIDI data's chunk structure is broken at `byteOffset` (for example a track cut short).
    case midiMalformed(source: String, byteOffset: Int, detail: String)
    /// FluidSynth could not parse the MIDI data; `detail` is FluidSynth's own message.
    case midiRejected(source: String, detail: String)
    /// A SoundFont that was named explicitly (`origin` says by whom) is missing or not a SoundFont.
    case soundFontInvalid(path: String, origin: String)
    /// No SoundFont was found anywhere; `searched` lists every place looked at, in order.
    case soundFontNotFound(searched: [String])
    /// FluidSynth refused to load a file that looked like a SoundFont.
    case soundFontLoadFailed(path: String)
    /// A render option is out of range.
    case invalidOption(name: String, value: String, expected: String)
    /// The output path's extension names no supported audio format.
    case unsupportedOutputFormat(path: String)
    /// The output format cannot hold the requested sample format (for example FLAC with float samples).
    case sampleFormatUnsupported(path: String, format: String, sampleFormat: String)
    /// A FluidSynth call failed; `call` is the C function and `argument` what it was given.
    case synthesizerFailed(call: String, argument: String)
    /// libsndfile failed on `path`; `detail` is its message.
    case audioFileFailed(path: String, detail: String)
    /// The audio file could not be opened for reading.
    case audioFileUnreadable(path: String, detail: String)
    /// The destination folder does not exist or cannot be written.
    case outputFolderUnwritable(path: String, detail: String)
    /// A shared library rendering needs (libfluidsynth, libsndfile) could not be opened or lacks a function.
    case libraryUnavailable(library: String, detail: String)

    public var description: String {
        switch self {
        case let .midiFileUnreadable(path):
            return "\(path): cannot read the MIDI file; check that the path exists and is readable"
        case let .notAMIDIFile(source):
            return "\(source): not a Standard MIDI File (it does not start with \"MThd\"); pass a .mid file"
        case let .midiMalformed(source, byteOffset, detail):
            return "\(source): broken MIDI file at byte \(byteOffset): \(detail); re-export or re-download it"
        case let .midiRejected(source, detail):
            return "\(source): FluidSynth could not read this MIDI file (\(detail)); check it with `compose inspect` or re-export it"
        case let .soundFontInvalid(path, origin):
            return "\(path) (from \(origin)): missing, unreadable or not a SoundFont (.sf2/.sf3); fix the path or remove \(origin) to search the default places"
        case let .soundFontNotFound(searched):
            return "no SoundFont found; searched \(searched.joined(separator: ", ")); pass --soundfont F.sf2, set TUNESMITH_SOUNDFONT, or install fluid-soundfont-gm"
        case let .soundFontLoadFailed(path):
            return "\(path): FluidSynth could not load this SoundFont; it may be damaged, try another one with --soundfont"
        case let .invalidOption(name, value, expected):
            return "\(name) \(value): expected \(expected)"
        case let .unsupportedOutputFormat(path):
            return "\(path): unknown output format; end the file name in .wav, .flac or .ogg"
        case let .sampleFormatUnsupported(path, format, sampleFormat):
            return "\(path): \(format) cannot store \(sampleFormat) samples; choose another --bit-depth or write a .wav"
        case let .synthesizerFailed(call, argument):
            return "FluidSynth call \(call) failed for \(argument); this is a bug or an out-of-memory condition, please report it"
        case let .audioFileFailed(path, detail):
            return "\(path): could not write the audio file (\(detail)); check free disk space and permissions"
        case let .audioFileUnreadable(path, detail):
            return "\(path): could not read the audio file (\(detail)); check the path and that it is WAV, FLAC or OGG"
        case let .outputFolderUnwritable(path, detail):
            return "\(path): cannot write into this folder (\(detail)); create it or choose another output path"
        case let .libraryUnavailable(library, detail):
            return "\(library) is needed to render audio but could not be loaded (\(detail)); install it with Scripts/setup.sh or apt-get install libfluidsynth3 libsndfile1"
        }
    }
}
