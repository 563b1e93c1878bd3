//! Lines of a native dictionary file: comments removed, indentation noted, and the small
//! helpers every native reader shares (names, codes, diagnostics).

use crate::model::{EventCode, Origin, VerbCode};
use demarche_model::Diagnostic;
use std::sync::Arc;

/// One non-blank line after comment removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line started with a space or a tab.
    pub indented: bool,
    /// The text without the comment, trimmed on both sides. Never empty.
    pub text: &'a str,
    /// The comment's text after `#`, trimmed, when there was one.
    pub comment: Option<&'a str>,
}

/// Splits `content` into lines, dropping blank and comment-only lines.
///
/// `#` starts a comment at the start of a line or after white space, so a `#` inside a word
/// (none of ours has one, but a name such as `C#` could) is kept.
pub(crate) fn lines(content: &str) -> Vec<Line<'_>> {
    let content = content.strip_prefix('\u{feff}').unwrap_or(content);
    let mut out = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let mut cut = raw.len();
        let mut prev_space = true;
        for (pos, c) in raw.char_indices() {
            if c == '#' && prev_space {
                cut = pos;
                break;
            }
            prev_space = c.is_whitespace();
        }
        let (body, comment) = raw.split_at(cut);
        let text = body.trim();
        if text.is_empty() {
            continue;
        }
        let comment = comment
            .strip_prefix('#')
            .map(str::trim)
            .filter(|c| !c.is_empty());
        out.push(Line {
            number: i + 1,
            indented: raw.starts_with([' ', '\t']),
            text,
            comment,
        });
    }
    out
}

/// What a reader needs to name its file in diagnostics and origins.
pub(crate) struct FileCtx {
    pub name: String,
    pub arc: Arc<str>,
}

impl FileCtx {
    pub fn new(name: &str) -> Self {
        FileCtx {
            name: name.to_string(),
            arc: Arc::from(name),
        }
    }

    pub fn origin(&self, line: usize) -> Origin {
        Origin {
            file: Arc::clone(&self.arc),
            line,
        }
    }

    pub fn error(&self, line: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.name.clone(), Some(line), message)
    }
}

/// Straight quotes for curly ones, so that names match whichever the text uses.
pub(crate) fn fold_quotes(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            c => c,
        })
        .collect()
}

/// Whether `c` may appear in a word of a name, verb or pattern.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '.' | '\u{2019}')
}

/// Upper-cased words of a name written with blanks between words.
pub(crate) fn name_words(text: &str) -> Vec<String> {
    fold_quotes(text)
        .split_whitespace()
        .map(str::to_uppercase)
        .collect()
}

/// Reads an event-code token: `051`, `---` (no event), or a pair `031:032` (either half may be
/// empty or `---`). The error says what was expected.
pub(crate) fn parse_verb_code(token: &str) -> Result<VerbCode, String> {
    fn one(t: &str) -> Result<Option<EventCode>, String> {
        if t.is_empty() || t == "---" {
            return Ok(None);
        }
        if (2..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) {
            let code = EventCode::new(t);
            if !code.known {
                return Err(format!(
                    "unknown CAMEO event code `{t}` (not in the CAMEO table)"
                ));
            }
            return Ok(Some(code));
        }
        Err(format!(
            "expected a CAMEO event code (2 to 4 digits) or `---` at the end of the line, found `{t}`"
        ))
    }
    if let Some((f, r)) = token.split_once(':') {
        return Ok(VerbCode::Pair {
            forward: one(f)?,
            reverse: one(r)?,
        });
    }
    Ok(match one(token)? {
        Some(c) => VerbCode::Event(c),
        None => VerbCode::Null,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_need_a_space_or_line_start_before_the_hash() {
        let ls = lines("# all comment\n\nCHN = China   # note\n  indented#kept\n");
        assert_eq!(ls.len(), 2);
        assert_eq!(ls[0].number, 3);
        assert_eq!(ls[0].text, "CHN = China");
        assert_eq!(ls[0].comment, Some("note"));
        assert!(!ls[0].indented);
        assert_eq!(ls[1].text, "indented#kept");
        assert!(ls[1].indented);
    }

    #[test]
    fn verb_codes() {
        assert_eq!(parse_verb_code("---"), Ok(VerbCode::Null));
        assert_eq!(
            parse_verb_code("051"),
            Ok(VerbCode::Event(EventCode::new("051")))
        );
        assert!(matches!(
            parse_verb_code("031:"),
            Ok(VerbCode::Pair {
                forward: Some(_),
                reverse: None
            })
        ));
        assert!(
            parse_verb_code("0999")
                .unwrap_err()
                .contains("unknown CAMEO")
        );
        assert!(
            parse_verb_code("abc")
                .unwrap_err()
                .contains("expected a CAMEO")
        );
    }
}
