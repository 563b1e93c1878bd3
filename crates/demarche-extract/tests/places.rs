//! Scores the geoparser on hand-annotated news articles (`tests/data/places/`, written and
//! annotated for this project; how, in that folder's README): place-name precision, recall and
//! F1 by mention span, the same for places that are not countries, and the share of matched
//! places whose coordinates lie within 50 km of the annotation.
//!
//! `dev.jsonl`, `dev-round4.jsonl`, `dev-round5.jsonl`, `dev-round9.jsonl`, `dev-round10.jsonl`, `dev-round11.jsonl`, `dev-round12.jsonl`, `dev-round13.jsonl`, `dev-round14.jsonl`, `dev-round15.jsonl`, `dev-round16.jsonl`, `dev-round17.jsonl`, `dev-round18.jsonl`, `dev-round19.jsonl`, `dev-round20.jsonl` and `dev-round21.jsonl` are the
//! development part (their misses are printed and were looked at); `unseen.jsonl` was scored
//! once, after the work on the development part, and `unseen-round4.jsonl`,
//! `unseen-round5.jsonl`, `unseen-round9.jsonl`, `unseen-round10.jsonl`, `unseen-round11.jsonl`, `unseen-round12.jsonl`, `unseen-round13.jsonl`, `unseen-round14.jsonl`, `unseen-round15.jsonl`, `unseen-round16.jsonl`, `unseen-round17.jsonl`, `unseen-round18.jsonl`, `unseen-round19.jsonl`, `unseen-round20.jsonl` and `unseen-round21.jsonl` at the start and the end of their rounds;
//! none is tuned on.
//! Each asserts floors a little below the measured values.
//!
//! ```text
//! cargo test -p demarche-extract --test places -- --nocapture
//! ```

use demarche_extract::{PlaceKind, extract};
use demarche_geo::distance_km;
use demarche_model::Span;
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    id: String,
    date: String,
    text: String,
    places: Vec<Gold>,
}

#[derive(Deserialize)]
struct Gold {
    text: String,
    start: usize,
    end: usize,
    kind: String,
    country: String,
    lat: f64,
    lon: f64,
}

/// A predicted place mention.
struct Found {
    span: Span,
    country: bool,
    iso3: String,
    lat: Option<f64>,
    lon: Option<f64>,
}

#[derive(Default, Debug, Clone, Copy)]
struct Counts {
    gold: usize,
    found: usize,
    matched: usize,
}

impl Counts {
    fn p(&self) -> f64 {
        ratio(self.matched, self.found)
    }
    fn r(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.p(), self.r());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

#[derive(Default, Debug)]
struct Score {
    names: Counts,
    non_country: Counts,
    /// Matched mentions with coordinates within 50 km of the annotation, of all matched.
    near: usize,
    /// The same for matched mentions annotated as not countries.
    near_non_country: usize,
    matched_non_country: usize,
    /// Matched mentions whose country code agrees with the annotation.
    same_country: usize,
}

impl Score {
    fn coordinates(&self) -> f64 {
        ratio(self.near, self.names.matched)
    }
    fn coordinates_non_country(&self) -> f64 {
        ratio(self.near_non_country, self.matched_non_country)
    }
    fn report(&self, name: &str) -> String {
        let row = |what: &str, c: &Counts| {
            format!(
                "{name} {what:<12} P {:.3}  R {:.3}  F1 {:.3}   (gold {}, found {}, matched {})\n",
                c.p(),
                c.r(),
                c.f1(),
                c.gold,
                c.found,
                c.matched
            )
        };
        format!(
            "{}{}{name} coordinates within 50 km: {:.3} of {} matched ({:.3} of {} not countries); country code agrees: {:.3}\n",
            row("places", &self.names),
            row("non-country", &self.non_country),
            self.coordinates(),
            self.names.matched,
            self.coordinates_non_country(),
            self.matched_non_country,
            ratio(self.same_country, self.names.matched),
        )
    }
}

fn load(file: &str) -> Vec<Doc> {
    let path = format!("{}/tests/data/places/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let d: Doc =
                serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}:{}: {e}", i + 1));
            for g in &d.places {
                assert_eq!(
                    d.text.get(g.start..g.end),
                    Some(g.text.as_str()),
                    "{path}:{}: {} span",
                    i + 1,
                    g.text
                );
                assert!(
                    ["city", "admin1", "country", "sea", "region"].contains(&g.kind.as_str()),
                    "{}: kind {}",
                    d.id,
                    g.kind
                );
            }
            d
        })
        .collect()
}

