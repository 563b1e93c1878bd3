//! WARC 1.0/1.1 files (plain or gzip-compressed) → one [`Document`] per HTML `response` record.
//!
//! A streaming reader: records are read one at a time from any `Read`, so a multi-gigabyte
//! archive is processed in the memory of its largest record. `.warc.gz` files (a gzip member
//! per record, or one member for all) are recognised by their magic bytes.
//!
//! For each record: the `WARC/1.x` version line, the named fields up to a blank line, then
//! exactly `Content-Length` bytes. A `response` record whose HTTP `Content-Type` is HTML is
//! decoded (chunked transfer coding and gzip/deflate content coding are undone) and read with
//! [`crate::read_html`]; the document's URL is `WARC-Target-URI`, its date the page's own
//! publication date or else `WARC-Date`, and its id the `WARC-Record-ID`. Other records
//! (`warcinfo`, `request`, `metadata`, non-HTML responses) are skipped.
//!
//! A malformed record gets a diagnostic naming the file, the record number and the line where
//! the record starts; the reader then looks for the next `WARC/` line and goes on.

use crate::dates::parse_web_date;
use crate::html::{MAX_HTML_BYTES, read_html};
use demarche_model::{Diagnostic, Document};
use flate2::read::{MultiGzDecoder, ZlibDecoder};
use std::io::{BufRead, BufReader, Read};

/// Records larger than this are skipped with a diagnostic rather than held in memory.
pub const MAX_RECORD_BYTES: usize = 64 * 1024 * 1024;

/// An iterator over the HTML documents of a WARC stream, with diagnostics for bad records.
pub struct WarcRecords<R> {
    name: String,
    input: R,
    line: usize,
    record: usize,
    done: bool,
    /// A version line already read while looking for the next record.
    pending_version: Option<String>,
    /// Warnings about the document read last, handed out before it.
    pending: std::collections::VecDeque<Result<Document, Diagnostic>>,
}

/// Opens a WARC stream, decompressing it when it starts with the gzip magic bytes.
pub fn warc_records<R: Read + 'static>(name: &str, input: R) -> WarcRecords<Box<dyn BufRead>> {
    let mut buffered = BufReader::new(input);
    let is_gzip = buffered
        .fill_buf()
        .map(|b| b.starts_with(&[0x1f, 0x8b]))
        .unwrap_or(false);
    let input: Box<dyn BufRead> = if is_gzip {
        Box::new(BufReader::new(MultiGzDecoder::new(buffered)))
    } else {
        Box::new(buffered)
    };
    WarcRecords {
        name: name.to_string(),
        input,
        line: 0,
        record: 0,
        done: false,
        pending_version: None,
        pending: std::collections::VecDeque::new(),
    }
}

/// Reads a whole WARC stream: the documents and the diagnostics.
pub fn read_warc<R: Read + 'static>(name: &str, input: R) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut docs = Vec::new();
    let mut diags = Vec::new();
    for item in warc_records(name, input) {
        match item {
            Ok(d) => docs.push(d),
            Err(d) => diags.push(d),
        }
    }
    (docs, diags)
}

enum Line {
    Text(String),
    Eof,
}

impl<R: BufRead> WarcRecords<R> {
    fn read_line(&mut self) -> Result<Line, String> {
        let mut buf = Vec::new();
        // Header lines are short; a "line" longer than 64 KiB means we are not in a header.
        let n = self
            .input
            .by_ref()
            .take(64 * 1024)
            .read_until(b'\n', &mut buf)
            .map_err(|e| format!("cannot read: {e}"))?;
        if n == 0 {
            return Ok(Line::Eof);
        }
        self.line += 1;
        Ok(Line::Text(
            String::from_utf8_lossy(&buf)
                .trim_end_matches(['\r', '\n'])
                .to_string(),
        ))
    }

    fn diag(&self, line: usize, message: String) -> Diagnostic {
        Diagnostic::error(
            &self.name,
            Some(line),
            format!("record {}: {message}", self.record),
        )
    }

    /// Skips lines until the next `WARC/` version line (kept for the next record).
    fn resync(&mut self) {
        loop {
            match self.read_line() {
                Ok(Line::Text(l)) if l.starts_with("WARC/") => {
                    self.pending_version = Some(l);
                    return;
                }
                Ok(Line::Text(_)) => {}
                Ok(Line::Eof) | Err(_) => {
                    self.done = true;
                    return;
                }
            }
        }
    }

