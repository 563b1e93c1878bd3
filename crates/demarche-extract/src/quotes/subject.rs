//! The subject of a speech verb: the noun phrase before it ("Zhao said"), after it ("…, said
//! Zhao"), before an apposition ("Anna Lind, a senior adviser, said") or a relative pronoun
//! ("Ramon Castillo, who said"), with the person or organisation it names.

use super::reporters::relayed_at;
use super::{Np, is_boundary, is_cap, not_place, word};
use crate::entities::{Entities, EntityRef};
use crate::lexicon::{self, Class, VerbClass, has};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;

/// The noun phrase that starts at token `s`: an entity mention starting there, else words up
/// to a boundary, a verb-like word or a preposition (at most eight).
pub(super) fn np_after(text: &str, toks: &[Tok], s: usize, entities: &Entities) -> Option<Np> {
    np_after_to(text, toks, s, entities, false)
}

/// [`np_after`]; with `to_boundary`, the phrase runs on over prepositions to the next comma or
/// the sentence's end (a cited source: "citing people familiar with the matter").
pub(super) fn np_after_to(
    text: &str,
    toks: &[Tok],
    s: usize,
    entities: &Entities,
    to_boundary: bool,
) -> Option<Np> {
    let first = toks.get(s)?;
    if let Some((span, r)) = entities.starting_at(first.span.start).filter(not_place) {
        let e = toks.iter().position(|t| t.span.end == span.end)? + 1;
        // A longer noun phrase that ends with the entity ("public broadcaster NHK").
        return Some(Np {
            s,
            e,
            entity: Some((span, r)),
        });
    }
    let mut e = s;
    while e < toks.len() && e - s < if to_boundary { 10 } else { 8 } {
        let t = toks.get(e)?;
        let w = word(text, t);
        // Rule capitalised-function-word: a capitalised function word right after a
        // capitalised word inside the phrase is part of a name ("told the Myanmar Now news
        // site", "the Here and Now programme"), not its end.
        let in_name = e > s
            && w.starts_with(char::is_uppercase)
            && toks
                .get(e - 1)
                .is_some_and(|p| word(text, p).starts_with(char::is_uppercase));
        // Rule outlet-of: "of" after a capitalised head of an organisation's or outlet's name
        // and before a capitalised word continues the name ("told the National Radio of
        // Tunisia", "the Public Radio of Armenia", "the Radio Television of Serbia"); before,
        // the outlet was cut at "of".
        let of_in_name = w == "of"
            && e > s
            && is_cap(prev_word(text, toks, e))
            && has(Class::OrgHead, prev_word(text, toks, e))
            && toks.get(e + 1).is_some_and(|n| is_cap(word(text, n)));
        let function =
            has(Class::Function, w) && !matches!(w, "the" | "a" | "an") && !in_name && !of_in_name;
        // After a determiner a speech verb's form is a noun ("briefed on the comments").
        let prev = e
            .checked_sub(1)
            .and_then(|k| toks.get(k))
            .map_or("", |p| word(text, p));
        // So is its base form inside a phrase a determiner opened ("the KCNA report").
        let noun = || {
            e > s
                && (has(Class::NounMarker, prev)
                    || has(Class::NounMarker, word(text, first))
                        && e > s + 1
                        && demarche_text::english::get()
                            .verb_lemma(w)
                            .eq_ignore_ascii_case(w))
        };
        // An article right after a noun opens the next phrase ("told reporters the deal was
        // done"); after a preposition it is inside this one ("familiar with the matter").
        let next_phrase = matches!(w, "the" | "a" | "an") && !has(Class::Function, prev);
        let stop = t.kind == TokenKind::Punct
            || (e > s
                && ((!to_boundary && function)
                    || w == "that"
                    || w == "as"
                    || next_phrase
                    || ((lexicon::verb_has(VerbClass::Speech, w)
                        || lexicon::verb_has(VerbClass::Relay, w))
                        && !noun())));
        if stop {
            break;
        }
        e += 1;
    }
    if e == s {
        return None;
    }
    // The last person or organisation named inside it ("state news agency SUNA").
    let span = Span::new(first.span.start, toks.get(e - 1)?.span.end);
    let entity = entities
        .last_within(span)
        .filter(|(sp, _)| sp.end == span.end);
    Some(Np { s, e, entity })
}

