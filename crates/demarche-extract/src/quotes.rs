//! Quotations, direct and indirect, with their speaker and the chain of who reported them.
//!
//! An attribution is a subject followed by a speech verb (adverbs such as "further" may sit in
//! between: "Zhao further noted"), or a speech verb followed by its subject after a comma
//! ("…, said Zhao"). In each sentence:
//! - a **leading** attribution opens the sentence or a clause after a comma and is followed by
//!   its content: "Zhao told the media that …", "Putin said that …";
//! - a **trailing** attribution closes the sentence after a comma, followed at most by adjuncts:
//!   "…, Zhao said on Friday.", "…, Russian news agency TASS reported.";
//! - with both, the leading subject is the speaker and the trailing one the reporter:
//!   "Putin said that …, TASS reported." → speaker Putin, reported by TASS. A leading subject
//!   that is no known person or organisation ("the two sides reiterated that …, Zhao noted")
//!   stays inside the content of the trailing speaker;
//! - with neither, "According to X, …" or "…, according to X." makes X the source.
//!
//! Direct quotations are text between double quotation marks with at least four words; their
//! speaker is the attribution found in the sentence that closes (or else opens) the quotation.

use crate::entities::{Entities, EntityRef, SentenceTokens};
use crate::lexicon::{self, Class, VerbClass, has, is_in};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;
use serde::Serialize;

/// Whether the quotation gives the speaker's words or reports them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Direct,
    Indirect,
}

/// Who said (or reported) something, with the verb used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// The subject as written ("The Russian president", "media reports").
    pub text: String,
    pub span: Span,
    pub verb: String,
    pub verb_span: Span,
    /// The person or organisation the subject refers to, when it is one we know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<EntityRef>,
    /// That entity's name ("Vladimir Putin" for "The Russian president").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// A quotation: what was said, by whom, and who reported it (nearest reporter first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quotation {
    pub kind: QuoteKind,
    pub span: Span,
    pub text: String,
    pub speaker: Attribution,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub reported_by: Vec<Attribution>,
}

fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    t.span.slice(text).unwrap_or("")
}

/// Objects of "told" before its content: "told the media that".
const HEARERS: &[&str] = &[
    "the",
    "media",
    "reporters",
    "journalists",
    "press",
    "a",
    "news",
    "conference",
    "briefing",
    "parliament",
    "lawmakers",
    "audience",
    "us",
    "him",
    "her",
    "them",
];

/// Words that may start what follows a closing attribution: "…, Zhao said on Friday."
const TRAILING_STARTERS: &[&str] = &[
    "on",
    "at",
    "in",
    "during",
    "after",
    "before",
    "to",
    "while",
    "when",
    "from",
    "last",
    "this",
    "earlier",
    "later",
    "yesterday",
    "today",
    "late",
    "early",
    "according",
    "as",
    "via",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tonight",
    "overnight",
];

struct Found {
    /// Token indices: subject `s..e`, verb `v`.
    s: usize,
    e: usize,
    v: usize,
    entity: Option<(Span, EntityRef)>,
}

fn is_boundary(text: &str, t: &Tok) -> bool {
    matches!(
        word(text, t),
        "," | ";" | "“" | "”" | "\"" | "–" | "—" | ":"
    )
}

