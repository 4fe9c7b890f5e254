import Notation

/// The rhythm templates: a pure table, one documented row per pattern.
///
/// How to read a row: a lane is one bar of slots separated by spaces, each slot `unit` quarter notes long
/// (1/2 = a quaver, 1/4 = a semiquaver). A letter starts a stroke, `-` holds the stroke one more slot, `.`
/// is silence. Upper-case letters are accented, lower-case are played softer.
/// - Bass lane: `R` the chord's root, `F` its fifth, `O` the root an octave up, `T` its third, `A` an
///   approach note a scale step below or above the next chord's root (a fifth when walking is off).
/// - Chord lane: `C` the three upper voices together, `1` `2` `3` a single upper voice (1 is lowest), for
///   broken chords.
/// - Percussion lanes: `K` bass drum, `S` snare, `X` side stick, `H` closed hi-hat, `P` pedal hi-hat,
///   `T` low tom (a bodhrán stand-in), `M` low-mid tom, `F` floor tom, `B` tambourine, `R` ride
///   (keys in ``PercussionTemplate/drumKeys``).
/// Meters match by numerator and denominator (`C` and `4/4` are one meter). The weight is the relative
/// chance of a row among the rows that fit a style and meter; one row is drawn per bar. Tests check that
/// every row parses and fills exactly one bar of each of its meters.
public enum RhythmTable {
    /// Bass + chord patterns.
    public static let accompaniment: [AccompanimentTemplate] = [
        // MARK: C| and 4/4 (eight quavers)
        /// Boom-chick: bass root on beat 1 and fifth on beat 3, chord on 2 and 4.
        .init("reel.boom-chick", styles: [.reel, .hornpipe, .strathspey, .folk], meters: [.cutTime, .commonTime],
              weight: 6, unit: Rational(1, 2), bass: "R - . . F - . .", chords: ". . C - . . C -"),
        /// Driving reel vamp: chords on beats 2 and 4 plus a softer push on their off-beats.
        .init("reel.push", styles: [.reel], meters: [.cutTime, .commonTime],
              weight: 3, unit: Rational(1, 2), bass: "R - . . F - . .", chords: ". . C c . . C c"),
        /// Boom-chick with the bass walking into the next bar on beat 4.
        .init("reel.walk", styles: [.reel, .hornpipe, .folk], meters: [.cutTime, .commonTime],
              weight: 2, unit: Rational(1, 2), bass: "R - . . F - a -", chords: ". . C - . . C -"),
        /// Hornpipe stride: root, then the root an octave up on beat 3.
        .init("hornpipe.stride", styles: [.hornpipe], meters: [.commonTime],
              weight: 3, unit: Rational(1, 2), bass: "R - . . O - . .", chords: ". . C - . . C -"),
        /// Strathspey: bass on 1 and 3, chords snapped (semiquaver + dotted quaver) on 2 and 4.
        .init("strathspey.snap", styles: [.strathspey], meters: [.commonTime],
              weight: 4, unit: Rational(1, 4), bass: "R - - - . . . . F - - - . . . .",
              chords: ". . . . c C - - . . . . c C - -"),
        /// Slow air in four: bass held in minims, chord held all bar.
        .init("air.held-4", styles: [.air, .folk], meters: [.fourFour],
              weight: 3, unit: Rational(1, 2), bass: "R - - - F - - -", chords: "C - - - - - - -"),
        /// Slow air in four: broken chord up and back in crotchets over a held root.
        .init("air.broken-4", styles: [.air], meters: [.fourFour],
              weight: 3, unit: Rational(1, 2), bass: "R - - - - - - -", chords: "1 - 2 - 3 - 2 -"),

        // MARK: 2/4 (four quavers)
        /// Polka / march boom-chick in quavers.
        .init("polka.boom-chick", styles: [.polka, .march, .folk], meters: [.twoFour],
              weight: 6, unit: Rational(1, 2), bass: "R . F .", chords: ". C . C"),
        /// Polka with a walking quaver into the next bar.
        .init("polka.walk", styles: [.polka], meters: [.twoFour],
              weight: 2, unit: Rational(1, 2), bass: "R . F a", chords: ". C . C"),
        /// March stride: bass in crotchets, chords on the off-beats.
        .init("march.stride", styles: [.march], meters: [.twoFour],
              weight: 3, unit: Rational(1, 2), bass: "R - F -", chords: ". C . C"),

        // MARK: 3/4 (six quavers)
        /// Waltz oom-pah-pah: bass on 1, chords on 2 and 3.
        .init("waltz.oom-pah-pah", styles: [.waltz, .folk], meters: [.threeFour],
              weight: 6, unit: Rational(1, 2), bass: "R - . . . .", chords: ". . C - C -"),
        /// Waltz with the bass held through the bar.
        .init("waltz.held-bass", styles: [.waltz], meters: [.threeFour],
              weight: 2, unit: Rational(1, 2), bass: "R - - - - -", chords: ". . C - c -"),
        /// Air in three: held root, chord held all bar.
        .init("air.held-3", styles: [.air], meters: [.threeFour],
              weight: 3, unit: Rational(1, 2), bass: "R - - - - -", chords: "C - - - - -"),
        /// Air in three: broken chord in crotchets.
        .init("air.broken-3", styles: [.air], meters: [.threeFour],
              weight: 3, unit: Rational(1, 2), bass: "R - - - - -", chords: "1 - 2 - 3 -"),

        // MARK: 6/8 (six quavers, two dotted beats)
        /// Jig vamp: bass - rest - chord on each dotted crotchet.
        .init("jig.vamp", styles: [.jig, .march, .folk], meters: [.sixEight],
              weight: 6, unit: Rational(1, 2), bass: "R . . F . .", chords: ". . C . . C"),
        /// Jig bass-chord-chord: the guitar's rolling jig strum.
        .init("jig.roll", styles: [.jig], meters: [.sixEight],
              weight: 2, unit: Rational(1, 2), bass: "R . . F . .", chords: ". C c . C c"),
        /// 6/8 march: bass held a crotchet, chord on the third quaver.
        .init("march.six-eight", styles: [.march], meters: [.sixEight],
              weight: 3, unit: Rational(1, 2), bass: "R - . F - .", chords: ". . C . . C"),
        /// Air in 6/8: held root and chord.
        .init("air.held-6", styles: [.air], meters: [.sixEight],
              weight: 3, unit: Rational(1, 2), bass: "R - - - - -", chords: "C - - - - -"),
        /// Air in 6/8: broken chord in quavers.
        .init("air.broken-6", styles: [.air], meters: [.sixEight],
              weight: 2, unit: Rational(1, 2), bass: "R - - - - -", chords: "1 2 3 1 2 3"),

        // MARK: 9/8 (nine quavers, three dotted beats)
        /// Slip-jig vamp: bass - rest - chord on each of the three dotted crotchets.
        .init("slipjig.vamp", styles: [.slipJig, .folk], meters: [.nineEight],
              weight: 6, unit: Rational(1, 2), bass: "R . . F . . R . .", chords: ". . C . . C . . C"),
        /// Slip jig with the bass walking into the next bar.
        .init("slipjig.walk", styles: [.slipJig], meters: [.nineEight],
              weight: 2, unit: Rational(1, 2), bass: "R . . F . . a . .", chords: ". . C . . C . . C"),

        // MARK: 12/8 (twelve quavers, four dotted beats)
        /// 12/8 vamp: bass - rest - chord per dotted beat.
        .init("folk.twelve-eight", styles: [.folk], meters: [.twelveEight],
              weight: 4, unit: Rational(1, 2), bass: "R . . F . . R . . F . .", chords: ". . C . . C . . C . . C"),
    ]

