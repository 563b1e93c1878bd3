//! `demarche ingest`: stores documents, events and knowledge from JSON Lines files (or standard
//! input) in the event store, idempotently. See `demarche_store::input` for the accepted
//! records and `demarche_store` for what "stored once" means.

use anyhow::Context;
use demarche_model::Severity;
use demarche_store::input::Grouper;
use demarche_store::{IngestItem, IngestSummary, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::BufReader;
use std::path::PathBuf;
use std::process::ExitCode;

/// Documents per transaction: large enough that commits do not dominate, small enough that a
/// killed run loses little work (it is redone on the next run anyway).
const BATCH: usize = 200;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// JSON Lines files of event records (as `demarche code` writes them), document records
    /// (`id`, `text`, `date`, `title`, `source`, `url`) or knowledge records; `-` or nothing
    /// reads standard input
    pub inputs: Vec<PathBuf>,
    /// The store (SQLite file; created if missing)
    #[arg(long, default_value = demarche_store::DEFAULT_DB_PATH)]
    pub db: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let inputs = if args.inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.inputs
    };
    // All inputs are grouped together, so that documents and their events may come in
    // separate files.
    let mut grouper = Grouper::new();
    let mut errors = 0usize;
    for path in &inputs {
        let name = path.display().to_string();
        let diagnostics = if name == "-" {
            grouper.read(std::io::stdin().lock(), "<stdin>")
        } else {
            match std::fs::File::open(path) {
                Ok(f) => grouper.read(BufReader::new(f), &name),
                Err(e) => {
                    eprintln!("{name}: error: cannot open: {e}");
                    errors += 1;
                    continue;
                }
            }
        };
        for d in &diagnostics {
            eprintln!("{d}");
            if d.severity == Severity::Error {
                errors += 1;
            }
        }
    }
    // Events without a document record belong to the stored document of that id, if there is
    // one (ingest the corpus first, its coded events later): keep its text and metadata rather
    // than replacing it with a text rebuilt from the events' sentences.
    let mut items: Vec<IngestItem> = Vec::new();
    for read in grouper.finish() {
        let mut item = read.item;
        if !read.document_given
            && let Some(stored) = store.stored_document(&item.document.id)?
        {
            item.document = stored;
        }
        items.push(item);
    }
    let summary = ingest_items(&mut store, &items)?;
    let stats = store.stats()?;
    println!(
        "documents: {} new, {} unchanged, {} replaced; events: {} new after de-duplication; mentions: {}",
        summary.documents_new,
        summary.documents_unchanged,
        summary.documents_replaced,
        summary.events_new,
        summary.mentions
    );
    println!(
        "store {}: {} documents, {} events, {} mentions",
        args.db.display(),
        stats.documents,
        stats.events,
        stats.mentions
    );
    if errors > 0 {
        eprintln!("{errors} input problems reported above; the other records were stored");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// Stores `items` in batches, with a progress bar on a terminal. This is the ingest core that
/// other commands (`demarche demo`, a coding pipeline) can call with their own items.
pub fn ingest_items(store: &mut Store, items: &[IngestItem]) -> anyhow::Result<IngestSummary> {
    // indicatif draws only when stderr is a terminal; piped runs stay clean.
    let bar = ProgressBar::new(items.len() as u64);
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} documents ({per_sec}, {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut summary = IngestSummary::default();
    for chunk in items.chunks(BATCH) {
        let s = store
            .ingest_batch(chunk)
            .with_context(|| format!("storing in {}", store.path().display()))?;
        summary.documents_new += s.documents_new;
        summary.documents_unchanged += s.documents_unchanged;
        summary.documents_replaced += s.documents_replaced;
        summary.events_new += s.events_new;
        summary.mentions += s.mentions;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    Ok(summary)
}
