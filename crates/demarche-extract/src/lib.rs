//! demarche-extract: the knowledge around events — persons with roles, organisations, places,
//! quotations with their speakers, amounts, resolved time expressions and tone.
//!
//! Main types: [`Knowledge`] (everything found in one document) made of [`Person`],
//! [`Organization`], [`Place`], [`Quotation`], [`Amount`], [`TimeExpression`] and [`Tone`].
//! Input: a document's text, its publication date (relative dates need it), and optionally the
//! sentence spans of the project's splitter (`demarche-text`); without them
//! [`split_sentences`] (the same splitter) is used. Tokens and English words come from
//! `demarche-text` too; the crate's own word lists are data files (`data/*.txt`). Output: values whose spans all point into the given text
//! (`&text[item.span.range()] == item.text` for every item), plus [`gkg::gkg_row`] for GDELT
//! GKG 2.1 rows. **Architecture invariant:** this crate does no IO.
//!
//! Design decision: rules and word lists written by us (capitalised sequences, title and
//! nationality lexicons, speech-verb patterns, words of tense), because no English tagger or NER model is
//! available offline and rules can say *why* an item was found. Rejected alternative: reusing
//! the event coder's parse trees — extraction would then depend on the parser's accuracy and
//! speed, and would not run on text the parser cannot handle; the rules here need only tokens.
//!
//! ```
//! use demarche_extract::extract;
//! let text = "Russian President Vladimir Putin said on Friday that trade grew 29.2 percent.";
//! let k = extract(text, demarche_model::parse_date("2021-11-20").ok(), None);
//! assert_eq!(k.persons[0].name, "Vladimir Putin");
//! assert_eq!(k.persons[0].role.as_ref().unwrap().text, "President");
//! assert_eq!(k.dates[0].resolved.value, "2021-11-19");
//! assert_eq!(k.amounts[0].value, "29.2");
//! assert_eq!(k.quotations[0].speaker.name.as_deref(), Some("Vladimir Putin"));
//! ```

mod amounts;
mod countries;
mod entities;
mod geo;
pub mod gkg;
mod lexicon;
mod quotes;
mod time;
mod titles;
mod tokens;
mod tone;

pub use amounts::{Amount, normalise};
pub use entities::{
    Entities, EntityRef, Mention, MentionKind, Organization, Person, Phrase, Place,
};
pub use geo::{
    GdeltLocation, GeoSource, PlaceMentions, Resolution, event_location, event_location_in,
    gdelt_location,
};
pub use lexicon::PlaceKind;
pub use quotes::{Attribution, Quotation, QuoteKind};
pub use time::{Granularity, TimeExpression, TimeValue};
pub use tokens::split_sentences;
pub use tone::{LEXICON as TONE_LEXICON, Tone};

use demarche_model::{Date, Span};
use entities::SentenceTokens;
use serde::Serialize;

/// Everything extracted from one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Knowledge {
    pub persons: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub places: Vec<Place>,
    /// The index in `places` of the dateline's place, when the text opens with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<usize>,
    pub quotations: Vec<Quotation>,
    pub amounts: Vec<Amount>,
    pub dates: Vec<TimeExpression>,
    pub tone: Tone,
    /// How many sentences were read.
    pub sentences: usize,
}

/// A text's sentences with their tokens, tokenized once and read by everything here that
/// needs them: [`Sentences::extract`], [`Sentences::places`], [`Sentences::event_date`] and
/// [`Sentences::event_location`]. The pipeline builds it from the tokens its parser reads
/// ([`Sentences::from_tokens`]), so a sentence is tokenized once for the parser, the coder and
/// the extractor.
pub struct Sentences<'t> {
    text: &'t str,
    /// In text order, none longer than [`MAX_SENTENCE_BYTES`] (longer ones are cut at white
    /// space into pieces of their own).
    list: Vec<SentenceTokens>,
    /// Each sentence's event date ([`event_date`]) once found, with the publication date it
    /// was resolved against: [`Sentences::extract`] finds every sentence's times, and the
    /// pipeline asks again for the sentences with events.
    days: Vec<std::cell::OnceCell<(Option<Date>, Option<Date>)>>,
}

