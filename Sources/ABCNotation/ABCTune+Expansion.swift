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
            for e in Self.expandRepeats(section, inPart: usesParts) {
                out.append(Self.moved(e, to: time))
                time += e.duration
            }
        }
        return out
    }

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
                var count = 0
                while let d = chars.first, let v = d.wholeNumberValue { count = count * 10 + v; chars = chars.dropFirst() }
                for _ in 0..<max(1, min(count, 16)) { result += item }
            }
            return result
        }
        let result = group()
        return chars.isEmpty ? result : nil
    }

    /// Plays through one section's repeats and endings the way abc2midi 4.84 does (each rule below was
    /// checked against abc2midi on small tunes; README.md lists them):
    /// - `|: … :|` plays twice; a `:|` with no `|:` repeats from the start of the tune, or, once a repeat
    ///   has been completed, from just after that repeat's `:|` or the last `||`/`|]`/`[|` after it.
    ///   Inside a `P:` part a second `:|` with no `|:` of its own does not repeat.
    /// - the second time through, an ending (`[1`) that does not list the pass is skipped up to the first
    ///   ending that lists it and has not been played yet, or to a plain `:|`, `||` or `|:`;
    ///   entering ending 2 starts a new first pass, so a later `:|` repeats again from the same start.
    static func expandRepeats(_ elements: [ABCElement], inPart: Bool = false) -> [ABCElement] {
        var out: [ABCElement] = []
        var i = 0
        var start: Int? = 0
        var pass = 1
        var skipping = false
        var completed = false
        var played: Set<Int> = []
        var steps = 0
        let limit = elements.count * 8 + 16
        func complete(at index: Int) {
            pass = 1
            completed = true
            played = []
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
                    if b.endings.contains(pass) && !b.endings.allSatisfy(played.contains) {
                        skipping = false
                        played.formUnion(b.endings)
                        pass = 1
                        out.append(e)
                    }
                } else if b.endsRepeat {
                    skipping = false
                    out.append(e)
                    complete(at: i)
                } else if b.startsRepeat || b.isDouble {
                    skipping = false
                    out.append(e)
                    if b.startsRepeat {
                        start = i + 1
                        pass = 1
                        played = []
                    } else if completed && !inPart {
                        start = i + 1
                    }
                }
                i += 1
                continue
            }
            if b.endsRepeat {
                if pass == 1, let s = start {
                    out.append(e)
                    pass = 2
                    i = s
                    continue
                }
                complete(at: i)
            }
            out.append(e)
            if !b.endings.isEmpty {
                if b.endings.contains(pass) {
                    played.formUnion(b.endings)
                } else {
                    skipping = true
                }
            } else if b.startsRepeat {
                start = i + 1
                pass = 1
                played = []
            } else if b.isDouble && completed && !inPart && !b.endsRepeat {
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
