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
//! - with neither, "According to X, …" or "…, according to X." makes X the source.
//!
//! **The reporter chain** ([`relay`]): "…, NHK reported, citing officials" and "Army radio,
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

use crate::entities::{Entities, EntityRef, SentenceTokens};
use crate::lexicon::{self, Class, VerbClass, has};
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

/// The noun phrase that starts at token `s`: an entity mention starting there, else words up
/// to a boundary, a verb-like word or a preposition (at most eight).
fn np_after(text: &str, toks: &[Tok], s: usize, entities: &Entities) -> Option<Np> {
    np_after_to(text, toks, s, entities, false)
}

/// [`np_after`]; with `to_boundary`, the phrase runs on over prepositions to the next comma or
/// the sentence's end (a cited source: "citing people familiar with the matter").
fn np_after_to(
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
        let function = has(Class::Function, w) && !matches!(w, "the" | "a" | "an");
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

/// The subject before the speech verb at `v` (see the module doc).
fn subject_before(text: &str, toks: &[Tok], v: usize, entities: &Entities) -> Option<Np> {
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
        let Some((span, r)) = toks
            .first()
            .and_then(|t| entities.starting_at(t.span.start))
            .filter(not_place)
        else {
            return opening_description(text, toks, e - 1);
        };
        let s = toks.iter().position(|t| t.span.start == span.start)?;
        let end = toks.iter().position(|t| t.span.end == span.end)? + 1;
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
    // official") is someone of it, not the organisation: the words as written speak.
    let someone = toks
        .get(e - 1)
        .is_some_and(|t| !is_cap(word(text, t)) && has(Class::Role, word(text, t)));
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
    // A subject inside a clause that is not the sentence's main one ("Asked about X, Ma said")
    // starts after the clause's comma already; a subject that is a long clause is no subject.
    Some(Np { s, e, entity })
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
    let titled = (open + 1..s).all(|k| {
        let x = toks.get(k).map_or("", |t| word(text, t));
        has(Class::Rank, x)
            || has(Class::Honorific, x)
            || has(Class::Role, x)
            || has(Class::RoleModifier, x)
    });
    (s > open && titled).then_some(Np {
        s,
        e: comma,
        entity: Some((span, r)),
    })
}

/// An inverted subject that opens with an organisation and goes on to a person's title and
/// name ("said U.N. deputy spokesman Tomas Rinaldi"): the person, when one ends the phrase
/// before the next comma or the sentence's end.
fn inverted_person(toks: &[Tok], np: Np, entities: &Entities) -> Np {
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

/// "Anna Lind, a senior adviser to the government, said …": the subject before an apposition
/// that ends with the comma at token `comma`. The apposition may cite the real source ("Army
/// radio, citing an official, said"): then the cited phrase comes back too.
fn appositive_subject(
    text: &str,
    toks: &[Tok],
    comma: usize,
    entities: &Entities,
) -> Option<(Np, Option<Np>)> {
    let open = (comma.saturating_sub(16)..comma)
        .rev()
        .find(|&k| toks.get(k).is_some_and(|t| word(text, t) == ","))?;
    let first_tok = toks.get(open + 1)?;
    let first = word(text, first_tok).to_lowercase();
    let citing = first == "citing";
    let describes = citing
        || relayed_at(text, toks, open + 1)
        || matches!(first.as_str(), "a" | "an" | "the" | "who")
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
    if !citing
        && !named_before
        && open > 0
        && let Some(np) = apposed_person(text, toks, open, comma, entities)
    {
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

/// The organisation named inside a noun phrase of a report or an interview ("a PTI report",
/// "an interview with the BBC"), as its own phrase.
fn reporting_org(text: &str, toks: &[Tok], np: Np, entities: &Entities) -> Option<Np> {
    let span = Span::new(toks.get(np.s)?.span.start, toks.get(np.e - 1)?.span.end);
    let (sp, r) = entities
        .last_within(span)
        .filter(|(_, r)| matches!(r, EntityRef::Organization(_)))?;
    let _ = text;
    let s = toks.iter().position(|t| t.span.start == sp.start)?;
    let e = toks.iter().position(|t| t.span.end == sp.end)? + 1;
    Some(Np {
        s,
        e,
        entity: Some((sp, r)),
    })
}

/// Whether token `j` is a relaying participle with its agent ("cited by", "quoted by").
fn relayed_at(text: &str, toks: &[Tok], j: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    lexicon::verb_has(VerbClass::Relay, w(j))
        && demarche_text::english::get().is_prep(w(j + 1), demarche_text::english::Prep::Agent)
}

/// What follows a speech verb at `v`: a hearer or an outlet ("told reporters", "told
/// public broadcaster NHK"), a "quoted X as saying" source, a cited source ("reported, citing
/// officials"), and the token after all of it.
fn relay(
    text: &str,
    toks: &[Tok],
    v: usize,
    entities: &Entities,
) -> (Option<Np>, Option<(Np, usize)>, usize) {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let verb = w(v).to_lowercase();
    let mut k = v + 1;
    if w(k) == "out" && verb.starts_with("point") {
        k += 1;
    }
    let mut outlet = None;
    let mut cited = None;
    let en = demarche_text::english::get();
    // The passive "X was quoted by Interfax as saying", "X was quoted as saying by the RIA
    // news agency": X is the speaker, the agent the outlet that relays.
    let passive = v > 0 && en.aux(w(v - 1)) == Some(demarche_text::english::Aux::Be);
    if passive && lexicon::verb_has(VerbClass::Relay, &verb) && verb.starts_with("quot") {
        for _ in 0..2 {
            if en.is_prep(w(k), demarche_text::english::Prep::Agent)
                && let Some(np) = np_after(text, toks, k + 1, entities)
            {
                outlet = Some(np);
                k = np.e;
            } else if w(k) == "in"
                && let Some(np) = np_after(text, toks, k + 1, entities)
                && w(np.e) == "as"
                && let Some(org) = reporting_org(text, toks, np, entities)
            {
                // "was quoted in a PTI report as saying": the organisation whose report it is.
                outlet = Some(org);
                k = np.e;
            } else if w(k) == "as"
                && lexicon::verb_has(VerbClass::Speech, &en.verb_lemma(&w(k + 1).to_lowercase()))
            {
                k += 2;
            }
        }
        return (outlet, None, k);
    }
    let tell = en.verb_lemma(&verb) == "tell";
    if tell && let Some(np) = np_after(text, toks, k, entities) {
        let hearer = (np.s..np.e).any(|j| has(Class::Hearer, w(j)));
        let is_outlet = (np.s..np.e).any(|j| has(Class::Outlet, w(j)))
            || np
                .entity
                .is_some_and(|(_, r)| matches!(r, EntityRef::Organization(_)));
        if is_outlet && !hearer {
            outlet = Some(np);
        }
        k = np.e;
    }
    // "quoted X as saying", "quoting him as calling"
    if (lexicon::verb_has(VerbClass::Relay, &verb) && verb.starts_with("quot") || verb == "quoting")
        && let Some(np) = np_after(text, toks, k, entities)
        && w(np.e) == "as"
    {
        cited = Some((np, v));
        k = np.e + 2;
    }
    // "said in comments carried by state media that …": a relaying participle and its agent
    // in an adjunct after the verb name the outlet.
    if outlet.is_none() {
        let carried = (k..toks.len().min(k + 6))
            .take_while(|&j| {
                toks.get(j).is_some_and(|t| t.kind == TokenKind::Word) && w(j) != "that"
            })
            .find(|&j| {
                lexicon::verb_has(VerbClass::Relay, w(j))
                    && en.is_prep(w(j + 1), demarche_text::english::Prep::Agent)
            });
        if let Some(j) = carried
            && let Some(np) = np_after(text, toks, j + 2, entities)
        {
            outlet = Some(np);
            k = np.e;
        }
    }
    // "…," she said, according to WAM.": the source of the account relays the speaker's
    // words, when it closes the sentence.
    if outlet.is_none()
        && w(k) == ","
        && w(k + 1).eq_ignore_ascii_case("according")
        && w(k + 2) == "to"
        && let Some(np) = np_after(text, toks, k + 3, entities)
        && toks
            .get(np.e)
            .is_none_or(|t| matches!(word(text, t), "." | "!" | "?"))
    {
        outlet = Some(np);
        k = np.e;
    }
    // "…, NHK reported on Friday, citing people familiar with the matter."
    let mut j = k;
    while j < toks.len()
        && j - k < 6
        && !matches!(w(j), "citing" | "quoting" | "." | "that" | "\"" | "“")
    {
        j += 1;
    }
    let comma_citing = matches!(w(j), "citing" | "quoting") && (j == k || w(j - 1) == ",");
    if comma_citing && let Some(np) = np_after_to(text, toks, j + 1, entities, true) {
        cited = Some((np, j));
        k = np.e;
    }
    (outlet, cited, k)
}

/// Every attribution (subject + speech verb) of a sentence, in order.
fn attributions(text: &str, toks: &[Tok], entities: &Entities, calling: bool) -> Vec<Found> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let mut out = Vec::new();
    for (v, t) in toks.iter().enumerate() {
        let vw = word(text, t);
        let speech = lexicon::verb_has(VerbClass::Speech, vw)
            || lexicon::verb_has(VerbClass::Relay, vw) && !vw.starts_with("cit");
        let call = calling && lexicon::verb_has(VerbClass::Calling, vw);
        if !speech && !call {
            continue;
        }
        if vw.eq_ignore_ascii_case("pointed") && w(v + 1) != "out" {
            continue;
        }
        // A noun, not a verb: "a state visit", "the report", "about remarks".
        let determiner = v > 0
            && (toks
                .get(v - 1)
                .is_some_and(|p| p.kind == TokenKind::Possessive)
                || has(Class::NounMarker, w(v - 1)));
        // The base form after an adjective is a noun too ("the regional state administration").
        let after_adjective = v > 0
            && lexicon::looks_adjective(w(v - 1))
            && demarche_text::english::get()
                .lemma(vw)
                .eq_ignore_ascii_case(vw);
        // A noun two words on: the "-s" form after a lower-case word that follows a preposition
        // ("for hill states") or a participle that follows a noun marker ("in the revised
        // estimates") is a plural noun, not a verb with its subject.
        let s_form = vw.ends_with('s')
            && vw.starts_with(char::is_lowercase)
            && demarche_text::english::get().verb_lemma(vw) != vw;
        let modifier_before = v >= 2
            && toks.get(v - 1).is_some_and(|p| p.kind == TokenKind::Word)
            && w(v - 1).starts_with(char::is_lowercase)
            && !has(Class::Function, w(v - 1))
            && (has(Class::NounMarkerPreposition, w(v - 2))
                || w(v - 1).ends_with("ed") && has(Class::NounMarker, w(v - 2)));
        // A participle with its agent after a noun ("remarks carried by TASS") is no verb of
        // the sentence.
        let en = demarche_text::english::get();
        let agent_participle = en.is_prep(w(v + 1), demarche_text::english::Prep::Agent)
            && !(v > 0 && en.aux(w(v - 1)) == Some(demarche_text::english::Aux::Be));
        if determiner || after_adjective || s_form && modifier_before || agent_participle {
            continue;
        }
        // Negated or infinitive: "did not respond", "declined to comment".
        let negated = (v.saturating_sub(2)..v)
            .any(|k| matches!(w(k).to_lowercase().as_str(), "not" | "n't" | "never" | "to"));
        // After a modal: words not (yet) said ("whether Moscow would respond").
        let modal = v > 0
            && demarche_text::english::get()
                .modal(&w(v - 1).to_lowercase())
                .is_some();
        if negated || modal {
            continue;
        }
        // Inverted: "…, said Zhao Lijian."
        let after_comma = v > 0 && matches!(w(v - 1), "," | "”" | "\"");
        let inverts = lexicon::verb_has(VerbClass::Invert, vw);
        if after_comma
            && inverts
            && let Some(np) = toks
                .get(v + 1)
                .and_then(|_| np_after(text, toks, v + 1, entities))
                .map(|np| inverted_person(toks, np, entities))
                .filter(|np| np.entity.is_some())
        {
            out.push(Found {
                subject: np,
                v,
                inverted: true,
                cited: None,
                outlet: None,
                after: np.e,
            });
            continue;
        }
        let mut cited_before = None;
        // "Karim Haddad, 54, said": an age between the name and the verb.
        let aged = v >= 3
            && w(v - 1) == ","
            && w(v - 3) == ","
            && w(v - 2).bytes().all(|b| b.is_ascii_digit());
        let subject = if aged {
            subject_before(text, toks, v - 3, entities)
        } else if v > 0 && w(v - 1) == "," {
            appositive_subject(text, toks, v - 1, entities).map(|(np, c)| {
                cited_before = c;
                np
            })
        } else {
            subject_before(text, toks, v, entities)
        };
        let Some(mut subject) = subject else { continue };
        // "a source cited by TASS said", "A former colleague, cited by the newspaper X,
        // described …": the words before the participle speak, its agent relays.
        let mut relayed_by = None;
        if let Some(j) = (subject.s + 1..subject.e).find(|&j| relayed_at(text, toks, j)) {
            relayed_by = np_after(text, toks, j + 2, entities).filter(|np| np.e <= subject.e);
            let entity = toks
                .get(j - 1)
                .and_then(|t| entities.ending_at(t.span.end))
                .filter(not_place);
            subject = Np {
                s: subject.s,
                e: j,
                entity,
            };
        } else if v >= 2
            && w(v - 1) == ","
            && let Some(open) = (v.saturating_sub(16)..v - 1).rev().find(|&k| w(k) == ",")
            && relayed_at(text, toks, open + 1)
        {
            relayed_by = np_after_to(text, toks, open + 3, entities, true).map(|np| Np {
                e: np.e.min(v - 1),
                ..np
            });
        }
        // "Citing two sources, Reuters reported that …": the cited phrase opens the sentence.
        if cited_before.is_none()
            && w(0).eq_ignore_ascii_case("citing")
            && subject.s >= 2
            && w(subject.s - 1) == ","
        {
            cited_before = np_after_to(text, toks, 1, entities, true)
                .filter(|np| np.e < subject.s)
                .map(|np| Np {
                    e: np.e.min(subject.s - 1),
                    ..np
                });
        }
        let (outlet, cited, after) = relay(text, toks, v, entities);
        let outlet = outlet.or(relayed_by);
        let cited = cited.or(cited_before.map(|c| (c, c.s.saturating_sub(1))));
        out.push(Found {
            subject,
            v,
            inverted: false,
            cited,
            outlet,
            after,
        });
    }
    out
}

fn np_attribution(
    text: &str,
    toks: &[Tok],
    np: &Np,
    verb: Span,
    entities: &Entities,
) -> Option<Attribution> {
    let span = match np.entity {
        Some((sp, _)) if toks.get(np.s).is_some_and(|t| t.span.start >= sp.start) => sp,
        _ => Span::new(
            toks.get(np.s)?.span.start,
            toks.get(np.e.checked_sub(1)?)?.span.end,
        ),
    };
    let entity = np.entity.map(|(_, r)| r);
    Some(Attribution {
        text: span.slice(text)?.to_string(),
        span,
        verb: verb.slice(text)?.to_string(),
        verb_span: verb,
        entity,
        name: entity.and_then(|r| entities.name(r)).map(str::to_string),
    })
}

fn verb_span(text: &str, toks: &[Tok], v: usize) -> Option<Span> {
    let t = toks.get(v)?;
    Some(if word(text, t).to_lowercase().starts_with("point") {
        toks.get(v + 1).map_or(t.span, |n| t.span.cover(n.span))
    } else {
        t.span
    })
}

/// The speaker and the reporters of an attribution: a cited source speaks and the subject
/// relays; an outlet told the words relays them too.
fn speaker_and_reporters(
    text: &str,
    toks: &[Tok],
    f: &Found,
    entities: &Entities,
) -> Option<(Attribution, Vec<Attribution>)> {
    let verb = verb_span(text, toks, f.v)?;
    let subject = np_attribution(text, toks, &f.subject, verb, entities)?;
    let mut reporters = Vec::new();
    let speaker = if let Some((np, cv)) = &f.cited {
        let cverb = verb_span(text, toks, *cv).unwrap_or(verb);
        reporters.push(subject);
        np_attribution(text, toks, np, cverb, entities)?
    } else {
        subject
    };
    if let Some(o) = &f.outlet {
        reporters.insert(0, np_attribution(text, toks, o, verb, entities)?);
    }
    Some((speaker, reporters))
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
    for dash in [") – ", ") — ", ") - ", ") -- "] {
        let found = s.find(dash).filter(|&i| i < 90);
        if let Some(i) = found.filter(|&i| s.get(..i).is_some_and(|h| !h.contains('.'))) {
            return Span::new(span.start + i + dash.len(), span.end);
        }
    }
    span
}

/// Whether the attribution closes the sentence: after a comma, followed by its hearer, a cited
/// source and adjuncts only.
fn is_trailing(text: &str, toks: &[Tok], f: &Found) -> bool {
    if f.inverted {
        return true;
    }
    let after_comma = f.subject.s > 0
        && toks
            .get(f.subject.s - 1)
            .is_some_and(|t| matches!(word(text, t), "," | "”" | "\""));
    if !after_comma {
        return false;
    }
    // What a comma closes before a trailing attribution is the reported clause; a description
    // ("A senior official, Basem Naim, said the …") or an adjunct ("In Kyiv, officials said the
    // …") is none, and the attribution leads.
    let comma_before = toks
        .get(f.subject.s - 1)
        .is_some_and(|t| word(text, t) == ",");
    let opens_description = toks
        .first()
        .is_some_and(|t| has(Class::NounMarker, &word(text, t).to_lowercase()));
    if comma_before
        && opens_description
        && !is_clause(text, toks.get(..f.subject.s - 1).unwrap_or(&[]))
    {
        return false;
    }
    let rest = toks.get(f.after..).unwrap_or(&[]);
    // "…, the agency said, adding that …": the added content is the speaker's second one.
    let rest = match added_content(text, rest, 0) {
        Some((comma, _)) => rest.get(..comma).unwrap_or(&[]),
        None => rest,
    };
    if rest.len() > 14 {
        return false;
    }
    let words: Vec<&str> = rest.iter().map(|t| word(text, t)).collect();
    if words
        .iter()
        .any(|w| matches!(*w, "that" | ":" | "“" | "\""))
    {
        return false;
    }
    match words.first() {
        None => true,
        Some(first) => {
            matches!(*first, "." | "," | "!" | "?" | ";" | ")")
                || has(Class::TrailingStarter, first)
                || has(Class::Hearer, first)
                || *first == "the"
                || *first == "a"
                || !is_clause(text, rest)
        }
    }
}

/// Where the content of a leading attribution starts: after "that", after the hearer of
/// "told", after adjuncts ("said on Friday that"), or right after the verb.
fn content_start(text: &str, toks: &[Tok], f: &Found) -> usize {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let k = f.after;
    // Adjuncts between the verb and "that": "said on Friday that", "told reporters in Moscow
    // that".
    let that = (k..toks.len().min(k + 10))
        .take_while(|&x| {
            toks.get(x)
                .is_some_and(|t| t.kind != TokenKind::Punct || w(x) == ",")
        })
        .find(|&x| w(x) == "that");
    if let Some(x) = that
        && (x == k || has(Class::TrailingStarter, w(k)) || has(Class::Hearer, w(k)) || w(k) == "in")
    {
        return x + 1;
    }
    // "…," Reyes said, adding that …
    if w(k) == "," && matches!(w(k + 1).to_lowercase().as_str(), "adding" | "saying") {
        return k + 2 + usize::from(w(k + 2) == "that");
    }
    // "reported, citing U.S. officials, that …"
    if w(k) == "," && w(k + 1) == "that" {
        return k + 2;
    }
    if matches!(w(k), "that" | ":" | ",") {
        return k + 1;
    }
    // Wire style without "on": "said Tuesday that".
    let en = demarche_text::english::words();
    if en.weekday(w(k)).is_some() && w(k + 1) == "that" {
        return k + 2;
    }
    // A day between the verb and a content without "that" ("said on Friday he would …"): the
    // content starts after it.
    let is_day = |x: usize| en.weekday(w(x)).is_some() || en.month(w(x)).is_some();
    let on = usize::from(w(k).eq_ignore_ascii_case("on"));
    if is_day(k + on) {
        let mut x = k + on;
        while x < toks.len() && (is_day(x) || w(x).bytes().all(|b| b.is_ascii_digit())) {
            x += 1;
        }
        if toks.get(x).is_some_and(|t| t.kind == TokenKind::Word) {
            return x;
        }
    }
    k
}

/// Where a leading attribution's content ends: before ", quoting …", ", citing …", ", adding
/// …", else at the sentence's end.
fn content_end(text: &str, toks: &[Tok], from: usize) -> usize {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    (from..toks.len())
        .find(|&k| {
            w(k) == ","
                && (matches!(
                    w(k + 1).to_lowercase().as_str(),
                    "quoting" | "citing" | "adding" | "according" | "saying"
                ) || writers_as_clause(text, toks, k))
        })
        .unwrap_or(toks.len())
}

/// Whether ", as" at comma `k` opens the writer's clause of what happened meanwhile ("…, as the
/// Sutlej and Ravi rivers rose", "…, as clashes along the border entered a sixth day"): a
/// subject (a definite article, a capitalised name or a plural noun) and a verb in the past
/// tense before the sentence's end. "as well", "as part of", "as expected" stay in the content.
fn writers_as_clause(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if !w(k + 1).eq_ignore_ascii_case("as") {
        return false;
    }
    let en = demarche_text::english::get();
    let first = w(k + 2);
    let subject = en.is_definite(first)
        || is_cap(first)
        || (first.ends_with('s') && !has(Class::Function, first) && first.len() > 3);
    let past = |j: usize| {
        let lower = w(j).to_lowercase();
        let prev = w(j - 1).to_lowercase();
        let lower_word = toks.get(j).is_some_and(|t| t.kind == TokenKind::Word) && !is_cap(w(j));
        // A noun after a determiner, a participle with its agent.
        let not_finite = en.is_definite(&prev)
            || has(Class::NounMarker, &prev)
            || en.is_prep(w(j + 1), demarche_text::english::Prep::Agent);
        lower_word
            && !not_finite
            && (lower.ends_with("ed") && lower.len() > 4
                || en
                    .known_lemma(&lower)
                    .is_some_and(|l| l != lower && !lower.ends_with('s')))
    };
    subject && (k + 3..toks.len()).any(past)
}

/// An ", adding (that) …" or ", saying (that) …" clause at or after token `from`: its comma
/// and where its content starts (the same speaker's second content).
fn added_content(text: &str, toks: &[Tok], from: usize) -> Option<(usize, usize)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let k = (from..toks.len()).find(|&k| {
        w(k) == "," && matches!(w(k + 1).to_lowercase().as_str(), "adding" | "saying")
    })?;
    let start = k + 2 + usize::from(w(k + 2) == "that");
    (start + 2 < toks.len()).then_some((k, start))
}

/// Whether the sentence at `span` is a headline: a first line without a closing full stop,
/// question or exclamation mark, with a blank line after it.
fn is_headline(text: &str, span: Span) -> bool {
    let line = span.slice(text).unwrap_or("").trim_end();
    let rest = text.get(span.end..).unwrap_or("");
    let before = text.get(..span.start).unwrap_or("");
    before.trim().is_empty()
        && !line.ends_with(['.', '!', '?', '"', '\u{201d}'])
        && !line.contains('\n')
        && rest.trim_start_matches([' ', '\t']).starts_with("\n\n")
}

/// Whether the tokens read as a clause: they hold a verb form (an auxiliary or modal, a past
/// form, a verb the English lists know).
fn is_clause(text: &str, toks: &[Tok]) -> bool {
    let en = demarche_text::english::get();
    let w_at = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    toks.iter().enumerate().any(|(i, t)| {
        let w = word(text, t);
        let lower = w.to_lowercase();
        if t.kind != TokenKind::Word || is_cap(w) && i > 0 {
            return false;
        }
        let verb_form = en.aux(&lower).is_some()
            || en.modal(&lower).is_some()
            || (lower.ends_with("ed") && lower.len() > 4)
            || en.known_lemma(&lower).is_some_and(|l| l != lower || i > 0);
        // A form in "-ing" alone is a gerund or a participle ("at a donors' meeting"); with an
        // auxiliary the auxiliary counts.
        let gerund = lower.ends_with("ing") && en.known_lemma(&lower).is_some_and(|l| l != lower);
        if !verb_form || gerund || i == 0 {
            return verb_form && !gerund;
        }
        let prev = w_at(i - 1);
        // A participle with its agent after a noun ("a meeting attended by envoys", "a
        // statement relayed by SITE") modifies the noun; with an auxiliary the auxiliary counts.
        let agent_participle = en.is_prep(w_at(i + 1), demarche_text::english::Prep::Agent)
            && toks.get(i - 1).is_some_and(|p| p.kind == TokenKind::Word)
            && en.aux(&prev.to_lowercase()).is_none();
        // A word right after an article or a possessive determiner is a noun ("the pledge",
        // "its claims"), not a verb.
        let after_determiner = [
            "a", "an", "the", "its", "their", "his", "her", "our", "each", "every", "no",
        ]
        .iter()
        .any(|d| prev.eq_ignore_ascii_case(d));
        !(agent_participle || after_determiner)
    })
}

/// Whether content is an object and an infinitive ("urged Manila to stop …", "asked allies to
/// send …"): a directive, not reported words. The object holds no verb before "to".
fn object_infinitive(text: &str, toks: &[Tok]) -> bool {
    let Some(to) = toks.iter().position(|t| word(text, t) == "to") else {
        return false;
    };
    let object = toks.get(..to).unwrap_or(&[]);
    let verb = toks.get(to + 1).is_some_and(|t| {
        let w = word(text, t);
        !is_cap(w) && demarche_text::english::get().known_lemma(w) == Some(w)
    });
    to > 0 && verb && !is_clause(text, object)
}

/// Pronoun and description speakers, resolved against who spoke before (see the module doc).
#[derive(Default)]
struct Discourse {
    /// Speakers in text order: sentence index, entity (when known), the subject as written,
    /// whether a person.
    speakers: Vec<(usize, Option<EntityRef>, String, bool)>,
}

impl Discourse {
    fn resolve(&self, a: &mut Attribution, si: usize, entities: &Entities, sentence_start: usize) {
        let lower = a.text.to_lowercase();
        // A pronoun is who spoke last, before the person the entity layer found nearest.
        let pronoun = lexicon::is_person_pronoun(&lower) || matches!(lower.as_str(), "it" | "they");
        if a.entity.is_some() && !pronoun {
            return;
        }
        let window = || {
            self.speakers
                .iter()
                .rev()
                .take_while(move |(s, ..)| s + 2 >= si)
        };
        let recent = |person: bool| window().find(|(.., p)| *p == person);
        let set = |a: &mut Attribution, e: Option<EntityRef>, written: &str| {
            a.entity = e;
            a.name = match e {
                Some(e) => entities.name(e).map(str::to_string),
                None => Some(written.to_string()),
            };
        };
        // A speaker pronoun refers back past its own sentence, whose content may name others
        // ("Pedro Sanz will visit …, she said").
        if lexicon::is_person_pronoun(&lower) {
            if let Some((_, e, t, _)) = recent(true) {
                set(a, *e, t);
            } else if let Some(e) = entities.last_before(sentence_start, true) {
                set(a, Some(e), "");
            }
        } else if matches!(lower.as_str(), "it" | "they") {
            if let Some((_, e, t, _)) = recent(false) {
                set(a, *e, t);
            } else if let Some(e) = entities.last_before(sentence_start, false) {
                set(a, Some(e), "");
            }
        } else if let Some(head) = description_head(&lower)
            && has(Class::GenericSpeaker, head)
            && let Some((_, e, t, _)) = recent(false).filter(|(_, e, ..)| e.is_some())
        {
            // "the group said": the organisation that spoke last.
            set(a, *e, t);
        } else if let Some(head) = description_head(&lower) {
            // An organisation that spoke before and whose name holds the noun, else the one
            // that spoke last ("the group said"), else one named before whose name holds it.
            let holds = |name: &str| name.to_lowercase().split_whitespace().any(|w| w == head);
            let named_so = |e: &EntityRef| entities.name(*e).is_some_and(holds);
            if let Some((_, e, t, _)) = window()
                .filter(|(.., p)| !*p)
                .find(|(_, e, t, _)| e.as_ref().map_or(holds(t), named_so))
            {
                if t.to_lowercase() != lower {
                    set(a, *e, t);
                }
            } else if let Some(e) = entities
                .orgs_before(sentence_start)
                .into_iter()
                .rev()
                .find(named_so)
            {
                set(a, Some(e), "");
            } else if has(Class::GenericSpeaker, head)
                && let Some((_, e, t, _)) = recent(false)
            {
                set(a, *e, t);
            }
        }
    }

    fn spoke(&mut self, a: &Attribution, si: usize) {
        let person = matches!(a.entity, Some(EntityRef::Person(_)))
            || a.entity.is_none() && lexicon::is_person_pronoun(&a.text.to_lowercase());
        let written = a.name.clone().unwrap_or_else(|| a.text.clone());
        // Pronouns left unresolved say nothing about who spoke.
        if a.entity.is_none()
            && a.name.is_none()
            && description_head(&a.text.to_lowercase()).is_none()
            && !a.text.contains(' ')
            && a.text.chars().next().is_some_and(char::is_lowercase)
        {
            return;
        }
        self.speakers.push((si, a.entity, written, person));
    }
}

/// Whether a subject is a description "the ministry", "the army" (one that pronouns and
/// descriptions resolve to who spoke).
fn described(text: &str, toks: &[Tok], np: &Np) -> bool {
    let (Some(first), Some(last)) = (toks.get(np.s), toks.get(np.e.saturating_sub(1))) else {
        return false;
    };
    // Its noun is a common one ("the ministry", not "The United" before "States").
    !is_cap(word(text, last))
        && Span::new(first.span.start, last.span.end)
            .slice(text)
            .is_some_and(|t| description_head(&t.to_lowercase()).is_some())
}

/// The noun of a description "the ministry", "the group" (lower case, one or two words after
/// "the").
fn description_head(lower: &str) -> Option<&str> {
    let rest = lower.strip_prefix("the ")?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty()
        || words.len() > 2
        || words.iter().any(|w| !w.chars().all(char::is_alphabetic))
    {
        return None;
    }
    words.last().copied()
}

/// A direct quotation's span and the sentences that open and close it.
struct Direct {
    inner: Span,
    open: usize,
    close: usize,
    words: usize,
}

/// Quotations between “…” or "…" (at least one word), with the sentences they open and close
/// in.
fn direct_spans(text: &str, sentences: &[SentenceTokens]) -> Vec<Direct> {
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
fn quoting_before(
    text: &str,
    toks: &[Tok],
    quote_start: usize,
    entities: &Entities,
) -> Option<(Attribution, Vec<Attribution>)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let q = toks.iter().position(|t| t.span.start >= quote_start)?;
    // "quoting NP as VERBing [object]" within twelve tokens before the quotation.
    let k = (q.saturating_sub(12)..q)
        .rev()
        .find(|&k| w(k).eq_ignore_ascii_case("quoting"))?;
    let np = np_after(text, toks, k + 1, entities)?;
    if w(np.e) != "as" {
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
                if let Some(f) = after.or(before) {
                    speaker = speaker_and_reporters(text, &st.toks, f, entities).map(|x| (x, sj));
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
            !is_trailing(text, toks, f)
                && trailing.is_none_or(|t| f.v < t.subject.s)
                && (f.subject.entity.is_some()
                    || f.cited.is_some()
                    || trailing.is_none()
                    || reports && (with_that || described(text, toks, &f.subject)))
                && start < toks.len().saturating_sub(1)
        });
        let sentence_end = toks.last().map_or(s.span.end, |t| t.span.end);
        let tok_start = |k: usize| toks.get(k).map_or(sentence_end, |x| x.span.start);
        let (speaker_of, trailing_of, content, added_from) = match (leading, trailing) {
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
                if let Some(mut q) = according_to(text, toks, entities) {
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
            let content_toks: Vec<Tok> = toks
                .iter()
                .filter(|t| content_span.start <= t.span.start && t.span.end <= content_span.end)
                .copied()
                .collect();
            let headline = si == 0 && is_headline(text, s.span) && content_toks.len() >= 3;
            if !headline && !is_clause(text, &content_toks)
                || object_infinitive(text, &content_toks)
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

/// Whether the text between a quotation and its attribution holds closing marks only, or
/// closing marks and a description in apposition to the speaker (`"…," its spokesman, Khalid
/// …, told`).
fn closing_gap(gap: &str) -> bool {
    let closing = |c: char| c.is_whitespace() || ",.!?\"”’'".contains(c);
    let rest = gap.trim_start_matches(closing);
    if rest.is_empty() {
        return true;
    }
    let Some(description) = rest.trim_end().strip_suffix(',') else {
        return false;
    };
    let words: Vec<&str> = description.split_whitespace().collect();
    words.len() <= 6
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

/// Whether the direct quotation `d` goes on from the one at `prev`, which closed in sentence
/// `close`: `d` opens the next sentence, in the same paragraph, with only the rest of the
/// earlier sentence's attribution between them.
fn continues(
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
    // "According to the state broadcaster, NHK, …": the name in apposition is the source's.
    if a == 0
        && w(np_end) == ","
        && let Some((span, _)) = toks
            .get(np_end + 1)
            .and_then(|t| entities.starting_at(t.span.start))
            .filter(not_place)
        && let Some(e) = toks.iter().position(|t| t.span.end == span.end)
        && w(e + 1) == ","
    {
        np_end = e + 1;
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
    fn continued_quotations_keep_their_speaker_within_the_paragraph() {
        check(
            "\"The port stays open,\" Anna Lind said. \"Ships may dock at night.\"",
            &[
                (Direct, "Anna Lind", "said", &[], "The port stays open"),
                (Direct, "Anna Lind", "said", &[], "Ships may dock at night"),
            ],
        );
        // A new paragraph is no continuation.
        check(
            "\"The port stays open,\" Anna Lind said.\n\n\"Ships may dock at night and leave at dawn.\"",
            &[(Direct, "Anna Lind", "said", &[], "The port stays open")],
        );
    }

    #[test]
    fn relative_aged_time_adjunct_and_apposed_name_subjects() {
        check(
            "The envoy met Anna Lind, who said on Monday that the port \"will stay open\".",
            &[(Direct, "Anna Lind", "said", &[], "will stay open")],
        );
        check(
            "Norland on Monday said the port would stay open.",
            &[(Indirect, "Norland", "said", &[], "the port would stay open")],
        );
        check(
            "\"It shook the walls,\" baker Omar Saleh, 41, said.",
            &[(Direct, "Omar Saleh", "said", &[], "It shook the walls")],
        );
        check(
            "The navy's chief, Vice Adm. Omar Saleh, said the port would stay open.",
            &[(
                Indirect,
                "Omar Saleh",
                "said",
                &[],
                "the port would stay open",
            )],
        );
        check(
            "\"The port stays open,\" said U.N. spokesman Omar Saleh.",
            &[(Direct, "Omar Saleh", "said", &[], "The port stays open")],
        );
    }

    #[test]
    fn an_object_and_its_infinitive_are_no_reported_words() {
        check("Anna Lind urged the allies to send more ships.", &[]);
    }

    #[test]
    fn speech_after_a_modal_is_no_attribution() {
        check(
            "Asked whether Norland would respond, Anna Lind said: \"Of course.\"",
            &[(Direct, "Anna Lind", "said", &[], "Of course")],
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
        // A day between the verb and a content without "that" is no part of the content.
        check(
            "Anna Lind said on Friday the port would stay open.",
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
    fn plural_nouns_that_look_like_speech_verbs() {
        // "for hill states", "the revised estimates": nouns, so no speaker and no content.
        check(
            "Anna Lind said the sum was \"too little\" for hill states.",
            &[(Direct, "Anna Lind", "said", &[], "too little")],
        );
        check(
            "The ministry set aside $20 million, up from $18 million in the revised estimates.",
            &[],
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

    #[test]
    fn reporter_chains_in_passives_participles_and_opening_citations() {
        // "X was quoted by Y as saying", "X was quoted as saying by Y": X speaks, Y relays.
        check(
            "The talks would go on, Lena Dahl was quoted by Interfax as saying.",
            &[(
                Indirect,
                "Lena Dahl",
                "quoted",
                &["Interfax"],
                "The talks would go on",
            )],
        );
        check(
            "\"We will respond,\" Lena Dahl was quoted as saying by Interfax.",
            &[(
                Direct,
                "Lena Dahl",
                "quoted",
                &["Interfax"],
                "We will respond",
            )],
        );
        // "in comments carried by X", "a source cited by X", ", cited by X,": X relays.
        check(
            "Lena Dahl said in comments carried by Interfax that the front was calm.",
            &[(
                Indirect,
                "Lena Dahl",
                "said",
                &["Interfax"],
                "the front was calm",
            )],
        );
        check(
            "The front was calm, a source cited by Interfax said.",
            &[(
                Indirect,
                "a source",
                "said",
                &["Interfax"],
                "The front was calm",
            )],
        );
        check(
            "A former colleague, cited by the newspaper Morning Ledger, said the man was calm.",
            &[(
                Indirect,
                "A former colleague",
                "said",
                &["Morning Ledger"],
                "the man was calm",
            )],
        );
        // "Citing X, Y reported that …": X speaks, Y relays.
        check(
            "Citing two sources, Interfax reported that the talks had stalled.",
            &[(
                Indirect,
                "two sources",
                "Citing",
                &["Interfax"],
                "the talks had stalled",
            )],
        );
        // "told reporters the …": the hearer ends before the content's article.
        check(
            "Anna Lind told reporters the port would reopen.",
            &[(Indirect, "Anna Lind", "told", &[], "the port would reopen")],
        );
    }

    #[test]
    fn headlines_need_no_verb_form() {
        check(
            "Kremlin says no date yet for summit\n\nMOSCOW - Talks go on.",
            &[(Indirect, "Kremlin", "says", &[], "no date yet for summit")],
        );
        check(
            "Northland fires short-range missiles, Southland says\n\nThe launch was seen.",
            &[(
                Indirect,
                "Southland",
                "says",
                &[],
                "Northland fires short-range missiles",
            )],
        );
    }

    #[test]
    fn described_subjects_before_an_apposed_name_lead() {
        // A description and a name between commas open the sentence: the attribution leads.
        check(
            "A senior official, Basem Nour, said the group had accepted the plan.",
            &[(
                Indirect,
                "Basem Nour",
                "said",
                &[],
                "the group had accepted the plan",
            )],
        );
        check(
            "In Kyiv, officials said the strike hit a school.",
            &[(
                Indirect,
                "officials",
                "said",
                &[],
                "the strike hit a school",
            )],
        );
    }

    #[test]
    fn reporter_chains_cite_tell_and_quote() {
        // "…, X reported, citing Y": Y speaks, X relays.
        check(
            "The port will reopen in May, the Harbour Post newspaper reported, citing two shipping officials.",
            &[(
                Indirect,
                "two shipping officials",
                "citing",
                &["Harbour Post"],
                "The port will reopen in May",
            )],
        );
        // "X, citing Y, said …"
        check(
            "State radio, citing a port official, said the ferry had sunk.",
            &[(
                Indirect,
                "a port official",
                "citing",
                &["State radio"],
                "the ferry had sunk",
            )],
        );
        // "told an outlet" relays; "told reporters" does not.
        check(
            "Anna Lind told public broadcaster NHK that the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "told",
                &["NHK"],
                "the port would stay open",
            )],
        );
        check(
            "Anna Lind told reporters that the port would stay open.",
            &[(
                Indirect,
                "Anna Lind",
                "told",
                &[],
                "the port would stay open",
            )],
        );
    }

    #[test]
    fn short_quotations_need_an_attribution() {
        check(
            "Anna Lind called the blockade \"reckless\" on Monday.",
            &[(Direct, "Anna Lind", "called", &[], "reckless")],
        );
        check(
            "Anna Lind said the talks had been \"frank\" and useful.",
            &[(Direct, "Anna Lind", "said", &[], "frank")],
        );
        // No attribution: a scare quote.
        check("The \"harbour model\" was discussed.", &[]);
    }

    #[test]
    fn pronoun_and_description_speakers_resolve_to_who_spoke_before() {
        check(
            "The Harbour Authority said the port was closed. \"Ships must wait outside the bay,\" it said.",
            &[
                (
                    Indirect,
                    "Harbour Authority",
                    "said",
                    &[],
                    "the port was closed",
                ),
                (
                    Direct,
                    "Harbour Authority",
                    "said",
                    &[],
                    "Ships must wait outside the bay",
                ),
            ],
        );
        check(
            "The Coastal Union said it rejected the plan. The group said talks were over.",
            &[
                (
                    Indirect,
                    "Coastal Union",
                    "said",
                    &[],
                    "it rejected the plan",
                ),
                (Indirect, "Coastal Union", "said", &[], "talks were over"),
            ],
        );
        // "she said" is the person who spoke last, not the person named in the content.
        check(
            "Anna Lind spoke first. Pedro Sanz will visit the port on Monday, she said.",
            &[(
                Indirect,
                "Anna Lind",
                "said",
                &[],
                "Pedro Sanz will visit the port on Monday",
            )],
        );
    }

    #[test]
    fn contents_that_are_no_clause_and_nouns_that_look_like_verbs() {
        // "pledged $150 million in aid" gives no clause; "did not respond" is negated.
        check("Norway pledged $150 million in aid.", &[]);
        check("The army did not respond to a request for comment.", &[]);
        // "a state visit" is a noun.
        check("Pedro Sanz will pay a state visit to Peru.", &[]);
    }
}
