#!/usr/bin/env python3
"""Runs Tunesmith's benchmarks beside the references in ../shared/anchors, in one run, and writes BENCHMARKS.md.

    Benchmarks/run.sh [--quick] [--out FILE]          (run.sh picks the Python; see its header)

Our side is the SwiftPM package in Benchmarks/ (ordo-one/benchmark, `swift package benchmark`; it uses
Tunesmith by path through its public library product) plus the release `compose` binary built by that
package; the references are the anchor scripts, run in the same session right after our measurement of
the same thing:

    area      ours (Benchmarks/)                       reference (../shared/anchors)
    formats   FormatBenchmarks: midi-read(-notes),     midi_parse_ref.py --libs symusic,mido
              midi-write, abc-parse, tokenize
    neural    NeuralBenchmarks: lstm-train-1t/2t/      torch_ref.py --only lstm:train, lstm:gen,
              2shards, lstm-sample(-2t, -simd, -sgemv),       transformer:train, transformer:gen_kvcache (2 threads)
              transformer-train-2t/2shards,
              transformer-sample-kvcache(-2t)
    compose   ComposeBenchmarks (library call), and    time_cmd.py -- python torch_compose.py
              time_cmd.py -- compose --style folk --bars 16 > song.mid (cold process)
    render    RenderBenchmarks (in-process), and       time_cmd.py -- fluidsynth -ni -q -F ... (CLI)
              time_cmd.py -- compose render (one file; two files with --jobs 1 and --jobs 2)

Every measurement records other_procs_cpu_share (the share of the machine's CPU other processes used
while it was timed, from /proc/stat) and, as the anchors do, only quiet runs (share <= 0.10) are kept:
a noisy measurement is repeated, up to --attempts times. When no attempt was quiet the figure is still
reported, marked "noisy". Ratios are "times faster than the reference" (> 1: we are faster).
--quick: few iterations and one attempt each (torch_ref.py: 5 training steps, 256 sampled tokens), to check
that the script works; its figures are not for quoting.
Raw output of every command goes to Benchmarks/results/run-<UTC time>.log.
"""
import argparse
import datetime
import glob
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = os.path.join(REPO, "Benchmarks")
SHARED = os.environ.get("TUNESMITH_SHARED", os.path.normpath(os.path.join(REPO, "..", "shared")))
ANCHORS = os.environ.get("ANCHORS", os.path.join(SHARED, "anchors"))
PY = sys.executable
QUIET = 0.10
FLUIDR3 = "/usr/share/sounds/sf2/FluidR3_GM.sf2"
BACH = os.path.join(SHARED, "midi-samples", "piano-midi", "Bach")


class Session:
    """Runs commands, keeps every command line for BENCHMARKS.md and every output line for the log."""

    def __init__(self, log_path, quick, attempts):
        self.log = open(log_path, "w")
        self.quick = quick
        self.attempts = attempts
        self.commands = []

    def note(self, text):
        self.log.write(text + "\n")
        self.log.flush()
        print(text, file=sys.stderr, flush=True)

    def run(self, cmd, env=None, record=True, check=True):
        line = " ".join(shlex.quote(c) for c in cmd)
        if env:
            line = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items()) + " " + line
        if record:
            self.commands.append(line.replace(REPO + "/", ""))
        self.note(f"$ {line}    # {uptime()}")
        p = subprocess.run(cmd, cwd=REPO, env={**os.environ, **(env or {})}, capture_output=True, text=True)
        self.log.write(p.stdout)
        if p.returncode != 0:
            self.log.write(p.stderr)
        self.log.flush()
        if check and p.returncode != 0:
            raise SystemExit(f"command failed ({p.returncode}): {line}\n{p.stderr[-3000:]}")
        return p.stdout

    def pause(self):
        time.sleep(2 if self.quick else 15)


def uptime():
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def json_lines(text):
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
    return out


class Figure:
    """One measured value with the CPU share other processes took while it was measured."""

    def __init__(self, value, other, unit, detail=""):
        self.value, self.other, self.unit, self.detail = value, other, unit, detail

    @property
    def quiet(self):
        return self.other is not None and self.other <= QUIET


