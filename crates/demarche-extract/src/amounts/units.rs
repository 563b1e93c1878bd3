//! What an amount counts: a currency or a percent sign around the number, else the head of the
//! noun phrase after it.

use super::word;
use crate::lexicon::{self, Class, VerbClass, has};
use crate::tokens::{Tok, TokenKind};

/// A currency word or a percent sign at token `k`: (unit, tokens used).
pub(super) fn money_or_percent(text: &str, toks: &[Tok], k: usize) -> Option<(String, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let next = w(k);
    if let Some(c) = lexicon::currency_after(next) {
        // Rule currency-noun: the plain noun a currency word qualifies is part of it ("8
        // billion CFA francs"; `[currency-noun]` in `data/amounts.txt`).
        let noun = toks
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Word && has(Class::CurrencyNoun, w(k + 1)));
        return Some((c.to_string(), 1 + usize::from(noun)));
    }
    // "50 billion U.S. dollars", "US dollars"
    if matches!(next, "U.S." | "US" | "American")
        && let Some(c) = lexicon::currency_after(w(k + 1))
    {
        return Some((c.to_string(), 2));
    }
    if next == "%" || next.eq_ignore_ascii_case("percent") {
        return Some(("percent".to_string(), 1));
    }
    if next == "per" && w(k + 1) == "cent" {
        return Some(("percent".to_string(), 2));
    }
    if next == "percentage" && w(k + 1) == "points" {
        return Some(("percentage points".to_string(), 2));
    }
    None
}

/// The noun a number counts, from token `k` on: (unit, noun phrase start, end). The head of the
/// noun phrase past its modifiers; "others" or a bare participle of harm take
/// `previous_unit`; `None` when no noun follows.
pub(super) fn counted_noun(
    text: &str,
    toks: &[Tok],
    k: usize,
    previous_unit: Option<&str>,
) -> Option<(String, usize, usize)> {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let first = w(k);
    // "95 others" (the word is part of the amount), "112 wounded" (it is not).
    // Rule elided-modifier: before a noun an elided word modifies it ("three other
    // districts", "two more drones").
    let plain_noun = |j: usize| {
        toks.get(j)
            .is_some_and(|t| t.kind == TokenKind::Word && plain_noun_word(word(text, t)))
    };
    let noun_next = plain_noun(k + 1);
    // Rule participle-modifier: a participle or an adjective of harm right after the number (or
    // after an elided word) that stands before a noun modifies it ("about 40 spent cartridges",
    // "five missing passengers"): the noun is counted.
    let noun_like = |j: usize| {
        toks.get(j).is_some_and(|t| {
            let x = word(text, t);
            t.kind == TokenKind::Word && noun_word(x) && !lexicon::verb_has(VerbClass::Speech, x)
        })
    };
    let modifier_at = |j: usize| {
        let x = w(j);
        let participle = x.ends_with("ed")
            || x.ends_with("ing")
            || has(Class::Harm, x)
            || demarche_text::english::get()
                .known_lemma(x)
                .is_some_and(|l| l != x && !x.ends_with('s'));
        toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
            && x.starts_with(char::is_lowercase)
            && participle
            && noun_like(j + 1)
    };
    let noun_next = noun_next || modifier_at(k + 1);
    if has(Class::Elided, first) && !noun_next {
        // "At least 14 others were wounded" with nothing counted before: people.
        let unit = previous_unit.or_else(|| lexicon::elided_default(first));
        return unit.map(|u| (u.to_string(), k + 1, k + 1));
    }
    if has(Class::Harm, first) && !modifier_at(k) {
        // With nothing counted before, an adjective of harm counts itself ("put the toll at
        // around fifty dead"); a participle does not ("kills 41, 12 killed").
        return match previous_unit {
            Some(u) => Some((u.to_string(), k, k)),
            None => (!first.ends_with("ed")).then(|| (first.to_string(), k, k + 1)),
        };
    }
    // The noun phrase: lower-case words and nationality or place modifiers, at most five (an
    // elided word before a noun opens it).
    let mut e = if has(Class::Elided, first) { k + 1 } else { k };
    while e < toks.len() && e - k < 5 {
        let Some(t) = toks.get(e) else { break };
        let x = w(e);
        let lower = x.chars().next().is_some_and(char::is_lowercase);
        let modifier = lexicon::nationality(x).is_some();
        // A verb's past form ("the two met", "troops left") is no noun.
        let verb_form = demarche_text::english::get()
            .known_lemma(x)
            .is_some_and(|l| l != x && !x.ends_with('s'));
        // A form in "-ed" after a plural noun is its verb ("two car bombs exploded").
        let verb_after_plural = e > k && x.ends_with("ed") && w(e - 1).ends_with('s');
        // The participle that modifies the noun after it opens the phrase (rule
        // participle-modifier); after a noun, an adjective of harm ends it ("9 migrants dead").
        let opens = e == k || e == k + 1 && has(Class::Elided, first);
        let verb_form = verb_form && !(opens && modifier_at(e));
        // Rule plural-ends-noun: a word after a plural that is no plural itself is no part of
        // its phrase (a headline's "40 households homeless", "two citizens drown").
        let after_plural = e > k && plural_form(w(e - 1)) && !plural_form(x);
        let stop = t.kind != TokenKind::Word
            || after_plural
            || verb_form
            || e > k && has(Class::Harm, x) && !(opens && modifier_at(e))
            || verb_after_plural
            || (!lower && !modifier && !capitalised_modifier(text, toks, e))
            || has(Class::NotUnit, x)
            || has(Class::Function, x)
            || lexicon::verb_has(VerbClass::Speech, x)
            || x.ends_with("ly");
        if stop {
            break;
        }
        e += 1;
        // A unit of measure ends the noun phrase ("250 km west of …"), with a second unit
        // word it modifies ("12 nautical miles", "5 cubic metres").
        if has(Class::MeasureUnit, x) {
            if toks.get(e).is_some_and(|t| t.kind == TokenKind::Word)
                && has(Class::MeasureUnit, w(e))
                && lexicon::unit_modifier(x)
            {
                return Some((
                    format!("{} {}", x.to_lowercase(), w(e).to_lowercase()),
                    k,
                    e + 1,
                ));
            }
            break;
        }
    }
    // A capitalised plural right after the number is what it counts ("38 Palestinians").
    if e == k
        && let Some(t) = toks.get(k)
        && t.kind == TokenKind::Word
        && first.starts_with(char::is_uppercase)
        && first.ends_with('s')
        && first.len() > 4
        && !toks
            .get(k + 1)
            .is_some_and(|n| word(text, n).starts_with(char::is_uppercase))
        && demarche_text::english::words().month(first).is_none()
    {
        return Some((first.to_string(), k, k + 1));
    }
    // A participle after the noun is no part of it ("five people killed").
    while e > k + 1 && (w(e - 1).ends_with("ed") || w(e - 1).ends_with("ing")) {
        e -= 1;
    }
    if e == k {
        return None;
    }
    let head = w(e - 1);
    if head.ends_with("ed") && e - k == 1 {
        return None;
    }
    Some((head.to_lowercase(), k, e))
}

