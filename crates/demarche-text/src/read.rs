//! Readers for plain text and JSON Lines, producing [`Document`]s.
//!
//! JSON Lines is read one line at a time through a `BufRead`, so memory stays bounded by the
//! longest line (itself capped at [`MAX_LINE_BYTES`]: a longer line is skipped without being
//! held in memory, and reported). Every bad line becomes a [`Diagnostic`] naming the file, the
//! line and what was expected; reading goes on with the next line.

use demarche_model::{Diagnostic, Document, parse_date};
use serde::Deserialize;
use std::io::{BufRead, Read};

/// Longest JSON Lines record accepted (64 MiB). Longer lines are skipped with a diagnostic.
pub const MAX_LINE_BYTES: usize = 64 << 20;

/// Largest plain-text document accepted (128 MiB).
pub const MAX_TEXT_BYTES: u64 = 128 << 20;

/// One JSON Lines record as written by users.
#[derive(Deserialize)]
struct JsonRecord {
    id: Option<IdValue>,
    date: Option<String>,
    text: Option<String>,
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    parse: Option<ParseValue>,
}

/// Ids may be written as strings or numbers.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdValue {
    Text(String),
    Number(serde_json::Number),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum ParseValue {
    One(String),
    Many(Vec<String>),
}

/// Streams documents from JSON Lines: one object per line,
/// `{"id", "date", "text", optional "title", "source", "url", "parse"}`.
///
/// `date` is `YYYY-MM-DD` or `YYYYMMDD` (optional); `parse` is one Penn Treebank string or a
/// list of them (one per sentence). Blank lines are skipped. `file` names the input in
/// diagnostics (`"<stdin>"` for standard input).
///
/// ```
/// let input = "{\"id\":\"a\",\"date\":\"2021-11-20\",\"text\":\"Arnor won.\"}\nnot json\n";
/// let items: Vec<_> = demarche_text::read_jsonl(input.as_bytes(), "in.jsonl").collect();
/// assert_eq!(items[0].as_ref().unwrap().id, "a");
/// assert!(items[1].as_ref().unwrap_err().to_string().starts_with("in.jsonl:2:"));
/// ```
pub fn read_jsonl<R: BufRead>(reader: R, file: &str) -> JsonlReader<R> {
    JsonlReader {
        reader,
        file: file.to_string(),
        line_no: 0,
        buf: Vec::new(),
        seen_content: false,
        done: false,
    }
}

/// Iterator returned by [`read_jsonl`].
#[derive(Debug)]
pub struct JsonlReader<R> {
    reader: R,
    file: String,
    line_no: usize,
    buf: Vec<u8>,
    seen_content: bool,
    done: bool,
}

/// What reading one physical line produced.
pub(crate) enum Line {
    Eof,
    Ok,
    TooLong(usize),
}

/// Reads the next line of `reader` into `buf` (without the newline or a final `\r`), holding at
/// most `max` bytes: a longer line is consumed, not kept, and reported with its length.
pub(crate) fn read_bounded_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, found) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if total + take <= max {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf.clear();
        }
        total += take;
        reader.consume(if found { take + 1 } else { take });
        if found {
            break;
        }
    }
    if !any {
        return Ok(Line::Eof);
    }
    if total > max {
        return Ok(Line::TooLong(total));
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Ok)
}

impl<R: BufRead> JsonlReader<R> {
    /// The 1-based number of the line the last item came from.
    pub fn line(&self) -> usize {
        self.line_no
    }

    /// Reads the next line into `self.buf` (without the newline), refusing to hold more than
    /// [`MAX_LINE_BYTES`].
    fn read_line(&mut self) -> std::io::Result<Line> {
        read_bounded_line(&mut self.reader, &mut self.buf, MAX_LINE_BYTES)
    }

    fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.file, Some(self.line_no), message)
    }

    fn parse_record(&self, text: &str) -> Result<Document, Diagnostic> {
        let record: JsonRecord = serde_json::from_str(text).map_err(|e| {
            self.error(format!(
                "expected a JSON object like {{\"id\":..,\"date\":..,\"text\":..}}: {e}"
            ))
            .with_column(e.column())
        })?;
        let id = match record.id {
            Some(IdValue::Text(s)) if !s.trim().is_empty() => s,
            Some(IdValue::Number(n)) => n.to_string(),
            _ => return Err(self.error("expected a non-empty \"id\" field")),
        };
        let Some(text) = record.text else {
            return Err(self.error(format!("document `{id}`: expected a \"text\" field")));
        };
        let date = match record.date.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(d) => Some(
                parse_date(d).map_err(|m| self.error(format!("document `{id}`: \"date\": {m}")))?,
            ),
        };
        let parses = match record.parse {
            None => Vec::new(),
            Some(ParseValue::One(p)) => vec![p],
            Some(ParseValue::Many(ps)) => ps,
        };
        Ok(Document {
            id,
            date,
            title: record.title,
            source: record.source,
            url: record.url,
            text,
            parses,
        })
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Result<Document, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let line = self.read_line();
            self.line_no += 1;
            match line {
                Err(e) => {
                    self.done = true;
                    return Some(Err(
                        self.error(format!("read error: {e}; reading stops here"))
                    ));
                }
                Ok(Line::Eof) => {
                    self.done = true;
                    if !self.seen_content {
                        return Some(Err(Diagnostic::warning(
                            &self.file,
                            None,
                            "empty file: expected JSON Lines documents, one object per line",
                        )));
                    }
                }
                Ok(Line::TooLong(n)) => {
                    self.seen_content = true;
                    return Some(Err(self.error(format!(
                        "line of {n} bytes is longer than the {MAX_LINE_BYTES}-byte limit: skipped"
                    ))));
                }
                Ok(Line::Ok) => {
                    let text = match std::str::from_utf8(&self.buf) {
                        Ok(t) => t,
                        Err(e) => {
                            self.seen_content = true;
                            let col = e.valid_up_to() + 1;
                            return Some(Err(self
                                .error("invalid UTF-8: expected UTF-8 text; line skipped")
                                .with_column(col)));
                        }
                    };
                    if text.trim().is_empty() {
                        continue;
                    }
                    self.seen_content = true;
                    return Some(self.parse_record(text));
                }
            }
        }
        None
    }
}

/// Reads a whole plain-text document: `id` names it (see [`document_id_from_path`]), `date` is
/// the publication date the caller knows. Returns the document and warnings about it.
///
/// Invalid UTF-8 does not cost the document: each invalid sequence is replaced by U+FFFD (`�`)
/// and one warning names `file`, the line, column and byte offset of the first one and how many
/// there were. An empty text or a text over [`MAX_TEXT_BYTES`] is an error naming `file`.
pub fn read_text<R: Read>(
    reader: R,
    file: &str,
    id: &str,
    date: Option<demarche_model::Date>,
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_TEXT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(file, None, format!("read error: {e}")))?;
    text_document(bytes, file, id, date)
}

/// [`read_text`] for bytes already in memory (taken, not copied).
pub fn text_document(
    bytes: Vec<u8>,
    file: &str,
    id: &str,
    date: Option<demarche_model::Date>,
) -> Result<(Document, Vec<Diagnostic>), Diagnostic> {
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(Diagnostic::error(
            file,
            None,
            format!(
                "plain-text document is larger than {MAX_TEXT_BYTES} bytes: expected one article per file"
            ),
        ));
    }
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (text, repair) = lossy_utf8(&e.into_bytes());
            if let Some(first) = repair.first {
                warnings.push(invalid_utf8_warning(file, &text, first, repair));
            }
            text
        }
    };
    if text.trim().is_empty() {
        return Err(Diagnostic::warning(
            file,
            None,
            "empty file: expected the text of one article",
        ));
    }
    let doc = Document {
        id: id.to_string(),
        date,
        text,
        ..Document::default()
    };
    Ok((doc, warnings))
}

/// Where invalid UTF-8 was replaced: the first place (byte offset in the input, and in the
/// repaired text) and how many invalid sequences there were.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Utf8Repair {
    /// (byte offset in the input, byte offset in the repaired text) of the first replacement.
    pub first: Option<(usize, usize)>,
    /// Invalid sequences replaced.
    pub count: usize,
}