# ---------------------------------------------------------------------------------------------- our side
def percentiles(path):
    """The 0..100 percentile values of one histogramPercentiles TSV file written by `swift package benchmark`."""
    with open(path) as f:
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
    return {int(p): float(v) for p, v in rows if p.isdigit()}


def ordo_run(s, target, names, only=None):
    """Runs one benchmark target (or only its benchmark named `only`); returns {name: {metric: p50}}."""
    out = tempfile.mkdtemp(prefix="tunesmith-bench-")
    cmd = ["swift", "package", "--package-path", "Benchmarks", "--allow-writing-to-directory", out, "benchmark",
           "--target", target, "--format", "histogramPercentiles", "--path", out, "--no-progress"]
    if only:
        cmd += ["--filter", f"^{only}$"]  # names are [a-z0-9-]
    env = {"BENCH_QUICK": "1"} if s.quick else {}
    env["TUNESMITH_SHARED"] = SHARED
    s.run(cmd, env=env)
    results = {}
    for path in glob.glob(os.path.join(out, "*.percentiles.tsv")):
        base = os.path.basename(path)
        for name in names:
            marker = f".{target}.{name}."
            if marker in base:
                metric = base.split(marker, 1)[1].rsplit(".histogram.percentiles.tsv", 1)[0]
                results.setdefault(name, {})[metric] = percentiles(path)[50]
    shutil.rmtree(out)
    missing = [n for n in ([only] if only else names) if n not in results]
    if missing:
        raise SystemExit(f"{target}: no results for {missing} (see the log)")
    return results


def ours(s, target, names):
    """Our figures for one target: every benchmark's p50 metrics, noisy ones re-run (alone) until quiet."""
    results = ordo_run(s, target, names)
    for name in names:
        tries = 1
        while results[name]["other_procs_cpu_share_permille"] / 1000 > QUIET and tries < s.attempts:
            s.pause()
            again = ordo_run(s, target, names, only=name)[name]
            tries += 1
            if again["other_procs_cpu_share_permille"] < results[name]["other_procs_cpu_share_permille"]:
                results[name] = again
        s.note(f"# {target} {name}: {json.dumps(results[name])}")
    return results


def ordo_figure(results, name, metric, scale=1.0, unit=""):
    r = results[name]
    return Figure(r[metric] * scale, r["other_procs_cpu_share_permille"] / 1000, unit)


# ------------------------------------------------------------------------------------------ references
def torch(s, spec):
    """torch_ref.py's median tokens/s for one measurement, 2 threads, over quiet runs (else over all)."""
    repeats = 1 if s.quick else 3
    out = s.run([PY, os.path.join(ANCHORS, "torch_ref.py"), "--only", spec, "--threads", "2",
                 "--repeats", str(repeats), "--max-attempts", str(repeats * s.attempts),
                 "--retry-sleep", "2" if s.quick else "15"] + (["--steps", "5", "--gen-tokens", "256"] if s.quick else []))
    summaries = {x["summary"]: x for x in json_lines(out) if "summary" in x}
    x = summaries.get(spec) or summaries[spec + " (all attempts, incl. contended)"]
    return Figure(x["tokens_per_s"]["median"], x["other_procs_cpu_share"]["median"], "tokens/s")


def midi_reference(s):
    """symusic's and mido's MB/s over ../shared/midi-samples: one midi_parse_ref.py run at a time until each
    library has a quiet run (or the attempts run out); median over quiet runs, else over all."""
    runs = {"symusic": [], "mido": []}
    for attempt in range(s.attempts if not s.quick else 1):
        if attempt:
            s.pause()
        out = s.run([PY, os.path.join(ANCHORS, "midi_parse_ref.py"), "--root", os.path.join(SHARED, "midi-samples"),
                     "--libs", "symusic,mido", "--repeats", "1", "--no-tsv"])
        for x in json_lines(out):
            if x.get("lib") in runs:
                runs[x["lib"]].append(x)
        if all(any(r["other_procs_cpu_share"] <= QUIET for r in rs) for rs in runs.values()):
            break
    figures = {}
    for lib, rs in runs.items():
        pick = [r for r in rs if r["other_procs_cpu_share"] <= QUIET] or rs
        figures[lib] = Figure(statistics.median(r["mb_per_s"] for r in pick),
                              statistics.median(r["other_procs_cpu_share"] for r in pick), "MB/s",
                              f"{rs[0]['files']} files, {rs[0]['notes']} notes")
    return figures


