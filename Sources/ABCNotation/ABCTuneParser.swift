import Notation

/// Reads one tune (its lines from `X:` to the blank line that ends it): the header up to `K:`, then the body.
struct ABCTuneParser {
    let bytes: [UInt8]
    let lines: [ABCLine]
    let policy: ABCVoicePolicy

    /// The field letter of a line such as `T:Title` (a letter then a colon), or nil.
    static func fieldLetter(_ bytes: [UInt8], _ line: ABCLine) -> UInt8? {
        guard line.end - line.start >= 2 else { return nil }
        let c = bytes[line.start]
        guard ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)), bytes[line.start + 1] == UInt8(ascii: ":") else {
            return nil
        }
        return c
    }

    /// Fields ABC 2.1 allows in a tune body. Another letter and a colon at a line's start is music
    /// (`C::D::E`), as abc2midi reads it.
    static func isBodyField(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "I"), UInt8(ascii: "K"), UInt8(ascii: "L"), UInt8(ascii: "M"), UInt8(ascii: "m"),
            UInt8(ascii: "N"), UInt8(ascii: "P"), UInt8(ascii: "Q"), UInt8(ascii: "R"), UInt8(ascii: "r"),
            UInt8(ascii: "s"), UInt8(ascii: "T"), UInt8(ascii: "U"), UInt8(ascii: "V"), UInt8(ascii: "W"),
            UInt8(ascii: "w"):
            return true
        default:
            return false
        }
    }

    /// The text of a field line after `X:`, with any `%` comment removed.
    func fieldValue(_ line: ABCLine) -> String {
        var end = line.end
        var j = line.start + 2
        while j < line.end {
            if bytes[j] == UInt8(ascii: "%") && bytes[j - 1] != UInt8(ascii: "\\") { end = j; break }
            j += 1
        }
        return String(decoding: bytes[(line.start + 2)..<end], as: UTF8.self).trimmingCharacters()
    }

    /// Reads the tune. The first line is the `X:` line.
    func parse() throws(ABCError) -> ABCTune {
        let xLine = lines[0]
        let xLocation = ABCLocation(line: xLine.number, column: 1)
        let xValue = fieldValue(xLine)
        let number = Int(xValue.prefix(while: { $0.isNumber })) ?? 0
        var titles: [String] = []
        var meter: ABCMeter?
        var meterSeen = false
        var unitLength: Rational?
        var tempoText: (String, ABCLocation)?
        var rhythm: String?
        var partOrder: String?
        var other: [String: [String]] = [:]
        var warnings: [ABCWarning] = []
        var headerVoices: [(String, ABCLocation)] = []
        var keyLine: Int?
        var continued = false

        var index = 1
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            let location = ABCLocation(line: line.number, column: 1)
            let wasContinued = continued
            continued = line.end > line.start && bytes[line.end - 1] == UInt8(ascii: "\\")
            if wasContinued {
                warnings.append(ABCWarning(location: location, message: "continuation of a skipped header line; skipped"))
                continue
            }
            if line.end > line.start && bytes[line.start] == UInt8(ascii: "%") { continue }
            guard let letter = Self.fieldLetter(bytes, line) else {
                let text = String(decoding: bytes[line.start..<line.end], as: UTF8.self)
                if !text.trimmingCharacters().isEmpty {
                    warnings.append(ABCWarning(location: location, message: "not a header field (\"\(text)\"); skipped"))
                }
                continue
            }
            let value = fieldValue(line)
            switch letter {
            case UInt8(ascii: "T"): titles.append(value)
            case UInt8(ascii: "M"):
                meter = try ABCFieldParser.meter(value, at: location)
                meterSeen = true
            case UInt8(ascii: "L"): unitLength = try ABCFieldParser.unitLength(value, at: location)
            case UInt8(ascii: "Q"): tempoText = (value, location)
            case UInt8(ascii: "R"): rhythm = value
            case UInt8(ascii: "P"): partOrder = value
            case UInt8(ascii: "V"):
                headerVoices.append((value.split(separator: " ").first.map(String.init) ?? "1", location))
            case UInt8(ascii: "K"): keyLine = index
            default:
                other[String(UnicodeScalar(letter)), default: []].append(value)
            }
            if keyLine != nil { break }
        }
        guard let keyIndex = keyLine else { throw .missingKey(at: xLocation) }
        _ = meterSeen
        let keyLocation = ABCLocation(line: lines[keyIndex].number, column: 1)
        let keySignature = try ABCFieldParser.key(fieldValue(lines[keyIndex]), at: keyLocation)
        let unit = unitLength ?? ABCFieldParser.defaultUnitLength(for: meter)
        var tempo: ABCTempo?
        if let (text, location) = tempoText {
            do { tempo = try ABCFieldParser.tempo(text, unitLength: unit, at: location) } catch {
                warnings.append(ABCWarning(location: location, message: "\(error); tempo ignored"))
            }
        }

        var body = ABCBodyParser(
            bytes: bytes, policy: policy, unitLength: unit, meter: meter, signature: keySignature.alterations)
        for (id, location) in headerVoices { try body.selectVoice(id, at: location) }
        if !headerVoices.isEmpty { body.current = 0 }
        for line in lines[(keyIndex + 1)...] {
            guard line.end > line.start else { continue }
            if bytes[line.start] == UInt8(ascii: "%") { continue }
            if let letter = Self.fieldLetter(bytes, line), Self.isBodyField(letter) {
                try body.applyField(letter, fieldValue(line), at: ABCLocation(line: line.number, column: 1))
            } else {
                try body.parseMusic(line)
            }
        }
        let voices = try body.finish()
        warnings += body.warnings
        return ABCTune(
            referenceNumber: number, titles: titles, meter: meter, unitLength: unit, key: keySignature.key,
            tempo: tempo, rhythm: rhythm, partOrder: partOrder, otherFields: other, voices: voices,
            warnings: warnings, location: xLocation)
    }
}
