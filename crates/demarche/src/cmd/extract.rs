//! `demarche extract`: persons, organisations, places, quotations, amounts, dates and tone for
//! each document of plain text, JSON Lines, HTML, RSS/Atom or WARC input, written as one JSON
//! object per document or as GDELT GKG 2.1 rows.
//!
//! Input format: by `--format`, else by extension (`.txt`, `.jsonl`, `.html`, `.rss`, `.atom`,
//! `.xml`, `.warc`, `.warc.gz`), else by sniffing the first bytes; standard input when no file
//! (or `-`) is given. Bad records are reported on standard error as `file:line: error: …` and
//! skipped; the exit code is 1 when any input had errors, 0 otherwise.

use anyhow::Context;
use demarche_extract::{Knowledge, extract, gkg};
use demarche_model::{Date, Diagnostic, Document, Severity, parse_date};
use demarche_web::InputFormat;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One document per file: its whole text.
    Text,
    /// One JSON document per line: {"id", "text", "date"?, "title"?, "source"?, "url"?}.
    Jsonl,
    Html,
    /// RSS or Atom.
    Feed,
    /// WARC, plain or gzip-compressed.
    Warc,
}

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
    pub format: Option<Format>,
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

fn format_of(name: &str, head: &[u8]) -> Format {
    let lower = name.to_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Format::Jsonl;
    }
    if lower.ends_with(".xml") && InputFormat::sniff(head) == Some(InputFormat::Feed) {
        return Format::Feed;
    }
    match InputFormat::detect(Some(name), head) {
        Some(InputFormat::Html) => Format::Html,
        Some(InputFormat::Feed) => Format::Feed,
        Some(InputFormat::Warc) => Format::Warc,
        None if head.first() == Some(&b'{') => Format::Jsonl,
        None => Format::Text,
    }
}

fn read_jsonl(name: &str, bytes: &[u8]) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let line = String::from_utf8_lossy(line);
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Document>(&line) {
            Ok(d) => docs.push(d),
            Err(e) => diags.push(Diagnostic::error(
                name,
                Some(i + 1),
                format!("expected a JSON document with `id` and `text`: {e}"),
            )),
        }
    }
    (docs, diags)
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

/// Extracts from a batch of documents in parallel, keeping their order.
fn process(docs: Vec<Document>, default_date: Option<Date>) -> Vec<(Document, Knowledge)> {
    docs.into_par_iter()
        .map(|mut d| {
            if d.date.is_none() {
                d.date = default_date;
            }
            let k = extract(&d.text, d.date, None);
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
    let inputs: Vec<Option<PathBuf>> = if args.inputs.is_empty() {
        vec![None]
    } else {
        args.inputs
            .iter()
            .map(|p| (p.as_os_str() != "-").then(|| p.clone()))
            .collect()
    };
    let mut had_errors = false;
    let mut report = |diags: Vec<Diagnostic>| {
        for d in diags {
            had_errors |= d.severity == Severity::Error;
            eprintln!("{d}");
        }
    };
    for input in inputs {
        let name = input
            .as_ref()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let mut reader: Box<dyn BufRead> = match &input {
            Some(p) => Box::new(BufReader::new(
                std::fs::File::open(p).with_context(|| format!("cannot open {name}"))?,
            )),
            None => Box::new(BufReader::new(std::io::stdin())),
        };
        let head = reader
            .fill_buf()
            .with_context(|| format!("cannot read {name}"))?
            .to_vec();
        let format = args.format.unwrap_or_else(|| format_of(&name, &head));
        if format == Format::Warc {
            // Archives are streamed: a batch of records at a time, never the whole file.
            let mut batch = Vec::new();
            for item in demarche_web::warc_records(&name, reader) {
                match item {
                    Ok(doc) => batch.push(doc),
                    Err(d) => report(vec![d]),
                }
                if batch.len() >= 256 {
                    writer.write(&process(std::mem::take(&mut batch), args.date))?;
                }
            }
            writer.write(&process(batch, args.date))?;
            continue;
        }
        let mut bytes = Vec::new();
        reader
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {name}"))?;
        let (docs, diags) = match format {
            Format::Text => {
                let doc = Document {
                    id: name.clone(),
                    text: String::from_utf8_lossy(&bytes).into_owned(),
                    ..Document::default()
                };
                (vec![doc], Vec::new())
            }
            Format::Jsonl => read_jsonl(&name, &bytes),
            Format::Html => demarche_web::read_bytes(&name, InputFormat::Html, bytes),
            Format::Feed => demarche_web::read_bytes(&name, InputFormat::Feed, bytes),
            Format::Warc => demarche_web::read_bytes(&name, InputFormat::Warc, bytes),
        };
        report(diags);
        writer.write(&process(docs, args.date))?;
    }
    writer.out.flush()?;
    Ok(if had_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_by_extension_then_content() {
        assert_eq!(format_of("a.jsonl", b""), Format::Jsonl);
        assert_eq!(format_of("a.warc.gz", b""), Format::Warc);
        assert_eq!(
            format_of("feed.xml", b"<?xml version='1.0'?><rss>"),
            Format::Feed
        );
        assert_eq!(format_of("page", b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(
            format_of("<stdin>", b"{\"id\":\"1\",\"text\":\"x\"}"),
            Format::Jsonl
        );
        assert_eq!(format_of("story.txt", b"Zhao said so."), Format::Text);
    }

    #[test]
    fn jsonl_reports_bad_lines_and_keeps_the_rest() {
        let input = b"{\"id\":\"a\",\"text\":\"One.\"}\nnot json\n\n{\"id\":\"b\",\"text\":\"Two.\",\"date\":\"2021-11-20\"}\n";
        let (docs, diags) = read_jsonl("in.jsonl", input);
        assert_eq!(
            docs.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0]
                .to_string()
                .starts_with("in.jsonl:2: error: expected a JSON document"),
            "{}",
            diags[0]
        );
    }
}
