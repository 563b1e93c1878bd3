//! demarche-server: the HTTP API and the web dashboard over a demarche event store.
//!
//! Main types and functions:
//! - [`ServerConfig`]: the store file, the optional ingest token and the request limits.
//! - [`AppState`]: an open store (a pool of read-only SQLite connections and one writer)
//!   plus caches; [`router`] turns it into an axum [`Router`].
//! - [`serve`]: runs a router on a bound listener until a shutdown future resolves;
//!   [`run`] does the whole thing on a new tokio runtime for the command line.
//! - [`highlight::segments`]: a sentence cut at its evidence spans.
//! - [`OPENAPI_JSON`]: the OpenAPI 3 description of the API, served at `/api/openapi.json`.
//! - [`demo`]: our hand-coded events for the bundled demo corpus, the stand-in coder of
//!   `demarche demo` until the pipeline is wired in.
//!
//! Inputs are HTTP requests on loopback (127.0.0.1 by default); outputs are JSON records of
//! `demarche_store` (events with mentions, dyad series, documents) and the dashboard's
//! HTML, CSS and JavaScript, which are compiled into the binary (`include_str!`), so the
//! dashboard works offline and from any directory.
//!
//! Design decision: the dashboard is our own plain HTML, CSS and JavaScript with an SVG chart
//! drawn by ~150 lines of our own code, and a map (`assets/map.js`) that draws country outlines
//! shipped as `assets/world.json` (Natural Earth, built by `scripts/build-world-outlines`) with
//! the places of `/api/dyads/{a}/{b}/places`; there is no build step and no third-party script.
//! Rejected alternative: vendoring a chart library (uPlot, Chart.js) — a licence to track and a
//! minified blob to review for one diverging bar chart with a line; for the map, a tile-based
//! library (Leaflet), whose tiles would come from another host, which the page never contacts.
//!
//! Design decision: the OpenAPI document is written by hand as JSON and checked by a test
//! against the router's route table ([`api_routes`]), which is the single list the router is
//! built from. Rejected alternative: generating it with a derive-macro crate (utoipa), which
//! adds build time and annotations on every handler for a nine-route API.
//!
//! ```no_run
//! use demarche_server::{AppState, ServerConfig, router};
//! # async fn example() -> Result<(), Box<dyn std::error::Error>> {
//! let state = AppState::open(ServerConfig::new("demarche.db"))?;
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8421").await?;
//! axum::serve(listener, router(state)).await?;
//! # Ok(()) }
//! ```

mod api;
pub mod demo;
mod error;
pub mod highlight;
mod state;

pub use error::ServerError;
pub use state::{AppState, ServerConfig};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};
use std::future::Future;
use std::net::SocketAddr;
use tower_http::set_header::SetResponseHeaderLayer;

/// The OpenAPI 3 document of the API.
pub const OPENAPI_JSON: &str = include_str!("openapi.json");

const INDEX_HTML: &str = include_str!("assets/index.html");
const APP_JS: &str = include_str!("assets/app.js");
const MAP_JS: &str = include_str!("assets/map.js");
const APP_CSS: &str = include_str!("assets/app.css");
const FAVICON_SVG: &str = include_str!("assets/favicon.svg");
/// Country outlines for the map, built by `scripts/build-world-outlines` from Natural Earth.
const WORLD_JSON: &str = include_str!("assets/world.json");

/// The environment variable that may hold the ingest token instead of the command line
/// (which other users of the machine can read in the process list).
pub const INGEST_TOKEN_ENV: &str = "DEMARCHE_INGEST_TOKEN";

/// One route of the JSON API: method, path (axum and OpenAPI spell parameters alike,
/// `{name}`) and handler.
pub struct ApiRoute {
    pub method: Method,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
}

