import Notation

/// Realises a chord sequence in four parts with voice leading, by dynamic programming over the candidate
/// voicings of each chord.
///
/// Hard rules on each voicing (``VoicingRules``): complete chord, root doubled (never the leading tone),
/// voices in order without crossing, adjacent upper voices within an octave, every voice in its range.
/// Hard rules between voicings: no consecutive fifths or octaves between any two voices, no hidden fifths
/// or octaves between bass and soprano, no overlap. Cost: the semitones moved by the upper voices, plus a
/// quarter of the bass's movement and, for the first chord, a small pull toward the middle of the ranges.
/// Common tones are held because holding them costs nothing. If the hard rules leave no path (a chord
/// sequence that cannot be voiced cleanly in the ranges), the search runs again with each broken
/// transition rule costing 100 semitones, so it still returns the cleanest realisation; `report` says
/// what was broken.
public struct VoiceLeader: Sendable {
    /// The voice ranges.
    public var ranges: VoiceRanges
    /// The key, for its leading tone (nil: no leading-tone rule).
    public var key: Key?

    /// Creates a voice leader.
    public init(ranges: VoiceRanges = .satb, key: Key? = nil) {
        self.ranges = ranges
        self.key = key
    }

    /// The leading tone's pitch class: a semitone below the tonic, when the key has one (major, and the
    /// raised seventh of minor used by V).
    var leadingTone: Int? {
        guard let key else { return nil }
        let pc = (key.tonic.pitchClass + 11) % 12
        return key.mode == .major || key.mode == .minor || key.mode == .lydian ? pc : nil
    }

    /// The voicings of a chord sequence. Throws ``HarmonyError/noVoicing(chord:index:)`` when a chord has no
    /// voicing in the ranges, and ``HarmonyError/invalidChordSequence(reason:)`` for an empty sequence.
    public func voice(_ chords: [ChordSymbol]) throws(HarmonyError) -> [VoicedChord] {
        guard !chords.isEmpty else { throw .invalidChordSequence(reason: "no chords to voice") }
        for (name, range) in zip(["bass", "tenor", "alto", "soprano"], [ranges.bass] + ranges.upper) {
            guard range.lowerBound >= 0, range.upperBound <= 127, range.count >= 12 else {
                throw .invalidVoiceRange(voice: name, range: range)
            }
        }
        // A chord repeated without a change keeps its voicing: search over the changes only.
        var distinct: [ChordSymbol] = []
        var owner: [Int] = []
        for chord in chords {
            if distinct.last != chord { distinct.append(chord) }
            owner.append(distinct.count - 1)
        }
        var layers: [[VoicedChord]] = []
        for (i, chord) in distinct.enumerated() {
            let options = VoicingRules.candidates(for: chord, ranges: ranges, leadingTone: leadingTone)
            guard !options.isEmpty else { throw .noVoicing(chord: chord.description, index: owner.firstIndex(of: i)!) }
            layers.append(options)
        }
        let path = search(layers, penalty: nil) ?? search(layers, penalty: 100)!
        return owner.map { path[$0] }
    }

    /// Cost of a transition between two voicings (bass first), or nil when it breaks a rule and no penalty
    /// is allowed. In quarter semitones, so that the bass's quarter weight stays an integer.
    func transitionCost(_ p: [Int], _ q: [Int], penalty: Int?) -> Int? {
        var faults = VoiceLeadingCheck.parallelCount(p, q)
        if VoiceLeadingCheck.isHiddenPerfect(lower: p[0], upper: p[3], lower: q[0], upper: q[3]) { faults += 1 }
        if VoiceLeadingCheck.overlaps(p, q) { faults += 1 }
        if faults > 0 && penalty == nil { return nil }
        var cost = 4 * faults * (penalty ?? 0)
        for v in 1..<4 { cost += 4 * abs(q[v] - p[v]) }
        cost += abs(q[0] - p[0])
        return cost
    }

    /// The pull of a first voicing toward the middle of the ranges.
    func startCost(_ v: VoicedChord) -> Int {
        let middle = (ranges.tenor.lowerBound + ranges.soprano.upperBound) / 2
        let mean = v.upper.map(\.midi).reduce(0, +) / 3
        return abs(mean - middle)
    }

    func search(_ layers: [[VoicedChord]], penalty: Int?) -> [VoicedChord]? {
        let numbers = layers.map { layer in layer.map { $0.pitches.map(\.midi) } }
        var cost: [Int?] = layers[0].map { 4 * startCost($0) }
        var back: [[Int]] = [Array(repeating: -1, count: layers[0].count)]
        for l in 1..<layers.count {
            var next: [Int?] = Array(repeating: nil, count: layers[l].count)
            var arg = Array(repeating: -1, count: layers[l].count)
            for (j, b) in numbers[l].enumerated() {
                for (i, a) in numbers[l - 1].enumerated() {
                    guard let base = cost[i], let step = transitionCost(a, b, penalty: penalty) else { continue }
                    if next[j] == nil || base + step < next[j]! { next[j] = base + step; arg[j] = i }
                }
            }
            cost = next
            back.append(arg)
        }
        guard let end = cost.indices.filter({ cost[$0] != nil }).min(by: { cost[$0]! < cost[$1]! }) else { return nil }
        var path = [end]
        for l in stride(from: layers.count - 1, to: 0, by: -1) { path.append(back[l][path.last!]) }
        return zip(layers, path.reversed()).map { $0[$1] }
    }
}