def timed(s, label, cmd, runs, warmup=1, wav=None):
    """time_cmd.py's median wall time and max RSS of a whole process, over quiet runs (else over all)."""
    args = [PY, os.path.join(ANCHORS, "time_cmd.py"), "--runs", str(runs), "--warmup", str(warmup),
            "--label", label, "--quiet-threshold", str(QUIET),
            "--max-attempts", str(runs if s.quick else runs * s.attempts), "--retry-sleep", "2" if s.quick else "10"]
    if wav:
        args += ["--wav", wav]
    out = s.run(args + ["--"] + cmd, check=False)
    summaries = {x["summary"]: x for x in json_lines(out) if "summary" in x}
    x = summaries.get(label)
    if not x or not x.get("runs"):
        x = summaries.get(label + " (all attempts, incl. contended)")
    if not x or "wall_s" not in x:
        raise SystemExit(f"time_cmd.py gave no summary for {label} (see the log)")
    other = x["other_procs_cpu_share"]["median"]
    return (Figure(x["wall_s"]["median"] * 1000, other, "ms"), Figure(x["max_rss_mib"]["median"], other, "MiB"))


# ------------------------------------------------------------------------------------------------ table
class Table:
    def __init__(self):
        self.rows = []

    def add(self, what, ours, ref=None, ratio=None, target="", met=None):
        """ratio: ours ÷ ref as "times faster" (computed by the caller, who knows the direction)."""
        self.rows.append((what, ours, ref, ratio, target, met))

    @staticmethod
    def fmt(f):
        if f is None:
            return "—"
        v = f.value
        text = f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}" if abs(v) >= 1 else f"{v:.3f}"
        return f"{text} {f.unit}" + ("" if f.quiet else " (noisy)")

    def markdown(self):
        lines = ["| what | ours | reference | ratio (× faster) | target | met | other share ours / ref |",
                 "|---|---:|---:|---:|---|---|---|"]
        for what, ours, ref, ratio, target, met in self.rows:
            share = f"{ours.other:.2f}" + (f" / {ref.other:.2f}" if ref else "")
            verdict = "—" if met is None else ("yes" if met else "**no**")
            if met is not None and not (ours.quiet and (ref is None or ref.quiet)):
                verdict += " (noisy: no verdict)"
            lines.append(f"| {what} | {self.fmt(ours)} | {self.fmt(ref)} | "
                         f"{'—' if ratio is None else f'{ratio:.2f}×'} | {target or '—'} | {verdict} | {share} |")
        return "\n".join(lines)


def faster(ours, ref, higher_is_better=True):
    return ours.value / ref.value if higher_is_better else ref.value / ours.value


# ------------------------------------------------------------------------------------------------- main
def machine():
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
    keep = ("Architecture", "CPU(s):", "Model name", "Thread(s) per core", "Core(s) per socket", "L2 cache", "L3 cache")
    lines = [" ".join(l.split()) for l in lscpu if l.strip().startswith(keep)]
    mem = " ".join(next((l for l in open("/proc/meminfo") if l.startswith("MemTotal")), "").split())
    # OpenBLAS's kernels: NeuralCore keeps OPENBLAS_CORETYPE when it is set, else asks for the best the CPU
    # has (Sources/NeuralCore/OpenBLASLibrary.swift); PyTorch (MKL) does not read it.
    core = os.environ.get("OPENBLAS_CORETYPE")
    blas = f"OPENBLAS_CORETYPE={core} (set in the environment)" if core else "OPENBLAS_CORETYPE unset (NeuralCore picks the kernels)"
    return lines + [mem, blas]