impl<'t> Sentences<'t> {
    /// The sentences `sentences` of `text` (spans into it; `None`: [`split_sentences`]),
    /// tokenized here. Spans that do not fit the text (out of bounds, not on character
    /// boundaries) are dropped rather than trusted.
    pub fn new(text: &'t str, sentences: Option<&[Span]>) -> Self {
        let spans: Vec<Span> = match sentences {
            Some(given) => given
                .iter()
                .copied()
                .filter(|s| s.slice(text).is_some())
                .collect(),
            None => split_sentences(text),
        };
        let list = spans
            .into_iter()
            .flat_map(|s| bounded(text, s))
            .map(|span| tokenized(text, span))
            .collect();
        Self::sorted(text, list)
    }

    /// The sentences of `text`, each given with the tokens [`demarche_text::tokenize`] found
    /// in its text (spans into the sentence): the same as [`Sentences::new`] of their spans,
    /// without tokenizing again (a sentence longer than the extractor's cut is cut and its
    /// pieces tokenized).
    pub fn from_tokens<'a>(
        text: &'t str,
        sentences: impl IntoIterator<Item = (Span, &'a [demarche_model::Token])>,
    ) -> Self {
        let mut list = Vec::new();
        for (span, toks) in sentences {
            if span.slice(text).is_none() {
                continue;
            }
            if span.len() > MAX_SENTENCE_BYTES {
                list.extend(
                    bounded(text, span)
                        .into_iter()
                        .map(|span| tokenized(text, span)),
                );
                continue;
            }
            list.push(SentenceTokens {
                span,
                toks: tokens::from_tokens(text, span, toks),
            });
        }
        Self::sorted(text, list)
    }

    fn sorted(text: &'t str, mut list: Vec<SentenceTokens>) -> Self {
        // Mentions and pronouns are resolved in text order.
        if !list.is_sorted_by_key(|s| s.span) {
            list.sort_by_key(|s| s.span);
        }
        let days = std::iter::repeat_with(std::cell::OnceCell::new)
            .take(list.len())
            .collect();
        Sentences { text, list, days }
    }

    /// The index of the sentence at `span`, when it is one of these sentences (uncut).
    fn index_of(&self, span: Span) -> Option<usize> {
        let i = self.list.partition_point(|s| s.span < span);
        self.list
            .get(i)
            .is_some_and(|s| s.span == span)
            .then_some(i)
    }

    /// How many sentences (pieces of over-long ones included) there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// [`extract`] of these sentences.
    pub fn extract(&self, published: Option<Date>) -> Knowledge {
        let (text, sents) = (self.text, &self.list[..]);
        let dateline = dateline_span(text, sents);
        let entities = entities::find_entities(text, sents, dateline);
        let quotations = quotes::find_quotations(text, sents, &entities);
        let mut dates = Vec::new();
        let mut amounts = Vec::new();
        // The dateline's date ("TOKYO, March 3 (Kyodo) -"): sentences leave datelines out.
        if let Some(d) = dateline {
            dates.extend(time::find_times(
                text,
                &tokens::tokenize(text, d),
                published,
            ));
        }
        let quoted: Vec<Span> = quotations
            .iter()
            .filter(|q| q.kind == quotes::QuoteKind::Direct)
            .map(|q| q.span)
            .collect();
        for (s, day) in sents.iter().zip(&self.days) {
            let times = time::find_times(text, &s.toks, published);
            let _ = day.set((published, first_day(&times)));
            let carried = amounts::carried_unit(&amounts, &quoted).map(str::to_string);
            amounts.extend(amounts::find_amounts_after(
                text,
                s,
                &times,
                carried.as_deref(),
            ));
            dates.extend(times);
        }
        local_currencies(&mut amounts, &entities.places, entities.dateline);
        relative_days(text, sents, &mut dates);
        let tone = tone::tone(text, sents.iter().flat_map(|s| s.toks.iter()));
        Knowledge {
            persons: entities.persons,
            organizations: entities.organizations,
            places: entities.places,
            dateline: entities.dateline,
            quotations,
            amounts,
            dates,
            tone,
            sentences: sents.len(),
        }
    }

