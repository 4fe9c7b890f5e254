#!/usr/bin/env python3
# Paired wall-clock timing on a shared machine (standard library only: no venv needed; any python3 runs it,
# e.g. /work/venv/bin/python, or a venv made with `python3 -m venv .venv`).
# Example: python3 Scripts/render/paired_timing.py 600 jobs-1 "compose render a.mid b.mid -o o1/ --jobs 1" jobs-2 "compose render a.mid b.mid -o o2/ --jobs 2"
# Paired timing of two commands on a shared machine: runs A then B back to back, and measures how much
# CPU *other* processes used meanwhile (/proc/stat busy time minus our children's rusage). Keeps pairs
# where others used < 10% of one core. Before each pair it waits for a quiet machine. Usage: paired_timing.py SECONDS NAME_A CMD_A NAME_B CMD_B
import os, resource, subprocess, sys, time, shlex
limit, na, ca, nb, cb = float(sys.argv[1]), *sys.argv[2:6]
hz = os.sysconf('SC_CLK_TCK')
def busy():
    f = list(map(int, open('/proc/stat').readline().split()[1:]))
    return (sum(f) - f[3] - f[4]) / hz
def run(cmd):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN); b0 = busy(); t0 = time.perf_counter()
    subprocess.run(cmd, shell=True, check=True)
    t1 = time.perf_counter(); b1 = busy(); r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ours = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return t1 - t0, ours, max(0.0, (b1 - b0) - ours) / (t1 - t0)
def wait_for_idle(until):
    """Sleeps until the machine was at least 90 % idle over 3 s (cheap polling), or until `until`."""
    while time.time() < until:
        b0 = busy(); time.sleep(3); used = (busy() - b0) / 3
        if used < 0.1 * os.cpu_count(): return True
        time.sleep(7)
    return False
end = time.time() + limit; kept = []
while time.time() < end and len(kept) < 5:
    if not wait_for_idle(end): break
    wa, ua, oa = run(ca); wb, ub, ob = run(cb)
    clean = oa < 0.10 and ob < 0.10
    print(f"{time.strftime('%H:%M:%S')} {na} {wa:.3f}s (cpu {ua:.2f}, others {oa:.2f} cores)  {nb} {wb:.3f}s (cpu {ub:.2f}, others {ob:.2f} cores)  ratio {wa/wb:.2f} {'KEPT' if clean else 'loaded'}", flush=True)
    if clean: kept.append((wa, wb))
if kept:
    ma = sum(a for a, _ in kept) / len(kept); mb = sum(b for _, b in kept) / len(kept)
    print(f"clean pairs: {len(kept)}; mean {na} {ma:.3f}s, {nb} {mb:.3f}s, ratio {ma/mb:.2f}")
else:
    print("no clean pair")
