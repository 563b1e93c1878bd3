//! A helper process for the crash-safety test (tests/kill.rs): ingests a synthetic corpus into a
//! store and prints `committed N` after each commit, so that the test can SIGKILL it mid-way,
//! reopen the store and check that everything reported committed is there, once.
//!
//! Usage: `demarche-store-stress DB DOCUMENTS EVENTS_PER_DOCUMENT BATCH`

use demarche_store::Store;
use demarche_store::synthetic::{SyntheticSpec, corpus};
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, documents, events, batch] = args.as_slice() else {
        eprintln!("usage: demarche-store-stress DB DOCUMENTS EVENTS_PER_DOCUMENT BATCH");
        return ExitCode::from(2);
    };
    let number = |s: &str, what: &str| {
        s.parse::<usize>()
            .map_err(|_| format!("{what}: expected a whole number, found `{s}`"))
    };
    let parsed = (|| -> Result<(usize, usize, usize), String> {
        Ok((
            number(documents, "DOCUMENTS")?,
            number(events, "EVENTS_PER_DOCUMENT")?,
            number(batch, "BATCH")?.max(1),
        ))
    })();
    let (documents, events, batch) = match parsed {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    match run(db, documents, events, batch) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(
    db: &str,
    documents: usize,
    events: usize,
    batch: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut store = Store::open(db)?;
    let items: Vec<_> = corpus(SyntheticSpec::new(documents, events)).collect();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut done = 0usize;
    for chunk in items.chunks(batch) {
        if batch == 1 {
            for item in chunk {
                store.ingest(&item.document, &item.events, item.knowledge.as_ref())?;
            }
        } else {
            store.ingest_batch(chunk)?;
        }
        done += chunk.len();
        writeln!(out, "committed {done}")?;
        out.flush()?;
    }
    Ok(())
}