/// Scores every document; `misses` collects readable lines for the misses.
fn score(docs: &[Doc], mut misses: Option<&mut Vec<String>>) -> Score {
    let mut s = Score::default();
    for d in docs {
        let date = demarche_model::parse_date(&d.date).ok();
        // As `demarche extract` runs it: the project's sentence splitter.
        let sentences = demarche_text::split_sentences(&d.text);
        let k = extract(&d.text, date, Some(&sentences));
        // The pipeline's cheaper call finds the same places.
        assert_eq!(
            demarche_extract::places(&d.text, Some(&sentences)),
            (k.places.clone(), k.dateline),
            "{}",
            d.id
        );
        let found: Vec<Found> = k
            .places
            .iter()
            .flat_map(|p| {
                p.mentions.iter().map(move |m| Found {
                    span: m.span,
                    country: p.kind == PlaceKind::Country,
                    iso3: p.country.clone(),
                    lat: p.lat,
                    lon: p.lon,
                })
            })
            .collect();
        s.names.gold += d.places.len();
        s.names.found += found.len();
        s.non_country.gold += d.places.iter().filter(|g| g.kind != "country").count();
        s.non_country.found += found.iter().filter(|f| !f.country).count();
        for g in &d.places {
            let span = Span::new(g.start, g.end);
            let Some(f) = found.iter().find(|f| f.span == span) else {
                if let Some(m) = misses.as_deref_mut() {
                    m.push(format!("{}: missed {:?} ({})", d.id, g.text, g.kind));
                }
                continue;
            };
            s.names.matched += 1;
            let gold_country = g.kind == "country";
            if !gold_country && !f.country {
                s.non_country.matched += 1;
            }
            if f.iso3 == g.country {
                s.same_country += 1;
            }
            let km = match (f.lat, f.lon) {
                (Some(lat), Some(lon)) => distance_km((lat, lon), (g.lat, g.lon)),
                _ => f64::INFINITY,
            };
            if km <= 50.0 {
                s.near += 1;
            }
            if !gold_country {
                s.matched_non_country += 1;
                if km <= 50.0 {
                    s.near_non_country += 1;
                }
            }
            if (km > 50.0 || gold_country != f.country || f.iso3 != g.country)
                && let Some(m) = misses.as_deref_mut()
            {
                m.push(format!(
                    "{}: {:?} ({} {}) resolved to {} {:?} {:.0} km away",
                    d.id,
                    g.text,
                    g.kind,
                    g.country,
                    if f.country { "country" } else { "place" },
                    f.iso3,
                    km
                ));
            }
        }
        if let Some(m) = misses.as_deref_mut() {
            for f in &found {
                if !d.places.iter().any(|g| Span::new(g.start, g.end) == f.span) {
                    m.push(format!(
                        "{}: spurious {:?}",
                        d.id,
                        f.span.slice(&d.text).unwrap_or("")
                    ));
                }
            }
        }
    }
    s
}

#[track_caller]
fn floor(what: &str, value: f64, min: f64) {
    assert!(value >= min, "{what} {value:.3} fell below its floor {min}");
}

