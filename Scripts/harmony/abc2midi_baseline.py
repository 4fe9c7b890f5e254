#!/usr/bin/env python3
"""Measure what abc2midi plays for chord symbols, to check Harmony's BlockChordBaseline.

For I-IV-V-I and I-vi-ii-V-I in the 12 major keys this writes a one-chord-per-bar ABC tune, renders it with
abc2midi (Debian package abcmidi), reads the MIDI with mido, takes the bass note and the chord notes struck at
the start of each bar, and prints the same figures as the Swift test VoiceLeaderTests.measuredFiguresTable:
upper-voice movement, movement with the bass, and consecutive fifths/octaves between any two voices (both
voices move, interval class 0 or 7 kept). It also checks each chord against the model
bass = 36 + root, chord = 48 + root + intervals, and exits 1 on a mismatch.

Venv: python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
Run:  /work/venv/bin/python Scripts/harmony/abc2midi_baseline.py
"""
import os
import subprocess
import sys
import tempfile

import mido

KEYS = ["C", "G", "D", "A", "E", "B", "F#", "Db", "Ab", "Eb", "Bb", "F"]
PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
LETTERS = "CDEFGAB"
MAJOR = [0, 2, 4, 5, 7, 9, 11]
NUMERALS = {"I": (0, ""), "ii": (1, "m"), "IV": (3, ""), "V": (4, ""), "vi": (5, "m")}
PROGRESSIONS = [("I-IV-V-I", ["I", "IV", "V", "I"]), ("I-vi-ii-V-I", ["I", "vi", "ii", "V", "I"])]


def pitch_class(name):
    pc = PC[name[0]]
    for ch in name[1:]:
        pc += 1 if ch == "#" else -1 if ch == "b" else 0
    return pc % 12


def spell(key, degree):
    """Name of a scale degree of a major key, spelled by letter."""
    tonic = pitch_class(key)
    letter = LETTERS[(LETTERS.index(key[0]) + degree) % 7]
    alter = ((tonic + MAJOR[degree]) - PC[letter] + 6) % 12 - 6
    return letter + ("#" * alter if alter > 0 else "b" * -alter)


def chord_names(key, numerals):
    return [spell(key, NUMERALS[n][0]) + NUMERALS[n][1] for n in numerals]


def render(names, key):
    body = "|".join(f'"{n}"z4' for n in names) + "|"
    abc = f"X:1\nT:baseline\nM:4/4\nL:1/4\nK:{key}\n{body}\n"
    with tempfile.TemporaryDirectory() as d:
        src, out = os.path.join(d, "t.abc"), os.path.join(d, "t.mid")
        with open(src, "w") as f:
            f.write(abc)
        subprocess.run(["abc2midi", src, "-o", out], check=True, capture_output=True)
        midi = mido.MidiFile(out)
    bar = midi.ticks_per_beat * 4
    chords = []
    for i in range(len(names)):
        notes = {}
        for track in midi.tracks:
            now = 0
            for msg in track:
                now += msg.time
                if msg.type == "note_on" and msg.velocity > 0 and i * bar <= now < i * bar + bar // 2:
                    notes.setdefault(msg.channel, set()).add(msg.note)
        # abc2midi puts the bass and the chord on their own channels; the chord channel has 3+ notes.
        bass = [n for ch, ns in notes.items() if len(ns) == 1 for n in ns]
        upper = [sorted(ns) for ch, ns in notes.items() if len(ns) >= 3]
        chords.append([min(bass)] + upper[0])
    return chords


def parallels(a, b):
    count = 0
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if a[i] != b[i] and a[j] != b[j]:
                x, y = abs(a[j] - a[i]) % 12, abs(b[j] - b[i]) % 12
                if x == y and x in (0, 7):
                    count += 1
    return count


def main():
    print("| progression | key | abc2midi: upper semitones | with bass | parallels |")
    print("|---|---|---:|---:|---:|")
    ok = True
    for name, numerals in PROGRESSIONS:
        for key in KEYS:
            names = chord_names(key, numerals)
            chords = render(names, key)
            for n, c in zip(names, chords):
                root = pitch_class(n.rstrip("m"))
                third = 3 if n.endswith("m") else 4
                if c != [36 + root, 48 + root, 48 + root + third, 55 + root]:
                    print(f"mismatch: {n} in {key}: {c}", file=sys.stderr)
                    ok = False
            upper = sum(abs(b[v] - a[v]) for a, b in zip(chords, chords[1:]) for v in range(1, 4))
            bass = sum(abs(b[0] - a[0]) for a, b in zip(chords, chords[1:]))
            par = sum(parallels(a, b) for a, b in zip(chords, chords[1:]))
            print(f"| {name} | {key} | {upper} | {upper + bass} | {par} |")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
