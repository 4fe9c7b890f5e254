/// Token embedding: a lookup of rows of a (V, C) table, as `nn.Embedding`.
public enum Embedding {
    /// out (N, C) = weight[tokens[n], :] for tokens (N) and weight (V, C).
    ///
    /// Every token must lie in 0..<V (checked by callers that accept outside input).
    public static func forward(tokens: [Int], weight: Tensor) -> Tensor {
        var out = Tensor(shape: [0])
        forward(tokens: tokens, weight: weight, into: &out)
        return out
    }

    /// `forward`, writing into `out` (reusing its storage when the size matches).
    public static func forward(tokens: [Int], weight: Tensor, into out: inout Tensor) {
        let c = weight.lastDimension
        out.resize(to: [tokens.count, c])
        weight.data.withUnsafeBufferPointer { w in
            out.data.withUnsafeMutableBufferPointer { o in
                for (n, token) in tokens.enumerated() {
                    precondition(token >= 0 && token < weight.shape[0], "token \(token) outside the vocabulary")
                    (o.baseAddress! + n * c).update(from: w.baseAddress! + token * c, count: c)
                }
            }
        }
    }

    /// dWeight (V, C) += dOut (N, C) scattered back to the rows the tokens looked up.
    public static func backward(dOut: Tensor, tokens: [Int], dWeight: inout Tensor) {
        let c = dWeight.lastDimension
        precondition(dOut.count == tokens.count * c, "dOut must be (N, C)")
        dOut.data.withUnsafeBufferPointer { d in
            dWeight.data.withUnsafeMutableBufferPointer { dw in
                for (n, token) in tokens.enumerated() {
                    let row = dw.baseAddress! + token * c
                    let src = d.baseAddress! + n * c
                    for j in 0..<c { row[j] += src[j] }
                }
            }
        }
    }
}
