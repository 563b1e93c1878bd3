//! Tree agreement of the built-in parser against the PETRARCH validation parses.
//!
//! ```text
//! cargo run --release -p demarche-parse --example agreement -- RECORDS.xml [--worst N] [--half dev|test]
//! ```
//!
//! Records are split in two halves by position: even-numbered records are the development half
//! (the one we looked at while writing rules), odd-numbered ones the held-out half. Prints
//! labelled bracket precision/recall/F1 and tag accuracy for each half, and with `--worst N`
//! the N worst sentences of the chosen half (default dev) with both trees.

use demarche_model::Tree;
use demarche_parse::{Agreement, Parser, agreement};
use demarche_text::petrarch_xml;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: agreement RECORDS.xml [--worst N] [--half dev|test]");
        return std::process::ExitCode::from(2);
    };
    let worst: usize = args
        .iter()
        .position(|a| a == "--worst")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let show_test = args
        .iter()
        .position(|a| a == "--half")
        .and_then(|i| args.get(i + 1))
        .is_some_and(|h| h == "test");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(1);
        }
    };
    let file = petrarch_xml::read(path, &bytes);
    for d in &file.diagnostics {
        eprintln!("{d}");
    }
    let parser = Parser::new();
    let mut totals = [Agreement::default(); 2];
    let mut compared = [0usize; 2];
    let mut skipped = [0usize; 2];
    let mut scored: Vec<(f64, usize, String, String, String)> = Vec::new();
    for (i, rec) in file.records().enumerate() {
        let half = i % 2;
        let Some(parse) = &rec.parse else { continue };
        let Ok(gold) = Tree::parse_ptb(parse) else {
            skipped[half] += 1;
            continue;
        };
        let test = parser.parse(&rec.text);
        match agreement(&test, &gold) {
            Some(a) => {
                totals[half] += a;
                compared[half] += 1;
                if (half == 1) == show_test {
                    scored.push((a.f1(), i, rec.text.clone(), test.to_ptb(), gold.to_ptb()));
                }
            }
            None => skipped[half] += 1,
        }
    }
    for (half, name) in [(0, "dev (even records)"), (1, "held-out (odd records)")] {
        let a = totals[half];
        println!(
            "{name}: {} sentences compared, {} skipped (different tokenization); brackets P {:.1} R {:.1} F1 {:.1}; tags {:.1}%",
            compared[half],
            skipped[half],
            100.0 * a.precision(),
            100.0 * a.recall(),
            100.0 * a.f1(),
            100.0 * a.tag_accuracy()
        );
    }
    scored.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (f1, i, text, test, gold) in scored.iter().take(worst) {
        println!(
            "\n#{i} F1 {:.2}: {text}\n  ours: {test}\n  gold: {gold}",
            f1 * 100.0
        );
    }
    std::process::ExitCode::SUCCESS
}
