import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
/// that run), then the tune names (UTF-8, one per line). The bundled file is memory-mapped, so a lookup
/// touches only the pages its binary search reads (start-up stays small).
public struct NoveltyIndex: Sendable {
    /// Notes per run (the novelty rule: no run of this many notes shared with a corpus tune).
    public static let runLength = 12
    static let magic = Array("TSNOVEL1".utf8)

    let storage: IndexBytes
    /// Number of distinct runs.
    public let count: Int
    let tuneCount: Int

    /// An index over `tunes` (name, melody); a run in several tunes keeps the first tune's name.
    public init(tunes: [(name: String, melody: Melody)]) {
        var first: [UInt64: UInt16] = [:]
        for (i, tune) in tunes.enumerated() {
            for h in Self.runHashes(of: tune.melody) where first[h] == nil { first[h] = UInt16(truncatingIfNeeded: i) }
        }
        let sorted = first.sorted { $0.key < $1.key }
        var out = Self.magic
        func put<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        put(UInt64(sorted.count))
        put(UInt64(tunes.count))
        for entry in sorted { put(entry.key) }
        for entry in sorted { put(entry.value) }
        out.append(contentsOf: Array(tunes.map(\.name).joined(separator: "\n").utf8))
        storage = IndexBytes(array: out)
        count = sorted.count
        tuneCount = tunes.count
    }

    /// The sorted unique run hashes (a copy; for checks).
    public var hashes: [UInt64] { (0..<count).map(hash(at:)) }

    /// Names of the indexed tunes (`collection:number "Title"`).
    public var tuneNames: [String] {
        let start = 24 + count * 10
        let names = String(decoding: UnsafeRawBufferPointer(rebasing: storage.buffer[start...]), as: UTF8.self)
        return names.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    func hash(at i: Int) -> UInt64 {
        UInt64(littleEndian: storage.buffer.loadUnaligned(fromByteOffset: 24 + i * 8, as: UInt64.self))
    }

    func tuneNumber(at i: Int) -> Int {
        Int(UInt16(littleEndian: storage.buffer.loadUnaligned(fromByteOffset: 24 + count * 8 + i * 2, as: UInt16.self)))
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
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if self.hash(at: mid) < hash { lo = mid + 1 } else { hi = mid }
        }
        return lo < count && self.hash(at: lo) == hash ? lo : nil
    }

    /// True when the corpus holds a run with this hash.
    public func contains(_ hash: UInt64) -> Bool { find(hash) != nil }

    /// The longest stretch of consecutive shared 12-note windows of `melody`, as a run length and the tune
    /// holding its first window.
    public func longestSharedRun(of melody: Melody) -> SharedRun {
        var best = SharedRun(length: 0, tune: nil, firstNote: nil)
        var bestWindow: Int?                      // index position of the best stretch's first window
        var streak = 0, streakWindow = 0
        for (i, h) in Self.runHashes(of: melody).enumerated() {
            guard let at = find(h) else { streak = 0; continue }
            if streak == 0 { streakWindow = at }
            streak += 1
            let length = Self.runLength - 1 + streak
            if length > best.length {
                best = SharedRun(length: length, tune: nil, firstNote: i - streak + 1)
                bestWindow = streakWindow
            }
        }
        if let window = bestWindow {
            let names = tuneNames, number = tuneNumber(at: window)
            best.tune = number < names.count ? names[number] : nil
        }
        return best
    }

    /// The file's bytes (layout in the type's comment).
    public func bytes() -> [UInt8] { Array(storage.buffer) }

    /// Reads an index file's bytes; throws naming the byte offset where it is damaged.
    public init(bytes: [UInt8], name: String = "novelty.bin") throws(EngineError) {
        try self.init(storage: IndexBytes(array: bytes), name: name)
    }

    init(storage: IndexBytes, name: String) throws(EngineError) {
        let buffer = storage.buffer
        guard buffer.count >= 24, Array(buffer[0..<8]) == Self.magic else {
            throw .resource(name: name, reason: "no TSNOVEL1 header at byte 0")
        }
        let count = Int(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        let tunes = Int(UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: 16, as: UInt64.self)))
        guard count >= 0, count < buffer.count, 24 + count * 10 <= buffer.count else {
            throw .resource(name: name, reason: "\(count) runs need \(24 + count * 10) bytes, the file has \(buffer.count)")
        }
        self.storage = storage
        self.count = count
        self.tuneCount = tunes
        // Spot-check the order (a full pass would read every page of a mapped file).
        for i in Swift.stride(from: 1, to: count, by: max(count / 64, 1)) where hash(at: i - 1) >= hash(at: i) {
            throw .resource(name: name, reason: "hashes not sorted at byte \(24 + i * 8)")
        }
    }

    /// Checks the whole file: every hash in order and the tune-name count (for tests and tools).
    public func validateFully() throws(EngineError) {
        for i in Swift.stride(from: 1, to: count, by: 1) where hash(at: i - 1) >= hash(at: i) {
            throw .resource(name: "novelty.bin", reason: "hashes not sorted at byte \(24 + i * 8)")
        }
        guard tuneNames.count == tuneCount else {
            throw .resource(name: "novelty.bin", reason: "\(tuneNames.count) tune names, the header says \(tuneCount)")
        }
    }

    /// The index built from the corpus and shipped in the Engine module's resources (memory-mapped).
    public static func bundled() throws(EngineError) -> NoveltyIndex {
        let path = try EngineResources.path("novelty", "bin")
        return try NoveltyIndex(storage: try IndexBytes(mapping: path), name: path)
    }
}

/// Read-only bytes of an index: an array, or a file mapped into memory (unmapped when released).
final class IndexBytes: @unchecked Sendable {
    // @unchecked: the bytes are never written after init.
    let buffer: UnsafeRawBufferPointer
    private let owned: [UInt8]?
    private let mapped: Bool

    init(array: [UInt8]) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(array.count, 1), alignment: 8)
        copy.copyBytes(from: array)
        buffer = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(copy)[0..<array.count])
        owned = nil
        mapped = false
    }

    init(mapping path: String) throws(EngineError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .resource(name: path, reason: "cannot open it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, st.st_size > 0 else { throw .resource(name: path, reason: "empty or unreadable") }
        let size = Int(st.st_size)
        guard let base = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), base != MAP_FAILED else {
            throw .resource(name: path, reason: "cannot map it: \(String(cString: strerror(errno)))")
        }
        buffer = UnsafeRawBufferPointer(start: base, count: size)
        owned = nil
        mapped = true
    }

    deinit {
        if mapped { munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count) }
        else { buffer.baseAddress.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
    }
}
