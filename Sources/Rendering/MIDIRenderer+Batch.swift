import Foundation

/// One file of a batch: which MIDI file to render, and where to.
public struct RenderJob: Sendable, Hashable {
    /// Path of the MIDI file.
    public let input: String
    /// Path of the audio file to write.
    public let output: String
    /// Format of `output`.
    public let format: AudioFileFormat

    /// Creates a job.
    public init(input: String, output: String, format: AudioFileFormat) {
        self.input = input
        self.output = output
        self.format = format
    }
}

/// What a finished job produced.
public struct RenderedFile: Sendable, Hashable {
    /// The job.
    public let job: RenderJob
    /// Length of the written audio in seconds.
    public let duration: Double
}

extension MIDIRenderer {
    /// Renders `jobs` on up to `concurrency` threads at once (each with its own synthesizer), and
    /// returns one result per job, in the order given. One job failing does not stop the others.
    /// `finished` is called (from the worker threads) as each job completes.
    public func render(_ jobs: [RenderJob], concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                       finished: (@Sendable (RenderJob, Result<RenderedFile, RenderError>) -> Void)? = nil)
        -> [Result<RenderedFile, RenderError>] {
        let results = BatchResults(count: jobs.count)
        let workers = max(1, min(concurrency, jobs.count))
        let renderer = self
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = results.claimNext() {
                let job = jobs[index]
                let result: Result<RenderedFile, RenderError>
                do {
                    let audio = try renderer.render(midiFile: job.input, to: job.output, format: job.format)
                    result = .success(RenderedFile(job: job, duration: audio.duration))
                } catch let error as RenderError {
                    result = .failure(error)
                } catch {
                    result = .failure(.audioFileFailed(path: job.output, detail: "\(error)"))
                }
                results.store(result, at: index)
                finished?(job, result)
            }
        }
        return results.all()
    }
}

/// Job queue and result slots shared by the batch's worker threads, guarded by a lock.
private final class BatchResults: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result<RenderedFile, RenderError>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func claimNext() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func store(_ result: Result<RenderedFile, RenderError>, at index: Int) { lock.withLock { slots[index] = result } }

    func all() -> [Result<RenderedFile, RenderError>] { lock.withLock { slots.map { $0! } } }
}
