import Benchmark
import Foundation

public extension BenchmarkMetric {
    /// Other processes' share of the machine's CPU during one iteration, in thousandths (see ``LoadProbe``).
    static let otherShare = BenchmarkMetric.custom("other_procs_cpu_share_permille", polarity: .prefersSmaller, useScalingFactor: false)
    /// This process's CPU time during one iteration, in microseconds (all threads).
    static let cpuMicroseconds = BenchmarkMetric.custom("cpu_us", polarity: .prefersSmaller, useScalingFactor: false)

    /// A rate per wall-clock second (e.g. `tokens/s`), larger is better.
    static func rate(_ unit: String) -> BenchmarkMetric { .custom(unit, polarity: .prefersLarger, useScalingFactor: false) }
}

public extension Benchmark.Configuration {
    /// Wall clock in microseconds, this process's CPU time, the other processes' CPU share and `rate`,
    /// each custom metric kept in raw units; at most `iterations` iterations or `seconds` seconds after
    /// `warmup` untimed ones. `BENCH_QUICK=1` in the environment cuts the iterations to 3.
    static func tunesmith(rate: BenchmarkMetric, iterations: Int, seconds: Int, warmup: Int = 1) -> Self {
        let quick = ProcessInfo.processInfo.environment["BENCH_QUICK"] == "1"
        let custom: [BenchmarkMetric] = [rate, .otherShare, .cpuMicroseconds]
        return .init(metrics: [.wallClock] + custom, timeUnits: .microseconds,
                     units: Dictionary(uniqueKeysWithValues: custom.map { ($0, BenchmarkUnits.count) }),
                     warmupIterations: warmup, maxDuration: .seconds(quick ? min(seconds, 5) : seconds),
                     maxIterations: quick ? min(iterations, 3) : iterations)
    }
}

public extension Benchmark {
    /// Runs `body` once, timed, and records `work / elapsed` as `rate`, plus ``BenchmarkMetric/otherShare``
    /// and ``BenchmarkMetric/cpuMicroseconds`` for this iteration. `body` returns the work done (tokens,
    /// bytes, tunes, seconds of audio…), so the rate counts what was really done.
    func measure(_ rate: BenchmarkMetric, _ body: () throws -> Double) rethrows {
        let probe = LoadProbe()
        let work = try body()
        let elapsed = probe.elapsed, cpu = probe.cpuSeconds, other = probe.otherShare
        measurement(rate, Int((work / max(elapsed, 1e-9)).rounded()))
        measurement(.otherShare, Int((other * 1000).rounded()))
        measurement(.cpuMicroseconds, Int((cpu * 1e6).rounded()))
    }
}
