import Foundation
import Notation
import Tokens

/// A run of melody notes shared with a corpus tune.
public struct SharedRun: Sendable, Hashable, Codable {
    /// Notes in the longest shared stretch (0 when no run of ``NoveltyIndex/runLength`` notes is shared;
    /// otherwise 11 + the number of consecutive shared 12-note windows).
    public var length: Int
    /// The corpus tune it shares it with (`oneills1850:123 "Title"`), nil when none.
    public var tune: String?
    /// Index of the run's first note in the melody.
    public var firstNote: Int?
}

/// The corpus's runs of 12 notes, hashed, so generation can check novelty without parsing the corpus.
///
/// A note is (pitch in semitones above the tonic reference, as the tokens write it; duration). A run's
/// hash is FNV-1a 64 over its 12 notes (offset, duration numerator, denominator as little-endian Int32s).
/// File layout (`novelty.bin`, little-endian): `TSNOVEL1`, count (UInt64), tune count (UInt64), then
/// count hashes (UInt64, sorted ascending, unique), count tune numbers (UInt16, the first tune holding
/// that run), then the tune names (UTF-8, one per line).
public struct NoveltyIndex: Sendable {
    /// Notes per run (the novelty rule: no run of this many notes shared with a corpus tune).
    public static let runLength = 12
    static let magic = Array("TSNOVEL1".utf8)

    /// Sorted unique run hashes.
    public let hashes: [UInt64]
    let tuneNumbers: [UInt16]
    /// Names of the indexed tunes.
    public let tuneNames: [String]

    /// An index over `tunes` (name, melody); a run in several tunes keeps the first tune's name.
    public init(tunes: [(name: String, melody: Melody)]) {
        var first: [UInt64: UInt16] = [:]
        for (i, tune) in tunes.enumerated() {
            for h in Self.runHashes(of: tune.melody) where first[h] == nil { first[h] = UInt16(truncatingIfNeeded: i) }
        }
        let sorted = first.sorted { $0.key < $1.key }
        hashes = sorted.map(\.key)
        tuneNumbers = sorted.map(\.value)
        tuneNames = tunes.map(\.name)
    }

    /// The notes of a melody as (offset above the tonic reference, duration).
    public static func notes(of melody: Melody) -> [(offset: Int, duration: Rational)] {
        let reference = Melody.tonicReference(melody.key)
        return melody.notes.map { ($0.pitch.midi - reference, $0.duration) }
    }

    /// The hash of every run of ``runLength`` consecutive notes, in order.
    public static func runHashes(of melody: Melody) -> [UInt64] {
        let notes = notes(of: melody)
        guard notes.count >= runLength else { return [] }
        var result: [UInt64] = []
        result.reserveCapacity(notes.count - runLength + 1)
        for start in 0...(notes.count - runLength) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ v: Int) {
                let u = UInt32(truncatingIfNeeded: v)
                for shift in stride(from: 0, to: 32, by: 8) {
                    h ^= UInt64((u >> UInt32(shift)) & 0xFF)
                    h = h &* 0x0000_0100_0000_01B3
                }
            }
            for n in notes[start..<(start + runLength)] {
                mix(n.offset)
                mix(n.duration.numerator)
                mix(n.duration.denominator)
            }
            result.append(h)
        }
        return result
    }

    /// The position of `hash` in the index, or nil.
    func find(_ hash: UInt64) -> Int? {
        var lo = 0, hi = hashes.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if hashes[mid] < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < hashes.count && hashes[lo] == hash ? lo : nil
    }

    /// True when the corpus holds a run with this hash.
    public func contains(_ hash: UInt64) -> Bool { find(hash) != nil }

    /// The longest stretch of consecutive shared 12-note windows of `melody`, as a run length and the tune
    /// holding its first window.
    public func longestSharedRun(of melody: Melody) -> SharedRun {
        var best = SharedRun(length: 0, tune: nil, firstNote: nil)
        var streak = 0
        for (i, h) in Self.runHashes(of: melody).enumerated() {
            if let at = find(h) {
                streak += 1
                let length = Self.runLength - 1 + streak
                if length > best.length {
                    let start = i - streak + 1
                    let number = Int(tuneNumbers[at])
                    best = SharedRun(length: length, tune: number < tuneNames.count ? tuneNames[number] : nil, firstNote: start)
                }
            } else {
                streak = 0
            }
        }
        return best
    }

    /// The file's bytes (layout in the type's comment).
    public func bytes() -> [UInt8] {
        var out = Self.magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt64(hashes.count))
        put(UInt64(tuneNames.count))
        for h in hashes { put(h) }
        for t in tuneNumbers { put(t) }
        out.append(contentsOf: Array(tuneNames.joined(separator: "\n").utf8))
        return out
    }

    /// Reads an index file's bytes; throws naming the byte offset where it is damaged.
    public init(bytes: [UInt8], name: String = "novelty.bin") throws(EngineError) {
        guard bytes.count >= 24, Array(bytes[0..<8]) == Self.magic else {
            throw .resource(name: name, reason: "no TSNOVEL1 header at byte 0")
        }
        func word(_ at: Int) -> UInt64 {
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[at + k]) << (8 * UInt64(k)) }
            return v
        }
        let count = Int(word(8)), tunes = Int(word(16))
        let hashEnd = 24 + count * 8, numberEnd = hashEnd + count * 2
        guard count >= 0, numberEnd <= bytes.count else {
            throw .resource(name: name, reason: "\(count) runs need \(numberEnd) bytes, the file has \(bytes.count)")
        }
        var hashes = [UInt64](repeating: 0, count: count)
        var numbers = [UInt16](repeating: 0, count: count)
        bytes.withUnsafeBytes { raw in
            for i in 0..<count { hashes[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 24 + i * 8, as: UInt64.self)) }
            for i in 0..<count { numbers[i] = UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: hashEnd + i * 2, as: UInt16.self)) }
        }
        for i in 1..<max(count, 1) where hashes[i - 1] >= hashes[i] {
            throw .resource(name: name, reason: "hashes not sorted at byte \(24 + i * 8)")
        }
        let names = String(decoding: bytes[numberEnd...], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard names.count == tunes else {
            throw .resource(name: name, reason: "\(names.count) tune names after byte \(numberEnd), expected \(tunes)")
        }
        self.hashes = hashes
        tuneNumbers = numbers
        tuneNames = names
    }

    /// The index built from the corpus and shipped in the Engine module's resources.
    public static func bundled() throws(EngineError) -> NoveltyIndex {
        guard let url = Bundle.module.url(forResource: "novelty", withExtension: "bin"),
              let data = FileManager.default.contents(atPath: url.path) else {
            throw .resource(name: "novelty.bin", reason: "not found in the Engine module's resources")
        }
        return try NoveltyIndex(bytes: [UInt8](data))
    }
}
