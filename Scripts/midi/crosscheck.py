#!/usr/bin/env python3
"""Cross-check Tunesmith's MIDI reader and writer against symusic, mido, pretty_midi and music21.

Venv (check-time only, never a run-time dependency of the Swift code):
    python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
(here: /work/venv/bin/python). Steps:

1. Dump our side (one JSON per sample file, the `compose inspect --json` layout, times in ticks; plus every
   sample as our writer rewrites it, and files generated from scores):
       TUNESMITH_MIDI_DUMP_DIR=/tmp/midi-dump swift test --scratch-path .build-midi --filter MIDIFileTests
2. Compare:
       /work/venv/bin/python Scripts/midi/crosscheck.py --dump /tmp/midi-dump
   or, with the `compose` command built, take part A's notes from `compose inspect --json FILE` instead of
   the dump (same JSON, `MIDIInspection` in Sources/MIDIFile; a non-zero exit is a rejection):
       /work/venv/bin/python Scripts/midi/crosscheck.py --dump /tmp/midi-dump --compose .build/debug/compose

Part A, reading real files no one here wrote (default root ../shared/midi-samples): for every file, our
total note count and first and last note (pitch, start tick, end tick) must equal symusic's. "First" is the
minimum and "last" the maximum of (start, pitch, end) over all notes. Both readers drop notes that are never
switched off; as a second check, our paired + unterminated count must equal mido's note-on count
(velocity > 0). Files we reject are listed, one line each, with the byte offset and track from our error.
Part B, files we write: every file in DUMP/generated (written from scores) loads in mido, pretty_midi and
music21 with Python warnings turned into errors, and those written from a sample's Score (score-*) hold the
sample's notes in quarter notes (per symusic); every file in DUMP/rewritten (the samples as our writer
writes them) loads in mido and pretty_midi and holds the same notes per symusic as the original.
Exit status 0 when every check passes.
"""
import argparse
import io
import json
import os
import sys
import urllib.parse
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "midi-samples"))


def list_files(root):
    out = []
    for d, _, files in os.walk(root):
        for f in files:
            if f.lower().endswith((".mid", ".midi")):
                out.append(os.path.relpath(os.path.join(d, f), root))
    return sorted(out)


def flat(rel):
    """The dump's file name for a sample: "/" and "%" percent-encoded (as the Swift test writes it)."""
    return rel.replace("%", "%25").replace("/", "%2F")


def summary(notes):
    """(count, first, last) with notes as (start, pitch, end) tuples."""
    if not notes:
        return (0, None, None)
    return (len(notes), min(notes), max(notes))


def symusic_notes(data):
    import symusic
    s = symusic.Score.from_midi(data)
    return [(n.time, n.pitch, n.time + n.duration) for t in s.tracks for n in t.notes]


def mido_note_ons(data):
    import mido
    m = mido.MidiFile(file=io.BytesIO(data))
    return sum(1 for tr in m.tracks for msg in tr if msg.type == "note_on" and msg.velocity > 0)


def fmt(note):
    return "none" if note is None else f"pitch {note[1]} start {note[0]} end {note[2]}"


def ours_from_compose(compose, path):
    """Our reading of one file through `compose inspect --json` (a rejection becomes {"error": ...})."""
    import re
    import subprocess
    r = subprocess.run([compose, "inspect", "--json", path], capture_output=True, text=True)
    if r.returncode != 0:
        msg = r.stderr.strip() or r.stdout.strip()
        offset = re.search(r"byte (\d+)", msg)
        track = re.search(r"track (\d+)", msg)
        return {"error": msg, "offset": int(offset.group(1)) if offset else None,
                "track": int(track.group(1)) if track else None}
    return json.loads(r.stdout)


