//! `demarche code --parsed [INPUT ...]`: codes PETRARCH XML or JSON Lines records
//! (`{"id","date","text","parse"}`) using the parse trees they carry, and writes one event per
//! line (the Event record) to stdout or `--output`.
//!
//! Bad records give a diagnostic on stderr naming file and line; the rest continues. Records are
//! coded in parallel (rayon) and written in input order.
//!
//! Raw-text mode (no `--parsed`) needs a parser; [`TreeSource`] is the seam where it plugs in:
//! [`GivenTrees`] reads the trees a record carries, a parser-backed source will produce them.

use anyhow::{Context, bail};
use demarche_coder::{Coder, Options};
use demarche_dict::{Dictionaries, PetrarchPaths};
use demarche_model::{Date, Diagnostic, Event, Evidence, Span, Tree, parse_date};
use demarche_text::petrarch_xml;
use rayon::prelude::*;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Input files (PETRARCH XML or JSON Lines); stdin when none
    pub inputs: Vec<PathBuf>,
    /// Use the parse trees given in the input (`<Parse>` or `"parse"`) instead of parsing
    #[arg(long)]
    pub parsed: bool,
    /// PETRARCH verb dictionary (PETRARCH-1 or PETRARCH-2 dialect)
    #[arg(long)]
    pub verbs: Option<PathBuf>,
    /// PETRARCH actor dictionary (repeat for several)
    #[arg(long)]
    pub actors: Vec<PathBuf>,
    /// PETRARCH agent dictionary
    #[arg(long)]
    pub agents: Option<PathBuf>,
    /// PETRARCH discard list
    #[arg(long)]
    pub discards: Option<PathBuf>,
    /// PETRARCH issue list
    #[arg(long)]
    pub issues: Option<PathBuf>,
    /// Write events here instead of stdout
    #[arg(long)]
    pub output: Option<PathBuf>,
    /// Coding option as NAME=VALUE (require_dyad, new_actor_length, comma_min, ...)
    #[arg(long = "option", value_name = "NAME=VALUE")]
    pub options: Vec<String>,
}

/// One input record: a document with its date and, in parsed mode, its trees.
#[derive(Debug, Clone)]
pub struct InputRecord {
    pub file: String,
    pub line: usize,
    pub id: String,
    pub date: Option<Date>,
    pub text: String,
    pub parses: Vec<String>,
}

/// A sentence ready for the coder: its text and its tree aligned to that text.
#[derive(Debug)]
pub struct SentenceTree {
    pub text: String,
    pub tree: Tree,
}

/// Turns a record into coded-ready sentences. Parsed mode reads the given trees; raw-text mode
/// will implement this with the built-in parser.
pub trait TreeSource: Sync {
    fn sentences(&self, record: &InputRecord) -> Result<Vec<SentenceTree>, String>;
}

/// The trees a record carries. Several trees are aligned to the text one after another.
pub struct GivenTrees;

impl TreeSource for GivenTrees {
    fn sentences(&self, record: &InputRecord) -> Result<Vec<SentenceTree>, String> {
        if record.parses.is_empty() {
            return Err("expected a parse tree (`<Parse>` or `\"parse\"`) in --parsed mode".into());
        }
        let mut out = Vec::new();
        let mut offset = 0usize;
        for (i, p) in record.parses.iter().enumerate() {
            let tree = Tree::parse_ptb(p).map_err(|e| format!("parse tree {}: {e}", i + 1))?;
            let rest = record.text.get(offset..).unwrap_or("");
            let aligned = tree.aligned_to(rest);
            let end = aligned
                .span(aligned.root())
                .map(|s| s.end)
                .unwrap_or(rest.len());
            let end = if record.parses.len() == 1 {
                rest.len()
            } else {
                end
            };
            let text = rest.get(..end).unwrap_or(rest).to_string();
            let tree = aligned.aligned_to(&text);
            offset += end;
            out.push(SentenceTree { text, tree });
        }
        Ok(out)
    }
}

