//! Where events happened: the events a filter selects, grouped by their action location, for
//! the dashboard's map ([`crate::Store::event_places`]) and the events of one place
//! ([`crate::Store::events_at_place`]).
//!
//! An event can have several mentions, each with the location its own sentence or dateline
//! gave. The event's place is the location of its first mention that has one, in the order the
//! store lists mentions (publication day, document, sentence, spans): the rule the GDELT export
//! uses for its `ActionGeo_*` columns, so the map and the export agree.
//!
//! Design decision: the place is read from the mentions' `geo` column at query time, one
//! indexed lookup per selected event. Rejected alternative: a place column on `events` kept by
//! ingest, which needs a schema migration and has to be rewritten when a later mention of an
//! existing event arrives with an earlier publication day; a map asks for one dyad and period at
//! a time, so the per-event lookup stays small.

use crate::query::{Filters, check_dates, page_of};
use crate::types::{EventPage, EventQuery};
use crate::{Result, Store, StoreError};
use demarche_model::GeoPoint;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most places an [`EventPlaces`] lists (the busiest first); the rest are counted in
/// [`EventPlaces::places_total`].
pub const MAX_PLACES: usize = 2000;

/// One place and the selected events that happened there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceCount {
    pub place: GeoPoint,
    /// Events whose place this is.
    pub events: u64,
    /// Those events by quad class (index 0 neutral, 1 verbal cooperation, 2 material
    /// cooperation, 3 verbal conflict, 4 material conflict).
    pub quad_counts: [u64; 5],
    /// How many of them were placed by their document's dateline rather than their sentence.
    pub from_dateline: u64,
}

/// The selected events grouped by place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventPlaces {
    /// Events the filters select.
    pub events: u64,
    /// Of those, events with a place (the sum of the places' counts, including places past
    /// [`MAX_PLACES`]).
    pub placed: u64,
    /// Events no mention gave a place for.
    pub unplaced: u64,
    /// Places with at least one event, the most events first (ties by name, then id); at most
    /// [`MAX_PLACES`].
    pub places: Vec<PlaceCount>,
    /// Places with at least one event, including those cut from `places`.
    pub places_total: u64,
}

/// One selected event: its day, id, quad class and place (if any).
struct Located {
    day: i64,
    id: i64,
    quad_class: u8,
    place: Option<(GeoPoint, Option<String>)>,
}

/// The text filter (full-text search) is not offered here: a map of the events mentioning a
/// phrase is a later feature, and silently ignoring it would draw the wrong events.
fn check_no_text(q: &EventQuery) -> Result<()> {
    match q.text.as_deref().map(str::trim) {
        Some(t) if !t.is_empty() => Err(StoreError::InvalidQuery(
            "a text filter is not supported when grouping events by place".into(),
        )),
        _ => Ok(()),
    }
}

