//! `demarche serve`: the HTTP API and the dashboard over a store, on loopback by default.

use anyhow::Context;
use demarche_server::{INGEST_TOKEN_ENV, ServerConfig};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The store to serve (SQLite file written by `demarche ingest`)
    #[arg(long, default_value = demarche_store::DEFAULT_DB_PATH)]
    pub db: PathBuf,
    /// Address to listen on; the default keeps the server to this machine
    #[arg(long, default_value = "127.0.0.1:8421")]
    pub addr: SocketAddr,
    /// Switch on POST /api/ingest, guarded by this bearer token (or set DEMARCHE_INGEST_TOKEN,
    /// which other users cannot read in the process list)
    #[arg(long, value_name = "TOKEN")]
    pub ingest_token: Option<String>,
    /// Largest `page_size` of /api/events
    #[arg(long, default_value_t = ServerConfig::DEFAULT_MAX_PAGE_SIZE)]
    pub max_page_size: usize,
    /// Largest request body accepted, in bytes
    #[arg(long, default_value_t = ServerConfig::DEFAULT_MAX_BODY_BYTES)]
    pub max_body_bytes: usize,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let token = args
        .ingest_token
        .or_else(|| std::env::var(INGEST_TOKEN_ENV).ok())
        .filter(|t| !t.trim().is_empty());
    // Without ingest a missing file is almost certainly a wrong path: say so rather than
    // serving a new, empty store. With ingest on, starting empty is a real use.
    if token.is_none() && !args.db.exists() {
        anyhow::bail!(
            "no store at {}: create one with `demarche ingest`, pass --db, or start with --ingest-token to fill it over HTTP",
            args.db.display()
        );
    }
    if args.max_page_size == 0 {
        anyhow::bail!("--max-page-size must be at least 1");
    }
    if !args.addr.ip().is_loopback() {
        eprintln!(
            "warning: listening on {}, which other machines can reach; the API has no authentication except for ingest",
            args.addr
        );
    }
    let mut config = ServerConfig::new(&args.db);
    config.ingest_token = token;
    config.max_page_size = args.max_page_size;
    config.max_body_bytes = args.max_body_bytes;
    let ingest = config.ingest_token.is_some();
    let db = args.db.display().to_string();
    demarche_server::run(config, args.addr, |addr| {
        println!("serving {db} at http://{addr}/  (API: http://{addr}/api/openapi.json)");
        if ingest {
            println!(
                "ingest is on: POST http://{addr}/api/ingest with `Authorization: Bearer TOKEN`"
            );
        }
        println!("press Ctrl-C to stop");
    })
    .with_context(|| format!("serving {db}"))?;
    Ok(ExitCode::SUCCESS)
}