fn read_input(file: &str, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> Vec<InputRecord> {
    let first = bytes.iter().find(|b| !b.is_ascii_whitespace()).copied();
    match first {
        None => {
            diags.push(Diagnostic::warning(file, None, "empty input: no records"));
            Vec::new()
        }
        Some(b'<') => {
            let f = petrarch_xml::read(file, bytes);
            diags.extend(f.diagnostics.iter().cloned());
            f.records()
                .map(|r| InputRecord {
                    file: file.to_string(),
                    line: r.line,
                    id: r.id.clone(),
                    date: r.date,
                    text: r.text.clone(),
                    parses: r.parse.iter().cloned().collect(),
                })
                .collect()
        }
        Some(_) => read_jsonl(file, bytes, diags),
    }
}

fn read_jsonl(file: &str, bytes: &[u8], diags: &mut Vec<Diagnostic>) -> Vec<InputRecord> {
    let mut out = Vec::new();
    for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
        let lineno = i + 1;
        let Ok(line) = std::str::from_utf8(line) else {
            diags.push(Diagnostic::error(
                file,
                Some(lineno),
                "invalid UTF-8: expected a JSON object on this line; skipped",
            ));
            continue;
        };
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                diags.push(Diagnostic::error(
                    file,
                    Some(lineno),
                    format!("expected a JSON object {{\"id\",\"date\",\"text\",\"parse\"}}: {e}"),
                ));
                continue;
            }
        };
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        let Some(text) = s("text") else {
            diags.push(Diagnostic::error(
                file,
                Some(lineno),
                "missing \"text\" string",
            ));
            continue;
        };
        let id = s("id")
            .or_else(|| v.get("id").map(|x| x.to_string()))
            .unwrap_or_else(|| format!("{file}:{lineno}"));
        let date = match s("date") {
            Some(d) => match parse_date(&d) {
                Ok(d) => Some(d),
                Err(e) => {
                    diags.push(Diagnostic::error(file, Some(lineno), e));
                    continue;
                }
            },
            None => None,
        };
        let parses = match v.get("parse") {
            Some(serde_json::Value::String(p)) => vec![p.clone()],
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        out.push(InputRecord {
            file: file.to_string(),
            line: lineno,
            id,
            date,
            text,
            parses,
        });
    }
    out
}

/// Codes records with `source`, in parallel; returns per record its events or a diagnostic.
pub fn code_records(
    records: &[InputRecord],
    source: &dyn TreeSource,
    coder: &Coder<'_>,
    opts: &Options,
    progress: Option<&indicatif::ProgressBar>,
) -> Vec<Result<Vec<Event>, Diagnostic>> {
    records
        .par_iter()
        .map(|r| {
            let out = code_one(r, source, coder, opts);
            if let Some(p) = progress {
                p.inc(1);
            }
            out
        })
        .collect()
}

fn code_one(
    r: &InputRecord,
    source: &dyn TreeSource,
    coder: &Coder<'_>,
    opts: &Options,
) -> Result<Vec<Event>, Diagnostic> {
    let bad =
        |m: String| Diagnostic::error(&r.file, Some(r.line), format!("record `{}`: {m}", r.id));
    let Some(date) = r.date else {
        return Err(bad("expected a date (YYYY-MM-DD or YYYYMMDD)".into()));
    };
    let sentences = source.sentences(r).map_err(bad)?;
    let mut events = Vec::new();
    for (i, st) in sentences.iter().enumerate() {
        let coded = coder.code(&st.tree, &st.text, date, opts);
        for e in coded.events {
            let slice = |sp: Option<Span>| {
                sp.and_then(|s| s.slice(&st.text))
                    .unwrap_or_default()
                    .to_string()
            };
            let rules = e.rules.clone();
            events.push(
                Event {
                    doc_id: r.id.clone(),
                    sentence: i,
                    date,
                    event_date: None,
                    source_text: slice(e.source_span),
                    target_text: slice(e.target_span),
                    verb_text: slice(e.verb_span),
                    source: e.source,
                    target: e.target,
                    code: e.code,
                    root: String::new(),
                    quad_class: 0,
                    goldstein: 0.0,
                    plover: None,
                    sentence_text: st.text.clone(),
                    evidence: Evidence {
                        source_span: e.source_span,
                        target_span: e.target_span,
                        verb_span: e.verb_span,
                        rules,
                    },
                }
                .with_cameo_facts(),
            );
        }
    }
    Ok(events)
}

