//! The `demarche` command: glue between the command line and the stage crates.
//!
//! Each subcommand lives in its own module under `cmd/` with an `Args` struct (clap) and a
//! `run` function returning the process exit code. Logic that belongs to a stage stays in the
//! stage's crate; these modules only read arguments, open files, and print.

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// mimalloc instead of the system allocator: coding allocates many small strings and vectors
/// per sentence, and the system allocator took about a fifth of all cycles (README, Speed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod cmd;

/// demarche turns news text into political event data: who did what to whom, when and where,
/// coded in CAMEO (with PLOVER, Goldstein score and quad class), with the evidence for every
/// event.
#[derive(Parser, Debug)]
#[command(name = "demarche", version, about, long_about = None, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Code events from text (or from given parse trees with --parsed) as JSON Lines
    Code(cmd::code::Args),
    /// Run a PETRARCH validation file and report passed and failed records
    Validate(cmd::validate::Args),
    /// Score the coder on hand-coded sentences (precision, recall, F1 at country level)
    Evaluate(cmd::evaluate::Args),
    /// Show, for one sentence or record, the tree, actor matches, patterns and events
    Explain(cmd::explain::Args),
    /// Work with dictionaries: lint, convert between formats
    Dict(cmd::dict::Args),
    /// Extract persons, organisations, places, quotations, amounts, dates and tone
    Extract(cmd::extract::Args),
    /// Store documents and their events in the database (idempotent)
    Ingest(cmd::ingest::Args),
    /// Show the history of a relationship between two actors
    Dyad(cmd::dyad::Args),
    /// Export stored events (GDELT, Phoenix, JSON Lines, Parquet)
    Export(cmd::export::Args),
    /// Serve the HTTP API and the dashboard
    Serve(cmd::serve::Args),
    /// Ingest a bundled demo corpus into a temporary store and open the dashboard
    Demo(cmd::demo::Args),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Code(a) => cmd::code::run(a),
        Command::Validate(a) => cmd::validate::run(a),
        Command::Evaluate(a) => cmd::evaluate::run(a),
        Command::Explain(a) => cmd::explain::run(a),
        Command::Dict(a) => cmd::dict::run(a),
        Command::Extract(a) => cmd::extract::run(a),
        Command::Ingest(a) => cmd::ingest::run(a),
        Command::Dyad(a) => cmd::dyad::run(a),
        Command::Export(a) => cmd::export::run(a),
        Command::Serve(a) => cmd::serve::run(a),
        Command::Demo(a) => cmd::demo::run(a),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}

/// Output piped into `head` or `grep -m1` is closed early; `println!` then panics. End quietly
/// instead, with the status a shell gives a command ended by SIGPIPE (128 + 13), as other
/// command-line tools do; any other panic is reported as before.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.starts_with("failed printing to stdout") && message.contains("Broken pipe") {
            std::process::exit(141);
        }
        default(info);
    }));
}
