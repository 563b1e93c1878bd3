//! Crash safety with a real kill of a real process: a child process ingests a synthetic corpus
//! and is SIGKILLed mid-way (several times); the store must pass its integrity check after each
//! kill, hold at least every document the child reported committed, and after a final complete
//! run hold exactly what an uninterrupted ingest holds (every document and event once).

use demarche_store::Store;
use demarche_store::synthetic::{SyntheticSpec, corpus};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

const STRESS: &str = env!("CARGO_BIN_EXE_demarche-store-stress");
const DOCUMENTS: usize = 4000;
const EVENTS: usize = 3;

/// Starts the child, waits until it reports `kill_after` committed documents, kills it with
/// SIGKILL and returns the last count it reported.
fn run_and_kill(db: &Path, batch: usize, kill_after: usize) -> usize {
    let mut child = Command::new(STRESS)
        .args([
            db.to_str().expect("temp path is UTF-8"),
            &DOCUMENTS.to_string(),
            &EVENTS.to_string(),
            &batch.to_string(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn the stress ingester");
    let stdout = child.stdout.take().expect("piped stdout");
    let mut reported = 0usize;
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("read child output");
        reported = line
            .strip_prefix("committed ")
            .and_then(|n| n.parse().ok())
            .expect("child prints `committed N`");
        if reported >= kill_after {
            break;
        }
    }
    // Child::kill sends SIGKILL on Unix: no destructor, no rollback hook, no clean close.
    child.kill().expect("kill the child");
    let status = child.wait().expect("reap the child");
    assert!(!status.success(), "the child was killed, not finished");
    reported
}

fn documents_in(db: &Path) -> usize {
    let store = Store::open(db).expect("reopen after kill");
    store.integrity_check().expect("integrity after kill");
    store.stats().expect("stats").documents as usize
}

#[track_caller]
fn check_killed_then_completed(batch: usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("killed.db");
    let mut previous = 0;
    for kill_after in [300, 1200, 2500] {
        let reported = run_and_kill(&db, batch, kill_after);
        let stored = documents_in(&db);
        assert!(
            stored >= reported,
            "child reported {reported} committed but the store holds {stored}"
        );
        assert!(
            stored < DOCUMENTS,
            "the kill came too late to test anything ({stored} documents stored)"
        );
        assert!(stored >= previous, "a kill lost earlier commits");
        // A batch is one transaction: a kill never leaves half of one.
        assert_eq!(stored % batch, 0, "a partial batch survived the kill");
        previous = stored;
    }
    let status = Command::new(STRESS)
        .args([
            db.to_str().expect("UTF-8"),
            &DOCUMENTS.to_string(),
            &EVENTS.to_string(),
            &batch.to_string(),
        ])
        .stdout(Stdio::null())
        .status()
        .expect("rerun");
    assert!(status.success(), "the completing run failed");

    let killed = Store::open(&db).expect("open");
    killed.integrity_check().expect("integrity");
    let mut reference = Store::open_in_memory().expect("memory store");
    let items: Vec<_> = corpus(SyntheticSpec::new(DOCUMENTS, EVENTS)).collect();
    reference.ingest_batch(&items).expect("reference ingest");
    let stats = killed.stats().expect("stats");
    assert_eq!(stats.documents as usize, DOCUMENTS);
    assert_eq!(stats.mentions as usize, DOCUMENTS * EVENTS);
    assert_eq!(stats, reference.stats().expect("stats"));
    assert!(
        killed.canonical_dump().expect("dump") == reference.canonical_dump().expect("dump"),
        "the killed-and-completed store differs from an uninterrupted ingest"
    );
}

#[test]
fn killed_during_per_document_ingest_then_completed() {
    check_killed_then_completed(1);
}

#[test]
fn killed_during_batch_ingest_then_completed() {
    check_killed_then_completed(50);
}
