//! Every input format, one way in: files (or standard input) → batches of [`Document`]s, with
//! diagnostics for what could not be read. Used by `code`, `extract`, `ingest` and `demo`.
//!
//! Formats come from `--format`, else the file extension, else the first bytes: plain text
//! (one document a file), JSON Lines, PETRARCH XML, HTML, RSS/Atom, WARC, Parquet (a news table
//! with `id`, `date`, `text` columns; see `demarche_store::parquet_io`), CoNLL-U (dependency
//! parses, each sentence's tree given as a PTB tree; see `demarche_text::conllu`). JSON Lines,
//! WARC, CoNLL-U and Parquet files are streamed in batches (Parquet row by row from the file; from standard input
//! it is read whole first, as Parquet's footer is at its end), so memory stays bounded whatever
//! the file size; the other formats are one document (or one feed, one validation file) and are
//! read whole, up to a size limit ([`MAX_WHOLE_FILE`]). A batch is handed on at [`BATCH`]
//! documents or [`BATCH_BYTES`] of text, whichever comes first.

use demarche_model::{Date, Diagnostic, Document};
use demarche_text::petrarch_xml;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How many documents a batch holds: enough to keep every core busy, small enough to stream.
pub const BATCH: usize = 512;

/// How much text a batch holds at most (bytes): a batch of long documents is handed on
/// before it reaches [`BATCH`] documents, so that memory stays bounded by bytes, not count.
pub const BATCH_BYTES: usize = 16 << 20;

/// Largest whole-file input (HTML page, feed, PETRARCH XML, plain text): what is read whole
/// must leave room, within the 500 MB a single input may take, for what is made of it. (An
/// HTML page is further bounded by `demarche_web::MAX_HTML_BYTES`.)
pub const MAX_WHOLE_FILE: u64 = 128 * 1024 * 1024;

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// One document per file: its whole text
    Text,
    /// One JSON object per line: {"id","date","text", optional "title","source","url","parse"}
    Jsonl,
    /// PETRARCH XML: <Sentence> records with <Text> and optional <Parse>
    Petrarch,
    /// An HTML page (main text extracted)
    Html,
    /// An RSS or Atom feed (each item a document)
    Feed,
    /// A WARC archive, plain or gzip-compressed (each HTML response a document)
    Warc,
    /// A Parquet table of news: `id`, `date`, `text` columns (optional `title`, `source`, `url`)
    Parquet,
    /// CoNLL-U dependency parses (spaCy, Stanza, UDPipe); `# newdoc` starts a document
    Conllu,
}

impl InputFormat {
    /// The format of `name` whose first bytes are `head`.
    pub fn detect(name: &str, head: &[u8]) -> InputFormat {
        let lower = name.to_lowercase();
        if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") || lower.ends_with(".json") {
            return InputFormat::Jsonl;
        }
        if lower.ends_with(".txt") {
            return InputFormat::Text;
        }
        if lower.ends_with(".conllu") || lower.ends_with(".conll") {
            return InputFormat::Conllu;
        }
        if lower.ends_with(".parquet") || lower.ends_with(".pq") || head.starts_with(b"PAR1") {
            return InputFormat::Parquet;
        }
        if let Some(web) = demarche_web::InputFormat::detect(Some(name), head) {
            return match web {
                demarche_web::InputFormat::Html => InputFormat::Html,
                demarche_web::InputFormat::Feed => InputFormat::Feed,
                demarche_web::InputFormat::Warc => InputFormat::Warc,
            };
        }
        let start = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_lowercase();
        let start = start.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('<') && (start.contains("<sentence") || start.contains("<validation"))
        {
            return InputFormat::Petrarch;
        }
        if start.starts_with('{') {
            return InputFormat::Jsonl;
        }
        if looks_like_conllu(start) {
            return InputFormat::Conllu;
        }
        InputFormat::Text
    }
}

