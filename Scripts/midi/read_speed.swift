// Read speed of the MIDIFile reader over a folder of MIDI files, for Scripts/midi/bench.py, which builds
// this against the release build of the module and runs it beside symusic and mido
// (/work/shared/anchors/midi_parse_ref.py). Not a SwiftPM target (Package.swift is shared); build by hand:
//
//   swift build -c release --scratch-path .build-midi --target MIDIFile
//   swiftc -O -parse-as-library -I .build-midi/release/Modules Scripts/midi/read_speed.swift \
//       .build-midi/release/MIDIFile.build/*.o .build-midi/release/Notation.build/*.o -o .build-midi/midi-read-speed
//   .build-midi/midi-read-speed ../shared/midi-samples 3
//
// Every file (*.mid / *.midi, any case, sorted) is read into memory first; a run repeats whole-corpus passes
// until 2 s have passed and reports the mean per pass, like midi_parse_ref.py. Two modes: the raw reader
// (`MIDIFile(bytes:)`), and the reader plus note pairing (`track.notes()`, what symusic's Score also builds).
// One JSON line per run, with other_procs_cpu_share (the share of the machine other processes used).
import Foundation
import MIDIFile

@main
enum ReadSpeed {
    static func loadCorpus(_ root: String) throws -> [[UInt8]] {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var paths: [String] = []
        while let rel = walker.nextObject() as? String {
            let lower = rel.lowercased()
            if lower.hasSuffix(".mid") || lower.hasSuffix(".midi") { paths.append(rel) }
        }
        return try paths.sorted().map { [UInt8](try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent($0))) }
    }

    /// Busy CPU seconds of the whole machine so far, from /proc/stat (as midi_parse_ref.py measures it).
    static func machineBusySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first else { return 0 }
        let v = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard v.count >= 8 else { return 0 }
        return (v[0..<8].reduce(0, +) - v[3] - v[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// This process's user + system CPU seconds.
    static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// One whole-corpus pass: parse every file (and pair its notes when `pairNotes`), counting what was found.
    static func pass(_ files: [[UInt8]], pairNotes: Bool) -> (events: Int, notes: Int, rejected: Int) {
        var events = 0, notes = 0, rejected = 0
        for bytes in files {
            do {
                let file = try MIDIFile(bytes: bytes)
                for track in file.tracks {
                    events += track.events.count
                    if pairNotes { notes += track.notes().notes.count }
                }
            } catch {
                rejected += 1
            }
        }
        return (events, notes, rejected)
    }

    static func main() throws {
        let args = CommandLine.arguments
        let root = args.count > 1 ? args[1] : "../shared/midi-samples"
        let files = try loadCorpus(root)
        let totalBytes = files.reduce(0) { $0 + $1.count }
        let repeats = Int(args.count > 2 ? args[2] : "") ?? 3
        for (label, pairNotes) in [("tunesmith-read", false), ("tunesmith-read+notes", true)] {
            var seen: (events: Int, notes: Int, rejected: Int)?
            for run in 0..<repeats {
                let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
                let m0 = Self.machineBusySeconds(), c0 = Self.ownCPUSeconds()
                let start = ContinuousClock.now
                var passes = 0
                var elapsed = Duration.zero
                repeat {
                    let result = Self.pass(files, pairNotes: pairNotes)
                    if let seen, result != seen { fatalError("passes read different events: \(result) vs \(seen)") }
                    seen = result
                    passes += 1
                    elapsed = ContinuousClock.now - start
                } while elapsed < .seconds(2)
                let total = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                let wall = total / Double(passes)
                let other = ((Self.machineBusySeconds() - m0) - (Self.ownCPUSeconds() - c0)) / (total * cores)
                let line: [String: Any] = [
                    "lib": label, "run": run, "wall_s": wall, "passes": passes, "files": files.count,
                    "bytes": totalBytes, "mb_per_s": Double(totalBytes) / 1e6 / wall,
                    "other_procs_cpu_share": (other * 1000).rounded() / 1000,
                    "events": seen!.events, "notes": seen!.notes, "rejected": seen!.rejected,
                ]
                let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
                print(String(decoding: json, as: UTF8.self))
            }
            if seen!.rejected == files.count { fatalError("every file was rejected: wrong --root?") }
        }
    }
}
