#!/usr/bin/env python3
"""Compare Tunesmith's ABC reader with abc2midi (the reference interpreter) on every corpus tune.

For each tune (one X: ... block of an .abc file under the corpus folder) this runs Debian's abc2midi
on the tune's text, reads the MIDI with mido, and compares the played melody -- the (pitch, onset) of
every note, repeats expanded, grace notes left out -- with the notes Tunesmith wrote for the same tune
(a JSON dump in `compose inspect --json` format, made by the Swift test dumpCorpusForAbc2midiComparison
when TUNESMITH_ABC_DUMP_DIR is set). Onsets are in ticks at 480 per quarter; abc2midi starts every
note one tick late, so onsets match within 3 ticks, and it staggers the notes of a chord by 10 ticks
each, so notes it starts in a chain of gaps of at most 12 ticks count as struck together; two notes of
one pitch struck together (`[A2A2]`, or a unison of two voices) count once on both sides. Velocities and note ends are not compared
(abc2midi applies its own beat-stress velocities and articulation gaps).

How abc2midi is made comparable:
  * options -NGRA (grace notes ignored), -NFER (fermatas do not lengthen notes), -NGUI (no chord
    accompaniment from "Am" symbols), -NFNP (no !p!/!f! dynamics), -NCOM (no comments), -silent;
  * ornaments that abc2midi plays as several notes (~ roll, T trill, !trill!, !roll!) are removed from
    the tune body text given to abc2midi, since Tunesmith plays the written note only;
  * staccato dots and H fermatas are removed from the body too: abc2midi 4.84 drops the broken rhythm
    of a note that carries one (`A>.B` plays as `AB`), and neither moves an onset;
  * R: lines are removed: abc2midi swings the even notes of an R:hornpipe (and similar) tune, which
    is a performance style, not the written rhythm.

Setup (a venv for this script):
  python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
  (only mido is needed here). abc2midi comes from Debian's abcmidi package.

Usage:
  TUNESMITH_ABC_DUMP_DIR=/tmp/abcdump swift test --scratch-path .build-abc --filter dumpCorpusForAbc2midiComparison
  .venv/bin/python Scripts/abc/compare_abc2midi.py --dump /tmp/abcdump --corpus ../shared/corpus-sources \
      [--report report.tsv] [--jobs 2]

With --check-writer it also checks the ABC writer: each single-voice tune's dump carries `writtenABC`
(the writer's text for the expanded melody), and abc2midi must play that text as the dump's notes.
Exit status 0 when the agreement is at least --min-agreement (default 0.99).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor

import mido

ABC2MIDI_OPTIONS = ["-NGRA", "-NFER", "-NGUI", "-NFNP", "-NCOM", "-silent"]
TOLERANCE = 3  # ticks
CHORD_SPREAD = 12  # ticks: abc2midi staggers the notes of a chord by 10 ticks each


def split_tunes(text):
    """Yield (line_number_of_X, tune_text): a tune runs from X: to a blank line or the next X:."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if re.match(r"^X:", lines[i]):
            j = i + 1
            while j < len(lines) and lines[j].strip() != "" and not lines[j].startswith("X:"):
                j += 1
            yield i + 1, "\n".join(lines[i:j]) + "\n"
            i = j
        else:
            i += 1


def strip_ornaments(tune):
    """Drop R: lines; remove ~, T, ., H, !trill! and !roll! from body lines (outside quoted text)."""
    out = []
    in_body = False
    for line in tune.split("\n"):
        if not in_body:
            if line.startswith("R:"):
                continue
            out.append(line)
            if line.startswith("K:"):
                in_body = True
            continue
        if re.match(r"^[A-Za-z]:", line) or line.startswith("%"):
            out.append(line)
            continue
        parts = line.split('"')
        for k in range(0, len(parts), 2):  # outside quotes
            p = re.sub(r"!(trill|roll|trill\(|trill\))!", "", parts[k])
            parts[k] = p.replace("~", "").replace("T", "").replace(".", "").replace("H", "")
        out.append('"'.join(parts))
    return "\n".join(out)


