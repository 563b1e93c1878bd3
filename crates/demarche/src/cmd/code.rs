//! `demarche code [INPUT ...]`: events from news text as JSON Lines, one event a line (the
//! `Event` record; see the README).
//!
//! By default the text is split into sentences and parsed by the built-in parser; `--parsed`
//! codes with the parse trees the input carries (PETRARCH XML `<Parse>`, JSON Lines `parse`);
//! `--conllu` reads CoNLL-U dependency parses and codes the trees made from them.
//! Dictionaries: our own built-in set unless `--dictionaries DIR` (our format) or PETRARCH
//! files (`--verbs`, `--actors`, ...) are given. Inputs are read in batches of documents
//! (bounded memory, whatever the input size), each batch coded on all cores (`--threads`), and
//! events written in input order. Bad records are reported on stderr with file and line; the
//! rest goes on. `--to parquet` writes the same events as the event table
//! (`demarche_store::parquet_io::EVENT_SCHEMA`, the README's "Parquet event table").

use super::dictionaries::PetrarchFiles;
use super::dictionaries::{DictionaryKind, base_options, load_dictionaries, parse_options};
use anyhow::Context;
use demarche::input::{InputFormat, InputSpec, read_located};
use demarche::{CodedDocument, MAX_WINDOW_BYTES, Pipeline, TreeSource};
use demarche_extract::Knowledge;
use demarche_model::{Date, Diagnostic, Event, Severity, Span, parse_date};
use rayon::prelude::*;
use serde::Serialize;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
#[command(after_long_help = EXAMPLES)]
pub struct Args {
    /// Input files (plain text, JSON Lines, PETRARCH XML, HTML, RSS/Atom, WARC); stdin when none
    pub inputs: Vec<PathBuf>,
    /// Use the parse trees given in the input (`<Parse>` or "parse") instead of parsing
    #[arg(long)]
    pub parsed: bool,
    /// The inputs are CoNLL-U dependency parses (spaCy, Stanza, UDPipe): code their trees
    /// (`--format conllu --parsed`; `--format conllu` alone codes their text)
    #[arg(long, conflicts_with = "format")]
    pub conllu: bool,
    /// Publication date (YYYY-MM-DD) for documents that carry none, such as plain text
    #[arg(long, value_parser = parse_date)]
    pub date: Option<Date>,
    /// Input format; by default from the extension, else from the first bytes
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,
    /// A folder of dictionaries in our own format (default: the built-in set)
    #[arg(long, value_name = "DIR", conflicts_with_all = ["verbs", "actors"])]
    pub dictionaries: Option<PathBuf>,
    #[command(flatten)]
    pub petrarch: PetrarchFiles,
    /// Coding option as NAME=VALUE (require_dyad, new_actor_length, comma_min, ...)
    #[arg(long = "option", value_name = "NAME=VALUE")]
    pub options: Vec<String>,
    /// Keep events whose source or target has no country or organisation (`---GOV`)
    #[arg(long)]
    pub keep_unattributed: bool,
    /// Add the knowledge of each event's sentence (persons, quotations, amounts, dates) and the
    /// document's tone to every event
    #[arg(long)]
    pub with_knowledge: bool,
    /// Worker threads (default: all cores)
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Write events here instead of stdout
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format: JSON Lines (one event a line) or Parquet (the event table; to a file or
    /// a pipe, not a terminal)
    #[arg(long = "to", value_enum, default_value = "jsonl")]
    pub to: EventFormat,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventFormat {
    /// One JSON object per event
    Jsonl,
    /// The Parquet event table (snappy), row groups of 65,536 events
    Parquet,
}

type Out = BufWriter<Box<dyn Write + Send>>;

/// Where the events go.
enum Sink {
    Jsonl(Out),
    Parquet(Box<demarche_store::parquet_io::EventWriter<Out>>),
}

const EXAMPLES: &str = "\
Examples:
  demarche code article.txt --date 2021-11-20
  demarche code news.jsonl --threads 4 --output events.jsonl
  demarche code news.parquet --to parquet --output events.parquet
  demarche code --conllu parses.conllu --date 2024-05-01   # spaCy/Stanza/UDPipe parses
  demarche code --parsed records.xml --verbs CAMEO.2.0.txt --actors Phoenix.Countries.actors.txt \\
      --agents Phoenix.agents.txt --discards Phoenix.discards.txt
  cat news.jsonl | demarche code --with-knowledge > events.jsonl";

/// The knowledge around one event: what its sentence holds, and the document's tone.
#[derive(Serialize)]
struct EventKnowledge<'a> {
    persons: Vec<&'a demarche_extract::Person>,
    quotations: Vec<&'a demarche_extract::Quotation>,
    amounts: Vec<&'a demarche_extract::Amount>,
    dates: Vec<&'a demarche_extract::TimeExpression>,
    tone: &'a demarche_extract::Tone,
}

#[derive(Serialize)]
struct EventWithKnowledge<'a> {
    #[serde(flatten)]
    event: &'a Event,
    knowledge: EventKnowledge<'a>,
}