    /// [`places`] of these sentences: the places [`Sentences::extract`] finds, alone.
    pub fn places(&self) -> (Vec<Place>, Option<usize>) {
        entities::find_places(self.text, &self.list)
    }

    /// [`event_date`] of the sentence at `sentence`, from its tokens when it is one of these.
    pub fn event_date(&self, sentence: Span, published: Option<Date>) -> Option<Date> {
        let Some(i) = self.index_of(sentence) else {
            return event_date(self.text, sentence, published);
        };
        let find = || {
            let times = time::find_times(self.text, &self.list[i].toks, published);
            (published, first_day(&times))
        };
        match self.days[i].get_or_init(find) {
            &(p, day) if p == published => day,
            _ => find().1,
        }
    }

    /// [`event_location_in`] of the sentence at `sentence`, from its tokens when it is one of
    /// these.
    pub fn event_location(
        &self,
        sentence: Span,
        mentions: &PlaceMentions,
        n_places: usize,
        dateline: Option<usize>,
    ) -> Option<(usize, GeoSource)> {
        match self.index_of(sentence) {
            Some(i) => {
                let toks = &self.list[i].toks;
                geo::location_of(self.text, sentence, toks, mentions, n_places, dateline)
            }
            None => event_location_in(self.text, sentence, mentions, n_places, dateline),
        }
    }
}

/// The sentence at `span` of `text`, tokenized here.
fn tokenized(text: &str, span: Span) -> SentenceTokens {
    SentenceTokens {
        span,
        toks: tokens::tokenize(text, span),
    }
}

/// The dateline at the start of a text ("TOKYO, March 3 (Kyodo) -", "Global Times (20 November
/// 2021) –") as `demarche_text::segment` finds it, when none of the sentences holds it.
fn dateline_span(text: &str, sents: &[SentenceTokens]) -> Option<Span> {
    // Datelines open the text or follow its headline: the first 1,000 bytes suffice.
    let mut cut = text.len().min(1000);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = text.get(..cut)?;
    let seg = demarche_text::segment(head)
        .into_iter()
        .find(|s| s.kind == demarche_text::SegmentKind::Dateline)?;
    let covered = sents
        .iter()
        .any(|s| s.span.start < seg.span.end && seg.span.start < s.span.end);
    (!covered).then_some(seg.span)
}

/// Sentences longer than this are cut at white space: no news sentence is this long, and the
/// per-sentence rules must not see megabytes of unpunctuated text as one sentence.
const MAX_SENTENCE_BYTES: usize = 4096;

fn bounded(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE_BYTES {
        // The window ends on a character boundary at or before the limit.
        let mut e = start + MAX_SENTENCE_BYTES;
        while e > start && !text.is_char_boundary(e) {
            e -= 1;
        }
        let window = text.get(start..e).unwrap_or("");
        let cut = window
            .rfind(char::is_whitespace)
            .filter(|&c| c > 0)
            .unwrap_or(window.len());
        if cut == 0 {
            break;
        }
        out.push(Span::new(start, start + cut));
        start += cut;
    }
    out.push(Span::new(start, span.end));
    out
}

/// Extracts persons, organisations, places, quotations, amounts, dates and tone from `text`.
///
/// `published` anchors relative dates ("on Friday"); `sentences` are the caller's sentence
/// spans into `text` (for example from `demarche-text`), or `None` for the built-in splitter.
pub fn extract(text: &str, published: Option<Date>, sentences: Option<&[Span]>) -> Knowledge {
    Sentences::new(text, sentences).extract(published)
}

