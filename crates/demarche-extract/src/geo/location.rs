//! Where an event happened (step 3 of the `geo` module doc): the first place of its sentence
//! introduced as a location, else the dateline's place, else the last place it names.

use super::licensing::introduced;
use crate::tokens::Tok;
use demarche_model::Span;
use serde::Serialize;

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
    let toks = crate::tokens::tokenize(text, sentence);
    location_of(text, sentence, &toks, mentions, n_places, dateline)
}

/// [`event_location_in`] with the sentence's tokens (`toks`, spans into `text`) given.
pub(crate) fn location_of(
    text: &str,
    sentence: Span,
    toks: &[Tok],
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
        .find(|(s, _)| introduced_at(text, toks, s.start))
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
    introduced_at(text, &crate::tokens::tokenize(text, sentence), start)
}

/// Whether the words before byte `start` (a token's start among `toks`, the tokens of its
/// sentence) introduce an event's location.
fn introduced_at(text: &str, toks: &[Tok], start: usize) -> bool {
    let k = toks.partition_point(|t| t.span.start < start);
    toks.get(k).is_some_and(|t| t.span.start == start)
        && introduced(text, toks, k, ACTION_PREPOSITIONS)
}