/// One data file's articles (which must be `n`) scored and printed. A development part prints
/// its misses too; an unseen part only its numbers: its misses are not looked at, so that it
/// stays unseen.
#[track_caller]
fn part(file: &str, n: usize, unseen: bool) -> Score {
    let docs = load(file);
    assert_eq!(docs.len(), n, "{file}");
    let mut misses = Vec::new();
    let s = score(&docs, (!unseen).then_some(&mut misses));
    println!("{}", s.report(file.trim_end_matches(".jsonl")));
    for m in &misses {
        println!("  {m}");
    }
    s
}

/// Place-name F1, non-country F1 and coordinates within 50 km against their floors.
#[track_caller]
fn floors(part: &str, s: &Score, names: f64, non_country: f64, coordinates: f64) {
    floor(&format!("{part} place F1"), s.names.f1(), names);
    floor(
        &format!("{part} non-country F1"),
        s.non_country.f1(),
        non_country,
    );
    floor(&format!("{part} coordinates"), s.coordinates(), coordinates);
}

#[test]
fn places_on_the_development_articles() {
    let s = part("dev.jsonl", 8, false);
    // Coordinates within 50 km: 0.669 with countries and regions at the mean of their towns,
    // 0.735 at the centroid of their outlines (README). Round 7 (README): place F1 0.971 →
    // 0.979, non-country 0.960 → 0.970 (spelling keys: "Baramulla", "Gedaref"), coordinates
    // 0.735 → 0.775 ("the Kharkiv and Odesa regions", "Sennar state" as their regions).
    // Round 8 (README): coordinates 0.775 → 0.928 with countries at the public country
    // table's points, where 61 of the development parts' 64 country annotations lie.
    floors("dev", &s, 0.96, 0.95, 0.90);
}

#[test]
fn places_on_the_unseen_articles() {
    let s = part("unseen.jsonl", 5, true);
    // Coordinates within 50 km: 0.671 before the outlines' centroids, 0.788 after (README).
    // Round 7, scored at its start and end: place F1 0.924 → 0.947, non-country 0.898 → 0.931,
    // coordinates 0.788 (67 of 85 matched) → 0.775 (69 of 89): the four places found anew
    // include two beyond 50 km, so the share fell while the count rose; the coordinates floor
    // went from 0.76 to 0.75 for that reason. Round 8, scored twice: coordinates 0.775 → 0.854
    // (69 → 76 of 89) with countries at the public country table's points, 0.865 (77) with the
    // rule "feature a region is named after". Round 9, scored twice: coordinates 0.865 →
    // 0.876, country code 0.966 → 0.978 (second-level divisions in the gazetteer).
    floors("unseen", &s, 0.92, 0.90, 0.85);
}

#[test]
fn places_on_the_fourth_rounds_development_articles() {
    let s = part("dev-round4.jsonl", 4, false);
    // Measured at the end of the fourth round (README): place F1 1.000, non-country 1.000,
    // coordinates within 50 km 0.744 (0.935 of non-country places); 0.698 (0.903) with countries
    // and regions at the centroid of their outlines: this part's annotations of Ukraine
    // (48.38, 31.17) and Punjab (31.0, 72.7) lie 65 and 60 km from those centroids. Round 8:
    // 0.930 with countries at the public country table's points (Ukraine's among them).
    floors("dev-round4", &s, 0.98, 0.98, 0.90);
}

#[test]
fn places_on_the_fourth_rounds_unseen_articles() {
    let s = part("unseen-round4.jsonl", 2, true);
    // Measured at the end of the fourth round (README): place F1 0.941 (0.909 at its start),
    // non-country 0.929 (0.889), coordinates within 50 km 0.750 (0.923 of non-country places);
    // round 8, scored twice: 0.938 with countries at the public table's points.
    floors("unseen-round4", &s, 0.92, 0.9, 0.9);
}

#[test]
fn places_on_the_fifth_rounds_development_articles() {
    let s = part("dev-round5.jsonl", 4, false);
    // Measured at the end of the fifth round (README): place F1 0.913 (0.796 at its start),
    // non-country 0.886 (0.761), coordinates within 50 km 0.766 (0.914 of non-country places);
    // round 8: 0.957 with countries at the public country table's points.
    floors("dev-round5", &s, 0.89, 0.86, 0.93);
}