    /// Percussion patterns (channel 10).
    public static let percussion: [PercussionTemplate] = [
        /// Reel bodhrán: accented low tom on each beat, soft strokes between.
        .init("reel.bodhran", styles: [.reel, .hornpipe, .strathspey, .folk], meters: [.cutTime, .commonTime],
              weight: 4, unit: Rational(1, 2), lanes: ["T . t t T . t t"]),
        /// Reel kit: bass drum on 1 and 3, snare on 2 and 4, closed hi-hat quavers.
        .init("reel.kit", styles: [.reel, .folk], meters: [.cutTime, .commonTime],
              weight: 2, unit: Rational(1, 2), lanes: ["K . . . K . . .", ". . S . . . S .", "h h h h h h h h"]),
        /// Jig bodhrán: accent on each dotted beat, two soft strokes after.
        .init("jig.bodhran", styles: [.jig, .slipJig, .folk], meters: [.sixEight],
              weight: 4, unit: Rational(1, 2), lanes: ["T t t T t t"]),
        /// Jig kit: bass drum on the beats, hi-hat on the third quavers.
        .init("jig.kit", styles: [.jig, .folk], meters: [.sixEight],
              weight: 2, unit: Rational(1, 2), lanes: ["K . . K . .", ". . h . . h"]),
        /// Slip-jig bodhrán: accent on each of the three dotted beats.
        .init("slipjig.bodhran", styles: [.slipJig, .folk], meters: [.nineEight],
              weight: 4, unit: Rational(1, 2), lanes: ["T t t T t t T t t"]),
        /// Polka: bass drum on the beats, snare on the off-beats.
        .init("polka.kit", styles: [.polka, .folk], meters: [.twoFour],
              weight: 4, unit: Rational(1, 2), lanes: ["K . K .", ". S . S"]),
        /// 2/4 march: bass drum on 1, snare in quavers with accents on the beats.
        .init("march.snare", styles: [.march, .polka], meters: [.twoFour],
              weight: 3, unit: Rational(1, 2), lanes: ["K . . .", "S s S s"]),
        /// 6/8 march: bass drum on the beats, snare on beats and third quavers.
        .init("march.six-eight", styles: [.march], meters: [.sixEight],
              weight: 3, unit: Rational(1, 2), lanes: ["K . . K . .", "S . s S . s"]),
        /// Waltz: bass drum on 1, hi-hat on 2 and 3.
        .init("waltz.kit", styles: [.waltz, .folk], meters: [.threeFour],
              weight: 3, unit: Rational(1, 2), lanes: ["K . . . . .", ". . h . h ."]),
    ]

