//! API tests against the in-process router (no socket): every route, the 4xx answers to bad
//! parameters, the ingest token, the page-size bound, and the OpenAPI document against the
//! router's route table.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use demarche_model::{Date, Document, Event, Evidence, GeoPoint, RuleRef, Span};
use demarche_server::{AppState, OPENAPI_JSON, ServerConfig, api_routes, router};
use demarche_store::Store;
use serde_json::{Value, json};
use std::collections::BTreeSet;
use tower::ServiceExt;

fn day(s: &str) -> Date {
    demarche_model::parse_date(s).unwrap()
}

/// An event whose spans are found in `sentence` by the given texts (test data is our own and
/// each text occurs once).
#[allow(clippy::too_many_arguments)]
fn event(
    doc: &str,
    index: usize,
    sentence: &str,
    date: &str,
    (source, source_text): (&str, &str),
    verb_text: &str,
    (target, target_text): (&str, &str),
    code: &str,
) -> Event {
    let span = |t: &str| {
        let start = sentence.find(t).unwrap();
        Some(Span::new(start, start + t.len()))
    };
    Event {
        doc_id: doc.into(),
        sentence: index,
        date: day(date),
        event_date: None,
        source: source.into(),
        target: target.into(),
        code: code.into(),
        root: String::new(),
        quad_class: 0,
        goldstein: 0.0,
        plover: None,
        source_text: source_text.into(),
        target_text: target_text.into(),
        verb_text: verb_text.into(),
        sentence_text: sentence.into(),
        action_geo: None,
        geo_source: None,
        evidence: Evidence {
            source_span: span(source_text),
            target_span: span(target_text),
            verb_span: span(verb_text),
            rules: vec![RuleRef {
                file: "test.verbs".into(),
                line: index + 1,
            }],
            antecedents: Vec::new(),
        },
    }
    .with_cameo_facts()
}

/// `e` placed at a city of the gazetteer (our test values), found by `how` ("sentence" or
/// "dateline").
fn placed(
    mut e: Event,
    (id, name, country, lat, lon): (&str, &str, &str, f64, f64),
    how: &str,
) -> Event {
    e.action_geo = Some(GeoPoint {
        name: name.into(),
        kind: "city".into(),
        country: country.into(),
        fips: country[..2].into(),
        adm1: None,
        lat,
        lon,
        id: id.into(),
        gdelt_type: 4,
        full_name: format!("{name}, {country}"),
        feature_id: id.into(),
    });
    e.geo_source = Some(how.into());
    e
}

const BEIJING: (&str, &str, &str, f64, f64) = ("1816670", "Beijing", "CHN", 39.9, 116.4);
const MOSCOW: (&str, &str, &str, f64, f64) = ("524901", "Moscow", "RUS", 55.75, 37.62);

fn doc(id: &str, date: &str, outlet: &str, title: &str, text: &str) -> Document {
    Document {
        id: id.into(),
        date: Some(day(date)),
        title: Some(title.into()),
        source: Some(outlet.into()),
        url: None,
        text: text.into(),
        parses: Vec::new(),
    }
}