pub fn parse_options(list: &[String]) -> anyhow::Result<Options> {
    let mut opts = Options::default();
    for o in list {
        let Some((k, v)) = o.split_once('=') else {
            bail!("--option expects NAME=VALUE, found `{o}`");
        };
        if !opts.set(k, v)? {
            bail!("unknown coding option `{k}`");
        }
    }
    Ok(opts)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.parsed {
        bail!(
            "raw-text coding needs the built-in parser, which is not available in this build yet; \
             give parse trees in the input and pass --parsed"
        );
    }
    if args.verbs.is_none() || args.actors.is_empty() {
        bail!(
            "no dictionaries given: pass --verbs FILE and --actors FILE (repeatable), and \
             optionally --agents FILE --discards FILE --issues FILE (PETRARCH formats); \
             built-in default dictionaries are not available yet"
        );
    }
    let opts = parse_options(&args.options)?;
    let paths = PetrarchPaths {
        verbs: args.verbs.clone(),
        actors: args.actors.clone(),
        agents: args.agents.clone(),
        discards: args.discards.clone(),
        issues: args.issues.clone(),
    };
    let (dicts, diags): (Dictionaries, _) = Dictionaries::load_petrarch(&paths);
    let dict_errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity == demarche_model::Severity::Error)
        .collect();
    if !dict_errors.is_empty() {
        eprintln!("{} dictionary error(s); first ones:", dict_errors.len());
        for d in dict_errors.iter().take(5) {
            eprintln!("  {d}");
        }
    }
    let coder = Coder::new(&dicts);

    let mut diags = Vec::new();
    let mut records = Vec::new();
    if args.inputs.is_empty() {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read stdin")?;
        records.extend(read_input("<stdin>", &bytes, &mut diags));
    }
    for p in &args.inputs {
        let name = p.display().to_string();
        match std::fs::read(p) {
            Ok(bytes) => records.extend(read_input(&name, &bytes, &mut diags)),
            Err(e) => diags.push(Diagnostic::error(&name, None, format!("cannot read: {e}"))),
        }
    }
    for d in &diags {
        eprintln!("{d}");
    }
    let progress = std::io::stderr().is_terminal().then(|| {
        let p = indicatif::ProgressBar::new(records.len() as u64);
        p.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} records {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        p
    });
    let results = code_records(&records, &GivenTrees, &coder, &opts, progress.as_ref());
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut out = BufWriter::new(out);
    let (mut n_events, mut n_bad) = (0usize, 0usize);
    for r in results {
        match r {
            Ok(events) => {
                for e in events {
                    serde_json::to_writer(&mut out, &e)?;
                    out.write_all(b"\n")?;
                    n_events += 1;
                }
            }
            Err(d) => {
                eprintln!("{d}");
                n_bad += 1;
            }
        }
    }
    out.flush()?;
    eprintln!(
        "{} records, {n_events} events, {n_bad} records skipped",
        records.len()
    );
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, bytes: &[u8]) -> (Vec<InputRecord>, Vec<String>) {
        let mut diags = Vec::new();
        let recs = read_input(name, bytes, &mut diags);
        (recs, diags.iter().map(|d| d.to_string()).collect())
    }

    const TREE: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NNP Gondor))) (. .)))";

    #[test]
    fn empty_input_is_a_warning() {
        let (recs, diags) = read("e.jsonl", b"  \n");
        assert!(recs.is_empty());
        assert_eq!(diags, ["e.jsonl: warning: empty input: no records"]);
    }

    #[test]
    fn bad_json_lines_are_located_and_skipped() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\":\"a\",\"date\":\"2020-01-02\",\"text\":\"Arnor attacked Gondor.\",\"parse\":\"");
        input.extend_from_slice(TREE.as_bytes());
        input.extend_from_slice(
            b"\"}\n{broken\n\xff\xfe\n{\"id\":\"d\",\"date\":\"20200103\",\"text\":\"x\"}\n",
        );
        let (recs, diags) = read("in.jsonl", &input);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].parses.len(), 1);
        assert_eq!(recs[1].date, demarche_model::parse_date("2020-01-03").ok());
        assert!(
            diags[0].starts_with("in.jsonl:2: error: expected a JSON object"),
            "{diags:?}"
        );
        assert!(
            diags[1].starts_with("in.jsonl:3: error: invalid UTF-8"),
            "{diags:?}"
        );
    }

    #[test]
    fn one_megabyte_line_is_read() {
        let text = "Arnor attacked Gondor. ".repeat(45_000);
        let line = format!("{{\"id\":\"big\",\"date\":\"2020-01-02\",\"text\":\"{text}\"}}\n");
        assert!(line.len() > 1_000_000);
        let (recs, diags) = read("big.jsonl", line.as_bytes());
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(recs[0].text.len(), text.len());
    }

    #[test]
    fn truncated_xml_keeps_the_records_before_the_break() {
        let xml = format!(
            "<Sentences>\n<Sentence id=\"s1\" date=\"20200102\"><Text>Arnor attacked Gondor.</Text><Parse>{TREE}</Parse></Sentence>\n<Sentence id=\"s2\" date=\"2020"
        );
        let (recs, diags) = read("cut.xml", xml.as_bytes());
        assert_eq!(recs.len(), 1);
        assert!(
            diags.iter().any(|d| d.starts_with("cut.xml:3: error")),
            "{diags:?}"
        );
    }

    #[test]
    fn records_without_trees_or_dates_are_diagnosed_not_fatal() {
        let rec = |parses: Vec<String>, date| InputRecord {
            file: "f".into(),
            line: 7,
            id: "r".into(),
            date,
            text: "Arnor attacked Gondor.".into(),
            parses,
        };
        assert!(GivenTrees.sentences(&rec(vec![], None)).is_err());
        let deep = format!("{}(NN x){}", "(NP ".repeat(100_000), ")".repeat(100_000));
        let got = GivenTrees.sentences(&rec(vec![deep], None));
        assert!(got.is_ok());
        let bad = GivenTrees.sentences(&rec(vec!["(S (NP".into()], None));
        assert!(bad.unwrap_err().contains("unbalanced"));
    }
}
