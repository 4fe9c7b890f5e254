import CFluidSynth  // log levels only; the library is opened by AudioLibraries
import Foundation

/// Routes FluidSynth's log messages away from stdout/stderr and keeps its error messages per thread,
/// so a failed render can quote FluidSynth's reason in its `RenderError`.
///
/// FluidSynth's log handler is process-global; it is installed once, the first time any synthesizer is made.
enum FluidLog {
    /// Installs the handler (idempotent, thread-safe: a global `let` is initialised exactly once).
    static func install(_ fluid: FluidSynthFunctions) {
        once.run {
            for level in [FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG] {
                _ = fluid.setLogFunction(Int32(level.rawValue), fluidLogHandler, nil)
            }
        }
    }

    private static let once = Once()

    /// Runs `body` and returns its result together with the FluidSynth errors this thread logged meanwhile.
    /// (FluidSynth is loaded by then: the handler is installed when the first synthesizer is made.)
    static func capturingErrors<T>(_ body: () throws -> T) rethrows -> (T, [String]) {
        let key = ThreadKey.current
        store.begin(key)
        defer { _ = store.end(key) }
        let result = try body()
        return (result, store.end(key))
    }

    fileprivate static let store = MessageStore()
}

/// A thread's identity, used to keep concurrent renders' messages apart.
private struct ThreadKey: Hashable {
    let raw: UInt
    static var current: ThreadKey {
        #if os(Linux)
        ThreadKey(raw: UInt(pthread_self()))
        #else
        ThreadKey(raw: UInt(bitPattern: pthread_self()))
        #endif
    }
}

/// Runs a closure at most once per process, whichever thread asks first.
private final class Once: @unchecked Sendable {
    // @unchecked: `done` is only read and written under `lock`.
    private let lock = NSLock()
    private var done = false

    func run(_ body: () -> Void) {
        lock.withLock {
            guard !done else { return }
            done = true
            body()
        }
    }
}

/// Error messages by thread, guarded by a lock.
private final class MessageStore: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [ThreadKey: [String]] = [:]

    func begin(_ key: ThreadKey) { lock.withLock { messages[key] = [] } }

    func append(_ key: ThreadKey, _ message: String) {
        lock.withLock {
            // Only threads inside `capturingErrors` collect messages; others are dropped.
            if messages[key] != nil { messages[key]!.append(message) }
        }
    }

    func end(_ key: ThreadKey) -> [String] { lock.withLock { messages.removeValue(forKey: key) ?? [] } }
}

/// The C handler: keeps panics and errors, drops warnings, info and debug output.
private func fluidLogHandler(level: Int32, message: UnsafePointer<CChar>?, data: UnsafeMutableRawPointer?) {
    guard level <= Int32(FLUID_ERR.rawValue), let message else { return }
    FluidLog.store.append(.current, String(cString: message))
}
