#!/usr/bin/env python3
"""Where `demarche code` spends its time, by pipeline stage, from a `perf record --call-graph`
profile. Each sample goes to the innermost stage on its stack (a sample in the time matcher
called from `event_date` counts for `event_date`; the one tokenization of each sentence, which
the parser, places, `event_date` and the event location share, counts for `code_window`), with
the step inside it that was hit; samples whose
own frame is malloc or free are counted again as the allocator's share.

    taskset -c 0 perf record -F 1499 --call-graph dwarf,16384 -o target/perf.data \\
        target/release/demarche code --threads 1 target/spacy-ratio/corpus-demarche.jsonl > /dev/null
    perf script -i target/perf.data -F comm,tid,ip,sym > target/perf.stacks
    scripts/perf-stages.py target/perf.stacks

The stages are names of functions in the pipeline (crates/demarche/src/pipeline.rs); when one
is renamed, its samples show up under the stage that calls it.
"""

import collections
import re
import sys

# (stage, pattern of a frame), innermost first wins: checked on each frame from the leaf up.
STAGES = [
    ("start-up: gazetteer load", r"Gazetteer::parse_static|OnceLock<T>::initialize"),
    ("parse (Parser::parse)", r"demarche_parse::Parser::parse"),
    ("code (Coder::code_in)", r"demarche_coder::legacy::Coder::code_in"),
    ("event_date", r"demarche_extract::(Sentences::)?event_date"),
    ("places (extract::places)", r"demarche_extract::(Sentences::)?places|entities::find_places"),
    ("event_location_in", r"event_location_in|Sentences::event_location"),
    ("knowledge (extract)", r"demarche_extract::(Sentences::)?extract"),
    ("events_of / filter", r"events_of|attributed"),
    ("output (serialize/write)", r"Serialize for|serde_json::ser|io::Write|BufWriter"),
    ("input (read/json)", r"read_located|input::read"),
    ("plan/split", r"Pipeline::plan|sentences::segment"),
    ("start-up: process, arguments, dictionaries", r"_dl_|clap_builder|Dictionaries::builtin"),
    ("code_window (itself, drops)", r"Pipeline::code_window"),
    ("code_document (itself, drops)", r"Pipeline::code_document"),
]
# Steps inside a stage, shown under it: the innermost match.
STEPS = [
    ("predicate layer: analyze", r"demarche_predicates::build::analyze"),
    ("predicate layer: code_predications", r"frames::code_predications"),
    ("tokenize", r"demarche_text::tokenize"),
    ("tag", r"tagger::tag|tags_for"),
    ("grammar", r"demarche_parse::grammar"),
    ("tree building", r"demarche_parse::build"),
    ("find_times", r"find_times"),
    ("find_places", r"find_places"),
    ("GeoContext", r"GeoContext"),
]
ALLOCATOR = re.compile(r"malloc|free|_int_|realloc|unlink_chunk|consolidate")


def first_match(frames, table):
    """The name of the first entry of `table` matching a frame, frames taken in order."""
    for frame in frames:
        for name, pattern in table:
            if re.search(pattern, frame):
                return name
    return None


def samples(lines):
    """Each sample's frames (symbol names), leaf first, from `perf script -F comm,tid,ip,sym`."""
    frames = []
    for line in lines:
        if not line.strip():
            if frames:
                yield frames
            frames = []
        elif line.startswith("\t"):
            parts = line.strip().split(" ", 1)
            frames.append(parts[1] if len(parts) > 1 else "")
    if frames:
        yield frames


def tally(stacks):
    """(samples, per stage, per (stage, step), allocator per stage)."""
    stage, step, alloc = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for frames in stacks:
        total += 1
        name = first_match(frames, STAGES) or "other"
        stage[name] += 1
        inner = first_match(frames, STEPS)
        if inner:
            step[(name, inner)] += 1
        if ALLOCATOR.search(frames[0]):
            alloc[name] += 1
    return total, stage, step, alloc


def selftest():
    """The innermost stage wins, steps nest under it, the allocator is counted by the leaf."""
    text = ("demarche 1 \n\t1 _int_malloc\n\t2 demarche_text::tokenize::tokenize\n"
            "\t3 demarche_extract::event_date\n\t4 demarche::pipeline::Pipeline::code_window\n\n"
            "demarche 1 \n\t5 demarche_parse::tagger::tag\n\t6 demarche_parse::Parser::parse\n")
    total, stage, step, alloc = tally(samples(text.splitlines()))
    assert total == 2 and stage["event_date"] == 1 and stage["parse (Parser::parse)"] == 1
    assert step[("event_date", "tokenize")] == 1 and alloc["event_date"] == 1
    assert sum(alloc.values()) == 1
    print("perf-stages.py selftest: ok")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: perf-stages.py STACKS.txt (perf script -F comm,tid,ip,sym) | --selftest")
    if sys.argv[1] == "--selftest":
        return selftest()
    with open(sys.argv[1], encoding="utf-8", errors="replace") as f:
        total, stage, step, alloc = tally(samples(f))
    if total == 0:
        sys.exit(f"{sys.argv[1]}: no samples (record with --call-graph)")
    print(f"{total} samples; malloc/free as the sampled frame: "
          f"{100 * sum(alloc.values()) / total:.1f}%")
    for name, n in stage.most_common():
        print(f"{100 * n / total:6.1f}%  {name:44s} allocator {100 * alloc[name] / total:4.1f}%")
        for (s, inner), m in step.most_common():
            if s == name and m / total >= 0.005:
                print(f"          {100 * m / total:5.1f}%  {inner}")


if __name__ == "__main__":
    main()
