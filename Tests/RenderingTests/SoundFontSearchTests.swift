import Foundation
import Testing
@testable import Rendering

/// Search-order tests in throwaway folders: real SoundFonts are linked in (TimGM6mb, see Fixtures).
@Suite struct SoundFontSearchTests {
    /// A fake package: `<root>/Soundfonts/` and an executable path `<root>/.build/debug/compose`,
    /// plus an empty system folder `<root>/sf2`.
    struct Layout {
        let root: String
        var soundfonts: String { root + "/Soundfonts" }
        var executable: String { root + "/.build/debug/compose" }
        var system: String { root + "/sf2" }

        init() throws {
            root = try Fixtures.temporaryFolder()
            for folder in [soundfonts, root + "/.build/debug", system] {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
        }

        func link(_ path: String) throws {
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: Fixtures.soundFontPath)
        }

        func search(explicit: String? = nil, environment: String? = nil) -> SoundFontSearch {
            SoundFontSearch(explicitPath: explicit, environmentValue: environment, executablePath: executable, systemFolder: system)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    @Test func explicitPathWinsOverEverythingElse() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link(layout.soundfonts + "/A.sf2")
        try layout.link(layout.root + "/mine.sf2")
        try layout.link(layout.root + "/env.sf2")
        let found = try layout.search(explicit: layout.root + "/mine.sf2", environment: layout.root + "/env.sf2").locate()
        #expect(found == (try SoundFont(path: layout.root + "/mine.sf2", origin: "--soundfont")))
    }

    @Test func environmentVariableComesSecond() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link(layout.soundfonts + "/A.sf2")
        try layout.link(layout.root + "/env.sf2")
        let found = try layout.search(environment: layout.root + "/env.sf2").locate()
        #expect(found.path == layout.root + "/env.sf2" && found.origin == "$TUNESMITH_SOUNDFONT")
    }

    @Test func packageFolderAboveTheExecutableComesThirdFirstFileByName() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link(layout.soundfonts + "/B.sf2")
        try layout.link(layout.soundfonts + "/A.sf2")
        try layout.link(layout.system + "/default-GM.sf2")
        let found = try layout.search(environment: "").locate()
        #expect(found.path == layout.soundfonts + "/A.sf2" && found.origin == layout.soundfonts)
    }

    @Test func systemFolderPrefersFluidR3OverTimGM6mb() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link(layout.system + "/TimGM6mb.sf2")
        try layout.link(layout.system + "/FluidR3_GM.sf2")
        #expect(try layout.search().locate().path == layout.system + "/FluidR3_GM.sf2")
    }

    @Test func nothingFoundListsEveryPlaceSearched() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try Data("not a soundfont".utf8).write(to: URL(fileURLWithPath: layout.soundfonts + "/broken.sf2"))
        #expect(throws: RenderError.soundFontNotFound(searched: [
            "--soundfont (not given)", "$TUNESMITH_SOUNDFONT (not set)",
            "\(layout.soundfonts) (no .sf2/.sf3 file)",
            "\(layout.system)/{default-GM.sf2,FluidR3_GM.sf2,TimGM6mb.sf2} (missing)",
        ])) { try layout.search().locate() }
    }

    @Test func invalidExplicitPathIsAnErrorNotAFallback() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try layout.link(layout.system + "/default-GM.sf2")
        #expect(throws: RenderError.soundFontInvalid(path: "/nonexistent.sf2", origin: "--soundfont")) {
            try layout.search(explicit: "/nonexistent.sf2").locate()
        }
        #expect(throws: RenderError.soundFontInvalid(path: "/nonexistent.sf2", origin: "$TUNESMITH_SOUNDFONT")) {
            try layout.search(environment: "/nonexistent.sf2").locate()
        }
    }

    @Test func thisPackagesSoundfontsFolderIsFoundFromTheTestExecutable() throws {
        // The test binary lives under <package>/.build-*/…, so the search finds <package>/Soundfonts.
        let folder = try #require(SoundFontSearch().packageSoundFontFolder())
        #expect(FileManager.default.fileExists(atPath: folder + "/README.md"))
    }

    @Test func errorMessageIsOneLine() {
        let message = RenderError.soundFontNotFound(searched: ["a", "b"]).description
        #expect(!message.contains("\n"))
        #expect(message.contains("searched a, b"))
    }
}