/// Every route of the JSON API. The router is built from this list and the OpenAPI test
/// compares the document with it, so the two cannot drift apart.
pub fn api_routes(state: &AppState) -> Vec<ApiRoute> {
    let route = |method: Method, path: &'static str, handler: MethodRouter<AppState>| ApiRoute {
        method,
        path,
        handler,
    };
    vec![
        route(Method::GET, "/api/openapi.json", get(openapi)),
        route(Method::GET, "/api/stats", get(api::stats)),
        route(Method::GET, "/api/actors", get(api::actors)),
        route(Method::GET, "/api/events", get(api::events)),
        route(Method::GET, "/api/dyads/{a}/{b}/series", get(api::series)),
        route(Method::GET, "/api/dyads/{a}/{b}/places", get(api::places)),
        route(
            Method::GET,
            "/api/dyads/{a}/{b}/places/{place}/events",
            get(api::place_events),
        ),
        route(Method::GET, "/api/documents/{id}", get(api::document)),
        route(
            Method::POST,
            "/api/ingest",
            post(api::ingest).route_layer(middleware::from_fn_with_state(
                state.clone(),
                require_ingest_token,
            )),
        ),
    ]
}

/// The whole application: the API, the dashboard and its assets.
pub fn router(state: AppState) -> Router {
    let mut app = Router::new();
    for r in api_routes(&state) {
        app = app.route(r.path, r.handler);
    }
    let max_body = state.config().max_body_bytes;
    app.route("/", get(index))
        .route("/assets/{name}", get(asset))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(max_body))
        // Everything the page needs comes from this server: a policy that forbids any other
        // origin keeps the dashboard honest about working offline and blunts injected markup.
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
            ),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .with_state(state)
}

/// Runs `app` on `listener` until `shutdown` resolves; requests in flight are finished.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await?;
    Ok(())
}

/// Opens the store, binds `addr` and serves until Ctrl-C, on a runtime of its own.
/// `on_ready` receives the bound address (useful with port 0) before the first request.
pub fn run(
    config: ServerConfig,
    addr: SocketAddr,
    on_ready: impl FnOnce(SocketAddr),
) -> Result<(), ServerError> {
    let state = AppState::open(config)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServerError::Bind {
                addr: addr.to_string(),
                source,
            })?;
        on_ready(listener.local_addr()?);
        serve(listener, router(state), async {
            // If the signal handler cannot be installed the server runs until killed, which
            // is what a server without Ctrl-C would do anyway.
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
    })
}

async fn require_ingest_token(
    State(app): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ServerError> {
    let Some(expected) = app.config().ingest_token.as_deref() else {
        return Err(ServerError::Forbidden(format!(
            "ingest is disabled on this server: start it with --ingest-token or {INGEST_TOKEN_ENV} to enable POST /api/ingest"
        )));
    };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        // The scheme name is case-insensitive (RFC 9110); the token is not.
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match given {
        None => Err(ServerError::Unauthorized(
            "ingest needs an `Authorization: Bearer TOKEN` header".into(),
        )),
        Some(token) if !same_secret(token.as_bytes(), expected.as_bytes()) => Err(
            ServerError::Unauthorized("the ingest token is wrong".into()),
        ),
        Some(_) => Ok(next.run(request).await),
    }
}

/// Compares two secrets in time that depends only on their lengths, so response times do not
/// reveal how many leading bytes of a guess were right.
fn same_secret(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI_JSON).into_response()
}

async fn index() -> Html<&'static str> {
    Html(INDEX_HTML)
}

async fn asset(Path(name): Path<String>) -> Response {
    let (body, mime) = match name.as_str() {
        "app.js" => (APP_JS, "text/javascript; charset=utf-8"),
        "map.js" => (MAP_JS, "text/javascript; charset=utf-8"),
        "app.css" => (APP_CSS, "text/css; charset=utf-8"),
        "favicon.svg" => (FAVICON_SVG, "image/svg+xml"),
        "world.json" => (WORLD_JSON, "application/json"),
        _ => return not_found().await.into_response(),
    };
    ([(header::CONTENT_TYPE, mime)], body).into_response()
}

async fn not_found() -> ServerError {
    ServerError::NotFound(
        "no such route: the API is described at /api/openapi.json, the dashboard is at /".into(),
    )
}

async fn method_not_allowed(method: Method) -> Response {
    let status = StatusCode::METHOD_NOT_ALLOWED;
    let body = serde_json::json!({
        "error": format!("method {method} is not allowed on this route: see /api/openapi.json"),
        "status": status.as_u16(),
    });
    (status, axum::Json(body)).into_response()
}
