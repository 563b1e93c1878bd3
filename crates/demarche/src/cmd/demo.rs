//! `demarche demo`: the bundled demo corpus, coded, in a temporary store, served with the
//! dashboard. The README's first command.
//!
//! The corpus (`corpus/demo/reports.jsonl`) is compiled into the binary, so the demo works from
//! any directory and offline. Coding is a parameter: [`run_with`] takes a closure from a
//! document to its events; [`run`] passes the pipeline with our built-in dictionaries, or with
//! `--hand-coded` our hand coding of the corpus (`demarche_server::demo`), so the two can be
//! compared in the dashboard.

use super::dictionaries::base_options;
use anyhow::Context;
use demarche_model::{Document, Event};
use demarche_server::ServerConfig;
use demarche_store::{IngestItem, Store};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const CORPUS: &str = include_str!("../../../../corpus/demo/reports.jsonl");
const CORPUS_NAME: &str = "corpus/demo/reports.jsonl";
const DEFAULT_PORT: u16 = 8421;
/// The dyad the printed URL opens: the corpus's largest relationship.
const DEFAULT_DYAD: (&str, &str) = ("CHN", "RUS");

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Port on 127.0.0.1 (default 8421, or a free one if 8421 is taken)
    #[arg(long)]
    pub port: Option<u16>,
    /// Do not try to open a web browser; just print the URL
    #[arg(long)]
    pub no_open: bool,
    /// Keep the demo store in this file instead of a temporary one removed on exit
    #[arg(long)]
    pub db: Option<PathBuf>,
    /// Store the corpus's hand-coded events instead of coding it (to compare with the coder)
    #[arg(long)]
    pub hand_coded: bool,
}

/// Codes one demo document with the hand-coded table of the demo corpus
/// (`demarche_server::demo`): the reference the dashboard's tests and `--hand-coded` use.
pub fn hand_coded(doc: &Document) -> Vec<Event> {
    use std::sync::OnceLock;
    static CODINGS: OnceLock<Vec<demarche_server::demo::Coding>> = OnceLock::new();
    let codings = CODINGS.get_or_init(|| {
        let (codings, diags) = demarche_server::demo::parse_codings(
            demarche_server::demo::HAND_CODED_FILE,
            demarche_server::demo::HAND_CODED,
        );
        for d in diags {
            eprintln!("{d}");
        }
        codings
    });
    let sentences = demarche_text::split_sentences(&doc.text);
    let (events, diags) = demarche_server::demo::events_for(doc, &sentences, codings);
    for d in diags {
        eprintln!("{d}");
    }
    events
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.hand_coded {
        return run_with(args, &hand_coded);
    }
    let (dicts, _) = demarche_dict::native::default_dictionaries();
    let pipeline = demarche::Pipeline::new(&dicts).with_options(base_options(true));
    let today = chrono::Local::now().date_naive();
    run_with(args, &|doc: &Document| {
        pipeline
            .code_document(doc, doc.date.unwrap_or(today))
            .events
    })
}

/// Removes the temporary store's folder when the demo ends (normally or by error).
struct TempStore(PathBuf);