    /// One record: `Ok(Some(doc))` for an HTML response, `Ok(None)` for a skipped record.
    fn next_record(&mut self) -> Result<Option<Document>, Diagnostic> {
        // The version line, after any blank lines between records.
        let version = match self.pending_version.take() {
            Some(v) => v,
            None => loop {
                match self.read_line() {
                    Ok(Line::Eof) => {
                        self.done = true;
                        return Ok(None);
                    }
                    Ok(Line::Text(l)) if l.trim().is_empty() => {}
                    Ok(Line::Text(l)) => break l,
                    Err(e) => {
                        self.done = true;
                        return Err(Diagnostic::error(&self.name, Some(self.line), e));
                    }
                }
            },
        };
        self.record += 1;
        let start_line = self.line;
        if !version.starts_with("WARC/") {
            let shown: String = version.chars().take(40).collect();
            let d = self.diag(
                start_line,
                format!("expected a `WARC/1.x` version line, found `{shown}`"),
            );
            self.resync();
            return Err(d);
        }
        let mut fields: Vec<(String, String)> = Vec::new();
        loop {
            match self.read_line() {
                Ok(Line::Text(l)) if l.is_empty() => break,
                Ok(Line::Text(l)) => match l.split_once(':') {
                    Some((k, v)) => fields.push((k.trim().to_lowercase(), v.trim().to_string())),
                    None => {
                        let d = self.diag(
                            self.line,
                            format!(
                                "expected a `Name: value` header field, found `{}`",
                                l.chars().take(40).collect::<String>()
                            ),
                        );
                        self.resync();
                        return Err(d);
                    }
                },
                Ok(Line::Eof) => {
                    self.done = true;
                    return Err(self.diag(
                        start_line,
                        "the file ends inside the record's header".into(),
                    ));
                }
                Err(e) => {
                    self.done = true;
                    return Err(self.diag(self.line, e));
                }
            }
        }
        let field = |k: &str| fields.iter().find(|(n, _)| n == k).map(|(_, v)| v.as_str());
        let Some(length) = field("content-length").and_then(|v| v.parse::<usize>().ok()) else {
            let d = self.diag(
                start_line,
                "expected a numeric `Content-Length` field".into(),
            );
            self.resync();
            return Err(d);
        };
        if length > MAX_RECORD_BYTES {
            // Skip the block without holding it.
            let skipped = std::io::copy(
                &mut self.input.by_ref().take(length as u64),
                &mut std::io::sink(),
            )
            .unwrap_or(0);
            if usize::try_from(skipped).unwrap_or(0) < length {
                self.done = true;
            }
            return Err(self.diag(start_line, format!("record of {length} bytes is larger than the {MAX_RECORD_BYTES}-byte limit; skipped")));
        }
        let mut block = Vec::with_capacity(length.min(1 << 20));
        let got = self
            .input
            .by_ref()
            .take(length as u64)
            .read_to_end(&mut block)
            .map_err(|e| {
                self.done = true;
                Diagnostic::error(
                    &self.name,
                    Some(start_line),
                    format!("record {}: cannot read its block: {e}", self.record),
                )
            })?;
        self.line += block.iter().filter(|b| **b == b'\n').count();
        if got < length {
            self.done = true;
            return Err(self.diag(
                start_line,
                format!(
                    "truncated record: `Content-Length` is {length} bytes but only {got} follow"
                ),
            ));
        }
        if field("warc-type") != Some("response") {
            return Ok(None);
        }
        let Some(http) = parse_http(block) else {
            return Err(self.diag(start_line, "expected an HTTP response (status line, headers, blank line) in the response record".into()));
        };
        if !http.is_html {
            return Ok(None);
        }
        if http.body.len() > MAX_HTML_BYTES {
            return Err(self.diag(
                start_line,
                format!(
                    "an HTML page of {} bytes or more is larger than the {MAX_HTML_BYTES}-byte \
                     limit for one page: expected one article; skipped",
                    http.body.len()
                ),
            ));
        }
        let record_name = format!("{}#record{}", self.name, self.record);
        let (page, repair) = decode_body(http);
        let (doc, mut diags) = read_html(&record_name, &page);
        drop(page);
        if let Some(r) = repair {
            diags.insert(0, crate::invalid_utf8(&record_name, "HTTP body", r));
        }
        let Some(mut doc) = doc else {
            // The page had no text; report the first reason.
            return Err(diags.into_iter().next().map_or_else(
                || self.diag(start_line, "the HTML page has no text".into()),
                |d| Diagnostic {
                    line: Some(start_line),
                    ..d
                },
            ));
        };
        if let Some(uri) = field("warc-target-uri") {
            doc.url = Some(uri.trim_matches(['<', '>']).to_string());
        }
        if doc.date.is_none() {
            doc.date = field("warc-date").and_then(parse_web_date);
        }
        doc.id = field("warc-record-id")
            .map(|v| v.trim_matches(['<', '>']).to_string())
            .or_else(|| doc.url.clone())
            .unwrap_or(record_name);
        // The page's own warnings (a bad date, invalid UTF-8, deep nesting), located at the
        // record, come out before the document.
        for d in diags {
            self.pending.push_back(Err(Diagnostic {
                file: self.name.clone(),
                line: Some(start_line),
                message: format!("record {}: {}", self.record, d.message),
                ..d
            }));
        }
        Ok(Some(doc))
    }
}

