//! Codes N documents of the benchmark corpus on one thread and prints documents, sentences,
//! events and sentences per second — a whole-process run whose peak memory can be measured
//! with `/usr/bin/time -v` (criterion's process holds more than the pipeline needs).
//!
//! ```text
//! cargo run --release -p demarche --example pipeline_throughput -- [N] [builtin|phoenix] [knowledge] [wire] [frames-off] [events]
//! ```
//! `phoenix` reads `$DEMARCHE_REFERENCE/petrarch2/dictionaries`. The corpus (see
//! `benches/corpus.rs`; `wire`: the wire-length one, about 22 words a sentence) is cycled to N
//! documents; each is coded and dropped, as `demarche code` streams. `frames-off` codes without
//! the predicate layer (`frames = Some(false)`, the coding before issue 11). `events` also
//! writes every event as a JSON line to standard output, to compare two builds' output.

use anyhow::{Context, bail};
use demarche::Pipeline;
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::Date;
use std::path::PathBuf;
use std::time::Instant;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = match args.first() {
        Some(s) => s
            .parse()
            .with_context(|| format!("expected a document count, found `{s}`"))?,
        None => 5000,
    };
    let set = args.get(1).map(String::as_str).unwrap_or("builtin");
    let flags = args.get(2..).unwrap_or_default();
    if let Some(f) = flags
        .iter()
        .find(|f| !matches!(f.as_str(), "knowledge" | "wire" | "frames-off" | "events"))
    {
        bail!("expected knowledge, wire, frames-off or events, found `{f}`");
    }
    let flag = |name: &str| flags.iter().any(|f| f == name);
    let knowledge = flag("knowledge");
    let dump = flag("events");

    let start = Instant::now();
    let (dicts, own): (Dictionaries, bool) = match set {
        "builtin" => (demarche_dict::native::default_dictionaries().0, true),
        "phoenix" => {
            let Some(reference) = std::env::var_os("DEMARCHE_REFERENCE") else {
                bail!("phoenix needs DEMARCHE_REFERENCE (the shared reference folder)");
            };
            let dir = PathBuf::from(reference).join("petrarch2/dictionaries");
            (
                Dictionaries::load_petrarch(&PetrarchPaths::phoenix(&dir)).0,
                false,
            )
        }
        other => bail!("expected builtin or phoenix, found `{other}`"),
    };
    let mut options = demarche::coding_options(own);
    if flag("frames-off") {
        options.frames = Some(false);
    }
    let pipeline = Pipeline::new(&dicts)
        .with_options(options)
        .with_knowledge(knowledge);
    let load = start.elapsed();

    let corpus = if flag("wire") {
        corpus::wire_documents()
    } else {
        corpus::documents()
    };
    if corpus.is_empty() {
        bail!("the benchmark corpus is empty");
    }
    let date = Date::from_ymd_opt(2024, 6, 1).context("a valid date")?;
    let (mut sentences, mut events) = (0usize, 0usize);
    let start = Instant::now();
    for doc in corpus.iter().cycle().take(n) {
        let coded = pipeline.code_document(doc, date);
        sentences += coded.sentences.len();
        events += coded.events.len();
        if dump {
            for e in &coded.events {
                println!("{}", serde_json::to_string(e)?);
            }
        }
    }
    let secs = start.elapsed().as_secs_f64().max(1e-9);
    let summary = format!(
        "{set} dictionaries (loaded and compiled in {:.2} s), {} corpus, frames {}, knowledge {}: \
         {n} documents, {sentences} sentences, {events} events in {secs:.2} s: {:.0} sentences/s, \
         {:.0} documents/s",
        load.as_secs_f64(),
        if flag("wire") { "wire" } else { "default" },
        if pipeline.options().frames() {
            "on"
        } else {
            "off"
        },
        if knowledge { "on" } else { "off" },
        sentences as f64 / secs,
        n as f64 / secs
    );
    // With `events` the events are the standard output.
    if dump {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    Ok(())
}
