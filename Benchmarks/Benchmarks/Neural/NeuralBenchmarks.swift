// The neural core on /work/shared/anchors/torch_ref.py's configurations, through the public API:
//   LSTM: vocab 128, embedding 128, 2 × 256, batch 32 × 128, Adam lr 1e-3 (1 and 2 OpenBLAS threads, 2 shards);
//         batch-1 sampling of 1024 tokens from token 60 at temperature 1 (after a 16-token warm-up), on 1 or
//         2 threads (SIMD matrix-vector kernel) and on 1 thread with OpenBLAS sgemv.
//   Transformer: vocab 128, d 192, 4 layers, 4 heads, FF 768, context 256, batch 16 × 256, AdamW lr 3e-4,
//         2 threads; batch-1 sampling of 1024 tokens with the KV cache on 1 or 2 threads.
//   The shipped LSTM and transformer (package resources): batch-1 sampling of 1024 tokens on 2 threads.
// The same workloads as Benchmarks/neural (the stand-alone harness built from Sources/NeuralCore), here
// built as a user of the Tunesmith product gets it. Training runs on random tokens (seeded) and checks
// that the loss stays near ln 128; sampling checks that the tokens are varied and inside the vocabulary.
import BenchSupport
import Benchmark
import Foundation
import Tunesmith

func randomBatches(count: Int, tokens: Int, vocabulary: Int) -> [[Int]] {
    var rng = Xoshiro256StarStar(seed: 1)
    return (0..<count).map { _ in (0..<tokens).map { _ in Int(rng.next() % UInt64(vocabulary)) } }
}

func checkLoss(_ loss: Float) throws {  // random tokens: the loss stays near ln 128 = 4.85
    guard loss.isFinite, loss > 4.0, loss < 5.5 else { throw BenchInputError(message: "training loss \(loss) is not near ln 128") }
}

func checkSample(_ tokens: [Int], count: Int) throws {
    guard tokens.count == count, tokens.allSatisfy({ (0..<128).contains($0) }), Set(tokens).count > 20 else {
        throw BenchInputError(message: "sampled tokens are not a varied sequence inside the vocabulary")
    }
}

/// One optimizer step on a batch of `batchSize` rows; returns the loss.
typealias TrainingStep = (_ batch: [Int], _ batchSize: Int) throws -> Float

/// One training step per iteration with `threads` OpenBLAS threads on random batches of `batch` rows of
/// `length` + 1 tokens, after 3 untimed steps; `makeStep` builds the model and its trainer once (setup).
func trainingBenchmark(_ name: String, threads: Int, batch: Int, length: Int, seconds: Int, makeStep: @escaping () throws -> TrainingStep) {
    Benchmark(name, configuration: .tunesmith(rate: .rate("tokens/s"), iterations: 20, seconds: seconds, warmup: 3),
              closure: { (benchmark: Benchmark, nextStep: @escaping () throws -> Float) in
        BLASThreads.set(threads)
        try benchmark.measure(.rate("tokens/s")) {
            try checkLoss(try nextStep())
            return Double(batch * length)
        }
    }, setup: {
        BLASThreads.set(threads)
        TrainingMemory.keepFreedBlocksMapped()   // as `compose train` does
        let step = try makeStep()
        let batches = randomBatches(count: 8, tokens: batch * (length + 1), vocabulary: 128)
        var next = 0
        return { () throws -> Float in  // the batches in turn, so every run sees the same sequence
            defer { next += 1 }
            return try step(batches[next % batches.count], batch)
        }
    })
}

/// Generates `count` tokens from token 60 at temperature 1, from a fresh state each call.
typealias Sampler = (inout Xoshiro256StarStar, Int) throws -> [Int]

