import Notation

// The bytes bar lines, endings and tuplets are made of.
private let bar = UInt8(ascii: "|"), colon = UInt8(ascii: ":"), lbracket = UInt8(ascii: "[")
private let rbracket = UInt8(ascii: "]"), comma = UInt8(ascii: ","), hyphen = UInt8(ascii: "-")
@inline(__always) private func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

/// Tuplets, bar lines and endings.
extension ABCBodyParser {
    /// `(3`, `(3:2`, `(3:2:4`, `(5::5`: p notes in the time of q, for the next r notes.
    mutating func readTuplet(_ i: inout Int, end: Int, location: ABCLocation) throws(ABCError) {
        i += 1
        func number() -> Int? {
            var v = 0
            var n = 0
            while i < end, isDigit(bytes[i]), n < 3 { v = v * 10 + Int(bytes[i] - 48); i += 1; n += 1 }
            return n == 0 ? nil : v
        }
        let written = number()
        var q: Int?
        var r: Int?
        if i < end, bytes[i] == colon {
            i += 1
            q = number()
            if i < end, bytes[i] == colon {
                i += 1
                r = number()
            }
        }
        // p over 9 only with its q written, as ABCWriter writes lengths with odd factors such as 15 (and
        // abc2midi reads them): `(15:8:1`. Found by Scripts/fuzz/run.sh abc (written ABC that did not read back).
        guard let p = written, (2...9).contains(p) || (p >= 2 && q != nil) else {
            throw .invalidBody(at: location, reason: "a tuplet (p needs p from 2 to 9, or q written too: (p:q")
        }
        // abc2midi takes q = 3 for p = 5, 7, 9 whenever the meter's numerator is a multiple of 3 (3/4
        // included), where ABC 2.1 says "compound meter"; we follow abc2midi.
        let compound = (voices[current].meter.map { $0.numerator % 3 == 0 }) ?? false
        let defaultQ: Int
        switch p {
        case 2, 4, 8: defaultQ = 3
        case 3, 6: defaultQ = 2
        default: defaultQ = compound ? 3 : 2
        }
        let qq = q ?? defaultQ
        let rr = r ?? p
        guard (1...999).contains(qq), (1...999).contains(rr) else {
            throw .invalidBody(at: location, reason: "a tuplet's q and r must be 1 to 999")
        }
        voices[current].tupletCount += 1
        voices[current].tuplet = (Rational(qq, p), rr, location, voices[current].tupletCount)
    }

    // MARK: Bars

    /// Reads a bar line (`|`, `||`, `|]`, `[|`, `|:`, `:|`, `::`) and any ending number after it (`|1`, `:|2`).
    mutating func readBar(_ i: inout Int, end: Int, location: ABCLocation) {
        let start = i
        if bytes[i] == lbracket { i += 1 }
        while i < end {
            let c = bytes[i]
            if c == bar || c == colon || (c == rbracket && (bytes[i - 1] == bar || bytes[i - 1] == colon)) {
                i += 1
            } else {
                break
            }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if lastIsBareBar {
            if text == "|" {
                // `…fdB|` at a line's end and `|1 …` at the next line's start are one bar line.
                var endings: [Int] = []
                if i < end, isDigit(bytes[i]) { endings = readEndingList(&i, end: end) }
                if !endings.isEmpty { addEndings(endings, location: location) }
                return
            }
        }
        // `:|`, `::` end a repeat; `|:`, `::` start one. As in abc2midi, `|:|` only starts one, and
        // `||:`, `:]`, `:[|` and a lone `:` are not read as repeats (`||:` is a double bar).
        let allColons = text.utf8.allSatisfy { $0 == colon }
        let ends = (text.hasPrefix(":") && !(allColons && text.utf8.count == 1) && !text.hasSuffix(":]"))
            || text.contains("]:|")
        let starts = (text.contains("|:") && text != "||:") || (allColons && text.utf8.count >= 2)
        let isDouble = text.contains("||") || text.contains("|]") || text.contains("[|")
        var endings: [Int] = []
        if i < end, isDigit(bytes[i]) { endings = readEndingList(&i, end: end) }
        voices[current].barAccidentals = [:]
        append(.bar(ABCBar(onset: voices[current].time, text: text, endsRepeat: ends, startsRepeat: starts,
            isDouble: isDouble, endings: endings, location: location)))
    }

    /// `1`, `1,3`, `1-3`.
    func readEndingList(_ i: inout Int, end: Int) -> [Int] {
        var list: [Int] = []
        var value = 0
        var rangeStart: Int?
        while i < end {
            let c = bytes[i]
            if isDigit(c) {
                value = value * 10 + Int(c - 48)
                if value > 99 { value = 99 }
            } else if c == comma || c == hyphen {
                if let s = rangeStart { list += Array(s...max(s, value)) } else { list.append(value) }
                rangeStart = c == hyphen ? value : nil
                value = 0
                guard i + 1 < end, isDigit(bytes[i + 1]) else { i += 1; break }
            } else { break }
            i += 1
        }
        if let s = rangeStart { list += Array(s...max(s, value)) } else if value > 0 { list.append(value) }
        return list
    }

    /// A `[1` ending: joins the bar line just before it, or stands as its own bar.
    mutating func addEndings(_ endings: [Int], location: ABCLocation) {
        let time = voices[current].time
        if let last = voices[current].elements.last, case .bar(var b) = last, b.onset == time, b.endings.isEmpty {
            b.endings = endings
            voices[current].elements[voices[current].elements.count - 1] = .bar(b)
        } else {
            append(.bar(ABCBar(onset: time, text: "", endings: endings, location: location)))
        }
    }
}
