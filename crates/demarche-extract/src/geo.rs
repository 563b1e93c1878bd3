//! Geoparsing: every place mention resolved to one entry of the embedded gazetteer
//! (`demarche-geo`), and the place where each event happened.
//!
//! 1. **Which capitalised names are places.** A name is looked up in the gazetteer (upper-case
//!    dateline names in title case: "KYIV" → "Kyiv"). Countries, our seas and regions, and the
//!    dateline city are always places. Other names must be *licensed*, because many towns share
//!    their name with a word or a person ("Of", "Nice", "Victoria"): a place preposition before
//!    them anywhere in the document ("in/near/at/from X", "the coast/outskirts/city of X", with
//!    "the" and a direction word allowed between: "in southern X"), a region word after them
//!    ("X region", "X Oblast"), an "X, Y" pattern whose Y is a country or region, a city of a
//!    million people or more, or a city (or a region of two words or more: "North Darfur") of
//!    a country the document names — by name, nationality, a capital only it has, one of our
//!    regions ("Gaza Strip"), or the dateline — when no title stands before it and no speech
//!    verb after it, it does not open its sentence, and it is not a later word of a longer
//!    name that is no place ("Gonzalez" of "Edmundo Gonzalez"). An admin-1 region licensed only
//!    by a preposition also needs its country in the document (or to be in the United States),
//!    so that invented or foreign region names do not become places.
//! 2. **Which entry.** Candidates are scored, and the reasons are kept in [`Resolution`]:
//!    countries and our own places first, then cities by population (log10), admin-1 regions
//!    below large cities unless a region word follows; +3 when the candidate's country is
//!    named in the document, +4 when it is the dateline's country, +2 when it lies within
//!    400 km of a place resolved before it, +20 when an "X, Y" pattern names its country or
//!    region. Ties go to the table order, so output is deterministic.
//! 3. **Where an event happened** ([`event_location`]): the first place in the event's sentence
//!    introduced as a location ("in southern Lebanon", "in Doha", "near Kharkiv", "off the
//!    coast of Y"), else the dateline's place.

use crate::entities::SentenceTokens;
use crate::lexicon::{self, PlaceKind};
use crate::tokens::{Tok, TokenKind};
use demarche_geo::{Gazetteer, Kind, distance_km, title_case};
use demarche_model::Span;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Words that introduce a location when they stand right before a place name.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "at",
    "from",
    "outside",
    "into",
    "across",
    "around",
    "toward",
    "towards",
    "off",
    "inside",
    "throughout",
    "to",
    "over",
    "through",
    "via",
    "past",
    "beyond",
    "within",
    "between",
];
/// Words that introduce an event's location (a subset: "from" and "to" say where someone came
/// from or went, not where the event happened).
const ACTION_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "at",
    "outside",
    "across",
    "around",
    "off",
    "inside",
    "throughout",
    "over",
];
/// Nouns that make "of" a place preposition: "the coast of X", "the city of X".
const GEO_NOUNS: &[&str] = &[
    "coast",
    "shores",
    "waters",
    "outskirts",
    "suburbs",
    "city",
    "town",
    "village",
    "port",
    "region",
    "province",
    "capital",
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "centre",
    "center",
    "heart",
    "streets",
    "edge",
    "district",
    "area",
    "state",
    "island",
    "islands",
    "governorate",
    "oblast",
    "department",
    "county",
    "prefecture",
    "territory",
    "peninsula",
];
/// Words that may stand between a preposition and a place: "in the southern city of X".
const PLACE_MODIFIERS: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north",
    "south",
    "east",
    "west",
    "occupied",
    "besieged",
    "war-torn",
    "coastal",
    "neighbouring",
    "neighboring",
    "nearby",
    "russian-occupied",
    "disputed",
];
/// Words after a name that make it a region: "Kharkiv region", "Kherson Oblast".
const REGION_WORDS: &[&str] = &[
    "region",
    "oblast",
    "province",
    "governorate",
    "prefecture",
    "state",
    "district",
    "county",
    "krai",
    "territory",
];

fn word<'t>(text: &'t str, t: &Tok) -> &'t str {
    t.span.slice(text).unwrap_or("")
}

