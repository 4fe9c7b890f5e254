import Foundation
import MIDIFile

/// The real MIDI files in /work/shared/midi-samples (written by others; see that folder's README.md for
/// where they came from). `TUNESMITH_MIDI_SAMPLES` points elsewhere; tests using it are skipped when
/// the folder is absent.
enum SampleCorpus {
    static let root: String = {
        if let path = ProcessInfo.processInfo.environment["TUNESMITH_MIDI_SAMPLES"] { return path }
        // Tests/MIDIFileTests/SampleCorpus.swift -> repository root -> ../shared/midi-samples
        let here = URL(fileURLWithPath: #filePath)
        return here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("shared/midi-samples").path
    }()

    static var isAvailable: Bool { !relativePaths.isEmpty }

    /// Every *.mid / *.midi file under `root`, relative to it, sorted (the order midi_parse_ref.py uses).
    static let relativePaths: [String] = {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var out: [String] = []
        while let rel = walker.nextObject() as? String {
            let lower = rel.lowercased()
            if lower.hasSuffix(".mid") || lower.hasSuffix(".midi") { out.append(rel) }
        }
        return out.sorted()
    }()

    /// The bytes of every sample file, in `relativePaths` order.
    static func load() throws -> [(path: String, bytes: [UInt8])] {
        try relativePaths.map { rel in
            let data = try Data(contentsOf: URL(fileURLWithPath: root).appendingPathComponent(rel))
            return (rel, [UInt8](data))
        }
    }
}
