import Foundation
import Harmony
import MIDIFile
import Models
import NeuralCore
import Notation
import Rendering
import Testing
import Tokens
@testable import Engine

/// Generating and rendering from several threads at once gives the same bytes as doing it serially.
///
/// One `Composer` (one model value, one novelty index) and one `MIDIRenderer` are shared by every job;
/// 8 jobs (different styles, seeds, keys, sampling) run on 4 threads started for the purpose, two jobs
/// each, and each job's bytes are compared with the same job run alone on the test's thread. The same
/// tests run under the thread sanitizer with `Scripts/tsan.sh`.
@Suite struct ComposerConcurrencyTests {
    /// One generation: what differs between the jobs.
    struct Job: Sendable, CustomStringConvertible {
        var style: Style
        var bars: Int
        var seed: UInt64
        var key: String?
        var sampling = SamplingOptions()

        func request() throws -> CompositionRequest {
            var r = CompositionRequest(style: style, bars: bars, seed: seed, sampling: sampling)
            if let key { r.key = try Key(parsing: key) }
            return r
        }

        var description: String { "\(style.name) \(bars) bars seed \(seed)" }
    }

    /// Eight different jobs: six styles, keys drawn and given, plain and filtered sampling.
    static let jobs: [Job] = [
        Job(style: .reel, bars: 8, seed: 1),
        Job(style: .jig, bars: 8, seed: 2, key: "Ador"),
        Job(style: .waltz, bars: 8, seed: 3),
        Job(style: .hornpipe, bars: 4, seed: 4, sampling: SamplingOptions(temperature: 0.8, topK: 8)),
        Job(style: .folk, bars: 8, seed: 5, key: "Em"),
        Job(style: .polka, bars: 8, seed: 6, sampling: SamplingOptions(temperature: 1.2, topP: 0.9)),
        Job(style: .slipJig, bars: 4, seed: 7),
        Job(style: .reel, bars: 8, seed: 8, key: "G"),
    ]

    static let threadCount = 4

    /// The same SoundFont the Rendering tests use (`Fixtures.soundFontPath` there): TimGM6mb, from the
    /// Debian package timgm6mb-soundfont that libfluidsynth3 depends on (GPL-2, Tim Brechbill).
    static let soundFontPath = "/usr/share/sounds/sf2/TimGM6mb.sf2"

    /// MIDI bytes of each job, composed by `composer`.
    static func midi(_ composer: Composer, _ job: Job) throws -> [UInt8] {
        try MIDIFile(score: try composer.compose(try job.request()).score).bytes()
    }

    /// Serial results, then the same jobs on `threadCount` threads; every job's bytes must match.
    static func expectSameBytesConcurrently(_ label: String, _ work: @escaping @Sendable (Int) throws -> [UInt8]) throws {
        let serial = try jobs.indices.map { try work($0) }
        #expect(Set(serial).count == jobs.count, "\(label): the jobs should all give different bytes")
        let concurrent = ThreadedJobs.run(count: jobs.count, threads: threadCount, work)
        for (i, result) in concurrent.enumerated() {
            let same = try result.get() == serial[i]  // a Bool, so a failure prints the message, not the bytes
            #expect(same, "\(label): \(jobs[i]) gave different bytes on a worker thread")
        }
    }

    @Test func lstmComposesTheSameBytesOnFourThreads() throws {
        let composer = try Composer(model: try Self.tinyLSTM(), noveltyIndex: try NoveltyIndex.bundled())
        try Self.expectSameBytesConcurrently("LSTM") { try Self.midi(composer, Self.jobs[$0]) }
    }

    @Test func transformerComposesTheSameBytesOnFourThreads() throws {
        let composer = try Composer(model: try Self.tinyTransformer(), noveltyIndex: try NoveltyIndex.bundled())
        try Self.expectSameBytesConcurrently("tiny transformer") { try Self.midi(composer, Self.jobs[$0]) }
    }

    /// Composed tunes rendered to WAV files by one shared renderer: each file's bytes as when rendered alone.
    @Test func renderingComposedTunesGivesTheSameWAVBytesOnFourThreads() throws {
        let composer = try Composer(model: try Self.tinyLSTM(), noveltyIndex: try NoveltyIndex.bundled())
        // Four bars each (6–12 s of audio): rendering dominates this test's time.
        let tunes = try Self.jobs.map { job in var short = job; short.bars = 4; return try Self.midi(composer, short) }
        let renderer = try MIDIRenderer(soundFont: SoundFont(path: Self.soundFontPath, origin: "test"))
        let folder = NSTemporaryDirectory() + "tunesmith-concurrency-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let format = try AudioFileFormat(path: "tune.wav")
        let pass = ThreadedJobs.Counter()
        try Self.expectSameBytesConcurrently("render") { i in
            // A fresh file name per run, so the serial and the concurrent file are both read back.
            let path = folder + "/job\(i)-run\(pass.next()).wav"
            try renderer.render(midi: tunes[i], source: "job \(i)").write(to: path, format: format)
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        }
    }

    /// An LSTM built in the test (2 layers of 36, embedding 20, random weights from seed 5). The shipped
    /// model composes a tune in about 2 s of CPU in a debug build, too slow for 16 tunes per test; this one
    /// runs the same code (layer 0's folded table, the k ≥ 1 layers, the SIMD product's 8-column remainder:
    /// 36 is not a multiple of 8) in milliseconds. `ComposerDeterminismTests` uses the shipped one.
    static func tinyLSTM() throws -> LSTMMelodyModel {
        let configuration = LSTMLanguageModel.Configuration(
            vocabularySize: Vocabulary.standard.count, embeddingSize: 20, hiddenSize: 36, layerCount: 2)
        return LSTMMelodyModel(network: try LSTMLanguageModel(configuration: configuration, seed: 5))
    }

    /// A transformer built in the test (2 layers × 32 wide, 2 heads, random weights from seed 11): its
    /// samples are not music, but its products and attention run the same code as a trained one's.
    static func tinyTransformer() throws -> TransformerMelodyModel {
        let configuration = TransformerLanguageModel.Configuration(
            vocabularySize: Vocabulary.standard.count, width: 32, layerCount: 2, headCount: 2, feedForwardSize: 64, context: 128)
        return TransformerMelodyModel(network: try TransformerLanguageModel(configuration: configuration, seed: 11))
    }
}

/// Runs jobs on threads started for the purpose (not Swift's cooperative pool, which has one thread per
/// core: two on a 2-core machine): thread t runs jobs t, t + threads, t + 2·threads, …; results in job order.
enum ThreadedJobs {
    static func run<T: Sendable>(count: Int, threads: Int, _ work: @escaping @Sendable (Int) throws -> T) -> [Result<T, any Error>] {
        let slots = Slots<T>(count: count)
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            let thread = Thread {
                for i in Swift.stride(from: t, to: count, by: threads) {
                    slots.store(Result { try work(i) }, at: i)
                }
                group.leave()
            }
            thread.stackSize = 8 << 20  // the main thread's size: debug builds use deep stacks
            thread.start()
        }
        group.wait()
        return slots.all()
    }

    /// Result slots written by the worker threads. `@unchecked Sendable`: every access holds the lock.
    final class Slots<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [Result<T, any Error>?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func store(_ result: Result<T, any Error>, at index: Int) { lock.withLock { results[index] = result } }

        func all() -> [Result<T, any Error>] { lock.withLock { results.map { $0! } } }
    }

    /// A number shared by threads. `@unchecked Sendable`: every access holds the lock.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0

        func next() -> Int { lock.withLock { value += 1; return value } }
    }
}
