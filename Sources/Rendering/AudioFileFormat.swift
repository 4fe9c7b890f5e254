import CSndFile

/// How samples are stored in a file: the `--bit-depth` option.
public enum SampleFormat: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// 16-bit signed integer PCM.
    case int16 = "16"
    /// 24-bit signed integer PCM.
    case int24 = "24"
    /// 32-bit IEEE float.
    case float32 = "float"

    public var description: String {
        switch self {
        case .int16: return "16-bit"
        case .int24: return "24-bit"
        case .float32: return "32-bit float"
        }
    }
}

/// The container/codec of an audio file, chosen from the output path's extension.
public enum AudioContainer: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// RIFF WAVE: 16-bit, 24-bit or float PCM.
    case wav
    /// FLAC (lossless): 16-bit or 24-bit.
    case flac
    /// Ogg Vorbis (lossy): the sample format does not apply.
    case ogg

    public var description: String {
        switch self {
        case .wav: return "WAV"
        case .flac: return "FLAC"
        case .ogg: return "Ogg Vorbis"
        }
    }

    /// The container for a file name's extension (`.wav`, `.wave`, `.flac`, `.ogg`, `.oga`; any case).
    public init?(path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "wav", "wave": self = .wav
        case "flac": self = .flac
        case "ogg", "oga": self = .ogg
        default: return nil
        }
    }
}

/// A complete output format: container plus sample format (nil for Ogg Vorbis).
public struct AudioFileFormat: Sendable, Hashable, CustomStringConvertible {
    /// The file's container.
    public let container: AudioContainer
    /// Sample format; nil exactly when the container is Ogg Vorbis.
    public let sampleFormat: SampleFormat?

    /// The format for writing `path`: container from its extension, `sampleFormat` defaulting to 16-bit.
    ///
    /// Throws when the extension is unknown, when FLAC is asked for float samples, or when a sample
    /// format is given for Ogg Vorbis (which has none).
    public init(path: String, sampleFormat: SampleFormat? = nil) throws {
        guard let container = AudioContainer(path: path) else {
            throw RenderError.unsupportedOutputFormat(path: path)
        }
        switch (container, sampleFormat) {
        case (.ogg, nil):
            self.init(container: .ogg, sampleFormat: nil)
        case (.ogg, let format?):
            throw RenderError.sampleFormatUnsupported(path: path, format: "Ogg Vorbis", sampleFormat: format.description)
        case (.flac, .float32?):
            throw RenderError.sampleFormatUnsupported(path: path, format: "FLAC", sampleFormat: "32-bit float")
        case (_, let format):
            self.init(container: container, sampleFormat: format ?? .int16)
        }
    }

    private init(container: AudioContainer, sampleFormat: SampleFormat?) {
        self.container = container
        self.sampleFormat = sampleFormat
    }

    public var description: String {
        sampleFormat.map { "\(container) \($0)" } ?? container.description
    }

    /// The libsndfile `SF_INFO.format` code.
    var sndfileFormat: Int32 {
        let major: Int
        switch container {
        case .wav: major = SF_FORMAT_WAV
        case .flac: major = SF_FORMAT_FLAC
        case .ogg: major = SF_FORMAT_OGG
        }
        let minor: Int
        switch sampleFormat {
        case .int16?: minor = SF_FORMAT_PCM_16
        case .int24?: minor = SF_FORMAT_PCM_24
        case .float32?: minor = SF_FORMAT_FLOAT
        case nil: minor = SF_FORMAT_VORBIS
        }
        return Int32(major | minor)
    }
}
