//! The JSON API: query parameters, their validation, and the handlers.
//!
//! Responses are the store's own records (see `demarche_store`), serialised as they are, with
//! two additions the store has no business computing: each mention carries `segments` (its
//! sentence cut at the evidence spans, see [`crate::highlight`]) and each series bucket carries
//! `end`, the last day of its period, so a client can ask for the bucket's events without
//! calendar arithmetic of its own.
//!
//! Every parameter arrives as text and is checked here, so a bad one gets a 400 whose message
//! names the parameter, what was expected and what was found. Unknown parameters are refused
//! too: a misspelt filter (`form=` for `from=`) silently ignored would return wrong data.

use crate::highlight::segments;
use crate::{AppState, ServerError};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use demarche_model::{Date, Document, Event, parse_date};
use demarche_store::{
    DyadBucket, DyadQuery, DyadSeries, EventQuery, Granularity, IngestItem, Mention,
};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

/// Default and largest number of actors `/api/actors` returns.
const DEFAULT_ACTORS: usize = 100;
const MAX_ACTORS: usize = 1000;
/// Default page size of `/api/events`.
const DEFAULT_PAGE_SIZE: usize = 25;
/// Mentions shown per event by default, and at most.
const DEFAULT_MENTIONS: usize = 3;
const MAX_MENTIONS: usize = 20;
/// Deepest page: SQLite walks past every skipped row, so very deep pages are refused rather
/// than allowed to take seconds; narrow the filters instead.
const MAX_OFFSET: usize = 100_000;
/// Most periods a series may span when `from` and `to` are given.
const MAX_BUCKETS: i64 = 20_000;
/// Most documents in one ingest request.
const MAX_INGEST_DOCUMENTS: usize = 10_000;

fn bad(message: impl Into<String>) -> ServerError {
    ServerError::BadRequest(message.into())
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ServerError> {
    q.map(|Query(t)| t)
        .map_err(|e| bad(format!("bad query string: {}", e.body_text())))
}

fn parse_bool(name: &str, value: Option<&str>) -> Result<bool, ServerError> {
    match value.map(str::trim) {
        None => Ok(false),
        Some("true" | "1" | "yes") => Ok(true),
        Some("false" | "0" | "no" | "") => Ok(false),
        Some(other) => Err(bad(format!(
            "{name}: expected true or false, found `{other}`"
        ))),
    }
}

fn parse_count(
    name: &str,
    value: Option<&str>,
    default: usize,
    min: usize,
    max: usize,
) -> Result<usize, ServerError> {
    let Some(raw) = value else {
        return Ok(default);
    };
    let expected = || format!("{name}: expected an integer from {min} to {max}, found `{raw}`");
    let n: usize = raw.trim().parse().map_err(|_| bad(expected()))?;
    if n < min || n > max {
        return Err(bad(expected()));
    }
    Ok(n)
}

fn parse_day(name: &str, value: Option<&str>) -> Result<Option<Date>, ServerError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => parse_date(v)
            .map(Some)
            .map_err(|e| bad(format!("{name}: {e}"))),
    }
}

/// An actor code or prefix: letters and digits only (CAMEO codes are `CHN`, `RUSGOV`,
/// `IGOUNO`), at most 64 of them. Returned upper-cased.
fn parse_actor(name: &str, value: &str) -> Result<String, ServerError> {
    let v = value.trim();
    if v.is_empty() || v.len() > 64 || !v.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Err(bad(format!(
            "{name}: expected an actor code or prefix of letters and digits such as CHN or RUSGOV, found `{value}`"
        )));
    }
    Ok(v.to_ascii_uppercase())
}

fn parse_optional_actor(name: &str, value: Option<&str>) -> Result<Option<String>, ServerError> {
    value
        .filter(|v| !v.trim().is_empty())
        .map(|v| parse_actor(name, v))
        .transpose()
}

fn parse_code(
    name: &str,
    value: Option<&str>,
    exact_len: Option<usize>,
) -> Result<Option<String>, ServerError> {
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let ok = v.len() <= 4
        && v.chars().all(|c| c.is_ascii_digit())
        && exact_len.is_none_or(|n| v.len() == n);
    if !ok {
        let what = match exact_len {
            Some(2) => "a two-digit CAMEO root code such as 05 or 19".to_string(),
            _ => {
                "a CAMEO code or code prefix of up to 4 digits such as 05, 051 or 1123".to_string()
            }
        };
        return Err(bad(format!("{name}: expected {what}, found `{v}`")));
    }
    Ok(Some(v.to_string()))
}

