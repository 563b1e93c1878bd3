//! Mentions merged into entities: name parts, pronouns and descriptions to the person or
//! organisation they refer to, and an organisation's description ("Russian news agency TASS").

use super::persons::{is_role_word, phrase};
use super::runs::{is_cap_word, is_role_modifier};
use super::{Mention, MentionKind, PendingPerson, Phrase, SentenceTokens, word};
use crate::lexicon::{self, Class, has};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

/// "Russian news agency TASS": lowercase description words and a nationality before an
/// organisation name.
pub(super) fn org_description(
    text: &str,
    toks: &[Tok],
    start: usize,
) -> (Option<Phrase>, Option<Phrase>, Option<&'static str>) {
    let mut a = start;
    while a > 0
        && start - a < 6
        && toks.get(a - 1).is_some_and(|t| {
            let w = word(text, t);
            t.kind == TokenKind::Word
                && (has(Class::OrgHead, w)
                    || is_role_modifier(w)
                    || lexicon::nationality(w).is_some()
                    || matches!(w, "state" | "state-run" | "official" | "state-owned"))
        })
    {
        a -= 1;
    }
    if a == start {
        return (None, None, None);
    }
    let country = (a..start)
        .find_map(|k| {
            toks.get(k)
                .and_then(|t| lexicon::nationality(word(text, t)))
        })
        .map(|c| c.iso3);
    (phrase(text, toks, a, start), None, country)
}

pub(super) fn resolve_references(
    text: &str,
    sentences: &[SentenceTokens],
    persons: &mut [PendingPerson],
    mention: &dyn Fn(Span, MentionKind) -> Mention,
) {
    // Every name mention so far, by position, to know who was mentioned last.
    let mut named: Vec<(Span, usize)> = persons
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.mentions.iter().map(move |m| (m.span, i)))
        .collect();
    named.sort();
    let mut added: Vec<(usize, Mention)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        // Two sentences back is as far as a pronoun reaches.
        let window_start = si
            .checked_sub(2)
            .and_then(|k| sentences.get(k))
            .map_or(0, |x| x.span.start);
        let toks = &s.toks;
        let mut i = 0;
        while let Some(t) = toks.get(i) {
            let w = word(text, t);
            let last_before =
                |pos: usize, named: &[(Span, usize)], filter: &dyn Fn(usize) -> bool| {
                    // `named` is sorted: look back from `pos` and stop at the window's start, so a
                    // pronoun costs the mentions of its window, not of the whole document.
                    let upto = named.partition_point(|(sp, _)| sp.start < pos);
                    named
                        .get(..upto)
                        .unwrap_or(&[])
                        .iter()
                        .rev()
                        .take_while(|(sp, _)| sp.start >= window_start)
                        .find(|(sp, idx)| sp.end <= pos && filter(*idx))
                        .map(|(_, idx)| *idx)
                };
            if lexicon::is_person_pronoun(w) && t.kind == TokenKind::Word {
                if let Some(p) = last_before(t.span.start, &named, &|_| true) {
                    added.push((p, mention(t.span, MentionKind::Pronoun)));
                    let at = named.partition_point(|x| *x < (t.span, p));
                    named.insert(at, (t.span, p));
                }
                i += 1;
                continue;
            }
            // "the [nationality] [modifiers] role", not followed by a capitalised name.
            if w.eq_ignore_ascii_case("the") {
                let mut k = i + 1;
                let mut country = None;
                if let Some(c) = toks
                    .get(k)
                    .and_then(|x| lexicon::nationality(word(text, x)))
                {
                    country = Some(c.iso3);
                    k += 1;
                }
                while toks.get(k).is_some_and(|x| is_role_modifier(word(text, x))) {
                    k += 1;
                }
                let role_tok = toks.get(k).filter(|x| is_role_word(word(text, x)));
                let followed_by_name = toks.get(k + 1).is_some_and(|x| is_cap_word(text, x));
                if let (Some(rt), false) = (role_tok, followed_by_name) {
                    let role_word = word(text, rt).to_lowercase();
                    let fits = |idx: usize| {
                        persons.get(idx).is_some_and(|p| {
                            // Rule abbreviated-office: "Gov. X" is "the governor" after.
                            p.role.as_ref().is_some_and(|r| {
                                r.text
                                    .split_whitespace()
                                    .next_back()
                                    .is_some_and(|last| lexicon::role_full(last) == role_word)
                            }) && (country.is_none() || p.country == country)
                        })
                    };
                    // A description reaches back through the whole document, not two sentences.
                    let upto = named.partition_point(|(sp, _)| sp.start < t.span.start);
                    let found = named
                        .get(..upto)
                        .unwrap_or(&[])
                        .iter()
                        .rev()
                        .find(|(sp, idx)| sp.end <= t.span.start && fits(*idx))
                        .map(|(_, idx)| *idx);
                    if let Some(p) = found {
                        let span = Span::new(t.span.start, rt.span.end);
                        added.push((p, mention(span, MentionKind::Description)));
                        let at = named.partition_point(|x| *x < (span, p));
                        named.insert(at, (span, p));
                        i = k + 1;
                        continue;
                    }
                }
            }
            i += 1;
        }
    }
    for (p, m) in added {
        if let Some(pp) = persons.get_mut(p) {
            pp.mentions.push(m);
        }
    }
}
