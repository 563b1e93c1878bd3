//! Persons, organisations and places, by rules over capitalised word sequences.
//!
//! 1. In each sentence, runs of capitalised words are collected ("Russian President Vladimir
//!    Putin", "Ministry of Commerce Shu Jueting"); "of/for/and/the" join a run only after an
//!    organisation head word ("Ministry of Commerce"), name particles ("bin", "de") always.
//! 2. Each run is cut into parts: leading titles and nationality adjectives, an organisation
//!    (from its head word, extended over words that continue organisation names), a place from
//!    the country table, a known organisation, or else a person name.
//! 3. A person's role and organisation come from the words before the name ("Chinese foreign
//!    ministry spokesperson", "spokesperson for the Ministry of Commerce") or from an apposition
//!    after it ("Zhao Lijian, a spokesperson for the ministry,").
//! 4. Mentions are merged: a single name word that is part of a full name ("Zhao"), a pronoun
//!    ("he", "his") to the person last mentioned within two sentences, and a description ("the
//!    Russian president") to the person last mentioned with that role and nationality.

use crate::geo::{self, GeoContext, PendingPlace};
use crate::lexicon::{self, Class, PlaceKind, has, is_in};
use crate::titles::{self, Title};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;
use serde::Serialize;
use std::collections::BTreeMap;

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// The full name as first given ("Vladimir Putin", "Ministry of Commerce").
    Name,
    /// Part of the full name ("Putin", "Zhao").
    Short,
    /// A personal pronoun ("he", "his").
    Pronoun,
    /// A description by role ("The Russian president").
    Description,
}

/// One place in the text where an entity is named or referred to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub kind: MentionKind,
}

/// A piece of text with its span: a role, an organisation, a description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phrase {
    pub text: String,
    pub span: Span,
}

/// A person, with the role, organisation and country the text gives, and all its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Person {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Phrase>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<Phrase>,
    /// ISO 3166 alpha-3 (= CAMEO) code from a nationality adjective ("Russian President").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub mentions: Vec<Mention>,
}

/// An organisation, with its description ("Russian news agency") when the text gives one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Organization {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Phrase>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub mentions: Vec<Mention>,
}

/// A place, resolved to one entry of the embedded gazetteer (`demarche-geo`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Place {
    pub name: String,
    pub kind: PlaceKind,
    /// ISO 3166 alpha-3 (= CAMEO) country code; empty for seas and regions of several
    /// countries.
    pub country: String,
    /// FIPS 10-4 country code, as GDELT's GKG writes locations.
    pub fips: String,
    /// GDELT's ADM1 code (FIPS country code + GeoNames admin-1 code, "UP08").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// The admin-1 region's name ("Kherson").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The gazetteer id: a GeoNames id, "A-<ISO2>-<code>" for admin-1 regions, "X-<slug>" for
    /// our own places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Why this entry was chosen among those of the same name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolution: Option<crate::geo::Resolution>,
    pub mentions: Vec<Mention>,
}

impl Place {
    pub(crate) fn from_entry(
        e: &demarche_geo::Entry,
        surface: &str,
        why: crate::geo::Resolution,
    ) -> Place {
        let g = demarche_geo::Gazetteer::get();
        let lex = lexicon::place(surface);
        let (name, fips) = match lex {
            Some((c, PlaceKind::Country)) => (c.name.to_string(), c.fips.to_string()),
            _ => (e.name.to_string(), e.fips.to_string()),
        };
        let kind = match e.kind {
            demarche_geo::Kind::Country => PlaceKind::Country,
            demarche_geo::Kind::City => PlaceKind::City,
            demarche_geo::Kind::Admin1 => PlaceKind::Admin1,
            demarche_geo::Kind::Sea => PlaceKind::Sea,
            demarche_geo::Kind::Region => PlaceKind::Region,
        };
        Place {
            name,
            kind,
            country: e.iso3.to_string(),
            fips,
            admin1: e.adm1_code().filter(|_| kind != PlaceKind::Country),
            admin1_name: g
                .admin1_of(e)
                .map(|a| a.name.to_string())
                .or_else(|| (kind == PlaceKind::Admin1).then(|| e.name.to_string())),
            lat: Some(e.lat),
            lon: Some(e.lon),
            id: Some(e.id.to_string()),
            resolution: Some(why),
            mentions: Vec::new(),
        }
    }
}

/// No mention is longer than this many bytes (names and role descriptions are short); it
/// bounds the search for mentions ending at a position.
const MAX_MENTION_BYTES: usize = 512;

/// Which entity a mention belongs to, by index into the lists of [`Entities`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "type", content = "index", rename_all = "lowercase")]
pub enum EntityRef {
    Person(usize),
    Organization(usize),
    Place(usize),
}

/// All entities of a document, and an index from mention span to entity.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entities {
    pub persons: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    /// The index in `places` of the dateline's place ("KYIV, March 3 (Reuters) -").
    #[serde(skip)]
    pub dateline: Option<usize>,
    /// Every mention's span and its entity, sorted by span.
    #[serde(skip)]
    pub index: Vec<(Span, EntityRef)>,
}

impl Entities {
    /// The entity whose mention has exactly this span, if any.
    pub fn at(&self, span: Span) -> Option<EntityRef> {
        self.index
            .binary_search_by(|(s, _)| s.cmp(&span))
            .ok()
            .and_then(|i| self.index.get(i))
            .map(|(_, e)| *e)
    }

    /// The entity with a mention ending at byte `end`, if any (longest mention wins).
    pub fn ending_at(&self, end: usize) -> Option<(Span, EntityRef)> {
        // `index` is sorted by start; mentions are short, so only those starting within
        // `MAX_MENTION_BYTES` before `end` can end there.
        let upto = self.index.partition_point(|(s, _)| s.start <= end);
        self.index
            .get(..upto)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take_while(|(s, _)| s.start + MAX_MENTION_BYTES >= end)
            .filter(|(s, _)| s.end == end)
            .min_by_key(|(s, _)| s.start)
            .copied()
    }