def versions():
    def first(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return "not found"
    packages = subprocess.run([PY, "-c", "import importlib.metadata as m, platform; print('Python ' + platform.python_version(), "
                               "*[p + ' ' + m.version(p) for p in ('torch', 'symusic', 'mido', 'numpy')], sep=', ')"],
                              capture_output=True, text=True).stdout.strip() or f"{PY}: reference packages not found"
    return [first(["swift", "--version"]), first(["fluidsynth", "--version"]), packages]


def git(*args):
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="few iterations, one attempt each: checks the script works")
    ap.add_argument("--attempts", type=int, default=3, help="tries per measurement to get a quiet one (default 3)")
    ap.add_argument("--out", default=os.path.join(REPO, "BENCHMARKS.md"))
    args = ap.parse_args()
    stamp = datetime.datetime.now(datetime.timezone.utc)
    os.makedirs(os.path.join(PACKAGE, "results"), exist_ok=True)
    log_rel = f"Benchmarks/results/run-{stamp:%Y%m%dT%H%M%SZ}{'-quick' if args.quick else ''}.log"
    s = Session(os.path.join(REPO, log_rel), args.quick, 1 if args.quick else args.attempts)
    started, t0 = uptime(), time.time()
    s.note(f"# {stamp:%Y-%m-%d %H:%M UTC}, commit {git('rev-parse', '--short', 'HEAD')}, {'quick' if args.quick else 'full'} run")

    # Build: the benchmark executables and the release `compose` binary, both in Benchmarks/.build.
    s.run(["swift", "build", "-c", "release", "--package-path", "Benchmarks"])
    s.run(["swift", "build", "-c", "release", "--package-path", "Benchmarks", "--product", "compose"])
    compose = os.path.join(PACKAGE, ".build", "release", "compose")
    table = Table()
    work = tempfile.mkdtemp(prefix="tunesmith-bench-out-")

    # 1. File formats, beside symusic and mido.
    fmt = ours(s, "FormatBenchmarks", ["midi-read", "midi-read-notes", "midi-write", "abc-parse", "tokenize"])
    ref = midi_reference(s)
    read = ordo_figure(fmt, "midi-read", "kB_s", 1e-3, "MB/s")
    notes = ordo_figure(fmt, "midi-read-notes", "kB_s", 1e-3, "MB/s")
    table.add(f"MIDI read + note pairing vs symusic ({ref['symusic'].detail})", notes, ref["symusic"],
              faster(notes, ref["symusic"]), "≥ 1.0× symusic (issue 2)", faster(notes, ref["symusic"]) >= 1.0)
    table.add("MIDI read (events) vs mido", read, ref["mido"], faster(read, ref["mido"]), "≥ 50× mido (issue 2)",
              faster(read, ref["mido"]) >= 50)
    table.add("MIDI read (events) vs symusic", read, ref["symusic"], faster(read, ref["symusic"]))
    table.add("MIDI write (every readable sample file)", ordo_figure(fmt, "midi-write", "kB_s", 1e-3, "MB/s"))
    abc_cpu = ordo_figure(fmt, "abc-parse", "cpu_us", 1e-6, "s CPU")
    table.add("ABC parse, all corpus-source tunes, one thread", abc_cpu, target="< 0.5 s on one core (issue 2)",
              met=abc_cpu.value < 0.5)
    table.add("Tokenize every usable corpus tune", ordo_figure(fmt, "tokenize", "tokens_s", 1, "tokens/s"))

    # 2. Neural core, beside PyTorch (2 threads each).
    nn = ours(s, "NeuralBenchmarks", ["lstm-train-1t", "lstm-train-2t", "lstm-train-2shards", "lstm-sample", "lstm-sample-2t",
                                      "lstm-sample-simd", "lstm-sample-sgemv", "transformer-train-2t", "transformer-train-2shards", "transformer-sample-kvcache",
                                      "transformer-sample-kvcache-2t", "lstm-sample-shipped-2t", "transformer-sample-shipped-2t"])
    lstm_train, lstm_gen = torch(s, "lstm:train"), torch(s, "lstm:gen")
    tf_train, tf_gen = torch(s, "transformer:train"), torch(s, "transformer:gen_kvcache")
    t1 = ordo_figure(nn, "lstm-train-1t", "tokens_s", 1, "tokens/s")
    for name, label in [("lstm-train-2t", "2 OpenBLAS threads"), ("lstm-train-2shards", "2 threads, batch split in 2 shards")]:
        t = ordo_figure(nn, name, "tokens_s", 1, "tokens/s")
        table.add(f"LSTM training, {label} (V128 E128 2×256, batch 32×128, Adam; 1 → 2 threads: {t.value / t1.value:.2f}×)",
                  t, lstm_train, faster(t, lstm_train), "≥ 1.0× PyTorch (issue 3)", faster(t, lstm_train) >= 1.0)
    table.add("LSTM training, 1 thread", t1)
    for name, label in [("lstm-sample", "C kernels, 1 thread"), ("lstm-sample-2t", "C kernels, 2 threads"),
                        ("lstm-sample-simd", "Swift SIMD loop, 1 thread"), ("lstm-sample-sgemv", "OpenBLAS sgemv, 1 thread")]:
        g = ordo_figure(nn, name, "tokens_s", 1, "tokens/s")
        table.add(f"LSTM batch-1 sampling, {label}", g, lstm_gen, faster(g, lstm_gen),
                  "≥ 20× PyTorch and ≥ 19,000 tokens/s (issue 3)", faster(g, lstm_gen) >= 20 and g.value >= 19000)
    for name, label in [("transformer-train-2t", "2 OpenBLAS threads"), ("transformer-train-2shards", "2 threads, batch split in 2 shards")]:
        t = ordo_figure(nn, name, "tokens_s", 1, "tokens/s")
        table.add(f"Transformer training, {label} (V128 d192 4L 4H FF768 ctx256, batch 16)", t, tf_train,
                  faster(t, tf_train), "≥ 1.0× PyTorch (issue 4)", faster(t, tf_train) >= 1.0)
    for name, label in [("transformer-sample-kvcache", "1 thread"), ("transformer-sample-kvcache-2t", "2 threads")]:
        g = ordo_figure(nn, name, "tokens_s", 1, "tokens/s")
        table.add(f"Transformer batch-1 sampling with KV cache, {label}", g, tf_gen, faster(g, tf_gen),
                  "≥ 10× PyTorch and ≥ 10,000 tokens/s (issue 4)", faster(g, tf_gen) >= 10 and g.value >= 10000)
    for name, label in [("lstm-sample-shipped-2t", "shipped LSTM (V107 E128 2×256)"),
                        ("transformer-sample-shipped-2t", "shipped transformer (KV cache)")]:
        table.add(f"Batch-1 sampling, {label}, 2 threads", ordo_figure(nn, name, "tokens_s", 1, "tokens/s"))

    # 3. Compose: the library call, then the cold process beside torch_compose.py.
    cp = ours(s, "ComposeBenchmarks", ["compose-folk-16"])
    lib = ordo_figure(cp, "compose-folk-16", "wallClock", 1e-3, "ms")
    table.add("compose folk 16 bars, library call (model loaded once)", lib)
    song = os.path.join(work, "song.mid")
    wall, rss = timed(s, "compose", ["sh", "-c", f"exec {shlex.quote(compose)} --style folk --bars 16 > {shlex.quote(song)}"],
                      3 if s.quick else 11, warmup=1 if s.quick else 2)
    twall, trss = timed(s, "torch_compose", [PY, os.path.join(ANCHORS, "torch_compose.py"), "--weights",
                                             os.path.join(ANCHORS, "lstm_weights.safetensors"), "--out",
                                             os.path.join(work, "torch.mid")], 2 if s.quick else 5)
    table.add("compose --style folk --bars 16 > song.mid, cold process, wall", wall, twall, faster(wall, twall, False),
              "median ≤ 50 ms (issue 5)", wall.value <= 50)
    table.add("the same, peak RSS", rss, trss, faster(rss, trss, False), "≤ 40 MiB (issue 5)", rss.value <= 40)

    # 4. Render: in-process library call, then `compose render` beside the fluidsynth CLI, then two files.
    rd = ours(s, "RenderBenchmarks", ["render-short"])
    table.add("render chpn-p7.mid (37 s) in-process (TimGM6mb), × real time", ordo_figure(rd, "render-short", "audio_ms_s", 1e-3, "×"))
    a, b = os.path.join(BACH, "bach_847.mid"), os.path.join(BACH, "bach_850.mid")
    runs = 2 if s.quick else 5
    cli, _ = timed(s, "fluidsynth-cli", ["fluidsynth", "-ni", "-q", "-F", os.path.join(work, "cli.wav"), "-r", "44100", FLUIDR3, a], runs)
    ren, _ = timed(s, "compose-render", [compose, "render", a, "-o", os.path.join(work, "ours.wav"), "--soundfont", FLUIDR3,
                                         "--sample-rate", "44100"], runs)
    table.add("compose render bach_847.mid vs fluidsynth -ni -F (FluidR3), wall", ren, cli, faster(ren, cli, False),
              "no slower than the CLI (issue 6)", faster(ren, cli, False) >= 1.0)
    j1, _ = timed(s, "render-jobs-1", [compose, "render", a, b, "-o", os.path.join(work, "j1") + "/", "--soundfont", FLUIDR3, "--jobs", "1"], runs)
    j2, _ = timed(s, "render-jobs-2", [compose, "render", a, b, "-o", os.path.join(work, "j2") + "/", "--soundfont", FLUIDR3, "--jobs", "2"], runs)
    table.add("compose render of two files: --jobs 2 (ours) vs --jobs 1 (reference)", j2, j1, faster(j2, j1, False),
              "≈ 1.9× (issue 6; met when ≥ 1.8×)", faster(j2, j1, False) >= 1.8)
    shutil.rmtree(work)

    finished, minutes = uptime(), (time.time() - t0) / 60
    s.note(table.markdown())
    write_report(args, stamp, table, s, started, finished, minutes, log_rel)
    s.note(f"# wrote {args.out} ({minutes:.1f} min)")