/// The word before token `k`, or "".
fn prev_word<'t>(text: &'t str, toks: &[Tok], k: usize) -> &'t str {
    k.checked_sub(1)
        .and_then(|j| toks.get(j))
        .map_or("", |t| word(text, t))
}

/// The subject before the speech verb at `v` (see the `quotes` module doc).
pub(super) fn subject_before(
    text: &str,
    toks: &[Tok],
    v: usize,
    entities: &Entities,
) -> Option<Np> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let mut e = v;
    while e > 0 && has(Class::SpeechAdverb, w(e - 1)) {
        e -= 1;
    }
    e = before_time_adjunct(text, toks, e);
    // "Joint Chiefs of Staff (JCS) said": a bracketed short name after the subject.
    if e >= 3 && w(e - 1) == ")" && w(e - 3) == "(" {
        e -= 3;
    }
    let last = toks.get(e.checked_sub(1)?)?;
    if word(text, last) == "," {
        return appositive_subject(text, toks, e - 1, entities).map(|(np, _)| np);
    }
    // "… and said": the subject is the clause's, when the sentence opens with a named one.
    if matches!(word(text, last), "and" | "but") {
        // Rule title-opens-clause: the capitalised title that opens the sentence leads to the
        // person it names ("Deputy Prime Minister T. Bold convened … and said …").
        let titled_person = || {
            toks.iter()
                .take_while(|t| t.kind == TokenKind::Word && is_cap(word(text, t)))
                .find_map(|t| {
                    entities
                        .starting_at(t.span.start)
                        .filter(|(_, r)| matches!(r, EntityRef::Person(_)))
                })
        };
        let Some((span, r)) = toks
            .first()
            .and_then(|t| entities.starting_at(t.span.start))
            .filter(not_place)
            .or_else(titled_person)
        else {
            return opening_description(text, toks, e - 1);
        };
        let s = toks.iter().position(|t| t.span.start == span.start)?;
        let end = toks.iter().position(|t| t.span.end == span.end)? + 1;
        let (span, r, s, end) = titled_opening(text, toks, entities, (span, r, s, end));
        let opens = (0..s).all(|k| {
            toks.get(k)
                .is_some_and(|t| t.kind == TokenKind::Word && is_cap(word(text, t)) || w(k) == "'s")
        });
        return opens.then_some(Np {
            s,
            e: end,
            entity: Some((span, r)),
        });
    }
    if word(text, last) == "who" {
        return relative_subject(text, toks, e - 1, entities);
    }
    if last.kind == TokenKind::Punct || matches!(word(text, last), "which" | "that") {
        return None;
    }
    // The noun phrase runs back to a boundary, at most twelve words; "and" joins capitalised
    // words ("Mines and Energy Minister …").
    let mut s = e - 1;
    while s > 0 && e - s < 12 {
        let p = w(s - 1);
        let stop = toks.get(s - 1).is_some_and(|t| is_boundary(text, t))
            || matches!(
                p,
                "that" | "but" | "while" | "as" | "when" | "after" | "because"
            )
            || (p == "and" && !(is_cap(w(s)) && s >= 2 && is_cap(w(s - 2))));
        if stop {
            break;
        }
        s -= 1;
    }
    // The entity the noun phrase ends with ("… spokesperson Zhao Lijian"), else the last person
    // or organisation named inside it ("the state-run IRNA news agency").
    // A description that ends with an office after an organisation ("A senior Hamas
    // official", "Taliban officials") is someone of it, not the organisation: the words as
    // written speak.
    let someone = toks.get(e - 1).is_some_and(|t| {
        let w = word(text, t);
        !is_cap(w)
            && (has(Class::Role, w) || crate::titles::is_plural_role(w) || has(Class::Member, w))
    });
    let entity = entities
        .ending_at(last.span.end)
        .filter(not_place)
        .or_else(|| {
            let np_start = toks.get(s).map_or(last.span.start, |t| t.span.start);
            // A possessive pronoun inside it names nobody ("his ministry said").
            entities
                .last_within(Span::new(np_start, last.span.end))
                .filter(|(sp, _)| sp.slice(text).is_some_and(is_cap))
                .filter(|_| !someone)
        });
    let entity = person_of_unit(text, toks, s, entity, entities).or(entity);
    // A subject inside a clause that is not the sentence's main one ("Asked about X, Ma said")
    // starts after the clause's comma already; a subject that is a long clause is no subject.
    Some(Np { s, e, entity })
}