/// Days counted from the day the text named last ("on Saturday … The night before, …"):
/// resolved against the last day resolved before them; left out when there is none.
fn relative_days(text: &str, sents: &[SentenceTokens], dates: &mut Vec<TimeExpression>) {
    // Nothing to count from: no phrase can resolve.
    if !dates
        .iter()
        .any(|d| d.resolved.granularity == Granularity::Day)
    {
        return;
    }
    let mut found = Vec::new();
    let phrases = lexicon::relative_days();
    let mut firsts: Vec<&str> = phrases
        .iter()
        .filter_map(|(p, _)| p.first().copied())
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    for s in sents {
        let w = |k: usize| s.toks.get(k).and_then(|t| t.span.slice(text)).unwrap_or("");
        for i in 0..s.toks.len() {
            if !firsts.iter().any(|f| w(i).eq_ignore_ascii_case(f)) {
                continue;
            }
            for (phrase, days) in phrases {
                let matches = phrase
                    .iter()
                    .enumerate()
                    .all(|(j, p)| w(i + j).eq_ignore_ascii_case(p));
                let (Some(first), Some(last)) = (s.toks.get(i), s.toks.get(i + phrase.len() - 1))
                else {
                    continue;
                };
                if !matches {
                    continue;
                }
                let span = Span::new(first.span.start, last.span.end);
                let anchor = dates
                    .iter()
                    .filter(|d| {
                        d.resolved.granularity == Granularity::Day && d.span.end <= span.start
                    })
                    .max_by_key(|d| d.span.end);
                let taken = dates
                    .iter()
                    .any(|d| d.span.start < span.end && span.start < d.span.end);
                if let (Some(a), false) = (anchor, taken)
                    && let Some(day) = a
                        .resolved
                        .start
                        .checked_add_signed(chrono::Duration::days(*days))
                {
                    found.push(TimeExpression {
                        span,
                        text: span.slice(text).unwrap_or("").to_string(),
                        resolved: TimeValue::day(day),
                    });
                }
            }
        }
    }
    if !found.is_empty() {
        dates.extend(found);
        dates.sort_by_key(|d| d.span);
    }
}

/// Currencies of words and signs several countries share ("rupees", "Rs", "dirhams",
/// "pesos") read as the local one of the article's country: the dateline's, else the country
/// its places name most (`data/amounts.txt`, `[currency-local]`).
fn local_currencies(amounts: &mut [Amount], places: &[Place], dateline: Option<usize>) {
    let from_dateline = dateline
        .and_then(|i| places.get(i))
        .map(|p| p.country.as_str())
        .filter(|c| !c.is_empty());
    let country = from_dateline.or_else(|| {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        for p in places.iter().filter(|p| !p.country.is_empty()) {
            match counts.iter_mut().find(|(c, _)| *c == p.country) {
                Some((_, n)) => *n += p.mentions.len(),
                None => counts.push((&p.country, p.mentions.len())),
            }
        }
        // The most named; the first named among equals.
        counts.iter().rev().max_by_key(|(_, n)| *n).map(|(c, _)| *c)
    });
    let Some(country) = country else { return };
    for a in amounts {
        if let Some(local) = lexicon::currency_local(&a.unit, country) {
            a.unit = local.to_string();
        }
    }
}

/// The places of a document, resolved to gazetteer entries, and the index of the dateline's
/// place: the geoparsing part of [`extract`] alone.
///
/// The pipeline calls this for every document it codes, so it does only the work places need
/// (no persons, quotations, amounts or dates); the places are the same as [`extract`]'s.
pub fn places(text: &str, sentences: Option<&[Span]>) -> (Vec<Place>, Option<usize>) {
    Sentences::new(text, sentences).places()
}