/// Five documents: CHN→RUS praise reported by two outlets on one day (one event, two
/// mentions, the first placed in Beijing, the second in Moscow), RUS→UKR accusations, RUS→CHN
/// agreement in May (placed in Moscow by the dateline), a CHNMIL→RUSMIL clash in June (no
/// place).
fn small_corpus() -> Vec<(Document, Vec<Event>)> {
    let s1 = "China praised Russia for its support.";
    let s2 = "Russia accused Ukraine of provocations.";
    let d1 = doc(
        "d1",
        "2021-03-04",
        "Daily Courier",
        "Praise and blame",
        &format!("{s1} {s2}"),
    );
    let e1 = vec![
        placed(
            event(
                "d1",
                0,
                s1,
                "2021-03-04",
                ("CHN", "China"),
                "praised",
                ("RUS", "Russia"),
                "051",
            ),
            BEIJING,
            "sentence",
        ),
        event(
            "d1",
            1,
            s2,
            "2021-03-04",
            ("RUS", "Russia"),
            "accused",
            ("UKR", "Ukraine"),
            "112",
        ),
    ];
    let s3 = "Officials said China warmly praised Russia on Thursday.";
    let d2 = doc("d2", "2021-03-04", "Evening Ledger", "Warm words", s3);
    let e2 = vec![placed(
        event(
            "d2",
            0,
            s3,
            "2021-03-04",
            ("CHN", "China"),
            "praised",
            ("RUS", "Russia"),
            "051",
        ),
        MOSCOW,
        "sentence",
    )];
    let s4 = "Russia signed an agreement with China.";
    let d3 = doc("d3", "2021-05-10", "Daily Courier", "A treaty", s4);
    let e3 = vec![placed(
        event(
            "d3",
            0,
            s4,
            "2021-05-10",
            ("RUS", "Russia"),
            "signed",
            ("CHN", "China"),
            "057",
        ),
        MOSCOW,
        "dateline",
    )];
    let s5 = "Chinese troops clashed with Russian border guards.";
    let d4 = doc("d4", "2021-06-02", "Evening Ledger", "Border incident", s5);
    let e4 = vec![event(
        "d4",
        0,
        s5,
        "2021-06-02",
        ("CHNMIL", "Chinese troops"),
        "clashed",
        ("RUSMIL", "Russian border guards"),
        "190",
    )];
    let s6 = "Russia accused Ukraine of sabotage.";
    let d5 = doc("d5", "2022-01-15", "Daily Courier", "Sabotage claims", s6);
    let e5 = vec![event(
        "d5",
        0,
        s6,
        "2022-01-15",
        ("RUS", "Russia"),
        "accused",
        ("UKR", "Ukraine"),
        "112",
    )];
    vec![(d1, e1), (d2, e2), (d3, e3), (d4, e4), (d5, e5)]
}

struct Fixture {
    app: Router,
    _dir: tempfile::TempDir,
}

fn fixture_with(token: Option<&str>, max_body: Option<usize>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test.db");
    let mut store = Store::open(&path).unwrap();
    for (d, events) in small_corpus() {
        store.ingest(&d, &events, None).unwrap();
    }
    drop(store);
    let mut config = ServerConfig::new(&path);
    config.ingest_token = token.map(str::to_string);
    if let Some(n) = max_body {
        config.max_body_bytes = n;
    }
    Fixture {
        app: router(AppState::open(config).unwrap()),
        _dir: dir,
    }
}

fn fixture() -> Fixture {
    fixture_with(None, None)
}

struct Reply {
    status: StatusCode,
    content_type: String,
    headers: axum::http::HeaderMap,
    text: String,
}

