//! Reader for PETRARCH actor dictionaries (`*.actors.txt`).
//!
//! A record is a primary phrase with optional codes, `+` synonym lines, and date-restriction
//! lines that start with white space (a tab in the documentation; spaces are accepted too):
//!
//! ```text
//! MOHAMMAD_ZAHIR_SHAH_  # comment
//! +ZAHIR_SHAH_
//!     [AFGELI 320101-331108]
//!     [AFGGOV 331108-730717]
//!     [AFGELI >730717]
//! JAVIER_DE_CUELLAR_  [IGOUNO 820101-911231] [ELI]
//! ```
//!
//! Codes may also follow the primary phrase on its own line, with or without restrictions.
//! Dates are `YYMMDD` or `YYYYMMDD`; a bracket without a restriction is the default code.

use crate::model::*;
use crate::source::{SourceLine, lines};
use crate::words::parse_phrase;
use demarche_model::{Date, Diagnostic, parse_date};
use std::sync::Arc;

/// Reads actor entries from `content` (named `file` in origins and diagnostics).
pub fn read_actors(content: &str, file: &str) -> (Vec<ActorEntry>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let file_arc: Arc<str> = Arc::from(file);
    let mut entries = Vec::new();
    // `None` with `poisoned` set: the current record's primary line was malformed, so its
    // synonyms and restrictions are skipped rather than attached to the previous record.
    let mut current: Option<ActorEntry> = None;
    let mut poisoned = false;
    for line in lines(content, file, &mut diags) {
        let text: &str = &line.text;
        let indented = text.starts_with(|c: char| c.is_whitespace());
        let trimmed = text.trim();
        if let Some(syn) = trimmed.strip_prefix('+') {
            let Some(entry) = current.as_mut() else {
                if !poisoned {
                    diags.push(err(file, &line, "synonym `+…` before any actor entry"));
                }
                continue;
            };
            read_synonyms(syn, &line, file, &file_arc, entry, &mut diags);
        } else if indented || trimmed.starts_with('[') {
            let Some(entry) = current.as_mut() else {
                if !poisoned {
                    diags.push(err(file, &line, "date restriction before any actor entry"));
                }
                continue;
            };
            let Some(brackets) = split_brackets(trimmed, file, &line, &mut diags) else {
                continue;
            };
            if brackets.rest {
                diags.push(err(
                    file,
                    &line,
                    "a restriction line holds only `[CODE ...]` brackets",
                ));
                continue;
            }
            for b in brackets.brackets {
                add_code(b, &line, file, &file_arc, entry, &mut diags);
            }
        } else {
            finish(current.take(), file, &mut entries, &mut diags);
            poisoned = false;
            let Some(brackets) = split_brackets(trimmed, file, &line, &mut diags) else {
                poisoned = true;
                continue;
            };
            let phrase = parse_phrase(brackets.head);
            if phrase.is_empty() {
                diags.push(err(file, &line, "expected an actor phrase before `[`"));
                poisoned = true;
                continue;
            }
            let origin = Origin {
                file: file_arc.clone(),
                line: line.number,
            };
            let mut entry = ActorEntry {
                phrases: vec![ActorPhrase {
                    phrase,
                    origin: origin.clone(),
                }],
                default_codes: None,
                dated: Vec::new(),
                origin,
            };
            for b in brackets.brackets {
                add_code(b, &line, file, &file_arc, &mut entry, &mut diags);
            }
            if brackets.rest {
                diags.push(warn(
                    file,
                    &line,
                    "text after the codes is not part of the format; ignored",
                ));
            }
            current = Some(entry);
        }
    }
    finish(current, file, &mut entries, &mut diags);
    (entries, diags)
}

fn finish(
    entry: Option<ActorEntry>,
    file: &str,
    entries: &mut Vec<ActorEntry>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(entry) = entry else { return };
    if entry.default_codes.is_none() && entry.dated.is_empty() {
        diags.push(Diagnostic::warning(
            file,
            Some(entry.origin.line),
            "actor entry has no code (expected `[CODE]` on its line or on an indented line)",
        ));
    }
    entries.push(entry);
}

