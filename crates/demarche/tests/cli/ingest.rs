//! `demarche ingest` as a pipeline (issue 13, part 6): coding on the workers, one writer thread,
//! a second connection checkpointing. Killed with SIGKILL mid-run, the store is intact, holds
//! whole batches only, and a second run completes it to exactly what one uninterrupted run
//! stores; a third run adds nothing.

use crate::{check, demarche, tempdir, write};
use demarche_store::Store;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// `n` short news documents of our own wording, each with its own id and date.
fn corpus(n: usize) -> String {
    const STATES: [&str; 8] = [
        "Russia", "China", "India", "Japan", "Brazil", "Egypt", "Turkey", "Mexico",
    ];
    const SENTENCES: [&str; 4] = [
        "{A} accused {B} of violating the ceasefire.",
        "{A} and {B} signed a trade agreement on Tuesday.",
        "{A} praised {B} for its support.",
        "{A} condemned {B} over the missile test.",
    ];
    let mut out = String::new();
    for i in 0..n {
        let a = STATES[i % STATES.len()];
        let b = STATES[(i / STATES.len() + 1 + i) % STATES.len()];
        let b = if a == b { "Nigeria" } else { b };
        let text = format!(
            "{} {}",
            SENTENCES[i % 4].replace("{A}", a).replace("{B}", b),
            SENTENCES[(i + 1) % 4].replace("{A}", b).replace("{B}", a)
        );
        out.push_str(&format!(
            "{{\"id\":\"k{i:05}\",\"date\":\"2024-{:02}-{:02}\",\"text\":\"{text}\"}}\n",
            1 + i % 12,
            1 + i % 28
        ));
    }
    out
}

#[test]
fn ingest_killed_mid_run_then_completed_equals_an_uninterrupted_run() {
    const DOCUMENTS: usize = 3000;
    let dir = tempdir();
    let news = write(dir.path(), "news.jsonl", corpus(DOCUMENTS));
    let killed = dir.path().join("killed.db");
    let whole = dir.path().join("whole.db");

    // Kill the run once it has committed at least one batch.
    let mut child = Command::new(env!("CARGO_BIN_EXE_demarche"))
        .args(["ingest", news, "--db", killed.to_str().expect("UTF-8 path")])
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start demarche ingest");
    let started = Instant::now();
    let mut committed = 0;
    while committed == 0 && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(50));
        if let Ok(store) = Store::open_read_only(&killed) {
            committed = store.stats().map_or(0, |s| s.documents);
        }
    }
    // Child::kill sends SIGKILL: no destructor, no rollback, no clean close.
    child.kill().expect("kill the ingest");
    child.wait().expect("reap the ingest");
    let store = Store::open(&killed).expect("reopen after the kill");
    store.integrity_check().expect("integrity after the kill");
    let after_kill = store.stats().expect("stats").documents as usize;
    drop(store);
    assert!(after_kill > 0, "no batch was committed before the kill");
    // Whole transactions only: batches of 512, as many in one transaction as the writer
    // stores in about a second (the last one holds the rest, when the run finished first).
    assert!(
        after_kill % 512 == 0 || after_kill == DOCUMENTS,
        "{after_kill} documents after the kill"
    );
    eprintln!("{after_kill} of {DOCUMENTS} documents stored when the run was killed");
    if after_kill == DOCUMENTS {
        eprintln!("note: the run had finished before the kill landed");
    }

    let run = demarche(dir.path(), &["ingest", news, "--db", "killed.db"], None);
    check(&run, "ingest after the kill");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let run = demarche(dir.path(), &["ingest", news, "--db", "whole.db"], None);
    check(&run, "uninterrupted ingest");
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    let (a, b) = (
        Store::open(&killed).expect("killed store"),
        Store::open(&whole).expect("whole store"),
    );
    a.integrity_check().expect("integrity");
    assert_eq!(a.stats().expect("stats").documents as usize, DOCUMENTS);
    assert_eq!(
        a.canonical_dump().expect("dump"),
        b.canonical_dump().expect("dump")
    );
    drop((a, b));

    // Again: nothing new.
    let run = demarche(dir.path(), &["ingest", news, "--db", "whole.db"], None);
    assert_eq!(run.code, Some(0), "stderr: {}", run.stderr);
    assert!(
        run.stdout.contains(&format!(
            "documents: 0 new, {DOCUMENTS} unchanged, 0 replaced"
        )),
        "{}",
        run.stdout
    );
}
