//! A connection told to leave checkpoints to someone else (as the server's writer is) reports
//! the log's length after each commit and never checkpoints on its own; `checkpoint` from
//! another connection then copies the whole log.

use demarche_store::Store;
use demarche_store::synthetic::{SyntheticSpec, corpus};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

#[test]
fn commits_leave_the_log_to_a_checkpoint_elsewhere() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("store.db");
    let mut writer = Store::open(&path).expect("writer");
    let pages = Arc::new(AtomicI64::new(-1));
    writer
        .checkpoint_elsewhere(Arc::clone(&pages))
        .expect("hook");
    let items: Vec<_> = corpus(SyntheticSpec::new(3000, 4).with_prose(12)).collect();
    let mut seen = Vec::new();
    for chunk in items.chunks(300) {
        writer.ingest_batch(chunk).expect("ingest");
        seen.push(pages.load(Ordering::Relaxed));
    }
    // The log only grows: no commit checkpointed it, although it passed SQLite's default of
    // 1,000 pages, after which a commit would have.
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    let last = *seen.last().expect("commits");
    assert!(last > 2000, "{seen:?}");
    let other = Store::open(&path).expect("checkpointer");
    let (log, done) = other.checkpoint().expect("checkpoint");
    assert_eq!((log, done), (last, last));
    // The next commit starts the log over.
    let more: Vec<_> = corpus({
        let mut spec = SyntheticSpec::new(10, 4);
        spec.seed ^= 99;
        spec
    })
    .map(|mut item| {
        item.document.id = format!("more-{}", item.document.id);
        for e in &mut item.events {
            e.doc_id = item.document.id.clone();
        }
        item
    })
    .collect();
    writer.ingest_batch(&more).expect("ingest more");
    assert!(pages.load(Ordering::Relaxed) < last / 10);
    writer.integrity_check().expect("integrity");
}