impl Store {
    /// The selected events with their place: the location of each event's first mention that
    /// has one (see the module documentation).
    fn located_events(&self, q: &EventQuery) -> Result<Vec<Located>> {
        check_no_text(q)?;
        check_dates(q.from, q.to)?;
        let f = Filters::of(q);
        let sql = format!(
            "WITH matched(day, id) AS ({}) \
             SELECT matched.day, matched.id, e.quad_class, \
                    (SELECT m.geo FROM mentions m \
                     WHERE m.event_id = matched.id AND m.geo IS NOT NULL \
                     ORDER BY m.pub_day, m.doc_id, m.sentence, m.source_start, m.verb_start, \
                              m.target_start, m.id \
                     LIMIT 1) \
             FROM matched JOIN events e ON e.id = matched.id",
            f.day_ids_sql()
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(f.params().as_slice(), |r| {
            let geo: Option<String> = r.get(3)?;
            Ok(Located {
                day: r.get(0)?,
                id: r.get(1)?,
                quad_class: r.get(2)?,
                // A geo column that does not read counts as no place, as in the event search:
                // it is derived data.
                place: geo.and_then(|j| serde_json::from_str(&j).ok()),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The events `q` selects (its actor, code and date filters; not its text, nor its page)
    /// grouped by where they happened.
    pub fn event_places(&self, q: &EventQuery) -> Result<EventPlaces> {
        let located = self.located_events(q)?;
        let events = located.len() as u64;
        let mut by_id: BTreeMap<String, PlaceCount> = BTreeMap::new();
        let mut placed = 0;
        for e in located {
            let Some((point, how)) = e.place else {
                continue;
            };
            placed += 1;
            let entry = by_id.entry(point.id.clone()).or_insert_with(|| PlaceCount {
                place: point,
                events: 0,
                quad_counts: [0; 5],
                from_dateline: 0,
            });
            entry.events += 1;
            if let Some(n) = entry.quad_counts.get_mut(usize::from(e.quad_class)) {
                *n += 1;
            }
            if how.as_deref() == Some("dateline") {
                entry.from_dateline += 1;
            }
        }
        let places_total = by_id.len() as u64;
        let mut places: Vec<PlaceCount> = by_id.into_values().collect();
        places.sort_by(|a, b| {
            b.events
                .cmp(&a.events)
                .then_with(|| a.place.name.cmp(&b.place.name))
                .then_with(|| a.place.id.cmp(&b.place.id))
        });
        places.truncate(MAX_PLACES);
        Ok(EventPlaces {
            events,
            placed,
            unplaced: events - placed,
            places,
            places_total,
        })
    }

    /// The events `q` selects whose place (see the module documentation) has gazetteer id
    /// `place_id`, newest first, one page (`q.limit`, `q.offset`) with up to
    /// `q.mentions_per_event` mentions each.
    pub fn events_at_place(&self, q: &EventQuery, place_id: &str) -> Result<EventPage> {
        let rows: Vec<(i64, i64)> = self
            .located_events(q)?
            .into_iter()
            .filter(|e| e.place.as_ref().is_some_and(|(p, _)| p.id == place_id))
            .map(|e| (e.day, e.id))
            .collect();
        let limit = q.limit.min(EventQuery::MAX_LIMIT);
        let (total, ids) = page_of(rows, limit, q.offset);
        let per_event = q.mentions_per_event.min(EventQuery::MAX_MENTIONS);
        let mut events = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(e) = self.event(id, per_event)? {
                events.push(e);
            }
        }
        Ok(EventPage {
            total,
            offset: q.offset,
            events,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use demarche_model::{Date, Document, Event, Evidence};

    fn point(id: &str, name: &str, lat: f64, lon: f64) -> GeoPoint {
        GeoPoint {
            name: name.into(),
            kind: "city".into(),
            country: "XXX".into(),
            fips: "XX".into(),
            adm1: None,
            lat,
            lon,
            id: id.into(),
            gdelt_type: 4,
            full_name: name.into(),
            feature_id: id.into(),
        }
    }

    fn day(s: &str) -> Date {
        demarche_model::parse_date(s).unwrap()
    }

    /// An event of `source` → `target` with `code` in document `doc`, sentence `sentence`,
    /// placed at `place` by `how`.
    fn event(
        doc: &str,
        sentence: usize,
        date: &str,
        (source, target, code): (&str, &str, &str),
        place: Option<(GeoPoint, &str)>,
    ) -> Event {
        Event {
            doc_id: doc.into(),
            sentence,
            date: day(date),
            event_date: None,
            source: source.into(),
            target: target.into(),
            code: code.into(),
            root: String::new(),
            quad_class: 0,
            goldstein: 0.0,
            plover: None,
            source_text: source.into(),
            target_text: target.into(),
            verb_text: "did".into(),
            sentence_text: format!("{source} did something to {target} ({sentence})."),
            geo_source: place.as_ref().map(|p| p.1.to_string()),
            action_geo: place.map(|p| p.0),
            evidence: Evidence::default(),
        }
        .with_cameo_facts()
    }

    fn ingest(store: &mut Store, id: &str, date: &str, events: &[Event]) {
        let doc = Document {
            id: id.into(),
            date: Some(day(date)),
            text: format!("Document {id}."),
            ..Document::default()
        };
        store.ingest(&doc, events, None).unwrap();
    }

    /// Three CHN→RUS events in Beijing (two cooperative, one placed by the dateline), one in
    /// Moscow, one without a place, and a RUS→UKR event in Kyiv that the dyad must not see.
    fn store() -> Store {
        let mut s = Store::open_in_memory().unwrap();
        let beijing = point("1816670", "Beijing", 39.9, 116.4);
        let moscow = point("524901", "Moscow", 55.75, 37.62);
        let kyiv = point("703448", "Kyiv", 50.45, 30.52);
        let d1 = [
            event(
                "d1",
                0,
                "2022-02-04",
                ("CHN", "RUS", "057"),
                Some((beijing.clone(), "sentence")),
            ),
            event(
                "d1",
                1,
                "2022-02-04",
                ("CHN", "RUS", "051"),
                Some((beijing.clone(), "dateline")),
            ),
            event("d1", 2, "2022-02-04", ("CHN", "RUS", "112"), None),
        ];
        ingest(&mut s, "d1", "2022-02-04", &d1);
        let d2 = [
            event(
                "d2",
                0,
                "2022-03-01",
                ("CHNGOV", "RUS", "190"),
                Some((beijing, "sentence")),
            ),
            event(
                "d2",
                1,
                "2022-03-01",
                ("CHN", "RUS", "036"),
                Some((moscow, "sentence")),
            ),
            event(
                "d2",
                2,
                "2022-03-01",
                ("RUS", "UKR", "190"),
                Some((kyiv, "sentence")),
            ),
        ];
        ingest(&mut s, "d2", "2022-03-01", &d2);
        s
    }

    fn dyad(a: &str, b: &str) -> EventQuery {
        EventQuery {
            source: Some(a.into()),
            target: Some(b.into()),
            ..EventQuery::default()
        }
    }

    #[test]
    fn places_count_a_dyads_events_by_quad_class_and_say_how_many_have_no_place() {
        let s = store();
        let p = s.event_places(&dyad("CHN", "RUS")).unwrap();
        assert_eq!(
            (p.events, p.placed, p.unplaced, p.places_total),
            (5, 4, 1, 2)
        );
        let names: Vec<&str> = p.places.iter().map(|c| c.place.name.as_str()).collect();
        assert_eq!(names, ["Beijing", "Moscow"]);
        let beijing = &p.places[0];
        assert_eq!(beijing.events, 3);
        // 057 and 051 (root 05) are verbal cooperation, 190 (root 19) material conflict.
        assert_eq!(beijing.quad_counts, [0, 2, 0, 0, 1]);
        assert_eq!(beijing.from_dateline, 1);
        assert_eq!(p.places[1].quad_counts, [0, 1, 0, 0, 0]);
    }

    #[test]
    fn the_date_range_narrows_the_places_and_undirected_adds_the_way_back() {
        let s = store();
        let mut q = dyad("CHN", "RUS");
        q.from = Some(day("2022-03-01"));
        let p = s.event_places(&q).unwrap();
        assert_eq!((p.events, p.unplaced), (2, 0));
        let mut q = dyad("UKR", "RUS");
        q.undirected = true;
        let p = s.event_places(&q).unwrap();
        assert_eq!(p.places.len(), 1);
        assert_eq!(p.places[0].place.name, "Kyiv");
    }

    #[test]
    fn an_events_place_is_its_first_mention_with_one() {
        let mut s = Store::open_in_memory().unwrap();
        let odesa = point("698740", "Odesa", 46.48, 30.72);
        let kyiv = point("703448", "Kyiv", 50.45, 30.52);
        // The same event (RUS→UKR 190 on one day) in three documents of that day, stored in
        // the order a (no place), c (Kyiv), b (Odesa). Mentions are ordered by publication day
        // and document id, not by when they were stored: b's Odesa is the first place.
        ingest(
            &mut s,
            "a",
            "2022-04-01",
            &[event("a", 0, "2022-04-01", ("RUS", "UKR", "190"), None)],
        );
        ingest(
            &mut s,
            "c",
            "2022-04-02",
            &[event(
                "c",
                0,
                "2022-04-01",
                ("RUS", "UKR", "190"),
                Some((kyiv, "sentence")),
            )],
        );
        ingest(
            &mut s,
            "b",
            "2022-04-01",
            &[event(
                "b",
                0,
                "2022-04-01",
                ("RUS", "UKR", "190"),
                Some((odesa, "sentence")),
            )],
        );
        let p = s.event_places(&dyad("RUS", "UKR")).unwrap();
        assert_eq!(p.events, 1, "the three reports are one event");
        assert_eq!(p.places.len(), 1);
        assert_eq!(p.places[0].place.name, "Odesa");
    }

    #[test]
    fn events_at_a_place_are_paged_newest_first_with_their_mentions() {
        let s = store();
        let mut q = dyad("CHN", "RUS");
        q.limit = 2;
        q.mentions_per_event = 1;
        let page = s.events_at_place(&q, "1816670").unwrap();
        assert_eq!(page.total, 3);
        assert_eq!(page.events.len(), 2);
        // The March event first; the two of 4 February follow in the store's id order.
        assert_eq!(page.events[0].code, "190");
        assert_eq!(page.events[0].mentions.len(), 1);
        assert_eq!(
            page.events[0].mentions[0].sentence_text,
            "CHNGOV did something to RUS (0)."
        );
        q.offset = 2;
        let rest = s.events_at_place(&q, "1816670").unwrap();
        assert_eq!(rest.events.len(), 1);
        let mut february = [page.events[1].code.as_str(), rest.events[0].code.as_str()];
        february.sort_unstable();
        assert_eq!(february, ["051", "057"]);
        assert_eq!(s.events_at_place(&q, "nowhere").unwrap().total, 0);
    }

    #[test]
    fn a_text_filter_is_refused_rather_than_ignored() {
        let s = store();
        let mut q = dyad("CHN", "RUS");
        q.text = Some("gas".into());
        let err = s.event_places(&q).unwrap_err();
        assert!(err.to_string().contains("text filter"), "{err}");
    }
}
