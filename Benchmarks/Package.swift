// swift-tools-version: 6.1
//
// Tunesmith's benchmarks: a package of its own that uses Tunesmith by path, through its public library
// product only, measured with ordo-one/benchmark (`swift package benchmark`, see README.md).
//
//   FormatBenchmarks    MIDI read and write, ABC parse of the whole corpus-source set, tokenize
//   NeuralBenchmarks    LSTM and transformer: training step and batch-1 sampling (torch_ref.py's sizes)
//   ComposeBenchmarks   compose end to end through the library (shipped LSTM, folk, 16 bars)
//   RenderBenchmarks    in-process rendering of a short MIDI file through libfluidsynth
//
// The MallocInterposer trait turns off benchmark's default RuntimeInterposer trait, whose package is not
// in this machine's mirror (../shared/toolchain.md, section 6).
import PackageDescription

let benchmark: Target.Dependency = .product(name: "Benchmark", package: "benchmark")
let tunesmith: Target.Dependency = .product(name: "Tunesmith", package: "Tunesmith")

func benchmarkTarget(_ name: String) -> Target {
    .executableTarget(
        name: "\(name)Benchmarks",
        dependencies: [benchmark, tunesmith, "BenchSupport"],
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "TunesmithBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Tunesmith", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "BenchSupport", dependencies: [benchmark]),
        benchmarkTarget("Format"),
        benchmarkTarget("Neural"),
        benchmarkTarget("Compose"),
        benchmarkTarget("Render"),
    ]
)