/// `bytes` as text, each invalid UTF-8 sequence replaced by U+FFFD, with where that happened.
/// Linear time; the repaired text is at most three times as long as `bytes`.
pub fn lossy_utf8(bytes: &[u8]) -> (String, Utf8Repair) {
    let mut out = String::with_capacity(bytes.len());
    let mut repair = Utf8Repair::default();
    let mut offset = 0;
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            repair.first.get_or_insert((offset, out.len()));
            repair.count += 1;
            out.push(char::REPLACEMENT_CHARACTER);
            offset += chunk.invalid().len();
        }
    }
    (out, repair)
}

/// The warning for a repaired text: file, line and column of the first replacement (in the
/// repaired text, which has the same lines), its byte offset in the input, and the count.
fn invalid_utf8_warning(
    file: &str,
    text: &str,
    (input_at, text_at): (usize, usize),
    repair: Utf8Repair,
) -> Diagnostic {
    let before = text.get(..text_at).unwrap_or_default();
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let more = match repair.count {
        0 | 1 => String::new(),
        n => format!(" and {} more place(s)", n - 1),
    };
    Diagnostic::warning(
        file,
        Some(line),
        format!(
            "invalid UTF-8 at byte {input_at}{more}: expected UTF-8 text; replaced by U+FFFD and read on"
        ),
    )
    .with_column(col)
}

