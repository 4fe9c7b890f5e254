/// A time signature, with the symbol it was written with and its beat grouping.
///
/// Lengths are in quarter notes: a 6/8 bar is 3, grouped as two dotted-crotchet beats of 3/2 each.
public struct Meter: Sendable, Hashable, Codable {
    /// How the meter was written.
    public enum Symbol: String, Sendable, Hashable, Codable {
        /// Numbers, e.g. `6/8`.
        case numeric
        /// `C`, common time (4/4).
        case common
        /// `C|`, cut time (2/2).
        case cut
    }

    /// Beats (or units) per bar, the upper number.
    public let numerator: Int
    /// The note value counted, the lower number (a power of two).
    public let denominator: Int
    /// The written symbol.
    public let symbol: Symbol
    /// The beat lengths in quarter notes, summing to ``barLength``.
    public let beats: [Rational]

    /// Creates a meter such as 6/8; the beat grouping follows the usual rules (compound meters in dotted
    /// beats, 2/2 in minims, 5/8 as 3+2, 7/8 as 2+2+3) unless `grouping` gives it in units of the
    /// denominator (e.g. `[2, 3]` for 5/8 felt 2+3).
    public init(numerator: Int, denominator: Int, symbol: Symbol = .numeric, grouping: [Int]? = nil) throws(NotationError) {
        guard (1...64).contains(numerator), (1...64).contains(denominator), denominator & (denominator - 1) == 0 else {
            throw .invalidMeter(numerator: numerator, denominator: denominator)
        }
        let unit = Rational(4, denominator)
        let groups: [Int]
        if let grouping {
            guard grouping.allSatisfy({ $0 > 0 }), grouping.reduce(0, +) == numerator else {
                throw .invalidMeter(numerator: numerator, denominator: denominator)
            }
            groups = grouping
        } else {
            groups = Meter.defaultGrouping(numerator: numerator, denominator: denominator)
        }
        self.numerator = numerator
        self.denominator = denominator
        self.symbol = symbol
        self.beats = groups.map { Rational($0) * unit }
    }

    private static func defaultGrouping(numerator n: Int, denominator d: Int) -> [Int] {
        if n % 3 == 0 && n > 3 && d >= 4 { return Array(repeating: 3, count: n / 3) }   // 6/8 9/8 12/8 6/4
        if n == 3 && d >= 8 { return [3] }                                            // 3/8: one beat
        if n == 5 { return [3, 2] }
        if n == 7 { return [2, 2, 3] }
        return Array(repeating: 1, count: n)
    }

    /// `C`: common time, 4/4.
    public static let commonTime = try! Meter(numerator: 4, denominator: 4, symbol: .common)
    /// `C|`: cut time, 2/2.
    public static let cutTime = try! Meter(numerator: 2, denominator: 2, symbol: .cut)
    /// 4/4 written with numbers.
    public static let fourFour = try! Meter(numerator: 4, denominator: 4)
    /// 3/4.
    public static let threeFour = try! Meter(numerator: 3, denominator: 4)
    /// 2/4.
    public static let twoFour = try! Meter(numerator: 2, denominator: 4)
    /// 6/8.
    public static let sixEight = try! Meter(numerator: 6, denominator: 8)
    /// 9/8.
    public static let nineEight = try! Meter(numerator: 9, denominator: 8)
    /// 12/8.
    public static let twelveEight = try! Meter(numerator: 12, denominator: 8)

    /// The length of one bar in quarter notes.
    public var barLength: Rational { Rational(numerator * 4, denominator) }

    /// True for compound meters (beats divide in three: 6/8, 9/8, 12/8, 6/4).
    public var isCompound: Bool { numerator % 3 == 0 && numerator > 3 }

    /// Onsets of the beats within a bar, in quarter notes from the bar line.
    public var beatOnsets: [Rational] {
        var onsets: [Rational] = []
        var t = Rational.zero
        for b in beats { onsets.append(t); t += b }
        return onsets
    }

    /// Parses `6/8`, `C`, `C|`, `2/2`; also `3+2/8` style additive numerators.
    public init(parsing text: some StringProtocol) throws(NotationError) {
        let t = String(text.filter { $0 != " " })
        if t == "C" { self = .commonTime; return }
        if t == "C|" { self = .cutTime; return }
        let parts = t.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let d = Int(parts[1]) else { throw .invalidMeter(numerator: 0, denominator: 0) }
        let addends = parts[0].split(separator: "+", omittingEmptySubsequences: false).map { Int($0) }
        guard !addends.isEmpty, addends.allSatisfy({ $0 != nil }) else { throw .invalidMeter(numerator: 0, denominator: d) }
        let values = addends.map { $0! }
        let n = values.reduce(0, +)
        try self.init(numerator: n, denominator: d, grouping: values.count > 1 ? values : nil)
    }
}

extension Meter: CustomStringConvertible {
    /// `C`, `C|` or `6/8`.
    public var description: String {
        switch symbol {
        case .common: return "C"
        case .cut: return "C|"
        case .numeric: return "\(numerator)/\(denominator)"
        }
    }
}