/// Adds `segments` to every mention of a serialised event.
fn with_segments(event_json: &mut Value, mentions: &[Mention]) {
    if let Some(list) = event_json.get_mut("mentions").and_then(Value::as_array_mut) {
        for (slot, m) in list.iter_mut().zip(mentions) {
            let segs = segments(&m.sentence_text, m.source_span, m.verb_span, m.target_span);
            if let (Some(obj), Ok(segs)) = (slot.as_object_mut(), serde_json::to_value(segs)) {
                obj.insert("segments".to_string(), segs);
            }
        }
    }
}

/// One page of events as JSON, each mention with its `segments`.
fn events_json(events: &[demarche_store::StoredEvent]) -> Result<Vec<Value>, ServerError> {
    let mut out = Vec::with_capacity(events.len());
    for e in events {
        let mut v = to_json(e)?;
        with_segments(&mut v, &e.mentions);
        out.push(v);
    }
    Ok(out)
}

/// The paging parameters of an event list: `(page_size, page, mentions)`, each checked
/// against its bounds (`max_page_size` is the server's).
fn paging(
    page_size: Option<&str>,
    page: Option<&str>,
    mentions: Option<&str>,
    max_page_size: usize,
) -> Result<(usize, usize, usize), ServerError> {
    let page_size = parse_count(
        "page_size",
        page_size,
        DEFAULT_PAGE_SIZE.min(max_page_size),
        1,
        max_page_size,
    )?;
    let page = parse_count("page", page, 1, 1, MAX_OFFSET / page_size + 1)?;
    let mentions = parse_count("mentions", mentions, DEFAULT_MENTIONS, 0, MAX_MENTIONS)?;
    Ok((page_size, page, mentions))
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Value, ServerError> {
    serde_json::to_value(value)
        .map_err(|e| ServerError::Internal(format!("cannot serialise a response: {e}")))
}

// ------------------------------------------------------------------------------------ stats

pub(crate) async fn stats(State(app): State<AppState>) -> Result<Json<Value>, ServerError> {
    let stats = app.stats().await?;
    let mut body = to_json(&stats)?;
    if let Some(obj) = body.as_object_mut() {
        obj.insert(
            "ingest_enabled".into(),
            Value::Bool(app.config().ingest_token.is_some()),
        );
    }
    Ok(Json(body))
}

// ----------------------------------------------------------------------------------- actors

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActorParams {
    q: Option<String>,
    limit: Option<String>,
}

pub(crate) async fn actors(
    State(app): State<AppState>,
    params: Result<Query<ActorParams>, QueryRejection>,
) -> Result<Json<Value>, ServerError> {
    let p = query(params)?;
    let limit = parse_count("limit", p.limit.as_deref(), DEFAULT_ACTORS, 1, MAX_ACTORS)?;
    let prefix = match p.q.as_deref().map(str::trim).filter(|q| !q.is_empty()) {
        Some(q) => Some(parse_actor("q", q)?),
        None => None,
    };
    let all = app.actors().await?;
    let actors: Vec<_> = all
        .iter()
        .filter(|a| prefix.as_deref().is_none_or(|p| a.code.starts_with(p)))
        .take(limit)
        .collect();
    Ok(Json(json!({ "actors": actors })))
}

// ----------------------------------------------------------------------------------- events

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventParams {
    actor: Option<String>,
    source: Option<String>,
    target: Option<String>,
    undirected: Option<String>,
    code: Option<String>,
    root: Option<String>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    page: Option<String>,
    page_size: Option<String>,
    mentions: Option<String>,
}

pub(crate) async fn events(
    State(app): State<AppState>,
    params: Result<Query<EventParams>, QueryRejection>,
) -> Result<Json<Value>, ServerError> {
    let p = query(params)?;
    let (page_size, page, mentions) = paging(
        p.page_size.as_deref(),
        p.page.as_deref(),
        p.mentions.as_deref(),
        app.config().max_page_size,
    )?;
    let code = parse_code("code", p.code.as_deref(), None)?;
    let root = parse_code("root", p.root.as_deref(), Some(2))?;
    // `root` is a two-digit code prefix; with `code` as well, the code must lie in the root.
    let code = match (code, root) {
        (Some(c), Some(r)) if !c.starts_with(&r) => {
            return Err(bad(format!(
                "code `{c}` is not in root `{r}`: give one or the other, or a code that starts with the root"
            )));
        }
        (Some(c), _) => Some(c),
        (None, r) => r,
    };
    let undirected = parse_bool("undirected", p.undirected.as_deref())?;
    let source = parse_optional_actor("source", p.source.as_deref())?;
    let target = parse_optional_actor("target", p.target.as_deref())?;
    if undirected && (source.is_none() || target.is_none()) {
        return Err(bad(
            "undirected: needs both source and target (the two sides of the dyad)",
        ));
    }
    let text = p.q.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
    if text.as_ref().is_some_and(|t| t.len() > 500) {
        return Err(bad("q: the search text is longer than 500 bytes"));
    }
    let from = parse_day("from", p.from.as_deref())?;
    let to = parse_day("to", p.to.as_deref())?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(bad(format!("from {f} is after to {t}")));
    }
    let q = EventQuery {
        source,
        target,
        undirected,
        actor: parse_optional_actor("actor", p.actor.as_deref())?,
        code,
        from,
        to,
        text,
        limit: page_size,
        offset: (page - 1) * page_size,
        mentions_per_event: mentions,
    };
    let result = app.read(move |s| Ok(s.search_events(&q)?)).await?;
    Ok(Json(json!({
        "total": result.total,
        "page": page,
        "page_size": page_size,
        "events": events_json(&result.events)?,
    })))
}

