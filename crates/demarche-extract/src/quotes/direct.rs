//! Direct quotations: text between quotation marks, the sentences that open and close it, and
//! how its speaker is found ("quoting him as calling …", a quotation that goes on).

use super::attribution::{attributions, np_attribution, verb_span};
use super::content::trimmed;
use super::reporters::as_after;
use super::subject::np_after;
use super::{Attribution, word};
use crate::entities::{Entities, SentenceTokens};
use crate::lexicon::{self, Class};
use crate::tokens::Tok;
use demarche_model::Span;

/// A direct quotation's span and the sentences that open and close it.
pub(super) struct Direct {
    pub(super) inner: Span,
    pub(super) open: usize,
    pub(super) close: usize,
    pub(super) words: usize,
}

/// Quotations between “…” or "…" (at least one word), with the sentences they open and close
/// in.
pub(super) fn direct_spans(text: &str, sentences: &[SentenceTokens]) -> Vec<Direct> {
    let sentence_of = |pos: usize| {
        let i = sentences.partition_point(|s| s.span.start <= pos);
        i.checked_sub(1)
            .filter(|&i| sentences.get(i).is_some_and(|s| pos <= s.span.end))
    };
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (b, c) in text.char_indices() {
        match (open, c) {
            (None, '“') => open = Some((b + c.len_utf8(), '”')),
            (None, '"') => open = Some((b + 1, '"')),
            (Some((start, close)), ch) if ch == close => {
                open = None;
                let Some(inner) = trimmed(text, Span::new(start, b)) else {
                    continue;
                };
                let words = inner.slice(text).unwrap_or("").split_whitespace().count();
                if let (Some(o), Some(c)) = (sentence_of(start), sentence_of(b)) {
                    out.push(Direct {
                        inner,
                        open: o,
                        close: c,
                        words,
                    });
                }
            }
            // A new paragraph closes an unbalanced quotation mark.
            (Some(_), '\n') if text.get(b + 1..).is_some_and(|r| r.starts_with('\n')) => {
                open = None
            }
            _ => {}
        }
    }
    out
}

/// "…, quoting him as calling the test "a stern warning"": the quoted person speaks (a pronoun
/// is the last person named before it in the sentence) and the sentence's main subject relays.
pub(super) fn quoting_before(
    text: &str,
    toks: &[Tok],
    quote_start: usize,
    entities: &Entities,
) -> Option<(Attribution, Vec<Attribution>)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let q = toks.iter().position(|t| t.span.start >= quote_start)?;
    // "quoting NP as VERBing [object]" within twelve tokens before the quotation, or further
    // with a title in apposition to NP ("quoting X, a vice director of …, as saying").
    let k = (q.saturating_sub(28)..q)
        .rev()
        .find(|&k| w(k).eq_ignore_ascii_case("quoting"))?;
    let np = np_after(text, toks, k + 1, entities)?;
    let at = as_after(text, toks, np.e)?;
    if (if at == np.e { k } else { at }) + 12 < q {
        return None;
    }
    let verb = verb_span(text, toks, k)?;
    let mut speaker = np_attribution(text, toks, &np, verb, entities)?;
    if speaker.entity.is_none() && lexicon::is_person_pronoun(&speaker.text.to_lowercase()) {
        let at = toks.get(np.s)?.span.start;
        let e = entities.last_before(at, true)?;
        speaker.entity = Some(e);
        speaker.name = entities.name(e).map(str::to_string);
    }
    // The main attribution of the sentence relays.
    let main = attributions(text, toks, entities, false)
        .into_iter()
        .find(|f| f.v < k)?;
    let mverb = verb_span(text, toks, main.v)?;
    let reporter = np_attribution(text, toks, &main.subject, mverb, entities)?;
    Some((speaker, vec![reporter]))
}

/// Whether the text between a quotation and its attribution holds closing marks only, or
/// closing marks and a description in apposition to the speaker (`"…," its spokesman, Khalid
/// …, told`).
pub(super) fn closing_gap(gap: &str) -> bool {
    let closing = |c: char| c.is_whitespace() || ",.!?\"”’'".contains(c);
    let rest = gap.trim_start_matches(closing);
    if rest.is_empty() {
        return true;
    }
    // Rule rank-in-gap: a rank or a form of address that the speaker's name leaves out may end
    // the gap (`"…," the director of the city hospital, Dr Omar Haddad, told`; `"…," Dr X said`).
    let rest = rest.trim_end();
    let rest = match rest.rsplit_once(',') {
        Some((head, tail)) if is_address(tail) => {
            if head.trim().is_empty() {
                return true;
            }
            &rest[..head.len() + 1]
        }
        None if is_address(rest) => return true,
        _ => rest,
    };
    let Some(description) = rest.strip_suffix(',') else {
        return false;
    };
    // Rule acronym-in-gap: the description may name an organisation with its acronym in
    // brackets (`"…," the spokesman for the Provincial Disaster Management Authority (PDMA),
    // X, told reporters`); the bracketed acronym is read as one more word.
    let description = without_acronyms(description);
    let description = description.as_str();
    let words: Vec<&str> = description.split_whitespace().collect();
    // Up to a dozen words: "the head of the Red Crescent's rescue unit in the province,".
    words.len() <= 12
        && words.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "its" | "his" | "her" | "their" | "the" | "a" | "an"
            )
        })
        && description
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "-'.".contains(c))
}

/// The description with each bracketed acronym ("(PDMA)", "(Conred)": one word of two to
/// twelve letters or digits that opens with a capital) left out, brackets and all; any other
/// bracket is kept, so the description still fails the gap's test.
fn without_acronyms(description: &str) -> String {
    let mut out = String::with_capacity(description.len());
    let mut rest = description;
    while let Some(open) = rest.find('(') {
        let inner_end = rest[open..].find(')').map(|c| open + c);
        let acronym = inner_end.map(|end| &rest[open + 1..end]).filter(|a| {
            (2..=12).contains(&a.len())
                && a.starts_with(|c: char| c.is_ascii_uppercase())
                && a.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
        match (acronym, inner_end) {
            (Some(_), Some(end)) => {
                out.push_str(&rest[..open]);
                rest = &rest[end + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether the words are one to three ranks, forms of address or capitalised titles ("Dr",
/// "Lt. Col.", "Colonel", "Governor").
fn is_address(words: &str) -> bool {
    let n = words.split_whitespace().count();
    (1..=3).contains(&n)
        && words.split_whitespace().all(|w| {
            let bare = w.trim_end_matches('.');
            [Class::Rank, Class::Honorific]
                .into_iter()
                .any(|c| lexicon::has(c, w) || lexicon::has(c, bare))
                || bare.starts_with(char::is_uppercase) && crate::titles::is_role(bare)
        })
}

/// Whether the direct quotation `d` goes on from the one at `prev`, which closed in sentence
/// `close`: `d` opens the next sentence, in the same paragraph, with only the rest of the
/// earlier sentence's attribution between them.
pub(super) fn continues(
    text: &str,
    sentences: &[SentenceTokens],
    close: usize,
    prev: Span,
    d: &Direct,
) -> bool {
    let opens_sentence = sentences.get(d.open).is_some_and(|st| {
        text.get(st.span.start..d.inner.start)
            .is_some_and(|gap| gap.chars().all(|c| c.is_whitespace() || "\"“".contains(c)))
    });
    let same_paragraph = text
        .get(prev.end..d.inner.start)
        .is_some_and(|gap| !gap.contains("\n\n"));
    d.open == close + 1 && opens_sentence && same_paragraph
}
