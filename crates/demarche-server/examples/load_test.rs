//! Load test of `demarche serve` over loopback: every endpoint of the API, 8 concurrent
//! clients, two generated stores, latency percentiles per endpoint and the server's peak
//! memory.
//!
//! ```sh
//! scripts/load-test                        # builds the release binaries, then runs this
//! cargo run --release -p demarche-server --example load_test -- --server target/release/demarche
//! ```
//!
//! What it does, in order:
//! 1. Builds two stores with `demarche_store::synthetic` (sentences with a Zipf-like tail of
//!    made-up words, so that full-text search has common, middling and rare words to find):
//!    **80,000 documents** of 3 events each, and **1,000,000 events** (100,000 documents of
//!    10), and says how long the bulk ingest took. With `--dir DIR` the stores are kept there
//!    and reused by the next run (a server of a newer schema migrates them when it opens them,
//!    and the time to ready says how long that took); without it they go to a temporary
//!    folder that is removed at the end.
//! 2. For each store, starts the server binary (`--server`, default `target/release/demarche`)
//!    as `demarche serve --db STORE --addr 127.0.0.1:0` with an ingest token, in its own
//!    process, reads the port it prints, and sends every kind of request once to warm up.
//! 3. Drives `--clients` (8) client threads, each on its own keep-alive connection, through a
//!    mix of requests that covers every route of the OpenAPI document: the document itself,
//!    stats, actors, event pages (the dashboard's dyad-and-month list with and without a text
//!    filter, full-text search for common, middling and rare words and a phrase, by actor, by
//!    root code, unfiltered, a deeper page), dyad series (by month, week and day, directed and
//!    undirected, between the 8 most frequent countries), the map's places of a dyad (in a
//!    month, and over all periods both ways) and a place's events (synthetic events have no
//!    place: those answers are empty, and every event's lookup of its first placed mention is
//!    done, only reading a place's JSON is not), documents, and `POST /api/ingest` of 5 new
//!    documents (which also empties the server's caches, as real ingest does). Every
//!    answer must be a 200 with a JSON object. On the 1,000,000-event store it then sends dyad
//!    series alone, from 8 clients and from 1.
//! 4. Prints p50, p99 and max per endpoint and per kind of request, the server's resident
//!    memory (`VmRSS`) and its peak (`VmHWM`), the load average of the machine before each
//!    round (the latencies include waiting for the CPU with whatever else runs), and PASS or
//!    FAIL for the bounds: every endpoint's p99 under 100 ms with 8 clients on the
//!    80,000-document store; dyad series p99 under 50 ms on the 1,000,000-event store, with 8
//!    clients and with 1. Exits 1 when a bound fails, 2 on an error.
//!
//! Bounded: each round stops after `--requests` requests (default 4,000) or `--seconds`
//! (default 90), whichever comes first; loopback only; the server processes it started are
//! killed when it ends, also on error.

use demarche_store::synthetic::{COUNTRIES, SyntheticSpec, corpus, word};
use demarche_store::{IngestItem, Store};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const TOKEN: &str = "load-test-token";
const PROSE_WORDS: usize = 12;
const DOCS_STORE_DOCUMENTS: usize = 80_000;
const DOCS_STORE_EVENTS_PER_DOCUMENT: usize = 3;
const EVENTS_STORE_EVENTS: usize = 1_000_000;
const EVENTS_STORE_EVENTS_PER_DOCUMENT: usize = 10;
const ENDPOINT_P99_MS: f64 = 100.0;
const SERIES_P99_MS: f64 = 50.0;

type Error = Box<dyn std::error::Error + Send + Sync>;