/// Rule person-of-unit: "Inspector X of the Y Police Station said", "Chief Superintendent X
/// of the Y Divisional Police Command said": when the subject ends with an organisation after
/// "of" (or "of the") and a person's name ends right before that "of", inside the subject, the
/// person speaks, not the unit they serve in.
fn person_of_unit(
    text: &str,
    toks: &[Tok],
    s: usize,
    entity: Option<(Span, EntityRef)>,
    entities: &Entities,
) -> Option<(Span, EntityRef)> {
    let (span, r) = entity?;
    if !matches!(r, EntityRef::Organization(_)) {
        return None;
    }
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let first = toks.iter().position(|t| t.span.start == span.start)?;
    let of = match first.checked_sub(1)? {
        k if w(k) == "of" => k,
        k if w(k).eq_ignore_ascii_case("the") && k > 0 && w(k - 1) == "of" => k - 1,
        _ => return None,
    };
    let before = toks.get(of.checked_sub(1)?)?;
    let start = toks.get(s)?.span.start;
    entities
        .ending_at(before.span.end)
        .filter(|(sp, r)| matches!(r, EntityRef::Person(_)) && sp.start >= start)
}

/// Rule titled-opening: when the sentence opens with an organisation's word that is the first
/// word of a title ("Police Commissioner Ana Ruiz visited … and said"), the person the opening
/// capitalised run goes on to name is the subject, not the organisation ("Police").
fn titled_opening(
    text: &str,
    toks: &[Tok],
    entities: &Entities,
    found: (Span, EntityRef, usize, usize),
) -> (Span, EntityRef, usize, usize) {
    if !matches!(found.1, EntityRef::Organization(_)) {
        return found;
    }
    let mut k = found.3;
    while let Some(t) = toks
        .get(k)
        .filter(|t| t.kind == TokenKind::Word && is_cap(word(text, t)))
    {
        if let Some((span, r)) = entities
            .starting_at(t.span.start)
            .filter(|(_, r)| matches!(r, EntityRef::Person(_)))
            && let Some(end) = toks.iter().position(|t| t.span.end == span.end)
        {
            return (span, r, k, end + 1);
        }
        k += 1;
    }
    found
}

/// "A second source put the toll at … and said": a description that opens the sentence (an
/// article, then words up to the first verb before token `and`, a lower-case content word
/// followed by a noun marker: "put the", "spoke to") is the subject of a speech verb joined
/// to its clause's verb.
fn opening_description(text: &str, toks: &[Tok], and: usize) -> Option<Np> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if !matches!(
        w(0).to_lowercase().as_str(),
        "a" | "an" | "the" | "one" | "another"
    ) {
        return None;
    }
    let e = (2..and.min(7)).find(|&k| {
        toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
            && w(k).starts_with(char::is_lowercase)
            && !has(Class::Function, w(k))
            && has(Class::NounMarker, w(k + 1))
    })?;
    // The description holds no punctuation, and no other clause runs from its verb to "and".
    let plain = |a: usize, b: usize| {
        (a..b).all(|k| {
            toks.get(k)
                .is_some_and(|t| t.kind != TokenKind::Punct || matches!(w(k), "\"" | "“" | "”"))
        })
    };
    (plain(0, and) && !(e + 1..and).any(|k| w(k) == "and")).then_some(Np {
        s: 0,
        e,
        entity: None,
    })
}