fn read_synonyms(
    text: &str,
    line: &SourceLine<'_>,
    file: &str,
    file_arc: &Arc<str>,
    entry: &mut ActorEntry,
    diags: &mut Vec<Diagnostic>,
) {
    if text.contains(['[', ']']) {
        diags.push(err(
            file,
            line,
            "unexpected bracket in a synonym (codes go on the primary line or an indented line)",
        ));
        return;
    }
    // `+TAIOAN_ +TAWIAN_`: two synonyms on one line. Read both, but say so.
    let parts: Vec<&str> = text.split(" +").collect();
    if parts.len() > 1 {
        diags.push(warn(
            file,
            line,
            "several `+` synonyms on one line; read as separate synonyms",
        ));
    }
    for part in parts {
        let phrase = parse_phrase(part.trim_start_matches('+'));
        if phrase.is_empty() {
            diags.push(err(file, line, "expected a phrase after `+`"));
            continue;
        }
        entry.phrases.push(ActorPhrase {
            phrase,
            origin: Origin {
                file: file_arc.clone(),
                line: line.number,
            },
        });
    }
}

fn add_code(
    bracket: Bracket<'_>,
    line: &SourceLine<'_>,
    file: &str,
    file_arc: &Arc<str>,
    entry: &mut ActorEntry,
    diags: &mut Vec<Diagnostic>,
) {
    let body = bracket.body.trim();
    let (code, restriction) = match body.find(char::is_whitespace) {
        Some(p) => (&body[..p], body[p..].trim()),
        None => (body, ""),
    };
    if code.is_empty() {
        diags.push(
            err(file, line, "empty `[]`: expected an actor code").with_column(bracket.column),
        );
        return;
    }
    if code.starts_with(['<', '>']) || code.starts_with(|c: char| c.is_ascii_digit()) {
        diags.push(
            err(
                file,
                line,
                format!("expected an actor code before the date restriction, found `{code}`"),
            )
            .with_column(bracket.column),
        );
        return;
    }
    let codes = ActorCodes {
        codes: split_codes(code),
        written: code.to_string(),
        origin: Origin {
            file: file_arc.clone(),
            line: line.number,
        },
    };
    if restriction.is_empty() {
        if entry.default_codes.is_some() {
            diags.push(
                warn(
                    file,
                    line,
                    "actor already has a default code; this one is ignored",
                )
                .with_column(bracket.column),
            );
        } else {
            entry.default_codes = Some(codes);
        }
        return;
    }
    match parse_restriction(restriction) {
        Ok(restriction) => entry.dated.push(DatedCodes { codes, restriction }),
        Err(msg) => diags.push(err(file, line, msg).with_column(bracket.column)),
    }
}

/// `FRO/BIL/SAM` → three codes; `---` → none (the null code).
fn split_codes(code: &str) -> Vec<String> {
    if code == "---" {
        return Vec::new();
    }
    code.split('/')
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

/// Reads `<DATE`, `>DATE` or `DATE-DATE` (blanks anywhere are ignored).
pub fn parse_restriction(text: &str) -> Result<DateRestriction, String> {
    let compact: std::borrow::Cow<'_, str> = if text.contains(char::is_whitespace) {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .into()
    } else {
        text.into()
    };
    if let Some(d) = compact.strip_prefix('<') {
        return Ok(DateRestriction::Before(petrarch_date(d)?));
    }
    if let Some(d) = compact.strip_prefix('>') {
        return Ok(DateRestriction::After(petrarch_date(d)?));
    }
    match compact.split_once('-') {
        Some((a, b)) => {
            let (from, to) = (petrarch_date(a)?, petrarch_date(b)?);
            if from > to {
                return Err(format!("date range `{compact}` ends before it starts"));
            }
            Ok(DateRestriction::Between(from, to))
        }
        None => Err(format!(
            "date restriction expected `<`, `>` or a range `DATE-DATE`, found `{text}`"
        )),
    }
}

/// A PETRARCH date: exactly `YYMMDD` or `YYYYMMDD`.
fn petrarch_date(s: &str) -> Result<Date, String> {
    if !(s.len() == 6 || s.len() == 8) || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "expected a date as YYMMDD or YYYYMMDD, found `{s}`"
        ));
    }
    parse_date(s)
}

/// A line split into the text before the first bracket, the brackets, and what follows them.
pub(crate) struct Brackets<'a> {
    pub head: &'a str,
    pub brackets: Vec<Bracket<'a>>,
    /// Whether there is non-blank text between or after the brackets (there should be none).
    pub rest: bool,
}

pub(crate) struct Bracket<'a> {
    pub body: &'a str,
    /// 1-based column of the `[` in the line.
    pub column: usize,
}