struct Options {
    server: PathBuf,
    dir: Option<PathBuf>,
    clients: usize,
    requests: usize,
    seconds: u64,
    only: Option<String>,
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("load test failed: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_options() -> Result<Options, Error> {
    let mut o = Options {
        server: PathBuf::from(
            std::env::var("DEMARCHE_BIN").unwrap_or_else(|_| "target/release/demarche".into()),
        ),
        dir: None,
        clients: 8,
        requests: 4_000,
        seconds: 90,
        only: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next()
                .ok_or_else(|| format!("{flag} needs a value").to_string())
        };
        match flag.as_str() {
            "--server" => o.server = PathBuf::from(value()?),
            "--dir" => o.dir = Some(PathBuf::from(value()?)),
            "--clients" => o.clients = value()?.parse()?,
            "--requests" => o.requests = value()?.parse()?,
            "--seconds" => o.seconds = value()?.parse()?,
            "--only" => o.only = Some(value()?),
            other => {
                return Err(format!(
                    "unknown argument `{other}`: expected --server BIN, --dir DIR, --clients N, --requests N, --seconds S or --only docs|events"
                )
                .into());
            }
        }
    }
    o.clients = o.clients.clamp(1, 64);
    o.requests = o.requests.clamp(1, 100_000);
    o.seconds = o.seconds.clamp(1, 600);
    Ok(o)
}

/// One generated store and what the requests may ask of it.
struct StoreSpec {
    name: &'static str,
    file: String,
    documents: usize,
    events_per_document: usize,
}

fn run() -> Result<bool, Error> {
    let o = parse_options()?;
    if !o.server.is_file() {
        return Err(format!(
            "no server binary at {} (build it with `cargo build --release -p demarche` or pass --server)",
            o.server.display()
        )
        .into());
    }
    let temp;
    let dir = match &o.dir {
        Some(d) => {
            std::fs::create_dir_all(d)?;
            d.clone()
        }
        None => {
            temp = tempfile::tempdir()?;
            temp.path().to_path_buf()
        }
    };
    let stores = [
        StoreSpec {
            name: "docs",
            file: format!("docs-{DOCS_STORE_DOCUMENTS}.db"),
            documents: DOCS_STORE_DOCUMENTS,
            events_per_document: DOCS_STORE_EVENTS_PER_DOCUMENT,
        },
        StoreSpec {
            name: "events",
            file: format!("events-{EVENTS_STORE_EVENTS}.db"),
            documents: EVENTS_STORE_EVENTS / EVENTS_STORE_EVENTS_PER_DOCUMENT,
            events_per_document: EVENTS_STORE_EVENTS_PER_DOCUMENT,
        },
    ];
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "# demarche load test: {} clients, at most {} requests or {} s per store, server {}",
        o.clients,
        o.requests,
        o.seconds,
        o.server.display()
    );
    println!("machine: {cores} cores");
    let mut ok = true;
    for spec in &stores {
        if o.only.as_deref().is_some_and(|only| only != spec.name) {
            continue;
        }
        let db = dir.join(&spec.file);
        build_store(spec, &db)?;
        let report = load(&o, spec, &db)?;
        ok &= report;
    }
    println!();
    println!("overall: {}", if ok { "PASS" } else { "FAIL" });
    Ok(ok)
}

/// Builds the store unless the file is already there.
fn build_store(spec: &StoreSpec, db: &Path) -> Result<(), Error> {
    println!();
    if db.exists() {
        println!(
            "## store {}: reusing {} ({:.0} MB)",
            spec.name,
            db.display(),
            file_mb(db)
        );
        return Ok(());
    }
    let started = Instant::now();
    let partial = db.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let mut store = Store::open(&partial)?;
    let mut batch: Vec<IngestItem> = Vec::with_capacity(1000);
    let generated =
        SyntheticSpec::new(spec.documents, spec.events_per_document).with_prose(PROSE_WORDS);
    for item in corpus(generated) {
        batch.push(item);
        if batch.len() == 1000 {
            store.ingest_batch(&batch)?;
            batch.clear();
        }
    }
    store.ingest_batch(&batch)?;
    let stats = store.stats()?;
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    drop(store);
    std::fs::rename(&partial, db)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "## store {}: {} documents, {} events built in {secs:.0} s ({:.0} documents/s), {:.0} MB",
        spec.name,
        stats.documents,
        stats.events,
        spec.documents as f64 / secs,
        file_mb(db)
    );
    Ok(())
}

fn file_mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