/// The person named between the commas at tokens `open` and `comma`, after titles and ranks
/// only ("Vice Adm. Omar Saleh", "Omar Saleh").
fn apposed_person(
    text: &str,
    toks: &[Tok],
    open: usize,
    comma: usize,
    entities: &Entities,
) -> Option<Np> {
    let (span, r) = entities
        .ending_at(toks.get(comma.checked_sub(1)?)?.span.end)
        .filter(|(_, r)| matches!(r, EntityRef::Person(_)))?;
    let s = toks.iter().position(|t| t.span.start == span.start)?;
    // An abbreviation's full stop stays with its rank ("Brig. Gen. Tukur Gusau").
    let titled = (open + 1..s).all(|k| {
        let x = toks.get(k).map_or("", |t| word(text, t));
        has(Class::Rank, x)
            || has(Class::Honorific, x)
            || has(Class::Role, x)
            || has(Class::RoleModifier, x)
            || x == "." && k > open + 1
    });
    (s > open && titled).then_some(Np {
        s: described_before(text, toks, open).unwrap_or(s),
        e: comma,
        entity: Some((span, r)),
    })
}

/// Rule description-apposition: "…, the Director of Defence Information, Brig. Gen. X, said",
/// "…, his spokeswoman, Ms. Y, told AFP": a description with an office between the comma
/// before it and the comma at `open` is the subject's too, so the content ends before it.
/// The first token of that description.
fn described_before(text: &str, toks: &[Tok], open: usize) -> Option<usize> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    // Rule owner-noun: a speech verb's form after a determiner and before a possessive ending
    // is a noun that owns the office ("…, the state's environment commissioner, X, said").
    let owner_noun = |k: usize| {
        k > 0
            && has(Class::NounMarker, w(k - 1))
            && toks
                .get(k + 1)
                .is_some_and(|t| t.kind == TokenKind::Possessive)
    };
    let outer = (open.saturating_sub(12)..open)
        .rev()
        .find(|&k| w(k) == ",")?;
    let first = w(outer + 1).to_lowercase();
    let opens = matches!(
        first.as_str(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    ) || toks
        .get(outer + 2)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    let plain = (outer + 1..open).all(|k| {
        toks.get(k)
            .is_some_and(|t| !is_boundary(text, t) && t.kind != TokenKind::Punct || w(k) == "-")
            && (!lexicon::verb_has(lexicon::VerbClass::Speech, w(k)) || owner_noun(k))
    });
    let office = (outer + 2..open).any(|k| has(Class::Role, w(k)));
    (opens && plain && office).then_some(outer + 1)
}

/// An inverted subject that opens with an organisation and goes on to a person's title and
/// name ("said U.N. deputy spokesman Tomas Rinaldi"): the person, when one ends the phrase
/// before the next comma or the sentence's end.
pub(super) fn inverted_person(toks: &[Tok], np: Np, entities: &Entities) -> Np {
    if matches!(np.entity, Some((_, EntityRef::Person(_)))) {
        return np;
    }
    let mut e = np.e;
    while e < toks.len() && e - np.s < 12 && toks.get(e).is_some_and(|t| t.kind != TokenKind::Punct)
    {
        e += 1;
    }
    let person = toks
        .get(e.wrapping_sub(1))
        .and_then(|last| entities.ending_at(last.span.end))
        .filter(|(_, r)| matches!(r, EntityRef::Person(_)));
    match person {
        Some((span, r)) if e > np.e => match toks.iter().position(|t| t.span.start == span.start) {
            Some(s) => Np {
                s,
                e,
                entity: Some((span, r)),
            },
            None => np,
        },
        _ => np,
    }
}

