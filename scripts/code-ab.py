#!/usr/bin/env python3
"""Two builds of `demarche code` on the same corpus, run alternately: CPU time (user + system,
of the child alone) and wall time of each run, the medians, the ratio old/new, and whether the
two builds wrote the same bytes.

    scripts/code-ab.py OLD_BINARY NEW_BINARY                  # eval/wire texts x10, 5 rounds
    scripts/code-ab.py OLD NEW --input FILE.jsonl --rounds 7 -- --with-knowledge

Arguments after `--` go to `demarche code` (it always runs with `--threads 1`). The default
corpus is every line of `eval/wire/*.jsonl` repeated `--repeat` times (JSON Lines with id, date
and text; the other fields are ignored), written to `target/code-ab/`. Start-up (dictionaries,
gazetteer) is included; run a one-record input to see its share.
"""

import argparse
import glob
import hashlib
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpus(repeat):
    """The wire corpus repeated `repeat` times, written once under target/code-ab/."""
    out = os.path.join(ROOT, "target", "code-ab", f"wire-x{repeat}.jsonl")
    if not os.path.exists(out):
        os.makedirs(os.path.dirname(out), exist_ok=True)
        lines = []
        for path in sorted(glob.glob(os.path.join(ROOT, "eval", "wire", "*.jsonl"))):
            with open(path, encoding="utf-8") as f:
                lines.extend(line for line in f if line.strip())
        with open(out, "w", encoding="utf-8") as f:
            for _ in range(repeat):
                f.writelines(lines)
    return out


def run(binary, args):
    """(CPU seconds of the child, wall seconds, sha256 of its output)."""
    start = time.monotonic()
    proc = subprocess.Popen([binary, *args], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    digest = hashlib.sha256()
    for chunk in iter(lambda: proc.stdout.read(1 << 16), b""):
        digest.update(chunk)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        sys.exit(f"{binary} {' '.join(args)}: exit status {status}")
    return usage.ru_utime + usage.ru_stime, wall, digest.hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--input", help="JSON Lines input (default: the wire corpus x --repeat)")
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--rounds", type=int, default=5)
    argv = sys.argv[1:]
    # After `--`: more arguments for `demarche code`.
    rest = argv[argv.index("--") + 1 :] if "--" in argv else []
    a = ap.parse_args(argv[: len(argv) - len(rest) - (1 if rest or "--" in argv else 0)])
    path = a.input or corpus(a.repeat)
    args = ["code", "--threads", "1", *rest, path]
    times = {"old": [], "new": []}
    digests = set()
    for r in range(a.rounds):
        # Alternate which build goes first, so that neither always runs on a warmer machine.
        order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
        for which in order:
            cpu, wall, digest = run(getattr(a, which), args)
            times[which].append((cpu, wall))
            digests.add(digest)
        (oc, ow), (nc, nw) = times["old"][-1], times["new"][-1]
        print(f"round {r + 1}: old {oc:.3f} s CPU ({ow:.3f} wall), new {nc:.3f} s CPU "
              f"({nw:.3f} wall): {oc / nc:.3f}x CPU, {ow / nw:.3f}x wall", flush=True)
    med = {w: [statistics.median(x[i] for x in t) for i in (0, 1)] for w, t in times.items()}
    print(f"median: old {med['old'][0]:.3f} s CPU ({med['old'][1]:.3f} wall), new "
          f"{med['new'][0]:.3f} s CPU ({med['new'][1]:.3f} wall): "
          f"{med['old'][0] / med['new'][0]:.3f}x CPU, {med['old'][1] / med['new'][1]:.3f}x wall")
    print("output: identical" if len(digests) == 1 else "output: DIFFERENT")
    return 0 if len(digests) == 1 else 1


if __name__ == "__main__":
    sys.exit(main())