#[test]
fn places_on_the_fifth_rounds_unseen_articles() {
    let s = part("unseen-round5.jsonl", 2, true);
    // Measured at the start and the end of the fifth round, unchanged (README): place F1 0.649,
    // non-country 0.581, coordinates within 50 km 0.750 (1.000 of non-country places); 0.833
    // with countries and regions at the centroid of their outlines; round 8, scored twice:
    // 1.000 with countries at the public country table's points. Round 9, scored twice: place
    // F1 0.649 → 0.718, non-country 0.581 → 0.667 (second-level divisions in the gazetteer).
    floors("unseen-round5", &s, 0.69, 0.64, 0.95);
}

#[test]
fn places_on_the_ninth_rounds_development_articles() {
    let s = part("dev-round9.jsonl", 6, false);
    // Measured at the start and the end of the ninth round (README): place F1 0.900 → 0.931,
    // non-country 0.870 → 0.911 (second-level divisions in the gazetteer, large islands,
    // rules office-owner and described-after-place-noun), coordinates within 50 km 0.984 →
    // 0.970 (63 → 67 matched; "Surigao del Sur" at the mean of its towns lies 54 km from its
    // annotation).
    floors("dev-round9", &s, 0.91, 0.89, 0.95);
}

#[test]
fn places_on_the_ninth_rounds_unseen_articles() {
    let s = part("unseen-round9.jsonl", 3, true);
    // Measured at the start and the end of the ninth round, unchanged (README): place F1
    // 0.901, non-country 0.863, coordinates within 50 km 0.906 (0.864 of non-country places).
    floors("unseen-round9", &s, 0.88, 0.84, 0.88);
}

#[test]
fn places_on_the_tenth_rounds_development_articles() {
    let s = part("dev-round10.jsonl", 6, false);
    // Measured at the start and the end of the tenth round, unchanged (README): place F1
    // 0.811, non-country 0.734, coordinates within 50 km 0.978 (45 matched); this round's rules
    // were of people, quotations, amounts and dates, none of places. Round 17 (places17):
    // Larantuka now found, and with it "East Nusa Tenggara" after it, whose packaged point (the
    // province's outline centroid) lies 176 km from the annotated one: coordinates 0.962 ->
    // 0.944 while place F1 rose 0.881 -> 0.900; floor 0.95 -> 0.94.
    floors("dev-round10", &s, 0.79, 0.71, 0.94);
}

#[test]
fn places_on_the_tenth_rounds_unseen_articles() {
    let s = part("unseen-round10.jsonl", 3, true);
    // Measured at the start and the end of the tenth round, unchanged (README): place F1
    // 0.791, non-country 0.780, coordinates within 50 km 1.000 (17 matched).
    floors("unseen-round10", &s, 0.77, 0.76, 0.95);
}

#[test]
fn places_on_the_eleventh_rounds_development_articles() {
    let s = part("dev-round11.jsonl", 6, false);
    // Measured at the start and the end of the eleventh round, unchanged (ROUND11.md): place F1
    // 0.831 (0.817 at the first run, before one gold span inside "Estonian" was corrected),
    // non-country 0.769, coordinates within 50 km 0.864 (59 matched).
    floors("dev-round11", &s, 0.81, 0.74, 0.84);
}

#[test]
fn places_on_the_eleventh_rounds_unseen_articles() {
    let s = part("unseen-round11.jsonl", 3, true);
    // Measured at the start and the end of the eleventh round, unchanged (ROUND11.md): place
    // F1 0.868, non-country 0.809, coordinates within 50 km 0.939 (33 matched).
    floors("unseen-round11", &s, 0.84, 0.78, 0.91);
}