// ----------------------------------------------------------------------------------- series

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SeriesParams {
    by: Option<String>,
    undirected: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

pub(crate) async fn series(
    State(app): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    params: Result<Query<SeriesParams>, QueryRejection>,
) -> Result<Response, ServerError> {
    let Path((a, b)) = path.map_err(|e| bad(format!("bad path: {}", e.body_text())))?;
    let p = query(params)?;
    let by: Granularity = match p.by.as_deref() {
        None => Granularity::Month,
        Some(v) => v.parse().map_err(|e: String| bad(format!("by: {e}")))?,
    };
    let mut q = DyadQuery::new(parse_actor("actor a", &a)?, parse_actor("actor b", &b)?, by);
    q.undirected = parse_bool("undirected", p.undirected.as_deref())?;
    q.from = parse_day("from", p.from.as_deref())?;
    q.to = parse_day("to", p.to.as_deref())?;
    if let (Some(f), Some(t)) = (q.from, q.to) {
        if f > t {
            return Err(bad(format!("from {f} is after to {t}")));
        }
        // The store fills every period between from and to; bound that before asking it.
        let days = (t - f).num_days();
        let periods = match by {
            Granularity::Day => days,
            Granularity::Week => days / 7,
            Granularity::Month => days / 28,
        };
        if periods > MAX_BUCKETS {
            return Err(bad(format!(
                "from {f} to {t} is more than {MAX_BUCKETS} periods by {by}: narrow the range or use a coarser `by`"
            )));
        }
    }
    // The query and the serialisation both run on the blocking pool: a by-day series of ten
    // years has thousands of buckets, and serialising it should not hold up an async worker.
    let body = app
        .read(move |s| series_json(&s.dyad_series(&q)?, by))
        .await?;
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The series as JSON, written straight from borrowed views (no intermediate `Value` tree):
/// this is the dashboard's hottest request.
fn series_json(series: &DyadSeries, by: Granularity) -> Result<Vec<u8>, ServerError> {
    let buckets = series
        .buckets
        .iter()
        .map(|bucket| BucketView {
            bucket,
            end: by
                .next_period(bucket.period)
                .and_then(|next| next.pred_opt())
                .unwrap_or(bucket.period),
        })
        .collect();
    let view = SeriesView {
        query: &series.query,
        buckets,
        total: &series.total,
    };
    serde_json::to_vec(&view)
        .map_err(|e| ServerError::Internal(format!("cannot serialise a response: {e}")))
}

/// A dyad series as the API returns it: the store's series with each bucket's last day.
#[derive(Serialize)]
struct SeriesView<'a> {
    query: &'a DyadQuery,
    buckets: Vec<BucketView<'a>>,
    total: &'a DyadBucket,
}

#[derive(Serialize)]
struct BucketView<'a> {
    #[serde(flatten)]
    bucket: &'a DyadBucket,
    /// The last day of the period (inclusive), for asking for the bucket's events.
    end: Date,
}