/// A place as the event record's [`demarche_model::GeoPoint`] (with its GDELT fields); `None`
/// when the place has no coordinates.
pub fn geo_point(p: &Place) -> Option<demarche_model::GeoPoint> {
    let g = gdelt_location(p);
    let kind = serde_json::to_value(p.kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    Some(demarche_model::GeoPoint {
        name: p.name.clone(),
        kind,
        country: p.country.clone(),
        fips: p.fips.clone(),
        adm1: Some(g.adm1).filter(|a| !a.is_empty()),
        lat: p.lat?,
        lon: p.lon?,
        id: p.id.clone().unwrap_or_default(),
        gdelt_type: g.kind,
        full_name: g.full_name,
        feature_id: g.feature_id,
    })
}

/// The time expressions of one sentence (`sentence` is a span into `text`), resolved against
/// `published`.
pub fn sentence_times(text: &str, sentence: Span, published: Option<Date>) -> Vec<TimeExpression> {
    let toks = tokens::tokenize(text, sentence);
    time::find_times(text, &toks, published)
}

/// The date a sentence's event happened, when the sentence resolves one to a single day: "On
/// Thursday, Putin said …" → the Thursday on or before publication. `None` when the sentence
/// names no day; the caller then keeps the publication date.
pub fn event_date(text: &str, sentence: Span, published: Option<Date>) -> Option<Date> {
    first_day(&sentence_times(text, sentence, published))
}

/// The first of `times` that resolves to a single day.
fn first_day(times: &[TimeExpression]) -> Option<Date> {
    times
        .iter()
        .find(|t| t.resolved.granularity == Granularity::Day)
        .map(|t| t.resolved.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_date_takes_the_first_day_of_the_sentence() {
        let text = "On Thursday, Putin said that trade in 2021 grew. Nothing else.";
        let p = demarche_model::parse_date("2021-11-20").ok();
        let first = Span::new(0, 48);
        assert_eq!(
            event_date(text, first, p),
            demarche_model::parse_date("2021-11-18").ok()
        );
        assert_eq!(event_date(text, Span::new(49, text.len()), p), None);
        // Bad spans are no panic.
        assert_eq!(event_date(text, Span::new(5, 500), p), None);
    }

    #[test]
    fn very_long_sentences_are_cut_at_white_space() {
        let text = "word ".repeat(3000) + "é".repeat(3000).as_str();
        let spans = bounded(&text, Span::new(0, text.len()));
        assert!(spans.len() > 3);
        assert!(
            spans
                .iter()
                .all(|s| s.len() <= MAX_SENTENCE_BYTES && s.slice(&text).is_some())
        );
        assert_eq!(spans.first().map(|s| s.start), Some(0));
        assert_eq!(spans.last().map(|s| s.end), Some(text.len()));
        assert!(spans.windows(2).all(|w| w[0].end == w[1].start));
    }

    #[test]
    fn indexed_event_location_agrees_with_a_scan_of_every_mention() {
        let text = include_str!("../benches/news.txt");
        let spans = demarche_text::split_sentences(text);
        let (places, dateline) = places(text, Some(&spans));
        let index = PlaceMentions::new(&places);
        let mut introduced = 0;
        for &s in &spans {
            // The rule spelled out: the smallest introduced mention inside the sentence.
            let scanned = places
                .iter()
                .enumerate()
                .flat_map(|(pi, p)| p.mentions.iter().map(move |m| (m.span, pi)))
                .filter(|(m, _)| m.start >= s.start && m.end <= s.end)
                .filter(|(m, _)| geo::introduced_at_for_tests(text, s, m.start))
                .min()
                .map(|(_, pi)| (pi, GeoSource::Sentence))
                .or(dateline
                    .filter(|&d| d < places.len())
                    .map(|d| (d, GeoSource::Dateline)))
                .or_else(|| {
                    places
                        .iter()
                        .enumerate()
                        .flat_map(|(pi, p)| p.mentions.iter().map(move |m| (m.span, pi)))
                        .filter(|(m, _)| m.start >= s.start && m.end <= s.end)
                        .max()
                        .map(|(_, pi)| (pi, GeoSource::Mentioned))
                });
            assert_eq!(
                event_location_in(text, s, &index, places.len(), dateline),
                scanned,
                "{}",
                &text[s.range()]
            );
            introduced += usize::from(matches!(scanned, Some((_, GeoSource::Sentence))));
        }
        assert!(introduced > 0, "no sentence of the text introduces a place");
    }

    #[test]
    fn places_alone_are_the_places_of_extract() {
        let texts = [
            include_str!("../benches/news.txt"),
            "KYIV, March 3 (Reuters) - Drones hit Kharkiv. Shelling went on near Izmail, Ukraine.",
            "China Highly Appreciates Putin Model, Says Foreign Ministry\n\nMoscow and Beijing replied.",
        ];
        for text in texts {
            let k = extract(text, None, None);
            assert_eq!(places(text, None), (k.places, k.dateline), "{text}");
        }
    }

    #[test]
    fn given_sentence_spans_that_do_not_fit_are_dropped() {
        let text = "Zhao said so. Putin’s view.";
        let k = extract(
            text,
            None,
            Some(&[Span::new(0, 13), Span::new(14, 20), Span::new(0, 999)]),
        );
        // 14..20 cuts the three-byte ’ in half; 0..999 is out of bounds.
        assert_eq!(k.sentences, 1);
    }
}
