//! Benchmark: loading and compiling the full Phoenix dictionary set (CAMEO.2.0 verbs, the
//! Countries, International and MilNonState actors, agents, discards and issues) from files.
//!
//! Reads `$DEMARCHE_REFERENCE/petrarch2/dictionaries`; when DEMARCHE_REFERENCE is unset it says
//! so and benchmarks nothing. Prints the entry counts and the process's peak resident memory.

use criterion::{Criterion, criterion_group, criterion_main};
use demarche_dict::{Dictionaries, PetrarchPaths, Severity};
use std::path::PathBuf;

fn dictionaries_dir() -> Option<PathBuf> {
    let Some(root) = std::env::var_os("DEMARCHE_REFERENCE") else {
        eprintln!(
            "DEMARCHE_REFERENCE is unset: the load benchmark needs the Phoenix dictionaries; skipping"
        );
        return None;
    };
    Some(PathBuf::from(root).join("petrarch2/dictionaries"))
}

/// Peak resident set size of this process, from /proc (Linux only; `None` elsewhere).
fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn bench_load(c: &mut Criterion) {
    let Some(dir) = dictionaries_dir() else {
        return;
    };
    let paths = PetrarchPaths::phoenix(&dir);
    let before = peak_rss_kib();
    let (dicts, diags) = Dictionaries::load_petrarch(&paths);
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    println!("phoenix load: {}", dicts.summary());
    println!(
        "phoenix load: {} diagnostics ({} errors); peak RSS before load {:?} KiB, after one load {:?} KiB",
        diags.len(),
        errors,
        before,
        peak_rss_kib()
    );
    drop(dicts);
    c.bench_function("load_phoenix_full", |b| {
        b.iter(|| {
            let (d, _) = Dictionaries::load_petrarch(&paths);
            std::hint::black_box(d.actors.len())
        })
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_load
}
criterion_main!(benches);