    /// The entity with a mention starting at byte `start`, if any (longest mention wins).
    pub fn starting_at(&self, start: usize) -> Option<(Span, EntityRef)> {
        let from = self.index.partition_point(|(s, _)| s.start < start);
        self.index
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|(s, _)| s.start == start)
            .max_by_key(|(s, _)| s.end)
            .copied()
    }

    /// The last person or organisation mentioned inside `span`, if any.
    pub fn last_within(&self, span: Span) -> Option<(Span, EntityRef)> {
        let from = self.index.partition_point(|(s, _)| s.start < span.start);
        let upto = self.index.partition_point(|(s, _)| s.start < span.end);
        self.index
            .get(from..upto.max(from))
            .unwrap_or(&[])
            .iter()
            .rfind(|(s, r)| s.end <= span.end && !matches!(r, EntityRef::Place(_)))
            .copied()
    }

    /// The last person (`person`) or organisation mentioned before byte `pos`.
    pub fn last_before(&self, pos: usize, person: bool) -> Option<EntityRef> {
        let upto = self.index.partition_point(|(s, _)| s.start < pos);
        self.index
            .get(..upto)
            .unwrap_or(&[])
            .iter()
            .rev()
            .find(|(s, r)| {
                s.end <= pos
                    && match r {
                        EntityRef::Person(_) => person,
                        EntityRef::Organization(_) => !person,
                        EntityRef::Place(_) => false,
                    }
            })
            .map(|(_, r)| *r)
    }

    /// The organisations mentioned before byte `pos`, in the order of those mentions.
    pub fn orgs_before(&self, pos: usize) -> Vec<EntityRef> {
        self.index
            .iter()
            .take_while(|(s, _)| s.start < pos)
            .filter(|(s, r)| s.end <= pos && matches!(r, EntityRef::Organization(_)))
            .map(|(_, r)| *r)
            .collect()
    }

    /// The display name of an entity.
    pub fn name(&self, e: EntityRef) -> Option<&str> {
        match e {
            EntityRef::Person(i) => self.persons.get(i).map(|p| p.name.as_str()),
            EntityRef::Organization(i) => self.organizations.get(i).map(|o| o.name.as_str()),
            EntityRef::Place(i) => self.places.get(i).map(|p| p.name.as_str()),
        }
    }
}

/// A sentence with its tokens, as the extractors share them.
pub struct SentenceTokens {
    pub span: Span,
    pub toks: Vec<Tok>,
}

fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    t.span.slice(text).unwrap_or("")
}

/// A capitalised word, or a name word behind a lower-case particle and a hyphen
/// ("al-Burhan", "el-Sisi").
fn is_cap_word(text: &str, t: &Tok) -> bool {
    let w = word(text, t);
    t.kind == TokenKind::Word
        && (w.chars().next().is_some_and(char::is_uppercase)
            || w.split_once('-').is_some_and(|(p, rest)| {
                has(Class::Particle, p) && rest.chars().next().is_some_and(char::is_uppercase)
            }))
}

/// A month's name (or an abbreviation with its dot, or "Sept") or a weekday's name.
fn is_time_word(w: &str) -> bool {
    let words = demarche_text::english::words();
    words.month(w).is_some()
        && (words.is_month_name(w) || w.ends_with('.') || w.eq_ignore_ascii_case("sept"))
        || words.weekday(w).is_some() && w.len() > 4
}

fn is_role_modifier(w: &str) -> bool {
    has(Class::RoleModifier, w)
}

const ORG_CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "&"];

/// A run of capitalised tokens in one sentence: indices `start..end` into the sentence tokens.
struct Run {
    start: usize,
    end: usize,
}

