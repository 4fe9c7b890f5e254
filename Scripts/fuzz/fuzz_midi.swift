// libFuzzer entry point for the MIDIFile reader and writer (built by Scripts/fuzz/run.sh midi; not a SwiftPM
// target, since Package.swift is shared). For every input it checks:
//   - reading never traps (a MIDIFileError is a fine outcome; it must name a byte offset inside the input);
//   - a file that reads is written, and the bytes read back equal the file (plus a closing end-of-track
//     where a track lacked one), and writing those again gives the same bytes;
//   - note pairing and the Score conversion never trap, and a converted score writes and reads back.
import MIDIFile

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let file: MIDIFile
    do {
        file = try MIDIFile(bytes: bytes)
    } catch {
        guard let offset = error.offset, offset >= 0, offset <= size else { fatalError("bad offset in \(error)") }
        return 0
    }
    let written: [UInt8]
    do { written = try file.bytes() } catch { fatalError("a file that was read cannot be written: \(error)") }
    guard let reread = try? MIDIFile(bytes: written), reread.tracks.count == file.tracks.count else {
        fatalError("written bytes do not read back")
    }
    for (a, b) in zip(file.tracks, reread.tracks) {
        var expected = a.events
        if case .meta(.endOfTrack)? = expected.last?.event {} else {
            expected.append(MIDITrackEvent(tick: expected.last?.tick ?? 0, event: .meta(.endOfTrack)))
        }
        if b.events != expected { fatalError("read -> write -> read changed the events") }
    }
    if (try? reread.bytes()) != written { fatalError("writing is not stable") }
    for track in file.tracks { _ = track.notes() }
    if let score = try? file.score(), let tpq = file.division.ticksPerQuarter {
        // Scores from fuzzed files may hold values the writer refuses (e.g. 8 sharps); it must throw, not trap.
        if let again = try? MIDIFile(score: score, ticksPerQuarter: tpq), let back = try? again.bytes() {
            _ = try? MIDIFile(bytes: back).score()
        }
    }
    return 0
}
