#!/usr/bin/env python3
"""Read speed of Tunesmith's MIDI reader beside symusic (C++) and mido, in one run, on the same files.

Venv (check-time only):
    python3 -m venv .venv && .venv/bin/pip install 'torch==2.13.0+cpu' numpy mido pretty_midi symusic safetensors music21
(here: /work/venv/bin/python). Run from the repository root:
    /work/venv/bin/python Scripts/midi/bench.py [--root ../shared/midi-samples] [--repeats 3]

It builds the module in release (`swift build -c release --scratch-path .build-midi --target MIDIFile`),
links Scripts/midi/read_speed.swift against it, runs that (our side), then
/work/shared/anchors/midi_parse_ref.py --libs symusic,mido (the Python side), alternating the two sides
`--repeats` times. Each side reports MB/s (10^6 bytes of MIDI input per second, mean per whole-corpus pass,
median over runs) and the CPU share other processes took while it ran; runs with a share above 0.10 are
marked noisy, and the ratios are given over quiet runs when each side has one (else over all runs).
It checks the results too: our paired-note count must equal symusic's.
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
ANCHOR = os.path.normpath(os.path.join(REPO, "..", "shared", "anchors", "midi_parse_ref.py"))
BINARY = os.path.join(REPO, ".build-midi", "midi-read-speed")


def build():
    subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-midi", "--target", "MIDIFile"],
                   cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    objects = sorted(glob.glob(os.path.join(REPO, ".build-midi/release/MIDIFile.build/*.o"))
                     + glob.glob(os.path.join(REPO, ".build-midi/release/Notation.build/*.o")))
    subprocess.run(["swiftc", "-O", "-parse-as-library", "-I", ".build-midi/release/Modules",
                    "Scripts/midi/read_speed.swift", *objects, "-o", BINARY], cwd=REPO, check=True)


def json_lines(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            out.append(json.loads(line))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default=os.path.normpath(os.path.join(REPO, "..", "shared", "midi-samples")))
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--no-build", action="store_true")
    args = ap.parse_args()
    if not args.no_build:
        build()
    runs = {}
    for r in range(args.repeats):
        ours = subprocess.run([BINARY, args.root, "1"], check=True, capture_output=True, text=True).stdout
        ref = subprocess.run([sys.executable, ANCHOR, "--root", args.root, "--libs", "symusic,mido",
                              "--repeats", "1", "--no-tsv"], check=True, capture_output=True, text=True).stdout
        for rec in json_lines(ours) + json_lines(ref):
            if "lib" in rec:
                rec["run"] = r
                runs.setdefault(rec["lib"], []).append(rec)
                print(json.dumps({k: rec[k] for k in ("lib", "run", "mb_per_s", "wall_s", "other_procs_cpu_share",
                                                      "notes", "rejected") if k in rec}), flush=True)
    med, quiet_med = {}, {}
    for lib, rs in runs.items():
        med[lib] = statistics.median(x["mb_per_s"] for x in rs)
        quiet = [x["mb_per_s"] for x in rs if x["other_procs_cpu_share"] <= 0.10]
        quiet_med[lib] = statistics.median(quiet) if quiet else None
    ok = runs["tunesmith-read+notes"][0]["notes"] == runs["symusic"][0]["notes"]
    use_quiet = all(v is not None for v in quiet_med.values())
    pick = quiet_med if use_quiet else med
    summary = {"runs_used": "quiet only (other_procs_cpu_share <= 0.10)" if use_quiet else "all runs (some side had no quiet run)",
               "mb_per_s_median": {k: round(v, 2) for k, v in pick.items()},
               "read_vs_symusic": round(pick["tunesmith-read"] / pick["symusic"], 2),
               "read+notes_vs_symusic": round(pick["tunesmith-read+notes"] / pick["symusic"], 2),
               "read_vs_mido": round(pick["tunesmith-read"] / pick["mido"], 1),
               "read+notes_vs_mido": round(pick["tunesmith-read+notes"] / pick["mido"], 1),
               "notes": {"tunesmith": runs["tunesmith-read+notes"][0]["notes"], "symusic": runs["symusic"][0]["notes"]},
               "notes_agree": ok}
    print(json.dumps(summary))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
