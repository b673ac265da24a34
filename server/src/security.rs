//! Security that applies to every response: headers, a same-origin check on state-changing
//! requests, and the login gate that sends anonymous page views to `/login`.

use app::components::error_view::urlencode;
use app::server::UserSession;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// For responses that set no policy of their own (JSON, files): allow nothing to run.
const DEFAULT_CSP: &str = "default-src 'none'; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

pub async fn headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(DEFAULT_CSP));
    resp
}

/// Refuses state-changing requests that a browser says come from another site.
pub async fn same_origin(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let h = req.headers();
    let cross_site = h.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site");
    let host = h.get(header::HOST).and_then(|v| v.to_str().ok());
    let origin_mismatch = h
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| {
            let origin_host = origin.split_once("://").map_or(origin, |(_, rest)| rest);
            origin == "null" || Some(origin_host) != host
        });
    if cross_site || origin_mismatch {
        return (StatusCode::FORBIDDEN, "cross-site request refused").into_response();
    }
    next.run(req).await
}

/// Pages need a login: an anonymous view of one goes to `/login`, remembering where it was going.
pub async fn require_login(session: UserSession, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_page = req.method() == Method::GET
        && (path == "/" || path == "/assets" || path.starts_with("/assets/"));
    if !is_page {
        return next.run(req).await;
    }
    match session.login().await {
        Ok(Some(_)) => next.run(req).await,
        Ok(None) => {
            let here = req
                .uri()
                .path_and_query()
                .map(|pq| pq.as_str())
                .unwrap_or("/");
            let why = if session.take_expired().await {
                "error=expired&"
            } else {
                ""
            };
            Redirect::to(&format!("/login?{why}next={}", urlencode(here))).into_response()
        }
        Err(e) => (StatusCode::SERVICE_UNAVAILABLE, e.to_string()).into_response(),
    }
}
