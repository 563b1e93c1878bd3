//! The hand-coded evaluation sets, scored by `demarche evaluate` with our built-in
//! dictionaries, with floors set a little below the values measured when they were last
//! raised (README, "How well it codes"). A change that makes the coder worse on any set fails
//! here. `eval/wire/unseen-*.jsonl` were kept unseen while the coder was tuned: their floors
//! are the held-out numbers.

use super::{check, demarche};
use std::path::Path;

/// (file under the repository, floor on triple F1, floor on triple precision).
const SETS: [(&str, f64, f64); 9] = [
    ("eval/handcoded.jsonl", 0.88, 0.87),
    ("eval/wire/dev-a.jsonl", 0.61, 0.75),
    ("eval/wire/dev-b.jsonl", 0.69, 0.84),
    ("eval/wire/dev-c.jsonl", 0.66, 0.78),
    ("eval/wire/pairs.jsonl", 0.78, 0.80),
    ("eval/wire/unseen-a.jsonl", 0.53, 0.72),
    ("eval/wire/unseen-b.jsonl", 0.64, 0.80),
    ("eval/wire/unseen-c.jsonl", 0.67, 0.78),
    ("dictionaries/eval/heldout.tsv", 0.85, 0.85),
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
