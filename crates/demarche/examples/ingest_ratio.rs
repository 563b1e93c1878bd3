//! Times `demarche ingest` against `demarche code --with-knowledge` on the same input, in one
//! run, and prints the ratio (issue 13: storing must cost little more than coding).
//!
//! ```text
//! cargo build --release -p demarche --bin demarche --example ingest_ratio
//! target/release/examples/ingest_ratio [DOCUMENTS] [ROUNDS]  # defaults: 20000 documents, 3 rounds
//! target/release/examples/ingest_ratio --corpus FILE [DOCUMENTS]  # only write the input
//! ```
//! The input is JSON Lines written to a temporary folder: the benchmark corpus of
//! `benches/corpus.rs` (our own news-style text: the fictional articles, the generated
//! wire-style documents and the wire-length development texts), cycled to DOCUMENTS documents,
//! each with its own id, a date spread over two years and one of five outlets. Each round runs
//! `code --with-knowledge` (events to /dev/null) and `ingest` into a new store, the order
//! alternating between rounds; the ratio is taken per round (the machine's other load changes
//! between rounds, less within one) and the median printed, for wall time and for CPU time
//! (user and system, all threads: what the run costs whatever else the machine does; on a busy
//! machine the wall times say more about the neighbours). A last run ingests the same input
//! again into the full store (idempotent: nothing new is written). The binary is the
//! `demarche` next to this example, or `$DEMARCHE_BIN`.

use anyhow::{Context, bail};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../benches/corpus.rs"]
mod corpus;

const OUTLETS: [&str; 5] = [
    "Northern Wire",
    "Meridian Daily",
    "Harbour Post",
    "Eastern Courier",
    "Capital Ledger",
];

fn binary() -> anyhow::Result<PathBuf> {
    if let Some(p) = std::env::var_os("DEMARCHE_BIN") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe()?;
    let dir = exe
        .parent()
        .and_then(Path::parent)
        .context("no folder above the example")?;
    let bin = dir.join("demarche");
    if !bin.exists() {
        bail!(
            "{} is missing: build it (cargo build --release -p demarche) or set DEMARCHE_BIN",
            bin.display()
        );
    }
    Ok(bin)
}

fn write_corpus(path: &Path, n: usize) -> anyhow::Result<usize> {
    let mut base = corpus::documents();
    base.extend(corpus::wire_documents());
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let start = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).context("a date")?;
    let mut bytes = 0;
    for i in 0..n {
        let doc = &base[i % base.len()];
        let date = start + chrono::Duration::days((i * 7 % 730) as i64);
        let line = serde_json::json!({
            "id": format!("bench-{i:06}"),
            "date": date.format("%Y-%m-%d").to_string(),
            "source": OUTLETS[i % OUTLETS.len()],
            "text": doc.text,
        });
        let line = serde_json::to_string(&line)?;
        bytes += line.len() + 1;
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(bytes)
}

/// CPU seconds (user and system) of the children this process has waited for, from
/// `/proc/self/stat` (Linux; 0 elsewhere).
fn children_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name in parentheses: cutime and cstime are the 14th and 15th.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(13) + ticks(14)) / 100.0
}

/// A run's wall time and CPU time (user and system, all threads).
#[derive(Clone, Copy)]
struct Spent {
    wall: Duration,
    cpu: f64,
}

/// Runs the binary with `args`, stdout to /dev/null; returns the time spent and stderr's last
/// line (the command's summary).
fn timed(bin: &Path, args: &[&str]) -> anyhow::Result<(Spent, String)> {
    let cpu = children_cpu();
    let t = Instant::now();
    let out = Command::new(bin)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .with_context(|| format!("running {}", bin.display()))?;
    let elapsed = t.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        bail!("`demarche {}` failed: {stderr}", args.join(" "));
    }
    Ok((
        Spent {
            wall: elapsed,
            cpu: children_cpu() - cpu,
        },
        stderr.lines().last().unwrap_or_default().to_string(),
    ))
}

fn remove_store(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    // `--corpus FILE [DOCUMENTS]`: writes the input and stops (for timing it otherwise, under
    // valgrind for example).
    let corpus_file = if args.first().is_some_and(|a| a == "--corpus") {
        let file = args.get(1).context("--corpus needs a file")?.clone();
        args.drain(..2);
        Some(PathBuf::from(file))
    } else {
        None
    };
    let number = |i: usize, default: usize| -> anyhow::Result<usize> {
        match args.get(i) {
            Some(s) => s
                .parse()
                .with_context(|| format!("expected a number, found `{s}`")),
            None => Ok(default),
        }
    };
    let n = number(0, 20_000)?;
    let rounds = number(1, 3)?.max(1);
    if let Some(file) = corpus_file {
        let bytes = write_corpus(&file, n)?;
        println!("{n} documents ({bytes} bytes) in {}", file.display());
        return Ok(());
    }
    let bin = binary()?;
    let dir = std::env::temp_dir().join(format!("demarche-ingest-ratio-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let input = dir.join("news.jsonl");
    let db = dir.join("bench.db");
    let bytes = write_corpus(&input, n)?;
    let input_s = input.to_str().context("temp path is UTF-8")?;
    let db_s = db.to_str().context("temp path is UTF-8")?;
    println!(
        "{n} documents ({:.1} MB of JSON Lines), {rounds} round(s), {}",
        bytes as f64 / 1e6,
        bin.display()
    );
    let mut ratios = Vec::new();
    let mut cpu_ratios = Vec::new();
    for round in 0..rounds {
        let code = || timed(&bin, &["code", "--with-knowledge", input_s]);
        let ingest = || {
            remove_store(&db);
            timed(&bin, &["ingest", "--db", db_s, input_s])
        };
        let ((c, c_line), (i, _)) = if round % 2 == 0 {
            let c = code()?;
            (c, ingest()?)
        } else {
            let i = ingest()?;
            (code()?, i)
        };
        let ratio = i.wall.as_secs_f64() / c.wall.as_secs_f64();
        let cpu_ratio = i.cpu / c.cpu.max(0.01);
        println!(
            "round {}: code --with-knowledge {:.2} s (CPU {:.2} s; {c_line}), ingest {:.2} s \
             (CPU {:.2} s): ratio {ratio:.2} (CPU {cpu_ratio:.2})",
            round + 1,
            c.wall.as_secs_f64(),
            c.cpu,
            i.wall.as_secs_f64(),
            i.cpu
        );
        ratios.push(ratio);
        cpu_ratios.push(cpu_ratio);
    }
    let (again, _) = timed(&bin, &["ingest", "--db", db_s, input_s])?;
    ratios.sort_by(f64::total_cmp);
    cpu_ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    let cpu_median = cpu_ratios[cpu_ratios.len() / 2];
    println!(
        "ingest again into the full store (nothing new): {:.2} s",
        again.wall.as_secs_f64()
    );
    println!(
        "ingest / code --with-knowledge: median ratio {median:.2} (wall), {cpu_median:.2} (CPU)"
    );
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
