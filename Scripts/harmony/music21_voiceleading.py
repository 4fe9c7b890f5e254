#!/usr/bin/env python3
"""Check Harmony's voice-leading figures independently with music21.

Reads the `voicing | leader|baseline | progression | key | B3 D4 G4 B4, ...` lines (notes spelled in the key,
octave 4 from middle C) that the Swift test
VoiceLeaderTests.measuredFiguresTable prints, and for each realisation counts with music21's
VoiceLeadingQuartet, over every chord change: parallel fifths and parallel octaves/unisons between any two
voices, fifths/octaves by contrary motion, and hidden fifths/octaves between the outer voices; plus the
upper-voice movement in semitones. Prints one table row per realisation and a summary; exits 1 when a
voice-leader realisation has any fault or moves more than 12 semitones.

Venv: python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
Run:  TUNESMITH_ONLY=Notation,Harmony swift test --scratch-path .build-harmony --filter VoiceLeaderTests 2>&1 \
        | /work/venv/bin/python Scripts/harmony/music21_voiceleading.py
"""
import re
import sys

from music21 import note, voiceLeading


def quartet(upper1, upper2, lower1, lower2):
    return voiceLeading.VoiceLeadingQuartet(upper1, upper2, lower1, lower2)


def music21_note(name):
    """`Bb3` / `F#4` / `C4` as written by Notation's SpelledNote -> a music21 Note (`B-3`)."""
    letter, rest = name[0], name[1:]
    accidental = rest.rstrip("-0123456789")
    octave = rest[len(accidental):]
    return note.Note(letter + accidental.replace("b", "-") + octave)


def faults(chords):
    parallel = contrary = hidden = 0
    for a, b in zip(chords, chords[1:]):
        for i in range(len(a)):
            for j in range(i + 1, len(a)):
                q = quartet(a[j], b[j], a[i], b[i])
                if q.parallelFifth() or q.parallelUnisonOrOctave():
                    parallel += 1
                elif q.contraryMotion() and q.vIntervals[0].simpleName in ("P1", "P5", "P8") \
                        and q.vIntervals[1].simpleName == q.vIntervals[0].simpleName:
                    contrary += 1
        q = quartet(a[-1], b[-1], a[0], b[0])
        if q.hiddenFifth() or q.hiddenOctave():
            hidden += 1
    movement = sum(abs(b[v].pitch.midi - a[v].pitch.midi) for a, b in zip(chords, chords[1:]) for v in range(1, len(a)))
    return parallel, contrary, hidden, movement


def main():
    # The test runner may print on the same line after ours, so take only the notes the pattern matches.
    pattern = re.compile(r"voicing \| (\w+) \| (\S+) \| (\S+) \| ((?:[A-G][#b]*-?\d+(?:, | )?)+)")
    rows = [m.groups() for m in map(pattern.match, sys.stdin) if m]
    if not rows:
        sys.exit("no 'voicing |' lines on stdin: pipe the output of the Swift test (see the docstring)")
    print("| who | progression | key | parallel 5ths/8ves | contrary 5ths/8ves | hidden (outer) | upper semitones |")
    print("|---|---|---|---:|---:|---:|---:|")
    bad = 0
    totals = {}
    for who, progression, key, chords in rows:
        voicings = [[music21_note(x) for x in chord.split()] for chord in chords.strip().rstrip(",").split(", ")]
        p, c, h, m = faults(voicings)
        print(f"| {who} | {progression} | {key} | {p} | {c} | {h} | {m} |")
        t = totals.setdefault(who, [0, 0, 0, 0, 10**9, 0])
        t[0] += p; t[1] += c; t[2] += h; t[3] += 1; t[4] = min(t[4], m); t[5] = max(t[5], m)
        if who == "leader" and (p or c or h or m > 12):
            bad += 1
    for who, t in totals.items():
        print(f"{who}: {t[3]} realisations, parallel {t[0]}, contrary {t[1]}, hidden {t[2]}, "
              f"upper movement {t[4]}..{t[5]} semitones")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
