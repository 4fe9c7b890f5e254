import Notation

/// What abc2midi plays for chord symbols by default: the root in the octave from C2 in the bass
/// (MIDI 36 + root pitch class) and the chord in close root position with its root in the octave from C3
/// (MIDI 48 + root + each interval). Measured from abc2midi's output by Scripts/harmony/abc2midi_baseline.py.
public enum BlockChordBaseline {
    /// The baseline realisation of a chord: bass, then every chord tone in close root position.
    public static func voice(_ chord: ChordSymbol) -> [Int] {
        let root = chord.root.pitchClass
        return [36 + chord.bassPitchClass] + chord.quality.intervals.map { 48 + root + $0 }
    }
}