/// Whether text starts as CoNLL-U does: its comments, or a word line of ten tab-separated
/// columns.
fn looks_like_conllu(start: &str) -> bool {
    let mut lines = start.lines().map(str::trim_end).filter(|l| !l.is_empty());
    lines.next().is_some_and(|first| {
        ["# newdoc", "# sent_id", "# text =", "# global.columns"]
            .iter()
            .any(|p| first.starts_with(p))
            || (first.split('\t').count() == 10 && first.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Where the documents come from and what to assume about them.
#[derive(Debug, Clone, Default)]
pub struct InputSpec {
    /// Files to read; empty (or `-`) means standard input.
    pub paths: Vec<PathBuf>,
    /// Force a format instead of detecting one.
    pub format: Option<InputFormat>,
    /// Publication date for documents that carry none (plain text, undated JSON Lines).
    pub date: Option<Date>,
}

/// Where a document came from: the input's name and, where the format has lines, its line
/// (for Parquet, its 1-based row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub file: String,
    pub line: Option<usize>,
}

impl Origin {
    /// Re-locates a diagnostic about the document (which names only the document) at its origin.
    pub fn locate(&self, doc_id: &str, d: Diagnostic) -> Diagnostic {
        Diagnostic {
            file: self.file.clone(),
            line: self.line,
            column: None,
            message: format!("record `{doc_id}`: {}", d.message),
            ..d
        }
    }
}

/// A document with its origin.
pub type Located = (Document, Origin);

/// Reads every input and hands documents to `sink` in batches of at most [`BATCH`]; every
/// problem goes to `report`. An input that cannot be opened is reported and skipped; the
/// others are still read. Returns the number of documents read.
pub fn read_documents(
    spec: &InputSpec,
    mut sink: impl FnMut(Vec<Document>) -> anyhow::Result<()>,
    report: impl FnMut(Diagnostic),
) -> anyhow::Result<usize> {
    read_located(
        spec,
        |batch| sink(batch.into_iter().map(|(d, _)| d).collect()),
        report,
    )
}

/// Like [`read_documents`], with each document's [`Origin`].
pub fn read_located(
    spec: &InputSpec,
    mut sink: impl FnMut(Vec<Located>) -> anyhow::Result<()>,
    mut report: impl FnMut(Diagnostic),
) -> anyhow::Result<usize> {
    let inputs: Vec<Option<&Path>> = if spec.paths.is_empty() {
        vec![None]
    } else {
        spec.paths
            .iter()
            .map(|p| (p.as_os_str() != "-").then_some(p.as_path()))
            .collect()
    };
    let mut total = 0;
    for input in inputs {
        let name = input.map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string());
        let reader: Box<dyn BufRead> = match input {
            Some(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    report(Diagnostic::error(&name, None, format!("cannot open: {e}")));
                    continue;
                }
            },
            None => Box::new(BufReader::new(std::io::stdin())),
        };
        total += read_one(&name, input, reader, spec, &mut sink, &mut report)?;
    }
    Ok(total)
}

fn read_one(
    name: &str,
    path: Option<&Path>,
    mut reader: Box<dyn BufRead>,
    spec: &InputSpec,
    sink: &mut impl FnMut(Vec<Located>) -> anyhow::Result<()>,
    report: &mut impl FnMut(Diagnostic),
) -> anyhow::Result<usize> {
    let head = match reader.fill_buf() {
        Ok(h) => h.to_vec(),
        Err(e) => {
            report(Diagnostic::error(name, None, format!("cannot read: {e}")));
            return Ok(0);
        }
    };
    if head.is_empty() {
        report(Diagnostic::warning(name, None, "empty input: no documents"));
        return Ok(0);
    }
    let format = spec
        .format
        .unwrap_or_else(|| InputFormat::detect(name, &head));
    let dated = |mut d: Document| {
        if d.date.is_none() {
            d.date = spec.date;
        }
        d
    };
    let mut count = 0;
    let mut batch = Vec::new();
    let origin = |line: Option<usize>| Origin {
        file: name.to_string(),
        line,
    };
    let mut batch_bytes = 0usize;
    let mut push = |doc: Document,
                    line: Option<usize>,
                    batch: &mut Vec<Located>,
                    sink: &mut dyn FnMut(Vec<Located>) -> anyhow::Result<()>|
     -> anyhow::Result<()> {
        count += 1;
        batch_bytes += doc.text.len() + doc.parses.iter().map(String::len).sum::<usize>();
        batch.push((dated(doc), origin(line)));
        if batch.len() >= BATCH || batch_bytes >= BATCH_BYTES {
            batch_bytes = 0;
            sink(std::mem::take(batch))?;
        }
        Ok(())
    };
    match format {
        InputFormat::Jsonl => {
            let mut lines = demarche_text::read_jsonl(reader, name);
            while let Some(item) = lines.next() {
                match item {
                    Ok(doc) => push(doc, Some(lines.line()), &mut batch, sink)?,
                    Err(d) => report(d),
                }
            }
        }
        InputFormat::Parquet => {
            let mut each = |item: Result<(Document, usize), Diagnostic>| match item {
                Ok((doc, row)) => push(doc, Some(row), &mut batch, sink),
                Err(d) => {
                    report(d);
                    Ok(())
                }
            };
            match path {
                Some(p) => match std::fs::File::open(p) {
                    Ok(file) => {
                        demarche_store::parquet_io::read_news(name, file, &mut each)?;
                    }
                    Err(e) => report(Diagnostic::error(name, None, format!("cannot open: {e}"))),
                },
                None => {
                    let mut bytes = Vec::new();
                    match reader.read_to_end(&mut bytes) {
                        Ok(_) => {
                            demarche_store::parquet_io::read_news_bytes(name, bytes, &mut each)?;
                        }
                        Err(e) => {
                            report(Diagnostic::error(name, None, format!("cannot read: {e}")))
                        }
                    }
                }
            }
        }
        InputFormat::Conllu => {
            let id = path.map_or_else(|| "stdin".to_string(), demarche_text::document_id_from_path);
            for item in demarche_text::read_conllu(reader, name, &id) {
                match item {
                    Ok((doc, line)) => push(doc, Some(line), &mut batch, sink)?,
                    Err(d) => report(d),
                }
            }
        }
        InputFormat::Warc => {
            for item in demarche_web::warc_records(name, reader) {
                match item {
                    Ok(doc) => push(doc, None, &mut batch, sink)?,
                    Err(d) => report(d),
                }
            }
        }
        whole => {
            let mut bytes = Vec::new();
            if let Err(e) = reader.take(MAX_WHOLE_FILE + 1).read_to_end(&mut bytes) {
                report(Diagnostic::error(name, None, format!("cannot read: {e}")));
                return Ok(0);
            }
            if bytes.len() as u64 > MAX_WHOLE_FILE {
                report(Diagnostic::error(
                    name,
                    None,
                    format!(
                        "larger than {MAX_WHOLE_FILE} bytes: expected one page, feed or article; \
                         use JSON Lines or WARC for large collections"
                    ),
                ));
                return Ok(0);
            }
            let (docs, diags) = read_whole(name, path, whole, bytes, spec.date);
            diags.into_iter().for_each(&mut *report);
            for (doc, line) in docs {
                push(doc, line, &mut batch, sink)?;
            }
        }
    }
    if !batch.is_empty() {
        sink(batch)?;
    }
    Ok(count)
}

fn read_whole(
    name: &str,
    path: Option<&Path>,
    format: InputFormat,
    bytes: Vec<u8>,
    date: Option<Date>,
) -> (Vec<(Document, Option<usize>)>, Vec<Diagnostic>) {
    let web = |f, bytes| {
        let (docs, diags) = demarche_web::read_bytes(name, f, bytes);
        (docs.into_iter().map(|d| (d, None)).collect(), diags)
    };
    match format {
        InputFormat::Text => {
            let id = path.map_or_else(|| "stdin".to_string(), demarche_text::document_id_from_path);
            match demarche_text::text_document(bytes, name, &id, date) {
                Ok((doc, warnings)) => (vec![(doc, None)], warnings),
                Err(d) => (Vec::new(), vec![d]),
            }
        }
        InputFormat::Petrarch => {
            let file = petrarch_xml::read(name, &bytes);
            // PETRARCH codes from <Parse> alone: a record with an empty <Text> is the tree's words,
            // untokenised.
            let docs = file
                .records()
                .map(|r| {
                    let text = match (&r.parse, r.text.is_empty()) {
                        (Some(p), true) => demarche_model::Tree::parse_ptb(p)
                            .map(|t| t.untokenized())
                            .unwrap_or_default(),
                        _ => r.text.clone(),
                    };
                    let doc = Document {
                        id: r.id.clone(),
                        date: r.date,
                        text,
                        parses: r.parse.iter().cloned().collect(),
                        ..Document::default()
                    };
                    (doc, Some(r.line))
                })
                .collect();
            (docs, file.diagnostics)
        }
        InputFormat::Html => web(demarche_web::InputFormat::Html, bytes),
        InputFormat::Feed => web(demarche_web::InputFormat::Feed, bytes),
        InputFormat::Warc => web(demarche_web::InputFormat::Warc, bytes),
        InputFormat::Parquet => {
            let mut docs = Vec::new();
            let mut diags = Vec::new();
            let _ = demarche_store::parquet_io::read_news_bytes::<()>(name, bytes, |item| {
                match item {
                    Ok((d, row)) => docs.push((d, Some(row))),
                    Err(d) => diags.push(d),
                }
                Ok(())
            });
            (docs, diags)
        }
        // Streamed formats never reach here; read them whole if they do.
        InputFormat::Conllu => {
            let id = path.map_or_else(|| "stdin".to_string(), demarche_text::document_id_from_path);
            let mut docs = Vec::new();
            let mut diags = Vec::new();
            for item in demarche_text::read_conllu(bytes.as_slice(), name, &id) {
                match item {
                    Ok((d, line)) => docs.push((d, Some(line))),
                    Err(d) => diags.push(d),
                }
            }
            (docs, diags)
        }
        InputFormat::Jsonl => {
            let mut docs = Vec::new();
            let mut diags = Vec::new();
            let mut lines = demarche_text::read_jsonl(bytes.as_slice(), name);
            while let Some(item) = lines.next() {
                match item {
                    Ok(d) => docs.push((d, Some(lines.line()))),
                    Err(d) => diags.push(d),
                }
            }
            (docs, diags)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(name: &str, head: &[u8], expected: InputFormat) {
        assert_eq!(InputFormat::detect(name, head), expected);
    }

    #[test]
    fn formats_by_extension_then_content() {
        check("a.jsonl", b"", InputFormat::Jsonl);
        check("a.warc.gz", b"", InputFormat::Warc);
        check("feed.xml", b"<?xml version='1.0'?><rss>", InputFormat::Feed);
        check("page", b"<!DOCTYPE html><html>", InputFormat::Html);
        check(
            "<stdin>",
            b"{\"id\":\"1\",\"text\":\"x\"}",
            InputFormat::Jsonl,
        );
        check("story.txt", b"Zhao said so.", InputFormat::Text);
        check(
            "records.xml",
            b"<Validation>\n<Sentences>",
            InputFormat::Petrarch,
        );
        check(
            "in.xml",
            b"<Sentences><Sentence id='1'>",
            InputFormat::Petrarch,
        );
        check("notes", b"Zhao said so.", InputFormat::Text);
        check("news.parquet", b"", InputFormat::Parquet);
        check("<stdin>", b"PAR1\x15\x04", InputFormat::Parquet);
        check("parses.conllu", b"", InputFormat::Conllu);
        check(
            "<stdin>",
            b"# sent_id = 1\n# text = x\n",
            InputFormat::Conllu,
        );
        check(
            "<stdin>",
            b"1\tx\t_\tX\tNN\t_\t0\troot\t_\t_\n",
            InputFormat::Conllu,
        );
    }

    #[test]
    fn reads_in_batches_and_reports_bad_lines() {
        let dir = std::env::temp_dir().join(format!("demarche-input-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let jsonl = dir.join("docs.jsonl");
        let mut content = String::new();
        for i in 0..(BATCH + 3) {
            content.push_str(&format!(
                "{{\"id\":\"d{i}\",\"text\":\"Arnor attacked Gondor.\"}}\n"
            ));
        }
        content.push_str("not json\n");
        std::fs::write(&jsonl, content).unwrap();
        let empty = dir.join("empty.txt");
        std::fs::write(&empty, "").unwrap();
        let spec = InputSpec {
            paths: vec![jsonl, empty, dir.join("missing.jsonl")],
            format: None,
            date: Some(demarche_model::parse_date("2021-11-20").unwrap()),
        };
        let mut batches = Vec::new();
        let mut diags = Vec::new();
        let n = read_documents(
            &spec,
            |b| {
                batches.push(b);
                Ok(())
            },
            |d| diags.push(d.to_string()),
        )
        .unwrap();
        assert_eq!(n, BATCH + 3);
        assert_eq!(batches.iter().map(Vec::len).collect::<Vec<_>>(), [BATCH, 3]);
        assert!(batches[1].iter().all(|d| d.date == spec.date));
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(diags[0].contains("docs.jsonl:516"), "{diags:?}");
        assert!(diags[1].contains("empty input"), "{diags:?}");
        assert!(diags[2].contains("cannot open"), "{diags:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