/// The subject before the speech verb at `v`: an entity mention ending right before it (after
/// skipping adverbs), else the words back to the previous comma or the sentence start.
fn subject_before(text: &str, toks: &[Tok], v: usize, entities: &Entities) -> Option<Found> {
    let mut e = v;
    while e > 0
        && toks
            .get(e - 1)
            .is_some_and(|t| has(Class::SpeechAdverb, word(text, t)))
    {
        e -= 1;
    }
    let last = toks.get(e.checked_sub(1)?)?;
    if word(text, last) == "," {
        return appositive_subject(text, toks, e - 1, v, entities);
    }
    // "… and said", "… who said": the subject is elsewhere; no attribution is guessed.
    if last.kind == TokenKind::Punct
        || matches!(
            word(text, last),
            "and" | "but" | "or" | "who" | "which" | "that"
        )
    {
        return None;
    }
    // The noun phrase runs back to a boundary, at most twelve words.
    let mut s = e - 1;
    while s > 0
        && e - s < 12
        && toks.get(s - 1).is_some_and(|t| {
            !is_boundary(text, t) && !matches!(word(text, t), "that" | "and" | "but" | "while")
        })
    {
        s -= 1;
    }
    // The entity the noun phrase ends with ("… spokesperson Zhao Lijian"), else the last person
    // or organisation named inside it ("the state-run IRNA news agency").
    let not_place = |(_, r): &(Span, EntityRef)| !matches!(r, EntityRef::Place(_));
    let entity = entities
        .ending_at(last.span.end)
        .filter(not_place)
        .or_else(|| {
            let np_start = toks.get(s).map_or(last.span.start, |t| t.span.start);
            entities.last_within(Span::new(np_start, last.span.end))
        });
    Some(Found { s, e, v, entity })
}

/// "Anna Lind, a senior adviser to the government, said …": the subject is the name before an
/// apposition that ends with the comma at token `comma`.
fn appositive_subject(
    text: &str,
    toks: &[Tok],
    comma: usize,
    v: usize,
    entities: &Entities,
) -> Option<Found> {
    let open = (comma.saturating_sub(16)..comma)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| word(text, t) == ","))?;
    let first = toks.get(open + 1).map(|t| word(text, t).to_lowercase())?;
    // "Zhao Lijian, a spokesperson …," or "Olaf Scholz, speaking in Berlin,".
    let describes = matches!(first.as_str(), "a" | "an" | "the")
        || (first.ends_with("ing") && first.len() > 4)
        || crate::lexicon::has(crate::lexicon::Class::Role, &first)
        || crate::lexicon::has(crate::lexicon::Class::RoleModifier, &first)
        || crate::lexicon::nationality(toks.get(open + 1).map_or("", |t| word(text, t))).is_some();
    if !describes || open == 0 {
        return None;
    }
    let name_end = toks.get(open - 1)?;
    let (span, r) = entities
        .ending_at(name_end.span.end)
        .filter(|(_, r)| !matches!(r, EntityRef::Place(_)))?;
    let s = toks.iter().position(|t| t.span.start == span.start)?;
    Some(Found {
        s,
        e: open,
        v,
        entity: Some((span, r)),
    })
}

/// Finds every attribution (subject + speech verb) in a sentence, in order.
fn attributions(text: &str, toks: &[Tok], entities: &Entities) -> Vec<Found> {
    let mut out = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        let w = word(text, t);
        if !lexicon::verb_has(VerbClass::Speech, w) {
            continue;
        }
        if w.eq_ignore_ascii_case("pointed")
            && toks.get(v + 1).is_none_or(|n| word(text, n) != "out")
        {
            continue;
        }
        // Inverted: "…, said Zhao Lijian."
        let after_comma = v > 0
            && toks
                .get(v - 1)
                .is_some_and(|p| matches!(word(text, p), "," | "”" | "\""));
        let inverted = toks
            .get(v + 1)
            .and_then(|next| entities.starting_at(next.span.start))
            .filter(|(_, r)| !matches!(r, EntityRef::Place(_)));
        if let (true, Some((span, r))) = (after_comma, inverted) {
            let e = toks
                .iter()
                .position(|x| x.span.end == span.end)
                .map_or(v + 2, |k| k + 1);
            out.push(Found {
                s: v + 1,
                e,
                v,
                entity: Some((span, r)),
            });
            continue;
        }
        if let Some(f) = subject_before(text, toks, v, entities) {
            out.push(f);
        }
    }
    out
}