/// Batch-1 sampling of 1024 tokens per iteration on `threads` threads (the generator's own threads; OpenBLAS on
/// one, as stepping does not use it and its idle threads would spin beside ours), after a 16-token warm-up;
/// `makeSampler` builds the model and its generator once.
func samplingBenchmark(_ name: String, threads: Int, makeSampler: @escaping () throws -> Sampler) {
    Benchmark(name, configuration: .tunesmith(rate: .rate("tokens/s"), iterations: 20, seconds: 20),
              closure: { (benchmark: Benchmark, sample: @escaping Sampler) in
        BLASThreads.set(1)
        var rng = Xoshiro256StarStar(seed: 0)
        try benchmark.measure(.rate("tokens/s")) {
            try checkSample(try sample(&rng, 1024), count: 1024)
            return 1024
        }
    }, setup: {
        BLASThreads.set(1)
        let sample = try makeSampler()
        var warm = Xoshiro256StarStar(seed: 1)
        _ = try sample(&warm, 16)
        return sample
    })
}

let benchmarks: @Sendable () -> Void = {
    // 1 or 2 OpenBLAS threads on the whole batch; then the batch split into 2 row groups trained on 2 threads
    // with one-thread OpenBLAS (LSTMTrainer.shards, what `compose train --threads 2` does).
    for (name, blasThreads, shards) in [("lstm-train-1t", 1, 1), ("lstm-train-2t", 2, 1), ("lstm-train-2shards", 1, 2)] {
        trainingBenchmark(name, threads: blasThreads, batch: 32, length: 128, seconds: 30) {
            let model = try LSTMLanguageModel(configuration: .init(), seed: 0)  // 128, 128, 2 × 256
            var trainer = try LSTMTrainer(model: model, optimizer: .adam(learningRate: 1e-3), maxGradientNorm: nil, seed: 2)
            trainer.shards = shards
            return { batch, rows in try trainer.train(batch: batch, batchSize: rows).loss }
        }
    }

    for (name, kernel, threads) in [("lstm-sample", MatrixVector.Kernel.dispatched, 1), ("lstm-sample-2t", .dispatched, 2),
                                    ("lstm-sample-simd", .simd, 1), ("lstm-sample-sgemv", .blas, 1)] {
        samplingBenchmark(name, threads: threads) {
            let model = try LSTMLanguageModel(configuration: .init(), seed: 0)
            var generator = LSTMGenerator(model: model, kernel: kernel, threads: threads)
            return { rng, count in generator.reset(); return try generator.generate(prompt: [60], count: count, using: &rng) }
        }
    }

    // 2 OpenBLAS threads on the whole batch; then 2 row groups on 2 threads (what `compose train --threads 2` does)
    for (name, blasThreads, shards) in [("transformer-train-2t", 2, 1), ("transformer-train-2shards", 1, 2)] {
        trainingBenchmark(name, threads: blasThreads, batch: 16, length: 256, seconds: 60) {
            let model = try TransformerLanguageModel(configuration: .init(), seed: 0)  // 128, 192, 4 × 4, 768, 256
            var trainer = try TransformerTrainer(model: model, optimizer: .init(learningRate: 3e-4), maxGradientNorm: nil)
            trainer.shards = shards
            return { batch, rows in try trainer.train(batch: batch, batchSize: rows).loss }
        }
    }

    for (name, threads) in [("transformer-sample-kvcache", 1), ("transformer-sample-kvcache-2t", 2)] {
        samplingBenchmark(name, threads: threads) {
            var generator = TransformerGenerator(model: try TransformerLanguageModel(configuration: .init(), seed: 0), threads: threads)
            return { rng, count in generator.reset(); return try generator.generate(prompt: [60], count: count, using: &rng) }
        }
    }

    // The shipped models (package resources, as `compose` loads them), 2 threads, from the first token
    samplingBenchmark("lstm-sample-shipped-2t", threads: 2) {
        var generator = LSTMGenerator(model: try LSTMMelodyModel.shipped().network, threads: 2)
        return { rng, count in generator.reset(); return try generator.generate(prompt: [0], count: count, using: &rng) }
    }
    samplingBenchmark("transformer-sample-shipped-2t", threads: 2) {
        var generator = TransformerGenerator(model: try TransformerMelodyModel.shipped().network, threads: 2)
        return { rng, count in generator.reset(); return try generator.generate(prompt: [0], count: count, using: &rng) }
    }
}
