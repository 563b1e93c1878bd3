//! Reader for PETRARCH agent dictionaries (`*.agents.txt`).
//!
//! ```text
//! !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON      # a substitution set
//! ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]  # irregular plural, code after the actor's
//! TROOPS {} [~MIL]                                # no plural
//! HUMAN_RIGHTS_BODY [NGO~]                        # code before the actor's
//! CONGRESS!PERSON! [~LEG]                         # one form per set item, no plurals
//! ```
//!
//! Without `{...}` the regular plural of the last word is generated. Substitution sets may be
//! defined anywhere in the file (they are collected first).

use crate::actors::{err, split_brackets, warn};
use crate::model::*;
use crate::source::{SourceLine, lines};
use crate::words::{normalize_word, parse_phrase, plural_phrase};
use demarche_model::Diagnostic;
use std::collections::HashMap;
use std::sync::Arc;

/// Reads agent entries from `content` (named `file` in origins and diagnostics).
pub fn read_agents(content: &str, file: &str) -> (Vec<AgentEntry>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let file_arc: Arc<str> = Arc::from(file);
    let all = lines(content, file, &mut diags);
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut entry_lines = Vec::new();
    for line in &all {
        let t = line.text.trim();
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            read_substitution_set(t, line, file, &mut sets, &mut diags);
        } else {
            entry_lines.push(line);
        }
    }
    let mut entries = Vec::new();
    for line in entry_lines {
        if let Some(e) = read_agent_line(line, file, &file_arc, &sets, &mut diags) {
            entries.push(e);
        }
    }
    (entries, diags)
}

fn read_substitution_set(
    text: &str,
    line: &SourceLine<'_>,
    file: &str,
    sets: &mut HashMap<String, Vec<String>>,
    diags: &mut Vec<Diagnostic>,
) {
    let Some((marker, items)) = text.split_once('=') else {
        return;
    };
    let marker = marker.trim();
    let name = marker
        .strip_prefix('!')
        .and_then(|m| m.strip_suffix('!'))
        .filter(|m| !m.is_empty() && !m.contains('!'));
    let Some(name) = name else {
        diags.push(err(
            file,
            line,
            format!("substitution marker expected as `!NAME!`, found `{marker}`"),
        ));
        return;
    };
    // Spaces are stripped from the items, as the documentation says.
    let items: Vec<String> = items
        .split(',')
        .map(|i| normalize_word(&i.replace(char::is_whitespace, "")).into_owned())
        .filter(|i| !i.is_empty())
        .collect();
    if items.is_empty() {
        diags.push(err(file, line, "substitution set has no items after `=`"));
        return;
    }
    if sets
        .insert(normalize_word(name).into_owned(), items)
        .is_some()
    {
        diags.push(warn(
            file,
            line,
            format!("substitution set `!{name}!` defined again; the later definition is used"),
        ));
    }
}