fn is_in(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// The gazetteer candidates for a name as written: as is, or in title case when it is all
/// capitals ("KYIV"). Empty when the gazetteer does not know it.
pub(crate) fn candidates(name: &str) -> &'static [u32] {
    let g = Gazetteer::get();
    let found = g.lookup(name);
    if !found.is_empty() {
        return found;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters >= 3 && name.chars().all(|c| !c.is_lowercase()) {
        return g.lookup(&title_case(name));
    }
    &[]
}

/// What the document says around its places, gathered before names are classified.
#[derive(Debug, Default)]
pub(crate) struct GeoContext {
    /// Names licensed as places by their context somewhere in the document.
    licensed: BTreeSet<String>,
    /// Countries the document names (CAMEO codes), from names and nationality adjectives.
    countries: BTreeSet<&'static str>,
    /// The dateline's place name and its span.
    pub dateline: Option<(Span, String)>,
    /// The dateline's "CITY, Country" constraint, when it gives one.
    dateline_within: Option<String>,
}

/// The dateline at the start of a document ("KYIV, March 3 (Reuters) -"): the span and text of
/// its place name when the gazetteer knows it.
fn find_dateline(text: &str) -> Option<(Span, String, Option<String>)> {
    // Datelines open the text or follow its headline: the first 1,000 bytes suffice.
    let mut cut = text.len().min(1000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut)?;
    // `demarche-text` ends every dateline with one of these; a text with none of them has no
    // dateline, and need not be segmented to know it.
    const SEPARATORS: &[&str] = &[" -- ", " - ", " — ", " – ", "—", "–", ": "];
    if !SEPARATORS.iter().any(|sep| head.contains(sep)) {
        return None;
    }
    let seg = demarche_text::segment(head)
        .into_iter()
        .find(|s| s.kind == demarche_text::SegmentKind::Dateline)?;
    let line = seg.span.slice(head)?;
    // The name runs to the first comma, bracket, colon or dash.
    let end = line
        .find([',', '(', ':', '—', '–'])
        .or_else(|| line.find(" -"))
        .unwrap_or(line.len());
    let raw = line.get(..end)?;
    let name = raw.trim();
    let lead = raw.len() - raw.trim_start().len();
    if name.is_empty() || candidates(name).is_empty() {
        return None;
    }
    let start = seg.span.start + lead;
    // "KHERSON, Ukraine, March 3": a country or region after the comma.
    let within = line.get(end..).and_then(|rest| {
        let rest = rest.strip_prefix(',')?;
        let part = rest.split([',', '(', '—', '–']).next()?.trim();
        (!part.is_empty() && !candidates(part).is_empty()).then(|| part.to_string())
    });
    Some((
        Span::new(start, start + name.len()),
        name.to_string(),
        within,
    ))
}

/// Whether the tokens before `start` introduce a place: a place preposition, maybe followed
/// by "the" and direction words, or "GEO_NOUN of".
fn introduced(text: &str, toks: &[Tok], start: usize, preps: &[&str]) -> bool {
    let mut k = start;
    while k > 0
        && toks
            .get(k - 1)
            .is_some_and(|t| is_in(PLACE_MODIFIERS, word(text, t)))
    {
        k -= 1;
    }
    let Some(prev) = k.checked_sub(1).and_then(|i| toks.get(i)) else {
        return false;
    };
    let w = word(text, prev);
    if w == "of" {
        // Also their plurals: "the cities of Miyazaki and Miyakonojo".
        return k.checked_sub(2).and_then(|i| toks.get(i)).is_some_and(|t| {
            let noun = word(text, t);
            is_in(GEO_NOUNS, noun)
                || GEO_NOUNS
                    .iter()
                    .any(|n| demarche_text::english::noun_plural(n).eq_ignore_ascii_case(noun))
        });
    }
    // "off the coast of": "off" alone before a name too.
    is_in(preps, w) && w.chars().all(|c| c.is_lowercase())
}

/// Whether `w` is a word that names a kind of region ("region", "Oblast").
pub(crate) fn is_region_word(w: &str) -> bool {
    is_in(REGION_WORDS, w)
}

/// Whether a region word follows the name ending before token `end`, or a plural one closes
/// the list of names it belongs to ("Kyiv, Cherkasy and Kirovohrad oblasts", "Ehime, Oita and
/// Kagoshima prefectures").
fn region_word_after(text: &str, toks: &[Tok], end: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if is_in(REGION_WORDS, w(end)) {
        return true;
    }
    let plural_region = |x: &str| {
        x.strip_suffix('s')
            .is_some_and(|one| one.starts_with(char::is_lowercase) && is_in(REGION_WORDS, one))
    };
    let mut k = end;
    let mut joined = false;
    while k < end + 16 {
        let x = w(k);
        if matches!(x, "," | "and" | "or") {
            joined = true;
        } else if plural_region(x) {
            // Right after the name ("Cherkasy oblasts") or closing its list.
            return joined || k == end;
        } else if !x.starts_with(char::is_uppercase) {
            return false;
        }
        k += 1;
    }
    false
}

/// The "Y" of an "X, Y" pattern after the name ending before token `end`, when Y is a
/// country or region the gazetteer knows.
fn within_after(text: &str, toks: &[Tok], end: usize) -> Option<String> {
    if toks.get(end).is_none_or(|t| word(text, t) != ",") {
        return None;
    }
    let mut k = end + 1;
    let a = toks.get(k)?;
    let first = word(text, a);
    if !first.starts_with(char::is_uppercase) {
        return None;
    }
    k += 1;
    while toks
        .get(k)
        .is_some_and(|t| t.kind == TokenKind::Word && word(text, t).starts_with(char::is_uppercase))
        && k - end <= 4
    {
        k += 1;
    }
    // The longest run of capitalised words that names a country or region.
    let g = Gazetteer::get();
    (end + 2..=k).rev().find_map(|b| {
        let last = toks.get(b - 1)?;
        let name = text.get(a.span.start..last.span.end)?;
        let region = candidates(name).iter().any(|&i| {
            g.entry(i)
                .is_some_and(|e| matches!(e.kind, Kind::Country | Kind::Admin1 | Kind::Region))
        });
        (region || lexicon::place(name).is_some()).then(|| name.to_string())
    })
}

impl GeoContext {
    /// Reads the document once: the dateline, the countries it names and the names its
    /// context licenses as places.
    pub(crate) fn new(
        text: &str,
        sentences: &[SentenceTokens],
        runs: &[Vec<(usize, usize)>],
    ) -> Self {
        let mut ctx = GeoContext::default();
        if let Some((span, name, within)) = find_dateline(text) {
            ctx.licensed.insert(name.clone());
            ctx.dateline = Some((span, name));
            ctx.dateline_within = within;
        }
        let g = Gazetteer::get();
        for s in sentences {
            for t in &s.toks {
                let w = word(text, t);
                if !w.starts_with(char::is_uppercase) {
                    continue;
                }
                // A nationality, a country, or a capital of the country table that no other
                // country has a city of ("Kyiv"; not "Tripoli").
                if let Some(c) = lexicon::nationality(w) {
                    ctx.countries.insert(c.iso3);
                } else if let Some((c, kind)) = lexicon::place(w) {
                    let only_there = || {
                        candidates(w)
                            .iter()
                            .filter_map(|&i| g.entry(i))
                            .all(|e| e.kind != Kind::City || *e.iso3 == *c.iso3)
                    };
                    if kind == PlaceKind::Country || only_there() {
                        ctx.countries.insert(c.iso3);
                    }
                }
            }
        }
        for (s, runs) in sentences.iter().zip(runs) {
            for &(start, end) in runs {
                let (Some(a), Some(b)) = (
                    s.toks.get(start),
                    end.checked_sub(1).and_then(|e| s.toks.get(e)),
                ) else {
                    continue;
                };
                let Some(name) = text.get(a.span.start..b.span.end) else {
                    continue;
                };
                // A country, or one of our regions and seas that lies in one ("Gaza Strip").
                if let Some(e) = candidates(name)
                    .iter()
                    .filter_map(|&i| g.entry(i))
                    .find(|e| e.kind == Kind::Country || (e.is_ours() && !e.iso3.is_empty()))
                {
                    ctx.countries.insert(e.iso3);
                }
            }
        }
        // The dateline city's country ("BANGKOK": Thailand), when the name is the country
        // table's capital or a city of a million people or more.
        if let Some((_, name)) = &ctx.dateline {
            let cands = candidates(name);
            let capital = lexicon::place(&title_case(name)).or_else(|| lexicon::place(name));
            if let Some((c, _)) = capital {
                ctx.countries.insert(c.iso3);
            } else if let Some(e) = cands
                .iter()
                .filter_map(|&i| g.entry(i))
                .filter(|e| e.kind == Kind::City)
                .max_by_key(|e| e.population)
                .filter(|e| e.population >= 1_000_000)
            {
                ctx.countries.insert(e.iso3);
            }
        }
        if let Some(iso3) = ctx
            .dateline_within
            .as_deref()
            .and_then(|w| candidates(w).first().copied())
            .and_then(|i| g.entry(i))
            .map(|e| e.iso3)
        {
            ctx.countries.insert(iso3);
        }
        // Words that follow the first word of a longer name that is no place ("Gonzalez" of
        // "Edmundo Gonzalez"): a later "Gonzalez" alone is that person, not a town.
        let mut name_words: BTreeSet<&str> = BTreeSet::new();
        for (s, runs) in sentences.iter().zip(runs) {
            for &(start, end) in runs {
                if end - start < 2 {
                    continue;
                }
                let (Some(a), Some(b)) = (s.toks.get(start), s.toks.get(end - 1)) else {
                    continue;
                };
                let Some(name) = text.get(a.span.start..b.span.end) else {
                    continue;
                };
                if lexicon::place(name).is_none() && candidates(name).is_empty() {
                    name_words.extend(
                        s.toks
                            .get(start + 1..end)
                            .unwrap_or(&[])
                            .iter()
                            .map(|t| word(text, t)),
                    );
                }
            }
        }
        for (s, runs) in sentences.iter().zip(runs) {
            // The end of the last run licensed as a place: "in Kharkiv and Bakhmut" licenses
            // both names.
            let mut last_place: Option<usize> = None;
            for &(start, end) in runs {
                // "Miyazaki Prefecture", "Kherson Oblast": the name before its region word.
                let region_in_run = end - start >= 2
                    && s.toks
                        .get(end - 1)
                        .is_some_and(|t| is_in(REGION_WORDS, word(text, t)));
                let end = end - usize::from(region_in_run);
                let (Some(a), Some(b)) = (
                    s.toks.get(start),
                    end.checked_sub(1).and_then(|e| s.toks.get(e)),
                ) else {
                    continue;
                };
                let Some(name) = text.get(a.span.start..b.span.end) else {
                    continue;
                };
                let cands = candidates(name);
                if cands.is_empty() {
                    last_place = None;
                    continue;
                }
                if lexicon::place(name).is_some() || inherently_place(cands) {
                    last_place = Some(end);
                    continue;
                }
                let by_list = last_place.is_some_and(|e| {
                    e < start
                        && (e..start).all(|k| {
                            s.toks
                                .get(k)
                                .is_some_and(|t| matches!(word(text, t), "," | "and" | "or"))
                        })
                });
                let by_region = region_word_after(text, &s.toks, end);
                let by_pattern = within_after(text, &s.toks, end).is_some();
                let by_preposition = introduced(text, &s.toks, start, PLACE_PREPOSITIONS);
                let by_country = start > 0
                    && !name_words.contains(name)
                    && is_named_like_a_place(text, &s.toks, start, end)
                    && cands.iter().filter_map(|&i| g.entry(i)).any(|e| {
                        let kind_ok = match e.kind {
                            Kind::City => true,
                            // A region of one word may be a common word ("Central").
                            Kind::Admin1 => name.contains(' '),
                            _ => false,
                        };
                        kind_ok && ctx.countries.contains(e.iso3)
                    });
                if !(by_region || by_pattern || by_preposition || by_list || by_country) {
                    last_place = None;
                    continue;
                }
                last_place = Some(end);
                let ok = cands
                    .iter()
                    .filter_map(|&i| g.entry(i))
                    .any(|e| match e.kind {
                        Kind::Admin1 => {
                            by_region
                                || by_pattern
                                || e.iso3 == "USA"
                                || ctx.countries.contains(e.iso3)
                        }
                        _ => true,
                    });
                if ok {
                    ctx.licensed.insert(name.to_string());
                }
            }
        }
        ctx
    }

    /// Whether the name `toks[start..end]` is a place (after the country table said no).
    pub(crate) fn is_place(&self, text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
        let (Some(a), Some(b)) = (
            toks.get(start),
            end.checked_sub(1).and_then(|e| toks.get(e)),
        ) else {
            return false;
        };
        let Some(name) = text.get(a.span.start..b.span.end) else {
            return false;
        };
        let cands = candidates(name);
        if cands.is_empty() {
            return false;
        }
        if self.licensed.contains(name) {
            return true;
        }
        inherently_place(cands)
    }
}

/// Whether the words around the name `toks[start..end]` leave it free to be a town of a
/// country the document names: no role word before it ("President Victoria") and no speech
/// verb after it ("Victoria said").
fn is_named_like_a_place(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let before = start
        .checked_sub(1)
        .and_then(|k| toks.get(k))
        .is_some_and(|t| lexicon::has(lexicon::Class::Role, word(text, t)));
    let mut k = end;
    while toks
        .get(k)
        .is_some_and(|t| lexicon::has(lexicon::Class::SpeechAdverb, word(text, t)))
    {
        k += 1;
    }
    let after = toks
        .get(k)
        .is_some_and(|t| lexicon::verb_has(lexicon::VerbClass::Speech, word(text, t)));
    !before && !after
}

/// Whether a name is a place wherever it stands: a country, one of our seas or regions, or a
/// city of a million people or more.
fn inherently_place(cands: &[u32]) -> bool {
    let g = Gazetteer::get();
    cands
        .iter()
        .filter_map(|&i| g.entry(i))
        .any(|e| match e.kind {
            Kind::Country | Kind::Sea | Kind::Region => true,
            Kind::City => e.population >= 1_000_000,
            Kind::Admin1 => false,
        })
}

/// One place mention waiting for resolution.
#[derive(Debug, Clone)]
pub(crate) struct PendingPlace {
    pub span: Span,
    /// The lookup name ("Kherson", "KYIV").
    pub name: String,
    /// A region word follows ("Kharkiv region").
    pub region: bool,
    /// The "Y" of "X, Y".
    pub within: Option<String>,
}

impl PendingPlace {
    pub(crate) fn at(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<PendingPlace> {
        let a = toks.get(start)?;
        let b = toks.get(end.checked_sub(1)?)?;
        let span = Span::new(a.span.start, b.span.end);
        Some(PendingPlace {
            span,
            name: span.slice(text)?.to_string(),
            region: region_word_after(text, toks, end),
            within: within_after(text, toks, end),
        })
    }
}

/// Why a place was resolved to its entry: the scores an analyst can read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    /// How many gazetteer entries carry the name.
    pub candidates: usize,
    /// The reasons that decided ("dateline country", "country named in the text", "X, Y",
    /// "near a place named before", "population", "region word", "our table").
    pub reasons: Vec<&'static str>,
}

fn base_score(e: &demarche_geo::Entry, region: bool) -> (f64, &'static str) {
    match e.kind {
        Kind::Country => (9.0, "country"),
        Kind::Sea | Kind::Region if region => (12.0, "region word"),
        Kind::Sea | Kind::Region => (8.5, "our table"),
        Kind::Admin1 if region => (12.0, "region word"),
        Kind::Admin1 => (4.6, "admin-1 region"),
        Kind::City => ((e.population.max(1) as f64).log10(), "population"),
    }
}

/// Chooses one entry for a mention. `anchors` are the coordinates of places resolved before.
pub(crate) fn choose(
    p: &PendingPlace,
    ctx: &GeoContext,
    dateline_country: Option<&str>,
    anchors: &[(f64, f64)],
) -> Option<(u32, Resolution)> {
    let g = Gazetteer::get();
    // A country of the country table: its gazetteer entry. A capital of the table only gets
    // a bonus, so that "Tripoli" in a Lebanese article can still be the Lebanese one.
    let lex = lexicon::place(&p.name);
    if let Some((c, PlaceKind::Country)) = lex
        && let Some((i, _)) = g.country(c.iso3)
    {
        let candidates = candidates(&p.name).len().max(1);
        return Some((
            i,
            Resolution {
                candidates,
                reasons: vec!["country"],
            },
        ));
    }
    let capital_of = lex.map(|(c, _)| c.iso3);
    let cands = candidates(&p.name);
    let within: Option<Vec<(String, String)>> = p.within.as_deref().map(|w| {
        let mut v: Vec<(String, String)> = candidates(w)
            .iter()
            .filter_map(|&i| g.entry(i))
            .map(|e| {
                let adm1 = if e.kind == Kind::Admin1 {
                    e.admin1.to_string()
                } else {
                    String::new()
                };
                (e.iso3.to_string(), adm1)
            })
            .collect();
        if let Some((c, _)) = lexicon::place(w) {
            v.push((c.iso3.to_string(), String::new()));
        }
        v
    });
    let mut best: Option<(f64, u32, Vec<&'static str>)> = None;
    for &i in cands {
        let Some(e) = g.entry(i) else { continue };
        let (mut score, why) = base_score(e, p.region);
        let mut reasons = vec![why];
        if e.kind == Kind::City && capital_of == Some(e.iso3) {
            score += 1.5;
            reasons.push("capital");
        }
        if let Some(w) = &within
            && w.iter()
                .any(|(iso3, adm1)| **iso3 == *e.iso3 && (adm1.is_empty() || **adm1 == *e.admin1))
            && !e.iso3.is_empty()
        {
            score += 20.0;
            reasons.push("X, Y");
        }
        if !e.iso3.is_empty() && dateline_country == Some(e.iso3) {
            score += 4.0;
            reasons.push("dateline country");
        }
        if !e.iso3.is_empty() && ctx.countries.contains(e.iso3) {
            score += 3.0;
            reasons.push("country named in the text");
        }
        if e.kind != Kind::Country
            && anchors
                .iter()
                .any(|&a| distance_km(a, (e.lat, e.lon)) < 400.0)
        {
            score += 2.0;
            reasons.push("near a place named before");
        }
        if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
            best = Some((score, i, reasons));
        }
    }
    best.map(|(_, i, reasons)| {
        (
            i,
            Resolution {
                candidates: cands.len(),
                reasons,
            },
        )
    })
}

/// Resolves pending mentions in text order and groups them into places (in order of first
/// mention). Returns the places and the index of the dateline's place.
pub(crate) fn resolve(
    text: &str,
    mut pending: Vec<PendingPlace>,
    ctx: &GeoContext,
) -> (Vec<crate::Place>, Option<usize>) {
    let g = Gazetteer::get();
    pending.sort_by_key(|p| p.span);
    pending.dedup_by_key(|p| p.span);
    let mut anchors: Vec<(f64, f64)> = Vec::new();
    // Each entry anchors once: a place named again adds nothing to "near a place named before",
    // and the scan of the anchors stays as long as the distinct places, not the mentions.
    let mut anchored: std::collections::BTreeSet<u32> = std::collections::BTreeSet::new();
    let mut places: Vec<crate::Place> = Vec::new();
    let mut by_entry: BTreeMap<u32, usize> = BTreeMap::new();
    let mut dateline_place = None;
    let mut dateline_country: Option<String> = None;
    // The dateline first: its country and position inform every other choice.
    let mut order: Vec<PendingPlace> = Vec::new();
    if let Some((span, name)) = &ctx.dateline {
        order.push(PendingPlace {
            span: *span,
            name: name.clone(),
            region: false,
            within: ctx.dateline_within.clone(),
        });
    }
    order.extend(
        pending
            .into_iter()
            .filter(|p| Some(p.span) != ctx.dateline.as_ref().map(|d| d.0)),
    );
    for (n, p) in order.iter().enumerate() {
        let Some((i, why)) = choose(p, ctx, dateline_country.as_deref(), &anchors) else {
            continue;
        };
        let Some(e) = g.entry(i) else { continue };
        if n == 0 && ctx.dateline.is_some() {
            dateline_country = Some(e.iso3.to_string()).filter(|c| !c.is_empty());
        }
        if e.kind != Kind::Country && anchored.insert(i) {
            anchors.push((e.lat, e.lon));
        }
        let mention = crate::Mention {
            span: p.span,
            text: p.span.slice(text).unwrap_or("").to_string(),
            kind: crate::MentionKind::Name,
        };
        let idx = *by_entry.entry(i).or_insert_with(|| {
            places.push(crate::Place::from_entry(e, &p.name, why));
            places.len() - 1
        });
        if n == 0 && ctx.dateline.is_some() {
            dateline_place = Some(idx);
        }
        if let Some(pl) = places.get_mut(idx) {
            pl.mentions.push(mention);
        }
    }
    // Places in order of their first mention in the text.
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| {
        places
            .get(i)
            .and_then(|p| p.mentions.iter().map(|m| m.span).min())
    });
    let mut sorted = Vec::with_capacity(places.len());
    let mut new_dateline = None;
    let mut places: Vec<Option<crate::Place>> = places.into_iter().map(Some).collect();
    for (new, old) in order.iter().enumerate() {
        if Some(*old) == dateline_place {
            new_dateline = Some(new);
        }
        if let Some(mut p) = places.get_mut(*old).and_then(Option::take) {
            p.mentions.sort_by_key(|m| m.span);
            sorted.push(p);
        }
    }
    (sorted, new_dateline)
}