def write_report(args, stamp, table, s, started, finished, minutes, log_rel):
    dirty = git("status", "--porcelain", "--untracked-files=no")
    commit = git("rev-parse", "HEAD") + (f" with uncommitted changes to {len(dirty.splitlines())} tracked files" if dirty else "")
    quick_note = ("\n**Quick run (`--quick`)**: 3 iterations per benchmark, one attempt per measurement, so these "
                  "figures only show that the script works; noisy figures are marked. Run it without `--quick` "
                  "on a quiet machine for figures to quote.\n" if args.quick else "")
    text = f"""# Benchmarks

Written by `Benchmarks/run.sh{' --quick' if args.quick else ''}` on {stamp:%Y-%m-%d %H:%M} UTC in {minutes:.1f} minutes;
commit {commit}. Ours and the reference of each row were measured in this one run, one right after the
other. A figure is kept when other processes used at most {QUIET:.2f} of the machine's CPU while it was
measured (`other_procs_cpu_share`, from /proc/stat, as the references in ../shared/anchors record it);
a measurement that was never quiet in {s.attempts} attempt(s) is shown with "(noisy)". Ratios are "times
faster than the reference" (for times and memory: reference ÷ ours). Raw output: `{log_rel}`.
{quick_note}
Load: `{started}` at the start, `{finished}` at the end.

{table.markdown()}

What each row measures (Benchmarks/README.md has more):
- Our figures from `swift package benchmark` are medians (p50) over iterations; each iteration also
  records its own CPU time and other processes' CPU share, and the share shown is the median.
- MIDI: every file of ../shared/midi-samples read from memory, whole passes; symusic builds notes (compare
  with our read + note pairing), mido parses messages (compare with our event reader).
- Neural: /work/shared/anchors/torch_ref.py's configurations on random tokens; sampling is 1024 tokens
  at batch 1 from token 60 after a 16-token warm-up. PyTorch runs with 2 threads in every row.
  NeuralCore's OpenBLAS products use the kernels for this CPU unless OPENBLAS_CORETYPE names others (the
  Machine section says which applied to this run); PyTorch uses MKL and oneDNN, which that variable does not
  change. Benchmarks/neural/README.md has the training figures with both.
- Compose, cold process: the release `compose` binary built by this package, timed as a whole process by
  time_cmd.py (median wall, max RSS), beside torch_compose.py (load the LSTM, sample 256 tokens, write MIDI).
- Render: our render trims the tail and normalises; the CLI writes FluidSynth's full output. Both read the
  same MIDI file with FluidR3_GM at 44.1 kHz.

## Machine

{chr(10).join('- ' + l for l in machine() + versions())}

## Commands, in the order they ran (from the repository root)

```
{chr(10).join(s.commands)}
```
"""
    with open(args.out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