def abc2midi_notes(tune_text):
    """Run abc2midi on one tune; return sorted [(onset_ticks_at_480, pitch)] or raise."""
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "t.abc")
        mid = os.path.join(d, "t.mid")
        with open(src, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(tune_text)
        r = subprocess.run(["abc2midi", src, "-o", mid] + ABC2MIDI_OPTIONS, capture_output=True, timeout=30)
        if not os.path.exists(mid):
            raise RuntimeError("abc2midi wrote no MIDI: " + r.stdout.decode(errors="replace")[-200:])
        m = mido.MidiFile(mid)
        scale = 480 / m.ticks_per_beat
        notes = []
        for track in m.tracks:
            t = 0
            for msg in track:
                t += msg.time
                if msg.type == "note_on" and msg.velocity > 0:
                    notes.append((round(t * scale), msg.note))
        return sorted(set(cluster_chords(sorted(notes))))


def cluster_chords(notes):
    """abc2midi spreads the notes of a chord [CEG] a few ticks apart; give each the onset of its first."""
    out = []
    start = previous = None
    for t, p in notes:
        if previous is None or t - previous > CHORD_SPREAD:
            start = t
        previous = t
        out.append((start, p))
    return sorted(out)


def our_notes(dump):
    notes = []
    for track in dump["tracks"]:
        for n in track["notes"]:
            notes.append((n["start"], n["pitch"]))
    return sorted(set(notes))


def first_difference(ours, theirs):
    """None when equal within tolerance; else a short description of the first difference."""
    for k, (a, b) in enumerate(zip(ours, theirs)):
        if a[1] != b[1] or abs(a[0] - b[0]) > TOLERANCE:
            return "note %d: ours pitch %d at %s q, abc2midi pitch %d at %s q" % (
                k, a[1], fmt(a[0]), b[1], fmt(b[0]))
    if len(ours) != len(theirs):
        return "ours %d notes, abc2midi %d notes" % (len(ours), len(theirs))
    return None


def fmt(ticks):
    return ("%.3f" % (ticks / 480)).rstrip("0").rstrip(".")


def compare_file(args):
    dump_path, corpus, check_writer = args
    with open(dump_path) as f:
        dump = json.load(f)
    path = os.path.join(corpus, dump["file"])
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        text = f.read()
    ours = {t["line"]: t for t in dump["tunes"]}
    failed = {t["line"]: t for t in dump["failures"]}
    rows = []
    for line, tune in split_tunes(text):
        key = "%s:%d" % (dump["file"], line)
        if line in failed:
            rows.append((key, "ours-error", failed[line]["error"]))
            continue
        if line not in ours:
            rows.append((key, "missing", "no dump entry"))
            continue
        try:
            theirs = abc2midi_notes(strip_ornaments(tune))
        except Exception as e:  # noqa: BLE001 - report every abc2midi failure as a row
            rows.append((key, "abc2midi-error", str(e)))
            continue
        notes = our_notes(ours[line]["dump"])
        diff = first_difference(notes, theirs)
        rows.append((key, "agree" if diff is None else "differ", diff or ""))
        if check_writer and "writtenABC" in ours[line]:
            try:
                back = abc2midi_notes(ours[line]["writtenABC"])
                wdiff = first_difference(notes, back)
            except Exception as e:  # noqa: BLE001
                wdiff = "abc2midi failed: %s" % e
            rows.append((key, "writer-agree" if wdiff is None else "writer-differ", wdiff or ""))
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dump", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--report", default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--min-agreement", type=float, default=0.99)
    ap.add_argument("--check-writer", action="store_true")
    a = ap.parse_args()
    files = sorted(os.path.join(a.dump, f) for f in os.listdir(a.dump) if f.endswith(".json"))
    with ProcessPoolExecutor(max_workers=a.jobs) as ex:
        rows = [r for rs in ex.map(compare_file, [(f, a.corpus, a.check_writer) for f in files]) for r in rs]
    writer_rows = [r for r in rows if r[1].startswith("writer-")]
    rows = [r for r in rows if not r[1].startswith("writer-")]
    counts = {}
    for _, status, _ in rows:
        counts[status] = counts.get(status, 0) + 1
    total = len(rows)
    agree = counts.get("agree", 0)
    if a.report:
        with open(a.report, "w") as f:
            for row in rows + writer_rows:
                if not row[1].endswith("agree"):
                    f.write("\t".join(row) + "\n")
    if a.check_writer:
        good = sum(1 for r in writer_rows if r[1] == "writer-agree")
        print("writer: %d written tunes, abc2midi plays %d as our notes (%.2f%%)" % (
            len(writer_rows), good, 100.0 * good / max(len(writer_rows), 1)))
    print("tunes %d, agree %d (%.2f%%); %s" % (
        total, agree, 100.0 * agree / max(total, 1),
        ", ".join("%s %d" % (k, v) for k, v in sorted(counts.items()) if k != "agree")))
    return 0 if total and agree / total >= a.min_agreement else 1


if __name__ == "__main__":
    sys.exit(main())