/// Where an event happened, and how that was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum GeoSource {
    /// The event's sentence introduces a location ("in Doha").
    Sentence,
    /// The document's dateline.
    Dateline,
    /// Neither: the last place the sentence names at all (a country or city named as an actor,
    /// "struck Gaza"), as GDELT fills its action location — the weakest evidence.
    Mentioned,
}

/// The place (index into `places`) where the event of `sentence` happened: the first place of
/// the sentence introduced as a location, else the dateline's place, else the last place the
/// sentence names ([`GeoSource::Mentioned`]).
///
/// This indexes the places' mentions on every call; a caller with many sentences of one
/// document builds a [`PlaceMentions`] once and calls [`event_location_in`].
pub fn event_location(
    text: &str,
    sentence: Span,
    places: &[crate::Place],
    dateline: Option<usize>,
) -> Option<(usize, GeoSource)> {
    event_location_in(
        text,
        sentence,
        &PlaceMentions::new(places),
        places.len(),
        dateline,
    )
}

/// Every mention of a document's places, in text order, with the index of its place: the
/// index [`event_location_in`] searches, so that locating each sentence's event costs the
/// mentions inside that sentence, not all of the document's.
#[derive(Debug, Clone, Default)]
pub struct PlaceMentions(Vec<(Span, usize)>);

