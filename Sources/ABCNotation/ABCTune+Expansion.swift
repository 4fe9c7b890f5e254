import Notation

extension ABCTune {
    /// The voice's elements in playing order, re-timed from zero: `P:` parts in the header's order, repeats
    /// and endings expanded as abc2midi plays them (see README.md for the rules and their sources).
    public func expandedElements(voice index: Int = 0) -> [ABCElement] {
        guard voices.indices.contains(index) else { return [] }
        let elements = voices[index].elements
        var sections: [[ABCElement]] = []
        var usesParts = false
        if let order = partOrder, let letters = Self.expandPartOrder(order), !letters.isEmpty,
            elements.contains(where: { if case .partLabel = $0 { return true } else { return false } })
        {
            // Body before the first label plays first, then each part named by the header, in order.
            var parts: [Character: [ABCElement]] = [:]
            var prefix: [ABCElement] = []
            var currentLabel: Character?
            for e in elements {
                if case .partLabel(let label, _) = e {
                    currentLabel = label.first
                    continue
                }
                if let l = currentLabel { parts[l, default: []].append(e) } else { prefix.append(e) }
            }
            usesParts = true
            if !prefix.isEmpty { sections.append(prefix) }
            for l in letters { if let p = parts[l] { sections.append(p) } }
        } else {
            sections = [elements]
        }
        var out: [ABCElement] = []
        var time = Rational.zero
        for section in sections {
            for e in Self.expandRepeats(section, inPart: usesParts || voices.count > 1) {
                out.append(Self.moved(e, to: time))
                time += e.duration
            }
        }
        return out
    }

    /// The most parts a `P:` order may play (more is not music a person wrote).
    static let maximumParts = 1024

    /// `ABA`, `A2B`, `(AB)2`, `A.B.A` → the sequence of part letters; nil when it cannot be read.
    static func expandPartOrder(_ text: String) -> [Character]? {
        var chars = Array(text)[...]
        func group() -> [Character]? {
            var result: [Character] = []
            while let c = chars.first {
                if c == ")" { return result }
                chars = chars.dropFirst()
                var item: [Character]
                if c == "(" {
                    guard let inner = group(), chars.first == ")" else { return nil }
                    chars = chars.dropFirst()
                    item = inner
                } else if c.isLetter {
                    item = [c]
                } else {
                    continue  // spaces and dots separate parts
                }
                // A repeat count is at most 16 (saturating: `A8888888888888888888888` once overflowed Int,
                // found by Scripts/fuzz/run.sh abc), and the whole order at most `maximumParts` parts
                // (nested groups multiply), else the order is not used.
                var count = 0
                while let d = chars.first, let v = d.wholeNumberValue { count = min(count * 10 + v, 1000); chars = chars.dropFirst() }
                for _ in 0..<max(1, min(count, 16)) {
                    result += item
                    if result.count > maximumParts { return nil }
                }
            }
            return result
        }
        let result = group()
        return chars.isEmpty ? result : nil
    }

    /// Plays through one section's repeats and endings the way abc2midi 4.84 does. Each rule below was
    /// checked against abc2midi on small tunes (README.md lists them). Two counters are kept, as
    /// abc2midi's behaviour needs: `repeatPass` decides whether a `:|` jumps back, `endingPass` which
    /// ending (`[1`, `[2`) plays.
    /// - `:|` in repeat pass 1 jumps back to the start (repeat pass 2, ending pass 2); in repeat pass 2 it
    ///   completes the repeat (both passes back to 1). The start is the tune's start, the last `|:`, or,
    ///   after a completed repeat, just after its `:|` or the last `||`/`|]`/`[|` after it (while no
    ///   `|:` is open). Inside a `P:` part, and in a tune with several voices, once a repeat has
    ///   completed a `:|` with no `|:` of its own does not repeat.
    /// - an ending that does not list the ending pass is skipped, up to an ending bar that lists it and
    ///   has not been entered before (entering it sets repeat pass 1, so a later `:|` jumps back again),
    ///   or a plain `:|` (which completes the repeat), `||`, `|]`, `[|` or `|:`.
    /// - `|:`, `[|:` and `::` start a repeat with both passes at 1 (abc2midi reads `||:` as a plain
    ///   double bar), and a `::` met inside a second ending does not jump back.
    static func expandRepeats(_ elements: [ABCElement], inPart: Bool = false) -> [ABCElement] {
        var out: [ABCElement] = []
        var i = 0
        var start: Int? = 0
        var repeatPass = 1
        var endingPass = 1
        var skipping = false
        var completed = false
        var entered: Set<Int> = []
        var openRepeat = false
        var steps = 0
        let limit = elements.count * 8 + 16
        func complete(at index: Int) {
            repeatPass = 1
            endingPass = 1
            completed = true
            start = inPart ? nil : index + 1
        }
        while i < elements.count, steps < limit {
            steps += 1
            let e = elements[i]
            guard case .bar(let b) = e else {
                if !skipping { out.append(e) }
                i += 1
                continue
            }
            if skipping {
                if !b.endings.isEmpty {
                    if b.endings.contains(endingPass) && !entered.contains(i) {
                        skipping = false
                        entered.insert(i)
                        repeatPass = 1
                        out.append(e)
                    }
                } else if b.endsRepeat {
                    skipping = false
                    out.append(e)
                    complete(at: i)
                    if b.startsRepeat { start = i + 1 }
                } else if b.startsRepeat || b.isDouble {
                    skipping = false
                    out.append(e)
                    if b.startsRepeat {
                        start = i + 1
                    } else if completed && !inPart && !openRepeat {
                        start = i + 1
                    }
                }
                i += 1
                continue
            }
            // abc2midi: `::` inside a second ending only starts a new repeat; a `|:` while an earlier
            // `|:` is still open is read as `::` ("replacing |: with double repeat").
            var endsHere = b.endsRepeat && !(b.text == "::" && endingPass == 2)
            if b.startsRepeat && !b.endsRepeat && openRepeat { endsHere = true }
            if b.startsRepeat { openRepeat = true } else if endsHere { openRepeat = false }
            if endsHere {
                if repeatPass == 1, let s = start {
                    out.append(e)
                    repeatPass = 2
                    endingPass = 2
                    completed = false
                    i = s
                    continue
                }
                complete(at: i)
            }
            out.append(e)
            if !b.endings.isEmpty {
                if !b.endings.contains(endingPass) { skipping = true }
            } else if b.startsRepeat {
                start = i + 1
                repeatPass = 1
                endingPass = 1
            } else if b.isDouble && completed && !inPart && !b.endsRepeat && !openRepeat && b.endings.isEmpty {
                start = i + 1
            }
            i += 1
        }
        return out
    }

    /// The element with its onset (and its notes' onsets) set to `time`.
    static func moved(_ element: ABCElement, to time: Rational) -> ABCElement {
        switch element {
        case .note(var n):
            n.onset = time
            return .note(n)
        case .chord(let notes, _, let d):
            return .chord(notes: notes.map { var n = $0; n.onset = time; return n }, onset: time, duration: d)
        case .rest(_, let d): return .rest(onset: time, duration: d)
        case .bar(var b):
            b.onset = time
            return .bar(b)
        case .chordSymbol(let s, _): return .chordSymbol(s, onset: time)
        case .partLabel(let l, _): return .partLabel(l, onset: time)
        case .keyChange(let k, _): return .keyChange(k, onset: time)
        case .meterChange(let m, _): return .meterChange(m, onset: time)
        case .tempoChange(let t, _): return .tempoChange(t, onset: time)
        }
    }
}
