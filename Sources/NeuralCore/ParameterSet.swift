/// An ordered set of named tensors: a model's parameters (named as in its PyTorch state_dict),
/// their gradients, or an optimiser's moment estimates.
public struct ParameterSet: Sendable, Equatable {
    /// Tensor names in order.
    public private(set) var names: [String]
    /// Tensors in the order of `names`.
    public var tensors: [Tensor]
    private var indexOf: [String: Int]

    /// Creates a set from (name, tensor) pairs; names must be unique.
    public init(_ pairs: [(String, Tensor)]) {
        names = pairs.map(\.0)
        tensors = pairs.map(\.1)
        indexOf = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
    }

    /// The index of `name`, or nil.
    public func index(of name: String) -> Int? { indexOf[name] }

    /// The tensor called `name` (it must exist).
    public subscript(name: String) -> Tensor {
        get { tensors[indexOf[name]!] }
        set { tensors[indexOf[name]!] = newValue }
    }

    /// A set with the same names and shapes, all zeros.
    public func zerosLike() -> ParameterSet {
        var z = self
        for k in z.tensors.indices { z.tensors[k].zero() }
        return z
    }

    /// Total number of scalar parameters.
    public var scalarCount: Int { tensors.reduce(0) { $0 + $1.count } }

    /// The global L2 norm over every element of every tensor (accumulated in Double).
    public var globalNorm: Float {
        var sum: Double = 0
        for t in tensors {
            t.data.withUnsafeBufferPointer { p in
                var s: Float = 0
                for v in p { s += v * v }
                sum += Double(s)
            }
        }
        return Float(sum.squareRoot())
    }

    /// Scales all gradients so their global norm is at most `maxNorm`, as
    /// `torch.nn.utils.clip_grad_norm_` does (coefficient maxNorm / (norm + 1e-6), applied only
    /// when below 1). Returns the norm before clipping.
    @discardableResult
    public mutating func clipGlobalNorm(_ maxNorm: Float) -> Float {
        let norm = globalNorm
        let coefficient = maxNorm / (norm + 1e-6)
        if coefficient < 1 {
            for k in tensors.indices {
                tensors[k].data.withUnsafeMutableBufferPointer { p in
                    for i in p.indices { p[i] *= coefficient }
                }
            }
        }
        return norm
    }
}
