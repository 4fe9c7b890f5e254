#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Two threads working on one job: the calling thread (part 0) and one persistent worker thread (part 1),
/// created once and reused for every `run`, so batch-1 sampling can split each layer's rows between two cores.
///
/// Inside a job both parts meet at `sync()`. Waiting spins briefly (a step of a small model takes tens of
/// microseconds) and then blocks on a condition variable, so a waiting thread never burns a core for long
/// when the machine is busy. The worker thread ends when the last reference to the pair goes away.
final class ForkJoinPair: @unchecked Sendable {
    /// The state both threads touch; the worker thread holds it (not the pair), so dropping the pair ends it.
    private final class Shared: @unchecked Sendable {
        let arrived = Atomic<Int>(0)            // threads at the current barrier
        let generation = Atomic<Int>(0)         // barriers completed
        let stopping = Atomic<Bool>(false)
        let sleepers = Atomic<Int>(0)           // threads blocked (or about to block) on `condition`
        let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
        let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
        var job: ((Int) -> Void)?               // written by part 0 before the start barrier

        init() {
            pthread_mutex_init(mutex, nil)
            pthread_cond_init(condition, nil)
        }

        deinit {
            pthread_cond_destroy(condition)
            pthread_mutex_destroy(mutex)
            condition.deallocate()
            mutex.deallocate()
        }

        /// Both threads arrive; neither leaves before the other has arrived.
        func barrier() {
            let seen = generation.load(ordering: .acquiring)
            if arrived.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue == 2 {
                arrived.store(0, ordering: .relaxed)
                // a spinning waiter sees the new generation by itself; only a blocked one needs the condition.
                // Sequentially consistent store and load here, and increment and load in the waiter, so one of
                // the two sees the other's write (the waiter checks the generation under the mutex after it
                // counts itself, and holds the mutex until pthread_cond_wait releases it).
                generation.store(seen &+ 1, ordering: .sequentiallyConsistent)
                if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
                    pthread_mutex_lock(mutex)
                    pthread_cond_broadcast(condition)
                    pthread_mutex_unlock(mutex)
                }
                return
            }
            // spin up to `spinNanoseconds` (longer than a blocked thread takes to wake, so one thread's wake-up
            // does not make the other block at the next barrier too), then block
            let start = ForkJoinPair.monotonicNanoseconds()
            repeat {
                for _ in 0..<64 where generation.load(ordering: .acquiring) != seen { return }
            } while ForkJoinPair.monotonicNanoseconds() &- start < ForkJoinPair.spinNanoseconds
            pthread_mutex_lock(mutex)
            sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
            while generation.load(ordering: .sequentiallyConsistent) == seen { pthread_cond_wait(condition, mutex) }
            sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
            pthread_mutex_unlock(mutex)
        }
    }

    /// How long a waiting thread spins before it blocks: 100 µs, a few steps of a small model.
    static let spinNanoseconds: UInt64 = 100_000

    /// CLOCK_MONOTONIC in nanoseconds.
    static func monotonicNanoseconds() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return UInt64(t.tv_sec) &* 1_000_000_000 &+ UInt64(t.tv_nsec)
    }

    private let shared = Shared()
    private let runLock = Mutex<Void>(())   // one job at a time, should copies of a generator share the pair
    private var thread = pthread_t()

    /// Starts the worker thread.
    init() {
        let box = Unmanaged.passRetained(shared).toOpaque()
        let created = pthread_create(&thread, nil, { raw in
            let shared = Unmanaged<Shared>.fromOpaque(raw!).takeRetainedValue()
            while true {
                shared.barrier()                              // start of a job, or the stop signal
                if shared.stopping.load(ordering: .acquiring) { return nil }
                shared.job!(1)
                shared.barrier()                              // end of the job
            }
        }, box)
        precondition(created == 0, "ForkJoinPair: pthread_create failed with \(created)")
    }

    deinit {
        shared.stopping.store(true, ordering: .releasing)
        shared.barrier()
        pthread_join(thread, nil)
    }

    /// Runs `body(0)` on this thread and `body(1)` on the worker, returning when both have finished.
    func run(_ body: (Int) -> Void) {
        runLock.withLock { _ in
            withoutActuallyEscaping(body) { body in
                shared.job = body
                shared.barrier()
                body(0)
                shared.barrier()
                shared.job = nil
            }
        }
    }

    /// Waits inside `run` until the other part reaches its matching `sync()`.
    func sync() { shared.barrier() }
}

/// The threads of one batch-1 generator: one (no worker) or two (a `ForkJoinPair`).
struct SteppingTeam: Sendable {
    private let pair: ForkJoinPair?

    /// The number of parts a job is split into.
    let size: Int

    /// A team of `threads` (1 or 2) threads.
    init(threads: Int) {
        size = threads
        pair = threads > 1 ? ForkJoinPair() : nil
    }

    /// Runs `body(part)` for every part 0..<size, in parallel when there are two.
    func run(_ body: (Int) -> Void) {
        if let pair { pair.run(body) } else { body(0) }
    }

    /// Waits until every part has reached this point (nothing to wait for with one thread).
    func sync() { pair?.sync() }

    /// Splits 0..<count into `size` ranges whose boundaries are multiples of `multiple` (the last takes the rest).
    func split(_ count: Int, multiple: Int = 4) -> [Range<Int>] {
        guard size > 1 else { return [0..<count] }
        let cut = min(count, (count / size + multiple - 1) / multiple * multiple)
        return [0..<cut, cut..<count]
    }
}
