/// An interpolated modified Kneser–Ney n-gram model over token ids (Chen & Goodman 1998, §3.5): the
/// baseline every neural model is measured against.
///
/// For the highest order, counts are raw; for lower orders, a count is the number of distinct tokens seen
/// before the n-gram (its continuation count; the start of a sequence counts as one such token). Each order
/// subtracts three discounts D1, D2, D3+ (estimated from count-of-counts) and gives the mass to the next
/// lower order; order 1 interpolates with the uniform distribution. An unseen history backs off entirely.
public struct KneserNeyModel: Sendable {
    /// The highest order (context of `order - 1` tokens).
    public let order: Int
    /// The vocabulary size.
    public let vocabularySize: Int
    /// Per order (index 0 = unigram): context key -> statistics.
    private var levels: [[UInt64: Context]]
    /// Per order: the discounts D1, D2, D3+.
    private var discounts: [(Double, Double, Double)]

    /// An n-gram (its context key and last token) with the token before it: exact, no hashing tricks.
    struct ExtendedKey: Hashable {
        var context: UInt64
        var tokenAndLeft: UInt16
    }

    /// What the model knows about one context.
    struct Context: Sendable {
        /// Counts (raw or continuation) of each following token.
        var next: [Int32: Int32] = [:]
        /// Sum of `next` counts.
        var total: Int = 0
    }

    /// Trains on token sequences (each a whole tune, `<bos>` first).
    public init(order: Int, vocabularySize: Int, sequences: [[Int]]) {
        precondition(order >= 1 && order <= 9, "orders 1...9 fit the context key")
        precondition(vocabularySize <= 255, "token ids must fit in 8 bits")
        self.order = order
        self.vocabularySize = vocabularySize
        // Raw counts of every n-gram of every order, keyed by (context, token).
        var raw: [[UInt64: Context]] = Array(repeating: [:], count: order)
        // Distinct left extensions of each n-gram: (order n n-gram) -> set of preceding tokens, via keys.
        var seenExtended = Set<ExtendedKey>()     // (left token, n-gram) pairs already credited
        var continuation: [[UInt64: Context]] = Array(repeating: [:], count: order)
        for seq in sequences {
            for i in 0..<seq.count {
                for n in 1...order {          // n-gram ending at i, of length n
                    let start = i - n + 1
                    if start < 0 { break }
                    let ctx = Self.key(seq, from: start, to: i)
                    raw[n - 1][ctx, default: Context()].add(seq[i])
                    // Credit the n-gram's continuation count once per distinct left neighbour (or sequence start).
                    let left = start > 0 ? seq[start - 1] : 255
                    if seenExtended.insert(ExtendedKey(context: ctx, tokenAndLeft: UInt16(seq[i]) | UInt16(left) << 8)).inserted {
                        continuation[n - 1][ctx, default: Context()].add(seq[i])
                    }
                }
            }
        }
        // The highest order uses raw counts; lower orders use continuation counts.
        levels = (0..<order).map { $0 == order - 1 ? raw[$0] : continuation[$0] }
        discounts = levels.map { Self.estimateDiscounts($0) }
    }

    /// Chen & Goodman's estimates: Y = n1/(n1 + 2 n2), D1 = 1 − 2Y n2/n1, D2 = 2 − 3Y n3/n2, D3+ = 3 − 4Y n4/n3.
    static func estimateDiscounts(_ level: [UInt64: Context]) -> (Double, Double, Double) {
        var n = [0, 0, 0, 0, 0]
        for (_, c) in level { for (_, k) in c.next where k <= 4 { n[Int(k)] += 1 } }
        let (n1, n2, n3, n4) = (Double(n[1]), Double(n[2]), Double(n[3]), Double(n[4]))
        guard n1 > 0, n2 > 0, n3 > 0 else { return (0.5, 0.75, 0.9) }
        let y = n1 / (n1 + 2 * n2)
        func clamp(_ d: Double, _ hi: Double) -> Double { min(max(d, 0.05), hi) }
        return (clamp(1 - 2 * y * n2 / n1, 0.99), clamp(2 - 3 * y * n3 / n2, 1.99), clamp(3 - 4 * y * (n4 > 0 ? n4 : 1) / n3, 2.99))
    }

    /// The key of the context `seq[from..<to]` (tokens before position `to`), with its length.
    static func key(_ seq: [Int], from: Int, to: Int) -> UInt64 {
        var k = UInt64(to - from) << 60
        var shift: UInt64 = 0
        for j in from..<to { k |= UInt64(seq[j]) << shift; shift += 8 }   // up to 7 tokens of 8 bits
        return k
    }

    /// The probability of each token after `history` (the last `order − 1` tokens are used).
    public func distribution(history: [Int]) -> [Double] {
        let uniform = 1.0 / Double(vocabularySize)
        var p = [Double](repeating: uniform, count: vocabularySize)
        let h = Array(history.suffix(order - 1))
        // From order 1 up to the longest context: P_n(w|h) = (c − D)+ / c(h) + γ(h) P_{n−1}(w|h').
        for n in 1...order {
            let contextLength = n - 1
            if contextLength > h.count { break }
            let ctx = Self.key(h, from: h.count - contextLength, to: h.count)
            guard let stats = levels[n - 1][ctx], stats.total > 0 else { continue }   // unseen: keep the lower order
            let (d1, d2, d3) = discounts[n - 1]
            var n1 = 0.0, n2 = 0.0, n3 = 0.0
            for (_, c) in stats.next { if c == 1 { n1 += 1 } else if c == 2 { n2 += 1 } else { n3 += 1 } }
            let total = Double(stats.total)
            let gamma = (d1 * n1 + d2 * n2 + d3 * n3) / total
            var q = p.map { gamma * $0 }
            for (w, c) in stats.next {
                let d = c == 1 ? d1 : c == 2 ? d2 : d3
                q[Int(w)] += max(Double(c) - d, 0) / total
            }
            p = q
        }
        return p
    }
}

extension KneserNeyModel.Context {
    mutating func add(_ token: Int) {
        next[Int32(token), default: 0] += 1
        total += 1
    }
}
