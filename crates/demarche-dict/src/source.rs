//! Reading dictionary files: bytes to text (invalid UTF-8 reported, not fatal) and text to
//! numbered lines with every comment style of the PETRARCH formats removed.

use demarche_model::Diagnostic;
use std::borrow::Cow;
use std::path::Path;

/// One line of a dictionary file after comment removal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceLine<'a> {
    /// 1-based line number.
    pub number: usize,
    /// The line without comments and trailing white space; leading white space is kept (actor
    /// date restrictions are recognised by it). Never blank.
    pub text: Cow<'a, str>,
    /// The text of a `#` or `;` comment on the line, trimmed, if any.
    pub comment: Option<Cow<'a, str>>,
}

/// Reads a file for a `load_*` convenience. Returns `(file name, content)`; the file name is the
/// path's last component, which is what origins and diagnostics name. Invalid UTF-8 is replaced
/// (one warning per affected line); an unreadable file is an error diagnostic and `None`.
pub(crate) fn read_file(path: &Path, diags: &mut Vec<Diagnostic>) -> Option<(String, String)> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    match std::fs::read(path) {
        Ok(bytes) => {
            let text = decode(&bytes, &name, diags);
            Some((name, text))
        }
        Err(e) => {
            diags.push(Diagnostic::error(
                path.display().to_string(),
                None,
                format!("cannot read dictionary file: {e}"),
            ));
            None
        }
    }
}

/// Decodes bytes as UTF-8, replacing invalid sequences with U+FFFD and warning once per line
/// that had any (several reference files contain stray Latin-1 bytes).
pub fn decode(bytes: &[u8], file: &str, diags: &mut Vec<Diagnostic>) -> String {
    // A byte-order mark would otherwise become part of the first word of the file.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            for (i, line) in bytes.split(|b| *b == b'\n').enumerate() {
                if std::str::from_utf8(line).is_err() {
                    diags.push(Diagnostic::warning(
                        file,
                        Some(i + 1),
                        "line is not valid UTF-8; invalid bytes were replaced by U+FFFD",
                    ));
                }
            }
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Splits content into lines and removes comments:
/// - `<!-- ... -->`, on one line or across several (PETRARCH only looks for `-->` as the end);
///   a line starting with the malformed opener `<! --` is read as a comment too, with a warning;
/// - `#` and `;` (the KEDS/TABARI legacy) up to the end of the line, unless inside `[...]`
///   (codes such as `[###]` must survive).
///
/// Blank results are dropped.
pub(crate) fn lines<'a>(
    content: &'a str,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<SourceLine<'a>> {
    let mut out = Vec::new();
    let mut open_comment: Option<usize> = None;
    for (i, raw) in content.lines().enumerate() {
        let number = i + 1;
        if open_comment.is_none() && !raw.contains("<!") {
            push_line(&mut out, number, Cow::Borrowed(raw));
            continue;
        }
        let mut rest: &str = raw;
        let mut kept = String::new();
        if open_comment.is_some() {
            match rest.find("-->") {
                Some(p) => {
                    rest = &rest[p + 3..];
                    open_comment = None;
                }
                None => continue,
            }
        }
        while open_comment.is_none() {
            let opener = match rest.find("<!--") {
                Some(p) => Some((p, 4)),
                None => {
                    let t = rest.trim_start();
                    if t.starts_with("<!") && kept.trim().is_empty() {
                        let col = raw.len() - t.len() + 1;
                        diags.push(
                            Diagnostic::warning(
                                file,
                                Some(number),
                                "malformed comment opener (expected `<!--`); read as a comment",
                            )
                            .with_column(col),
                        );
                        Some((rest.len() - t.len(), 2))
                    } else {
                        None
                    }
                }
            };
            let Some((p, len)) = opener else { break };
            kept.push_str(&rest[..p]);
            let after = &rest[p + len..];
            match after.find("-->") {
                Some(q) => rest = &after[q + 3..],
                None => {
                    open_comment = Some(number);
                    rest = "";
                }
            }
        }
        kept.push_str(rest);
        push_line(&mut out, number, Cow::Owned(kept));
    }
    if let Some(line) = open_comment {
        diags.push(Diagnostic::warning(
            file,
            Some(line),
            "comment opened with `<!--` is never closed with `-->`",
        ));
    }
    out
}

