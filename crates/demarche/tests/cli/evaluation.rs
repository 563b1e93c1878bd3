//! The hand-coded evaluation sets, scored by `demarche evaluate` with our built-in
//! dictionaries, with floors set a little below the values measured when they were last
//! raised (README, "How well it codes"). A change that makes the coder worse on any set fails
//! here. `eval/wire/unseen-*.jsonl` were kept unseen while the coder was tuned: their floors
//! are the held-out numbers.

use super::{check, demarche};
use std::path::Path;

/// (file under the repository, floor on triple F1, floor on triple precision).
const SETS: [(&str, f64, f64); 49] = [
    ("eval/handcoded.jsonl", 0.92, 0.90),
    ("eval/wire/dev-a.jsonl", 0.78, 0.83),
    ("eval/wire/dev-b.jsonl", 0.87, 0.94),
    ("eval/wire/dev-c.jsonl", 0.80, 0.87),
    ("eval/wire/dev-d.jsonl", 0.79, 0.88),
    ("eval/wire/dev-e.jsonl", 0.73, 0.86),
    ("eval/wire/dev-f.jsonl", 0.74, 0.85),
    ("eval/wire/dev-h.jsonl", 0.74, 0.87),
    ("eval/wire/dev-j.jsonl", 0.72, 0.83),
    ("eval/wire/dev-k.jsonl", 0.69, 0.81),
    ("eval/wire/dev-m.jsonl", 0.79, 0.88),
    ("eval/wire/dev-n.jsonl", 0.70, 0.85),
    ("eval/wire/dev-o.jsonl", 0.71, 0.82),
    ("eval/wire/dev-p.jsonl", 0.69, 0.77),
    ("eval/wire/pairs.jsonl", 0.88, 0.87),
    ("eval/wire/unseen-a.jsonl", 0.64, 0.78),
    ("eval/wire/unseen-b.jsonl", 0.82, 0.90),
    ("eval/wire/unseen-c.jsonl", 0.79, 0.85),
    // Precision 0.77 -> 0.76 in session 17: rule `adjunct-clause` added one false positive
    // here (totals 0.776 -> 0.765, F1 0.732 -> 0.727, found by totals only), against eleven
    // true and four false events on the development sets.
    ("eval/wire/unseen-d.jsonl", 0.72, 0.76),
    // Session 14 (README, fourteenth round): P 0.897 -> 0.882, one false event more, found in
    // totals only; the floor went down with it rather than a rule being fitted to it.
    ("eval/wire/unseen-e.jsonl", 0.64, 0.87),
    ("eval/wire/unseen-f.jsonl", 0.68, 0.78),
    ("eval/wire/unseen-g.jsonl", 0.61, 0.82),
    ("eval/wire/unseen-h.jsonl", 0.63, 0.84),
    ("eval/wire/unseen-i.jsonl", 0.63, 0.78),
    ("eval/wire/unseen-j.jsonl", 0.78, 0.86),
    ("eval/wire/unseen-k.jsonl", 0.62, 0.77),
    ("eval/wire/unseen-l.jsonl", 0.48, 0.84),
    ("eval/wire/unseen-m.jsonl", 0.78, 0.85),
    ("eval/wire/unseen-n.jsonl", 0.60, 0.80),
    ("eval/wire/unseen-o.jsonl", 0.46, 0.58),
    ("eval/wire/unseen-p.jsonl", 0.71, 0.77),
    ("eval/wire/dev-r.jsonl", 0.71, 0.74),
    ("eval/wire/dev-q.jsonl", 0.78, 0.79),
    ("eval/wire/dev-s.jsonl", 0.69, 0.80),
    ("eval/wire/dev-u.jsonl", 0.72, 0.83),
    ("eval/wire/dev-t.jsonl", 0.79, 0.82),
    ("eval/wire/dev-w.jsonl", 0.72, 0.82),
    ("eval/wire/dev-v.jsonl", 0.65, 0.79),
    ("eval/wire/dev-y.jsonl", 0.62, 0.77),
    ("eval/wire/dev-z.jsonl", 0.62, 0.74),
    ("eval/wire/dev-aa.jsonl", 0.65, 0.75),
    ("eval/wire/dev-ac.jsonl", 0.56, 0.67),
    ("eval/wire/dev-ab.jsonl", 0.71, 0.76),
    ("eval/wire/dev-ae.jsonl", 0.69, 0.85),
    ("eval/wire/dev-ad.jsonl", 0.74, 0.90),
    ("eval/wire/dev-ag.jsonl", 0.69, 0.86),
    ("eval/wire/unseen-af.jsonl", 0.52, 0.62),
    ("eval/wire/dev-x.jsonl", 0.72, 0.82),
    ("dictionaries/eval/heldout.tsv", 0.89, 0.90),
];

/// Precision, recall and F1 from the `triples` line of `demarche evaluate`.
fn triples(stdout: &str) -> Option<(f64, f64, f64)> {
    let line = stdout.lines().find(|l| l.starts_with("triples"))?;
    let num = |key: &str| -> Option<f64> {
        let rest = line.split(key).nth(1)?;
        rest.split_whitespace().next()?.parse().ok()
    };
    Some((num(" P ")?, num(" R ")?, num(" F1 ")?))
}

#[test]
fn evaluation_sets_stay_above_their_floors() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut failures = Vec::new();
    for (file, f1_floor, p_floor) in SETS {
        let run = demarche(&root, &["evaluate", file], None);
        check(&run, file);
        let (p, r, f1) = triples(&run.stdout)
            .unwrap_or_else(|| panic!("{file}: no triples line in\n{}", run.stdout));
        eprintln!("{file:34} P {p:.3}  R {r:.3}  F1 {f1:.3}  (floors F1 {f1_floor}, P {p_floor})");
        if f1 < f1_floor || p < p_floor {
            failures.push(format!(
                "{file}: P {p:.3} R {r:.3} F1 {f1:.3} below P {p_floor} / F1 {f1_floor}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Output piped into `head` closes early: the command ends quietly (status 141, as for
/// SIGPIPE), without a panic message.
#[test]
fn closed_stdout_ends_quietly() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};
    // A report far larger than a pipe's buffer (64 KiB), so the writer meets the closed pipe.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let pairs = std::fs::read_to_string(root.join("eval/wire/pairs.jsonl")).expect("pairs");
    let dir = super::tempdir();
    let gold = super::write(dir.path(), "many.jsonl", pairs.repeat(40));
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .current_dir(dir.path())
        .args(["evaluate", gold, "--verbose"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("demarche starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("a first line");
    // The reader is dropped here: the pipe closes with most of the report unwritten.
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut stderr).expect("stderr");
    }
    let status = child.wait().expect("demarche ends");
    assert!(!first.is_empty());
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(status.code(), Some(0 | 141)), "{status:?}");
}