/// The end of a subject before a time adjunct that ends at token `e` ("China on Monday urged",
/// "Zhao on March 3 said"): `e` moved before "on" and its weekday or date, else `e`.
fn before_time_adjunct(text: &str, toks: &[Tok], e: usize) -> usize {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let en = demarche_text::english::words();
    let is_day = |k: usize| en.weekday(w(k)).is_some() || en.month(w(k)).is_some();
    // "on Monday", "on March 3", "on 3 March"
    for len in [2, 3, 4] {
        let Some(on) = e.checked_sub(len) else { break };
        if w(on).eq_ignore_ascii_case("on")
            && (on + 1..e).any(is_day)
            && (on + 1..e).all(|k| is_day(k) || w(k).bytes().all(|b| b.is_ascii_digit()))
        {
            return on;
        }
    }
    e
}

/// "Ramon Castillo, who said …": the person named right before the comma that precedes the
/// relative pronoun at token `who`.
fn relative_subject(text: &str, toks: &[Tok], who: usize, entities: &Entities) -> Option<Np> {
    let comma = who.checked_sub(1)?;
    if word(text, toks.get(comma)?) != "," {
        return None;
    }
    let name_end = toks.get(comma.checked_sub(1)?)?;
    let (span, r) = entities
        .ending_at(name_end.span.end)
        .filter(|(_, r)| matches!(r, EntityRef::Person(_)))?;
    let s = toks.iter().position(|t| t.span.start == span.start)?;
    Some(Np {
        s,
        e: comma,
        entity: Some((span, r)),
    })
}

/// Rule name-list subject: "…, Anna Wrobel, Tomas Vaitkus and Ilze Berzina, said …": names
/// joined by "and" between the comma `open` and the comma `comma` are a list of speakers; the
/// last one, right before `comma`, stands for them.
fn listed_last(
    text: &str,
    toks: &[Tok],
    open: usize,
    comma: usize,
    entities: &Entities,
) -> Option<Np> {
    let words = open + 1..comma;
    let joined = words
        .clone()
        .any(|k| toks.get(k).is_some_and(|t| word(text, t) == "and"));
    let names = words.clone().all(|k| {
        toks.get(k).is_some_and(|t| {
            word(text, t) == "and" || t.kind == TokenKind::Word && is_cap(word(text, t))
        })
    });
    if !joined || !names {
        return None;
    }
    let (span, r) = entities
        .ending_at(toks.get(comma.checked_sub(1)?)?.span.end)
        .filter(|(_, r)| matches!(r, EntityRef::Person(_)))?;
    let s = toks.iter().position(|t| t.span.start == span.start)?;
    Some(Np {
        s,
        e: comma,
        entity: Some((span, r)),
    })
}

/// Rule adjunct-apposition: "Gov. X, in a statement issued by his spokesman, Y, described …":
/// when the phrase before the apposition opening at the comma `open` is an adjunct that starts
/// with a preposition, the name in apposition belongs to the adjunct's noun, and the subject
/// is the person or organisation named before the adjunct.
fn before_adjunct(text: &str, toks: &[Tok], open: usize, entities: &Entities) -> Option<Np> {
    let outer = (open.saturating_sub(16)..open)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| word(text, t) == ","))?;
    let first = word(text, toks.get(outer + 1)?).to_lowercase();
    if !has(Class::NounMarkerPreposition, &first)
        || (outer + 1..open).any(|k| toks.get(k).is_some_and(|t| is_boundary(text, t)))
    {
        return None;
    }
    let (span, r) = entities
        .ending_at(toks.get(outer.checked_sub(1)?)?.span.end)
        .filter(not_place)?;
    let s = toks.iter().position(|t| t.span.start == span.start)?;
    Some(Np {
        s,
        e: outer,
        entity: Some((span, r)),
    })
}

