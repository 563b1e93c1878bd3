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
        // The compiled set is kept for the life of a run, so dropping it is not timed.
        b.iter_with_large_drop(|| Dictionaries::load_petrarch(&paths))
    });
    // The parts, from text already in memory (reading and compiling, no IO).
    let read = |name: &str| {
        let bytes = std::fs::read(dir.join(name)).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let verbs_text = read("CAMEO.2.0.txt");
    c.bench_function("parts/verbs_cameo2", |b| {
        b.iter_with_large_drop(|| demarche_dict::verbs::read_verbs(&verbs_text, "CAMEO.2.0.txt"))
    });
    let actors_text = read("Phoenix.Countries.actors.txt");
    c.bench_function("parts/actors_countries", |b| {
        b.iter_with_large_drop(|| {
            let (e, _) = demarche_dict::actors::read_actors(&actors_text, "countries");
            demarche_dict::ActorDictionary::from_entries(e)
        })
    });
    let agents_text = read("Phoenix.agents.txt");
    c.bench_function("parts/agents", |b| {
        b.iter_with_large_drop(|| {
            let (e, _) = demarche_dict::agents::read_agents(&agents_text, "agents");
            demarche_dict::AgentDictionary::from_entries(e)
        })
    });
    let issues_text = read("Phoenix.IssueCoding.txt");
    c.bench_function("parts/issues", |b| {
        b.iter_with_large_drop(|| demarche_dict::issues::read_issues(&issues_text, "issues"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench_load
}
criterion_main!(benches);