fn read_agent_line(
    line: &SourceLine<'_>,
    file: &str,
    file_arc: &Arc<str>,
    sets: &HashMap<String, Vec<String>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<AgentEntry> {
    let text = line.text.trim();
    let brackets = split_brackets(text, file, line, diags)?;
    let bracket = match brackets.brackets.as_slice() {
        [b] => b,
        [] => {
            diags.push(err(
                file,
                line,
                "expected an agent code `[~CODE]` or `[CODE~]` after the phrase",
            ));
            return None;
        }
        [_, b, ..] => {
            diags.push(
                err(file, line, "an agent line has one code; found a second `[`")
                    .with_column(b.column),
            );
            return None;
        }
    };
    if brackets.rest {
        diags.push(warn(
            file,
            line,
            "text after the code is not part of the format; ignored",
        ));
    }
    let body = bracket.body.trim();
    let (code, placement) = if let Some(c) = body.strip_prefix('~') {
        (c.trim(), AgentPlacement::Suffix)
    } else if let Some(c) = body.strip_suffix('~') {
        (c.trim(), AgentPlacement::Prefix)
    } else {
        diags.push(
            err(
                file,
                line,
                format!("agent code expected as `~CODE` or `CODE~`, found `{body}`"),
            )
            .with_column(bracket.column),
        );
        return None;
    };
    if code.is_empty() || code.contains(|c: char| c.is_whitespace() || c == '~') {
        diags.push(
            err(
                file,
                line,
                format!("agent code expected without blanks, found `{body}`"),
            )
            .with_column(bracket.column),
        );
        return None;
    }
    // Split the head into the phrase and an optional `{plural}`.
    let head = brackets.head;
    let (phrase_text, plural) = match (head.find('{'), head.find('}')) {
        (None, None) => (head, None),
        (Some(o), Some(c)) if o < c && head[c + 1..].trim().is_empty() => {
            (&head[..o], Some(head[o + 1..c].trim()))
        }
        (Some(o), _) => {
            diags.push(
                err(file, line, "unbalanced `{`: expected `}` before the code").with_column(o + 1),
            );
            return None;
        }
        (None, Some(c)) => {
            diags.push(err(file, line, "unbalanced `}`: no `{` before it").with_column(c + 1));
            return None;
        }
    };
    let written = phrase_text.trim().to_string();
    if written.is_empty() {
        diags.push(err(file, line, "expected an agent phrase before the code"));
        return None;
    }
    let mut forms = Vec::new();
    if written.contains('!') {
        let expanded = expand_markers(&written, sets, file, line, diags)?;
        // Every item is substituted "with no additional plural formation".
        forms.extend(expanded.iter().map(|t| parse_phrase(t)));
    } else {
        let singular = parse_phrase(&written);
        match plural {
            None => forms.extend(plural_phrase(&singular)),
            Some("") => {}
            Some(p) => forms.push(parse_phrase(p)),
        }
        forms.insert(0, singular);
    }
    forms.retain(|f| !f.is_empty());
    Some(AgentEntry {
        written,
        forms,
        code: code.to_string(),
        placement,
        origin: Origin {
            file: file_arc.clone(),
            line: line.number,
        },
    })
}

/// Replaces every `!NAME!` by each item of its set (all combinations when there are several).
fn expand_markers(
    text: &str,
    sets: &HashMap<String, Vec<String>>,
    file: &str,
    line: &SourceLine<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let mut results = vec![String::new()];
    let mut rest = text;
    while let Some(open) = rest.find('!') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('!') else {
            diags.push(err(
                file,
                line,
                "unbalanced `!`: substitution marker expected as `!NAME!`",
            ));
            return None;
        };
        let name = normalize_word(&after[..close]).into_owned();
        let Some(items) = sets.get(&name) else {
            diags.push(err(
                file,
                line,
                format!("substitution set `!{name}!` is not defined"),
            ));
            return None;
        };
        let prefix = &rest[..open];
        results = results
            .iter()
            .flat_map(|r| items.iter().map(move |i| format!("{r}{prefix}{i}")))
            .collect();
        rest = &after[close + 1..];
    }
    for r in &mut results {
        r.push_str(rest);
    }
    Some(results)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected_diags: &[&str]) -> Vec<AgentEntry> {
        let (entries, diags) = read_agents(input, "t.agents.txt");
        crate::source::assert_diagnostics(&diags, expected_diags);
        entries
    }

    fn forms(e: &AgentEntry) -> Vec<String> {
        e.forms.iter().map(|f| f.words.join(" ")).collect()
    }

    #[test]
    fn regular_plural_and_suffix_code() {
        let e = check("PRESIDENT [~GOVPRS] # ns 6/26/01\n", &[]);
        assert_eq!(forms(&e[0]), ["PRESIDENT", "PRESIDENTS"]);
        assert_eq!(e[0].code, "GOVPRS");
        assert_eq!(e[0].placement, AgentPlacement::Suffix);
        assert_eq!(e[0].apply_to("USA"), "USAGOVPRS");
    }

    #[test]
    fn prefix_code_with_blanks_inside_brackets() {
        let e = check(
            "HUMAN_RIGHTS_ORGANIZATION  [  NGO~]\nPOLICE {} [ ~COP]\n",
            &[],
        );
        assert_eq!(e[0].placement, AgentPlacement::Prefix);
        assert_eq!(e[0].apply_to("USA"), "NGOUSA");
        assert_eq!(forms(&e[1]), ["POLICE"]);
        assert_eq!(e[1].code, "COP");
    }

    #[test]
    fn irregular_plural() {
        let e = check("ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\n", &[]);
        assert_eq!(forms(&e[0]), ["ATTORNEY GENERAL", "ATTORNEYS GENERAL"]);
    }

    #[test]
    fn plural_of_words_ending_in_y_and_ss() {
        let e = check("AUTHORITY [~GOV]\nCONGRESS [~LEG]\n", &[]);
        assert_eq!(forms(&e[0]), ["AUTHORITY", "AUTHORITIES"]);
        assert_eq!(forms(&e[1]), ["CONGRESS", "CONGRESSES"]);
    }

    #[test]
    fn substitution_sets_expand_without_plurals() {
        let e = check(
            "CONGRESS!PERSON! [~LEG]\n!PERSON! = MAN, MEN , WOMAN\n!MINST! = MINISTER, MINISTRY\n!MINST!_OF_SILLY_WALKS [~GOV]\n",
            &[],
        );
        assert_eq!(
            forms(&e[0]),
            ["CONGRESSMAN", "CONGRESSMEN", "CONGRESSWOMAN"]
        );
        assert_eq!(
            forms(&e[1]),
            ["MINISTER OF SILLY WALKS", "MINISTRY OF SILLY WALKS"]
        );
        assert_eq!(e[1].origin.line, 4);
    }

    #[test]
    fn no_space_before_bracket() {
        let e = check("!PERSON! = MAN\nHUSBAND!PERSON![~AGR]\n", &[]);
        assert_eq!(forms(&e[0]), ["HUSBANDMAN"]);
    }

    #[test]
    fn errors_name_the_problem() {
        let e = check(
            "A [GOV]\nB\nC [~X] [~Y]\nD {DS [~X]\nE!NOPE! [~X]\nF [~]\nG [~Z]\n",
            &[
                "1:E:agent code expected as `~CODE` or `CODE~`",
                "2:E:expected an agent code",
                "3:E:an agent line has one code",
                "4:E:unbalanced `{`",
                "5:E:substitution set `!NOPE!` is not defined",
                "6:E:agent code expected without blanks",
            ],
        );
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].code, "Z");
    }

    #[test]
    fn unbalanced_bracket_then_next_line_loads() {
        let e = check("TROOP {} [~MIL\nSOLDIER [~MIL]\n", &["1:E:unbalanced `[`"]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].origin.line, 2);
    }
}
