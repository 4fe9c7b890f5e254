/// A Float32 tensor: a shape and its elements in contiguous row-major storage.
///
/// The last dimension varies fastest, as in PyTorch's contiguous layout, so a tensor of shape
/// (B, T, C) stores element (b, t, c) at `(b * T + t) * C + c`.
public struct Tensor: Sendable, Equatable {
    /// The size of each dimension; `[]` is a scalar holding one element.
    public var shape: [Int]
    /// The elements in row-major order; `data.count == shape.reduce(1, *)`.
    public var data: [Float]

    /// Creates a tensor from a shape and its row-major elements.
    public init(shape: [Int], data: [Float]) {
        precondition(shape.allSatisfy { $0 >= 0 }, "negative dimension in shape \(shape)")
        precondition(shape.reduce(1, *) == data.count,
                     "shape \(shape) needs \(shape.reduce(1, *)) elements, got \(data.count)")
        self.shape = shape
        self.data = data
    }

    /// Creates a tensor of the given shape filled with `value` (zeros by default).
    public init(shape: [Int], repeating value: Float = 0) {
        self.init(shape: shape, data: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// Creates a tensor whose elements are drawn uniformly from `range` with `rng`.
    public init(shape: [Int], uniformIn range: ClosedRange<Float>, using rng: inout Xoshiro256StarStar) {
        let n = shape.reduce(1, *)
        var data = [Float](repeating: 0, count: n)
        for i in 0..<n { data[i] = rng.nextFloat(in: range) }
        self.init(shape: shape, data: data)
    }

    /// Creates a tensor whose elements are drawn from a normal distribution N(mean, std²) with `rng`.
    public init(shape: [Int], normalMean mean: Float = 0, std: Float = 1, using rng: inout Xoshiro256StarStar) {
        let n = shape.reduce(1, *)
        var data = [Float](repeating: 0, count: n)
        for i in 0..<n { data[i] = mean + std * rng.nextNormal() }
        self.init(shape: shape, data: data)
    }

    /// The number of elements.
    @inlinable public var count: Int { data.count }

    /// The size of the last dimension (1 for a scalar).
    @inlinable public var lastDimension: Int { shape.last ?? 1 }

    /// The number of rows when the tensor is viewed as a matrix (all leading dimensions, C).
    @inlinable public var rows: Int { lastDimension == 0 ? 0 : count / lastDimension }

    /// The same elements under another shape with the same number of elements.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        Tensor(shape: newShape, data: data)
    }

    /// The largest absolute element-wise difference to `other` (shapes must match).
    public func maxAbsDifference(_ other: Tensor) -> Float {
        precondition(shape == other.shape, "shape \(shape) vs \(other.shape)")
        var m: Float = 0
        for i in 0..<count { m = max(m, abs(data[i] - other.data[i])) }
        return m
    }

    /// Sets every element to zero, keeping the storage.
    public mutating func zero() {
        data.withUnsafeMutableBufferPointer { p in
            p.update(repeating: 0)
        }
    }
}

extension Tensor {
    /// Gives the tensor `newShape`, reusing the storage when the element count is unchanged.
    ///
    /// The elements are unspecified afterwards unless `zeroed` is true: callers that overwrite
    /// every element skip the fill.
    public mutating func resize(to newShape: [Int], zeroed: Bool = false) {
        let n = newShape.reduce(1, *)
        if data.count != n {
            data = [Float](repeating: 0, count: n)
        } else if zeroed {
            zero()
        }
        shape = newShape
    }
}