/// The document id for a plain-text file: its file name without the extension.
pub fn document_id_from_path(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_model::Date;

    fn all(input: &[u8]) -> Vec<Result<Document, String>> {
        read_jsonl(input, "in.jsonl")
            .map(|r| r.map_err(|d| d.to_string()))
            .collect()
    }

    #[test]
    fn good_records() {
        let input = br#"{"id":"a","date":"2021-11-20","text":"Arnor won.","title":"T","source":"S","url":"http://x"}

{"id":7,"date":"20211121","text":"B.","parse":["(S (NN b))","(S (NN c))"]}
{"id":"c","text":"C.","parse":"(S (NN c))"}
"#;
        let got = all(input);
        assert_eq!(got.len(), 3);
        let a = got[0].as_ref().unwrap();
        assert_eq!(a.date, Date::from_ymd_opt(2021, 11, 20));
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.url.as_deref(), Some("http://x"));
        let b = got[1].as_ref().unwrap();
        assert_eq!(b.id, "7");
        assert_eq!(b.parses.len(), 2);
        let c = got[2].as_ref().unwrap();
        assert_eq!(c.date, None);
        assert_eq!(c.parses, ["(S (NN c))"]);
    }

    #[test]
    fn bad_lines_are_reported_and_reading_goes_on() {
        let mut input = Vec::new();
        input.extend_from_slice(b"{\"id\":\"a\",\"text\":\"ok\"}\n");
        input.extend_from_slice(b"{\"id\":\"b\",\"text\":\"x\"\n");
        input.extend_from_slice(b"{\"text\":\"no id\"}\n");
        input.extend_from_slice(b"{\"id\":\"d\"}\n");
        input.extend_from_slice(b"{\"id\":\"e\",\"text\":\"t\",\"date\":\"Nov 5\"}\n");
        input.extend_from_slice(b"{\"id\":\"f\",\"text\":\"\xff\"}\n");
        input.extend_from_slice(b"[1,2]\r\n");
        input.extend_from_slice(b"{\"id\":\"h\",\"text\":\"last\"}");
        let got = all(&input);
        assert_eq!(got.len(), 8);
        assert_eq!(got[0].as_ref().map(|d| d.id.as_str()), Ok("a"));
        let err = |i: usize| got[i].as_ref().unwrap_err().clone();
        assert!(err(1).starts_with("in.jsonl:2:"), "{}", err(1));
        assert!(err(1).contains("expected a JSON object"), "{}", err(1));
        assert!(err(2).starts_with("in.jsonl:3: error: expected a non-empty \"id\""));
        assert!(err(3).contains("document `d`: expected a \"text\" field"));
        assert!(err(4).starts_with("in.jsonl:5: error: document `e`: \"date\""));
        assert!(
            err(5).starts_with("in.jsonl:6:19: error: invalid UTF-8"),
            "{}",
            err(5)
        );
        assert!(err(6).starts_with("in.jsonl:7:"), "{}", err(6));
        assert_eq!(got[7].as_ref().map(|d| d.text.as_str()), Ok("last"));
    }

    #[test]
    fn empty_input_is_a_warning() {
        let got = all(b"");
        assert_eq!(
            got,
            [Err(
                "in.jsonl: warning: empty file: expected JSON Lines documents, one object per line"
                    .to_string()
            )]
        );
        assert_eq!(all(b"\n\n").len(), 1);
    }

    #[test]
    fn one_megabyte_line_is_read() {
        let text = "word ".repeat(200_000);
        let line =
            format!("{{\"id\":\"big\",\"text\":\"{text}\"}}\n{{\"id\":\"next\",\"text\":\"x\"}}");
        let got = all(line.as_bytes());
        assert_eq!(got[0].as_ref().map(|d| d.text.len()), Ok(1_000_000));
        assert_eq!(got[1].as_ref().map(|d| d.id.as_str()), Ok("next"));
    }

    #[test]
    fn small_buffers_still_find_lines() {
        // A BufReader with a tiny buffer makes lines span many fill_buf calls.
        let input = "{\"id\":\"a\",\"text\":\"first line\"}\n{\"id\":\"b\",\"text\":\"second\"}\n";
        let reader = std::io::BufReader::with_capacity(3, input.as_bytes());
        let ids: Vec<String> = read_jsonl(reader, "t")
            .map(|r| r.map(|d| d.id).unwrap_or_default())
            .collect();
        assert_eq!(ids, ["a", "b"]);
    }

    #[test]
    fn plain_text() {
        let (d, warnings) = read_text(
            "Headline\n\nBody.".as_bytes(),
            "a.txt",
            "a",
            Date::from_ymd_opt(2021, 11, 20),
        )
        .unwrap();
        assert!(warnings.is_empty());
        assert_eq!(d.id, "a");
        assert_eq!(d.text, "Headline\n\nBody.");
        let (b, warnings) = read_text(&b"ok\nbad \xc3(\xff\xfe."[..], "b.txt", "b", None).unwrap();
        assert_eq!(b.text, "ok\nbad \u{FFFD}(\u{FFFD}\u{FFFD}.");
        assert_eq!(
            warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
            [
                "b.txt:2:5: warning: invalid UTF-8 at byte 7 and 2 more place(s): expected UTF-8 text; replaced by U+FFFD and read on"
            ]
        );
        let e = read_text(&b"  \n"[..], "c.txt", "c", None).unwrap_err();
        assert!(e.to_string().contains("empty file"));
        assert_eq!(
            document_id_from_path(std::path::Path::new("/x/global-times.txt")),
            "global-times"
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let n = read_jsonl(&bytes[..], "p").count();
            prop_assert!(n <= bytes.iter().filter(|&&b| b == b'\n').count() + 1);
            let _ = read_text(&bytes[..], "p", "p", None);
        }

        /// Lossy reading keeps every valid byte in order, replaces only what is invalid, and
        /// agrees with the standard library's lossy conversion.
        #[test]
        fn lossy_text_round_trips_valid_input(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let (text, repair) = lossy_utf8(&bytes);
            prop_assert_eq!(&text, &String::from_utf8_lossy(&bytes));
            prop_assert_eq!(repair.count == 0, std::str::from_utf8(&bytes).is_ok());
            if let Some((input_at, text_at)) = repair.first {
                let valid = std::str::from_utf8(&bytes).unwrap_err().valid_up_to();
                prop_assert_eq!(input_at, valid);
                prop_assert_eq!(text_at, valid);
            }
            match read_text(&bytes[..], "p", "p", None) {
                Ok((doc, warnings)) => {
                    prop_assert_eq!(&doc.text, &text);
                    prop_assert_eq!(warnings.len(), usize::from(repair.count > 0));
                }
                Err(_) => prop_assert!(text.trim().is_empty()),
            }
        }

        #[test]
        fn valid_text_is_read_unchanged(text in "\\PC{0,200}") {
            if let Ok((doc, warnings)) = read_text(text.as_bytes(), "p", "p", None) {
                prop_assert_eq!(doc.text, text);
                prop_assert!(warnings.is_empty());
            }
        }
    }
}
