//! Quotations, direct and indirect, with their speaker and the chain of who relayed them.
//!
//! An attribution is a subject with a speech verb (`data/speech.txt`, matched by lemma): "Zhao
//! said", "Zhao further noted", "…, said Zhao" (verbs that invert, after a quotation or a
//! comma). In each sentence:
//! - a **leading** attribution is followed by its content: "Zhao told the media that …";
//! - a **trailing** attribution closes the sentence after a comma, followed at most by its
//!   hearer and adjuncts: "…, Zhao said on Friday.", "…, TASS reported.";
//! - with both, the leading subject is the speaker and the trailing one the reporter:
//!   "Putin said that …, TASS reported." → speaker Putin, reported by TASS;
//! - with neither, "According to X, …" or "…, according to X." makes X the source;
//! - rule according-relayed: "…, according to X, Kazinform reports." makes X the source and the
//!   reporting outlet the reporter.
//!
//! **The reporter chain** ([`reporters`]): "…, NHK reported, citing officials" and "Army radio,
//! citing an official, said …" make the cited words the speaker and the outlet the reporter;
//! "X told public broadcaster NHK that …" makes the outlet the reporter (an audience such as
//! "reporters" is none); "TASS quoted X as saying" and "…, quoting him as calling …" make X
//! the speaker and the quoting subject the reporter.
//!
//! **Speakers through pronouns and descriptions** ([`Discourse`]): "he said", "she added" are
//! the person who spoke last within two sentences (else the last person named); "it said",
//! "the group said", "the agency said" are the organisation that spoke last (one whose name
//! holds the noun, when there is one), else the last organisation named.
//!
//! Direct quotations are text between double quotation marks; their speaker is the attribution
//! of the sentence that closes (or else opens) the quotation. Quotations of one to three words
//! ("called the strikes "reckless"") count only when that sentence has an attribution, so
//! scare quotes stay out. A sentence holding a direct quotation is reported through it, not
//! again as an indirect one. Indirect content must read as a clause (it holds a verb form), so
//! "pledged $150 million in aid" or "did not respond to a request" is no quotation.
//!
//! The files: this one holds the types and [`find_quotations`], which walks the sentences;
//! [`subject`] finds a speech verb's subject, [`reporters`] the chain of who relayed the words,
//! [`attribution`] a sentence's attributions and the speaker and reporters each makes,
//! [`content`] where an indirect quotation's content starts and ends, [`discourse`] who a
//! pronoun or a description is, and [`direct`] the quotations between quotation marks.

mod attribution;
mod content;
mod direct;
mod discourse;
mod reporters;
mod subject;

use self::attribution::{according_to, attributions, speaker_and_reporters};
use self::content::{
    added_content, content_end, content_start, directive_then_said, is_clause, is_headline,
    is_trailing, object_infinitive, trimmed, without_dateline,
};
use self::direct::{Direct, closing_gap, continues, direct_spans, quoting_before};
use self::discourse::{Discourse, described};
use crate::entities::{Entities, EntityRef, SentenceTokens};
use crate::lexicon::{self, VerbClass};
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
    /// The subject as written ("The Russian president", "media reports", "it").
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

/// A subject (token range) with the entity it names, when known.
#[derive(Debug, Clone, Copy)]
struct Np {
    s: usize,
    e: usize,
    entity: Option<(Span, EntityRef)>,
}

/// An attribution found in a sentence: speaker (maybe relayed), verb, and what follows it.
#[derive(Debug, Clone)]
struct Found {
    /// The subject of the verb.
    subject: Np,
    /// The speech verb's token.
    v: usize,
    /// The verb comes before its subject ("…, said Zhao").
    inverted: bool,
    /// When the subject relays someone else's words ("NHK reported, citing officials";
    /// "TASS quoted X as saying"): the cited words' subject and the relaying verb's token.
    cited: Option<(Np, usize)>,
    /// The outlet a "told" names ("told public broadcaster NHK").
    outlet: Option<Np>,
    /// The token after the attribution's own words (verb, hearer, cited subject, adjuncts).
    after: usize,
}