// -------------------------------------------------------------------------------- documents

pub(crate) async fn document(
    State(app): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<Value>, ServerError> {
    let Path(id) = path.map_err(|e| bad(format!("bad path: {}", e.body_text())))?;
    if id.is_empty() || id.len() > 1024 {
        return Err(bad("document id: expected 1 to 1024 bytes"));
    }
    let wanted = id.clone();
    let doc = app.read(move |s| Ok(s.document(&wanted)?)).await?;
    let Some(doc) = doc else {
        return Err(ServerError::NotFound(format!(
            "no document with id `{id}` in the store"
        )));
    };
    let mut body = to_json(&doc)?;
    if let Some(list) = body.get_mut("events").and_then(Value::as_array_mut) {
        for (slot, e) in list.iter_mut().zip(&doc.events) {
            with_segments(slot, &e.mentions);
        }
    }
    Ok(Json(body))
}

// ----------------------------------------------------------------------------------- ingest

/// The body of `POST /api/ingest`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct IngestRequest {
    documents: Vec<Document>,
    #[serde(default)]
    events: Vec<Event>,
    /// Knowledge (persons, quotes, amounts, ...) per document id, stored as given.
    #[serde(default)]
    knowledge: BTreeMap<String, Value>,
}

pub(crate) async fn ingest(
    State(app): State<AppState>,
    body: Result<Json<IngestRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ServerError> {
    let Json(req) = body.map_err(|e| match e.status() {
        StatusCode::PAYLOAD_TOO_LARGE => ServerError::PayloadTooLarge(format!(
            "request body is larger than this server's limit of {} bytes: send fewer documents per request",
            app.config().max_body_bytes
        )),
        _ => bad(format!("bad ingest body: {}", e.body_text())),
    })?;
    if req.documents.len() > MAX_INGEST_DOCUMENTS {
        return Err(bad(format!(
            "{} documents in one request; at most {MAX_INGEST_DOCUMENTS}",
            req.documents.len()
        )));
    }
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut items: Vec<IngestItem> = Vec::with_capacity(req.documents.len());
    for (i, doc) in req.documents.into_iter().enumerate() {
        if doc.id.trim().is_empty() {
            return Err(bad(format!("documents[{i}]: the id is empty")));
        }
        if index.insert(doc.id.clone(), i).is_some() {
            return Err(bad(format!(
                "documents[{i}]: id `{}` appears twice in the request",
                doc.id
            )));
        }
        items.push(IngestItem {
            document: doc,
            events: Vec::new(),
            knowledge: None,
        });
    }
    for (i, event) in req.events.into_iter().enumerate() {
        let Some(&at) = index.get(&event.doc_id) else {
            return Err(bad(format!(
                "events[{i}]: document `{}` is not among this request's documents",
                event.doc_id
            )));
        };
        if let Some(item) = items.get_mut(at) {
            item.events.push(event);
        }
    }
    let unknown: BTreeSet<&String> = req
        .knowledge
        .keys()
        .filter(|k| !index.contains_key(*k))
        .collect();
    if let Some(first) = unknown.first() {
        return Err(bad(format!(
            "knowledge: document `{first}` is not among this request's documents"
        )));
    }
    for (id, value) in req.knowledge {
        if let Some(item) = index.get(&id).and_then(|&at| items.get_mut(at)) {
            item.knowledge = Some(value);
        }
    }
    let documents = items.len();
    let summary = app.write(move |s| Ok(s.ingest_batch(&items)?)).await?;
    let mut body = to_json(&summary)?;
    if let Some(obj) = body.as_object_mut() {
        obj.insert("documents_received".into(), json!(documents));
    }
    Ok((StatusCode::OK, Json(body)))
}

// ----------------------------------------------------------------------------------- places

/// Most characters of a place id in a path (gazetteer ids are GeoNames numbers,
/// `A-UA-08`, `X-gaza-strip`).
const MAX_PLACE_ID: usize = 128;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceParams {
    undirected: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PlaceEventParams {
    undirected: Option<String>,
    from: Option<String>,
    to: Option<String>,
    page: Option<String>,
    page_size: Option<String>,
    mentions: Option<String>,
}

/// The event filter of a dyad and date range, from the path's actors and the query's
/// `undirected`, `from` and `to`; also the same as JSON, to echo back to the client.
fn dyad_filter(
    a: &str,
    b: &str,
    undirected: Option<&str>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<(EventQuery, Value), ServerError> {
    let a = parse_actor("actor a", a)?;
    let b = parse_actor("actor b", b)?;
    let undirected = parse_bool("undirected", undirected)?;
    let from = parse_day("from", from)?;
    let to = parse_day("to", to)?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(bad(format!("from {f} is after to {t}")));
    }
    let echo = json!({ "a": a, "b": b, "undirected": undirected, "from": from, "to": to });
    let q = EventQuery {
        source: Some(a),
        target: Some(b),
        undirected,
        from,
        to,
        ..EventQuery::default()
    };
    Ok((q, echo))
}

/// A gazetteer id as it may appear in a path: letters, digits, `-`, `_` and `.`.
fn parse_place_id(value: &str) -> Result<String, ServerError> {
    let ok = !value.is_empty()
        && value.len() <= MAX_PLACE_ID
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !ok {
        return Err(bad(format!(
            "place: expected a gazetteer id of 1 to {MAX_PLACE_ID} letters, digits, `-`, `_` or `.` such as 524901 or A-UA-08, found `{value}`"
        )));
    }
    Ok(value.to_string())
}

/// `GET /api/dyads/{a}/{b}/places`: the dyad's events in the date range grouped by where they
/// happened, for the map.
pub(crate) async fn places(
    State(app): State<AppState>,
    path: Result<Path<(String, String)>, PathRejection>,
    params: Result<Query<PlaceParams>, QueryRejection>,
) -> Result<Json<Value>, ServerError> {
    let Path((a, b)) = path.map_err(|e| bad(format!("bad path: {}", e.body_text())))?;
    let p = query(params)?;
    let (q, echo) = dyad_filter(
        &a,
        &b,
        p.undirected.as_deref(),
        p.from.as_deref(),
        p.to.as_deref(),
    )?;
    let result = app.read(move |s| Ok(s.event_places(&q)?)).await?;
    let mut body = to_json(&result)?;
    if let Some(obj) = body.as_object_mut() {
        obj.insert("query".into(), echo);
    }
    Ok(Json(body))
}

/// `GET /api/dyads/{a}/{b}/places/{place}/events`: the events of the dyad in the date range
/// that happened at one place, with their highlighted sentences, newest first.
pub(crate) async fn place_events(
    State(app): State<AppState>,
    path: Result<Path<(String, String, String)>, PathRejection>,
    params: Result<Query<PlaceEventParams>, QueryRejection>,
) -> Result<Json<Value>, ServerError> {
    let Path((a, b, place)) = path.map_err(|e| bad(format!("bad path: {}", e.body_text())))?;
    let p = query(params)?;
    let place = parse_place_id(&place)?;
    let (mut q, _) = dyad_filter(
        &a,
        &b,
        p.undirected.as_deref(),
        p.from.as_deref(),
        p.to.as_deref(),
    )?;
    let (page_size, page, mentions) = paging(
        p.page_size.as_deref(),
        p.page.as_deref(),
        p.mentions.as_deref(),
        app.config().max_page_size,
    )?;
    q.limit = page_size;
    q.offset = (page - 1) * page_size;
    q.mentions_per_event = mentions;
    let wanted = place.clone();
    let result = app
        .read(move |s| Ok(s.events_at_place(&q, &wanted)?))
        .await?;
    Ok(Json(json!({
        "place": place,
        "total": result.total,
        "page": page,
        "page_size": page_size,
        "events": events_json(&result.events)?,
    })))
}
