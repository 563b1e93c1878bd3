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
//!
//! The files: this one holds the types, [`find_entities`] and [`find_places`]; [`runs`] collects
//! the capitalised runs (step 1), [`parts`] cuts them (step 2) with [`places`] for the names of
//! places, [`persons`] finds a person's title (step 3), and [`references`] merges the mentions
//! (step 4).

mod parts;
mod persons;
mod places;
mod references;
mod runs;

use self::parts::{Part, classify};
use self::persons::{alias_of, person_title, phrase};
use self::places::{headline_place, hyphen_places};
use self::references::{org_description, resolve_references};
use self::runs::{all_runs, is_cap_word, is_time_word, is_title_case};
use crate::geo::{self, GeoContext, PendingPlace};
use crate::lexicon::{self, Class, PlaceKind, has};
use crate::titles::{self, Title};
use crate::tokens::{Tok, TokenKind};
use demarche_model::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

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
            // The country's short name, unless the entry is a region of ours the country
            // table also names ("Somaliland").
            Some((c, PlaceKind::Country)) if e.kind == demarche_geo::Kind::Country => {
                (c.name.to_string(), c.fips.to_string())
            }
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

/// Rule name-tail: the last person met whose name of more words ends with the words of `name`
/// (two or more): a later mention by the surname with its particle or by the last two words.
fn name_tail_of(persons: &[PendingPerson], name: &str) -> Option<usize> {
    let words: Vec<&str> = name.split_whitespace().collect();
    persons
        .iter()
        .enumerate()
        .rfind(|(_, p)| {
            p.name_words.len() > words.len()
                && p.name_words
                    .iter()
                    .skip(p.name_words.len() - words.len())
                    .map(String::as_str)
                    .eq(words.iter().copied())
        })
        .map(|(i, _)| i)
}

/// Rule particle-surname: a name word joined to a particle by a hyphen ("al-Sharif",
/// "El-Masri") without it ("Sharif"), which a later one-word mention uses for the person.
fn without_particle(name_word: &str) -> Option<&str> {
    let (particle, rest) = name_word.split_once('-')?;
    (has(Class::Particle, &particle.to_lowercase()) && rest.starts_with(char::is_uppercase))
        .then_some(rest)
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

struct PendingPerson {
    name: String,
    name_words: Vec<String>,
    role: Option<Phrase>,
    organization: Option<Phrase>,
    country: Option<&'static str>,
    mentions: Vec<Mention>,
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
    // Rule dateline-outlet: the names of the dateline's sources, which name the same outlet
    // wherever the text repeats them ("…, the mayor told Zorapress.").
    let mut dateline_names: BTreeSet<String> = BTreeSet::new();
    for span in dateline
        .map(|d| dateline_sources(text, d))
        .unwrap_or_default()
    {
        let name = span.slice(text).unwrap_or("").to_string();
        dateline_names.insert(name.clone());
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
                let part = match part {
                    Part::Person { start, end }
                        if phrase(text, toks, start, end)
                            .is_some_and(|p| dateline_names.contains(&p.text)) =>
                    {
                        Part::Organization { start, end }
                    }
                    other => other,
                };
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
                        // Rule name-tail: the last words of a longer name met before ("Ya
                        // Shikongo said" after "Josephine Ya Shikongo", "Al Rawahi said" after
                        // "Hamad bin Salim Al Rawahi") are that person's, not a second one.
                        if !by_name.contains_key(&p.text)
                            && let Some(i) = name_tail_of(&persons, &p.text)
                        {
                            if let Some(pp) = persons.get_mut(i) {
                                pp.mentions.push(mention(p.span, MentionKind::Short));
                            }
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
            .filter(|(_, p)| {
                p.name_words.len() > 1
                    && p.name_words
                        .iter()
                        .any(|n| n == w || without_particle(n) == Some(w))
            })
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
        // "…, said Thiha, a volunteer rescuer": the subject of an inverted speech verb.
        let inverted = ti >= 2
            && s.toks.get(ti - 1).is_some_and(|x| {
                lexicon::verb_has(lexicon::VerbClass::Invert, word(text, x))
                    && !word(text, x).starts_with(char::is_uppercase)
            })
            && s.toks
                .get(ti - 2)
                .is_some_and(|x| matches!(word(text, x), "," | "\"" | "”"));
        // "India's Doordarshan reported, citing …": the subject of a report that cites a source
        // is an outlet, not a person.
        let reports_citing = s.toks.get(k + 1).is_some_and(|x| word(text, x) == ",")
            && s.toks
                .get(k + 2)
                .is_some_and(|x| matches!(word(text, x), "citing" | "quoting"));
        let speaks = inverted
            || !after_preposition
                && !reports_citing
                && s.toks
                    .get(k)
                    .is_some_and(|x| lexicon::verb_has(lexicon::VerbClass::Speech, word(text, x)));
        // A well-known person named by one word ("Lula met Xi"), even in a headline.
        let known_person = has(Class::KnownPerson, w) && w.starts_with(char::is_uppercase);
        let Some(preceded_by_role) = flag.or(known_person.then_some(true)) else {
            continue;
        };
        if preceded_by_role || speaks || known_person {
            let mut title = titles::before(text, &s.toks, ti);
            if title.role.is_none() {
                title = titles::after(text, &s.toks, ti + 1);
            }
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

#[cfg(test)]
mod tests;