fn push_line<'a>(out: &mut Vec<SourceLine<'a>>, number: usize, text: Cow<'a, str>) {
    let (code, comment) = match text {
        Cow::Borrowed(t) => {
            let (c, m) = split_comment(t);
            (Cow::Borrowed(c.trim_end()), m.map(Cow::Borrowed))
        }
        Cow::Owned(t) => {
            let (c, m) = split_comment(&t);
            (
                Cow::Owned(c.trim_end().to_string()),
                m.map(|m| Cow::Owned(m.to_string())),
            )
        }
    };
    if code.trim().is_empty() {
        return;
    }
    out.push(SourceLine {
        number,
        text: code,
        comment,
    });
}

/// Splits at the first `#` or `;` that is outside square brackets.
fn split_comment(text: &str) -> (&str, Option<&str>) {
    // Every character looked at is ASCII, so byte positions are character boundaries.
    let mut depth = 0usize;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'[' => depth += 1,
            b']' => depth = depth.saturating_sub(1),
            b'#' | b';' if depth == 0 => {
                let comment = text[i + 1..].trim_matches(|c: char| c == '#' || c.is_whitespace());
                return (&text[..i], (!comment.is_empty()).then_some(comment));
            }
            _ => {}
        }
    }
    (text, None)
}

/// Test helper: asserts `diags`, written `line:E|W:message`, start with `expected` one by one.
#[cfg(test)]
#[track_caller]
pub(crate) fn assert_diagnostics(diags: &[demarche_model::Diagnostic], expected: &[&str]) {
    let got: Vec<String> = diags
        .iter()
        .map(|d| {
            let sev = match d.severity {
                demarche_model::Severity::Error => "E",
                demarche_model::Severity::Warning => "W",
            };
            format!("{}:{sev}:{}", d.line.unwrap_or(0), d.message)
        })
        .collect();
    assert_eq!(got.len(), expected.len(), "diagnostics: {got:#?}");
    for (g, e) in got.iter().zip(expected) {
        assert!(g.starts_with(e), "diagnostic {g:?} should start with {e:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(content: &str, expected: &[(usize, &str)]) {
        let mut diags = Vec::new();
        let got: Vec<(usize, String)> = lines(content, "t.txt", &mut diags)
            .iter()
            .map(|l| (l.number, l.text.to_string()))
            .collect();
        let expected: Vec<(usize, String)> =
            expected.iter().map(|(n, t)| (*n, t.to_string())).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn hash_and_semicolon_comments() {
        check(
            "A [X] # note\n# whole\nB ;tony\n",
            &[(1, "A [X]"), (3, "B")],
        );
    }

    #[test]
    fn hash_inside_brackets_is_kept() {
        check(
            "- * DIPLXMATIC  [###]  # -PAS\n",
            &[(1, "- * DIPLXMATIC  [###]")],
        );
    }

    #[test]
    fn xml_comments_single_and_multi_line() {
        check(
            "<!-- one -->\nA\n<!--\n# inside\n-->\nB <!-- tail -->\n",
            &[(2, "A"), (6, "B")],
        );
    }

    #[test]
    fn malformed_opener_is_a_comment_with_warning() {
        let mut diags = Vec::new();
        let got = lines("<! -- NEW -->\nX\n", "t.txt", &mut diags);
        assert_eq!(got.len(), 1);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(1));
    }

    #[test]
    fn unclosed_comment_warns_at_its_opening_line() {
        let mut diags = Vec::new();
        let got = lines("A\n<!-- never\nB\n", "t.txt", &mut diags);
        assert_eq!(got.len(), 1);
        assert_eq!(diags[0].line, Some(2));
    }

    #[test]
    fn leading_tab_is_kept_and_comment_text_returned() {
        let mut diags = Vec::new();
        let got = lines("\t[AFG]# IGOrulers.txt\n", "t.txt", &mut diags);
        assert_eq!(got[0].text, "\t[AFG]");
        assert_eq!(got[0].comment.as_deref(), Some("IGOrulers.txt"));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let mut diags = Vec::new();
        assert_eq!(
            decode(b"\xEF\xBB\xBFGAZA [PSE]\n", "a.txt", &mut diags),
            "GAZA [PSE]\n"
        );
        assert!(diags.is_empty());
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning_per_line() {
        let mut diags = Vec::new();
        let text = decode(b"OK\n+COTE_D\x92IVOIRE_\n", "a.txt", &mut diags);
        assert!(text.contains('\u{FFFD}'));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].line, Some(2));
    }
}