fn attribution(text: &str, toks: &[Tok], f: &Found, entities: &Entities) -> Option<Attribution> {
    let verb_tok = toks.get(f.v)?;
    let verb_span = if word(text, verb_tok).eq_ignore_ascii_case("pointed") {
        toks.get(f.v + 1)
            .map_or(verb_tok.span, |n| verb_tok.span.cover(n.span))
    } else {
        verb_tok.span
    };
    let span = match f.entity {
        Some((sp, _)) if f.s > f.v => sp,
        _ => {
            let a = toks.get(f.s)?;
            let b = toks.get(f.e.checked_sub(1)?)?;
            Span::new(a.span.start, b.span.end)
        }
    };
    let entity = f.entity.map(|(_, r)| r);
    Some(Attribution {
        text: span.slice(text)?.to_string(),
        span,
        verb: verb_span.slice(text)?.to_string(),
        verb_span,
        entity,
        name: entity.and_then(|r| entities.name(r)).map(str::to_string),
    })
}

fn trimmed(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text)?;
    let is_trim = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':');
    let lead = s.len() - s.trim_start_matches(is_trim).len();
    let body = s.trim_matches(is_trim);
    if body.is_empty() {
        return None;
    }
    let start = span.start + lead;
    Some(Span::new(start, start + body.len()))
}

/// Drops a leading dateline such as "Global Times (20 November 2021) – " from a content span.
fn without_dateline(text: &str, span: Span) -> Span {
    let Some(s) = span.slice(text) else {
        return span;
    };
    for dash in [") – ", ") — ", ") - "] {
        let found = s.find(dash).filter(|&i| i < 90);
        if let Some(i) = found.filter(|&i| s.get(..i).is_some_and(|h| !h.contains('.'))) {
            return Span::new(span.start + i + dash.len(), span.end);
        }
    }
    span
}

/// Whether the attribution at `f` closes the sentence: after a comma, followed by adjuncts only.
fn is_trailing(text: &str, toks: &[Tok], f: &Found) -> bool {
    if f.s > f.v {
        return true; // inverted "…, said Zhao" always closes
    }
    let after_comma = f.s > 0 && toks.get(f.s - 1).is_some_and(|t| word(text, t) == ",");
    if !after_comma {
        return false;
    }
    let rest = toks.get(f.v + 1..).unwrap_or(&[]);
    if rest.len() > 14 {
        return false;
    }
    let words: Vec<&str> = rest.iter().map(|t| word(text, t)).collect();
    if words.len() > 14
        || words
            .iter()
            .any(|w| matches!(*w, "that" | ":" | "“" | "\""))
    {
        return false;
    }
    match words.first() {
        None => true,
        Some(first) => {
            matches!(*first, "." | "," | "!" | "?" | ";" | ")")
                || is_in(TRAILING_STARTERS, first)
                || (toks
                    .get(f.v)
                    .is_some_and(|v| word(text, v).eq_ignore_ascii_case("told"))
                    && is_in(HEARERS, first))
        }
    }
}

/// Where the content of a leading attribution starts: after "that", after the hearer of
/// "told", or right after the verb.
fn content_start(text: &str, toks: &[Tok], f: &Found) -> usize {
    let mut k = f.v + 1;
    if toks.get(k).is_some_and(|t| word(text, t) == "out") {
        k += 1;
    }
    let mut j = k;
    while j < toks.len() && j - k < 4 && is_in(HEARERS, toks.get(j).map_or("", |t| word(text, t))) {
        j += 1;
    }
    // Adjuncts between the verb and "that": "said on Friday that", "told reporters in Moscow
    // that". Only a short run that opens with a preposition or a time word is skipped.
    if toks
        .get(j)
        .is_some_and(|t| is_in(TRAILING_STARTERS, word(text, t)))
    {
        let that = (j..toks.len().min(j + 8))
            .take_while(|&x| toks.get(x).is_some_and(|t| t.kind != TokenKind::Punct))
            .find(|&x| toks.get(x).is_some_and(|t| word(text, t) == "that"));
        if let Some(x) = that {
            return x + 1;
        }
    }
    if toks
        .get(j)
        .is_some_and(|t| matches!(word(text, t), "that" | ":" | ","))
    {
        return j + 1;
    }
    if toks
        .get(k)
        .is_some_and(|t| matches!(word(text, t), "that" | ":" | ","))
    {
        return k + 1;
    }
    k
}