    /// Melodic rhythm cells with weights, for a sampler to favour. Lengths in quarter notes.
    public static let melodicCells: [MelodicCell] = [
        /// Reel: four even quavers over a minim beat.
        .init("reel.quavers", styles: [.reel], meters: [.cutTime, .commonTime], weight: 8, "1/2 1/2 1/2 1/2"),
        /// Reel: crotchet then two quavers.
        .init("reel.crotchet-quavers", styles: [.reel], meters: [.cutTime, .commonTime], weight: 3, "1 1/2 1/2"),
        /// Reel: two quavers then a crotchet.
        .init("reel.quavers-crotchet", styles: [.reel], meters: [.cutTime, .commonTime], weight: 2, "1/2 1/2 1"),
        /// Reel: a triplet (roll) then two quavers.
        .init("reel.triplet", styles: [.reel], meters: [.cutTime, .commonTime], weight: 1, "1/3 1/3 1/3 1/2 1/2"),
        /// Jig: three quavers per dotted beat.
        .init("jig.quavers", styles: [.jig], meters: [.sixEight], weight: 8, "1/2 1/2 1/2"),
        /// Jig: crotchet then quaver.
        .init("jig.crotchet-quaver", styles: [.jig], meters: [.sixEight], weight: 4, "1 1/2"),
        /// Jig: a dotted crotchet.
        .init("jig.dotted-crotchet", styles: [.jig], meters: [.sixEight], weight: 1, "3/2"),
        /// Jig: dotted quaver, semiquaver, quaver.
        .init("jig.dotted-quaver", styles: [.jig], meters: [.sixEight], weight: 1, "3/4 1/4 1/2"),
        /// Slip jig: three quavers per dotted beat.
        .init("slipjig.quavers", styles: [.slipJig], meters: [.nineEight], weight: 7, "1/2 1/2 1/2"),
        /// Slip jig: crotchet then quaver.
        .init("slipjig.crotchet-quaver", styles: [.slipJig], meters: [.nineEight], weight: 4, "1 1/2"),
        /// Slip jig: a dotted crotchet.
        .init("slipjig.dotted-crotchet", styles: [.slipJig], meters: [.nineEight], weight: 1, "3/2"),
        /// Hornpipe: dotted pair (dotted quaver + semiquaver).
        .init("hornpipe.dotted-pair", styles: [.hornpipe], meters: [.commonTime], weight: 6, "3/4 1/4"),
        /// Hornpipe: even quavers.
        .init("hornpipe.quavers", styles: [.hornpipe], meters: [.commonTime], weight: 3, "1/2 1/2"),
        /// Hornpipe: quaver triplet on a crotchet beat.
        .init("hornpipe.triplet", styles: [.hornpipe], meters: [.commonTime], weight: 2, "1/3 1/3 1/3"),
        /// Hornpipe: a crotchet (bar ends).
        .init("hornpipe.crotchet", styles: [.hornpipe], meters: [.commonTime], weight: 1, "1"),
        /// Strathspey: Scotch snap (semiquaver + dotted quaver).
        .init("strathspey.snap", styles: [.strathspey], meters: [.commonTime], weight: 5, "1/4 3/4"),
        /// Strathspey: dotted pair.
        .init("strathspey.dotted-pair", styles: [.strathspey], meters: [.commonTime], weight: 5, "3/4 1/4"),
        /// Strathspey: even quavers.
        .init("strathspey.quavers", styles: [.strathspey], meters: [.commonTime], weight: 2, "1/2 1/2"),
        /// Strathspey: a crotchet.
        .init("strathspey.crotchet", styles: [.strathspey], meters: [.commonTime], weight: 1, "1"),
        /// Polka: two quavers.
        .init("polka.quavers", styles: [.polka], meters: [.twoFour], weight: 5, "1/2 1/2"),
        /// Polka: two semiquavers and a quaver.
        .init("polka.semis-quaver", styles: [.polka], meters: [.twoFour], weight: 3, "1/4 1/4 1/2"),
        /// Polka: quaver and two semiquavers.
        .init("polka.quaver-semis", styles: [.polka], meters: [.twoFour], weight: 2, "1/2 1/4 1/4"),
        /// Polka: a crotchet.
        .init("polka.crotchet", styles: [.polka], meters: [.twoFour], weight: 2, "1"),
        /// Waltz: three crotchets.
        .init("waltz.crotchets", styles: [.waltz], meters: [.threeFour], weight: 4, "1 1 1"),
        /// Waltz: minim and crotchet.
        .init("waltz.minim-crotchet", styles: [.waltz], meters: [.threeFour], weight: 3, "2 1"),
        /// Waltz: crotchet, two quavers, crotchet.
        .init("waltz.quavers", styles: [.waltz], meters: [.threeFour], weight: 2, "1 1/2 1/2 1"),
        /// Waltz: a dotted minim.
        .init("waltz.dotted-minim", styles: [.waltz], meters: [.threeFour], weight: 1, "3"),
        /// 2/4 march: two quavers.
        .init("march.quavers", styles: [.march], meters: [.twoFour], weight: 4, "1/2 1/2"),
        /// 2/4 march: dotted quaver + semiquaver.
        .init("march.dotted-pair", styles: [.march], meters: [.twoFour], weight: 4, "3/4 1/4"),
        /// 2/4 march: a crotchet.
        .init("march.crotchet", styles: [.march], meters: [.twoFour], weight: 2, "1"),
        /// 6/8 march: crotchet then quaver.
        .init("march.crotchet-quaver", styles: [.march], meters: [.sixEight], weight: 5, "1 1/2"),
        /// 6/8 march: three quavers.
        .init("march.quavers-68", styles: [.march], meters: [.sixEight], weight: 3, "1/2 1/2 1/2"),
        /// 6/8 march: a dotted crotchet.
        .init("march.dotted-crotchet", styles: [.march], meters: [.sixEight], weight: 2, "3/2"),
        /// Air: a crotchet.
        .init("air.crotchet", styles: [.air], meters: [.threeFour, .fourFour], weight: 4, "1"),
        /// Air: two quavers.
        .init("air.quavers", styles: [.air], meters: [.threeFour, .fourFour], weight: 3, "1/2 1/2"),
        /// Air: dotted crotchet and quaver.
        .init("air.dotted-crotchet", styles: [.air], meters: [.threeFour, .fourFour], weight: 2, "3/2 1/2"),
        /// Air: a minim.
        .init("air.minim", styles: [.air], meters: [.threeFour, .fourFour], weight: 2, "2"),
        /// Air in 6/8: crotchet then quaver.
        .init("air.crotchet-quaver", styles: [.air], meters: [.sixEight], weight: 4, "1 1/2"),
        /// Air in 6/8: a dotted crotchet.
        .init("air.dotted-crotchet-68", styles: [.air], meters: [.sixEight], weight: 3, "3/2"),
        /// Air in 6/8: three quavers.
        .init("air.quavers-68", styles: [.air], meters: [.sixEight], weight: 2, "1/2 1/2 1/2"),
        /// Folk, simple meters: two quavers.
        .init("folk.quavers", styles: [.folk], meters: [.twoFour, .threeFour, .fourFour, .cutTime], weight: 4, "1/2 1/2"),
        /// Folk, simple meters: a crotchet.
        .init("folk.crotchet", styles: [.folk], meters: [.twoFour, .threeFour, .fourFour, .cutTime], weight: 4, "1"),
        /// Folk, simple meters: dotted pair.
        .init("folk.dotted-pair", styles: [.folk], meters: [.twoFour, .threeFour, .fourFour, .cutTime], weight: 1, "3/4 1/4"),
        /// Folk, compound meters: three quavers.
        .init("folk.quavers-compound", styles: [.folk], meters: [.sixEight, .nineEight, .twelveEight], weight: 4, "1/2 1/2 1/2"),
        /// Folk, compound meters: crotchet then quaver.
        .init("folk.crotchet-quaver", styles: [.folk], meters: [.sixEight, .nineEight, .twelveEight], weight: 4, "1 1/2"),
    ]
}
