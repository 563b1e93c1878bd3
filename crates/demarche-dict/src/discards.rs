//! Reader for PETRARCH discard lists (`*.discards.txt`).
//!
//! One phrase a line; a leading `+` discards the whole story instead of the sentence; a
//! trailing `_` demands that the match end at a word boundary (otherwise the phrase is a stem).
//! Matching is case-insensitive and done on sentence text by [`crate::DiscardList::find`].

use crate::actors::err;
use crate::model::*;
use crate::source::lines;
use crate::words::parse_phrase;
use demarche_model::Diagnostic;
use std::sync::Arc;

/// Reads discard entries from `content` (named `file` in origins and diagnostics).
pub fn read_discards(content: &str, file: &str) -> (Vec<DiscardEntry>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let file_arc: Arc<str> = Arc::from(file);
    let mut entries = Vec::new();
    for line in lines(content, file, &mut diags) {
        let t = line.text.trim();
        let (scope, phrase_text) = match t.strip_prefix('+') {
            Some(rest) => (DiscardScope::Story, rest.trim()),
            None => (DiscardScope::Sentence, t),
        };
        if phrase_text.contains(['[', ']']) {
            diags.push(err(
                file,
                &line,
                "a discard line is a phrase; unexpected `[` or `]` (discard codes such as `[###]` are TABARI's, not PETRARCH's)",
            ));
            continue;
        }
        let phrase = parse_phrase(phrase_text);
        if phrase.is_empty() {
            diags.push(err(file, &line, "expected a phrase after `+`"));
            continue;
        }
        entries.push(DiscardEntry {
            text: phrase.words.join(" "),
            scope,
            whole_word: phrase.exact_end,
            origin: Origin {
                file: file_arc.clone(),
                line: line.number,
            },
        });
    }
    (entries, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DiscardList;

    #[track_caller]
    fn check(list: &str, text: &str, expected: Option<(&str, DiscardScope)>) {
        let (entries, diags) = read_discards(list, "t.discards.txt");
        assert!(diags.is_empty(), "{diags:?}");
        let d = DiscardList::from_entries(entries);
        let got = d.first(text).map(|(e, _)| (e.text.as_str(), e.scope));
        assert_eq!(got, expected, "{text:?}");
    }

    const LIST: &str = "# header\n+World Golf Championships   # pas\nBASEBALL\nBATSMAN_\n+ TYPHOON\nMONTHS LATER\n";

    #[test]
    fn story_and_sentence_scope() {
        check(
            LIST,
            "He won the World Golf Championships.",
            Some(("WORLD GOLF CHAMPIONSHIPS", DiscardScope::Story)),
        );
        check(
            LIST,
            "A typhoon hit.",
            Some(("TYPHOON", DiscardScope::Story)),
        );
        check(
            LIST,
            "Months later, peace.",
            Some(("MONTHS LATER", DiscardScope::Sentence)),
        );
    }

    #[test]
    fn stems_match_longer_words_unless_underscored() {
        check(
            LIST,
            "baseballs everywhere",
            Some(("BASEBALL", DiscardScope::Sentence)),
        );
        check(LIST, "the batsmanship", None);
        check(
            LIST,
            "the batsman, again",
            Some(("BATSMAN", DiscardScope::Sentence)),
        );
    }

    #[test]
    fn phrase_must_start_a_word() {
        check(LIST, "minibaseball", None);
        check(LIST, "Peace came.", None);
    }

    #[test]
    fn origins_and_errors() {
        let (e, d) = read_discards("A\n[###]\nB\n+\n", "t");
        assert_eq!(e.iter().map(|e| e.origin.line).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(
            d.iter().map(|d| d.line).collect::<Vec<_>>(),
            [Some(2), Some(4)]
        );
    }
}