/// Finds the quotations of a document.
pub fn find_quotations(
    text: &str,
    sentences: &[SentenceTokens],
    entities: &Entities,
) -> Vec<Quotation> {
    let mut out = Vec::new();
    let direct = direct_quotes(text, sentences, entities);
    for s in sentences {
        let toks = &s.toks;
        // A sentence holding a direct quotation is reported through it, not again as indirect.
        if direct
            .iter()
            .any(|q| s.span.start <= q.span.start && q.span.start < s.span.end)
        {
            continue;
        }
        let found = attributions(text, toks, entities);
        let trailing = found.iter().rev().find(|f| is_trailing(text, toks, f));
        let leading = found.iter().find(|f| {
            !is_trailing(text, toks, f)
                && (f.entity.is_some() || trailing.is_none())
                && trailing.is_none_or(|t| f.v < t.s)
                && content_start(text, toks, f) < toks.len().saturating_sub(1)
        });
        let sentence_end = toks.last().map_or(s.span.end, |t| t.span.end);
        let (speaker, reporters, content) = match (leading, trailing) {
            (Some(l), Some(t)) => {
                let start = toks
                    .get(content_start(text, toks, l))
                    .map_or(sentence_end, |x| x.span.start);
                let end = toks
                    .get(t.s.saturating_sub(1))
                    .map_or(sentence_end, |x| x.span.start);
                (l, vec![t], Span::new(start, end.max(start)))
            }
            (None, Some(t)) => {
                let start = toks.first().map_or(s.span.start, |x| x.span.start);
                let end = toks
                    .get(t.s.saturating_sub(1))
                    .map_or(sentence_end, |x| x.span.start);
                (t, vec![], Span::new(start, end.max(start)))
            }
            (Some(l), None) => {
                let start = toks
                    .get(content_start(text, toks, l))
                    .map_or(sentence_end, |x| x.span.start);
                (l, vec![], Span::new(start, sentence_end))
            }
            (None, None) => {
                out.extend(according_to(text, toks, entities));
                continue;
            }
        };
        let content = without_dateline(text, content);
        let Some(content) = trimmed(text, content) else {
            continue;
        };
        let Some(speaker) = attribution(text, toks, speaker, entities) else {
            continue;
        };
        let reported_by = reporters
            .into_iter()
            .filter_map(|r| attribution(text, toks, r, entities))
            .collect();
        out.push(Quotation {
            kind: QuoteKind::Indirect,
            span: content,
            text: content.slice(text).unwrap_or("").to_string(),
            speaker,
            reported_by,
        });
    }
    out.extend(direct);
    out.sort_by_key(|q| q.span);
    out
}

