//! Runs of capitalised words in a sentence, the raw material of names, and title-case headlines.

use super::places::{place_across, place_at};
use super::{SentenceTokens, word};
use crate::lexicon::{self, Class, has, is_in};
use crate::titles;
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

/// A capitalised word, or a name word behind a lower-case particle and a hyphen
/// ("al-Burhan", "el-Sisi").
pub(super) fn is_cap_word(text: &str, t: &Tok) -> bool {
    let w = word(text, t);
    t.kind == TokenKind::Word
        && (w.chars().next().is_some_and(char::is_uppercase)
            || w.split_once('-').is_some_and(|(p, rest)| {
                has(Class::Particle, p) && rest.chars().next().is_some_and(char::is_uppercase)
            }))
}

/// A month's name (or an abbreviation with its dot, or "Sept") or a weekday's name.
pub(super) fn is_time_word(w: &str) -> bool {
    let words = demarche_text::english::words();
    words.month(w).is_some()
        && (words.is_month_name(w) || w.ends_with('.') || w.eq_ignore_ascii_case("sept"))
        || words.weekday(w).is_some() && w.len() > 4
}

pub(super) fn is_role_modifier(w: &str) -> bool {
    has(Class::RoleModifier, w)
}

pub(super) const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "&"];

/// A run of capitalised tokens in one sentence: indices `start..end` into the sentence tokens.
struct Run {
    start: usize,
    end: usize,
}

fn capitalised_runs(text: &str, toks: &[Tok]) -> Vec<Run> {
    // A capitalised word that is no time word ("Monday") can be part of a name.
    let name_word = |t: &Tok| is_cap_word(text, t) && !is_time_word(word(text, t));
    let name_word_at = |k: usize| toks.get(k).is_some_and(name_word);
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(t) = toks.get(i) {
        let w = word(text, t);
        let sentence_initial = i == 0
            || toks
                .get(i - 1)
                .is_some_and(|p| matches!(word(text, p), "“" | "\"" | "‘" | "(" | ":" | "–" | "—"));
        // A capitalised first word of a sentence that is a function word or looks like a
        // participle or adverb ("Speaking", "Meanwhile") is capitalised for position only.
        let only_positional = sentence_initial
            && (has(Class::Function, w) || w.ends_with("ing") || w.ends_with("ly"));
        let starts = name_word(t) && !only_positional;
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut has_head = has(Class::OrgHead, w);
        while let Some(next) = toks.get(end) {
            let nw = word(text, next);
            if name_word(next) {
                has_head |= has(Class::OrgHead, nw);
                end += 1;
                continue;
            }
            // A place name with "of" or "and" in it ("Sea of Azov", "Gulf of Guinea", "Jammu
            // and Kashmir"): the run takes in the connector when the gazetteer knows the whole.
            if matches!(nw, "of" | "and")
                && let Some(k) = place_across(text, toks, start, end)
            {
                end = k;
                continue;
            }
            // Rule possessive-name: a place name with a possessive inside ("Cox's Bazar"):
            // the run takes in the possessive when the gazetteer knows the whole.
            if next.kind == TokenKind::Possessive
                && let Some(k) = place_across(text, toks, start, end)
            {
                end = k;
                continue;
            }
            // "on" joins an organisation name, but not a place after it ("the Rapid Support
            // Forces on El Fasher").
            let place_follows = nw == "on" && place_at(text, toks, end + 1);
            // Name particles, one to three ("van der Linde", "de la Fuente"), between
            // capitalised words.
            if has(Class::Particle, nw) && !has(Class::Function, nw) {
                let mut k = end + 1;
                while k < end + 3
                    && toks
                        .get(k)
                        .is_some_and(|x| has(Class::Particle, word(text, x)))
                {
                    k += 1;
                }
                if name_word_at(k) {
                    end = k;
                    continue;
                }
            }
            // A known name that ends with a number ("France 24", "Channel 12").
            let numbered = nw.bytes().all(|b| b.is_ascii_digit())
                && toks.get(start).is_some_and(|first| {
                    Span::new(first.span.start, next.span.end)
                        .slice(text)
                        .is_some_and(lexicon::is_known_org)
                });
            if numbered {
                end += 1;
                break;
            }
            // Rule and-org-ahead: before its head, an organisation's name takes in "and" when
            // the capitalised words after it reach the head ("the National Disaster Risk
            // Reduction and Management Authority"), if the words before hold a domain word and
            // no office (not "President Ruto and World Bank officials").
            if nw == "and" && !has_head && org_ahead(text, toks, start, end) {
                end += 1;
                continue;
            }
            // Rule plural-opener: a plural head that opens the sentence alone is a common noun
            // capitalised for position ("Forces of Somalia's Puntland region …"), no name that
            // runs on over "of".
            let plural_opener =
                sentence_initial && end == start + 1 && w.ends_with('s') && !w.ends_with("ss");
            let joins = has_head && is_in(ORG_CONNECTORS, nw) && !place_follows && !plural_opener;
            if joins {
                // The connector must be followed, maybe after "the", by a capitalised word.
                let mut k = end + 1;
                if toks.get(k).is_some_and(|x| word(text, x) == "the") {
                    k += 1;
                }
                if name_word_at(k) {
                    end = k;
                    continue;
                }
            }
            break;
        }
        runs.push(Run { start, end });
        i = end;
    }
    runs
}

/// Whether the capitalised words `toks[start..and]` before an "and" at `and` open an
/// organisation's name whose head comes after the "and" (rule and-org-ahead).
fn org_ahead(text: &str, toks: &[Tok], start: usize, and: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let domain = (start..and).any(|k| has(Class::OrgDomain, &w(k).to_lowercase()));
    let office = (start..and).any(|k| titles::is_role(w(k)) || has(Class::Rank, w(k)));
    if !domain || office {
        return false;
    }
    let mut k = and + 1;
    while toks.get(k).is_some_and(|t| is_cap_word(text, t)) {
        if has(Class::OrgHead, w(k)) {
            return true;
        }
        k += 1;
    }
    false
}

/// A headline in title case: no closing punctuation, at least three words, and every word
/// capitalised except short function words.
pub(super) fn is_title_case(text: &str, toks: &[Tok]) -> bool {
    let closed = toks
        .last()
        .is_some_and(|t| matches!(word(text, t), "." | "!" | "?" | "”" | "\"" | ")"));
    // Most sentences end with a full stop: no headline.
    if closed {
        return false;
    }
    let words: Vec<&Tok> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && word(text, t).starts_with(char::is_alphabetic))
        .collect();
    let lower_ok = |w: &str| {
        matches!(
            w,
            "a" | "an"
                | "the"
                | "of"
                | "in"
                | "on"
                | "and"
                | "or"
                | "for"
                | "to"
                | "at"
                | "by"
                | "with"
                | "as"
                | "vs"
                | "from"
        )
    };
    !closed
        && words.len() >= 3
        && words
            .iter()
            .all(|t| is_cap_word(text, t) || lower_ok(word(text, t)))
        && words.iter().filter(|t| is_cap_word(text, t)).count() >= 3
}

/// The capitalised runs of every sentence, as token ranges.
pub(super) fn all_runs(text: &str, sentences: &[SentenceTokens]) -> Vec<Vec<(usize, usize)>> {
    sentences
        .iter()
        .map(|s| {
            capitalised_runs(text, &s.toks)
                .into_iter()
                .map(|r| (r.start, r.end))
                .collect()
        })
        .collect()
}
