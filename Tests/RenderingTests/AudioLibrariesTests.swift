import Testing
@testable import Rendering

@Suite struct AudioLibrariesTests {
    @Test func bothLibrariesOpenAndHaveEveryFunction() throws {
        _ = try AudioLibraries.fluidSynth()
        _ = try AudioLibraries.sndFile()
    }

    @Test func aMissingLibraryNamesItAndEverySonameTried() {
        do {
            _ = try SharedLibrary(names: ["libtunesmith-absent.so.9", "libtunesmith-absent.so"], label: "libabsent")
            Issue.record("opening a library that does not exist succeeded")
        } catch {
            guard case let .libraryUnavailable(library, detail) = error else { Issue.record("wrong error \(error)"); return }
            #expect(library == "libabsent")
            #expect(detail.contains("libtunesmith-absent.so.9") && detail.contains("libtunesmith-absent.so:"))
            #expect(error.description.contains("apt-get install"))
        }
    }

    @Test func aMissingFunctionIsNamed() throws {
        let library = try SharedLibrary(names: AudioLibraries.sndFileNames, label: "libsndfile")
        do {
            let _: @convention(c) () -> Void = try library.function("sf_no_such_function")
            Issue.record("looking up a function that does not exist succeeded")
        } catch {
            #expect(error == .libraryUnavailable(library: "libsndfile", detail: "it has no function sf_no_such_function; a FluidSynth 2.x / libsndfile 1.x is needed"))
        }
    }
}
