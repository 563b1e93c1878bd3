//! demarche-web: news as it arrives on the web — HTML pages, RSS/Atom feeds and WARC archives —
//! read into [`demarche_model::Document`]s.
//!
//! Main functions: [`read_html`] (one page → one document: main text without navigation,
//! sharing and comment widgets, plus title, source, date and URL from the page's metadata),
//! [`read_feed`] (each RSS item or Atom entry → a document), [`warc_records`] / [`read_warc`]
//! (each HTML `response` record of a `.warc` or `.warc.gz` → a document), and [`InputFormat`]
//! with [`InputFormat::detect`] to pick one from a file name and its first bytes. Inputs are
//! strings, byte slices or `Read` streams; outputs are documents plus
//! [`demarche_model::Diagnostic`]s naming the file, the record or item, and the line where
//! known. A malformed record is reported and skipped; the rest is read.
//!
//! Design decision: main-text extraction is delegated to `dom_smoothie` (a readability port;
//! measured at well under a millisecond a page) and followed by our own paragraph clean-up, while
//! feeds and WARC records are read by small readers of our own, so that a broken item or record
//! yields a located diagnostic and the items before (and, for WARC, after) it are kept.
//! Rejected alternative: the `feed-rs` and `warc` crates. `feed-rs` parses a feed into one
//! `Result`, so a malformed item costs the whole feed; with `warc` we would still have to write
//! the HTTP decoding, the resynchronisation after a bad record and the record-numbered
//! diagnostics, which are most of the reader here.
//!
//! ```
//! let page = r#"<html><head><title>Talks resume</title>
//!   <meta property="article:published_time" content="2021-11-20T08:00:00+08:00"></head>
//!   <body><nav><a href="/">Home</a></nav><article><p>Delegations met in Geneva on Friday and
//!   agreed to meet again next month, officials said after the closed session ended.</p>
//!   <p>Both sides called the talks constructive.</p></article><footer>Comment Here</footer>
//!   </body></html>"#;
//! let (doc, _) = demarche_web::read_html("page.html", page);
//! let doc = doc.unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Talks resume"));
//! assert_eq!(doc.date.map(|d| d.to_string()).as_deref(), Some("2021-11-20"));
//! assert!(doc.text.starts_with("Delegations met in Geneva"));
//! assert!(!doc.text.contains("Comment Here") && !doc.text.contains("Home"));
//! ```

mod dates;
mod feed;
mod html;
mod nesting;
mod warc;

pub use dates::parse_web_date;
pub use feed::read_feed;
pub use html::{MAX_HTML_BYTES, clean_paragraphs, fragment_text, read_html};
pub use nesting::{MAX_HTML_DEPTH, bound_nesting};
pub use warc::{MAX_RECORD_BYTES, WarcRecords, read_warc, warc_records};

use demarche_model::{Diagnostic, Document};

/// The web formats this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Html,
    /// RSS 2.0, RSS 1.0 (RDF) or Atom.
    Feed,
    /// WARC, plain or gzip-compressed.
    Warc,
}

/// Errors of this crate's whole-input entry points.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error(
        "{file}: cannot tell the format: expected an HTML page, an RSS/Atom feed or a WARC file"
    )]
    UnknownFormat { file: String },
}

impl InputFormat {
    /// Picks the format from the file name's extension, else from the first bytes.
    pub fn detect(path: Option<&str>, head: &[u8]) -> Option<InputFormat> {
        let lower = path.map(str::to_lowercase).unwrap_or_default();
        if lower.ends_with(".warc") || lower.ends_with(".warc.gz") {
            return Some(InputFormat::Warc);
        }
        if lower.ends_with(".rss") || lower.ends_with(".atom") {
            return Some(InputFormat::Feed);
        }
        if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
            return Some(InputFormat::Html);
        }
        Self::sniff(head)
    }

    /// Picks the format from the first bytes of the input alone.
    pub fn sniff(head: &[u8]) -> Option<InputFormat> {
        if head.starts_with(&[0x1f, 0x8b]) || head.starts_with(b"WARC/") {
            return Some(InputFormat::Warc);
        }
        let start = String::from_utf8_lossy(head.get(..head.len().min(2048)).unwrap_or(head))
            .to_lowercase();
        let start = start.trim_start_matches('\u{feff}').trim_start();
        if !start.starts_with('<') {
            return None;
        }
        if start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf") {
            return Some(InputFormat::Feed);
        }
        if start.contains("<html") || start.contains("<!doctype html") || start.contains("<body") {
            return Some(InputFormat::Html);
        }
        None
    }
}