#[test]
fn places_on_the_twelfth_rounds_development_articles() {
    let s = part("dev-round12.jsonl", 6, false);
    // Measured at the start and the end of the twelfth round (ROUND12.md): place F1 0.822 →
    // 0.831 (rule plural-opener: "Forces of Somalia's …"), non-country 0.771, coordinates within
    // 50 km 0.906 → 0.907 (53 → 54 matched).
    floors("dev-round12", &s, 0.81, 0.75, 0.88);
}

#[test]
fn places_on_the_twelfth_rounds_unseen_articles() {
    let s = part("unseen-round12.jsonl", 3, true);
    // Measured at the start and the end of the twelfth round, unchanged (ROUND12.md): place F1
    // 0.821, non-country 0.791, coordinates within 50 km 1.000 (23 matched).
    floors("unseen-round12", &s, 0.8, 0.77, 0.98);
}

#[test]
fn places_on_the_thirteenth_rounds_development_articles() {
    let s = part("dev-round13.jsonl", 6, false);
    // Measured at the start and the end of the thirteenth round, unchanged (ROUND13.md): place
    // F1 0.779, non-country 0.706, coordinates within 50 km 0.864 (44 matched).
    floors("dev-round13", &s, 0.76, 0.68, 0.84);
}

#[test]
fn places_on_the_thirteenth_rounds_unseen_articles() {
    let s = part("unseen-round13.jsonl", 3, true);
    // Measured at the start and the end of the thirteenth round, unchanged (ROUND13.md): place
    // F1 0.824, non-country 0.743, coordinates within 50 km 0.857 (21 matched).
    floors("unseen-round13", &s, 0.8, 0.72, 0.83);
}

#[test]
fn places_on_the_fourteenth_rounds_development_articles() {
    let s = part("dev-round14.jsonl", 6, false);
    // Measured at the start and the end of the fourteenth round, unchanged (ROUND14.md): place
    // F1 0.838, non-country 0.704, coordinates within 50 km 0.864 (44 matched).
    floors("dev-round14", &s, 0.82, 0.68, 0.84);
}

#[test]
fn places_on_the_fourteenth_rounds_unseen_articles() {
    let s = part("unseen-round14.jsonl", 3, true);
    // Measured at the start and the end of the fourteenth round, unchanged (ROUND14.md): place
    // F1 0.784, non-country 0.703, coordinates within 50 km 0.950 (20 matched).
    floors("unseen-round14", &s, 0.76, 0.68, 0.93);
}

#[test]
fn places_on_the_fifteenth_rounds_development_articles() {
    let s = part("dev-round15.jsonl", 6, false);
    // Measured at the start and the end of the fifteenth round, unchanged (ROUND15.md): place
    // F1 0.911, non-country 0.889, coordinates within 50 km 0.902 (41 matched).
    floors("dev-round15", &s, 0.89, 0.87, 0.88);
}

#[test]
fn places_on_the_fifteenth_rounds_unseen_articles() {
    let s = part("unseen-round15.jsonl", 3, true);
    // Measured at the start and the end of the fifteenth round, unchanged (ROUND15.md): place
    // F1 0.791, non-country 0.778, coordinates within 50 km 0.941 (17 matched).
    floors("unseen-round15", &s, 0.77, 0.75, 0.92);
}

#[test]
fn places_on_the_sixteenth_rounds_development_articles() {
    let s = part("dev-round16.jsonl", 6, false);
    // Measured at the start and the end of the sixteenth round, unchanged (ROUND16.md): place
    // F1 0.835, non-country 0.779, coordinates within 50 km 0.953 (43 matched).
    floors("dev-round16", &s, 0.81, 0.75, 0.93);
}

#[test]
fn places_on_the_sixteenth_rounds_unseen_articles() {
    let s = part("unseen-round16.jsonl", 3, true);
    // Measured at the start and the end of the sixteenth round, unchanged (ROUND16.md): place
    // F1 0.791, non-country 0.710, coordinates within 50 km 0.824 (17 matched).
    floors("unseen-round16", &s, 0.77, 0.69, 0.8);
}

