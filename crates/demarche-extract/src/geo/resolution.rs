//! Which gazetteer entry a place mention is (step 2 of the `geo` module doc): candidates scored
//! with their reasons, mentions resolved in text order and grouped into places.

use super::licensing::PendingPlace;
use super::{GeoContext, candidates};
use crate::lexicon::{self, PlaceKind};
use demarche_geo::{Evidence, Gazetteer, Kind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Why a place was resolved to its entry: the scores an analyst can read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    /// How many gazetteer entries carry the name.
    pub candidates: usize,
    /// The reasons that decided ("dateline country", "country named in the text", "X, Y",
    /// "near a place named before", "preferred referent", "population", "region word", "our
    /// table", "spelling").
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

/// Chooses one entry for a mention. `anchors` are the coordinates of places resolved before;
/// `named_entries` the entries each name of the document's mentions may be, with that name.
pub(crate) fn choose(
    p: &PendingPlace,
    ctx: &GeoContext,
    dateline_country: Option<&str>,
    anchors: &[(f64, f64)],
    named_entries: &BTreeMap<u32, BTreeSet<&str>>,
) -> Option<(u32, Resolution)> {
    let g = Gazetteer::get();
    // A country of the country table: its gazetteer entry. A capital of the table only gets
    // a bonus, so that "Tripoli" in a Lebanese article can still be the Lebanese one.
    let lex = lexicon::place(&p.name);
    if let Some((c, PlaceKind::Country)) = lex
        && !is_our_region_of(&p.name, c.iso3)
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
    let cands = ctx.candidates(&p.name);
    let spelled = candidates(&p.name).is_empty();
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
    let named = |c: &str| ctx.countries.contains(c);
    let evidence = Evidence {
        dateline: dateline_country,
        named: &named,
        anchors,
    };
    let mut best: Option<(f64, u32, Vec<&'static str>)> = None;
    // Rule nested-division: a region the document names by a name of its own ("Ancash region's
    // Huari province") is not what a region word after a town's name means.
    let named_apart = |r: u32| {
        named_entries
            .get(&r)
            .is_some_and(|names| names.iter().any(|n| *n != p.name))
    };
    // Rule division-list: in a list of units below the first level, a town of the name
    // outranks a region of it ("the departments of Podor and Matam": Matam the town).
    let has_city = cands
        .iter()
        .any(|&i| g.entry(i).is_some_and(|e| e.kind == Kind::City));
    for i in with_regions_of_cities(cands, p.admin1_word, named_apart) {
        let Some(e) = g.entry(i) else { continue };
        if p.below_admin1 && has_city && e.kind == Kind::Admin1 {
            continue;
        }
        let (mut score, why) = base_score(e, p.region);
        let mut reasons = vec![why];
        if spelled {
            reasons.push("spelling");
        }
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
        // The context: the dateline's country, the countries the article names, places
        // resolved before, the name's preferred referent (`demarche_geo::Evidence`, the rule
        // the coder's `place-country` shares).
        let support = g.support(&p.name, e, &evidence);
        score += support.points;
        reasons.extend(support.reasons);
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

/// Whether the country table's name `name` of country `iso3` is, in the gazetteer, one of our
/// own regions of that country and no country's name ("Somaliland": the table gives it to
/// Somalia so that the coder codes it SOM, but the place is our region, not Somalia).
pub(crate) fn is_our_region_of(name: &str, iso3: &str) -> bool {
    let g = Gazetteer::get();
    let entries = || candidates(name).iter().filter_map(|&i| g.entry(i));
    entries().any(|e| e.is_ours() && e.kind == Kind::Region && e.iso3 == iso3)
        && !entries().any(|e| e.kind == Kind::Country)
}

/// The candidates of a name, and, when a first-level region word follows it ("the Kharkiv
/// region", "Sennar state"; not "district" or "county", which name the area of a town) and no
/// candidate is a region, the admin-1 region each city candidate lies
/// in: news names a region after its main city where the gazetteer spells the region otherwise
/// ("Kharkivs'ka Oblast'", "Odessa", "Sinnar"). A region reached so scores as a region
/// named with its region word. Not a region `named_apart` says the document names by another
/// name (rule nested-division: "Ancash region's Huari province" is a unit inside Ancash).
fn with_regions_of_cities(
    cands: &[u32],
    admin1_word: bool,
    named_apart: impl Fn(u32) -> bool,
) -> Vec<u32> {
    let g = Gazetteer::get();
    let mut out = cands.to_vec();
    let is_region = |i: &u32| {
        g.entry(*i)
            .is_some_and(|e| matches!(e.kind, Kind::Admin1 | Kind::Region | Kind::Sea))
    };
    if admin1_word && !cands.iter().any(is_region) {
        for &i in cands {
            let region = g.entry(i).and_then(|e| g.admin1_index_of(e));
            if let Some(r) = region
                && !out.contains(&r)
                && !named_apart(r)
            {
                out.push(r);
            }
        }
    }
    out
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
            admin1_word: false,
            within: ctx.dateline_within.clone(),
            below_admin1: false,
        });
    } else {
        // Rule dateline-parts-alone: the region or country after a dateline city the gazetteer
        // lacks ("Banjarnegara, Central Java, Jan 15").
        pending.retain(|p| !ctx.dateline_parts.iter().any(|(span, _)| *span == p.span));
    }
    // What a dateline names after its city is the city's region or country: "YOLA (Adamawa,
    // Nigeria)" names Adamawa State, not the town of that name.
    order.extend(ctx.dateline_parts.iter().map(|(span, name)| PendingPlace {
        span: *span,
        name: name.clone(),
        region: true,
        admin1_word: false,
        within: None,
        below_admin1: false,
    }));
    order.extend(
        pending
            .into_iter()
            .filter(|p| Some(p.span) != ctx.dateline.as_ref().map(|d| d.0)),
    );
    let mut named: BTreeMap<u32, BTreeSet<&str>> = BTreeMap::new();
    for p in &order {
        for &c in ctx.candidates(&p.name) {
            named.entry(c).or_default().insert(p.name.as_str());
        }
    }
    for (n, p) in order.iter().enumerate() {
        let Some((i, why)) = choose(p, ctx, dateline_country.as_deref(), &anchors, &named) else {
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