impl Reply {
    #[track_caller]
    fn json(&self) -> Value {
        serde_json::from_str(&self.text).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text))
    }

    /// Asserts a 4xx JSON error whose message contains `needle`.
    #[track_caller]
    fn assert_error(&self, status: StatusCode, needle: &str) {
        assert_eq!(self.status, status, "body: {}", self.text);
        let body = self.json();
        let message = body["error"].as_str().unwrap();
        assert!(
            message.contains(needle),
            "message {message:?} lacks {needle:?}"
        );
        assert_eq!(body["status"], status.as_u16());
    }
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    Reply {
        status,
        content_type,
        headers,
        text: String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

async fn get(app: &Router, uri: &str) -> Reply {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

async fn post_ingest(app: &Router, auth: Option<&str>, body: String) -> Reply {
    let mut req = Request::post("/api/ingest").header(header::CONTENT_TYPE, "application/json");
    if let Some(a) = auth {
        req = req.header(header::AUTHORIZATION, a);
    }
    send(app, req.body(Body::from(body)).unwrap()).await
}

// ------------------------------------------------------------------------ dashboard and docs

#[tokio::test]
async fn dashboard_and_assets_are_served_from_the_binary() {
    let f = fixture();
    let page = get(&f.app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.content_type.starts_with("text/html"));
    for id in ["actor-a", "actor-b", "chart", "evidence-list"] {
        assert!(
            page.text.contains(&format!("data-testid=\"{id}\"")),
            "page lacks {id}"
        );
    }
    // No resource from another origin: the page must work offline.
    assert!(!page.text.contains("http://") && !page.text.contains("https://"));
    let csp = page
        .headers
        .get(header::CONTENT_SECURITY_POLICY)
        .unwrap()
        .to_str()
        .unwrap();
    assert!(csp.contains("default-src 'self'"));

    let js = get(&f.app, "/assets/app.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(js.content_type.starts_with("text/javascript"));
    assert!(js.text.contains("/api/dyads/"));
    let css = get(&f.app, "/assets/app.css").await;
    assert!(css.content_type.starts_with("text/css"));
    assert!(
        page.text.contains("data-testid=\"map\""),
        "page lacks the map"
    );
    let map = get(&f.app, "/assets/map.js").await;
    assert!(map.content_type.starts_with("text/javascript"));
    assert!(map.text.contains("function drawMap("));
    // The outlines: shipped with the binary, small, credited, one path per country.
    let world = get(&f.app, "/assets/world.json").await;
    assert_eq!(world.content_type, "application/json");
    assert!(world.text.len() < 400_000, "{} bytes", world.text.len());
    let world = world.json();
    assert!(world["licence"].as_str().unwrap().contains("Natural Earth"));
    let countries = world["countries"].as_array().unwrap();
    assert!(countries.len() > 150, "{} countries", countries.len());
    assert!(
        countries
            .iter()
            .all(|c| c["d"].as_str().unwrap().starts_with('M'))
    );
    get(&f.app, "/assets/nope.js")
        .await
        .assert_error(StatusCode::NOT_FOUND, "no such route");
    get(&f.app, "/nowhere")
        .await
        .assert_error(StatusCode::NOT_FOUND, "openapi.json");
}

#[tokio::test]
async fn openapi_document_lists_exactly_the_routes_the_router_serves() {
    let spec: Value = serde_json::from_str(OPENAPI_JSON).expect("openapi.json is JSON");
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    let mut documented = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert((method.to_uppercase(), path.clone()));
        }
    }
    let f = fixture();
    let state = AppState::open(ServerConfig::new(f._dir.path().join("test.db"))).unwrap();
    let served: BTreeSet<(String, String)> = api_routes(&state)
        .iter()
        .map(|r| (r.method.to_string(), r.path.to_string()))
        .collect();
    assert_eq!(documented, served);

    // Every `$ref` resolves to a schema of the document.
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut refs = Vec::new();
    collect_refs(&spec, &mut refs);
    assert!(refs.len() > 20);
    for r in refs {
        let name = r.strip_prefix("#/components/schemas/").unwrap();
        assert!(schemas.contains_key(name), "dangling $ref {r}");
    }

    // And the document is what the server serves.
    let served = get(&f.app, "/api/openapi.json").await;
    assert_eq!(served.status, StatusCode::OK);
    assert_eq!(served.content_type, "application/json");
    assert_eq!(served.json(), spec);
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("$ref", Value::String(s)) => out.push(s.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_refs(v, out)),
        _ => {}
    }
}

#[tokio::test]
async fn wrong_method_is_a_json_405() {
    let f = fixture();
    let r = send(
        &f.app,
        Request::builder()
            .method(Method::DELETE)
            .uri("/api/events")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    r.assert_error(StatusCode::METHOD_NOT_ALLOWED, "DELETE");
}

// ------------------------------------------------------------------------------- read side

#[tokio::test]
async fn stats_count_documents_events_and_mentions() {
    let f = fixture();
    let s = get(&f.app, "/api/stats").await.json();
    assert_eq!(s["documents"], 5);
    // Six event records; the two CHN→RUS praises of 2021-03-04 are one event.
    assert_eq!(s["mentions"], 6);
    assert_eq!(s["events"], 5);
    assert_eq!(s["first_date"], "2021-03-04");
    assert_eq!(s["last_date"], "2022-01-15");
    assert_eq!(s["ingest_enabled"], false);
}

#[tokio::test]
async fn actors_most_frequent_first_with_prefix_filter_and_bounds() {
    let f = fixture();
    let all = get(&f.app, "/api/actors").await.json();
    let codes: Vec<&str> = all["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    // RUS: 2 accusations + 1 agreement + 1 praise received = 4; CHN 2; UKR 2; CHNMIL, RUSMIL 1.
    assert_eq!(codes, ["RUS", "CHN", "UKR", "CHNMIL", "RUSMIL"]);
    assert_eq!(all["actors"][0]["events"], 4);
    let chn = get(&f.app, "/api/actors?q=chn&limit=5").await.json();
    let codes: Vec<&str> = chn["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["CHN", "CHNMIL"]);
    let one = get(&f.app, "/api/actors?limit=1").await.json();
    assert_eq!(one["actors"].as_array().unwrap().len(), 1);
    get(&f.app, "/api/actors?limit=0").await.assert_error(
        StatusCode::BAD_REQUEST,
        "limit: expected an integer from 1 to 1000",
    );
    get(&f.app, "/api/actors?limit=5000")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "found `5000`");
    get(&f.app, "/api/actors?q=CH%20N")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "q: expected an actor code");
    get(&f.app, "/api/actors?prefix=CH")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "unknown field `prefix`");
}

