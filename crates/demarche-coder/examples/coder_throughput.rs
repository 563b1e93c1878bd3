//! Codes the unit-test trees with the Phoenix dictionaries many times and prints how many
//! sentences it coded; run under `perf stat -e task-clock` (or `time`) to get CPU time per
//! sentence on a busy machine, where criterion's wall-clock numbers include waiting for a core.
//! `cargo run --release -p demarche-coder --example coder_throughput -- REFERENCE_DIR [ROUNDS]`

use demarche_coder::{Coder, Options};
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::Tree;
use std::path::PathBuf;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(reference) = args.get(1).map(PathBuf::from) else {
        eprintln!("usage: coder_throughput REFERENCE_DIR [ROUNDS]");
        return;
    };
    let rounds: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(100);
    let (dicts, _) = Dictionaries::load_petrarch(&PetrarchPaths::phoenix(
        &reference.join("petrarch2/dictionaries"),
    ));
    let path = reference.join("petrarch2/validation/PETR.UnitTest.records.xml");
    let bytes = std::fs::read(&path).unwrap_or_default();
    let file = demarche_text::petrarch_xml::read("records", &bytes);
    let input: Vec<(Tree, String, demarche_model::Date)> = file
        .records()
        .filter_map(|r| {
            let tree = Tree::parse_ptb(r.parse.as_deref()?)
                .ok()?
                .aligned_to(&r.text);
            Some((tree, r.text.clone(), r.date.unwrap_or_default()))
        })
        .collect();
    let coder = Coder::new(&dicts);
    let opts = Options::default();
    let start = std::time::Instant::now();
    let (mut sentences, mut events) = (0usize, 0usize);
    for _ in 0..rounds {
        for (tree, text, date) in &input {
            events += coder.code(tree, text, *date, &opts).events.len();
            sentences += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{sentences} sentences, {events} events, {secs:.3} s wall, {:.0} sentences/s wall",
        sentences as f64 / secs
    );
}
