//! Which capitalised names are places (step 1 of the `geo` module doc): the document's
//! context (its dateline, the countries it names, the words that license a name) and the
//! mentions that wait for resolution.

use super::{GeoContext, candidates, is_in, word};
use crate::entities::SentenceTokens;
use crate::lexicon::{self, PlaceKind};
use crate::tokens::{Tok, TokenKind, run_span};
use demarche_geo::{Gazetteer, Kind, title_case};
use demarche_model::Span;
use std::collections::BTreeSet;

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
    // Second-level units wire copy writes after a town's name ("the Bawku Municipality",
    // "Banjarnegara regency", "Ukhiya upazila"; round 19).
    "municipality",
    "regency",
    "upazila",
];

/// Adjectives of a first-level division that open a capitalised office after a name
/// ("Saint-Louis Regional Governor", "Chimaltenango Departmental Governor"): the name is the
/// division's (rule office-jurisdiction).
const DIVISION_ADJECTIVES: &[&str] = &["regional", "provincial", "departmental", "prefectural"];

/// The dateline at the start of a document ("KYIV, March 3 (Reuters) -"): the span and text of
/// its place name when the gazetteer knows it.
type Dateline = (Span, String, Option<String>, Vec<(Span, String)>);

fn find_dateline(text: &str) -> Option<Dateline> {
    let line_span = demarche_text::dateline_segment(text)?;
    let line = line_span.slice(text)?;
    // The name runs to the first comma, bracket, colon or dash.
    let end = line
        .find([',', '(', ':', '—', '–'])
        .or_else(|| line.find(" -"))
        .unwrap_or(line.len());
    let raw = line.get(..end)?;
    let name = raw.trim();
    let lead = raw.len() - raw.trim_start().len();
    if name.is_empty() {
        return None;
    }
    let start = line_span.start + lead;
    // "KHERSON, Ukraine, March 3": a country or region after the comma.
    let within = line.get(end..).and_then(|rest| {
        let rest = rest.strip_prefix(',')?;
        let part = rest.split([',', '(', '—', '–']).next()?.trim();
        (!part.is_empty() && !candidates(part).is_empty()).then(|| part.to_string())
    });
    let parts = dateline_parts(line, end, line_span.start);
    Some((
        Span::new(start, start + name.len()),
        name.to_string(),
        within,
        parts,
    ))
}

/// The places a dateline names after its city and before its date: "ABUJA, Nigeria (AP)",
/// "YOLA (Adamawa, Nigeria), May 13", "Imphal (Manipur) [India], November 17" — each a name in
/// title case the gazetteer knows (an agency in capitals, "(AP)", is none), with its span in
/// the text (`base`: where `line` starts).
fn dateline_parts(line: &str, from: usize, base: usize) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut at = from;
    for piece in line
        .get(from..)
        .unwrap_or("")
        .split([',', '(', ')', '[', ']'])
    {
        let start = at;
        at += piece.len() + 1;
        let name = piece.trim();
        if name.is_empty() {
            continue;
        }
        // The date ends the places; what follows it is the agency.
        if name.chars().any(|c| c.is_ascii_digit()) || name.contains(" -") || name.contains(':') {
            break;
        }
        let mut chars = name.chars();
        let title_case = chars.next().is_some_and(char::is_uppercase)
            && chars.next().is_some_and(char::is_lowercase);
        if title_case && !candidates(name).is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let s = base + start + lead;
            out.push((Span::new(s, s + name.len()), name.to_string()));
        }
    }
    out
}

