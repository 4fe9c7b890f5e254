// libFuzzer entry point for the ABC tunebook reader (built by Scripts/fuzz/run.sh abc; not a SwiftPM target,
// since Package.swift is shared). For every input, read as a tunebook under each voice policy, it checks:
//   - reading never traps and never hangs (libFuzzer's -timeout); one bad tune is a failure entry, and every
//     error names a line:column inside the input (line 1...number of lines, column >= 1);
//   - every tune read expands (repeats, endings, parts) and plays every voice without trapping;
//   - a tune whose Score converts is written back as ABC when the writer takes it, and that text reads
//     back as one tune with no failure.
import ABCNotation
import Notation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    let lineCount = bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
    func check(_ location: ABCLocation?, _ what: @autoclosure () -> String) {
        guard let location else { return }
        if location.line < 1 || location.line > lineCount || location.column < 1 {
            fatalError("location \(location) outside the input (\(lineCount) lines): \(what())")
        }
    }
    for policy in [ABCVoicePolicy.allVoicesAsParts, .firstVoiceAsMelody, .reject] {
        let book = ABCTunebook(bytes: bytes, voices: policy)
        for failure in book.failures {
            check(failure.location, failure.description)
            check(failure.error.location, failure.description)
        }
        guard policy == .allVoicesAsParts else { continue }
        for tune in book.tunes {
            check(tune.location, "tune")
            for warning in tune.warnings { check(warning.location, warning.description) }
            for voice in tune.voices.indices {
                _ = tune.expandedElements(voice: voice)
                _ = tune.playedEvents(voice: voice)
            }
            for voices in [ABCVoicePolicy.allVoicesAsParts, .firstVoiceAsMelody] {
                let score: Score
                do { score = try tune.score(voices: voices) } catch {
                    check(error.location, error.description)
                    continue
                }
                guard voices == .firstVoiceAsMelody, let text = try? ABCWriter.abcText(for: score) else { continue }
                let again = ABCTunebook(text: text)
                if again.tunes.count != 1 || !again.failures.isEmpty {
                    fatalError("written ABC does not read back: \(again.failures)\n\(text)")
                }
            }
        }
    }
    return 0
}
