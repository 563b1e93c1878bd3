//! Reader for our agents file (`agents*.txt`): `CODE = name | name (plural) | name (-)`, or
//! `prefix CODE = ...` for a code written before the actor's (`NGO` + `USA`).

use super::text::{FileCtx, lines, name_words};
use crate::model::*;
use crate::words::plural_phrase;
use demarche_model::Diagnostic;

pub(crate) fn read_agent_file(
    file: &str,
    content: &str,
    out: &mut Vec<AgentEntry>,
    diags: &mut Vec<Diagnostic>,
) {
    let ctx = FileCtx::new(file);
    for line in lines(content) {
        if line.indented {
            diags.push(ctx.error(
                line.number,
                "unexpected indented line; an agent line is `CODE = name | name` at the start of the line",
            ));
            continue;
        }
        let Some((head, names)) = line.text.split_once('=') else {
            diags.push(ctx.error(line.number, "expected `CODE = name | name`, found no `=`"));
            continue;
        };
        let head = head.trim();
        let (placement, code) = match head.strip_prefix("prefix ") {
            Some(c) => (AgentPlacement::Prefix, c.trim()),
            None => (AgentPlacement::Suffix, head),
        };
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_uppercase()) {
            diags.push(ctx.error(
                line.number,
                format!("expected an agent code of capital letters (`GOV`, `MIL`) before `=`, found `{code}`"),
            ));
            continue;
        }
        for name in names.split('|') {
            let name = name.trim();
            let (singular, plural) = match name.split_once('(') {
                Some((s, p)) => {
                    let Some(p) = p.trim().strip_suffix(')') else {
                        diags.push(ctx.error(line.number, format!("unbalanced `(` in `{name}`; expected `(plural)` at the end of the name")));
                        continue;
                    };
                    (s.trim(), Some(p.trim()))
                }
                None => (name, None),
            };
            let words = name_words(singular);
            if words.is_empty() {
                diags.push(ctx.error(line.number, "empty name between `|`; expected a name"));
                continue;
            }
            let singular_phrase = Phrase::from_words(words);
            let mut forms = vec![singular_phrase.clone()];
            match plural {
                Some("-") => {}
                Some("") => {
                    diags.push(ctx.error(
                        line.number,
                        format!(
                            "empty `()` after `{singular}`; write the plural, or `(-)` for none"
                        ),
                    ));
                    continue;
                }
                Some(p) => forms.push(Phrase::from_words(name_words(p))),
                None => forms.extend(plural_phrase(&singular_phrase)),
            }
            out.push(AgentEntry {
                written: name.to_string(),
                forms,
                code: code.to_string(),
                placement,
                origin: ctx.origin(line.number),
            });
        }
    }
}