fn event_knowledge<'k>(k: &'k Knowledge, sentence: Span) -> EventKnowledge<'k> {
    let inside = |s: Span| s.start < sentence.end && sentence.start < s.end;
    EventKnowledge {
        persons: k
            .persons
            .iter()
            .filter(|p| p.mentions.iter().any(|m| inside(m.span)))
            .collect(),
        quotations: k.quotations.iter().filter(|q| inside(q.span)).collect(),
        amounts: k.amounts.iter().filter(|a| inside(a.span)).collect(),
        dates: k.dates.iter().filter(|d| inside(d.span)).collect(),
        tone: &k.tone,
    }
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (dicts, kind) = load_dictionaries(args.dictionaries.as_ref(), args.petrarch.paths())?;
    let options = parse_options(base_options(kind == DictionaryKind::Own), &args.options)?;
    let pipeline = Pipeline::new(&dicts)
        .with_options(options)
        .with_trees(if args.parsed || args.conllu {
            TreeSource::Given
        } else {
            TreeSource::Builtin
        })
        .with_knowledge(args.with_knowledge)
        .with_unattributed(args.keep_unattributed);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;

    if args.to == EventFormat::Parquet {
        if args.with_knowledge {
            anyhow::bail!(
                "--with-knowledge writes JSON Lines: the Parquet event table holds events only \
                 (use `demarche extract` for knowledge)"
            );
        }
        if args.output.is_none() && std::io::stdout().is_terminal() {
            anyhow::bail!(
                "Parquet is binary: give --output FILE or redirect standard output to a file"
            );
        }
    }
    let out: Box<dyn Write + Send> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout()),
    };
    let out = BufWriter::new(out);
    let mut sink = match args.to {
        EventFormat::Jsonl => Sink::Jsonl(out),
        EventFormat::Parquet => Sink::Parquet(Box::new(
            demarche_store::parquet_io::EventWriter::new(out)
                .context("cannot start the Parquet output")?,
        )),
    };
    let progress = std::io::stderr().is_terminal().then(|| {
        let p = indicatif::ProgressBar::new_spinner();
        p.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} documents, {msg} [{elapsed}, {per_sec}]",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        p
    });
    let today = chrono::Local::now().date_naive();
    let fallback = args.date.unwrap_or(today);
    let (n_events, n_sentences) = (std::cell::Cell::new(0usize), std::cell::Cell::new(0usize));
    let mut undated = 0usize;
    let errors = std::cell::Cell::new(0usize);
    let spec = InputSpec {
        paths: args.inputs.clone(),
        format: if args.conllu {
            Some(InputFormat::Conllu)
        } else {
            args.format
        },
        date: args.date,
    };
    let report = |d: Diagnostic| {
        if d.severity == Severity::Error {
            errors.set(errors.get() + 1);
        }
        match &progress {
            Some(p) => p.suspend(|| eprintln!("{d}")),
            None => eprintln!("{d}"),
        }
    };
    // Writes one coded document (or one window of a long one) in input order.
    let mut write = |doc: &demarche_model::Document,
                     origin: &demarche::input::Origin,
                     result: CodedDocument|
     -> anyhow::Result<()> {
        n_sentences.set(n_sentences.get() + result.sentences.len());
        for d in result.diagnostics.iter().cloned() {
            report(origin.locate(&doc.id, d));
        }
        n_events.set(n_events.get() + result.events.len());
        let out = match &mut sink {
            Sink::Jsonl(out) => out,
            Sink::Parquet(w) => {
                w.write(&result.events)?;
                return Ok(());
            }
        };
        for e in result.events.iter() {
            match &result.knowledge {
                Some(k) => {
                    let sentence = result
                        .sentence_of(e)
                        .unwrap_or(Span::new(0, doc.text.len()));
                    let record = EventWithKnowledge {
                        event: e,
                        knowledge: event_knowledge(k, sentence),
                    };
                    serde_json::to_writer(&mut *out, &record)?;
                }
                None => serde_json::to_writer(&mut *out, e)?,
            }
            out.write_all(b"\n")?;
        }
        Ok(())
    };
    let documents = read_located(
        &spec,
        |batch| {
            undated += batch.iter().filter(|(d, _)| d.date.is_none()).count();
            // Articles are coded on all cores; a document longer than one window is coded
            // afterwards, in order, window by window, each window's events written as soon
            // as they are coded, so its memory stays that of one window.
            let coded: Vec<Option<CodedDocument>> = pool.install(|| {
                batch
                    .par_iter()
                    .map(|(doc, _)| {
                        (doc.text.len() <= MAX_WINDOW_BYTES)
                            .then(|| pipeline.code_document(doc, fallback))
                    })
                    .collect()
            });
            for ((doc, origin), result) in batch.iter().zip(coded) {
                match result {
                    Some(r) => write(doc, origin, r)?,
                    None => pipeline
                        .code_document_parts(doc, fallback, |part| write(doc, origin, part))?,
                }
            }
            if let Some(p) = &progress {
                p.inc(batch.len() as u64);
                p.set_message(format!("{} events", n_events.get()));
            }
            Ok(())
        },
        &report,
    )?;
    match sink {
        Sink::Jsonl(mut out) => out.flush()?,
        Sink::Parquet(w) => {
            let mut out = w.finish().context("cannot finish the Parquet output")?;
            out.flush()?;
        }
    }
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    if undated > 0 && args.date.is_none() {
        eprintln!(
            "warning: {undated} document(s) carry no date: coded as of today ({today}); \
             pass --date YYYY-MM-DD to set the publication date"
        );
    }
    eprintln!(
        "{documents} documents, {} sentences, {} events",
        n_sentences.get(),
        n_events.get()
    );
    Ok(if errors.get() > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
