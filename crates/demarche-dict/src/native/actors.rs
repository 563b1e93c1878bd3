//! Reader for our actor files (`actors/*.txt`), as specified in `dictionaries/README.md`:
//! fixed-code lines `CODE = name | name` and person blocks (a header of names, then indented
//! `FROM..TO CODE Title` role lines).

use super::text::{FileCtx, Line, lines, name_words};
use crate::model::*;
use demarche_model::{Date, Diagnostic, parse_date};

/// Reads one actor file.
pub(crate) fn read_actor_file(
    file: &str,
    content: &str,
    out: &mut Vec<ActorEntry>,
    diags: &mut Vec<Diagnostic>,
) {
    let ctx = FileCtx::new(file);
    let mut person: Option<ActorEntry> = None;
    // Whether the current person has any role line, even a bad one (already reported).
    let mut saw_role = false;
    let finish = |p: Option<ActorEntry>,
                  saw_role: bool,
                  out: &mut Vec<ActorEntry>,
                  diags: &mut Vec<Diagnostic>| {
        if let Some(p) = p {
            if !saw_role {
                diags.push(ctx.error(
                    p.origin.line,
                    "person has no role lines; expected indented `FROM..TO CODE Title` lines after the names",
                ));
            } else if !p.dated.is_empty() || p.default_codes.is_some() {
                out.push(p);
            }
        }
    };
    for line in lines(content) {
        if line.indented {
            match person.as_mut() {
                Some(p) => {
                    saw_role = true;
                    read_role(&ctx, &line, p, diags)
                }
                None => diags.push(ctx.error(
                    line.number,
                    "indented role line outside a person block; expected a line of names before it",
                )),
            }
            continue;
        }
        finish(person.take(), saw_role, out, diags);
        saw_role = false;
        match line.text.split_once('=') {
            Some((code, names)) => {
                let code = code.trim();
                let Some(codes) = actor_codes(&ctx, &line, code, diags) else {
                    continue;
                };
                let phrases = phrases(&ctx, &line, names, diags);
                if phrases.is_empty() {
                    continue;
                }
                out.push(ActorEntry {
                    phrases,
                    default_codes: Some(codes),
                    dated: Vec::new(),
                    origin: ctx.origin(line.number),
                });
            }
            None => {
                let phrases = phrases(&ctx, &line, line.text, diags);
                if !phrases.is_empty() {
                    person = Some(ActorEntry {
                        phrases,
                        default_codes: None,
                        dated: Vec::new(),
                        origin: ctx.origin(line.number),
                    });
                }
            }
        }
    }
    finish(person.take(), saw_role, out, diags);
}

/// The fixed-code lines (`CODE = name | name`) of an actor file with their names as written
/// (case kept, blanks trimmed), in file order: for readers that need the names themselves
/// rather than matching phrases, such as the extractor's country table. Person blocks and
/// lines without a name are left out; [`read_sources`](super::read_sources) reports bad lines.
pub fn fixed_code_names(content: &str) -> Vec<(&str, Vec<&str>)> {
    lines(content)
        .into_iter()
        .filter(|l| !l.indented)
        .filter_map(|l| {
            let (code, names) = l.text.split_once('=')?;
            let names: Vec<&str> = names
                .split('|')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .collect();
            let code = code.trim();
            (!code.is_empty() && !names.is_empty()).then_some((code, names))
        })
        .collect()
}

fn phrases(
    ctx: &FileCtx,
    line: &Line<'_>,
    names: &str,
    diags: &mut Vec<Diagnostic>,
) -> Vec<ActorPhrase> {
    let mut out = Vec::new();
    for name in names.split('|') {
        let words = name_words(name);
        if words.is_empty() {
            diags.push(ctx.error(line.number, "empty name between `|`; expected a name"));
            continue;
        }
        out.push(ActorPhrase {
            phrase: Phrase::from_words(words),
            origin: ctx.origin(line.number),
        });
    }
    out
}

/// `CHNGOV`, `FRO/BIL` (several actors), or `---` (known, no code).
fn actor_codes(
    ctx: &FileCtx,
    line: &Line<'_>,
    written: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<ActorCodes> {
    if written == "---" {
        return Some(ActorCodes {
            codes: Vec::new(),
            written: written.to_string(),
            origin: ctx.origin(line.number),
        });
    }
    let codes: Vec<String> = written.split('/').map(str::to_string).collect();
    if codes.iter().any(|c| {
        c.is_empty()
            || !c
                .chars()
                .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
    }) {
        diags.push(ctx.error(
            line.number,
            format!("expected an actor code of capital letters (`CHN`, `RUSGOV`) or `---`, found `{written}`"),
        ));
        return None;
    }
    Some(ActorCodes {
        codes,
        written: written.to_string(),
        origin: ctx.origin(line.number),
    })
}

fn read_role(ctx: &FileCtx, line: &Line<'_>, person: &mut ActorEntry, diags: &mut Vec<Diagnostic>) {
    let mut parts = line.text.split_whitespace();
    let (Some(range), Some(code)) = (parts.next(), parts.next()) else {
        diags.push(ctx.error(
            line.number,
            "expected a role line `FROM..TO CODE Title` (dates YYYY-MM-DD, either end may be empty)",
        ));
        return;
    };
    let Some((from, to)) = range.split_once("..") else {
        diags.push(ctx.error(
            line.number,
            format!(
                "expected a date range `FROM..TO` at the start of the role line, found `{range}`"
            ),
        ));
        return;
    };
    let date = |s: &str| -> Result<Option<Date>, Diagnostic> {
        if s.is_empty() {
            return Ok(None);
        }
        if s.len() != 10 {
            return Err(ctx.error(
                line.number,
                format!("expected a date as YYYY-MM-DD, found `{s}`"),
            ));
        }
        parse_date(s)
            .map(Some)
            .map_err(|m| ctx.error(line.number, m))
    };
    let (from, to) = match (date(from), date(to)) {
        (Ok(f), Ok(t)) => (f, t),
        (Err(d), _) | (_, Err(d)) => {
            diags.push(d);
            return;
        }
    };
    let Some(codes) = actor_codes(ctx, line, code, diags) else {
        return;
    };
    let restriction = match (from, to) {
        (Some(f), Some(t)) => DateRestriction::Between(f, t),
        (Some(f), None) => DateRestriction::After(f),
        (None, Some(t)) => DateRestriction::Before(t),
        (None, None) => {
            // `..` open at both ends: the code that applies whenever no dated role does.
            person.default_codes = Some(codes);
            return;
        }
    };
    person.dated.push(DatedCodes { codes, restriction });
}