#[tokio::test]
async fn series_counts_a_directed_dyad_per_month_with_empty_months() {
    let f = fixture();
    let r = get(&f.app, "/api/dyads/CHN/RUS/series?by=month").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let s = r.json();
    let labels: Vec<&str> = s["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2021-03", "2021-04", "2021-05", "2021-06"]);
    let events: Vec<u64> = s["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["events"].as_u64().unwrap())
        .collect();
    // March: the praise (two mentions, one event). May's agreement is RUS→CHN, not counted.
    // June: CHNMIL→RUSMIL, matched by prefix.
    assert_eq!(events, [1, 0, 0, 1]);
    assert_eq!(s["buckets"][0]["mentions"], 2);
    assert_eq!(s["buckets"][0]["quad_counts"], json!([0, 1, 0, 0, 0]));
    assert_eq!(s["buckets"][3]["quad_counts"], json!([0, 0, 0, 0, 1]));
    assert_eq!(s["buckets"][0]["period"], "2021-03-01");
    assert_eq!(s["buckets"][0]["end"], "2021-03-31");
    assert_eq!(s["buckets"][1]["goldstein_mean"], Value::Null);
    assert_eq!(s["total"]["events"], 2);

    let both = get(&f.app, "/api/dyads/chn/rus/series?by=month&undirected=true")
        .await
        .json();
    let events: Vec<u64> = both["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["events"].as_u64().unwrap())
        .collect();
    assert_eq!(events, [1, 0, 1, 1]);
    assert_eq!(both["query"]["undirected"], true);

    let weeks = get(
        &f.app,
        "/api/dyads/CHN/RUS/series?by=week&from=2021-03-01&to=2021-03-14",
    )
    .await
    .json();
    let labels: Vec<&str> = weeks["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["2021-W09", "2021-W10"]);
    assert_eq!(weeks["buckets"][0]["end"], "2021-03-07");

    let none = get(&f.app, "/api/dyads/UKR/CHN/series").await.json();
    assert_eq!(none["buckets"], json!([]));
}

#[tokio::test]
async fn series_rejects_bad_parameters_with_clear_messages() {
    let f = fixture();
    get(&f.app, "/api/dyads/CHN/RUS/series?by=year")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "by: expected day, week or month");
    get(&f.app, "/api/dyads/CHN/RU%24S/series")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "actor b");
    get(&f.app, "/api/dyads/CHN/RUS/series?undirected=maybe")
        .await
        .assert_error(
            StatusCode::BAD_REQUEST,
            "undirected: expected true or false",
        );
    get(&f.app, "/api/dyads/CHN/RUS/series?from=2021-13-01")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "from:");
    get(
        &f.app,
        "/api/dyads/CHN/RUS/series?from=2022-01-01&to=2021-01-01",
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "is after");
    get(
        &f.app,
        "/api/dyads/CHN/RUS/series?by=day&from=1900-01-01&to=2021-01-01",
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "narrow the range");
    get(&f.app, "/api/dyads/CHN/RUS/series?granularity=month")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "unknown field");
}

