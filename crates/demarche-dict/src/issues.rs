//! Reader for PETRARCH/Phoenix issue lists (`Phoenix.IssueCoding.txt`).
//!
//! The file groups phrases in category blocks:
//!
//! ```text
//! <ISSUE CATEGORY="ENERGY" TYPE="ALL">
//! nuclear n:reactor [NUCLEAR_ENERGY]   # n: singular and plural
//! v:massacre [ID_ATROCITY]             # v: regular verb forms
//! al+zarqawi network [NAMED_TERROR_GROUP]  # +: with ' ' and with '-'
//! european central bank                # no code: the previous line's (or the category's)
//! ~olive oil                           # ignore phrase: cancels the sentence's issues
//! ~~armenian genocide                  # ignore phrase (second kind)
//! </ISSUE>
//! ```

use crate::actors::{err, split_brackets, warn};
use crate::compiled::IssueList;
use crate::model::*;
use crate::source::{SourceLine, lines};
use crate::words::{normalize_word, plural, regular_verb_forms};
use demarche_model::Diagnostic;
use std::sync::Arc;

/// More forms than this from one line means a mistake (each `n:` doubles, each `v:` quadruples).
const MAX_FORMS: usize = 256;

/// Reads and compiles an issue list from `content` (named `file` in origins and diagnostics).
pub fn read_issues(content: &str, file: &str) -> (IssueList, Vec<Diagnostic>) {
    let (categories, phrases, diags) = read_issue_entries(content, file);
    (IssueList::from_entries(categories, phrases), diags)
}

/// Reads the categories and phrases without compiling them.
pub fn read_issue_entries(
    content: &str,
    file: &str,
) -> (Vec<IssueCategory>, Vec<IssuePhrase>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let file_arc: Arc<str> = Arc::from(file);
    let mut categories: Vec<IssueCategory> = Vec::new();
    let mut phrases = Vec::new();
    let mut open: Option<u32> = None;
    let mut previous_code: Option<String> = None;
    for line in lines(content, file, &mut diags) {
        let t = line.text.trim();
        let origin = Origin {
            file: file_arc.clone(),
            line: line.number,
        };
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("</ISSUE") {
            if open.take().is_none() {
                // Nothing is lost, so this is only a warning (the Phoenix file has one).
                diags.push(warn(
                    file,
                    &line,
                    "`</ISSUE>` without an open `<ISSUE ...>`",
                ));
            }
            previous_code = None;
            continue;
        }
        if upper.starts_with("<ISSUE") {
            if open.is_some() {
                diags.push(warn(
                    file,
                    &line,
                    "`<ISSUE ...>` inside an open block; the previous block is closed here",
                ));
            }
            let Some(name) = attribute(t, "CATEGORY") else {
                diags.push(err(file, &line, "expected `<ISSUE CATEGORY=\"NAME\" ...>`"));
                open = None;
                continue;
            };
            categories.push(IssueCategory {
                name,
                kind: attribute(t, "TYPE").unwrap_or_default(),
                origin,
            });
            open = Some(categories.len() as u32 - 1);
            previous_code = None;
            continue;
        }
        let (ignore, body) = if let Some(b) = t.strip_prefix("~~") {
            (Some(IgnoreKind::Double), b)
        } else if let Some(b) = t.strip_prefix('~') {
            (Some(IgnoreKind::Single), b)
        } else {
            (None, t)
        };
        let Some(brackets) = split_brackets(body, file, &line, &mut diags) else {
            continue;
        };
        if brackets.brackets.len() > 1 || brackets.rest {
            diags.push(err(
                file,
                &line,
                "an issue line is `phrase [CODE]`; found more after the code",
            ));
            continue;
        }
        let written = brackets.head.trim().to_string();
        if written.is_empty() {
            diags.push(err(file, &line, "expected an issue phrase"));
            continue;
        }
        let explicit = brackets.brackets.first().map(|b| b.body.trim().to_string());
        let (code, code_source) = if ignore.is_some() {
            if explicit.is_some() {
                diags.push(warn(
                    file,
                    &line,
                    "an ignore phrase takes no code; the code is ignored",
                ));
            }
            (None, IssueCodeSource::Explicit)
        } else if let Some(c) = explicit.filter(|c| !c.is_empty()) {
            previous_code = Some(c.clone());
            (Some(c), IssueCodeSource::Explicit)
        } else if let Some(c) = &previous_code {
            (Some(c.clone()), IssueCodeSource::Previous)
        } else if let Some(cat) = open.and_then(|i| categories.get(i as usize)) {
            (Some(cat.name.clone()), IssueCodeSource::Category)
        } else {
            diags.push(err(
                file,
                &line,
                "issue phrase has no `[CODE]` and is outside an `<ISSUE ...>` block",
            ));
            continue;
        };
        let Some(forms) = expand(&written, &line, file, &mut diags) else {
            continue;
        };
        phrases.push(IssuePhrase {
            written,
            forms,
            code,
            code_source,
            ignore,
            category: open,
            origin,
        });
    }
    if let Some(i) = open
        && let Some(cat) = categories.get(i as usize)
    {
        diags.push(Diagnostic::warning(
            file,
            Some(cat.origin.line),
            "`<ISSUE ...>` block is never closed with `</ISSUE>`",
        ));
    }
    (categories, phrases, diags)
}