fn capitalised_runs(text: &str, toks: &[Tok]) -> Vec<Run> {
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
        let starts = is_cap_word(text, t) && !is_time_word(w) && !only_positional;
        if !starts {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut has_head = has(Class::OrgHead, w);
        while let Some(next) = toks.get(end) {
            let nw = word(text, next);
            if is_cap_word(text, next) && !is_time_word(nw) {
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
                if toks
                    .get(k)
                    .is_some_and(|x| is_cap_word(text, x) && !is_time_word(word(text, x)))
                {
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
            let joins = has_head && is_in(ORG_CONNECTORS, nw) && !place_follows;
            if joins {
                // The connector must be followed, maybe after "the", by a capitalised word.
                let mut k = end + 1;
                if toks.get(k).is_some_and(|x| word(text, x) == "the") {
                    k += 1;
                }
                if toks
                    .get(k)
                    .is_some_and(|x| is_cap_word(text, x) && !is_time_word(word(text, x)))
                {
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

/// The end of a gazetteer name that runs from the run `toks[start..end]` (or its last word)
/// over the connector at `end` and one to three capitalised words after it.
fn place_across(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<usize> {
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
fn place_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(first) = toks.get(k) else {
        return false;
    };
    (k..k + 3)
        .take_while(|&b| toks.get(b).is_some_and(|x| is_cap_word(text, x)))
        .filter_map(|b| text.get(first.span.start..toks.get(b)?.span.end))
        .any(|name| !geo::candidates(name).is_empty())
}

/// A headline in title case: no closing punctuation, at least three words, and every word
/// capitalised except short function words.
fn is_title_case(text: &str, toks: &[Tok]) -> bool {
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

/// What a part of a capitalised run turned out to be.
enum Part {
    Person {
        start: usize,
        end: usize,
    },
    Organization {
        start: usize,
        end: usize,
    },
    Place {
        start: usize,
        end: usize,
    },
    /// A name with an organisation-like head that is no organisation ("Treaty of ...").
    Other,
}

/// Whether the run `toks[start..end]` names a news outlet by the words around it: an outlet
/// noun right before it ("the newspaper Folha de S.Paulo", "public broadcaster NHK", "state
/// news agency SUNA") or right after it ("the Haaretz newspaper", "Al-Manar television").
fn outlet_around(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| has(Class::Outlet, word(text, t)) && !is_cap_word(text, t));
    // A nationality before the outlet noun only says whose outlet it is ("Turkish broadcaster
    // Kanal D"): the outlet's name comes after.
    let nationality = end - start == 1
        && toks
            .get(start)
            .is_some_and(|t| lexicon::nationality(word(text, t)).is_some());
    let after = !nationality
        && toks
            .get(end)
            .is_some_and(|t| has(Class::Outlet, word(text, t)) && !is_cap_word(text, t));
    before || after
}

/// Whether the run `toks[start..end]` names a vessel, an operation or a feature, not a person:
/// a first word such as "Operation" or "USS", a last word such as "Island" or "Prefecture", or a
/// vessel word or a "-flagged" compound right before it ("the tanker …", "the Palau-flagged …").
fn no_person(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let before = start.checked_sub(1).map_or("", w);
    has(Class::NonPersonPrefix, w(start))
        || end
            .checked_sub(1)
            .is_some_and(|k| has(Class::PlaceHead, w(k)))
        || has(Class::Vessel, before)
        || before.ends_with("-flagged")
        || w(start).ends_with("-flagged")
}

/// Whether a word only modifies the name after it: a rank, a form of address, a role word or
/// modifier, a nationality (with a direction word before it: "South American"), or a compound
/// of a place or nationality and a lower-case participle ("Indian-administered",
/// "Palau-flagged", "Iran-backed").
fn is_name_modifier(text: &str, toks: &[Tok], k: usize) -> bool {
    let w = toks.get(k).map_or("", |t| word(text, t));
    let next = toks.get(k + 1).map_or("", |t| word(text, t));
    let compound = w.split_once('-').is_some_and(|(a, b)| {
        a.starts_with(char::is_uppercase) && b.starts_with(char::is_lowercase)
    });
    is_role_word(w)
        || is_role_modifier(w)
        || has(Class::Rank, w)
        || has(Class::Honorific, w)
        || lexicon::nationality(w).is_some()
        || (has(Class::Direction, w) && lexicon::nationality(next).is_some())
        || compound
}

fn classify(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    ctx: &GeoContext,
    out: &mut Vec<Part>,
) {
    classify_as(text, toks, start, end, ctx, true, out);
}

/// Cuts the run `toks[start..end]` into parts; `persons` says whether a part may be a person
/// (a premodifier before a title inside the run may not: "Middle East Peace" in "Special Envoy
/// for Middle East Peace Ambassador Daniel R. Whitfield").
fn classify_as(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    ctx: &GeoContext,
    persons: bool,
    out: &mut Vec<Part>,
) {
    if start >= end {
        return;
    }
    let span_text = |a: usize, b: usize| -> &str {
        match (toks.get(a), b.checked_sub(1).and_then(|x| toks.get(x))) {
            (Some(x), Some(y)) => text.get(x.span.start..y.span.end).unwrap_or(""),
            _ => "",
        }
    };
    let whole = span_text(start, end);
    // A known organisation or outlet first: news agencies share names with towns ("Xinhua").
    if lexicon::is_known_org(whole) && lexicon::place(whole).is_none() {
        out.push(Part::Organization { start, end });
        return;
    }
    if lexicon::place(whole).is_some() || ctx.is_place(text, toks, start, end) {
        out.push(Part::Place { start, end });
        return;
    }
    // A nationality of several words ("South Korean authorities") is no name.
    if end - start > 1 && lexicon::nationality(whole).is_some() {
        out.push(Part::Other);
        return;
    }
    // "Ambassador to Manila Huang Zhiming": the place that completes a title before the run
    // is no part of the name after it.
    if end - start >= 3
        && place_complement(text, toks, start)
        && (lexicon::place(word(text, &toks[start])).is_some()
            || ctx.is_place(text, toks, start, start + 1))
    {
        out.push(Part::Place {
            start,
            end: start + 1,
        });
        classify_as(text, toks, start + 1, end, ctx, persons, out);
        return;
    }
    // "Kherson Oblast", "Kharkiv Region": a place and its region word.
    if end - start >= 2
        && toks
            .get(end - 1)
            .is_some_and(|t| geo::is_region_word(word(text, t)))
        && ctx.is_place(text, toks, start, end - 1)
    {
        out.push(Part::Place {
            start,
            end: end - 1,
        });
        return;
    }
    if outlet_around(text, toks, start, end) {
        out.push(Part::Organization { start, end });
        return;
    }
    // A country before a title ("U.S. Secretary of State Antony Blinken"): a place, then the
    // title and the name.
    if toks
        .get(start + 1)
        .is_some_and(|t| is_role_word(word(text, t)))
        && toks
            .get(start)
            .is_some_and(|t| matches!(lexicon::place(word(text, t)), Some((_, PlaceKind::Country))))
    {
        out.push(Part::Place {
            start,
            end: start + 1,
        });
        classify_as(text, toks, start + 1, end, ctx, persons, out);
        return;
    }
    // An organisation head anywhere in the run: the organisation runs from the start (titles and
    // nationality adjectives included: "Russian Foreign Ministry") through its continuation.
    let head = (start..end).find(|&k| {
        toks.get(k)
            .is_some_and(|t| has(Class::OrgHead, word(text, t)))
    });
    if let Some(h) = head {
        let mut last = h;
        let mut k = h + 1;
        while k < end {
            let w = toks.get(k).map_or("", |t| word(text, t));
            let continues = has(Class::OrgHead, w)
                || has(Class::OrgDomain, w)
                || lexicon::place(w).is_some()
                || toks.get(k).is_some_and(|t| t.kind == TokenKind::Possessive)
                // "Department of European and Eurasian Affairs": capitalised words after
                // "and" inside a name with "of".
                || (is_cap_word(text, &toks[k])
                    && (h + 1..k).any(|j| toks.get(j).is_some_and(|t| word(text, t) == "of"))
                    && toks.get(k + 1).is_some_and(|t| has(Class::OrgDomain, word(text, t))));
            if continues {
                if !is_in(ORG_CONNECTORS, w) {
                    last = k;
                }
                k += 1;
            } else {
                break;
            }
        }
        let head_word = toks.get(h).map_or("", |t| word(text, t));
        if has(Class::NonOrgHead, head_word) {
            out.push(Part::Other);
        } else {
            // Titles before an organisation's name stay out of it when they are its
            // officer's ("Defence Minister" in "Defence Minister Ministry" is rare), but
            // nationality and modifier words are the organisation's ("Russian Foreign
            // Ministry").
            out.push(Part::Organization {
                start,
                end: last + 1,
            });
        }
        classify_as(text, toks, last + 1, end, ctx, persons, out);
        return;
    }
    if no_person(text, toks, start, end) {
        out.push(Part::Other);
        return;
    }
    // A title inside the run: "Northland Prime Minister Elena Varga" is a premodifier, a title
    // and a name; the premodifier is classified on its own (a place, or nothing).
    let w_at = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if let Some(r) = (start + 1..end.saturating_sub(1))
        .rev()
        .find(|&k| is_role_word(w_at(k)) || has(Class::Rank, w_at(k)))
    {
        let mut rs = r;
        while rs > start && (is_role_modifier(w_at(rs - 1)) || is_name_modifier(text, toks, rs - 1))
        {
            rs -= 1;
        }
        classify_as(text, toks, start, rs, ctx, false, out);
        classify_as(text, toks, r + 1, end, ctx, persons, out);
        return;
    }
    // A run that ends with a title is a title, not a name ("U.N. Personal Envoy"): what comes
    // before the title may be a place or an organisation.
    if toks
        .get(end - 1)
        .is_some_and(|t| is_role_word(word(text, t)) || has(Class::Rank, word(text, t)))
    {
        let mut rs = end - 1;
        while rs > start && (is_role_modifier(w_at(rs - 1)) || is_name_modifier(text, toks, rs - 1))
        {
            rs -= 1;
        }
        if rs < end - 1 || end - start > 1 {
            classify_as(text, toks, start, rs, ctx, false, out);
            return;
        }
    }
    // Leading titles, ranks, forms of address and nationality adjectives are not part of a
    // name.
    let mut s = start;
    // A run that opens the complement of an office before it ("Minister of State for
    // International Cooperation Amna …") is titled from its first word.
    let complement = start >= 2
        && matches!(w_at(start - 1), "for" | "of")
        && (start.saturating_sub(5)..start - 1).any(|k| is_role_word(w_at(k)));
    let mut titled = complement;
    while s < end {
        if is_name_modifier(text, toks, s) {
            titled |= is_role_word(w_at(s)) || is_role_modifier(w_at(s));
            s += 1;
        } else if titled && s + 2 <= end && has(Class::OrgDomain, w_at(s)) && s + 1 < end {
            // The complement of a title before the name ("Minister of State for Foreign
            // Affairs Kirti Singh").
            s += 1;
        } else {
            break;
        }
    }
    if s >= end {
        return;
    }
    // The last word of an office's complement ("Affairs" of "Minister of State for Foreign
    // Affairs, Ms. …") is no name.
    if s > start && titled && end - s == 1 && has(Class::OrgDomain, w_at(s)) {
        return;
    }
    if s > start {
        classify_as(text, toks, s, end, ctx, persons, out);
        return;
    }
    let rest = span_text(s, end);
    if lexicon::place(rest).is_some() || ctx.is_place(text, toks, s, end) {
        out.push(Part::Place { start: s, end });
        return;
    }
    if end - s == 1 {
        let w = rest;
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        // Acronyms of three letters or more are organisations ("NATO", "TASS"); two-letter ones
        // are too often abbreviations of roles ("FM", "PM") unless listed as organisations.
        if letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase()) {
            out.push(Part::Organization { start: s, end });
            return;
        }
    }
    // One word completing an office ("Minister for Investment", "High Commissioner for
    // Peace") is its domain, no person.
    let office_domain = complement && s == start && end - s == 1;
    if !persons
        || office_domain
        || after_place_preposition(text, toks, s, end)
        || noun_modifier(text, toks, s, end)
        || joined_to_place(text, toks, s, end, ctx)
    {
        return;
    }
    // A person's name: no word of it is a function word, a role or an organisation word.
    let clean = (s..end).all(|k| {
        toks.get(k).is_some_and(|t| {
            let w = word(text, t);
            // A credit joined by a slash ("AP Photo/Susan Walsh") is no name as written.
            !has(Class::Function, w) && !w.chars().any(|c| c.is_ascii_digit() || c == '/')
        })
    });
    if clean {
        out.push(Part::Person { start: s, end });
    }
}

/// Whether the run `toks[start..end]` follows a preposition of place ("in Deir al-Balah",
/// "through Kerem Shalom") and is no possessive owner ("in Xi's speech"): a place the gazetteer
/// lacks, not a person.
fn after_place_preposition(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .map_or("", |t| word(text, t));
    let owner = toks
        .get(end)
        .is_some_and(|t| t.kind == TokenKind::Possessive);
    matches!(
        before,
        "in" | "near" | "through" | "outside" | "inside" | "across"
    ) && !owner
}

/// Whether the run `toks[start..end]` is joined by "and" or "or" to a place before it ("Gaza
/// City and Khan Younis") or to a name after a preposition of place ("in Nuevo Leon and Baja
/// California"): a place the gazetteer lacks, not a person. Well-known persons stay persons.
fn joined_to_place(text: &str, toks: &[Tok], start: usize, end: usize, ctx: &GeoContext) -> bool {
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
    let name = toks
        .get(ps)
        .zip(toks.get(pe - 1))
        .and_then(|(a, b)| text.get(a.span.start..b.span.end))
        .unwrap_or("");
    let place_before = lexicon::place(name).is_some()
        || ctx.is_place(text, toks, ps, pe)
        || has(Class::PlaceHead, w(pe - 1));
    place_before || after_place_preposition(text, toks, ps, pe)
}

/// Whether the run `toks[start..end]` stands right after a definite article: English puts none
/// before a person's name, so the run names a thing ("the Biden administration", "the Abu
/// Shouk camp", "a member of the Rajya Sabha", "The Yomiuri Shimbun reported"). Titles between
/// the article and the name ("the late Pope Francis", "the Russian President Vladimir Putin")
/// keep the name a person's: the run checked here starts after them.
fn noun_modifier(text: &str, toks: &[Tok], start: usize, _end: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| demarche_text::english::get().is_definite(word(text, t)))
}

/// Whether the run starting at token `start` follows a title and its "to" or "for"
/// ("Ambassador to", "Envoy for"), so that its first word completes the title.
fn place_complement(text: &str, toks: &[Tok], start: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    start >= 2 && matches!(w(start - 1), "to" | "for") && is_role_word(w(start - 2))
}

fn is_role_word(w: &str) -> bool {
    titles::is_role(w)
}

fn phrase(text: &str, toks: &[Tok], a: usize, b: usize) -> Option<Phrase> {
    let first = toks.get(a)?;
    let last = toks.get(b.checked_sub(1)?)?;
    if a >= b {
        return None;
    }
    let span = Span::new(first.span.start, last.span.end);
    Some(Phrase {
        text: span.slice(text)?.to_string(),
        span,
    })
}

/// The title of the person named by `toks[start..end]`: the words before the name, else a title
/// a comma separates from it ("her Chinese counterpart, Zhou Hanlin"), else an apposition after
/// it, else the plural title of the list the name continues ("… foreign ministers, A, B and
/// C"). An office found later beats a rank alone before the name.
fn person_title(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    listed: &[(usize, usize, Title)],
) -> Title {
    let mut t = titles::before(text, toks, start);
    if t.role.is_none() || t.rank_only() {
        let c = start
            .checked_sub(1)
            .map(|k| titles::before_comma(text, toks, k))
            .unwrap_or_default();
        if c.role.is_some() {
            t = Title {
                country: c.country.or(t.country),
                ..c
            };
        }
    }
    if t.role.is_none() || t.rank_only() {
        let a = titles::after(text, toks, end);
        if a.role.is_some() {
            t = Title {
                country: a.country.or(t.country),
                ..a
            };
        }
    }
    // "Takeshi Iwaya and Johann Wadephul, the foreign ministers of Japan and Germany, met": a
    // plural title in apposition after a list of names is each name's.
    if t.role.is_none()
        && let Some(comma) = list_end(text, toks, end)
    {
        let a = titles::after(text, toks, comma);
        let plural = a.role.as_ref().is_some_and(|r| {
            r.text
                .split_whitespace()
                .next_back()
                .is_some_and(titles::is_plural_role)
        });
        if plural {
            t = Title {
                country: a.country.or(t.country),
                ..a
            };
        }
    }
    if t.role.is_none()
        && let Some((_, prev_end, prev)) = listed.last()
        && start >= 1
        && (*prev_end + 1 == start
            || *prev_end + 2 == start && toks.get(start - 2).is_some_and(|x| word(text, x) == ","))
        && toks
            .get(start - 1)
            .is_some_and(|x| matches!(word(text, x), "," | "and"))
        && prev.role.as_ref().is_some_and(|r| {
            r.text
                .split_whitespace()
                .next_back()
                .is_some_and(titles::is_plural_role)
        })
    {
        t = prev.clone();
    }
    t
}

/// The person whose name the word at `ti` gives a second time ("Mohamed Hamdan Dagalo, also
/// known as Hemedti"): an alias word (and "as") before it, a comma and that person's name
/// before them.
fn alias_of(text: &str, toks: &[Tok], ti: usize, persons: &[PendingPerson]) -> Option<usize> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let mut k = ti.checked_sub(1)?;
    if w(k) == "as" {
        k = k.checked_sub(1)?;
    }
    if !has(Class::Alias, w(k)) {
        return None;
    }
    // "also known as": an adverb before the alias word.
    let mut c = k.checked_sub(1)?;
    if w(c) != "," {
        c = c.checked_sub(1)?;
    }
    if w(c) != "," {
        return None;
    }
    let end = toks.get(c.checked_sub(1)?)?.span.end;
    persons
        .iter()
        .position(|p| p.mentions.iter().any(|m| m.span.end == end))
}

/// The comma that closes a list of names going on from token `end` ("…, B and C,"): the list
/// holds "and" and capitalised words only, and its last name is followed by the comma.
fn list_end(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    let mut k = end;
    let mut and = false;
    while k < toks.len() && k - end < 24 {
        let w = toks.get(k).map_or("", |t| word(text, t));
        let joins = w == "and" || w == ",";
        if !joins {
            return None;
        }
        and |= w == "and";
        let mut n = k + 1;
        while toks.get(n).is_some_and(|t| w_is_name(text, t)) {
            n += 1;
        }
        if n == k + 1 {
            // ", and": the joiners may come two in a row.
            if w == "," && toks.get(n).is_some_and(|t| word(text, t) == "and") {
                k = n;
                continue;
            }
            // The comma after the last name.
            return (and && w == "," && k > end).then_some(k);
        }
        k = n;
    }
    None
}

/// A word of a name inside a list: capitalised, or a name particle.
fn w_is_name(text: &str, t: &Tok) -> bool {
    is_cap_word(text, t) || has(Class::Particle, word(text, t))
}

struct PendingPerson {
    name: String,
    name_words: Vec<String>,
    role: Option<Phrase>,
    organization: Option<Phrase>,
    country: Option<&'static str>,
    mentions: Vec<Mention>,
}

/// The capitalised runs of every sentence, as token ranges.
fn all_runs(text: &str, sentences: &[SentenceTokens]) -> Vec<Vec<(usize, usize)>> {
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

/// Places inside hyphenated compounds: "China-Russia relations".
fn hyphen_places(text: &str, toks: &[Tok], pending: &mut Vec<PendingPlace>) {
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
                    within: None,
                });
            }
        }
    }
}

/// Whether the word `toks[ti]` of a title-case headline is a place.
fn headline_place(text: &str, toks: &[Tok], ti: usize, ctx: &GeoContext) -> bool {
    let w = toks.get(ti).map_or("", |t| word(text, t));
    lexicon::place(w).is_some() || ctx.is_place(text, toks, ti, ti + 1)
}

/// The places of a document and the index of the dateline's place: the same places as
/// [`find_entities`] finds, without its work for persons and organisations (the pipeline
/// resolves the places of every document it codes, so this must be cheap).
pub fn find_places(text: &str, sentences: &[SentenceTokens]) -> (Vec<Place>, Option<usize>) {
    let runs = all_runs(text, sentences);
    let ctx = GeoContext::new(text, sentences, &runs);
    let mut pending: Vec<PendingPlace> = Vec::new();
    let mut parts = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.toks;
        hyphen_places(text, toks, &mut pending);
        if is_title_case(text, toks) {
            for (ti, t) in toks.iter().enumerate() {
                if is_cap_word(text, t)
                    && !has(Class::Function, word(text, t))
                    && headline_place(text, toks, ti, &ctx)
                {
                    pending.extend(PendingPlace::at(text, toks, ti, ti + 1));
                }
            }
            continue;
        }
        for &(run_start, run_end) in runs.get(si).map_or(&[][..], Vec::as_slice) {
            parts.clear();
            classify(text, toks, run_start, run_end, &ctx, &mut parts);
            for part in &parts {
                if let Part::Place { start, end } = *part {
                    pending.extend(PendingPlace::at(text, toks, start, end));
                }
            }
        }
    }
    geo::resolve(text, pending, &ctx)
}

