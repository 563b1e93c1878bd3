//! `demarche ingest [INPUT ...]`: codes news (any input format `demarche code` reads) and stores
//! the documents, their events with evidence and their knowledge in the event store,
//! idempotently: the same document twice is stored once (see `demarche_store` for the rule).
//!
//! JSON Lines files whose first record is an event (`doc_id` + `code`, as `demarche code`
//! writes them) are stored as they are, with no coding (documents are then rebuilt from the
//! events' sentences unless document records come too). News is coded on the worker threads
//! while one writer thread stores the batch before (a few batches at most in memory); see
//! `ingest_news`.

use super::dictionaries::{DictionaryKind, base_options, load_dictionaries};
use anyhow::Context;
use demarche::input::{InputFormat, InputSpec, read_documents};
use demarche::{Pipeline, TreeSource};
use demarche_dict::PetrarchPaths;
use demarche_model::{Date, Diagnostic, Severity, parse_date};
use demarche_store::input::Grouper;
use demarche_store::{IngestItem, IngestSummary, Prepared, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Documents per transaction: large enough that commits do not dominate, small enough that a
/// killed run loses little work (it is redone on the next run anyway). News is stored one
/// transaction per batch of the input reader, which is this size too.
const BATCH: usize = demarche::input::BATCH;

/// Coded batches that may wait for the store writer (bounded memory).
const QUEUED: usize = 2;

/// The writer's transactions: one stays open for batch after batch until it has been open this
/// long, holds [`COMMIT_DOCUMENTS`], no batch comes before the time is up, or the input ends.
/// Each commit writes every page it changed to the log, and the event indexes change all over in
/// every batch, so fewer commits write fewer pages; and a transaction's full-text rows and
/// counts are written once at its commit. A killed run loses at most this much work (redone on
/// the next run), and another writer of the store (the server) waits at most this long.
const COMMIT_AFTER: std::time::Duration = std::time::Duration::from_secs(1);
const COMMIT_DOCUMENTS: usize = 8 * BATCH;

/// [`COMMIT_AFTER`], or `DEMARCHE_COMMIT_AFTER_MS` milliseconds when that is set: for measuring
/// under a profiler (valgrind runs the threads one at a time, many times slower, so that a
/// second holds one batch instead of the several a full-speed run groups).
fn commit_after() -> std::time::Duration {
    std::env::var("DEMARCHE_COMMIT_AFTER_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(COMMIT_AFTER, std::time::Duration::from_millis)
}

#[derive(clap::Args, Debug)]
#[command(after_long_help = "Examples:
  demarche ingest news.jsonl                 # code and store (./demarche.db)
  demarche ingest --db gt.db article.txt --date 2021-11-20
  demarche ingest --conllu parses.conllu --date 2024-05-01   # spaCy/Stanza/UDPipe parses
  demarche ingest --parsed records.xml                        # PETRARCH XML, coded from <Parse>
  demarche code news.jsonl > events.jsonl && demarche ingest events.jsonl")]
pub struct Args {
    /// News to code and store (plain text, JSON Lines, PETRARCH XML, HTML, RSS/Atom, WARC), or
    /// JSON Lines of event records as `demarche code` writes them; `-` or nothing reads stdin
    pub inputs: Vec<PathBuf>,
    /// Use the parse trees given in the input (`<Parse>` or "parse") instead of parsing
    #[arg(long)]
    pub parsed: bool,
    /// The inputs are CoNLL-U dependency parses (spaCy, Stanza, UDPipe): code their trees
    /// (`--format conllu --parsed`; `--format conllu` alone codes their text)
    #[arg(long, conflicts_with = "format")]
    pub conllu: bool,
    /// The store (SQLite file; created if missing)
    #[arg(long, default_value = demarche_store::DEFAULT_DB_PATH)]
    pub db: PathBuf,
    /// Publication date (YYYY-MM-DD) for documents that carry none, such as plain text
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Input format; by default from the extension, else from the first bytes
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// A folder of dictionaries in our own format (default: the built-in set)
    #[arg(long, value_name = "DIR")]
    pub dictionaries: Option<PathBuf>,
}

/// Whether a JSON Lines file holds event records (first record has `doc_id` and `code`).
fn holds_events(path: &Path) -> bool {
    let Ok(f) = std::fs::File::open(path) else {
        return false;
    };
    let mut first = String::new();
    for line in BufReader::new(f).lines().take(20) {
        let Ok(line) = line else { return false };
        if !line.trim().is_empty() {
            first = line;
            break;
        }
    }
    serde_json::from_str::<serde_json::Value>(&first)
        .ok()
        .is_some_and(|v| v.get("doc_id").is_some() && v.get("code").is_some())
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut store =
        Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let (coded_files, news): (Vec<PathBuf>, Vec<PathBuf>) = args
        .inputs
        .iter()
        .cloned()
        .partition(|p| !args.conllu && holds_events(p));
    let mut errors = 0usize;
    let mut summary = IngestSummary::default();
    if !coded_files.is_empty() {
        let s = ingest_coded(&mut store, &coded_files, &mut errors)?;
        add(&mut summary, &s);
    }
    if !news.is_empty() || args.inputs.is_empty() {
        let s = ingest_news(&mut store, &args, news, &mut errors)?;
        add(&mut summary, &s);
    }
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

fn add(total: &mut IngestSummary, s: &IngestSummary) {
    total.documents_new += s.documents_new;
    total.documents_unchanged += s.documents_unchanged;
    total.documents_replaced += s.documents_replaced;
    total.events_new += s.events_new;
    total.mentions += s.mentions;
}

/// Codes documents with the pipeline (knowledge included) and stores them batch by batch.
///
/// Coding, hashing and JSON (everything of a write that is not SQL, [`Prepared`]) run on the
/// worker threads; one writer thread only writes, a batch behind: while it stores one batch the
/// workers code the next. At most [`QUEUED`] coded batches wait for the writer, so memory stays
/// bounded. The writer keeps a transaction open across batches for up to [`COMMIT_AFTER`]
/// ([`demarche_store::Writing`]).
fn ingest_news(
    store: &mut Store,
    args: &Args,
    paths: Vec<PathBuf>,
    errors: &mut usize,
) -> anyhow::Result<IngestSummary> {
    let (dicts, kind) = load_dictionaries(args.dictionaries.as_ref(), PetrarchPaths::default())?;
    let pipeline = Pipeline::new(&dicts)
        .with_options(base_options(kind == DictionaryKind::Own))
        .with_trees(if args.parsed || args.conllu {
            TreeSource::Given
        } else {
            TreeSource::Builtin
        })
        .with_knowledge(true);
    let today = chrono::Local::now().date_naive();
    let fallback = args.date.unwrap_or(today);
    let spec = InputSpec {
        paths,
        format: if args.conllu {
            Some(InputFormat::Conllu)
        } else {
            args.format
        },
        date: args.date,
    };
    let mut report = |d: Diagnostic| {
        if d.severity == Severity::Error {
            *errors += 1;
        }
        eprintln!("{d}");
    };
    let db = store.path().display().to_string();
    // A second connection copies the WAL into the database while the writer goes on, so that
    // the checkpoints' syncs do not stall the writer (which then never checkpoints itself).
    // The writer's page cache holds a transaction's changes and the event indexes
    // (`BULK_WRITER_CACHE_KIB`).
    let checkpointer = Store::open(store.path()).ok();
    if checkpointer.is_some() {
        store.set_auto_checkpoint(0)?;
    }
    store.set_cache_kib(demarche_store::BULK_WRITER_CACHE_KIB)?;
    let done = std::sync::atomic::AtomicBool::new(false);
    let writing = &mut *store;
    let result = std::thread::scope(|scope| {
        let done = &done;
        let checkpoints = checkpointer.map(|c| {
            scope.spawn(move || {
                while !done.load(std::sync::atomic::Ordering::Acquire) {
                    std::thread::park_timeout(std::time::Duration::from_secs(1));
                    let _ = c.checkpoint();
                }
            })
        });
        let (to_writer, batches) = std::sync::mpsc::sync_channel::<Vec<Prepared<'static>>>(QUEUED);
        // Written batches go back to the reading thread to be dropped there, off the writer.
        let (to_reader, stored) = std::sync::mpsc::channel::<Vec<Prepared<'static>>>();
        let writer = scope.spawn(move || -> anyhow::Result<IngestSummary> {
            use std::sync::mpsc::RecvTimeoutError;
            let mut summary = IngestSummary::default();
            let storing = || format!("storing in {db}");
            let commit_after = commit_after();
            let mut next = batches.recv().ok();
            while let Some(mut batch) = next.take() {
                let mut tx = writing.begin_writing().with_context(storing)?;
                let deadline = std::time::Instant::now() + commit_after;
                loop {
                    let s = tx.write(&batch).with_context(storing)?;
                    add(&mut summary, &s);
                    let _ = to_reader.send(batch);
                    let now = std::time::Instant::now();
                    if tx.documents() >= COMMIT_DOCUMENTS || now >= deadline {
                        break;
                    }
                    match batches.recv_timeout(deadline - now) {
                        Ok(more) => batch = more,
                        Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
                    }
                }
                tx.commit().with_context(storing)?;
                next = batches.recv().ok();
            }
            Ok(summary)
        });
        let read = read_documents(
            &spec,
            |batch| {
                let prepared = batch
                    .into_par_iter()
                    .map(|mut document| {
                        let coded = pipeline.code_document(&document, fallback);
                        document.date.get_or_insert(fallback);
                        let knowledge = coded
                            .knowledge
                            .as_ref()
                            .and_then(|k| serde_json::to_string(k).ok());
                        Prepared::owned(document, coded.events, knowledge)
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                stored.try_iter().for_each(drop);
                // A closed channel means the writer stopped on an error, returned below.
                to_writer
                    .send(prepared)
                    .map_err(|_| anyhow::anyhow!("the store writer stopped"))
            },
            &mut report,
        );
        drop(to_writer);
        let written = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the store writer panicked"));
        done.store(true, std::sync::atomic::Ordering::Release);
        if let Some(c) = checkpoints {
            c.thread().unpark();
            let _ = c.join();
        }
        let summary = written??;
        read?;
        Ok(summary)
    });
    store.set_auto_checkpoint(1000)?;
    result
}

/// Stores event, document and knowledge records as `demarche code` writes them.
fn ingest_coded(
    store: &mut Store,
    paths: &[PathBuf],
    errors: &mut usize,
) -> anyhow::Result<IngestSummary> {
    // All inputs are grouped together, so that documents and their events may come in
    // separate files.
    let mut grouper = Grouper::new();
    for path in paths {
        let name = path.display().to_string();
        let diagnostics = match std::fs::File::open(path) {
            Ok(f) => grouper.read(BufReader::new(f), &name),
            Err(e) => {
                eprintln!("{name}: error: cannot open: {e}");
                *errors += 1;
                continue;
            }
        };
        for d in &diagnostics {
            eprintln!("{d}");
            if d.severity == Severity::Error {
                *errors += 1;
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
    ingest_items(store, &items)
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