/// Splits `PHRASE [A] [B]`. An unbalanced `[` or `]` is an error diagnostic and `None`.
pub(crate) fn split_brackets<'a>(
    text: &'a str,
    file: &str,
    line: &SourceLine<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Brackets<'a>> {
    // Columns are reported in the line as read (the trimmed text sits at an offset in it).
    let offset = offset_in(&line.text, text);
    let mut head_end = None;
    let mut brackets = Vec::new();
    let mut rest = false;
    let mut open: Option<usize> = None;
    let mut last_end = 0;
    for (i, c) in text.char_indices() {
        match c {
            '[' => {
                if let Some(o) = open {
                    diags.push(
                        err(
                            file,
                            line,
                            "unbalanced `[`: expected `]` before the next `[`",
                        )
                        .with_column(offset + o + 1),
                    );
                    return None;
                }
                if head_end.is_none() {
                    head_end = Some(i);
                } else {
                    rest |= !text[last_end..i].trim().is_empty();
                }
                open = Some(i);
            }
            ']' => {
                let Some(o) = open.take() else {
                    diags.push(
                        err(file, line, "unbalanced `]`: no `[` before it")
                            .with_column(offset + i + 1),
                    );
                    return None;
                };
                brackets.push(Bracket {
                    body: &text[o + 1..i],
                    column: offset + o + 1,
                });
                last_end = i + 1;
            }
            _ => {}
        }
    }
    if let Some(o) = open {
        diags.push(
            err(
                file,
                line,
                "unbalanced `[`: expected `]` before the end of the line",
            )
            .with_column(offset + o + 1),
        );
        return None;
    }
    let head = &text[..head_end.unwrap_or(text.len())];
    if head_end.is_some() {
        rest |= !text[last_end..].trim().is_empty();
    }
    Some(Brackets {
        head,
        brackets,
        rest,
    })
}

/// Byte offset of `part` in `whole` when `part` is a slice of it (it is for trimmed lines), else 0.
pub(crate) fn offset_in(whole: &str, part: &str) -> usize {
    let (w, p) = (whole.as_ptr() as usize, part.as_ptr() as usize);
    if p >= w && p + part.len() <= w + whole.len() {
        p - w
    } else {
        whole.find(part).unwrap_or(0)
    }
}

pub(crate) fn err(file: &str, line: &SourceLine<'_>, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error(file, Some(line.number), msg)
}