/// Finds the persons, organisations and places of a document.
///
/// `dateline` is the dateline's span when no sentence holds it ("TOKYO, March 3 (Kyodo) -"):
/// the source it names is an organisation ([`dateline_sources`]).
pub fn find_entities(text: &str, sentences: &[SentenceTokens], dateline: Option<Span>) -> Entities {
    let mut persons: Vec<PendingPerson> = Vec::new();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut orgs: Vec<Organization> = Vec::new();
    let mut org_by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut pending: Vec<PendingPlace> = Vec::new();
    let runs = all_runs(text, sentences);
    let ctx = GeoContext::new(text, sentences, &runs);
    // Single capitalised words that may name a person already known: (sentence, token index,
    // whether a title stands right before it as in "President Putin").
    // `None` in the flag marks a headline word, which may only match a known name.
    let mut singles: Vec<(usize, usize, Option<bool>)> = Vec::new();

    let mention = |span: Span, kind: MentionKind| Mention {
        span,
        text: span.slice(text).unwrap_or("").to_string(),
        kind,
    };

    // The dateline's source first: it opens the text.
    for span in dateline
        .map(|d| dateline_sources(text, d))
        .unwrap_or_default()
    {
        let name = span.slice(text).unwrap_or("").to_string();
        let idx = *org_by_name.entry(name.clone()).or_insert_with(|| {
            orgs.push(Organization {
                name,
                description: None,
                country: None,
                mentions: Vec::new(),
            });
            orgs.len() - 1
        });
        if let Some(o) = orgs.get_mut(idx) {
            o.mentions.push(mention(span, MentionKind::Name));
        }
    }

    for (si, s) in sentences.iter().enumerate() {
        let toks = &s.toks;
        // The persons named so far in this sentence, with their titles, for roles shared
        // across a list.
        let mut listed: Vec<(usize, usize, Title)> = Vec::new();
        hyphen_places(text, toks, &mut pending);
        if is_title_case(text, toks) {
            // A headline in title case capitalises every word, so runs say nothing about
            // names: its places are kept, and its other words may only name persons known
            // from the rest of the text ("Putin" in "China Appreciates Putin Model").
            for (ti, t) in toks.iter().enumerate() {
                let w = word(text, t);
                if !is_cap_word(text, t) || has(Class::Function, w) {
                    continue;
                }
                if headline_place(text, toks, ti, &ctx) {
                    pending.extend(PendingPlace::at(text, toks, ti, ti + 1));
                } else {
                    singles.push((si, ti, None));
                }
            }
            continue;
        }
        for &(run_start, run_end) in runs.get(si).map_or(&[][..], Vec::as_slice) {
            let mut parts = Vec::new();
            classify(text, toks, run_start, run_end, &ctx, &mut parts);
            for part in parts {
                match part {
                    Part::Other => {}
                    Part::Place { start, end } => {
                        pending.extend(PendingPlace::at(text, toks, start, end));
                    }
                    Part::Organization { start, end } => {
                        let Some(p) = phrase(text, toks, start, end) else {
                            continue;
                        };
                        let (description, _, country) = org_description(text, toks, start);
                        let country = country.or_else(|| {
                            toks.get(start)
                                .and_then(|t| lexicon::nationality(word(text, t)))
                                .map(|c| c.iso3)
                        });
                        let idx = *org_by_name.entry(p.text.clone()).or_insert_with(|| {
                            orgs.push(Organization {
                                name: p.text.clone(),
                                description: None,
                                country: None,
                                mentions: Vec::new(),
                            });
                            orgs.len() - 1
                        });
                        if let Some(o) = orgs.get_mut(idx) {
                            if o.description.is_none() {
                                o.description = description;
                            }
                            if o.country.is_none() {
                                o.country = country.map(str::to_string);
                            }
                            o.mentions.push(mention(p.span, MentionKind::Name));
                        }
                    }
                    Part::Person { start, end } => {
                        let Some(p) = phrase(text, toks, start, end) else {
                            continue;
                        };
                        if end - start == 1 {
                            let titled = titles::before(text, toks, start).role.is_some();
                            singles.push((si, start, Some(titled)));
                            continue;
                        }
                        let title = person_title(text, toks, start, end, &listed);
                        listed.push((start, end, title.clone()));
                        let idx = *by_name.entry(p.text.clone()).or_insert_with(|| {
                            persons.push(PendingPerson {
                                name: p.text.clone(),
                                name_words: p.text.split_whitespace().map(str::to_string).collect(),
                                role: None,
                                organization: None,
                                country: None,
                                mentions: Vec::new(),
                            });
                            persons.len() - 1
                        });
                        if let Some(pp) = persons.get_mut(idx) {
                            if pp.role.is_none() {
                                pp.role = title.role;
                                pp.organization = title.organization;
                                pp.country = pp.country.or(title.country);
                            }
                            pp.mentions.push(mention(p.span, MentionKind::Name));
                        }
                    }
                }
            }
        }
    }

    // Single words: part of a known full name, or a new one-word person when a speech verb
    // follows ("Zhao said") and nothing else claims the word.
    for (si, ti, flag) in singles {
        let Some(s) = sentences.get(si) else { continue };
        let Some(t) = s.toks.get(ti) else { continue };
        let w = word(text, t);
        let known = persons
            .iter()
            .enumerate()
            .filter(|(_, p)| p.name_words.len() > 1 && p.name_words.iter().any(|n| n == w))
            .map(|(i, _)| i)
            .next_back();
        if let Some(i) = known {
            if let Some(p) = persons.get_mut(i) {
                p.mentions.push(mention(t.span, MentionKind::Short));
            }
            continue;
        }
        if has(Class::Function, w) || lexicon::nationality(w).is_some() {
            continue;
        }
        if let Some(i) = alias_of(text, &s.toks, ti, &persons) {
            if let Some(p) = persons.get_mut(i) {
                p.mentions.push(mention(t.span, MentionKind::Short));
                // Later mentions of the second name are the same person's.
                p.name_words.push(w.to_string());
            }
            continue;
        }
        let mut k = ti + 1;
        while s
            .toks
            .get(k)
            .is_some_and(|x| has(Class::SpeechAdverb, word(text, x)))
        {
            k += 1;
        }
        // "Critics in Southland warned": a word after a preposition is no speaker.
        let after_preposition = ti > 0
            && s.toks.get(ti - 1).is_some_and(|x| {
                matches!(
                    word(text, x),
                    "in" | "of" | "from" | "at" | "to" | "for" | "with" | "by" | "on" | "across"
                )
            });
        let speaks = !after_preposition
            && s.toks
                .get(k)
                .is_some_and(|x| lexicon::verb_has(lexicon::VerbClass::Speech, word(text, x)));
        // A well-known person named by one word ("Lula met Xi"), even in a headline.
        let known_person = has(Class::KnownPerson, w) && w.starts_with(char::is_uppercase);
        let Some(preceded_by_role) = flag.or(known_person.then_some(true)) else {
            continue;
        };
        if preceded_by_role || speaks || known_person {
            let title = titles::before(text, &s.toks, ti);
            let idx = *by_name.entry(w.to_string()).or_insert_with(|| {
                persons.push(PendingPerson {
                    name: w.to_string(),
                    name_words: vec![w.to_string()],
                    role: title.role,
                    organization: title.organization,
                    country: title.country,
                    mentions: Vec::new(),
                });
                persons.len() - 1
            });
            if let Some(p) = persons.get_mut(idx) {
                p.mentions.push(mention(t.span, MentionKind::Name));
            }
        }
    }

    // Pronouns and role descriptions, in text order.
    resolve_references(text, sentences, &mut persons, &mention);

    let (places, dateline) = geo::resolve(text, pending, &ctx);
    if let Some(d) = dateline.and_then(|d| places.get(d)) {
        // The dateline's words are no person or organisation ("KYIV" is a place).
        let span = d.mentions.first().map(|m| m.span);
        if let Some(span) = span {
            for p in &mut persons {
                p.mentions
                    .retain(|m| m.span.end <= span.start || m.span.start >= span.end);
            }
            persons.retain(|p| !p.mentions.is_empty());
            for o in &mut orgs {
                o.mentions
                    .retain(|m| m.span.end <= span.start || m.span.start >= span.end);
            }
            orgs.retain(|o| !o.mentions.is_empty());
        }
    }
    let mut index = Vec::new();
    let persons: Vec<Person> = persons
        .into_iter()
        .enumerate()
        .map(|(i, mut p)| {
            p.mentions.sort_by_key(|m| m.span);
            p.mentions.dedup_by_key(|m| m.span);
            index.extend(p.mentions.iter().map(|m| (m.span, EntityRef::Person(i))));
            Person {
                name: p.name,
                role: p.role,
                organization: p.organization,
                country: p.country.map(str::to_string),
                mentions: p.mentions,
            }
        })
        .collect();
    for (i, o) in orgs.iter().enumerate() {
        index.extend(
            o.mentions
                .iter()
                .map(|m| (m.span, EntityRef::Organization(i))),
        );
    }
    for (i, p) in places.iter().enumerate() {
        index.extend(p.mentions.iter().map(|m| (m.span, EntityRef::Place(i))));
    }
    index.sort();
    index.dedup_by_key(|(s, _)| *s);
    Entities {
        persons,
        organizations: orgs,
        places,
        dateline,
        index,
    }
}