/// "According to X, …" and "…, according to X.": X is the source of the rest of the sentence.
fn according_to(text: &str, toks: &[Tok], entities: &Entities) -> Option<Quotation> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let a =
        (0..toks.len()).find(|&k| w(k).eq_ignore_ascii_case("according") && w(k + 1) == "to")?;
    let np_start = a + 2;
    let mut np_end = np_start;
    while np_end < toks.len()
        && np_end - np_start < 12
        && toks
            .get(np_end)
            .is_some_and(|t| !matches!(word(text, t), "," | "." | ";" | "!" | "?"))
    {
        np_end += 1;
    }
    let (first, last) = (toks.get(np_start)?, toks.get(np_end.checked_sub(1)?)?);
    if np_end == np_start {
        return None;
    }
    let subject = Span::new(first.span.start, last.span.end);
    let sentence_end = toks.last()?.span.end;
    let content = if a == 0 && w(np_end) == "," {
        // "According to X, content."
        Span::new(toks.get(np_end + 1)?.span.start, sentence_end)
    } else if a > 0 && w(a - 1) == "," && np_end + 1 >= toks.len() {
        // "Content, according to X."
        Span::new(toks.first()?.span.start, toks.get(a - 1)?.span.start)
    } else {
        return None;
    };
    let content = trimmed(text, content)?;
    let entity = entities.last_within(subject).map(|(_, r)| r);
    let verb_span = Span::new(toks.get(a)?.span.start, toks.get(a + 1)?.span.end);
    Some(Quotation {
        kind: QuoteKind::Indirect,
        span: content,
        text: content.slice(text)?.to_string(),
        speaker: Attribution {
            text: subject.slice(text)?.to_string(),
            span: subject,
            verb: verb_span.slice(text)?.to_string(),
            verb_span,
            entity,
            name: entity.and_then(|r| entities.name(r)).map(str::to_string),
        },
        reported_by: Vec::new(),
    })
}

