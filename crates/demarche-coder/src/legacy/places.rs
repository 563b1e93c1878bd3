//! Places named inside actor phrases (rule `place-country`): the country a gazetteer place
//! stands for, read only where the name is a place ("the town of Kupiansk", "Beni, a town near
//! the border") and where one reading dominates.

use super::Coder;
use super::mentions::HitKind;
use super::sent::Sent;
use demarche_model::Date;
use demarche_text::english;

impl Coder<'_> {
    /// Rule `place-country`: the country of a place of the embedded gazetteer named by a run
    /// of proper nouns (`NNP`, `NNPS`) in leaves `lo..hi` — the whole run, so a person's surname
    /// inside a longer name is not read as a town — and the gazetteer entry. Seas and places of
    /// no one country do not count, nor month and day names (`calendar.txt`, read through
    /// `english::words`), nor a name that modifies a noun other than a place noun
    /// (`place-noun.txt`: "Iskander missiles" is no town). A name several countries share is
    /// none when one of our seas or international regions carries it too ("the Red Sea", not
    /// Egypt's or Sudan's governorate), else is read as the text supports it
    /// ([`demarche_geo::Gazetteer::support`], the rule the geoparser shares): only the readings
    /// in the countries the sentence's dictionary actors belong to ("near Beni" with
    /// "Congolese" in the sentence is Congo's town, not Bolivia's department), else the name's
    /// preferred referent (`demarche-geo/data/preferred.tsv`), else all; of those, one is taken
    /// only when it dominates: countries, admin-1 regions and named regions first, then the
    /// most populous city if it is at least three times the size of any other country's.
    pub(super) fn place_country(
        &self,
        s: &Sent<'_>,
        lo: u32,
        hi: u32,
        date: Date,
    ) -> Option<(&'static str, u32)> {
        let tree = s.tree;
        let proper = |l: u32| {
            s.leaf_node.get(l as usize).is_some_and(|&n| {
                matches!(tree.label(n), "NNP" | "NNPS")
                    && !s.deleted.get(l as usize).copied().unwrap_or(true)
            })
        };
        let en = english::get();
        let countries: std::cell::OnceCell<Vec<&'static str>> = std::cell::OnceCell::new();
        let mut l = lo;
        let mut name = String::new();
        while l < hi {
            if !proper(l) {
                l += 1;
                continue;
            }
            let start = l;
            name.clear();
            while l < hi && proper(l) {
                let w = s
                    .leaf_node
                    .get(l as usize)
                    .and_then(|&n| tree.word(n))
                    .unwrap_or("");
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(w);
                l += 1;
            }
            if in_sea_name(s, start) {
                continue;
            }
            let calendar = english::words();
            if l - start == 1
                && (calendar.is_month_name(&name) || calendar.weekday(&name).is_some())
            {
                continue;
            }
            // A name before another noun modifies it ("three Iskander missiles"), unless that
            // noun names a place or site ("the Jenin refugee camp").
            let mut head = None;
            for k in l..hi {
                match s.leaf_node.get(k as usize).map(|&n| tree.label(n)) {
                    Some("NN" | "NNS") => {
                        head = s.leaf_node.get(k as usize).and_then(|&n| tree.word(n))
                    }
                    Some("JJ" | "VBN" | "VBG") => {}
                    _ => break,
                }
            }
            if head.is_some_and(|h| !en.is_place_noun(h)) {
                continue;
            }
            // One word alone may be a person's name ("Khan", "Hassan"): it must name a region or
            // a city of at least `ONE_WORD_CITY` people, unless a place noun follows it.
            let one_word =
                l - start == 1 && head.is_none() && !place_apposition(s, l) && !place_of(s, start);
            // The sentence's countries, gathered once and only for a name several countries
            // share.
            let named = |c: &str| {
                countries
                    .get_or_init(|| self.sentence_countries(s, date))
                    .contains(&c)
            };
            if let Some((country, entry)) = dominant_place(&name, &named)
                && (!one_word || big_enough(entry))
            {
                return Some((country, entry));
            }
        }
        None
    }

    /// The countries (CAMEO codes) of the dictionary actors the sentence names, as evidence for
    /// a place name several countries share.
    fn sentence_countries(&self, s: &Sent<'_>, date: Date) -> Vec<&'static str> {
        let gaz = demarche_geo::Gazetteer::get();
        let mut out: Vec<&'static str> = Vec::new();
        let n = u32::try_from(s.leaf_node.len()).unwrap_or(u32::MAX);
        for h in self.hits(s, 0, n) {
            let HitKind::Actor(a) = h.kind else { continue };
            let Some(codes) = self.dicts.actors.get(a).and_then(|e| e.codes_on(date)) else {
                continue;
            };
            for c in &codes.codes {
                if let Some((_, e)) = c.get(..3).and_then(|c3| gaz.country(c3))
                    && !out.contains(&e.iso3)
                {
                    out.push(e.iso3);
                }
            }
        }
        out
    }
}