/// The sources a dateline names: the agency in brackets ("TOKYO, March 3 (Kyodo) -") and a
/// publication before a bracketed date ("Global Times (20 November 2021) –").
pub fn dateline_sources(text: &str, dateline: Span) -> Vec<Span> {
    let toks = crate::tokens::tokenize(text, dateline);
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let mut out = Vec::new();
    let Some(open) = (0..toks.len()).find(|&k| w(k) == "(") else {
        return out;
    };
    let Some(close) = (open..toks.len()).find(|&k| w(k) == ")") else {
        return out;
    };
    let inside = open + 1..close;
    let words = |r: std::ops::Range<usize>| {
        r.clone()
            .all(|k| toks.get(k).is_some_and(|t| is_cap_word(text, t)))
            && !r.is_empty()
    };
    let date_inside = inside
        .clone()
        .any(|k| toks.get(k).is_some_and(|t| t.kind == TokenKind::Number) || is_time_word(w(k)));
    let span_of = |a: usize, b: usize| -> Option<Span> {
        Some(Span::new(
            toks.get(a)?.span.start,
            toks.get(b - 1)?.span.end,
        ))
    };
    if date_inside {
        // "Global Times (20 November 2021) –": the capitalised words before the bracket.
        if words(0..open)
            && let Some(sp) = span_of(0, open)
        {
            out.push(sp);
        }
    } else if words(inside.clone())
        && let Some(sp) = span_of(inside.start, inside.end)
    {
        out.push(sp);
    }
    out
}