#[tokio::test]
async fn event_search_filters_pages_and_highlights() {
    let f = fixture();
    let r = get(&f.app, "/api/events?source=CHN&target=RUS")
        .await
        .json();
    assert_eq!(r["total"], 2);
    assert_eq!(r["page"], 1);
    // Newest first: the June clash, then the March praise.
    assert_eq!(r["events"][0]["code"], "190");
    let praise = &r["events"][1];
    assert_eq!(praise["code"], "051");
    assert_eq!(praise["name"], "Praise or endorse");
    assert_eq!(praise["num_mentions"], 2);
    assert_eq!(praise["num_sources"], 2);
    assert_eq!(praise["num_articles"], 2);
    // Every mention's segments rebuild its sentence and mark source, verb and target.
    for m in praise["mentions"].as_array().unwrap() {
        let segs = m["segments"].as_array().unwrap();
        let whole: String = segs.iter().map(|s| s["text"].as_str().unwrap()).collect();
        assert_eq!(whole, m["sentence_text"].as_str().unwrap());
        let marked: Vec<(&str, &str)> = segs
            .iter()
            .filter_map(|s| Some((s["role"].as_str()?, s["text"].as_str().unwrap())))
            .collect();
        assert_eq!(
            marked,
            [
                ("source", "China"),
                ("verb", "praised"),
                ("target", "Russia")
            ]
        );
    }

    let both = get(&f.app, "/api/events?source=CHN&target=RUS&undirected=true")
        .await
        .json();
    assert_eq!(both["total"], 3);
    let by_actor = get(&f.app, "/api/events?actor=UKR").await.json();
    assert_eq!(by_actor["total"], 2);
    let by_root = get(&f.app, "/api/events?root=11").await.json();
    assert_eq!(by_root["total"], 2);
    let by_code = get(&f.app, "/api/events?code=057").await.json();
    assert_eq!(by_code["total"], 1);
    let dated = get(&f.app, "/api/events?from=2021-05-01&to=2021-06-30")
        .await
        .json();
    assert_eq!(dated["total"], 2);
    let text = get(&f.app, "/api/events?q=SABOTAGE").await.json();
    assert_eq!(text["total"], 1);
    assert_eq!(text["events"][0]["date"], "2022-01-15");

    // Paging: 5 events, 2 per page; the third page has the last one.
    let p3 = get(&f.app, "/api/events?page_size=2&page=3").await.json();
    assert_eq!(p3["total"], 5);
    assert_eq!(p3["events"].as_array().unwrap().len(), 1);
    let no_mentions = get(&f.app, "/api/events?mentions=0").await.json();
    assert_eq!(no_mentions["events"][0]["mentions"], json!([]));
}

#[tokio::test]
async fn event_search_bounds_and_rejects() {
    let f = fixture();
    let e = |uri: &'static str| {
        let app = f.app.clone();
        async move { get(&app, uri).await }
    };
    e("/api/events?page_size=201").await.assert_error(
        StatusCode::BAD_REQUEST,
        "page_size: expected an integer from 1 to 200",
    );
    e("/api/events?page_size=0")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "page_size");
    e("/api/events?page=0")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "page:");
    e("/api/events?page=999999999")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "page:");
    e("/api/events?from=yesterday")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "from: expected a date");
    e("/api/events?code=05x")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "code: expected a CAMEO code");
    e("/api/events?root=051")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "root: expected a two-digit");
    e("/api/events?code=112&root=05")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "not in root");
    e("/api/events?source=CHN&undirected=true")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "needs both source and target");
    e("/api/events?actor=C%27N")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "actor:");
    e("/api/events?form=2021-01-01")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "unknown field `form`");
    let long = format!("/api/events?q={}", "a".repeat(501));
    get(&f.app, &long)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "longer than 500");

    // A server configured with a smaller bound enforces it.
    let dir = tempfile::tempdir().unwrap();
    let mut config = ServerConfig::new(dir.path().join("small.db"));
    config.max_page_size = 10;
    let small = router(AppState::open(config).unwrap());
    get(&small, "/api/events?page_size=11")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "from 1 to 10");
    assert_eq!(
        get(&small, "/api/events?page_size=10").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn document_with_sentences_events_and_highlighted_evidence() {
    let f = fixture();
    let r = get(&f.app, "/api/documents/d1").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text);
    let d = r.json();
    assert_eq!(d["title"], "Praise and blame");
    assert_eq!(d["source"], "Daily Courier");
    let events = d["events"].as_array().unwrap();
    assert_eq!(events.len(), 2);
    // Only this document's mention of the shared praise event.
    let praise = events.iter().find(|e| e["code"] == "051").unwrap();
    assert_eq!(praise["num_mentions"], 2);
    assert_eq!(praise["mentions"].as_array().unwrap().len(), 1);
    let accuse = events.iter().find(|e| e["code"] == "112").unwrap();
    let segs = &accuse["mentions"][0]["segments"];
    assert_eq!(segs[0], json!({"text": "Russia", "role": "source"}));
    assert_eq!(segs[2], json!({"text": "accused", "role": "verb"}));
    assert_eq!(segs[4], json!({"text": "Ukraine", "role": "target"}));

    get(&f.app, "/api/documents/nope")
        .await
        .assert_error(StatusCode::NOT_FOUND, "no document with id `nope`");
}

// ------------------------------------------------------------------------------ ingest

// ------------------------------------------------------------------------------------ places

