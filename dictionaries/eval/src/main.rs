//! Scores the built-in dictionaries on a hand-coded sentence set: each sentence is parsed by
//! the built-in parser (given our verb words, as the pipeline does), coded by `demarche-coder`
//! with the options `demarche code` turns on for our dictionaries (negation, intent, reported
//! speech; events whose source or target has no country are dropped, as the CLI does), and its
//! events, as `SRC>TGT:ROOT` at country level (first three letters of each code, two-digit
//! root), compared with the hand-coded set.
//!
//! Usage: `measure FILE.tsv [--all] [--petrarch]`; prints every sentence whose events differ
//! (all with `--all`), then the counts, precision and recall. `--petrarch` codes with PETRARCH's
//! default options and keeps every event instead.

use std::collections::{BTreeSet, HashSet};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: measure FILE.tsv [--all]");
        return ExitCode::FAILURE;
    };
    let flags: Vec<String> = args.collect();
    let all = flags.iter().any(|f| f == "--all");
    let petrarch = flags.iter().any(|f| f == "--petrarch");
    let content = match std::fs::read_to_string(&path) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let (dicts, diags) = demarche_dict::native::default_dictionaries();
    for d in &diags {
        eprintln!("{d}");
    }
    let coder = demarche_coder::Coder::new(&dicts);
    let verbs: HashSet<String> = dicts
        .verbs
        .verbs
        .iter()
        .flat_map(|v| v.forms.iter())
        .map(|f| f.verb().to_lowercase())
        .collect();
    let parser = demarche_parse::Parser::with_verb_lexicon(move |w| verbs.contains(w));
    let Ok(date) = demarche_model::parse_date("2024-06-01") else {
        return ExitCode::FAILURE;
    };
    let mut opts = demarche_coder::Options::default();
    if !petrarch {
        opts.negation = true;
        opts.intent = true;
        opts.reported_speech = true;
    }
    let (mut sentences, mut expected_n, mut coded_n, mut correct) = (0, 0, 0, 0);
    for (i, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let Some((text, exp)) = line.split_once('\t') else {
            eprintln!("{path}:{}: expected `sentence<TAB>events`", i + 1);
            continue;
        };
        sentences += 1;
        let expected: BTreeSet<String> = exp
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty() && *s != "-")
            .map(str::to_string)
            .collect();
        let tree = parser.parse(text);
        let coded = coder.code(&tree, text, date, &opts);
        let got: BTreeSet<String> = coded
            .events
            .iter()
            .filter(|e| petrarch || !(e.source.starts_with("---") || e.target.starts_with("---")))
            .map(|e| {
                let s: String = e.source.chars().take(3).collect();
                let t: String = e.target.chars().take(3).collect();
                let r: String = e.code.chars().take(2).collect();
                format!("{s}>{t}:{r}")
            })
            .collect();
        expected_n += expected.len();
        coded_n += got.len();
        correct += got.intersection(&expected).count();
        if all || got != expected {
            println!("{text}\n  expected {expected:?}\n  coded    {got:?}");
            if all {
                println!("  tree     {}", tree.to_ptb());
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "sentences {sentences}; expected events {expected_n}; coded events {coded_n}; correct {correct}"
    );
    println!(
        "precision {:.2}  recall {:.2}",
        ratio(correct, coded_n),
        ratio(correct, expected_n)
    );
    ExitCode::SUCCESS
}