/// Whether the tokens before `start` introduce a place: a place preposition, maybe followed
/// by "the" and direction words, or "GEO_NOUN of".
pub(super) fn introduced(text: &str, toks: &[Tok], start: usize, preps: &[&str]) -> bool {
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

/// Rule direction-region: whether the run `toks[start..end]` is a region's whole name made of
/// direction words and its region word ("Western Province", "North West Province"), which the
/// gazetteer knows: the region word is then part of the name, which without it is a common
/// word.
fn direction_region(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let Some(last) = end.checked_sub(1) else {
        return false;
    };
    end - start >= 2
        && toks
            .get(last)
            .is_some_and(|t| is_in(REGION_WORDS, word(text, t)))
        && (start..last).all(|k| {
            toks.get(k).is_some_and(|t| {
                let w = word(text, t);
                w.starts_with(char::is_uppercase)
                    && (is_in(PLACE_MODIFIERS, w) || lexicon::has(lexicon::Class::Direction, w))
            })
        })
        && run_span(toks, start, end)
            .and_then(|sp| sp.slice(text))
            .is_some_and(|name| !candidates(name).is_empty())
}

/// Rule division-list: the lower-case division word and the names of the list the name
/// starting at token `start` belongs to, when "the <division word>(s) of" opens that list
/// ("the departments of La Paz, Cochabamba and Santa Cruz", "the department of Beni"): the
/// word in the singular and each name as written. Not a capitalised "Department of", which
/// names an organisation.
fn division_list_before(text: &str, toks: &[Tok], start: usize) -> Option<(String, Vec<String>)> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let joiner = |x: &str| matches!(x, "," | "and" | "or");
    let capital = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && word(text, t).starts_with(char::is_uppercase)
        })
    };
    let mut k = start;
    while k > 0 && start - k < 16 && (joiner(w(k - 1)) || capital(k - 1)) {
        k -= 1;
    }
    let of = k.checked_sub(1)?;
    if w(of) != "of" {
        return None;
    }
    let head = w(of.checked_sub(1)?);
    let one = head.strip_suffix('s').unwrap_or(head);
    if !head.starts_with(char::is_lowercase) || !(is_in(REGION_WORDS, one) || one == "department") {
        return None;
    }
    let mut members = Vec::new();
    let mut closed = false;
    let mut k = of + 1;
    while k < of + 24 {
        let a = k;
        while capital(k) {
            k += 1;
        }
        if k == a {
            break;
        }
        members.push(
            run_span(toks, a, k)
                .and_then(|sp| sp.slice(text))?
                .to_string(),
        );
        if closed || !joiner(w(k)) {
            break;
        }
        while joiner(w(k)) {
            closed |= matches!(w(k), "and" | "or");
            k += 1;
        }
    }
    // A list closes with "and" or "or"; without one, what follows a comma is another phrase
    // ("the department of Comayagua, National Police spokesman X said").
    if !closed {
        members.truncate(1);
    }
    Some((one.to_string(), members))
}

/// Whether the gazetteer knows `name` as a first-level or other region.
fn names_a_region(name: &str) -> bool {
    let g = Gazetteer::get();
    candidates(name).iter().any(|&i| {
        g.entry(i)
            .is_some_and(|e| matches!(e.kind, Kind::Admin1 | Kind::Region))
    })
}

/// Whether `w` is a word that names a kind of region ("region", "Oblast").
pub(crate) fn is_region_word(w: &str) -> bool {
    is_in(REGION_WORDS, w)
}

/// The region word that follows the name ending before token `end` ("Kharkiv region"), or
/// the plural one that closes the list of names it belongs to ("Kyiv, Cherkasy and Kirovohrad
/// oblasts", "Ehime, Oita and Kagoshima prefectures"), as written.
fn region_word_after<'t>(text: &'t str, toks: &[Tok], end: usize) -> Option<&'t str> {
    head_after(text, toks, end, |w| is_in(REGION_WORDS, w))
}

/// The head word `is_head` accepts that follows the name ending before token `end`, or the
/// plural one that closes the list of names it belongs to, in the singular.
fn head_after<'t>(
    text: &'t str,
    toks: &[Tok],
    end: usize,
    is_head: impl Fn(&str) -> bool,
) -> Option<&'t str> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    if is_head(w(end)) {
        return Some(w(end));
    }
    let plural_head = |x: &str| {
        x.strip_suffix('s')
            .is_some_and(|one| one.starts_with(char::is_lowercase) && is_head(one))
    };
    let mut k = end;
    let mut joined = false;
    while k < end + 16 {
        let x = w(k);
        if matches!(x, "," | "and" | "or") {
            joined = true;
        } else if plural_head(x) {
            // Right after the name ("Cherkasy oblasts") or closing its list.
            return (joined || k == end).then(|| x.strip_suffix('s').unwrap_or(x));
        } else if !x.starts_with(char::is_uppercase) {
            return None;
        }
        k += 1;
    }
    None
}