#[tokio::test]
async fn places_group_a_dyads_events_by_where_they_happened() {
    let f = fixture();
    let r = get(&f.app, "/api/dyads/chn/rus/places").await.json();
    assert_eq!(
        r["query"],
        json!({"a": "CHN", "b": "RUS", "undirected": false, "from": null, "to": null})
    );
    // The praise (Beijing by its first mention; the second said Moscow) and the unplaced clash.
    assert_eq!(
        (&r["events"], &r["placed"], &r["unplaced"]),
        (&json!(2), &json!(1), &json!(1))
    );
    assert_eq!(r["places_total"], 1);
    let beijing = &r["places"][0];
    assert_eq!(beijing["place"]["name"], "Beijing");
    assert_eq!(beijing["place"]["lat"], 39.9);
    assert_eq!(beijing["events"], 1);
    assert_eq!(beijing["quad_counts"], json!([0, 1, 0, 0, 0]));
    assert_eq!(beijing["from_dateline"], 0);

    // Both directions add the agreement, placed in Moscow by the dateline; a date range
    // narrows it down to the months asked for.
    let both = get(&f.app, "/api/dyads/CHN/RUS/places?undirected=1")
        .await
        .json();
    assert_eq!((&both["events"], &both["placed"]), (&json!(3), &json!(2)));
    let names: Vec<&str> = both["places"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["place"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Beijing", "Moscow"], "equal counts go by name");
    assert_eq!(both["places"][1]["from_dateline"], 1);
    let may = get(
        &f.app,
        "/api/dyads/CHN/RUS/places?undirected=true&from=2021-05-01&to=2021-05-31",
    )
    .await
    .json();
    assert_eq!((&may["events"], &may["unplaced"]), (&json!(1), &json!(0)));
    assert_eq!(may["places"][0]["place"]["name"], "Moscow");
    let none = get(&f.app, "/api/dyads/CHN/ZZZ/places").await.json();
    assert_eq!((&none["events"], &none["places"]), (&json!(0), &json!([])));
}

#[tokio::test]
async fn a_places_events_come_with_their_highlighted_sentences() {
    let f = fixture();
    let r = get(&f.app, "/api/dyads/CHN/RUS/places/1816670/events")
        .await
        .json();
    assert_eq!(r["place"], "1816670");
    assert_eq!((&r["total"], &r["page"]), (&json!(1), &json!(1)));
    let praise = &r["events"][0];
    assert_eq!(praise["code"], "051");
    let mentions = praise["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    assert_eq!(mentions[0]["action_geo"]["name"], "Beijing");
    assert_eq!(mentions[1]["action_geo"]["name"], "Moscow");
    let marked: Vec<&str> = mentions[0]["segments"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["role"] == "verb")
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["praised"]);
    // Moscow has the agreement only in both directions, and only its May.
    let moscow = "/api/dyads/CHN/RUS/places/524901/events";
    assert_eq!(get(&f.app, moscow).await.json()["total"], 0);
    let both = get(&f.app, &format!("{moscow}?undirected=true&page_size=1"))
        .await
        .json();
    assert_eq!(both["total"], 1);
    assert_eq!(both["events"][0]["code"], "057");
    let june = get(&f.app, &format!("{moscow}?undirected=true&from=2021-06-01"))
        .await
        .json();
    assert_eq!(june["total"], 0);
}

#[tokio::test]
async fn places_reject_bad_parameters_with_clear_messages() {
    let f = fixture();
    let cases = [
        ("/api/dyads/CHN/RUS/places?form=2021-01-01", "unknown field"),
        (
            "/api/dyads/CHN/RUS/places?from=2021-06-01&to=2021-01-01",
            "after",
        ),
        ("/api/dyads/CHN/RUS/places?from=June", "from"),
        ("/api/dyads/CHN/RUS/places?undirected=maybe", "undirected"),
        ("/api/dyads/C-N/RUS/places", "actor a"),
        (
            "/api/dyads/CHN/RUS/places/a;b/events",
            "place: expected a gazetteer id",
        ),
        ("/api/dyads/CHN/RUS/places/1816670/events?page=0", "page"),
        (
            "/api/dyads/CHN/RUS/places/1816670/events?page_size=100000",
            "page_size",
        ),
        (
            "/api/dyads/CHN/RUS/places/1816670/events?mentions=99",
            "mentions",
        ),
        (
            "/api/dyads/CHN/RUS/places/1816670/events?q=gas",
            "unknown field",
        ),
    ];
    for (uri, needle) in cases {
        get(&f.app, uri)
            .await
            .assert_error(StatusCode::BAD_REQUEST, needle);
    }
}

fn ingest_body(id: &str) -> String {
    let s = "Ukraine praised Poland for its help.";
    let d = doc(id, "2022-02-01", "Morning Post", "Thanks", s);
    let e = event(
        id,
        0,
        s,
        "2022-02-01",
        ("UKR", "Ukraine"),
        "praised",
        ("POL", "Poland"),
        "051",
    );
    json!({ "documents": [d], "events": [e] }).to_string()
}

#[tokio::test]
async fn ingest_is_off_without_a_token() {
    let f = fixture();
    post_ingest(&f.app, Some("Bearer anything"), ingest_body("n1"))
        .await
        .assert_error(StatusCode::FORBIDDEN, "ingest is disabled");
    // Nothing was stored.
    assert_eq!(get(&f.app, "/api/stats").await.json()["documents"], 5);
}

#[tokio::test]
async fn ingest_requires_the_right_bearer_token() {
    let f = fixture_with(Some("s3cret"), None);
    let r = post_ingest(&f.app, None, ingest_body("n1")).await;
    r.assert_error(StatusCode::UNAUTHORIZED, "Authorization: Bearer");
    assert_eq!(r.headers.get(header::WWW_AUTHENTICATE).unwrap(), "Bearer");
    post_ingest(&f.app, Some("Bearer s3creT"), ingest_body("n1"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "wrong");
    post_ingest(&f.app, Some("Basic s3cret"), ingest_body("n1"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "Bearer");
    assert_eq!(get(&f.app, "/api/stats").await.json()["documents"], 5);

    let ok = post_ingest(&f.app, Some("Bearer s3cret"), ingest_body("n1")).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.text);
    let summary = ok.json();
    assert_eq!(summary["documents_received"], 1);
    assert_eq!(summary["documents_new"], 1);
    assert_eq!(summary["events_new"], 1);
    // The new dyad is visible at once (the caches were dropped).
    let s = get(&f.app, "/api/dyads/UKR/POL/series").await.json();
    assert_eq!(s["total"]["events"], 1);
    let stats = get(&f.app, "/api/stats").await.json();
    assert_eq!(stats["documents"], 6);
    assert_eq!(stats["ingest_enabled"], true);
    let actors = get(&f.app, "/api/actors?q=POL").await.json();
    assert_eq!(actors["actors"][0]["code"], "POL");

    // Idempotent: the same request again stores nothing new.
    let again = post_ingest(&f.app, Some("Bearer s3cret"), ingest_body("n1"))
        .await
        .json();
    assert_eq!(again["documents_unchanged"], 1);
    assert_eq!(again["events_new"], 0);
    assert_eq!(get(&f.app, "/api/stats").await.json()["mentions"], 7);
}

#[tokio::test]
async fn ingest_rejects_bad_bodies_whole() {
    let f = fixture_with(Some("t"), Some(2048));
    let auth = Some("Bearer t");
    post_ingest(&f.app, auth, "{not json".into())
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad ingest body");
    post_ingest(&f.app, auth, json!({"docs": []}).to_string())
        .await
        .assert_error(StatusCode::BAD_REQUEST, "unknown field `docs`");
    let orphan = json!({
        "documents": [doc("n2", "2022-02-01", "X", "T", "Text.")],
        "events": [serde_json::from_str::<Value>(&ingest_body("elsewhere")).unwrap()["events"][0]],
    });
    post_ingest(&f.app, auth, orphan.to_string())
        .await
        .assert_error(StatusCode::BAD_REQUEST, "events[0]: document `elsewhere`");
    let twice = json!({"documents": [doc("n3", "2022-02-01", "X", "T", "A."), doc("n3", "2022-02-01", "X", "T", "B.")]});
    post_ingest(&f.app, auth, twice.to_string())
        .await
        .assert_error(StatusCode::BAD_REQUEST, "appears twice");
    let big = json!({"documents": [doc("n4", "2022-02-01", "X", "T", &"word ".repeat(1000))]});
    post_ingest(&f.app, auth, big.to_string())
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "limit of 2048 bytes");
    // None of it was stored.
    assert_eq!(get(&f.app, "/api/stats").await.json()["documents"], 5);
}

// ------------------------------------------------------------- responses match the document

/// Checks `value` against `schema` of the OpenAPI document: required properties present, no
/// property the schema does not list, types of scalars, and the same down arrays and objects.
/// Returns the path of the first mismatch.
fn conforms(spec: &Value, schema: &Value, value: &Value, path: &str) -> Result<(), String> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        let name = r.trim_start_matches("#/components/schemas/");
        return conforms(spec, &spec["components"]["schemas"][name], value, path);
    }
    if value.is_null() {
        return if schema["nullable"] == true {
            Ok(())
        } else {
            Err(format!("{path}: null but not nullable"))
        };
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        return all.iter().try_for_each(|s| conforms(spec, s, value, path));
    }
    let ty = schema.get("type").and_then(Value::as_str);
    let ok = match ty {
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_u64() || value.is_i64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        _ => true,
    };
    if !ok {
        return Err(format!("{path}: expected {ty:?}, found {value}"));
    }
    if let (Some(items), Some(list)) = (schema.get("items"), value.as_array()) {
        for (i, v) in list.iter().enumerate() {
            conforms(spec, items, v, &format!("{path}[{i}]"))?;
        }
    }
    if let Some(obj) = value.as_object() {
        let props = schema.get("properties").and_then(Value::as_object);
        for req in schema["required"].as_array().into_iter().flatten() {
            let key = req.as_str().unwrap();
            if !obj.contains_key(key) {
                return Err(format!("{path}: required property `{key}` missing"));
            }
        }
        if let Some(props) = props {
            for (k, v) in obj {
                let Some(s) = props.get(k) else {
                    return Err(format!("{path}: property `{k}` is not in the document"));
                };
                conforms(spec, s, v, &format!("{path}.{k}"))?;
            }
        }
    }
    Ok(())
}

