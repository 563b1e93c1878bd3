//! Reader for our discard list (`discards*.txt`): `sentence: phrase` or `story: phrase`; a
//! trailing `*` makes the phrase a stem (`batsman*` also matches "batsmanship").

use super::text::{FileCtx, lines, name_words};
use crate::model::*;
use demarche_model::Diagnostic;

pub(crate) fn read_discard_file(
    file: &str,
    content: &str,
    out: &mut Vec<DiscardEntry>,
    diags: &mut Vec<Diagnostic>,
) {
    let ctx = FileCtx::new(file);
    for line in lines(content) {
        let (scope, rest) = if let Some(r) = line.text.strip_prefix("sentence:") {
            (DiscardScope::Sentence, r)
        } else if let Some(r) = line.text.strip_prefix("story:") {
            (DiscardScope::Story, r)
        } else {
            diags.push(ctx.error(
                line.number,
                "expected `sentence: phrase` or `story: phrase`",
            ));
            continue;
        };
        let rest = rest.trim();
        let (phrase, whole_word) = match rest.strip_suffix('*') {
            Some(stem) => (stem.trim_end(), false),
            None => (rest, true),
        };
        let words = name_words(phrase);
        if words.is_empty() {
            diags.push(ctx.error(line.number, "expected a phrase after the `:`"));
            continue;
        }
        out.push(DiscardEntry {
            text: words.join(" "),
            scope,
            whole_word,
            origin: ctx.origin(line.number),
        });
    }
}
