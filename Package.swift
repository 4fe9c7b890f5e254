// swift-tools-version: 6.0
//
// Tunesmith — a symbolic music composition engine.
//
// Modules, with dependencies pointing one way:
//
//   Notation            music values (pitch, key, meter, exact durations, scores); depends on nothing
//   MIDIFile            Standard MIDI File reader/writer and Score <-> MIDI   (Notation)
//   ABCNotation         ABC 2.1 tunebook reader/writer and Score <-> ABC     (Notation)
//   NeuralCore          tensors, layers with forward+backward, optimisers     (COpenBLAS)
//   Rendering           MIDI -> audio through libfluidsynth + libsndfile      (CFluidSynth, CSndFile)
//   Harmony             styles, rhythm templates, chord choice, voicing, accompaniment (Notation)
//   Tokens              the melody vocabulary the models read and write       (Notation)
//   Corpus              the folk-tune training corpus: build, labels, split   (ABCNotation, Tokens)
//   Models              melody models over tokens: n-gram baseline, LSTM; training, evaluation (NeuralCore, Tokens, Corpus)
//   Tunesmith           the library product: re-exports the modules above
//   ComposeCLI          the `compose` command's subcommands                   (everything, ArgumentParser)
//   compose             the executable: a one-line main over ComposeCLI
//
// C libraries live in leaf system-library targets (see ../shared/toolchain.md for what links here).
//
// Working on one module while others are mid-change: every test target links into one test bundle, so
// `swift test` builds them all. Set TUNESMITH_ONLY to a comma-separated list of modules to keep only those
// (plus their C libraries and their test targets), each developer with their own scratch path, e.g.
//   TUNESMITH_ONLY=Notation,MIDIFile swift test --scratch-path .build-midi
// Unset (as in CI and for users), the whole package is built.
import Foundation
import PackageDescription

let package = Package(
    name: "Tunesmith",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Tunesmith", targets: ["Tunesmith"]),
        .executable(name: "compose", targets: ["compose"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // MARK: C libraries (leaf targets)
        .systemLibrary(name: "CFluidSynth", providers: [.apt(["libfluidsynth-dev"])]),  // headers only: opened with dlopen
        .systemLibrary(name: "CSndFile", providers: [.apt(["libsndfile1-dev"])]),  // headers only: opened with dlopen (Rendering/AudioLibraries.swift)
        .systemLibrary(name: "COpenBLAS", providers: [.apt(["libopenblas-dev"])]),  // headers only: opened with dlopen (NeuralCore/OpenBLASLibrary.swift)

        .target(name: "CNeuralKernels"),  // C: matrix-vector loops compiled for SSE2, AVX2 and AVX-512F, picked at run time

        // MARK: Library modules
        .target(name: "Notation", exclude: ["README.md"]),
        .target(name: "MIDIFile", dependencies: ["Notation"], exclude: ["README.md"]),
        .target(name: "ABCNotation", dependencies: ["Notation"], exclude: ["README.md"]),
        .target(
            name: "NeuralCore",
            dependencies: ["COpenBLAS", "CNeuralKernels"],
            exclude: ["README.md"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(name: "Rendering", dependencies: ["CFluidSynth", "CSndFile"], exclude: ["README.md"]),
        .target(name: "Harmony", dependencies: ["Notation"], exclude: ["README.md"]),
        .target(name: "Tokens", dependencies: ["Notation"], exclude: ["README.md"]),
        .target(name: "Corpus", dependencies: ["Notation", "ABCNotation", "Tokens"], exclude: ["README.md"]),
        .target(name: "Models", dependencies: ["NeuralCore", "Tokens", "Corpus"], exclude: ["README.md"], resources: [.copy("Resources")]),
        .target(
            name: "Engine",
            dependencies: ["Notation", "MIDIFile", "ABCNotation", "NeuralCore", "Tokens", "Models", "Harmony", "Rendering"],
            exclude: ["README.md"], resources: [.copy("Resources")]
        ),
        .target(name: "Tunesmith", dependencies: ["Notation", "MIDIFile", "ABCNotation", "NeuralCore", "Rendering", "Harmony", "Tokens", "Corpus", "Models", "Engine"]),

        // MARK: Command line
        .target(
            name: "ComposeCLI",
            dependencies: ["Tunesmith", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "compose", dependencies: ["ComposeCLI"]),

        // MARK: Tests (mirror Sources)
        .testTarget(name: "NotationTests", dependencies: ["Notation"]),
        .testTarget(name: "MIDIFileTests", dependencies: ["MIDIFile"]),
        .testTarget(name: "ABCNotationTests", dependencies: ["ABCNotation", "MIDIFile"]),
        .testTarget(name: "NeuralCoreTests", dependencies: ["NeuralCore"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering"]),
        .testTarget(name: "HarmonyTests", dependencies: ["Harmony"]),
        .testTarget(name: "TokensTests", dependencies: ["Tokens"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Notation"]),
        .testTarget(name: "ComposeCLITests", dependencies: ["ComposeCLI"]),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "Corpus"]),
    ]
)

// MARK: - Development filter (see TUNESMITH_ONLY above)
if let only = ProcessInfo.processInfo.environment["TUNESMITH_ONLY"], !only.isEmpty {
    let keep = Set(only.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) })
    package.targets = package.targets.filter { target in
        switch target.type {
        case .system: return true
        case .regular where target.name == "CNeuralKernels": return true   // the C leaf target
        case .test: return keep.contains(String(target.name.dropLast("Tests".count)))
        default: return keep.contains(target.name)
        }
    }
    package.products = package.products.filter { product in
        (product.name == "Tunesmith" && keep.contains("Tunesmith")) || (product.name == "compose" && keep.contains("compose"))
    }
    if !keep.contains("ComposeCLI") { package.dependencies = [] }
}