/// The schema of the 200 (or other) answer of `method path` in the document.
fn response_schema<'a>(spec: &'a Value, path: &str, method: &str, status: &str) -> &'a Value {
    &spec["paths"][path][method]["responses"][status]["content"]["application/json"]["schema"]
}

#[tokio::test]
async fn every_response_conforms_to_the_openapi_document() {
    let spec: Value = serde_json::from_str(OPENAPI_JSON).unwrap();
    let f = fixture_with(Some("t"), None);
    let cases = [
        ("/api/stats", "/api/stats", "200"),
        ("/api/actors", "/api/actors?limit=3", "200"),
        ("/api/events", "/api/events?actor=RUS&mentions=5", "200"),
        (
            "/api/dyads/{a}/{b}/series",
            "/api/dyads/CHN/RUS/series?undirected=true",
            "200",
        ),
        (
            "/api/dyads/{a}/{b}/series",
            "/api/dyads/CHN/RUS/series?by=day&from=2021-03-01&to=2021-03-05",
            "200",
        ),
        ("/api/documents/{id}", "/api/documents/d1", "200"),
        (
            "/api/dyads/{a}/{b}/places",
            "/api/dyads/CHN/RUS/places?undirected=true",
            "200",
        ),
        (
            "/api/dyads/{a}/{b}/places",
            "/api/dyads/CHN/RUS/places?from=2021-03-01&to=2021-03-31",
            "200",
        ),
        (
            "/api/dyads/{a}/{b}/places/{place}/events",
            "/api/dyads/CHN/RUS/places/1816670/events?mentions=5",
            "200",
        ),
        (
            "/api/dyads/{a}/{b}/places/{place}/events",
            "/api/dyads/CHN/RUS/places/a%20b/events",
            "400",
        ),
        ("/api/documents/{id}", "/api/documents/missing", "404"),
        ("/api/events", "/api/events?page_size=1000", "400"),
    ];
    for (route, uri, status) in cases {
        let reply = get(&f.app, uri).await;
        assert_eq!(reply.status.as_str(), status, "{uri}: {}", reply.text);
        let schema = response_schema(&spec, route, "get", status);
        assert!(schema.is_object(), "no {status} schema for {route}");
        conforms(&spec, schema, &reply.json(), uri).unwrap();
    }
    let ok = post_ingest(&f.app, Some("Bearer t"), ingest_body("n9")).await;
    conforms(
        &spec,
        response_schema(&spec, "/api/ingest", "post", "200"),
        &ok.json(),
        "ingest",
    )
    .unwrap();
    let denied = post_ingest(&f.app, None, ingest_body("n9")).await;
    conforms(
        &spec,
        response_schema(&spec, "/api/ingest", "post", "401"),
        &denied.json(),
        "ingest 401",
    )
    .unwrap();
    // The validator itself notices a property the document does not list.
    let extra = json!({"error": "x", "status": 400, "hint": "y"});
    assert!(
        conforms(
            &spec,
            &json!({"$ref": "#/components/schemas/Error"}),
            &extra,
            "e"
        )
        .is_err()
    );
}
