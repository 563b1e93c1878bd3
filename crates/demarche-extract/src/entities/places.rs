//! Places among capitalised words: gazetteer names across connectors, names after a
//! preposition of place or joined to a place, and places inside hyphenated compounds.

use super::persons::is_role_word;
use super::runs::is_cap_word;
use super::word;
use crate::geo::{self, GeoContext, PendingPlace};
use crate::lexicon::{self, Class, has};
use crate::tokens::{Tok, TokenKind, run_span};
use demarche_model::Span;

/// The end of a gazetteer name that runs from the run `toks[start..end]` (or its last word)
/// over the connector at `end` and one to three capitalised words after it.
pub(super) fn place_across(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<usize> {
    let mut k = end + 1;
    while k < end + 4 && toks.get(k).is_some_and(|x| is_cap_word(text, x)) {
        k += 1;
    }
    let from = |a: usize, b: usize| -> Option<&str> {
        text.get(toks.get(a)?.span.start..toks.get(b.checked_sub(1)?)?.span.end)
    };
    (end + 2..=k).rev().find(|&b| {
        [start, end - 1]
            .into_iter()
            .filter_map(|a| from(a, b))
            .any(|name| !geo::candidates(name).is_empty())
    })
}

/// Whether one to three capitalised words from `toks[k]` on make a gazetteer name.
pub(super) fn place_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(first) = toks.get(k) else {
        return false;
    };
    (k..k + 3)
        .take_while(|&b| toks.get(b).is_some_and(|x| is_cap_word(text, x)))
        .filter_map(|b| text.get(first.span.start..toks.get(b)?.span.end))
        .any(|name| !geo::candidates(name).is_empty())
}

/// Whether the run `toks[start..end]` follows a preposition of place ("in Deir al-Balah",
/// "through Kerem Shalom") or the "of" of a settlement noun ("the village of Tassia"; rule
/// settlement-of, `[settlement-of]` in `data/names.txt`) and is no possessive owner ("in Xi's speech"): a place the gazetteer
/// lacks, not a person.
pub(super) fn after_place_preposition(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .map_or("", |t| word(text, t));
    let owner = toks
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    // Rule settlement-of: "the towns of Teorama and El Tarra", "the village of Tassia".
    let settlement_of = before == "of"
        && start
            .checked_sub(2)
            .and_then(|k| toks.get(k))
            .is_some_and(|t| has(Class::SettlementOf, word(text, t)));
    (settlement_of
        || matches!(
            before,
            "in" | "near" | "through" | "outside" | "inside" | "across"
        ))
        && !owner
}

/// Whether the run at `start` stands in apposition to a place noun ("the provincial capital,
/// Feroz Koh,", "a border town, Ruwaished,"): a place, not a person. A noun phrase that opens
/// the sentence as an adjunct ("In the capital, Ahmed Ali said"), or that ends a person's
/// description ("the head of the rescue unit in the province, Mojtaba Karimi,"), does not count.
///
/// Rule described-after-place-noun: a name that a description of its own follows ("the
/// provincial capital, Ali Karimi, head of the disaster department, said") is a person's.
pub(super) fn apposed_to_place_noun(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if start < 2 || w(start - 1) != "," {
        return false;
    }
    let described = w(end) == ","
        && (end + 1..end + 4).any(|k| {
            let x = w(k);
            x.starts_with(char::is_lowercase) && has(Class::Role, x)
        });
    if described {
        return false;
    }
    let noun = start - 2;
    if !demarche_text::english::get().is_place_noun(&w(noun).to_lowercase()) {
        return false;
    }
    let en = demarche_text::english::get();
    let first = w(0).to_lowercase();
    let preposition = en.is_prep(&first, demarche_text::english::Prep::Place)
        || en.is_prep(&first, demarche_text::english::Prep::PlaceOrGoal);
    let opening_adjunct = preposition
        && (1..noun).all(|k| {
            toks.get(k)
                .is_some_and(|t| t.kind == TokenKind::Word && w(k).starts_with(char::is_lowercase))
        });
    // A place noun inside a person's description ("the head of the Red Crescent's rescue unit
    // in the province, Mojtaba Karimi,"): the name is that person's.
    let clause = (0..noun).rev().find(|&k| w(k) == ",").map_or(0, |k| k + 1);
    let person_described = (clause..noun).any(|k| has(Class::Role, w(k)));
    !opening_adjunct && !person_described
}

/// Whether the run `toks[start..end]` is joined by "and" or "or" to a place before it ("Gaza
/// City and Khan Younis") or to a name after a preposition of place ("in Nuevo Leon and Baja
/// California"): a place the gazetteer lacks, not a person. Well-known persons stay persons.
pub(super) fn joined_to_place(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    ctx: &GeoContext,
) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if start < 2 || !matches!(w(start - 1), "and" | "or") {
        return false;
    }
    if (start..end).any(|k| has(Class::KnownPerson, w(k))) {
        return false;
    }
    let pe = start - 1;
    let mut ps = pe;
    while ps > 0 && toks.get(ps - 1).is_some_and(|t| is_cap_word(text, t)) {
        ps -= 1;
    }
    if ps == pe {
        return false;
    }
    let name = run_span(toks, ps, pe)
        .and_then(|sp| sp.slice(text))
        .unwrap_or("");
    let place_before = lexicon::place(name).is_some()
        || ctx.is_place(text, toks, ps, pe)
        || has(Class::PlaceHead, w(pe - 1));
    place_before || after_place_preposition(text, toks, ps, pe)
}

/// Whether the run starting at token `start` follows a title and its "to" or "for"
/// ("Ambassador to", "Envoy for"), so that its first word completes the title.
pub(super) fn place_complement(text: &str, toks: &[Tok], start: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    start >= 2 && matches!(w(start - 1), "to" | "for") && is_role_word(w(start - 2))
}

/// Places inside hyphenated compounds: "China-Russia relations".
pub(super) fn hyphen_places(text: &str, toks: &[Tok], pending: &mut Vec<PendingPlace>) {
    for t in toks {
        let w = word(text, t);
        if t.kind != TokenKind::Word || !w.contains('-') || !is_cap_word(text, t) {
            continue;
        }
        let mut offset = t.span.start;
        for part in w.split('-') {
            let span = Span::new(offset, offset + part.len());
            offset += part.len() + 1;
            if lexicon::place(part).is_some() {
                pending.push(PendingPlace {
                    span,
                    name: part.to_string(),
                    region: false,
                    admin1_word: false,
                    within: None,
                    below_admin1: false,
                });
            }
        }
    }
}

/// Whether the word `toks[ti]` of a title-case headline is a place.
pub(super) fn headline_place(text: &str, toks: &[Tok], ti: usize, ctx: &GeoContext) -> bool {
    let w = toks.get(ti).map_or("", |t| word(text, t));
    lexicon::place(w).is_some() || ctx.is_place(text, toks, ti, ti + 1)
}
