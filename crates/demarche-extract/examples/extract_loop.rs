//! Runs `extract` over `benches/news.txt` N times (the first argument, 50 by default) and prints
//! the time a sentence took: a fixed workload for instruction counts, which are repeatable
//! under load where seconds are not.
//!
//! ```text
//! cargo build --release -p demarche-extract --example extract_loop
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/extract_loop 50
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/extract_loop 250
//! ```
//!
//! The difference of the two totals over 200 × the file's sentences is the cost of a sentence
//! without the one-time table loads; build the same example on the baseline commit and compare
//! the two in the same run.

fn main() {
    let text = include_str!("../benches/news.txt");
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(50);
    let date = demarche_model::parse_date("2024-03-12").ok();
    // The tables load on the first call.
    let _ = demarche_extract::extract(text, date, None);
    let start = std::time::Instant::now();
    let mut items = 0;
    for _ in 0..runs {
        let k = demarche_extract::extract(std::hint::black_box(text), date, None);
        items += k.quotations.len() + k.persons.len();
    }
    let sentences = demarche_extract::split_sentences(text).len().max(1);
    let micros = start.elapsed().as_secs_f64() / (runs * sentences) as f64 * 1e6;
    println!("{items} items, {sentences} sentences a run, {micros:.2} µs a sentence");
}