/// Whether leaf `l` opens an apposition that calls the name before it a place: ", a town on
/// the Chinese border", ", the provincial capital" (determiner, adjectives, a place noun).
fn place_apposition(s: &Sent<'_>, l: u32) -> bool {
    let tag = |k: u32| s.leaf_node.get(k as usize).map(|&n| s.tree.label(n));
    if tag(l) != Some(",") {
        return false;
    }
    let en = english::get();
    let mut k = l + 1;
    while matches!(tag(k), Some("DT" | "JJ" | "VBN")) {
        k += 1;
    }
    matches!(tag(k), Some("NN" | "NNS"))
        && s.leaf_node
            .get(k as usize)
            .and_then(|&n| s.tree.word(n))
            .is_some_and(|w| en.is_place_noun(w))
}

/// Whether the name at leaf `l` is the `of` phrase of a place noun: "the town of Kupiansk",
/// "the village of Yarova".
fn place_of(s: &Sent<'_>, l: u32) -> bool {
    let word = |k: u32| s.leaf_node.get(k as usize).and_then(|&n| s.tree.word(n));
    l >= 2
        && word(l - 1).is_some_and(|w| w.eq_ignore_ascii_case("of"))
        && word(l - 2).is_some_and(|w| english::get().is_place_noun(w))
}

/// Rule `sea-name`: whether the name that starts at leaf `lo` ends the name of one of the
/// gazetteer's seas ("the Gulf of Oman", "the Sea of Japan", "the Gulf of Finland"): a country
/// named there is no actor.
pub(super) fn in_sea_name(s: &Sent<'_>, lo: u32) -> bool {
    use demarche_geo::{Gazetteer, Kind};
    let word = |k: u32| s.leaf_node.get(k as usize).and_then(|&n| s.tree.word(n));
    let (Some(feature), Some(of)) = (
        lo.checked_sub(2).and_then(word),
        lo.checked_sub(1).and_then(word),
    ) else {
        return false;
    };
    if of.len() > 4 || !english::get().is_prep(of, english::Prep::Part) {
        return false;
    }
    let gaz = Gazetteer::get();
    let mut name = format!("{feature} {of}");
    for k in lo..lo + 3 {
        let Some(w) = word(k) else {
            break;
        };
        name.push(' ');
        name.push_str(w);
        let sea = |&i: &u32| gaz.entry(i).is_some_and(|e| e.kind == Kind::Sea);
        if gaz.lookup(&name).iter().any(sea) {
            return true;
        }
    }
    false
}

/// How many people a city named by one word alone needs to be read as a place.
const ONE_WORD_CITY: u64 = 200_000;

/// Whether a gazetteer entry is a region, one of our own places, or a city of at least
/// [`ONE_WORD_CITY`] people.
fn big_enough(entry: u32) -> bool {
    use demarche_geo::{Gazetteer, Kind};
    Gazetteer::get()
        .entry(entry)
        .is_some_and(|e| e.kind != Kind::City || e.is_ours() || e.population >= ONE_WORD_CITY)
}

/// The one country a place name stands for, with its gazetteer entry (see
/// [`Coder::place_country`]); `named` says whether the sentence names a country.
fn dominant_place(name: &str, named: &dyn Fn(&str) -> bool) -> Option<(&'static str, u32)> {
    use demarche_geo::{Evidence, Gazetteer, Kind};
    let gaz = Gazetteer::get();
    let entries = || {
        gaz.lookup(name)
            .iter()
            .filter_map(|&i| Some((i, gaz.entry(i)?)))
    };
    let readings: Vec<(u32, &demarche_geo::Entry)> = entries()
        .filter(|(_, e)| !e.iso3.is_empty() && e.kind != Kind::Sea)
        .collect();
    // Readings of several countries: a sea or region of no one country among the name's
    // entries is what it means ("the Red Sea", not Egypt's or Sudan's governorate), as in the
    // geoparser, where our seas and regions outrank an admin-1 region of a country named;
    // else only the readings the text supports most.
    let several = readings.iter().any(|(_, e)| e.iso3 != readings[0].1.iso3);
    if several && entries().any(|(_, e)| e.is_ours() && e.iso3.is_empty()) {
        return None;
    }
    let support: Vec<f64> = if several {
        let ev = Evidence {
            named,
            ..Evidence::none()
        };
        readings
            .iter()
            .map(|(_, e)| gaz.support(name, e, &ev).points)
            .collect()
    } else {
        vec![0.0; readings.len()]
    };
    let most = support.iter().copied().fold(0.0, f64::max);
    // (weight, country, entry) of the best reading, and the best weight of another country.
    let mut best: Option<(u64, &'static str, u32)> = None;
    let mut rival = 0u64;
    for (&(i, e), &points) in readings.iter().zip(&support) {
        if points < most {
            continue;
        }
        let weight = match e.kind {
            Kind::Country | Kind::Admin1 | Kind::Region => u64::MAX / 4,
            _ => e.population.max(1),
        };
        match best {
            Some((w, c, _)) if c == e.iso3 => {
                if weight > w {
                    best = Some((weight, c, i));
                }
            }
            Some((w, _, _)) => {
                if weight > w {
                    rival = rival.max(w);
                    best = Some((weight, e.iso3, i));
                } else {
                    rival = rival.max(weight);
                }
            }
            None => best = Some((weight, e.iso3, i)),
        }
    }
    let (w, country, entry) = best?;
    (w >= rival.saturating_mul(3)).then_some((country, entry))
}