/// "Anna Lind, a senior adviser to the government, said …": the subject before an apposition
/// that ends with the comma at token `comma`. The apposition may cite the real source ("Army
/// radio, citing an official, said"): then the cited phrase comes back too.
pub(super) fn appositive_subject(
    text: &str,
    toks: &[Tok],
    comma: usize,
    entities: &Entities,
) -> Option<(Np, Option<Np>)> {
    // Rule long-apposition: the apposition may run to 24 tokens ("…, the chairperson of the
    // flood risk management committee at the Kunene Regional Council (KRC), told …"; with 16,
    // a long office with its organisation and acronym lost its quotation).
    let open = (comma.saturating_sub(24)..comma)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| word(text, t) == ","))?;
    let first_tok = toks.get(open + 1)?;
    let first = word(text, first_tok).to_lowercase();
    let citing = first == "citing";
    let describes = citing
        || relayed_at(text, toks, open + 1)
        // Rule which-apposition: a relative clause on a thing describes the subject as "who"
        // does on a person ("The faction, which has some 1,500 fighters …, said …").
        || matches!(first.as_str(), "a" | "an" | "the" | "who" | "which")
        || (first.ends_with("ing") && first.len() > 4)
        || has(Class::Role, &first)
        || has(Class::RoleModifier, &first)
        || lexicon::nationality(word(text, first_tok)).is_some()
        || toks
            .get(open + 2)
            .is_some_and(|t| t.kind == TokenKind::Possessive);
    // "The ministry's spokesman, Lin Wei, said", "Israel's army chief, Lt. Gen. Avi Shemesh,
    // told": a person named right before the second comma, in apposition to a description
    // (no person's name) before the first.
    let named_before = open
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .and_then(|t| entities.ending_at(t.span.end))
        .is_some_and(|(_, r)| matches!(r, EntityRef::Person(_)));
    if let Some(np) = before_adjunct(text, toks, open, entities) {
        return Some((np, None));
    }
    // Rule described-before-adjunct: a description that opens the sentence with a determiner
    // is the subject before an adjunct with a preposition ("The ministers, in a statement on
    // Monday, said …").
    let plain_head = (0..open).all(|k| toks.get(k).is_some_and(|t| t.kind == TokenKind::Word));
    if has(Class::NounMarkerPreposition, &first)
        && open > 1
        && open <= 8
        && plain_head
        && matches!(
            word(text, toks.first()?).to_lowercase().as_str(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
    {
        return Some((
            Np {
                s: 0,
                e: open,
                entity: None,
            },
            None,
        ));
    }
    if !citing
        && !named_before
        && open > 0
        && let Some(np) = apposed_person(text, toks, open, comma, entities)
    {
        return Some((np, None));
    }
    if let Some(np) = listed_last(text, toks, open, comma, entities) {
        return Some((np, None));
    }
    if !describes || open == 0 {
        return None;
    }
    let name_end = toks.get(open - 1)?;
    let subject = if let Some((span, r)) = entities.ending_at(name_end.span.end).filter(not_place) {
        let s = toks.iter().position(|t| t.span.start == span.start)?;
        Np {
            s,
            e: open,
            entity: Some((span, r)),
        }
    } else {
        // A description ("A Hamas official, speaking on condition of anonymity,"): back to the
        // sentence's start or a boundary, at most eight words.
        let mut s = open;
        while s > 0 && open - s < 8 && toks.get(s - 1).is_some_and(|t| !is_boundary(text, t)) {
            s -= 1;
        }
        if s > 0 {
            return None;
        }
        Np {
            s,
            e: open,
            entity: None,
        }
    };
    let cited = if citing {
        np_after_to(text, toks, open + 2, entities, true).map(|np| Np {
            e: np.e.min(comma),
            ..np
        })
    } else {
        None
    };
    Some((subject, cited))
}
