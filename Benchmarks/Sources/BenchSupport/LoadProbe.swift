// How busy the rest of the machine was while a section ran. Foundation only, so that the stand-alone
// harnesses in Benchmarks/neural (compiled with swiftc beside Sources/NeuralCore) use this same file.
import Foundation

/// Wall time, this process's CPU time and the CPU share other processes took while a section ran,
/// computed as /work/shared/anchors/torch_ref.py computes its `other_procs_cpu_share` (from /proc/stat),
/// so that our figures and the references' are kept or rejected by the same rule.
public struct LoadProbe: Sendable {
    /// A run counts as quiet when other processes used at most this share of the machine's CPU.
    public static let quietThreshold = 0.10

    private let machineStart: Double
    private let cpuStart: Double
    private let wallStart: Double

    /// Starts measuring now.
    public init() {
        machineStart = Self.machineBusySeconds()
        cpuStart = Self.ownCPUSeconds()
        wallStart = Self.now()
    }

    /// Seconds since the probe started (monotonic clock).
    public var elapsed: Double { Self.now() - wallStart }

    /// This process's user + system CPU seconds since the probe started (all its threads).
    public var cpuSeconds: Double { Self.ownCPUSeconds() - cpuStart }

    /// The share (0...1) of the whole machine's CPU time that other processes used since the probe started.
    public var otherShare: Double {
        let cpu = cpuSeconds, wall = elapsed, busy = Self.machineBusySeconds() - machineStart
        guard wall > 0 else { return 0 }
        let cores = Double(ProcessInfo.processInfo.activeProcessorCount)
        return max(0, (busy - cpu) / (wall * cores))
    }

    /// Busy CPU seconds of the whole machine so far (all cores, idle and iowait excluded), from /proc/stat.
    public static func machineBusySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first else { return 0 }
        let v = line.split(separator: " ").dropFirst().prefix(8).compactMap { Double($0) }
        guard v.count == 8 else { return 0 }
        return (v.reduce(0, +) - v[3] - v[4]) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// This process's user + system CPU seconds so far.
    public static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    }

    /// Seconds on the monotonic clock.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
}