impl PlaceMentions {
    pub fn new(places: &[crate::Place]) -> Self {
        let mut all: Vec<(Span, usize)> = places
            .iter()
            .enumerate()
            .flat_map(|(pi, p)| p.mentions.iter().map(move |m| (m.span, pi)))
            .collect();
        // By span, then by place: the order in which the first introduced mention wins.
        all.sort();
        PlaceMentions(all)
    }
}

/// [`event_location`] over an index built once per document; `n_places` is the number of
/// places the index was built from.
pub fn event_location_in(
    text: &str,
    sentence: Span,
    mentions: &PlaceMentions,
    n_places: usize,
    dateline: Option<usize>,
) -> Option<(usize, GeoSource)> {
    let from = mentions
        .0
        .partition_point(|(s, _)| s.start < sentence.start);
    let inside = mentions.0[from..]
        .iter()
        .take_while(|(s, _)| s.start < sentence.end.max(sentence.start))
        .filter(|(s, _)| s.end <= sentence.end);
    // The first mention in text order that the sentence introduces as a location; the last
    // one named at all, for the fallback.
    let mut last = None;
    let found = inside
        .inspect(|&&(_, pi)| last = Some(pi))
        .find(|(s, _)| introduced_at(text, sentence, s.start))
        .map(|&(_, pi)| pi);
    match (found, dateline, last) {
        (Some(pi), _, _) => Some((pi, GeoSource::Sentence)),
        (None, Some(d), _) if d < n_places => Some((d, GeoSource::Dateline)),
        (None, _, Some(pi)) if pi < n_places => Some((pi, GeoSource::Mentioned)),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) fn introduced_at_for_tests(text: &str, sentence: Span, start: usize) -> bool {
    introduced_at(text, sentence, start)
}

/// Whether the words before byte `start` of `sentence` introduce an event's location. Only the
/// last words before the name matter, so only those are tokenized: a window that opens after a
/// space (tokens never cross one), widened to the whole sentence when the window's first words
/// could still belong to the phrase.
fn introduced_at(text: &str, sentence: Span, start: usize) -> bool {
    const WINDOW: usize = 160;
    let mut from = start.saturating_sub(WINDOW).max(sentence.start);
    while from > sentence.start && !text.is_char_boundary(from) {
        from -= 1;
    }
    if from > sentence.start {
        match text
            .get(from..start)
            .and_then(|w| w.find(char::is_whitespace))
        {
            Some(sp) => from += sp + 1,
            None => from = sentence.start,
        }
    }
    let first = text
        .get(start..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8);
    let toks = crate::tokens::tokenize(text, Span::new(from, sentence.end.min(start + first)));
    let Some(k) = toks.iter().position(|t| t.span.start == start) else {
        return false;
    };
    // Fewer than three words before the name in a cut window: the phrase may reach further.
    if from > sentence.start && k < 3 {
        let toks = crate::tokens::tokenize(text, sentence);
        return toks
            .iter()
            .position(|t| t.span.start == start)
            .is_some_and(|k| introduced(text, &toks, k, ACTION_PREPOSITIONS));
    }
    introduced(text, &toks, k, ACTION_PREPOSITIONS)
}

/// A place in GDELT's terms: the geography fields of events (`ActionGeo_*`) and of GKG
/// locations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GdeltLocation {
    /// 1 country, 2 US state, 3 US city, 4 world city, 5 world state (admin-1). Seas, straits
    /// and regions are points and written as 4, since GDELT has no type for them.
    pub kind: u8,
    /// "Kherson, Kherson, Ukraine": the place, its admin-1 region and its country, as GDELT
    /// writes full names.
    pub full_name: String,
    /// FIPS country code + admin-1 code ("UP08"); the FIPS code for a country.
    pub adm1: String,
    /// GeoNames id for cities; the ADM1 code for regions and countries, as GDELT writes them;
    /// our own id ("X-gaza-strip") for our places.
    pub feature_id: String,
    /// Degrees, four decimals; empty when unknown.
    pub lat: String,
    pub lon: String,
}