impl Drop for TempStore {
    fn drop(&mut self) {
        // Best effort: a leftover folder in the temp dir is harmless and the OS cleans it.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The demo with any coder: reads the embedded corpus, codes every document with `code`,
/// stores the result and serves the dashboard until Ctrl-C.
pub fn run_with(args: Args, code: &dyn Fn(&Document) -> Vec<Event>) -> anyhow::Result<ExitCode> {
    let (db, _cleanup) = match &args.db {
        Some(path) => (path.clone(), None),
        None => {
            let dir = std::env::temp_dir().join(format!("demarche-demo-{}", std::process::id()));
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("creating the demo folder {}", dir.display()))?;
            (dir.join("demo.db"), Some(TempStore(dir)))
        }
    };
    let (documents, events) = build_store(&db, code)?;
    eprintln!(
        "demo store: {documents} reports, {events} coded events ({})",
        db.display()
    );
    if events == 0 {
        eprintln!("warning: the coder gave no events, so the dashboard will be empty");
    }

    let port = match args.port {
        Some(p) => p,
        // The usual port if it is free, so bookmarks keep working; any free one otherwise.
        None if TcpListener::bind((Ipv4Addr::LOCALHOST, DEFAULT_PORT)).is_ok() => DEFAULT_PORT,
        None => 0,
    };
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let open = !args.no_open;
    demarche_server::run(ServerConfig::new(&db), addr, |bound| {
        let url = format!("http://{bound}/?a={}&b={}", DEFAULT_DYAD.0, DEFAULT_DYAD.1);
        println!("demarche demo: open {url}");
        println!("press Ctrl-C to stop");
        if open {
            open_browser(&url);
        }
    })
    .context("serving the demo")?;
    Ok(ExitCode::SUCCESS)
}

/// Reads the embedded corpus, codes it and stores it at `db`. Bad corpus lines are reported and
/// skipped. Returns the number of documents and events stored.
fn build_store(
    db: &Path,
    code: &dyn Fn(&Document) -> Vec<Event>,
) -> anyhow::Result<(usize, usize)> {
    let mut items = Vec::new();
    for doc in demarche_text::read_jsonl(CORPUS.as_bytes(), CORPUS_NAME) {
        match doc {
            Ok(document) => {
                let events = code(&document);
                items.push(IngestItem {
                    document,
                    events,
                    knowledge: None,
                });
            }
            Err(e) => eprintln!("{e}"),
        }
    }
    let events = items.iter().map(|i| i.events.len()).sum();
    let mut store = Store::open(db).with_context(|| format!("opening {}", db.display()))?;
    store
        .ingest_batch(&items)
        .with_context(|| format!("storing the demo corpus in {}", db.display()))?;
    Ok((items.len(), events))
}

/// Asks the desktop to open `url`; prints nothing and carries on if there is no desktop.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hand_coded_event_resolves_against_the_embedded_corpus() {
        let (codings, diags) = demarche_server::demo::parse_codings(
            demarche_server::demo::HAND_CODED_FILE,
            demarche_server::demo::HAND_CODED,
        );
        assert_eq!(diags, []);
        let mut resolved = 0;
        for doc in demarche_text::read_jsonl(CORPUS.as_bytes(), CORPUS_NAME) {
            let doc = doc.unwrap();
            let sentences = demarche_text::split_sentences(&doc.text);
            let (events, diags) = demarche_server::demo::events_for(&doc, &sentences, &codings);
            assert_eq!(diags, [], "document {}", doc.id);
            resolved += events.len();
        }
        assert_eq!(
            resolved,
            codings.len(),
            "codings naming a document not in the corpus"
        );
    }

    #[test]
    fn demo_store_holds_the_three_relationships_with_duplicates_merged() {
        let dir = std::env::temp_dir().join(format!("demarche-demo-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _cleanup = TempStore(dir.clone());
        let db = dir.join("demo.db");
        let (documents, events) = build_store(&db, &hand_coded).unwrap();
        assert_eq!(documents, 81);
        assert!(events > 150);
        let store = Store::open(&db).unwrap();
        let q = |a: &str, b: &str| {
            let mut q = demarche_store::DyadQuery::new(a, b, demarche_store::Granularity::Month);
            q.undirected = true;
            store.dyad_series(&q).unwrap().total.events
        };
        assert!(q("CHN", "RUS") > 30);
        assert!(q("RUS", "UKR") > 15);
        assert!(q("IND", "PAK") > 15);
        // The gas agreement of 4 February 2022 is reported by two outlets that day: one event,
        // two mentions from two sources.
        let page = store
            .search_events(&demarche_store::EventQuery {
                source: Some("CHN".into()),
                target: Some("RUS".into()),
                code: Some("057".into()),
                from: demarche_model::parse_date("2022-02-04").ok(),
                to: demarche_model::parse_date("2022-02-04").ok(),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.events[0].num_mentions, 2);
        assert_eq!(page.events[0].num_sources, 2);
    }

    #[test]
    fn the_pipeline_codes_the_demo_corpus_into_its_three_relationships() {
        let dir =
            std::env::temp_dir().join(format!("demarche-demo-pipeline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let _cleanup = TempStore(dir.clone());
        let db = dir.join("demo.db");
        let (dicts, diags) = demarche_dict::native::default_dictionaries();
        assert_eq!(diags, []);
        let pipeline = demarche::Pipeline::new(&dicts).with_options(base_options(true));
        let code = |doc: &Document| {
            let date = doc.date.unwrap_or_default();
            pipeline.code_document(doc, date).events
        };
        let (documents, events) = build_store(&db, &code).unwrap();
        assert_eq!(documents, 81);
        assert!(events > 100, "{events} events");
        let store = Store::open(&db).unwrap();
        let q = |a: &str, b: &str| {
            let mut q = demarche_store::DyadQuery::new(a, b, demarche_store::Granularity::Month);
            q.undirected = true;
            store.dyad_series(&q).unwrap().total.events
        };
        assert!(q("CHN", "RUS") >= 30, "CHN-RUS {}", q("CHN", "RUS"));
        assert!(q("RUS", "UKR") >= 15, "RUS-UKR {}", q("RUS", "UKR"));
        assert!(q("IND", "PAK") >= 15, "IND-PAK {}", q("IND", "PAK"));
    }
}