/// The value of `NAME="value"` in a tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let upper = tag.to_ascii_uppercase();
    let at = upper.find(&format!("{name}="))? + name.len() + 1;
    let rest = tag.get(at..)?.trim_start();
    let value = match rest.strip_prefix('"') {
        Some(q) => q.split('"').next()?,
        None => rest.split(|c: char| c.is_whitespace() || c == '>').next()?,
    };
    (!value.is_empty()).then(|| value.to_string())
}

/// Expands `n:`, `v:` and `+` into every form, upper-case, words joined by one blank.
fn expand(
    text: &str,
    line: &SourceLine<'_>,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let mut forms = vec![String::new()];
    for token in text.split_whitespace() {
        let variants = expand_token(token);
        let mut next = Vec::with_capacity(forms.len() * variants.len());
        for f in &forms {
            for v in &variants {
                next.push(if f.is_empty() {
                    v.clone()
                } else {
                    format!("{f} {v}")
                });
            }
        }
        if next.len() > MAX_FORMS {
            diags.push(err(
                file,
                line,
                format!("issue phrase expands to more than {MAX_FORMS} forms"),
            ));
            return None;
        }
        forms = next;
    }
    forms.retain(|f| !f.is_empty());
    forms.dedup();
    Some(forms)
}

/// One token: `+` joins parts with a blank or a hyphen; each part may carry `n:` or `v:`.
fn expand_token(token: &str) -> Vec<String> {
    let parts: Vec<Vec<String>> = token
        .split('+')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let p = normalize_word(p).into_owned();
            if let Some(noun) = p.strip_prefix("N:") {
                vec![noun.to_string(), plural(noun)]
            } else if let Some(verb) = p.strip_prefix("V:") {
                let [s, ed, ing] = regular_verb_forms(verb);
                vec![verb.to_string(), s, ed, ing]
            } else {
                vec![p]
            }
        })
        .collect();
    let mut out: Vec<String> = vec![String::new()];
    for (i, part) in parts.iter().enumerate() {
        let seps: &[&str] = if i == 0 { &[""] } else { &[" ", "-"] };
        let mut next = Vec::new();
        for o in &out {
            for sep in seps {
                for v in part {
                    next.push(format!("{o}{sep}{v}"));
                }
            }
        }
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_forms(line: &str, expected: &[&str]) {
        let input = if line.contains('[') {
            format!("{line}\n")
        } else {
            format!("{line} [X]\n")
        };
        let (_, phrases, diags) = read_issue_entries(&input, "t");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(phrases[0].forms, expected, "{line}");
    }

    #[track_caller]
    fn check_text(list: &str, text: &str, expected: &[(&str, usize)], ignored: bool) {
        let (issues, diags) = read_issues(list, "t.issues.txt");
        assert!(diags.is_empty(), "{diags:?}");
        let got = issues.find(text);
        let counts: Vec<(&str, usize)> = got.counts.iter().map(|(c, n)| (c.as_str(), *n)).collect();
        assert_eq!(counts, expected, "{text}");
        assert_eq!(got.ignored, ignored, "{text}");
    }

    #[test]
    fn expansions() {
        check_forms("n:atrocity", &["ATROCITY", "ATROCITIES"]);
        check_forms(
            "ethnic v:purge",
            &[
                "ETHNIC PURGE",
                "ETHNIC PURGES",
                "ETHNIC PURGED",
                "ETHNIC PURGING",
            ],
        );
        check_forms(
            "al+zarqawi network",
            &["AL ZARQAWI NETWORK", "AL-ZARQAWI NETWORK"],
        );
        check_forms(
            "pre+n:school",
            &["PRE SCHOOL", "PRE SCHOOLS", "PRE-SCHOOL", "PRE-SCHOOLS"],
        );
        check_forms(
            "n:bachelor n:degree",
            &[
                "BACHELOR DEGREE",
                "BACHELOR DEGREES",
                "BACHELORS DEGREE",
                "BACHELORS DEGREES",
            ],
        );
        check_forms("touristry[TOURISM]", &["TOURISTRY"]);
    }

    const LIST: &str = "<ISSUE CATEGORY=\"ENERGY\" TYPE=\"ALL\">\noil [OIL]\nfuel oil [OIL]\n~olive oil\nnuclear n:reactor [NUCLEAR]\n</ISSUE>\n<ISSUE CATEGORY=\"EU\" TYPE=\"ALL\">\neu [EUROPEAN_UNION]\neurozone\n~~eu rope\n</ISSUE>\n<ISSUE CATEGORY=\"KIDNAP\" TYPE=\"COUNTEVENT\">\nv:kidnap\n</ISSUE>\n";

    #[test]
    fn codes_counts_and_whole_words() {
        check_text(
            LIST,
            "Fuel oil prices near nuclear reactors rose",
            &[("NUCLEAR", 1), ("OIL", 2)],
            false,
        );
        check_text(LIST, "Oilfields burned", &[], false);
        check_text(
            LIST,
            "The eurozone and the EU met",
            &[("EUROPEAN_UNION", 2)],
            false,
        );
        // `v:` makes the regular forms only (no consonant doubling, as documented).
        check_text(LIST, "He kidnaps people", &[("KIDNAP", 1)], false);
        check_text(LIST, "They kidnapped him", &[], false);
    }

    #[test]
    fn ignore_phrases_cancel_the_sentence() {
        check_text(LIST, "olive oil exports", &[], true);
        check_text(LIST, "EU rope makers", &[], true);
    }

    #[test]
    fn code_sources() {
        let (cats, p, _) = read_issue_entries(LIST, "t");
        assert_eq!(cats.len(), 3);
        assert_eq!(cats[2].kind, "COUNTEVENT");
        let by = |w: &str| p.iter().find(|x| x.written == w).unwrap();
        assert_eq!(by("eurozone").code.as_deref(), Some("EUROPEAN_UNION"));
        assert_eq!(by("eurozone").code_source, IssueCodeSource::Previous);
        assert_eq!(by("v:kidnap").code_source, IssueCodeSource::Category);
        assert_eq!(by("olive oil").ignore, Some(IgnoreKind::Single));
        assert_eq!(by("eu rope").ignore, Some(IgnoreKind::Double));
        assert_eq!(by("eu rope").origin.line, 10);
    }

    #[test]
    fn errors() {
        let (_, p, d) = read_issue_entries(
            "stray\n</ISSUE>\n<ISSUE TYPE=\"ALL\">\nx [A\ny [B] z\nok [C]\n",
            "t",
        );
        let lines: Vec<_> = d.iter().map(|d| d.line.unwrap_or(0)).collect();
        assert_eq!(lines, [1, 2, 3, 4, 5]);
        let severities: Vec<_> = d.iter().map(|d| d.severity).collect();
        use demarche_model::Severity::{Error, Warning};
        assert_eq!(severities, [Error, Warning, Error, Error, Error]);
        assert_eq!(p.len(), 1);
    }
}
