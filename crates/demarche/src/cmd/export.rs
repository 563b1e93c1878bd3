//! `demarche export --to gdelt|phoenix|jsonl|parquet`: the stored, de-duplicated events in a
//! format other tools read.

use anyhow::Context;
use demarche_store::{ExportFormat, Store};
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// gdelt (GDELT 2.0 event table, 61 columns), phoenix (TSV with header), jsonl, or parquet
    /// (the stored-event table: to a file or a pipe, not a terminal)
    #[arg(long, value_parser = parse_format)]
    pub to: ExportFormat,
    /// The store
    #[arg(long, default_value = demarche_store::DEFAULT_DB_PATH)]
    pub db: PathBuf,
    /// Output file (standard output when absent)
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

fn parse_format(s: &str) -> Result<ExportFormat, String> {
    s.parse()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.db.exists() {
        anyhow::bail!(
            "no store at {}: create one with `demarche ingest`, or pass --db",
            args.db.display()
        );
    }
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let written = match &args.output {
        Some(path) => {
            let file = std::fs::File::create(path)
                .with_context(|| format!("creating {}", path.display()))?;
            let mut out = BufWriter::new(file);
            let n = store
                .export(args.to, &mut out)
                .with_context(|| format!("writing {}", path.display()))?;
            out.flush()
                .with_context(|| format!("writing {}", path.display()))?;
            n
        }
        None => {
            if args.to == ExportFormat::Parquet && std::io::stdout().is_terminal() {
                anyhow::bail!(
                    "Parquet is binary: give --output FILE or redirect standard output to a file"
                );
            }
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            let n = store.export(args.to, &mut out)?;
            out.flush()?;
            n
        }
    };
    eprintln!("exported {written} events as {}", args.to);
    Ok(ExitCode::SUCCESS)
}