/// "Russian news agency TASS": lowercase description words and a nationality before an
/// organisation name.
fn org_description(
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

fn resolve_references(
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
                            p.role.as_ref().is_some_and(|r| {
                                r.text.to_lowercase().split_whitespace().next_back()
                                    == Some(role_word.as_str())
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

#[cfg(test)]
mod tests {
    use crate::extract;

    /// (name, role, organisation, country, mention texts) for each person.
    type Expected<'a> = (
        &'a str,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        &'a [&'a str],
    );
    type Row = (
        String,
        Option<String>,
        Option<String>,
        Option<String>,
        Vec<String>,
    );

    #[track_caller]
    fn check_persons(text: &str, expected: &[Expected<'_>]) {
        let k = extract(text, None, None);
        let got: Vec<Row> = k
            .persons
            .iter()
            .map(|p| {
                for m in &p.mentions {
                    assert_eq!(&text[m.span.range()], m.text);
                }
                (
                    p.name.clone(),
                    p.role.as_ref().map(|r| r.text.clone()),
                    p.organization.as_ref().map(|r| r.text.clone()),
                    p.country.clone(),
                    p.mentions.iter().map(|m| m.text.clone()).collect(),
                )
            })
            .collect();
        let expected: Vec<Row> = expected
            .iter()
            .map(|(n, r, o, c, m)| {
                (
                    (*n).into(),
                    r.map(Into::into),
                    o.map(Into::into),
                    c.map(Into::into),
                    m.iter().map(|x| (*x).into()).collect(),
                )
            })
            .collect();
        assert_eq!(got, expected, "text {text:?}");
    }

    #[test]
    fn titles_nationalities_and_organisations_before_names() {
        check_persons(
            "U.S. President Joe Biden met Chinese Foreign Minister Wang Yi in Washington.",
            &[
                (
                    "Joe Biden",
                    Some("President"),
                    None,
                    Some("USA"),
                    &["Joe Biden"],
                ),
                (
                    "Wang Yi",
                    Some("Foreign Minister"),
                    None,
                    Some("CHN"),
                    &["Wang Yi"],
                ),
            ],
        );
        check_persons(
            "A spokesperson for the Ministry of Commerce Shu Jueting spoke.",
            &[(
                "Shu Jueting",
                Some("spokesperson"),
                Some("Ministry of Commerce"),
                None,
                &["Shu Jueting"],
            )],
        );
    }

    #[test]
    fn regression_possessive_country_and_known_organisation_before_a_title() {
        check_persons(
            "Iran's Foreign Minister Hossein Amir-Abdollahian and U.N. Secretary-General Antonio Guterres met.",
            &[
                (
                    "Hossein Amir-Abdollahian",
                    Some("Foreign Minister"),
                    None,
                    Some("IRN"),
                    &["Hossein Amir-Abdollahian"],
                ),
                (
                    "Antonio Guterres",
                    Some("Secretary-General"),
                    Some("U.N."),
                    None,
                    &["Antonio Guterres"],
                ),
            ],
        );
    }

    #[test]
    fn regression_title_case_headlines_name_no_new_persons() {
        // Headline words name no new persons, except well-known people named by one word
        // (`data/names.txt`, [person-known]): "Lavrov" is one.
        let text = "China Highly Appreciates Putin Model, Says Foreign Ministry\n\nLavrov Says Talks Went Well\n\nRussian President Vladimir Putin spoke on Friday.";
        check_persons(
            text,
            &[
                (
                    "Vladimir Putin",
                    Some("President"),
                    None,
                    Some("RUS"),
                    &["Putin", "Vladimir Putin"],
                ),
                ("Lavrov", None, None, None, &["Lavrov"]),
            ],
        );
        let k = extract(text, None, None);
        assert!(k.organizations.is_empty());
        assert_eq!(k.places.len(), 1, "China from the headline");
    }

    #[test]
    fn roles_in_apposition() {
        check_persons(
            "Anna Lind, a senior adviser at the Eastport Harbour Authority, arrived.",
            &[(
                "Anna Lind",
                Some("senior adviser"),
                Some("Eastport Harbour Authority"),
                None,
                &["Anna Lind"],
            )],
        );
    }

    #[test]
    fn regression_words_in_ing_inside_an_apposition() {
        check_persons(
            "Anna Lind, a member of the Eastport shipping association, arrived.",
            &[(
                "Anna Lind",
                Some("member"),
                Some("Eastport shipping association"),
                None,
                &["Anna Lind"],
            )],
        );
    }

    #[test]
    fn runs_that_name_no_person() {
        // Buildings, a nationality of two words, a place after a place preposition that the
        // gazetteer lacks, the place completing a title, a storm, a role in the plural.
        check_persons(
            "Strikes hit the Omar Saleh School and the Al-Huda Mosque near Beit Qamar. South Korean officials left. Ambassador to Manila Lin Wei arrived. Typhoon Omar hit the coast. Witnesses said the coast was flooded.",
            &[(
                "Lin Wei",
                Some("Ambassador to Manila"),
                None,
                None,
                &["Lin Wei"],
            )],
        );
    }

    #[test]
    fn short_names_pronouns_and_descriptions_merge() {
        check_persons(
            "Lind spoke first. Russian President Vladimir Putin replied. Putin said he was ready. The Russian president left. Lind stayed.",
            &[(
                "Vladimir Putin",
                Some("President"),
                None,
                Some("RUS"),
                &["Vladimir Putin", "Putin", "he", "The Russian president"],
            )],
        );
    }

    #[test]
    fn pronouns_reach_back_two_sentences_only() {
        check_persons(
            "Anna Lind arrived. The talks began. The rooms were cold. She left.",
            &[("Anna Lind", None, None, None, &["Anna Lind"])],
        );
    }

    #[test]
    fn places_organisations_and_non_names() {
        let text = "NATO and the European Union met in Brussels. Moscow and Beijing replied. Western countries and the Treaty of Friendly Cooperation were cited.";
        let k = extract(text, None, None);
        let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(orgs, ["NATO", "European Union"]);
        let places: Vec<(&str, &str)> = k
            .places
            .iter()
            .map(|p| (p.name.as_str(), p.country.as_str()))
            .collect();
        assert_eq!(
            places,
            [("Brussels", "BEL"), ("Moscow", "RUS"), ("Beijing", "CHN")]
        );
        assert!(k.persons.is_empty(), "{:?}", k.persons);
    }

    #[test]
    fn initials_particles_suffixes_and_ranks() {
        check_persons(
            "Vice Adm. Mara T. Quill met Defence Minister Joost van der Wel and President Leon Ortiz Jr. in Oslo.",
            &[
                (
                    "Mara T. Quill",
                    Some("Vice Adm."),
                    None,
                    None,
                    &["Mara T. Quill"],
                ),
                (
                    "Joost van der Wel",
                    Some("Defence Minister"),
                    None,
                    None,
                    &["Joost van der Wel"],
                ),
                (
                    "Leon Ortiz Jr.",
                    Some("President"),
                    None,
                    None,
                    &["Leon Ortiz Jr."],
                ),
            ],
        );
        check_persons(
            "Talks with army chief Gen. Omar al-Rashid ended.",
            &[(
                "Omar al-Rashid",
                Some("army chief"),
                None,
                None,
                &["Omar al-Rashid"],
            )],
        );
    }

    #[test]
    fn features_operations_vessels_and_outlets_are_no_persons() {
        let text = "Operation Stone Wall reached Marlo Island and Kesh Prefecture. The tanker Blue Heron and USS Ada Brook sailed. Kaan Demir told the Morning Ledger newspaper and public broadcaster Radio Vela.";
        let k = extract(text, None, None);
        let persons: Vec<&str> = k.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(persons, ["Kaan Demir"]);
        let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(
            orgs.contains(&"Morning Ledger") && orgs.contains(&"Radio Vela"),
            "{orgs:?}"
        );
    }

    #[test]
    fn well_known_people_by_one_word() {
        check_persons(
            "Lula met Xi in Beijing.",
            &[
                ("Lula", None, None, None, &["Lula"]),
                ("Xi", None, None, None, &["Xi"]),
            ],
        );
        // Named in full once, the one word is a short mention.
        check_persons(
            "Lula Hails Deal\n\nPresident Luiz Inacio Lula da Silva spoke.",
            &[(
                "Luiz Inacio Lula da Silva",
                Some("President"),
                None,
                None,
                &["Lula", "Luiz Inacio Lula da Silva"],
            )],
        );
    }

    #[test]
    fn titles_shared_across_lists_and_before_a_comma() {
        check_persons(
            "The Dutch and Danish trade ministers, Anke Visser and Lars Holm, met. Its commander, Ivo Maric, left.",
            &[
                (
                    "Anke Visser",
                    Some("trade ministers"),
                    None,
                    Some("NLD"),
                    &["Anke Visser"],
                ),
                (
                    "Lars Holm",
                    Some("trade ministers"),
                    None,
                    Some("NLD"),
                    &["Lars Holm"],
                ),
                ("Ivo Maric", Some("commander"), None, None, &["Ivo Maric"]),
            ],
        );
        check_persons(
            "Nora Vik, Norway's fisheries minister, spoke.",
            &[(
                "Nora Vik",
                Some("fisheries minister"),
                None,
                Some("NOR"),
                &["Nora Vik"],
            )],
        );
    }

    #[test]
    fn names_after_the_definite_article_are_no_persons() {
        // A camp, a chamber and a newspaper after "the"; a title between keeps the person.
        check_persons(
            "Shelling hit the Abu Shouk camp. Rina Dev, a member of the Rajya Sabha, spoke. \
             The Yomiuri Shimbun reported it. Aiko Sato met the late Pope Leo Ferro.",
            &[
                (
                    "Rina Dev",
                    Some("member"),
                    Some("Rajya Sabha"),
                    None,
                    &["Rina Dev"],
                ),
                ("Aiko Sato", None, None, None, &["Aiko Sato"]),
                ("Leo Ferro", Some("Pope"), None, None, &["Leo Ferro"]),
            ],
        );
        // Without an article, a newspaper's head word ("Shimbun", "Ilbo") names an outlet.
        check_persons("Asahi Shimbun and Chosun Ilbo reported it.", &[]);
    }

    #[test]
    fn offices_at_a_sentences_start_and_with_two_domain_words() {
        check_persons(
            "Opposition leader Ana Ruiz spoke. Later Parliamentary Affairs Minister Ravi Nair spoke.",
            &[
                (
                    "Ana Ruiz",
                    Some("Opposition leader"),
                    None,
                    None,
                    &["Ana Ruiz"],
                ),
                (
                    "Ravi Nair",
                    Some("Parliamentary Affairs Minister"),
                    None,
                    None,
                    &["Ravi Nair"],
                ),
            ],
        );
    }

    #[test]
    fn places_joined_to_places_and_buildings_are_no_persons() {
        // Joined by "and" to a place, or to a name after "in"; a city and a hall.
        check_persons(
            "Strikes hit Gaza City and Khan Younis. Voters in Nuevo Leon and Baja Norte agreed. \
             Gunmen hit Crocus City Hall. Anna Lind and Ole Berg met.",
            &[
                ("Anna Lind", None, None, None, &["Anna Lind"]),
                ("Ole Berg", None, None, None, &["Ole Berg"]),
            ],
        );
    }

    #[test]
    fn nationality_before_an_outlet_occupations_and_abbreviated_offices() {
        // "Turkish broadcaster Kanal D": the nationality is no outlet, the name after it is.
        let k = extract(
            "Kemal Arslan told Turkish broadcaster Kanal D that talks went on.",
            None,
            None,
        );
        let orgs: Vec<&str> = k.organizations.iter().map(|o| o.name.as_str()).collect();
        assert!(!orgs.contains(&"Turkish"), "{orgs:?}");
        check_persons(
            "Physicist Ana Lima met Tokyo Gov. Yuri Sato.",
            &[
                ("Ana Lima", Some("Physicist"), None, None, &["Ana Lima"]),
                ("Yuri Sato", Some("Gov."), None, None, &["Yuri Sato"]),
            ],
        );
    }

    #[test]
    fn plural_appositions_after_a_list_and_owners_of_two_words() {
        check_persons(
            "Anke Visser, Lars Holm and Ivo Maric, the trade ministers of the three states, met. \
             Lee Min-ho, South Korea's president, spoke.",
            &[
                (
                    "Anke Visser",
                    Some("trade ministers"),
                    Some("three states"),
                    None,
                    &["Anke Visser"],
                ),
                (
                    "Lars Holm",
                    Some("trade ministers"),
                    Some("three states"),
                    None,
                    &["Lars Holm"],
                ),
                (
                    "Ivo Maric",
                    Some("trade ministers"),
                    Some("three states"),
                    None,
                    &["Ivo Maric", "the trade ministers"],
                ),
                (
                    "Lee Min-ho",
                    Some("president"),
                    None,
                    Some("KOR"),
                    &["Lee Min-ho"],
                ),
            ],
        );
    }

    #[test]
    fn a_second_name_after_known_as_is_the_same_persons() {
        check_persons(
            "Omar Hassan Idris, also known as Hemedti, spoke. Hemedti left.",
            &[(
                "Omar Hassan Idris",
                None,
                None,
                None,
                &["Omar Hassan Idris", "Hemedti", "Hemedti"],
            )],
        );
    }

    #[test]
    fn complements_of_a_title_and_credits_are_no_part_of_a_name() {
        check_persons(
            "Minister of State for Foreign Affairs Kirti Vardhan Singh spoke. (AP Photo/Susan Walsh)",
            &[(
                "Kirti Vardhan Singh",
                Some("Minister of State for Foreign Affairs"),
                None,
                None,
                &["Kirti Vardhan Singh"],
            )],
        );
    }
}
