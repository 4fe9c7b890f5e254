// libFuzzer entry point for the Engine's motif reader (built by Scripts/fuzz/run.sh motif; not a SwiftPM
// target, since Package.swift is shared). Compiled in one module with Sources/Engine/Motif.swift,
// Motif+Reading.swift and EngineError.swift, since the Engine module itself needs every other module.
// An input starting with "MThd" is a MIDI motif (as `compose generate --motif FILE` decides); any other
// input is ABC text, as a `--motif` file or a `--motif-text` note line (headers optional). The requested
// meter and key, which a headerless motif takes, are picked from the input's length. It checks:
//   - reading never traps and never hangs; an `invalidMotif` error names a line:column inside the text;
//   - a motif that reads resolves its key and turns into body tokens (the Engine's next step) or throws,
//     again naming a place inside the text; never a trap.
import Notation
import Tokens

let requestMeters: [Meter] = [.fourFour, .sixEight, .threeFour, .cutTime]
let requestKeys: [Key?] = [nil, try! Key(parsing: "D"), try! Key(parsing: "Am"), try! Key(parsing: "Gdor")]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let meter = requestMeters[size % requestMeters.count]
    let key = requestKeys[(size / requestMeters.count) % requestKeys.count]
    let text = String(decoding: bytes, as: UTF8.self)
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }   // lines end at "\n", as the ABC reader counts
    func check(_ error: EngineError) {
        if case .invalidMotif(_, let line, let column, _) = error, line < 1 || line > lineCount || column < 1 {
            fatalError("line:column \(line):\(column) outside the motif (\(lineCount) lines): \(error)")
        }
    }
    let motif: Motif
    do {
        motif = bytes.starts(with: Array("MThd".utf8))
            ? try Motif(midi: bytes, source: "fuzz.mid") : try Motif(abc: text, source: "fuzz", meter: meter, key: key)
    } catch {
        check(error)
        return 0
    }
    for location in motif.locations.compactMap({ $0 }) + motif.barLines.compactMap(\.location)
    where location.line < 1 || location.line > lineCount || location.column < 1 {
        fatalError("a note or bar line placed at \(location.line):\(location.column), outside the motif (\(lineCount) lines)")
    }
    for (requested, transpose) in [(key, false), (key ?? .cMajor, true)] {
        guard let tuneKey = try? motif.resolveKey(requested: requested, transpose: transpose) else { continue }
        let tuneMeter = motif.meter ?? meter
        for anacrusis in [Rational.zero, motif.barLines.first(where: { $0.onset > .zero })?.onset ?? .zero] {
            do {
                _ = try motif.bodyTokens(meter: tuneMeter, key: tuneKey, anacrusis: anacrusis, bars: 16, vocabulary: .standard)
            } catch {
                check(error)
            }
        }
    }
    return 0
}