fn is_boundary(text: &str, t: &Tok) -> bool {
    matches!(
        word(text, t),
        "," | ";" | "“" | "”" | "\"" | "–" | "—" | ":" | "--" | "(" | ")"
    )
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn not_place(e: &(Span, EntityRef)) -> bool {
    !matches!(e.1, EntityRef::Place(_))
}

/// Rule common-head: a subject whose last word is a common noun in lower case is a description
/// of who spoke ("Russia's defence ministry", "local officials"), which may lead before an
/// outlet's trailing "reported" when its verb is one of saying ("said", not "carried out").
fn common_head(text: &str, toks: &[Tok], f: &Found) -> bool {
    let np = &f.subject;
    toks.get(f.v)
        .is_some_and(|v| lexicon::verb_has(VerbClass::Speech, word(text, v)))
        && toks
            .get(np.e.saturating_sub(1))
            .filter(|_| np.e > np.s)
            .is_some_and(|t| t.kind == TokenKind::Word && !is_cap(word(text, t)))
}

/// Rule headline-act: a headline's verb of declaring with a bare noun-phrase object ("Peru
/// declares emergency after floods", "Malawi declares state of disaster in three districts")
/// performs an act; it reports no words. The headline's dropped grammar lets a content without
/// a verb stand for speech ("Kremlin says no date yet"), but not after these verbs
/// (`[declaring]` in `data/speech.txt`). A content that opens with "that" or holds an
/// auxiliary, a modal or a past form ("declares the emergency is over") stays a quotation; a
/// headline's plural nouns ("after floods") do not make a clause here.
fn headline_act(text: &str, toks: &[Tok], f: &Found, content: &[Tok]) -> bool {
    let en = demarche_text::english::get();
    let verb = toks.get(f.v).map_or("", |t| word(text, t));
    let finite = |t: &Tok| {
        let w = word(text, t).to_lowercase();
        t.kind == TokenKind::Word
            && (en.aux(&w).is_some() || en.modal(&w).is_some() || w.ends_with("ed") && w.len() > 4)
    };
    lexicon::verb_has(VerbClass::Declaring, verb)
        && !f.inverted
        && content.first().is_some_and(|t| word(text, t) != "that")
        && !content.iter().any(finite)
}

/// Rule double-trailing: whether `f` is a trailing attribution that closes right at the comma
/// before the reporting attribution `t` ("…, he said, the agency reported.").
fn is_trailing_before(text: &str, toks: &[Tok], f: &Found, t: &Found) -> bool {
    is_trailing(text, toks, f)
        && f.after + 1 == t.subject.s
        && toks.get(f.after).is_some_and(|x| word(text, x) == ",")
}

/// Finds the quotations of a document, sentence by sentence.
pub fn find_quotations(
    text: &str,
    sentences: &[SentenceTokens],
    entities: &Entities,
) -> Vec<Quotation> {
    let mut out = Vec::new();
    let directs = direct_spans(text, sentences);
    let mut discourse = Discourse::default();
    // The last direct quotation given a speaker: where it closed, and who spoke it.
    let mut last_direct: Option<(usize, Span, Attribution, Vec<Attribution>)> = None;
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.toks;
        let outside = |f: &Found, d: &Direct| {
            toks.get(f.v)
                .is_some_and(|t| t.span.end <= d.inner.start || t.span.start > d.inner.end)
        };
        // Direct quotations that close in this sentence (the attribution there, else in the
        // sentence that opened them).
        let closing: Vec<&Direct> = directs.iter().filter(|d| d.close == si).collect();
        let holds_direct = !closing.is_empty() || directs.iter().any(|d| d.open == si);
        for d in &closing {
            let mut speaker = None;
            for sj in [d.close, d.open] {
                let Some(st) = sentences.get(sj) else {
                    continue;
                };
                if let Some(x) = quoting_before(text, &st.toks, d.inner.start, entities) {
                    speaker = Some((x, sj));
                    break;
                }
                let found = attributions(text, &st.toks, entities, true);
                let verb_at = |f: &Found| st.toks.get(f.v).map_or(0, |t| t.span.start);
                // The attribution right after the quotation ("…," she said), else the first
                // one before it: the main clause whose content holds it.
                let after = found
                    .iter()
                    .filter(|f| outside(f, d) && verb_at(f) > d.inner.end)
                    .find(|f| {
                        // Only closing marks between the quotation and its attribution.
                        let first = st
                            .toks
                            .get(if f.inverted { f.v } else { f.subject.s })
                            .map_or(0, |t| t.span.start);
                        text.get(d.inner.end..first).is_some_and(closing_gap)
                    });
                // Else the first one before it, or one whose subject opens before it and whose
                // verb follows ("A second source put the toll at "…" and said").
                let subject_at = |f: &Found| st.toks.get(f.subject.s).map_or(0, |t| t.span.start);
                let before = found.iter().find(|f| {
                    outside(f, d)
                        && (verb_at(f) < d.inner.start
                            || !f.inverted && subject_at(f) < d.inner.start)
                });
                // Rule relayed-direct: `X told reporters that "…," the agency KUNA reported.`:
                // an outlet's "reported" after the quotation relays the attribution before it.
                let relays = |a: &Found| {
                    a.cited.is_none()
                        && st
                            .toks
                            .get(a.v)
                            .is_some_and(|x| lexicon::verb_has(VerbClass::Relay, word(text, x)))
                };
                let (f, relayed) = match (after, before) {
                    (Some(a), Some(b)) if relays(a) && b.v < a.subject.s => (Some(b), Some(a)),
                    (a, b) => (a.or(b), None),
                };
                if let Some(f) = f {
                    speaker =
                        speaker_and_reporters(text, &st.toks, f, entities).map(|(sp, mut r)| {
                            if let Some((rs, rr)) = relayed
                                .and_then(|a| speaker_and_reporters(text, &st.toks, a, entities))
                            {
                                r.extend(rr);
                                r.push(rs);
                            }
                            ((sp, r), sj)
                        });
                    break;
                }
            }
            if speaker.is_none()
                && let Some((_, _, sp, reps)) = last_direct
                    .as_ref()
                    .filter(|(close, prev, ..)| continues(text, sentences, *close, *prev, d))
            {
                // `"…," he said. "…"`: a quotation that goes on, in the same paragraph, right
                // after an attributed one is the same speaker's.
                out.push(Quotation {
                    kind: QuoteKind::Direct,
                    span: d.inner,
                    text: d.inner.slice(text).unwrap_or("").to_string(),
                    speaker: sp.clone(),
                    reported_by: reps.clone(),
                });
                last_direct = Some((d.close, d.inner, sp.clone(), reps.clone()));
                continue;
            }
            if d.words < 4 && speaker.is_none() {
                continue;
            }
            let Some(((mut sp, mut reps), sj)) = speaker else {
                continue;
            };
            let start = sentences.get(sj).map_or(0, |x| x.span.start);
            discourse.resolve(&mut sp, si, entities, start);
            for r in &mut reps {
                discourse.resolve(r, si, entities, start);
            }
            discourse.spoke(&sp, si);
            last_direct = Some((d.close, d.inner, sp.clone(), reps.clone()));
            out.push(Quotation {
                kind: QuoteKind::Direct,
                span: d.inner,
                text: d.inner.slice(text).unwrap_or("").to_string(),
                speaker: sp,
                reported_by: reps,
            });
        }
        let found: Vec<Found> = attributions(text, toks, entities, false);
        let trailing = found.iter().rev().find(|f| is_trailing(text, toks, f));
        // A leading attribution before a trailing one names someone or cites someone; before
        // a trailing one that reports (an outlet's "reported"), a description or a content
        // with "that" will do ("The ministry said in a statement that …, PTV reported").
        let reports = trailing.is_some_and(|t| {
            toks.get(t.v)
                .is_some_and(|x| lexicon::verb_has(VerbClass::Relay, word(text, x)))
        });
        let leading = found.iter().find(|f| {
            let start = content_start(text, toks, f);
            let with_that =
                start > 0 && toks.get(start - 1).is_some_and(|t| word(text, t) == "that");
            // Rule trailing-teller: before a trailing attribution that does not report (a
            // person's "…, his spokeswoman, Ms. X, told AFP"), a leading verb with no "that"
            // gives no content of its own ("Mayor Y had warned residents to leave …").
            let told_after = trailing.is_some_and(|t| {
                !reports && matches!(t.subject.entity, Some((_, EntityRef::Person(_))))
            });
            !is_trailing(text, toks, f)
                && trailing.is_none_or(|t| f.v < t.subject.s)
                && (with_that || !told_after)
                && (f.subject.entity.is_some()
                    || f.cited.is_some()
                    || trailing.is_none()
                    || reports
                        && (with_that
                            || described(text, toks, &f.subject)
                            || common_head(text, toks, f)))
                && start < toks.len().saturating_sub(1)
        });
        // "…, he said, the agency reported.": the trailing attribution right before a reporting
        // one speaks, and the reporting one relays.
        let leading = leading.or_else(|| {
            let t = trailing.filter(|_| reports)?;
            found
                .iter()
                .find(|f| f.v < t.subject.s && is_trailing_before(text, toks, f, t))
        });
        // Rule according-relayed: "…, according to X(, a title), Kazinform reports.": X is the
        // source of the words before "according to", and the outlet that reports relays them.
        if leading.is_none()
            && let Some(t) = trailing.filter(|t| reports && t.subject.s > 0)
            && toks
                .get(t.subject.s - 1)
                .is_some_and(|x| word(text, x) == ",")
        {
            let relayed = according_to(text, &toks[..t.subject.s], entities);
            if !relayed.is_empty()
                && let Some((ts, tr)) = speaker_and_reporters(text, toks, t, entities)
            {
                for mut q in relayed {
                    q.reported_by.extend(tr.iter().cloned());
                    q.reported_by.push(ts.clone());
                    discourse.resolve(&mut q.speaker, si, entities, s.span.start);
                    for r in &mut q.reported_by {
                        discourse.resolve(r, si, entities, s.span.start);
                    }
                    discourse.spoke(&q.speaker, si);
                    out.push(q);
                }
                continue;
            }
        }
        let sentence_end = toks.last().map_or(s.span.end, |t| t.span.end);
        let tok_start = |k: usize| toks.get(k).map_or(sentence_end, |x| x.span.start);
        let (speaker_of, trailing_of, content, added_from) = match (leading, trailing) {
            (Some(l), Some(t)) if l.after + 1 == t.subject.s => {
                // Two trailing attributions: the content runs before the first.
                let first = if l.inverted { l.v } else { l.subject.s };
                (l, Some(t), (0, tok_start(first.saturating_sub(1))), t.after)
            }
            (Some(l), Some(t)) => {
                let start = content_start(text, toks, l);
                let end = t.subject.s.saturating_sub(1);
                (l, Some(t), (start, tok_start(end)), t.after)
            }
            (None, Some(t)) => {
                let end = t.subject.s.saturating_sub(1);
                (t, None, (0, tok_start(end)), t.after)
            }
            (Some(l), None) => {
                let start = content_start(text, toks, l);
                let end = content_end(text, toks, start);
                let end_byte = if end >= toks.len() {
                    sentence_end
                } else {
                    tok_start(end)
                };
                (l, None, (start, end_byte), end)
            }
            (None, None) => {
                let according = according_to(text, toks, entities);
                if according.is_empty() && !holds_direct {
                    discourse.subject(text, toks, entities, si);
                }
                for mut q in according {
                    discourse.resolve(&mut q.speaker, si, entities, s.span.start);
                    discourse.spoke(&q.speaker, si);
                    out.push(q);
                }
                continue;
            }
        };
        // "…, the agency said, adding that …": a second content of the same speaker (the
        // trailing one's, when there are two).
        let mut contents = vec![(speaker_of, trailing_of, content)];
        if let Some((_, start)) = added_content(text, toks, added_from) {
            let end = content_end(text, toks, start);
            let end_byte = if end >= toks.len() {
                sentence_end
            } else {
                tok_start(end)
            };
            contents.push((trailing.unwrap_or(speaker_of), None, (start, end_byte)));
        }
        for (speaker_of, trailing_of, (start_tok, end_byte)) in contents {
            let content_span = Span::new(tok_start(start_tok), end_byte.max(tok_start(start_tok)));
            let content_span = without_dateline(text, content_span);
            let Some(content_span) = trimmed(text, content_span) else {
                continue;
            };
            // Words reported through a direct quotation are not reported again as indirect ones.
            if holds_direct
                && directs.iter().any(|d| {
                    d.inner.start < content_span.end + 2 && content_span.start < d.inner.end + 2
                })
            {
                continue;
            }
            // The content must read as a clause, except in a headline, whose grammar drops verbs
            // ("Kremlin says no date yet for summit") and uses verbs as nouns ("… fires missiles").
            let mut content_toks: Vec<Tok> = toks
                .iter()
                .filter(|t| content_span.start <= t.span.start && t.span.end <= content_span.end)
                .copied()
                .collect();
            let mut content_span = content_span;
            if let Some(j) = directive_then_said(text, &content_toks)
                && let Some(first) = content_toks.get(j)
            {
                content_span = Span::new(first.span.start, content_span.end);
                content_toks.drain(..j);
            }
            let headline = si == 0 && is_headline(text, s.span) && content_toks.len() >= 3;
            if !headline && !is_clause(text, &content_toks)
                || object_infinitive(text, &content_toks)
                || headline && headline_act(text, toks, speaker_of, &content_toks)
            {
                continue;
            }
            let Some((mut speaker, mut reporters)) =
                speaker_and_reporters(text, toks, speaker_of, entities)
            else {
                continue;
            };
            if let Some(t) = trailing_of
                && let Some((ts, tr)) = speaker_and_reporters(text, toks, t, entities)
            {
                // "Putin said that …, TASS reported": the trailing subject relays the leading one.
                reporters.extend(tr);
                reporters.push(ts);
            }
            discourse.resolve(&mut speaker, si, entities, s.span.start);
            for r in &mut reporters {
                discourse.resolve(r, si, entities, s.span.start);
            }
            discourse.spoke(&speaker, si);
            out.push(Quotation {
                kind: QuoteKind::Indirect,
                span: content_span,
                text: content_span.slice(text).unwrap_or("").to_string(),
                speaker,
                reported_by: reporters,
            });
        }
    }
    out.sort_by_key(|q| q.span);
    out
}

#[cfg(test)]
mod tests;