/// How `p` is written in GDELT's geography fields.
pub fn gdelt_location(p: &crate::Place) -> GdeltLocation {
    let us = p.country == "USA";
    let kind = match p.kind {
        PlaceKind::Country => 1,
        PlaceKind::Admin1 if us => 2,
        PlaceKind::Admin1 => 5,
        PlaceKind::City if us => 3,
        PlaceKind::City | PlaceKind::Sea | PlaceKind::Region => 4,
    };
    let adm1 = match p.kind {
        PlaceKind::Country => p.fips.clone(),
        _ => p.admin1.clone().unwrap_or_default(),
    };
    let feature_id = match p.kind {
        PlaceKind::Country => p.fips.clone(),
        PlaceKind::Admin1 if !adm1.is_empty() => adm1.clone(),
        _ => p.id.clone().unwrap_or_default(),
    };
    let country = Gazetteer::get()
        .country(&p.country)
        .map(|(_, e)| e.name.to_string())
        .filter(|_| p.kind != PlaceKind::Country);
    let mut parts = vec![p.name.clone()];
    if p.kind == PlaceKind::City {
        parts.extend(p.admin1_name.clone());
    }
    parts.extend(country);
    let full_name = parts.join(", ");
    let deg = |v: Option<f64>| v.map_or_else(String::new, |v| format!("{v:.4}"));
    GdeltLocation {
        kind,
        full_name,
        adm1,
        feature_id,
        lat: deg(p.lat),
        lon: deg(p.lon),
    }
}