pub(crate) fn warn(file: &str, line: &SourceLine<'_>, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::warning(file, Some(line.number), msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        parse_date(s).unwrap()
    }

    /// Reads `input`, asserts the diagnostics (as `line:severity:message-fragment`), and returns
    /// the entries.
    #[track_caller]
    fn check(input: &str, expected_diags: &[&str]) -> Vec<ActorEntry> {
        let (entries, diags) = read_actors(input, "t.actors.txt");
        crate::source::assert_diagnostics(&diags, expected_diags);
        entries
    }

    fn words(e: &ActorEntry, i: usize) -> String {
        e.phrases[i].phrase.words.join(" ")
    }

    #[test]
    fn primary_with_code_and_synonyms() {
        let e = check("AFGHANISTAN_  [AFG]\n+AFGHAN_\n+KABUL_ # capital\n", &[]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].phrases.len(), 3);
        assert_eq!(words(&e[0], 2), "KABUL");
        assert_eq!(e[0].phrases[2].origin.line, 3);
        assert_eq!(e[0].default_codes.as_ref().unwrap().codes, ["AFG"]);
        assert!(e[0].phrases[0].phrase.exact_end);
    }

    #[test]
    fn tab_and_space_indented_restrictions() {
        let e = check(
            "GOLLUM\n+SMEAGOL\n\t[HOB < 950601]\n  [HOBGOV 19950601 - 19990815]\n\t[HOBREB >990816]\n",
            &[],
        );
        let g = &e[0];
        assert_eq!(g.dated.len(), 3);
        assert_eq!(g.codes_on(date("1990-01-01")).unwrap().codes, ["HOB"]);
        assert_eq!(g.codes_on(date("1995-06-01")).unwrap().codes, ["HOB"]);
        assert_eq!(g.codes_on(date("1995-06-02")).unwrap().codes, ["HOBGOV"]);
        assert_eq!(g.codes_on(date("1999-08-15")).unwrap().codes, ["HOBGOV"]);
        assert_eq!(g.codes_on(date("1999-08-16")).unwrap().codes, ["HOBREB"]);
        assert_eq!(g.dated[1].codes.origin.line, 4);
    }

    #[test]
    fn first_matching_restriction_wins_then_default() {
        let e = check(
            "SAM_GAMGEE [HOB]\n\t[ORCHOB 20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n",
            &[],
        );
        assert_eq!(e[0].codes_on(date("2010-01-10")).unwrap().codes, ["ORCHOB"]);
        assert_eq!(e[0].codes_on(date("2010-01-13")).unwrap().codes, ["HOBMIL"]);
        assert_eq!(e[0].codes_on(date("2015-01-01")).unwrap().codes, ["HOB"]);
    }

    #[test]
    fn undated_restriction_line_is_the_default_and_null_code_is_empty() {
        let e = check("PRINCE OF DOL AMROTH\n\t[--- <950630]\n\t[DOL]\n", &[]);
        let c = e[0].codes_on(date("1995-01-01")).unwrap();
        assert!(c.is_null());
        assert_eq!(c.written, "---");
        assert_eq!(e[0].codes_on(date("1996-01-01")).unwrap().codes, ["DOL"]);
        assert!(e[0].phrases[0].phrase.gap_allowed.iter().all(|g| *g));
    }

    #[test]
    fn no_code_applies_after_the_only_restriction() {
        let e = check("U.S.S.R\n+USSR\n\t[USR <911226]\n", &[]);
        assert!(e[0].codes_on(date("1992-01-01")).is_none());
        assert_eq!(words(&e[0], 0), "U.S.S.R");
    }

    #[test]
    fn several_codes_on_the_primary_line() {
        let e = check(
            "ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID >050501]\n",
            &[],
        );
        assert_eq!(e[0].dated.len(), 2);
        assert!(e[0].default_codes.is_none());
    }

    #[test]
    fn slash_joined_codes_split() {
        let e = check("THE_SHIRE  [FRO/BIL/SAM]\n", &[]);
        assert_eq!(
            e[0].default_codes.as_ref().unwrap().codes,
            ["FRO", "BIL", "SAM"]
        );
        assert_eq!(e[0].default_codes.as_ref().unwrap().written, "FRO/BIL/SAM");
    }

    #[test]
    fn unbalanced_bracket_is_an_error_and_later_entries_load() {
        let e = check(
            "ISRAEL [ISR\n+ISRAELI\n\t[ISRGOV]\nJORDAN [JOR]\n",
            &["1:E:unbalanced `[`"],
        );
        assert_eq!(e.len(), 1);
        assert_eq!(words(&e[0], 0), "JORDAN");
    }

    #[test]
    fn stray_close_bracket_in_synonym() {
        let e = check(
            "FAROE [FRO]\n+FAEROYENE]_\n+FAROES\n",
            &["2:E:unexpected bracket"],
        );
        assert_eq!(e[0].phrases.len(), 2);
    }

    #[test]
    fn bad_dates_and_restrictions() {
        check(
            "IRAQ [IRQ]\n\t[IRQOCC 1920030320-20060520]\n\t[KORGOV 2004017-20061201]\n\t[X 950101]\n\t[X 990101-980101]\n",
            &[
                "2:E:expected a date as YYMMDD or YYYYMMDD, found `1920030320`",
                "3:E:expected a date",
                "4:E:date restriction expected `<`, `>` or a range",
                "5:E:date range",
            ],
        );
    }

    #[test]
    fn code_missing_before_restriction() {
        check(
            "X\n\t[950601-990815]\n",
            &["2:E:expected an actor code", "1:W:actor entry has no code"],
        );
    }

    #[test]
    fn orphan_synonym_and_restriction() {
        check(
            "+ORPHAN\n\t[ABC]\nREAL [R]\n",
            &["1:E:synonym", "2:E:date restriction before"],
        );
    }

    #[test]
    fn two_synonyms_on_one_line() {
        let e = check("TAIWAN [TWN]\n+TAIOAN_ +TAWIAN_\n", &["2:W:several"]);
        assert_eq!(e[0].phrases.len(), 3);
    }

    #[test]
    fn trailing_text_after_codes_warns() {
        let e = check(
            "A.H._BELO_\t[MNCMED]\tNewspapers $137,000,000\n",
            &["1:W:text after"],
        );
        assert_eq!(e[0].default_codes.as_ref().unwrap().codes, ["MNCMED"]);
    }

    #[test]
    fn second_default_is_ignored_with_warning() {
        let e = check("X [A]\n\t[B]\n", &["2:W:actor already has a default"]);
        assert_eq!(e[0].default_codes.as_ref().unwrap().codes, ["A"]);
    }

    #[test]
    fn column_points_at_the_bracket() {
        let (_, diags) = read_actors("ISRAEL [ISR\n", "t");
        assert_eq!(diags[0].column, Some(8));
        let (_, diags) = read_actors("X\n\t[ABC 1-2]\n", "t");
        assert_eq!(diags[0].column, Some(2));
    }
}