def part_a(root, dump, compose=None):
    files = list_files(root)
    bad = 0
    rejected = 0
    agreed = 0
    for rel in files:
        with open(os.path.join(root, rel), "rb") as f:
            data = f.read()
        if compose:
            ours = ours_from_compose(compose, os.path.join(root, rel))
        else:
            ours_path = os.path.join(dump, "notes", flat(rel) + ".json")
            if not os.path.exists(ours_path):
                print(f"MISSING {rel}: no dump at {ours_path}")
                bad += 1
                continue
            with open(ours_path) as f:
                ours = json.load(f)
        try:
            ref = symusic_notes(data)
            ref_error = None
        except Exception as e:  # noqa: BLE001 - a rejection is a result
            ref, ref_error = None, f"{type(e).__name__}: {e}"
        if "error" in ours:
            rejected += 1
            track = ours.get("track")
            where = f"byte offset {ours.get('offset')}, " + ("in the header" if track is None else f"track {track}")
            others = "symusic rejects it too" if ref_error else f"symusic reads {len(ref)} notes"
            print(f"REJECTED {rel} ({where}): {ours['error']} [{others}]")
            continue
        if ref_error:
            print(f"MISMATCH {rel}: we read it, symusic rejects it ({ref_error})")
            bad += 1
            continue
        our_notes = [(n["start"], n["pitch"], n["end"]) for t in ours["tracks"] for n in t["notes"]]
        mine, theirs = summary(our_notes), summary(ref)
        unterminated = sum(len(t["unterminated"]) for t in ours["tracks"])
        mido_count = mido_note_ons(data)
        problems = []
        if mine != theirs:
            problems.append(f"ours {mine[0]} notes, first {fmt(mine[1])}, last {fmt(mine[2])}; "
                            f"symusic {theirs[0]} notes, first {fmt(theirs[1])}, last {fmt(theirs[2])}")
        if mine[0] + unterminated != mido_count:
            problems.append(f"ours {mine[0]} paired + {unterminated} unterminated != mido {mido_count} note-ons")
        if problems:
            bad += 1
            print(f"MISMATCH {rel}: " + " | ".join(problems))
        else:
            agreed += 1
    print(f"part A: {len(files)} files, {agreed} agree with symusic and mido, {rejected} rejected by us, "
          f"{bad} mismatches")
    return bad


def symusic_quarter_notes(data, keep_zero_length):
    """Notes as sorted (start, pitch, end) in exact quarter notes, via symusic."""
    import symusic
    from fractions import Fraction
    s = symusic.Score.from_midi(data)
    q = s.ticks_per_quarter
    return sorted((Fraction(n.time, q), n.pitch, Fraction(n.time + n.duration, q))
                  for t in s.tracks for n in t.notes if keep_zero_length or n.duration > 0)


def part_b(root, dump):
    import mido
    import pretty_midi
    import music21
    bad = 0
    gen_dir = os.path.join(dump, "generated")
    generated = sorted(f for f in os.listdir(gen_dir)) if os.path.isdir(gen_dir) else []
    for name in generated:
        path = os.path.join(gen_dir, name)
        for lib, load in (("mido", lambda p: mido.MidiFile(p)),
                          ("pretty_midi", lambda p: pretty_midi.PrettyMIDI(p)),
                          ("music21", lambda p: music21.converter.parse(p, format="midi"))):
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                try:
                    load(path)
                except Exception as e:  # noqa: BLE001 - warnings are errors here
                    bad += 1
                    print(f"WRITER {name}: {lib} fails or warns: {type(e).__name__}: {e}")
        if name.startswith("score-"):
            # Written from the Score of a sample: the same notes in quarter notes (zero-length ones are
            # dropped by the Score conversion, as the README says).
            with open(path, "rb") as f:
                written = f.read()
            with open(os.path.join(root, urllib.parse.unquote(name[len("score-"):])), "rb") as f:
                original = f.read()
            if symusic_quarter_notes(written, True) != symusic_quarter_notes(original, False):
                bad += 1
                print(f"WRITER {name}: symusic reads different notes (in quarter notes) than in the original")
    rw_dir = os.path.join(dump, "rewritten")
    rewritten = sorted(os.listdir(rw_dir)) if os.path.isdir(rw_dir) else []
    for name in rewritten:
        with open(os.path.join(rw_dir, name), "rb") as f:
            data = f.read()
        with open(os.path.join(root, urllib.parse.unquote(name)), "rb") as f:
            original = f.read()
        try:
            mido.MidiFile(file=io.BytesIO(data))
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # content warnings (e.g. tempo on track 2) come from the original
                pretty_midi.PrettyMIDI(io.BytesIO(data))
            if sorted(symusic_notes(data)) != sorted(symusic_notes(original)):
                bad += 1
                print(f"WRITER {name}: symusic reads different notes from our rewrite than from the original")
        except Exception as e:  # noqa: BLE001
            bad += 1
            print(f"WRITER {name}: rewrite fails to load: {type(e).__name__}: {e}")
    print(f"part B: {len(generated)} generated files x 3 loaders (warnings as errors), "
          f"{len(rewritten)} rewritten samples, {bad} problems")
    return bad


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", required=True, help="TUNESMITH_MIDI_DUMP_DIR used for the Swift test run")
    ap.add_argument("--root", default=DEFAULT_ROOT)
    ap.add_argument("--compose", help="path of a built `compose`: part A runs `compose inspect --json FILE`")
    args = ap.parse_args()
    bad = part_a(args.root, args.dump, args.compose) + part_b(args.root, args.dump)
    print("crosscheck: PASS" if bad == 0 else f"crosscheck: FAIL ({bad} problems)")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
