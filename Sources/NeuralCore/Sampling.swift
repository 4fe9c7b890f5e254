import Foundation

/// How the next token is drawn from the logits.
public struct SamplingOptions: Sendable, Equatable {
    /// Logits are divided by this before the softmax; 0 means greedy (always the arg-max).
    public var temperature: Float
    /// Keep only the k most likely tokens (0 keeps all).
    public var topK: Int
    /// Keep the smallest set of most likely tokens whose probability reaches p (1 keeps all).
    public var topP: Float

    /// Creates options; the defaults sample from the plain softmax.
    public init(temperature: Float = 1, topK: Int = 0, topP: Float = 1) {
        self.temperature = temperature
        self.topK = topK
        self.topP = topP
    }

    /// Throws when a value is outside its range.
    public func validate() throws(NeuralCoreError) {
        guard temperature >= 0, temperature.isFinite else {
            throw .invalidArgument(name: "temperature", reason: "\(temperature) must be a finite number ≥ 0")
        }
        guard topK >= 0 else { throw .invalidArgument(name: "top-k", reason: "\(topK) must be ≥ 0 (0 keeps every token)") }
        guard topP > 0, topP <= 1 else { throw .invalidArgument(name: "top-p", reason: "\(topP) must lie in (0, 1]") }
    }
}

/// Draws token ids from logits with temperature, top-k and top-p, using preallocated scratch.
public struct TokenSampler: Sendable {
    private var probabilities: [Float]
    private var order: [Int]

    /// Creates scratch space for a vocabulary of `vocabularySize` tokens.
    public init(vocabularySize: Int) {
        probabilities = [Float](repeating: 0, count: vocabularySize)
        order = Array(0..<vocabularySize)
    }

    /// A token id drawn from `logits` (V) under `options` with one uniform draw from `rng`.
    public mutating func sample(_ logits: UnsafeBufferPointer<Float>, options: SamplingOptions,
                                using rng: inout Xoshiro256StarStar) -> Int {
        let v = logits.count
        precondition(v == probabilities.count, "logits have \(v) entries, the sampler expects \(probabilities.count)")
        // 1. greedy: the first arg-max
        if options.temperature == 0 {
            var best = 0
            for j in 1..<v where logits[j] > logits[best] { best = j }
            return best
        }
        let u = rng.nextDouble()
        return probabilities.withUnsafeMutableBufferPointer { p in
            order.withUnsafeMutableBufferPointer { idx in
                // 2. softmax(logits / temperature)
                let invT = 1 / options.temperature
                var maxLogit = -Float.infinity
                for j in 0..<v { maxLogit = max(maxLogit, logits[j]) }
                var sum: Float = 0
                for j in 0..<v { let e = exp((logits[j] - maxLogit) * invT); p[j] = e; sum += e }
                for j in 0..<v { p[j] /= sum }
                // 3. without a filter: walk the cumulative distribution in id order
                let k = options.topK == 0 ? v : min(options.topK, v)
                if k == v && options.topP >= 1 {
                    return Self.draw(u, p, ids: nil, count: v)
                }
                // 4. ids by falling probability (ties: lower id first), insertion sort on preallocated scratch
                for j in 0..<v { idx[j] = j }
                for j in 1..<v {
                    let id = idx[j]
                    var m = j
                    while m > 0 && (p[idx[m - 1]] < p[id] || (p[idx[m - 1]] == p[id] && idx[m - 1] > id)) {
                        idx[m] = idx[m - 1]
                        m -= 1
                    }
                    idx[m] = id
                }
                // 5. keep the top k, then the smallest prefix whose mass reaches top-p (at least one)
                var kept = 0
                var mass: Float = 0
                while kept < k {
                    mass += p[idx[kept]]
                    kept += 1
                    if mass >= options.topP { break }
                }
                // 6. renormalise over the kept ids and draw
                for j in 0..<kept { p[idx[j]] /= mass }
                return Self.draw(u, p, ids: idx, count: kept)
            }
        }
    }

    /// The first id whose cumulative probability exceeds u (the last one if rounding leaves a gap).
    private static func draw(_ u: Double, _ p: UnsafeMutableBufferPointer<Float>, ids: UnsafeMutableBufferPointer<Int>?, count: Int) -> Int {
        var cumulative: Double = 0
        for j in 0..<count {
            let id = ids?[j] ?? j
            cumulative += Double(p[id])
            if u < cumulative { return id }
        }
        return ids?[count - 1] ?? count - 1
    }
}
