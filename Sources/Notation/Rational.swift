/// An exact fraction: the unit of musical time in Tunesmith.
///
/// All onsets and durations are `Rational` numbers of **quarter notes** (a crotchet is 1, a dotted quaver
/// 3/4, a bar of 6/8 is 3). The value is always reduced and its denominator is positive, so equal values
/// compare and hash equal. Arithmetic traps on overflow like `Int` does; musical values stay far from it.
public struct Rational: Sendable, Hashable, Comparable {
    /// The numerator of the reduced fraction (carries the sign).
    public let numerator: Int
    /// The denominator of the reduced fraction (always > 0).
    public let denominator: Int

    /// Creates `numerator / denominator`, reduced. The denominator must not be zero.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Rational with a zero denominator")
        let g = Rational.gcd(numerator, denominator)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / g
        self.denominator = sign * denominator / g
    }

    /// Creates `numerator / denominator`, or `nil` when the denominator is zero.
    public init?(exactly numerator: Int, over denominator: Int) {
        guard denominator != 0 else { return nil }
        self.init(numerator, denominator)
    }

    /// Zero quarter notes.
    public static let zero = Rational(0)
    /// One quarter note.
    public static let one = Rational(1)

    /// Greatest common divisor of the absolute values (never 0 for a nonzero pair; gcd(0, 0) = 1).
    static func gcd(_ a: Int, _ b: Int) -> Int {
        var x = a.magnitude, y = b.magnitude
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int(x)
    }

    /// The value as a `Double` (for display and statistics only, never for timing).
    public var doubleValue: Double { Double(numerator) / Double(denominator) }

    /// True when the value is a whole number.
    public var isInteger: Bool { denominator == 1 }

    /// The largest integer not greater than the value.
    public var floor: Int {
        numerator >= 0 ? numerator / denominator : -((-numerator + denominator - 1) / denominator)
    }

    /// The absolute value.
    public var magnitude: Rational { Rational(abs(numerator), denominator) }

    public static func < (a: Rational, b: Rational) -> Bool {
        a.numerator * (b.denominator) < b.numerator * (a.denominator)
    }

    public static func + (a: Rational, b: Rational) -> Rational {
        let g = gcd(a.denominator, b.denominator)
        return Rational(a.numerator * (b.denominator / g) + b.numerator * (a.denominator / g),
                        a.denominator / g * b.denominator)
    }

    public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }

    public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }

    public static func * (a: Rational, b: Rational) -> Rational {
        let g1 = gcd(a.numerator, b.denominator), g2 = gcd(b.numerator, a.denominator)
        return Rational((a.numerator / g1) * (b.numerator / g2), (a.denominator / g2) * (b.denominator / g1))
    }

    /// Division; the divisor must not be zero.
    public static func / (a: Rational, b: Rational) -> Rational {
        precondition(b.numerator != 0, "Rational division by zero")
        return a * Rational(b.denominator, b.numerator)
    }

    public static func += (a: inout Rational, b: Rational) { a = a + b }
    public static func -= (a: inout Rational, b: Rational) { a = a - b }
    public static func *= (a: inout Rational, b: Rational) { a = a * b }

    /// The value in integer ticks at `ticksPerQuarter`, or `nil` when it does not fall on a tick.
    public func ticks(perQuarter ticksPerQuarter: Int) -> Int? {
        let t = self * Rational(ticksPerQuarter)
        return t.isInteger ? t.numerator : nil
    }

    /// The value rounded to the nearest tick at `ticksPerQuarter` (halves round away from zero).
    public func roundedTicks(perQuarter ticksPerQuarter: Int) -> Int {
        let t = self * Rational(ticksPerQuarter)
        let twice = 2 * t.numerator + (t.numerator >= 0 ? t.denominator : -t.denominator)
        return twice / (2 * t.denominator)
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    /// A whole number of quarter notes.
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: CustomStringConvertible {
    /// `"3/8"`, or `"2"` for a whole number.
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

extension Rational: LosslessStringConvertible {
    /// Parses `"3/8"`, `"-1/2"` or `"2"`; `nil` for anything else or a zero denominator.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 1 || parts.count == 2, let n = Int(parts[0]) else { return nil }
        if parts.count == 1 { self.init(n); return }
        guard let d = Int(parts[1]), d != 0 else { return nil }
        self.init(n, d)
    }
}

extension Rational: Codable {
    /// Encoded as a string such as `"3/8"`, exact in JSON.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) { self.init(n); return }
        let text = try container.decode(String.self)
        guard let value = Rational(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a fraction: \(text)")
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