#[test]
fn places_on_the_seventeenth_rounds_development_articles() {
    let s = part("dev-round17.jsonl", 6, false);
    // Measured at the start of the seventeenth round (ROUND17.md): place F1 0.879,
    // non-country 0.848, coordinates within 50 km 0.882 (51 matched).
    floors("dev-round17", &s, 0.85, 0.82, 0.86);
}

#[test]
fn places_on_the_seventeenth_rounds_unseen_articles() {
    let s = part("unseen-round17.jsonl", 3, true);
    // Measured at the start of the seventeenth round (ROUND17.md): place F1 0.791, non-country
    // 0.743, coordinates within 50 km 0.765 (17 matched).
    floors("unseen-round17", &s, 0.77, 0.72, 0.74);
}

#[test]
fn places_on_the_eighteenth_rounds_development_articles() {
    let s = part("dev-round18.jsonl", 6, false);
    // Measured at the start and the end of the eighteenth round, unchanged (ROUND18.md): place
    // F1 0.755, non-country 0.721, coordinates within 50 km 0.946 (37 matched).
    floors("dev-round18", &s, 0.73, 0.7, 0.92);
}

#[test]
fn places_on_the_eighteenth_rounds_unseen_articles() {
    let s = part("unseen-round18.jsonl", 3, true);
    // Measured at the start and the end of the eighteenth round, unchanged (ROUND18.md): place
    // F1 0.800, non-country 0.727, coordinates within 50 km 1.000 (12 matched).
    floors("unseen-round18", &s, 0.78, 0.7, 0.98);
}

#[test]
fn places_on_the_nineteenth_rounds_development_articles() {
    let s = part("dev-round19.jsonl", 6, false);
    // Measured at the start and the end of the nineteenth round, unchanged (ROUND19.md): place
    // F1 0.706, non-country 0.643, coordinates within 50 km 0.833 (36 matched).
    floors("dev-round19", &s, 0.68, 0.62, 0.81);
}

#[test]
fn places_on_the_nineteenth_rounds_unseen_articles() {
    let s = part("unseen-round19.jsonl", 3, true);
    // Measured at the start and the end of the nineteenth round, unchanged (ROUND19.md): place
    // F1 0.632, non-country 0.588, coordinates within 50 km 1.000 (12 matched).
    floors("unseen-round19", &s, 0.61, 0.56, 0.98);
}

#[test]
fn places_on_the_twentieth_rounds_development_articles() {
    let s = part("dev-round20.jsonl", 6, false);
    // Measured at the start and the end of the twentieth round, unchanged (ROUND20.md): place
    // F1 0.733, non-country 0.675, coordinates within 50 km 0.811 (37 matched).
    floors("dev-round20", &s, 0.71, 0.65, 0.79);
}

#[test]
fn places_on_the_twentieth_rounds_unseen_articles() {
    let s = part("unseen-round20.jsonl", 3, true);
    // Measured at the start and the end of the twentieth round, unchanged (ROUND20.md): place
    // F1 0.760, non-country 0.714, coordinates within 50 km 0.632 (19 matched).
    floors("unseen-round20", &s, 0.74, 0.69, 0.61);
}

#[test]
fn places_on_the_twenty_first_rounds_development_articles() {
    let s = part("dev-round21.jsonl", 6, false);
    // Measured at the start and the end of the twenty-first round, unchanged (ROUND20.md of
    // helper know25): place F1 0.667, non-country 0.622, coordinates within 50 km 0.706 (34
    // matched).
    floors("dev-round21", &s, 0.65, 0.6, 0.69);
}

#[test]
fn places_on_the_twenty_first_rounds_unseen_articles() {
    let s = part("unseen-round21.jsonl", 3, true);
    // Measured at the start and the end of the twenty-first round, unchanged (ROUND20.md of
    // helper know25): place F1 0.732, non-country 0.667, coordinates within 50 km 0.933 (15
    // matched).
    floors("unseen-round21", &s, 0.71, 0.65, 0.91);
}
