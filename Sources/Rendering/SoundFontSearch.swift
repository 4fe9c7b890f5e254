import Foundation

/// A SoundFont file that passed FluidSynth's `fluid_is_soundfont` check, and where it was found.
public struct SoundFont: Sendable, Hashable, CustomStringConvertible {
    /// Path to the .sf2/.sf3 file.
    public let path: String
    /// Which search step found it (for example `--soundfont` or `/usr/share/sounds/sf2`).
    public let origin: String

    /// Checks `path` with `fluid_is_soundfont`; `origin` names who asked for it in the error.
    public init(path: String, origin: String) throws {
        guard try Self.isSoundFont(path) else { throw RenderError.soundFontInvalid(path: path, origin: origin) }
        self.path = path
        self.origin = origin
    }

    public var description: String { "\(path) (from \(origin))" }

    /// Whether `path` is a readable SoundFont (cheap: reads the RIFF header only, prints nothing).
    /// Throws when libfluidsynth itself cannot be loaded.
    static func isSoundFont(_ path: String) throws(RenderError) -> Bool {
        let fluid = try AudioLibraries.fluidSynth()
        FluidLog.install(fluid)
        return fluid.isSoundFont(path) != 0
    }
}

/// Finds the SoundFont to render with. The search order, first hit wins:
///
/// 1. an explicit path (`--soundfont`): must be valid, no fallback;
/// 2. `$TUNESMITH_SOUNDFONT` when set and not empty: must be valid, no fallback;
/// 3. the package's `Soundfonts/` folder: the nearest folder named `Soundfonts` in the executable's
///    folder or any folder above it (so `.build/release/compose` finds `<package>/Soundfonts`);
///    the first `.sf2`/`.sf3` file in it by name;
/// 4. `/usr/share/sounds/sf2`: `default-GM.sf2`, then `FluidR3_GM.sf2`, then `TimGM6mb.sf2`.
///
/// When nothing is found the error lists every place looked at.
public struct SoundFontSearch: Sendable, Hashable {
    /// The environment variable consulted in step 2.
    public static let environmentVariable = "TUNESMITH_SOUNDFONT"
    /// The folder searched in step 4 (Debian's SoundFont packages install here).
    public static let systemFolder = "/usr/share/sounds/sf2"
    /// The files looked for in the system folder, in order of preference.
    public static let systemFileNames = ["default-GM.sf2", "FluidR3_GM.sf2", "TimGM6mb.sf2"]

    /// Step 1: a path given by the user, and the name of the option that gave it.
    public var explicitPath: String?
    /// Name of the option behind `explicitPath`, used in errors.
    public var explicitOrigin = "--soundfont"
    /// Step 2: the value of `$TUNESMITH_SOUNDFONT`.
    public var environmentValue: String?
    /// Step 3 starts from this executable's folder.
    public var executablePath: String?
    /// Step 4's folder.
    public var systemFolder = SoundFontSearch.systemFolder

    /// A search from the current process: its environment and its executable's location.
    public init(explicitPath: String? = nil) {
        self.explicitPath = explicitPath
        self.environmentValue = ProcessInfo.processInfo.environment[Self.environmentVariable]
        self.executablePath = Self.currentExecutablePath()
    }

    /// A search with every input given (for tests, or embedding applications).
    public init(explicitPath: String?, environmentValue: String?, executablePath: String?, systemFolder: String) {
        self.explicitPath = explicitPath
        self.environmentValue = environmentValue
        self.executablePath = executablePath
        self.systemFolder = systemFolder
    }

    /// Runs the search.
    public func locate() throws -> SoundFont {
        if let explicitPath {
            return try SoundFont(path: explicitPath, origin: explicitOrigin)
        }
        var searched: [String] = ["--soundfont (not given)"]
        if let value = environmentValue, !value.isEmpty {
            return try SoundFont(path: value, origin: "$\(Self.environmentVariable)")
        }
        searched.append("$\(Self.environmentVariable) (not set)")

        if let folder = packageSoundFontFolder() {
            if let file = try soundFontFiles(in: folder).first(where: SoundFont.isSoundFont) {
                return try SoundFont(path: file, origin: folder)
            }
            searched.append("\(folder) (no .sf2/.sf3 file)")
        } else if let executablePath {
            let start = (executablePath as NSString).deletingLastPathComponent
            searched.append("Soundfonts/ in \(start) and its parents (none)")
        } else {
            searched.append("Soundfonts/ next to the executable (executable path unknown)")
        }

        for name in Self.systemFileNames {
            let path = "\(systemFolder)/\(name)"
            if try SoundFont.isSoundFont(path) { return try SoundFont(path: path, origin: systemFolder) }
        }
        searched.append("\(systemFolder)/{\(Self.systemFileNames.joined(separator: ","))} (missing)")
        throw RenderError.soundFontNotFound(searched: searched)
    }

    /// The nearest `Soundfonts` folder at or above the executable's folder, if any.
    public func packageSoundFontFolder() -> String? {
        guard let executablePath else { return nil }
        var folder = (URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().path as NSString)
            .deletingLastPathComponent
        while true {
            let candidate = (folder as NSString).appendingPathComponent("Soundfonts")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
            let parent = (folder as NSString).deletingLastPathComponent
            if parent == folder || parent.isEmpty { return nil }
            folder = parent
        }
    }

    /// The `.sf2`/`.sf3` files in `folder`, sorted by name.
    private func soundFontFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names
            .filter { $0.lowercased().hasSuffix(".sf2") || $0.lowercased().hasSuffix(".sf3") }
            .sorted()
            .map { "\(folder)/\($0)" }
    }

    /// This process's executable, symlinks resolved (Linux: /proc/self/exe; elsewhere argv[0]).
    static func currentExecutablePath() -> String? {
        if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return resolved
        }
        return CommandLine.arguments.first.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
    }
}