/// `bytes` as text, each invalid UTF-8 sequence replaced by U+FFFD; with the byte offset of
/// the first invalid sequence and how many there were, when there were any.
pub(crate) fn utf8_lossy(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<(usize, usize)>) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (std::borrow::Cow::Borrowed(text), None);
    }
    let mut out = String::with_capacity(bytes.len());
    let (mut offset, mut first, mut count) = (0, None, 0);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        offset += chunk.valid().len();
        if !chunk.invalid().is_empty() {
            first.get_or_insert(offset);
            count += 1;
            out.push(char::REPLACEMENT_CHARACTER);
            offset += chunk.invalid().len();
        }
    }
    (std::borrow::Cow::Owned(out), first.map(|f| (f, count)))
}

/// The warning for text whose invalid UTF-8 was replaced (`at`: first byte offset, `count`).
pub(crate) fn invalid_utf8(name: &str, what: &str, (at, count): (usize, usize)) -> Diagnostic {
    let more = if count > 1 {
        format!(" and {} more place(s)", count - 1)
    } else {
        String::new()
    };
    Diagnostic::warning(
        name,
        None,
        format!(
            "invalid UTF-8 at byte {at} of the {what}{more}: expected UTF-8; replaced by U+FFFD \
             and read on"
        ),
    )
}

/// Reads a whole input held in memory, whatever its web format.
pub fn read_bytes(
    name: &str,
    format: InputFormat,
    bytes: Vec<u8>,
) -> (Vec<Document>, Vec<Diagnostic>) {
    match format {
        InputFormat::Html => {
            let (page, repair) = utf8_lossy(&bytes);
            let (doc, mut diags) = read_html(name, &page);
            if let Some(r) = repair {
                diags.insert(0, invalid_utf8(name, "page", r));
            }
            (doc.into_iter().collect(), diags)
        }
        InputFormat::Feed => read_feed(name, &bytes),
        InputFormat::Warc => read_warc(name, std::io::Cursor::new(bytes)),
    }
}

/// Like [`read_bytes`], detecting the format first.
pub fn read_any(name: &str, bytes: Vec<u8>) -> Result<(Vec<Document>, Vec<Diagnostic>), WebError> {
    let format =
        InputFormat::detect(Some(name), &bytes).ok_or_else(|| WebError::UnknownFormat {
            file: name.to_string(),
        })?;
    Ok(read_bytes(name, format, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_by_name_then_bytes() {
        assert_eq!(
            InputFormat::detect(Some("a.warc.gz"), b""),
            Some(InputFormat::Warc)
        );
        assert_eq!(
            InputFormat::detect(Some("a.rss"), b""),
            Some(InputFormat::Feed)
        );
        assert_eq!(
            InputFormat::detect(Some("A.HTML"), b""),
            Some(InputFormat::Html)
        );
        assert_eq!(
            InputFormat::detect(Some("x"), b"WARC/1.0\r\n"),
            Some(InputFormat::Warc)
        );
        assert_eq!(
            InputFormat::detect(None, b"<?xml version=\"1.0\"?><rss>"),
            Some(InputFormat::Feed)
        );
        assert_eq!(
            InputFormat::detect(None, b"\xef\xbb\xbf<!DOCTYPE html><html>"),
            Some(InputFormat::Html)
        );
        assert_eq!(
            InputFormat::detect(Some("a.txt"), b"Plain news text."),
            None
        );
        assert!(read_any("notes.txt", b"plain".to_vec()).is_err());
    }
}