/// Whether the name ending before token `end` is followed by the head of a feature that is
/// no town or region ("Yeonpyeong and Baengnyeong islands", "Bekaa Valley"; `[place-head]` in
/// `data/names.txt` but not a region word or "city").
fn feature_head_after(text: &str, toks: &[Tok], end: usize) -> bool {
    head_after(text, toks, end, |w| {
        lexicon::has(lexicon::Class::PlaceHead, w)
            && !is_in(REGION_WORDS, w)
            && !w.eq_ignore_ascii_case("city")
    })
    .is_some()
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
        if let Some((span, name, within, parts)) = find_dateline(text) {
            if candidates(&name).is_empty() {
                // Rule dateline-parts-alone: a dateline city the gazetteer lacks still names its
                // region or country after it ("Banjarnegara, Central Java, Jan 15 (ANTARA)").
                ctx.dateline_parts = parts;
            } else {
                ctx.licensed.insert(name.clone());
                ctx.dateline = Some((span, name));
                ctx.dateline_within = within;
                ctx.dateline_parts = parts;
            }
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
                let Some(name) = run_span(&s.toks, start, end).and_then(|sp| sp.slice(text)) else {
                    continue;
                };
                // Rule named-division: a name written before a lower-case division word once
                // ("Puntland region") is that division wherever the document names it ("Puntland
                // says …" in the headline, "Puntland's president").
                if s.toks.get(end).is_some_and(|t| {
                    let x = word(text, t);
                    x.starts_with(char::is_lowercase) && lexicon::has(lexicon::Class::Admin1Word, x)
                }) {
                    ctx.divisions.insert(name.to_string());
                }
                // A country, or one of our regions and seas that lies in one ("Gaza Strip")
                // when no entry of another country shares its name ("Kurdistan" names no
                // country: Iraq's region or Iran's province).
                let entries = || candidates(name).iter().filter_map(|&i| g.entry(i));
                if let Some(e) = entries()
                    .find(|e| e.kind == Kind::Country || (e.is_ours() && !e.iso3.is_empty()))
                    && (e.kind == Kind::Country || entries().all(|o| o.iso3 == e.iso3))
                {
                    ctx.countries.insert(e.iso3);
                }
            }
        }
        // The dateline city's country ("BANGKOK": Thailand), when the name is the country
        // table's capital or a city of a million people or more.
        if let Some((_, name)) = &ctx.dateline {
            let cands = candidates(name);
            let capital = lexicon::place(&title_case(name))
                .or_else(|| lexicon::place(&super::particles_lower(&title_case(name))))
                .or_else(|| lexicon::place(name));
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
                let Some(name) = run_span(&s.toks, start, end).and_then(|sp| sp.slice(text)) else {
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
        // Rule office-jurisdiction: a town or region of a country the document names, written
        // right before a capitalised office inside a run ("Saint-Louis Regional Governor X",
        // "Mastung Assistant Commissioner X"), is the office's jurisdiction, even opening its
        // sentence.
        for (s, runs) in sentences.iter().zip(runs) {
            for &(start, end) in runs {
                let Some(rs) = office_after(text, &s.toks, start, end) else {
                    continue;
                };
                let Some(name) = run_span(&s.toks, start, rs).and_then(|sp| sp.slice(text)) else {
                    continue;
                };
                let ours = candidates(name)
                    .iter()
                    .filter_map(|&i| g.entry(i))
                    .any(|e| {
                        matches!(e.kind, Kind::City | Kind::Admin1)
                            && ctx.countries.contains(e.iso3)
                    });
                if ours && !name_words.contains(name) && lexicon::nationality(name).is_none() {
                    ctx.licensed.insert(name.to_string());
                }
            }
        }
        for (s, runs) in sentences.iter().zip(runs) {
            // The end of the last run licensed as a place: "in Kharkiv and Bakhmut" licenses
            // both names.
            let mut last_place: Option<usize> = None;
            for &(start, end) in runs {
                // "Miyazaki Prefecture", "Kherson Oblast": the name before its region word.
                // Rule direction-region: not when the words before it are direction words and
                // the gazetteer knows the whole ("Western Province": not "Western").
                let region_in_run = end - start >= 2
                    && s.toks
                        .get(end - 1)
                        .is_some_and(|t| is_in(REGION_WORDS, word(text, t)))
                    && !direction_region(text, &s.toks, start, end);
                let end = end - usize::from(region_in_run);
                let Some(name) = run_span(&s.toks, start, end).and_then(|sp| sp.slice(text)) else {
                    continue;
                };
                // A list of places, with a modifier before the next name ("in Ghor and
                // neighbouring Badghis").
                let by_list = last_place.is_some_and(|e| {
                    e < start
                        && (e..start).all(|k| {
                            s.toks.get(k).is_some_and(|t| {
                                let w = word(text, t);
                                matches!(w, "," | "and" | "or")
                                    || k > e && w != "the" && is_in(PLACE_MODIFIERS, w)
                            })
                        })
                });
                let exact = candidates(name);
                // A name the gazetteer spells otherwise ("Baramulla": "Baramula"): the
                // entries of its spelling key in the countries the document names, when a
                // preposition, a region word, "X, Y" or a list of places introduces it (not its
                // country alone), and the text does not call it an island or a valley (a town
                // or a region of a similar spelling is then another place).
                let spelled: Vec<u32> = if exact.is_empty()
                    && !name_words.contains(name)
                    && (by_list
                        || introduced(text, &s.toks, start, PLACE_PREPOSITIONS)
                        || region_word_after(text, &s.toks, end).is_some()
                        || within_after(text, &s.toks, end).is_some())
                    && !feature_head_after(text, &s.toks, end)
                {
                    g.lookup_spelling(name)
                        .iter()
                        .copied()
                        .filter(|&i| g.entry(i).is_some_and(|e| ctx.countries.contains(e.iso3)))
                        .collect()
                } else {
                    Vec::new()
                };
                let cands: &[u32] = if spelled.is_empty() { exact } else { &spelled };
                if cands.is_empty() {
                    last_place = None;
                    continue;
                }
                if spelled.is_empty() && (lexicon::place(name).is_some() || inherently_place(cands))
                {
                    last_place = Some(end);
                    continue;
                }
                // A numeral after the name makes it part of a designation ("the Guayas 1
                // prison").
                let lone = spelled.is_empty()
                    && is_lone_admin1(name, cands)
                    && s.toks.get(end).is_none_or(|t| t.kind != TokenKind::Number)
                    && !heads_an_office(text, sentences, name);
                let by_region = region_word_after(text, &s.toks, end).is_some();
                let by_pattern = within_after(text, &s.toks, end).is_some();
                let by_preposition = introduced(text, &s.toks, start, PLACE_PREPOSITIONS);
                let by_country = start > 0
                    && !name_words.contains(name)
                    && is_named_like_a_place(text, &s.toks, start, end)
                    && cands.iter().filter_map(|&i| g.entry(i)).any(|e| {
                        let kind_ok = match e.kind {
                            Kind::City => true,
                            // A region of one word may be a common word ("Central"),
                            // unless no other entry has its name (rule lone-admin1).
                            Kind::Admin1 => name.contains(' ') || lone,
                            _ => false,
                        };
                        kind_ok && ctx.countries.contains(e.iso3)
                    });
                let by_owner = owns_an_office(text, &s.toks, end)
                    && cands.iter().filter_map(|&i| g.entry(i)).any(|e| {
                        matches!(e.kind, Kind::City | Kind::Admin1)
                            && ctx.countries.contains(e.iso3)
                    });
                // A spelled name was licensed above.
                let licensed = !spelled.is_empty()
                    || by_region
                    || by_pattern
                    || by_preposition
                    || by_list
                    || by_country
                    || by_owner;
                if !licensed {
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
                                || lone
                                || e.iso3 == "USA"
                                || ctx.countries.contains(e.iso3)
                        }
                        _ => true,
                    });
                if ok {
                    ctx.licensed.insert(name.to_string());
                    if !spelled.is_empty() {
                        ctx.spelled.insert(name.to_string(), spelled);
                    }
                }
            }
        }
        ctx
    }

    /// The gazetteer candidates of a name: as written ([`candidates`]), else those of its
    /// spelling the document licensed ("Baramulla" → Bāramūla).
    pub(crate) fn candidates<'a>(&'a self, name: &str) -> &'a [u32] {
        let found = candidates(name);
        if found.is_empty() {
            self.spelled.get(name).map_or(&[], Vec::as_slice)
        } else {
            found
        }
    }

    /// Whether the name `toks[start..end]` is a place (after the country table said no).
    /// Whether the document writes `name` before a lower-case division word somewhere (rule
    /// named-division).
    pub(crate) fn is_division(&self, name: &str) -> bool {
        self.divisions.contains(name)
    }

    pub(crate) fn is_place(&self, text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
        let Some(name) = run_span(toks, start, end).and_then(|sp| sp.slice(text)) else {
            return false;
        };
        let cands = self.candidates(name);
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

/// Rule office-jurisdiction: where the office begins in the run `toks[start..end]` when one to
/// three words open it before a capitalised office and its holder's name ("Saint-Louis Regional
/// Governor Alioune X": the office begins at "Regional"): the opening words are no title,
/// modifier, rank or nationality, and the office's words are capitalised role modifiers (or a
/// division's adjective, "Departmental") and one role word, followed by at least one word.
fn office_after(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<usize> {
    let w = |k: usize| toks.get(k).map_or("", |t| word(text, t));
    let modifier = |x: &str| {
        x.starts_with(char::is_uppercase)
            && (lexicon::has(lexicon::Class::RoleModifier, x) || is_in(DIVISION_ADJECTIVES, x))
    };
    let plain = |x: &str| {
        x.starts_with(char::is_uppercase)
            && !crate::titles::is_role(x)
            && !modifier(x)
            && !lexicon::has(lexicon::Class::Rank, x)
            && !lexicon::has(lexicon::Class::Honorific, x)
            && !lexicon::has(lexicon::Class::Function, x)
            && lexicon::nationality(x).is_none()
    };
    let rs = (start..end).find(|&k| !plain(w(k)))?;
    if rs == start || rs - start > 3 {
        return None;
    }
    let mut k = rs;
    while k < end && modifier(w(k)) {
        k += 1;
    }
    let role = w(k);
    (k < end && k + 1 < end && role.starts_with(char::is_uppercase) && crate::titles::is_role(role))
        .then_some(rs)
}

/// Rule office-owner: whether the run ending before `end` owns an office ("Khyber
/// Pakhtunkhwa's chief minister, …", "Sa Kaeo's governor"): a possessive, then a role word
/// within two words. With a town or region of a country the document names, the owner is that
/// jurisdiction, even opening a sentence, where a place is otherwise not licensed by its
/// country alone.
fn owns_an_office(text: &str, toks: &[Tok], end: usize) -> bool {
    toks.get(end)
        .is_some_and(|t| t.kind == TokenKind::Possessive)
        && (end + 1..end + 3).any(|k| {
            toks.get(k).is_some_and(|t| {
                let w = word(text, t);
                w.starts_with(char::is_lowercase) && lexicon::has(lexicon::Class::Role, w)
            })
        })
}

/// Rule lone-admin1: whether `name` names an admin-1 region and nothing else — every entry of
/// its name is an admin-1 region of one country ("Hadramout", "Sindh", "Akkar"; not "Kherson",
/// also a city, nor "Punjab", a region of two countries) — written as a name (not in capitals,
/// not a direction word such as "East", not a nationality such as "Somali"). Such a name after a
/// place preposition is a place even when the document names no country ("killed in
/// Hadramout"), and, of one word, it is a place by its country named in the document as a
/// region of two words is ("floods hit Akkar in northern Lebanon"): no city of the name can
/// outrank it, so the only reading a preposition or its country leaves is the region. Not when
/// the document writes the name before an office ([`heads_an_office`]: "exports to Southland
/// … Southland Foreign Minister X" speaks of an invented country).
fn is_lone_admin1(name: &str, cands: &[u32]) -> bool {
    let g = Gazetteer::get();
    let mut entries = cands.iter().filter_map(|&i| g.entry(i));
    let Some(first) = entries.next() else {
        return false;
    };
    let first_word = name.split([' ', '-']).next().unwrap_or(name);
    first.kind == Kind::Admin1
        && entries.all(|e| e.kind == Kind::Admin1 && e.iso3 == first.iso3)
        && name.chars().any(char::is_lowercase)
        && !is_in(PLACE_MODIFIERS, first_word)
        && !lexicon::has(lexicon::Class::Direction, first_word)
        && !lexicon::has(lexicon::Class::Function, first_word)
        && lexicon::nationality(name).is_none()
        && lexicon::place(name).is_none()
}

/// Whether the document writes `name` right before a capitalised office ("Southland Foreign
/// Minister", "Northland Prime Minister"): it then speaks of the name as a polity of its own, which
/// a region's name alone does not make a place (rule lone-admin1).
fn heads_an_office(text: &str, sentences: &[SentenceTokens], name: &str) -> bool {
    sentences.iter().any(|s| {
        s.toks.iter().enumerate().any(|(k, t)| {
            let Some(rest) = text.get(t.span.start..) else {
                return false;
            };
            if !rest.starts_with(name) {
                return false;
            }
            let end = t.span.start + name.len();
            let Some(j) = s.toks[k..].iter().position(|u| u.span.start >= end) else {
                return false;
            };
            s.toks.get(k + j).is_some_and(|u| {
                let w = word(text, u);
                w.starts_with(char::is_uppercase)
                    && (lexicon::has(lexicon::Class::Role, w)
                        || lexicon::has(lexicon::Class::RoleModifier, w))
            })
        })
    })
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
    /// That region word names a first-level division ("region", "oblast", "state";
    /// `[admin1-word]` in `data/names.txt`), not a district or county.
    pub admin1_word: bool,
    /// The "Y" of "X, Y".
    pub within: Option<String>,
    /// Rule division-list: the name is one of a list of units below the first level ("the
    /// departments of Podor and Matam"), so a town of the name outranks a region of it.
    pub below_admin1: bool,
}

impl PendingPlace {
    pub(crate) fn at(text: &str, toks: &[Tok], start: usize, end: usize) -> Option<PendingPlace> {
        let span = run_span(toks, start, end)?;
        let region_word = region_word_after(text, toks, end);
        // Rule office-jurisdiction: "Saint-Louis Regional Governor" names the region.
        let division = toks.get(end).is_some_and(|t| {
            let x = word(text, t);
            x.starts_with(char::is_uppercase) && is_in(DIVISION_ADJECTIVES, x)
        }) && toks
            .get(end + 1)
            .is_some_and(|t| crate::titles::is_role(word(text, t)));
        // Rule division-list: "the departments of La Paz, Cochabamba and Santa Cruz" names
        // regions when every name of the list is one; a list with a name that is no region
        // ("the departments of Podor and Matam", "the provinces of Larache, Kenitra and Sidi
        // Kacem") names units below the first level, after their towns.
        let listed = division_list_before(text, toks, start);
        let (list_region, below_admin1) = match &listed {
            Some((_, names)) if names.len() > 1 && names.iter().all(|n| names_a_region(n)) => {
                (true, false)
            }
            Some((_, names)) if names.len() > 1 => (false, true),
            _ => (false, false),
        };
        Some(PendingPlace {
            span,
            name: span.slice(text)?.to_string(),
            region: region_word.is_some() || division || list_region,
            admin1_word: division
                || region_word.is_some_and(|w| lexicon::has(lexicon::Class::Admin1Word, w)),
            within: within_after(text, toks, end),
            below_admin1,
        })
    }
}