/// Quotations between “…” or "…" with at least four words, and their attribution.
fn direct_quotes(text: &str, sentences: &[SentenceTokens], entities: &Entities) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (b, c) in text.char_indices() {
        match (open, c) {
            (None, '“') => open = Some((b + c.len_utf8(), '”')),
            (None, '"') => open = Some((b + 1, '"')),
            (Some((start, close)), ch) if ch == close => {
                open = None;
                let inner = Span::new(start, b);
                let Some(inner) = trimmed(text, inner) else {
                    continue;
                };
                let words = inner.slice(text).unwrap_or("").split_whitespace().count();
                if words < 4 {
                    continue;
                }
                let sentence_of = |pos: usize| {
                    // Sentences are in text order.
                    let i = sentences.partition_point(|s| s.span.start <= pos);
                    i.checked_sub(1)
                        .and_then(|i| sentences.get(i))
                        .filter(|s| pos <= s.span.end)
                };
                let candidates = [sentence_of(b), sentence_of(start)];
                let mut speaker = None;
                for s in candidates.into_iter().flatten() {
                    let found = attributions(text, &s.toks, entities);
                    // The attribution must lie outside the quotation itself.
                    let outside = found.into_iter().find(|f| {
                        s.toks
                            .get(f.v)
                            .is_some_and(|t| t.span.end <= start || t.span.start > b)
                    });
                    if let Some(f) = outside {
                        speaker = attribution(text, &s.toks, &f, entities);
                        break;
                    }
                }
                if let Some(speaker) = speaker {
                    out.push(Quotation {
                        kind: QuoteKind::Direct,
                        span: inner,
                        text: inner.slice(text).unwrap_or("").to_string(),
                        speaker,
                        reported_by: Vec::new(),
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

#[cfg(test)]
mod tests {
    use crate::{QuoteKind, extract};

    /// (kind, speaker name or subject text, verb, reporters, quoted text) for each quotation.
    #[track_caller]
    fn check(text: &str, expected: &[(QuoteKind, &str, &str, &[&str], &str)]) {
        let k = extract(text, demarche_model::parse_date("2024-03-12").ok(), None);
        let got: Vec<(QuoteKind, String, String, Vec<String>, String)> = k
            .quotations
            .iter()
            .map(|q| {
                assert_eq!(&text[q.span.range()], q.text);
                (
                    q.kind,
                    q.speaker
                        .name
                        .clone()
                        .unwrap_or_else(|| q.speaker.text.clone()),
                    q.speaker.verb.clone(),
                    q.reported_by
                        .iter()
                        .map(|r| r.name.clone().unwrap_or_else(|| r.text.clone()))
                        .collect(),
                    q.text.clone(),
                )
            })
            .collect();
        let expected: Vec<(QuoteKind, String, String, Vec<String>, String)> = expected
            .iter()
            .map(|(k, s, v, r, t)| {
                (
                    *k,
                    (*s).into(),
                    (*v).into(),
                    r.iter().map(|x| (*x).into()).collect(),
                    (*t).into(),
                )
            })
            .collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    use QuoteKind::{Direct, Indirect};

    #[test]
    fn leading_and_trailing_attributions() {
        check(
            "Anna Lind said that the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "the port would stay open",
            )],
        );
        check(
            "The port would stay open, Anna Lind said on Monday.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "The port would stay open",
            )],
        );
        check(
            "Anna Lind told reporters in Eastport on Monday that the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "told",
                &[],
                "the port would stay open",
            )],
        );
        check(
            "Anna Lind said that the port would stay open, the Ledger Wire reported.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &["Ledger Wire"],
                "the port would stay open",
            )],
        );
    }

    #[test]
    fn apposition_pronoun_and_inverted_speakers() {
        check(
            "Anna Lind, a senior adviser to the government, said the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "the port would stay open",
            )],
        );
        check(
            "Anna Lind arrived on Monday. She said that the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "the port would stay open",
            )],
        );
        check(
            "“We will keep the harbour open,” said Anna Lind.",
            &[(
                Direct,
                "Anna Lind",
                "said",
                &[],
                "We will keep the harbour open",
            )],
        );
    }

    #[test]
    fn direct_quotations_across_sentences_and_scare_quotes() {
        check(
            "Anna Lind spoke first. “The harbour stays open. Nobody gains from empty nets,” she said.",
            &[(
                Direct,
                "Anna Lind",
                "said",
                &[],
                "The harbour stays open. Nobody gains from empty nets",
            )],
        );
        // Two quoted words are a scare quote, not a quotation.
        check(
            "The ‘harbour model’ was praised by \"many people\" there.",
            &[],
        );
    }

    #[test]
    fn regression_clauses_after_a_comma_that_are_not_attributions() {
        // "…, while X pledged €1.2 billion" goes on after its verb: it closes nothing.
        check(
            "Olaf Scholz, speaking in Berlin, said Germany would send helmets, while the European Commission pledged €1.2 billion.",
            &[(
                Indirect,
                "Olaf Scholz",
                "said",
                &[],
                "Germany would send helmets, while the European Commission pledged €1.2 billion",
            )],
        );
        // The organisation inside a longer subject is the speaker.
        check(
            "The envoy met his counterpart in Baghdad, the state-run IRNA news agency reported.",
            &[(
                Indirect,
                "IRNA",
                "reported",
                &[],
                "The envoy met his counterpart in Baghdad",
            )],
        );
    }

    #[test]
    fn regression_weekday_right_after_the_verb() {
        // Wire style without "on": the weekday is an adjunct, not the content.
        check(
            "The port would stay open, Anna Lind said Tuesday.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "The port would stay open",
            )],
        );
        check(
            "Anna Lind said Tuesday that the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "the port would stay open",
            )],
        );
    }

    #[test]
    fn according_to_leading_and_closing() {
        check(
            "According to the Ministry of Health, at least 23 people were killed.",
            &[(
                Indirect,
                "Ministry of Health",
                "According to",
                &[],
                "at least 23 people were killed",
            )],
        );
        check(
            "Trade fell by 18 percent last year, according to the port authority.",
            &[(
                Indirect,
                "the port authority",
                "according to",
                &[],
                "Trade fell by 18 percent last year",
            )],
        );
        // In the middle of a clause it attributes nothing we can delimit.
        check("The talks, according to one account, lasted late.", &[]);
    }

    #[test]
    fn subjects_that_are_not_there_are_not_guessed() {
        // "and said": the subject is the first clause's; no attribution is made up.
        check(
            "The minister arrived late and said the talks were over.",
            &[],
        );
        // A speech verb without content is no quotation.
        check("Anna Lind said.", &[]);
    }
}
