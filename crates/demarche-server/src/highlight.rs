//! Evidence highlighting: cuts a sentence into plain and marked pieces from the source, verb
//! and target spans of a mention.
//!
//! The server does this once, in Rust, so every client (the dashboard, a script, a test) gets
//! the same pieces and none has to reimplement byte-span slicing over UTF-8 in JavaScript,
//! whose strings count UTF-16 units. Spans that do not fit the sentence (out of bounds, not on
//! a character boundary, empty) are left out rather than guessed at, and so are spans that
//! overlap one already placed: the evidence is shown as given or not at all.

use demarche_model::Span;
use serde::Serialize;

/// The part a marked piece of a sentence plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Source,
    Verb,
    Target,
}

/// A piece of a sentence: plain text (`role` absent) or the text under one evidence span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
}

/// Splits `sentence` into segments. The concatenation of the segments' texts is always the
/// whole sentence.
pub fn segments(
    sentence: &str,
    source: Option<Span>,
    verb: Option<Span>,
    target: Option<Span>,
) -> Vec<Segment> {
    let mut marks: Vec<(Span, Role)> = [
        (source, Role::Source),
        (verb, Role::Verb),
        (target, Role::Target),
    ]
    .into_iter()
    .filter_map(|(span, role)| span.map(|s| (s, role)))
    .filter(|(span, _)| !span.is_empty() && span.slice(sentence).is_some())
    .collect();
    // Earlier spans first; at equal starts the longer one wins, then the role order, so the
    // result does not depend on the order the coder listed its spans in.
    marks.sort_by_key(|(span, role)| (span.start, std::cmp::Reverse(span.end), *role));
    let mut out = Vec::new();
    let mut at = 0;
    for (span, role) in marks {
        if span.start < at {
            continue; // overlaps a span already placed
        }
        if let Some(plain) = sentence.get(at..span.start).filter(|t| !t.is_empty()) {
            out.push(Segment {
                text: plain.to_string(),
                role: None,
            });
        }
        if let Some(marked) = span.slice(sentence) {
            out.push(Segment {
                text: marked.to_string(),
                role: Some(role),
            });
            at = span.end;
        }
    }
    if let Some(rest) = sentence.get(at..).filter(|t| !t.is_empty()) {
        out.push(Segment {
            text: rest.to_string(),
            role: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders segments as `[role:text]` for marked pieces, plain text otherwise.
    fn render(segs: &[Segment]) -> String {
        segs.iter()
            .map(|s| match s.role {
                Some(Role::Source) => format!("[src:{}]", s.text),
                Some(Role::Verb) => format!("[verb:{}]", s.text),
                Some(Role::Target) => format!("[tgt:{}]", s.text),
                None => s.text.clone(),
            })
            .collect()
    }

    #[track_caller]
    fn check(sentence: &str, spans: [Option<(usize, usize)>; 3], expected: &str) {
        let [s, v, t] = spans.map(|o| o.map(|(a, b)| Span::new(a, b)));
        let segs = segments(sentence, s, v, t);
        assert_eq!(render(&segs), expected);
        let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(joined, sentence, "segments must cover the sentence exactly");
    }

    #[test]
    fn marks_source_verb_target_in_order() {
        check(
            "China praised Russia on Thursday.",
            [Some((0, 5)), Some((6, 13)), Some((14, 20))],
            "[src:China] [verb:praised] [tgt:Russia] on Thursday.",
        );
    }

    #[test]
    fn spans_listed_out_of_order_still_render_in_text_order() {
        // Passive voice: the target comes before the verb and the source.
        check(
            "Kyiv was shelled by Russian forces.",
            [Some((20, 34)), Some((9, 16)), Some((0, 4))],
            "[tgt:Kyiv] was [verb:shelled] by [src:Russian forces].",
        );
    }

    #[test]
    fn bad_spans_are_left_out_not_guessed() {
        let s = "Putin’s envoy met Xi.";
        // 0..6 ends inside the three-byte apostrophe; 18..99 is out of bounds; 14..14 is empty.
        check(s, [Some((0, 6)), Some((14, 14)), Some((18, 99))], s);
        check(s, [None, None, None], s);
    }

    #[test]
    fn overlapping_spans_keep_the_first_and_longest() {
        check(
            "The Russian government condemned it.",
            [Some((4, 22)), Some((23, 32)), Some((4, 11))],
            "The [src:Russian government] [verb:condemned] it.",
        );
    }

    #[test]
    fn empty_sentence_gives_no_segments() {
        assert!(segments("", Some(Span::new(0, 0)), None, None).is_empty());
    }
}