#[cfg(test)]
mod tests {
    use crate::{GeoSource, Place, PlaceKind, event_location, extract};
    use demarche_geo::distance_km;
    use demarche_model::Span;

    fn places(text: &str) -> Vec<Place> {
        extract(text, None, None).places
    }

    fn find<'p>(ps: &'p [Place], name: &str) -> &'p Place {
        ps.iter()
            .find(|p| p.name == name)
            .unwrap_or_else(|| panic!("{name} not in {:?}", names(ps)))
    }

    fn names(ps: &[Place]) -> Vec<(&str, &str)> {
        ps.iter()
            .map(|p| (p.name.as_str(), p.country.as_str()))
            .collect()
    }

    fn near(p: &Place, lat: f64, lon: f64) -> bool {
        distance_km((p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0)), (lat, lon)) < 50.0
    }

    #[test]
    fn an_upper_case_dateline_city_is_a_place_not_an_organisation() {
        let text = "KYIV, March 3 (Reuters) - Russian drones struck power stations overnight, officials said.";
        let k = extract(text, None, None);
        let kyiv = find(&k.places, "Kyiv");
        assert_eq!((kyiv.kind, kyiv.country.as_str()), (PlaceKind::City, "UKR"));
        assert!(near(kyiv, 50.45, 30.52));
        assert_eq!(&text[kyiv.mentions[0].span.range()], "KYIV");
        assert!(
            k.organizations.iter().all(|o| o.name != "KYIV"),
            "{:?}",
            k.organizations
        );
    }

    #[test]
    fn x_comma_y_picks_the_place_in_y() {
        let ps = places("Shelling hit a market in Kherson, Ukraine, on Sunday.");
        let kherson = find(&ps, "Kherson");
        assert_eq!(kherson.country, "UKR");
        assert!(
            kherson
                .resolution
                .as_ref()
                .unwrap()
                .reasons
                .contains(&"X, Y")
        );
        let ps = places("Protesters gathered in Tripoli, Lebanon, on Friday.");
        assert!(near(find(&ps, "Tripoli"), 34.44, 35.85));
    }

    #[test]
    fn an_ambiguous_name_follows_the_article_s_country() {
        // Tripoli is Libya's capital, but a Lebanese article means the Lebanese port.
        let ps = places("Lebanese troops deployed in Tripoli after clashes.");
        assert_eq!(find(&ps, "Tripoli").country, "LBN");
        let ps = places("Militias clashed in Tripoli after the vote.");
        assert_eq!(find(&ps, "Tripoli").country, "LBY");
    }

    #[test]
    fn a_sea_is_a_place_without_a_country() {
        let ps = places("A tanker was attacked in the Red Sea on Tuesday.");
        let sea = find(&ps, "Red Sea");
        assert_eq!((sea.kind, sea.country.as_str()), (PlaceKind::Sea, ""));
        assert!(sea.lat.is_some());
    }

    #[test]
    fn disputed_and_occupied_areas_are_regions() {
        let ps = places("Air strikes hit the Gaza Strip while fighting went on in Donbas.");
        assert_eq!(find(&ps, "Gaza Strip").country, "PSE");
        assert_eq!(find(&ps, "Donbas").kind, PlaceKind::Region);
        // A region word after a name prefers the region to the city of the same name.
        let ps = places("Shelling continued in the Zaporizhzhia region.");
        let z = find(&ps, "Zaporizhzhia");
        assert_eq!((z.kind, z.country.as_str()), (PlaceKind::Admin1, "UKR"));
    }

    #[test]
    fn common_words_and_person_names_are_no_places() {
        // "Of" and "Nice" are towns; "Victoria" is a person here.
        let ps = places(
            "Nice weather helped the harvest. Of the ten ships, two sank. Victoria said she would stay.",
        );
        assert!(ps.is_empty(), "{:?}", names(&ps));
        // After "in", the town is a place.
        let ps = places("The festival in Nice drew crowds.");
        assert_eq!(find(&ps, "Nice").country, "FRA");
    }

    #[test]
    fn a_town_of_a_country_the_article_names_is_a_place() {
        // No preposition before Lashio or Sittwe: Myanmar, named in the text, licenses them.
        let ps = places(
            "Myanmar's junta lost ground. Fighters took Lashio's outskirts and closed in on Sittwe.",
        );
        assert_eq!(find(&ps, "Lashio").country, "MMR");
        assert_eq!(find(&ps, "Sittwe").country, "MMR");
        // Without the country, the same words are no places.
        let ps = places("Fighters took Lashio's outskirts and closed in on Sittwe.");
        assert!(ps.is_empty(), "{:?}", names(&ps));
    }

    #[test]
    fn a_named_country_licenses_no_person_a_title_or_a_speech_verb_marks() {
        // "Victoria" is a Canadian city, but here a person: after a title, before "said", or
        // the surname of a person named in full.
        for text in [
            "Canada's minister met Governor Victoria at noon.",
            "Canada's minister left, and then Victoria said she would stay.",
            "Canada's minister met Ana Victoria. Later, Victoria left.",
        ] {
            let ps = places(text);
            assert!(
                ps.iter().all(|p| p.name != "Victoria"),
                "{text}: {:?}",
                names(&ps)
            );
        }
    }

    #[test]
    fn names_with_of_and_and_are_whole() {
        let ps = places("Drones flew over the Sea of Azov towards the Gulf of Guinea.");
        assert_eq!(
            names(&ps),
            [("Sea of Azov", ""), ("Gulf of Guinea", "")],
            "not Guinea the country"
        );
        let ps = places("Indian police in Jammu and Kashmir searched villages.");
        assert_eq!(names(&ps), [("Jammu and Kashmir", "IND")]);
    }

    #[test]
    fn modifiers_and_titles_around_a_place_are_not_part_of_it() {
        let ps = places("Gunmen attacked tourists in Indian-administered Kashmir.");
        assert_eq!(find(&ps, "Kashmir").kind, PlaceKind::Region);
        let ps = places("U.S. Secretary of State Antony Blinken spoke in Tokyo.");
        assert_eq!(find(&ps, "United States").kind, PlaceKind::Country);
        // "on" joins no organisation to the place after it.
        let ps = places("Sudan's army repelled the Rapid Support Forces on El Fasher.");
        assert_eq!(find(&ps, "El Fasher").country, "SDN");
    }

    #[test]
    fn admin1_regions_by_the_names_news_gives() {
        let ps = places("Fighting spread across northern Shan state and into North Darfur, Sudan.");
        let shan = find(&ps, "Shan State");
        assert_eq!(
            (shan.kind, shan.country.as_str()),
            (PlaceKind::Admin1, "MMR")
        );
        assert_eq!(find(&ps, "Northern Darfur").kind, PlaceKind::Admin1);
    }

    #[test]
    fn a_location_late_in_a_long_sentence_is_read_from_its_last_words() {
        let long = "Officials who spoke on condition of anonymity because they were not allowed to brief reporters on the matter said on Tuesday that the talks, which had been expected for weeks, finally opened in Doha.";
        let k = extract(long, None, None);
        let (i, src) = event_location(long, Span::new(0, long.len()), &k.places, None).unwrap();
        assert_eq!(
            (k.places[i].name.as_str(), src),
            ("Doha", GeoSource::Sentence)
        );
        // "Doha" without a preposition before it is no location the sentence gives: only
        // the weakest fallback, a place it names.
        let plain = long.replace("opened in Doha", "opened, Doha said");
        let k = extract(&plain, None, None);
        assert!(k.places.iter().any(|p| p.name == "Doha"));
        let (i, src) = event_location(&plain, Span::new(0, plain.len()), &k.places, None).unwrap();
        assert_eq!(
            (k.places[i].name.as_str(), src),
            ("Doha", GeoSource::Mentioned)
        );
    }

    #[test]
    fn an_event_happens_where_its_sentence_says_else_at_the_dateline() {
        let text = "DOHA, May 2 (Reuters) - Mediators met on Monday. Troops fired near Kharkiv on Tuesday.";
        let k = extract(text, None, None);
        let first = Span::new(26, 48);
        let second = Span::new(49, text.len());
        let (i, src) = event_location(text, first, &k.places, k.dateline).unwrap();
        assert_eq!(
            (k.places[i].name.as_str(), src),
            ("Doha", GeoSource::Dateline)
        );
        let (i, src) = event_location(text, second, &k.places, k.dateline).unwrap();
        assert_eq!(
            (k.places[i].name.as_str(), src),
            ("Kharkiv", GeoSource::Sentence)
        );
    }
}