/// A capitalised word inside a counted noun phrase that modifies the head after it: a
/// nationality ("Russian troops"), a compound ("South American countries"), a capitalised
/// adjective before a lower-case word ("11 South American countries").
fn capitalised_modifier(text: &str, toks: &[Tok], e: usize) -> bool {
    let w = |j: usize| toks.get(j).map_or("", |t| word(text, t));
    let x = w(e);
    if lexicon::nationality(x).is_some() {
        return true;
    }
    // A run of capitalised words right before a lower-case noun ("South American countries",
    // "Merkava tanks").
    let mut j = e;
    while toks
        .get(j)
        .is_some_and(|t| t.kind == TokenKind::Word && w(j).starts_with(char::is_uppercase))
        && j - e < 3
    {
        j += 1;
    }
    j > e
        && w(j).starts_with(char::is_lowercase)
        && toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
        && !has(Class::Function, w(j))
        && !has(Class::NotUnit, w(j))
        && !lexicon::verb_has(VerbClass::Speech, w(j))
        && !w(j).ends_with("ed")
}

/// A lower-case word that may be a counted noun: no function word, no word that is never a
/// unit, no adjective of harm, no past form, no inflected form of another lemma (a plural
/// excepted).
pub(super) fn plain_noun_word(x: &str) -> bool {
    x.starts_with(char::is_lowercase)
        && !has(Class::Function, x)
        && !has(Class::NotUnit, x)
        && !has(Class::Harm, x)
        && !x.ends_with("ed")
        && demarche_text::english::get()
            .known_lemma(x)
            .is_none_or(|l| l == x || x.ends_with('s'))
}

/// [`plain_noun_word`], and no gerund or adverb either ("five of them children", "40 spent
/// cartridges").
pub(super) fn noun_word(x: &str) -> bool {
    plain_noun_word(x) && !x.ends_with("ing") && !x.ends_with("ly")
}

/// A word with a plural's ending ("households", "citizens"; not "homeless"): another such word
/// after it may still be its phrase's head ("savings accounts"), any other is not.
fn plural_form(x: &str) -> bool {
    x.len() > 3 && x.ends_with('s') && !x.ends_with("ss")
}
