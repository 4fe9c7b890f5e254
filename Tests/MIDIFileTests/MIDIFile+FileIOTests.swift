import Foundation
import Testing
import MIDIFile

/// Reading and writing files on disk: atomic replacement, and errors that name the path.
struct MIDIFileFileIOTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("midifile-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesThenReadsTheSameFileAndReplacesAnOldOne() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("song.mid").path
        try Data("old contents".utf8).write(to: URL(fileURLWithPath: path))
        let file = try MIDIFile(bytes: Fixtures.smallFormat0)
        try file.write(toFile: path)
        #expect(try MIDIFile(contentsOfFile: path) == file)
        // Only the file itself is left in the folder: the temporary file was renamed over it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["song.mid"])
    }

    @Test func aMissingFileOrFolderIsAnErrorNamingThePath() throws {
        let missing = "/nonexistent-folder-for-midifile-tests/song.mid"
        #expect(throws: MIDIFileError.self) { try MIDIFile(contentsOfFile: missing) }
        do { _ = try MIDIFile(contentsOfFile: missing) } catch { #expect(error.description.hasPrefix(missing)) }
        let file = try MIDIFile(bytes: Fixtures.smallFormat0)
        do {
            try file.write(toFile: missing)
            Issue.record("writing into a missing folder should fail")
        } catch {
            #expect(error.description.hasPrefix(missing + ": cannot write"))
        }
    }

    @Test func anUnwritableFileLeavesTheOldFileUntouched() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("keep.mid").path
        try Data(Fixtures.smallFormat0).write(to: URL(fileURLWithPath: path))
        // A file the writer refuses (no tracks) must not touch what is on disk.
        let bad = MIDIFile(format: .singleTrack, division: .ticksPerQuarter(96), tracks: [])
        #expect(throws: MIDIFileError.trackCountOutOfRange(0)) { try bad.write(toFile: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(Fixtures.smallFormat0))
    }
}
