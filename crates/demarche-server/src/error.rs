//! The server's errors and how they become HTTP responses: a status code and a JSON body
//! `{"error": "...", "status": 400}` whose message says what was wrong and what was expected.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Errors of the server crate: those a request causes (mapped to 4xx) and those the store or the
/// runtime causes (5xx, or a failure to start).
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A parameter, path segment or body the client sent is not acceptable.
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    /// Ingest needs a bearer token and the request had none or a wrong one.
    #[error("{0}")]
    Unauthorized(String),
    /// Ingest is switched off on this server.
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    PayloadTooLarge(String),
    #[error("store error: {0}")]
    Store(#[from] demarche_store::StoreError),
    /// A blocking store task panicked or was cancelled.
    #[error("internal error: {0}")]
    Internal(String),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: String,
        #[source]
        source: std::io::Error,
    },
    #[error("server stopped: {0}")]
    Io(#[from] std::io::Error),
}

impl ServerError {
    pub fn status(&self) -> StatusCode {
        match self {
            ServerError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServerError::NotFound(_) => StatusCode::NOT_FOUND,
            ServerError::Unauthorized(_) => StatusCode::UNAUTHORIZED,
            ServerError::Forbidden(_) => StatusCode::FORBIDDEN,
            ServerError::PayloadTooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            // The store checks queries too (an empty actor, a reversed date range): the
            // client's fault, not the server's.
            ServerError::Store(demarche_store::StoreError::InvalidQuery(_)) => {
                StatusCode::BAD_REQUEST
            }
            ServerError::Store(_)
            | ServerError::Internal(_)
            | ServerError::Bind { .. }
            | ServerError::Io(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl IntoResponse for ServerError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = Json(json!({ "error": self.to_string(), "status": status.as_u16() }));
        let mut response = (status, body).into_response();
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
