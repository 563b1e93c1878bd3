//! Sentences per CPU-second of raw text → trees on one thread, over the benchmark fixture.
//!
//! Criterion (`cargo bench -p demarche-parse`) measures wall-clock time, which a busy shared
//! machine inflates; this example divides by the process's own CPU time (Linux
//! `/proc/self/stat`), so the figure holds on a loaded machine too.
//!
//! ```text
//! cargo run --release -p demarche-parse --example throughput
//! ```

const NEWS: &str = include_str!("../benches/news.txt");

/// User + system CPU time of this process in seconds, from `/proc/self/stat`.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

fn main() {
    let parser = demarche_parse::Parser::new();
    let start_cpu = cpu_seconds().unwrap_or(0.0);
    let start = std::time::Instant::now();
    let mut sentences = 0usize;
    let mut nodes = 0usize;
    while start.elapsed().as_secs_f64() < 5.0 {
        for s in demarche_text::split_sentences(NEWS) {
            nodes += parser.parse(&NEWS[s.range()]).len();
            sentences += 1;
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds().unwrap_or(0.0) - start_cpu;
    println!(
        "{sentences} sentences ({nodes} tree nodes): {:.0} sentences per wall second, {:.0} per CPU second",
        sentences as f64 / wall,
        if cpu > 0.0 {
            sentences as f64 / cpu
        } else {
            f64::NAN
        }
    );
}