/// A server process, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(bin: &Path, db: &Path) -> Result<Server, Error> {
        let mut child = Command::new(bin)
            .args(["serve", "--addr", "127.0.0.1:0", "--db"])
            .arg(db)
            .env("DEMARCHE_INGEST_TOKEN", TOKEN)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", bin.display()))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut server = Server {
            child,
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        };
        // "serving DB at http://127.0.0.1:PORT/ ...": the first line, once the store is open
        // (and migrated) and the port bound.
        let mut lines = BufReader::new(stdout).lines();
        let line = lines
            .next()
            .ok_or("the server exited before it was ready")??;
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .ok_or_else(|| format!("unexpected first line from the server: {line}"))?;
        server.addr = addr.parse()?;
        // Keep reading (and dropping) its output so the pipe never fills.
        std::thread::spawn(move || for _ in lines {});
        Ok(server)
    }

    fn status_kb(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix(field))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0)
    }
}

/// One kind of request: the endpoint (route) it exercises, a name, and how to make the n-th
/// request of client c.
struct Case {
    endpoint: &'static str,
    name: String,
    make: Box<dyn Fn(usize, usize) -> Request + Send + Sync>,
}

enum Request {
    Get(String),
    Post(String, String),
}

fn month_bounds(n: usize) -> (String, String) {
    // A month of the ten generated years (2015-2024).
    let m = n % 120;
    let (y, mo) = (2015 + m / 12, m % 12 + 1);
    let last = match mo {
        2 if y % 4 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (format!("{y}-{mo:02}-01"), format!("{y}-{mo:02}-{last}"))
}

fn dyad(n: usize) -> (&'static str, &'static str) {
    // Pairs of the 8 most frequent countries, the dashboard's usual choices.
    let a = COUNTRIES[n % 8];
    let b = COUNTRIES[(n / 8 + 1 + n % 8) % 8];
    if a == b {
        (a, COUNTRIES[(n + 1) % 8])
    } else {
        (a, b)
    }
}

fn cases(spec: &StoreSpec) -> Vec<Case> {
    let docs = spec.documents;
    let mut cases: Vec<Case> = Vec::new();
    let mut get = |endpoint: &'static str,
                   name: &str,
                   f: Box<dyn Fn(usize, usize) -> String + Send + Sync>| {
        cases.push(Case {
            endpoint,
            name: name.to_string(),
            make: Box::new(move |c, n| Request::Get(f(c, n))),
        });
    };
    get(
        "GET /api/openapi.json",
        "openapi",
        Box::new(|_, _| "/api/openapi.json".into()),
    );
    get(
        "GET /api/stats",
        "stats",
        Box::new(|_, _| "/api/stats".into()),
    );
    get(
        "GET /api/actors",
        "actors limit=500 (picker)",
        Box::new(|_, _| "/api/actors?limit=500".into()),
    );
    get(
        "GET /api/actors",
        "actors q=prefix",
        Box::new(|c, n| format!("/api/actors?q={}&limit=20", COUNTRIES[(c + n) % 12])),
    );
    for by in ["month", "week", "day"] {
        get(
            "GET /api/dyads/{a}/{b}/series",
            &format!("series by={by}"),
            Box::new(move |c, n| {
                let (a, b) = dyad(c * 7 + n);
                format!("/api/dyads/{a}/{b}/series?by={by}")
            }),
        );
        get(
            "GET /api/dyads/{a}/{b}/series",
            &format!("series by={by} undirected"),
            Box::new(move |c, n| {
                let (a, b) = dyad(c * 5 + n + 3);
                format!("/api/dyads/{a}/{b}/series?by={by}&undirected=true")
            }),
        );
    }
    get(
        "GET /api/dyads/{a}/{b}/places",
        "places dyad+month (map)",
        Box::new(|c, n| {
            let (a, b) = dyad(c * 3 + n + 2);
            let (from, to) = month_bounds(c * 7 + n * 11);
            format!("/api/dyads/{a}/{b}/places?from={from}&to={to}")
        }),
    );
    get(
        "GET /api/dyads/{a}/{b}/places",
        "places dyad all periods undirected (map)",
        Box::new(|c, n| {
            let (a, b) = dyad(c * 5 + n + 1);
            format!("/api/dyads/{a}/{b}/places?undirected=true")
        }),
    );
    get(
        "GET /api/dyads/{a}/{b}/places/{place}/events",
        "place events dyad+month (map)",
        Box::new(|c, n| {
            let (a, b) = dyad(c * 3 + n + 4);
            let (from, to) = month_bounds(c * 5 + n * 3);
            format!("/api/dyads/{a}/{b}/places/524901/events?from={from}&to={to}&page_size=25")
        }),
    );
    get(
        "GET /api/events",
        "events dyad+month (dashboard)",
        Box::new(|c, n| {
            let (a, b) = dyad(c * 3 + n);
            let (from, to) = month_bounds(c * 11 + n * 7);
            format!("/api/events?source={a}&target={b}&from={from}&to={to}&page=1&page_size=25")
        }),
    );
    get(
        "GET /api/events",
        "events dyad+month undirected q=word",
        Box::new(|c, n| {
            let (a, b) = dyad(c * 3 + n + 1);
            let (from, to) = month_bounds(c * 13 + n * 5);
            let q = word((c + n) % 40);
            format!(
                "/api/events?source={a}&target={b}&undirected=true&from={from}&to={to}&q={q}&page_size=25"
            )
        }),
    );
    get(
        "GET /api/events",
        "events q=common word",
        Box::new(|c, n| format!("/api/events?q={}", word((c + n) % 3))),
    );
    get(
        "GET /api/events",
        "events q=middling word",
        Box::new(|c, n| format!("/api/events?q={}", word(30 + (c * 3 + n) % 70))),
    );
    get(
        "GET /api/events",
        "events q=rare word",
        Box::new(|c, n| {
            format!(
                "/api/events?q={}",
                word(2_000 + (c * 131 + n * 17) % 15_000)
            )
        }),
    );
    get(
        "GET /api/events",
        "events q=two-word phrase",
        Box::new(|c, n| {
            format!(
                "/api/events?q={}%20{}",
                word((c + n) % 10),
                word(10 + (c * 7 + n) % 90)
            )
        }),
    );
    get(
        "GET /api/events",
        "events actor",
        Box::new(|c, n| format!("/api/events?actor={}", COUNTRIES[(c + n) % 20])),
    );
    get(
        "GET /api/events",
        "events root",
        Box::new(|c, n| format!("/api/events?root={:02}", 1 + (c + n) % 20)),
    );
    get(
        "GET /api/events",
        "events unfiltered",
        Box::new(|_, _| "/api/events".into()),
    );
    get(
        "GET /api/events",
        "events dyad page 20",
        Box::new(|c, n| {
            let (a, b) = dyad(c + n * 3);
            format!("/api/events?source={a}&target={b}&page=20&page_size=25")
        }),
    );
    get(
        "GET /api/documents/{id}",
        "document",
        Box::new(move |c, n| {
            let i = (c * 7919 + n * 104_729) % docs.max(1);
            format!("/api/documents/syn-{i:08}")
        }),
    );
    let per_document = spec.events_per_document;
    cases.push(Case {
        endpoint: "POST /api/ingest",
        name: "ingest 5 documents".into(),
        make: Box::new(move |c, n| {
            Request::Post("/api/ingest".into(), ingest_body(c, n, per_document))
        }),
    });
    cases
}

/// Five new documents (ids unique per client and request) with their events.
fn ingest_body(client: usize, n: usize, per_document: usize) -> String {
    let mut spec = SyntheticSpec::new(5, per_document).with_prose(PROSE_WORDS);
    spec.seed ^= ((client as u64) << 32) | n as u64;
    let prefix = format!("load-{}-{client}-{n}-", std::process::id());
    let items: Vec<IngestItem> = corpus(spec).collect();
    let documents: Vec<_> = items
        .iter()
        .map(|i| {
            let mut d = i.document.clone();
            d.id = format!("{prefix}{}", d.id);
            d
        })
        .collect();
    let events: Vec<_> = items
        .iter()
        .flat_map(|i| i.events.iter().cloned())
        .map(|mut e| {
            e.doc_id = format!("{prefix}{}", e.doc_id);
            e
        })
        .collect();
    serde_json::json!({ "documents": documents, "events": events }).to_string()
}

struct Sample {
    case: usize,
    ms: f64,
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// One round of requests against a running server: which cases, how many clients, and the
/// bounds it is held to.
struct Phase {
    title: &'static str,
    clients: usize,
    series_only: bool,
    /// p99 bound in ms for every endpoint, or for the series endpoint only.
    bound: Option<(f64, bool)>,
}

fn phases(store: &str, clients: usize) -> Vec<Phase> {
    match store {
        "docs" => vec![Phase {
            title: "every endpoint",
            clients,
            series_only: false,
            bound: Some((ENDPOINT_P99_MS, false)),
        }],
        _ => vec![
            Phase {
                title: "every endpoint",
                clients,
                series_only: false,
                bound: None,
            },
            Phase {
                title: "dyad series only",
                clients,
                series_only: true,
                bound: Some((SERIES_P99_MS, true)),
            },
            Phase {
                title: "dyad series only",
                clients: 1,
                series_only: true,
                bound: Some((SERIES_P99_MS, true)),
            },
        ],
    }
}

fn load(o: &Options, spec: &StoreSpec, db: &Path) -> Result<bool, Error> {
    let opened = Instant::now();
    let server = Server::start(&o.server, db)?;
    println!(
        "server: pid {} at http://{}/ ready in {:.1} s (open and migrate), RSS {:.0} MB",
        server.child.id(),
        server.addr,
        opened.elapsed().as_secs_f64(),
        server.status_kb("VmRSS:") as f64 / 1024.0
    );
    let all_cases = cases(spec);
    // Warm-up: every case once, one after another.
    let mut warm = Connection::open(server.addr)?;
    for (i, case) in all_cases.iter().enumerate() {
        warm.send_ok(&(case.make)(99, i))?;
    }
    drop(warm);
    println!(
        "RSS after warm-up {:.0} MB",
        server.status_kb("VmRSS:") as f64 / 1024.0
    );
    let all_cases = Arc::new(all_cases);
    let mut ok = true;
    for phase in phases(spec.name, o.clients) {
        ok &= run_phase(o, &server, &all_cases, &phase)?;
    }
    Ok(ok)
}

fn run_phase(
    o: &Options,
    server: &Server,
    all_cases: &Arc<Vec<Case>>,
    phase: &Phase,
) -> Result<bool, Error> {
    let chosen: Arc<Vec<usize>> = Arc::new(
        (0..all_cases.len())
            .filter(|&i| !phase.series_only || all_cases[i].endpoint.contains("/series"))
            .collect(),
    );
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    println!();
    println!(
        "### {}, {} client{} (load average before: {})",
        phase.title,
        phase.clients,
        if phase.clients == 1 { "" } else { "s" },
        load.join(" ")
    );
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let sent = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let handles: Vec<_> = (0..phase.clients)
        .map(|c| {
            let cases = Arc::clone(all_cases);
            let chosen = Arc::clone(&chosen);
            let sent = Arc::clone(&sent);
            let failed = Arc::clone(&failed);
            let addr = server.addr;
            let limit = o.requests as u64;
            std::thread::spawn(move || -> Result<Vec<Sample>, Error> {
                let mut conn = Connection::open(addr)?;
                let mut samples = Vec::new();
                let mut n = 0usize;
                while Instant::now() < deadline
                    && !failed.load(Ordering::Relaxed)
                    && sent.fetch_add(1, Ordering::Relaxed) < limit
                {
                    // Each client walks the cases from its own starting point.
                    let case = chosen[(c * 5 + n) % chosen.len()];
                    let request = (cases[case].make)(c, n / chosen.len());
                    let t = Instant::now();
                    if let Err(e) = conn.send_ok(&request) {
                        failed.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                    samples.push(Sample {
                        case,
                        ms: t.elapsed().as_secs_f64() * 1000.0,
                    });
                    n += 1;
                }
                Ok(samples)
            })
        })
        .collect();
    let mut samples = Vec::new();
    for h in handles {
        samples.extend(h.join().map_err(|_| "a client thread panicked")??);
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} requests in {secs:.1} s ({:.0} requests/s); server RSS now {:.0} MB, peak so far {:.0} MB",
        samples.len(),
        samples.len() as f64 / secs,
        server.status_kb("VmRSS:") as f64 / 1024.0,
        server.status_kb("VmHWM:") as f64 / 1024.0
    );
    println!();
    println!("| endpoint | requests | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|");
    let mut by_endpoint: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut by_case: BTreeMap<usize, Vec<f64>> = BTreeMap::new();
    for s in &samples {
        by_endpoint
            .entry(all_cases[s.case].endpoint)
            .or_default()
            .push(s.ms);
        by_case.entry(s.case).or_default().push(s.ms);
    }
    let mut ok = true;
    let mut verdicts = Vec::new();
    for (endpoint, v) in &mut by_endpoint {
        v.sort_by(f64::total_cmp);
        let p99 = percentile(v, 99.0);
        println!(
            "| `{endpoint}` | {} | {:.1} | {:.1} | {:.1} |",
            v.len(),
            percentile(v, 50.0),
            p99,
            percentile(v, 100.0)
        );
        if let Some((bound, series_only)) = phase.bound
            && (!series_only || endpoint.contains("/series"))
        {
            let pass = p99 < bound;
            ok &= pass;
            verdicts.push(format!(
                "{endpoint} p99 {p99:.1} ms < {bound:.0} ms ({} client{}): {}",
                phase.clients,
                if phase.clients == 1 { "" } else { "s" },
                if pass { "PASS" } else { "FAIL" }
            ));
        }
    }
    println!();
    println!("| case | requests | p50 ms | p99 ms | max ms |");
    println!("|---|---|---|---|---|");
    for (case, v) in &mut by_case {
        v.sort_by(f64::total_cmp);
        println!(
            "| {} | {} | {:.1} | {:.1} | {:.1} |",
            all_cases[*case].name,
            v.len(),
            percentile(v, 50.0),
            percentile(v, 99.0),
            percentile(v, 100.0)
        );
    }
    if !verdicts.is_empty() {
        println!();
    }
    for v in verdicts {
        println!("{v}");
    }
    Ok(ok)
}

/// A minimal HTTP/1.1 client over one keep-alive connection: enough for JSON responses with a
/// Content-Length, which is what the server sends.
struct Connection {
    reader: BufReader<TcpStream>,
    writer: TcpStream,
}

impl Connection {
    fn open(addr: SocketAddr) -> Result<Connection, Error> {
        let stream = TcpStream::connect(addr)?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(120)))?;
        Ok(Connection {
            reader: BufReader::new(stream.try_clone()?),
            writer: stream,
        })
    }

    /// Sends a request, checks for a 200 with a JSON object, and returns the body length.
    fn send_ok(&mut self, request: &Request) -> Result<usize, Error> {
        let (path, (status, body)) = match request {
            Request::Get(path) => (path, self.request("GET", path, None)?),
            Request::Post(path, body) => (path, self.request("POST", path, Some(body))?),
        };
        if status != 200 || body.first() != Some(&b'{') {
            let text = String::from_utf8_lossy(&body);
            return Err(format!("{path} answered {status}: {:.300}", text).into());
        }
        Ok(body.len())
    }

    fn request(
        &mut self,
        method: &str,
        path: &str,
        body: Option<&str>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let mut head = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        if let Some(b) = body {
            head.push_str(&format!(
                "Content-Type: application/json\r\nAuthorization: Bearer {TOKEN}\r\nContent-Length: {}\r\n",
                b.len()
            ));
        }
        head.push_str("\r\n");
        self.writer.write_all(head.as_bytes())?;
        if let Some(b) = body {
            self.writer.write_all(b.as_bytes())?;
        }
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("bad status line {line:?}"))?;
        let mut length = None;
        loop {
            line.clear();
            self.reader.read_line(&mut line)?;
            let header = line.trim_end();
            if header.is_empty() {
                break;
            }
            if let Some((name, value)) = header.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse::<usize>().ok();
            }
        }
        let length = length.ok_or("response without Content-Length")?;
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body)?;
        Ok((status, body))
    }
}