impl<R: BufRead> Iterator for WarcRecords<R> {
    type Item = Result<Document, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.pending.pop_front() {
            return Some(item);
        }
        while !self.done {
            match self.next_record() {
                Ok(Some(doc)) => {
                    if self.pending.is_empty() {
                        return Some(Ok(doc));
                    }
                    self.pending.push_back(Ok(doc));
                    return self.pending.pop_front();
                }
                Ok(None) => {}
                Err(d) => return Some(Err(d)),
            }
        }
        None
    }
}

struct HttpResponse {
    is_html: bool,
    /// The body is Latin-1 (or Windows-1252) by its `charset`, not UTF-8.
    latin1: bool,
    body: Vec<u8>,
}

/// Decodes a body: UTF-8, or Latin-1 when the server said so. Windows-1252's extra characters
/// in 0x80–0x9F are read as their Latin-1 control codes, a loss we accept rather than carry an
/// encoding table. Invalid UTF-8 is replaced by U+FFFD; the second value is then the byte offset
/// of the first invalid sequence and how many there were.
fn decode_body(http: HttpResponse) -> (String, Option<(usize, usize)>) {
    if http.latin1 {
        return (http.body.iter().map(|b| char::from(*b)).collect(), None);
    }
    match String::from_utf8(http.body) {
        Ok(text) => (text, None),
        Err(e) => {
            let (text, repair) = crate::utf8_lossy(e.as_bytes());
            (text.into_owned(), repair)
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads the HTTP response of a record's block (taken, so that the body is not copied).
fn parse_http(mut block: Vec<u8>) -> Option<HttpResponse> {
    if !block.starts_with(b"HTTP/") {
        return None;
    }
    let (head_end, sep) = find(&block, b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| find(&block, b"\n\n").map(|i| (i, 2)))?;
    let head = String::from_utf8_lossy(block.get(..head_end)?).into_owned();
    let body = block.get(head_end + sep..)?;
    let header = |name: &str| {
        head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case(name)
                .then(|| v.trim().to_lowercase())
        })
    };
    let content_type = header("content-type").unwrap_or_default();
    let latin1 = ["iso-8859-1", "latin1", "latin-1", "windows-1252", "cp1252"]
        .iter()
        .any(|c| content_type.contains(&format!("charset={c}")));
    // Without a content type, look at the body itself.
    let is_html = content_type.contains("html")
        || (content_type.is_empty() && {
            let start = String::from_utf8_lossy(body.get(..body.len().min(512))?).to_lowercase();
            start.contains("<html") || start.contains("<!doctype html")
        });
    // The body, in place of the block (no copy of it).
    block.drain(..head_end + sep);
    let mut body = block;
    if header("transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        body = dechunk(&body).unwrap_or(body);
    }
    match header("content-encoding").as_deref() {
        Some("gzip" | "x-gzip") => {
            let mut out = Vec::new();
            if MultiGzDecoder::new(body.as_slice())
                .take(MAX_HTML_BYTES as u64 + 1)
                .read_to_end(&mut out)
                .is_ok()
            {
                body = out;
            }
        }
        Some("deflate") => {
            let mut out = Vec::new();
            if ZlibDecoder::new(body.as_slice())
                .take(MAX_HTML_BYTES as u64 + 1)
                .read_to_end(&mut out)
                .is_ok()
            {
                body = out;
            }
        }
        _ => {}
    }
    Some(HttpResponse {
        is_html,
        latin1,
        body,
    })
}

/// Undoes HTTP chunked transfer coding; `None` when the chunks are malformed.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find(data, b"\r\n")?;
        let size_text = String::from_utf8_lossy(data.get(..eol)?);
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = data.get(eol + 2..)?;
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_bodies_are_decoded_by_their_charset() {
        let block =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\nS\xe3o Paulo";
        let http = parse_http(block.to_vec()).unwrap();
        assert!(http.is_html && http.latin1);
        assert_eq!(decode_body(http), ("São Paulo".to_string(), None));
        let utf8 =
            parse_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nS\xc3\xa3o".to_vec())
                .unwrap();
        assert_eq!(decode_body(utf8), ("São".to_string(), None));
        let bad =
            parse_http(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nS\xe3o \xff".to_vec())
                .unwrap();
        assert_eq!(
            decode_body(bad),
            ("S\u{FFFD}o \u{FFFD}".to_string(), Some((1, 2)))
        );
    }

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"4\r\nWiki\r\n5\r\npedia\r\n0\r\n\r\n").as_deref(),
            Some(&b"Wikipedia"[..])
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"9\r\nshort"), None);
    }
}
