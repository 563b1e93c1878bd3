//! `demarche extract`: persons, organisations, places, quotations, amounts, dates and tone for
//! each document of plain text, JSON Lines, HTML, RSS/Atom or WARC input, written as one JSON
//! object per document or as GDELT GKG 2.1 rows.
//!
//! Input: any format `demarche::input` reads (plain text, JSON Lines, PETRARCH XML, HTML,
//! RSS/Atom, WARC), chosen by `--format`, else by extension, else by the first bytes; standard
//! input when no file (or `-`) is given. JSON Lines and WARC are streamed in batches. Bad records are reported on standard error as `file:line: error: …` and
//! skipped; the exit code is 1 when any input had errors, 0 otherwise.

use demarche::input::{InputFormat, InputSpec, read_documents};
use demarche_extract::{Knowledge, extract, gkg};
use demarche_model::{Date, Document, Severity, parse_date};
use rayon::prelude::*;
use serde::Serialize;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Output {
    /// One JSON object per document (the document's metadata and every extracted item).
    Json,
    /// GDELT GKG 2.1 rows, tab-separated, with a header line.
    Gkg,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input files; none or `-` reads standard input.
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that carry none, such as plain text.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Input format; by default from the extension, else from the first bytes.
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// Output: JSON objects (default) or GKG 2.1 rows.
    #[arg(long = "to", value_enum, default_value = "json")]
    pub to: Output,
}

/// The JSON object written per document.
#[derive(Serialize)]
struct DocumentKnowledge<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    text: &'a str,
    #[serde(flatten)]
    knowledge: &'a Knowledge,
}

struct Writer<'a> {
    out: Box<dyn Write + 'a>,
    to: Output,
    rows: usize,
}

impl Writer<'_> {
    fn write(&mut self, docs: &[(Document, Knowledge)]) -> anyhow::Result<()> {
        for (doc, k) in docs {
            match self.to {
                Output::Json => {
                    let record = DocumentKnowledge {
                        id: &doc.id,
                        date: doc.date,
                        title: doc.title.as_deref(),
                        source: doc.source.as_deref(),
                        url: doc.url.as_deref(),
                        text: &doc.text,
                        knowledge: k,
                    };
                    serde_json::to_writer(&mut self.out, &record)?;
                    writeln!(self.out)?;
                }
                Output::Gkg => {
                    self.rows += 1;
                    let id = gkg::record_id(doc.date, self.rows);
                    writeln!(self.out, "{}", gkg::gkg_row(&id, doc, k))?;
                }
            }
        }
        Ok(())
    }
}

/// Extracts from a batch of documents in parallel, keeping their order. A document without a
/// date has its relative dates ("on Friday") resolved against `fallback`.
fn process(docs: Vec<Document>, fallback: Date) -> Vec<(Document, Knowledge)> {
    docs.into_par_iter()
        .map(|d| {
            let sentences = demarche_text::split_sentences(&d.text);
            let k = extract(&d.text, Some(d.date.unwrap_or(fallback)), Some(&sentences));
            (d, k)
        })
        .collect()
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut writer = Writer {
        out: Box::new(std::io::BufWriter::new(stdout.lock())),
        to: args.to,
        rows: 0,
    };
    if args.to == Output::Gkg {
        writeln!(writer.out, "{}", gkg::COLUMNS.join("\t"))?;
    }
    let spec = InputSpec {
        paths: args.inputs,
        format: args.format,
        date: args.date,
    };
    // Relative dates need a publication date: documents without one (and without --date) are
    // read as of today, and a warning says so.
    let today = chrono::Local::now().date_naive();
    let mut undated = 0usize;
    let mut had_errors = false;
    read_documents(
        &spec,
        |batch| {
            undated += batch.iter().filter(|d| d.date.is_none()).count();
            writer.write(&process(batch, today))
        },
        |d| {
            had_errors |= d.severity == Severity::Error;
            eprintln!("{d}");
        },
    )?;
    writer.out.flush()?;
    if undated > 0 {
        eprintln!(
            "warning: {undated} document(s) carry no date: relative dates (\"on Friday\", \"last \
             week\") were resolved against today ({today}); pass --date YYYY-MM-DD to set the \
             publication date"
        );
    }
    Ok(if had_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
