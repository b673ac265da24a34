//! The raw pass-through: `/qualys/rest/2.0/{count,get,search}/am/asset` forwarded to the
//! session's gateway with the session's token, so every Qualys curl sample works against
//! qdash with the session cookie in place of the bearer header. Anything else under
//! `/qualys/` is a 404: qdash is not an open relay.

use app::server::{AppState, ClientError, Upstream, UserSession};
use axum::body::{Body, Bytes};
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderName, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Query parameters Qualys documents for the three endpoints; others are dropped.
const FORWARDED_PARAMS: &[&str] = &[
    "assetId",
    "lastSeenAssetId",
    "pageSize",
    "includeFields",
    "excludeFields",
    "assetLastUpdated",
];

/// Upstream headers handed back unchanged.
const RETURNED_HEADERS: &[&str] = &[
    "content-type",
    "x-ratelimit-limit",
    "x-ratelimit-window-sec",
    "x-ratelimit-remaining",
    "x-ratelimit-towait-sec",
    "x-concurrency-limit-limit",
    "x-concurrency-limit-running",
];

fn json_error(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        json!({ "error": message }).to_string(),
    )
        .into_response()
}

pub async fn not_found() -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        "qdash forwards only /qualys/rest/2.0/count/am/asset, /qualys/rest/2.0/get/am/asset and /qualys/rest/2.0/search/am/asset",
    )
}

pub async fn forward(
    State(state): State<AppState>,
    session: UserSession,
    Path(endpoint): Path<String>,
    method: Method,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    if !matches!(endpoint.as_str(), "count" | "get" | "search") {
        return not_found().await;
    }
    if !matches!(method, Method::GET | Method::POST) {
        return json_error(StatusCode::METHOD_NOT_ALLOWED, "use GET or POST");
    }
    let login = match session.login().await {
        Ok(Some(l)) => l,
        Ok(None) => {
            return json_error(
                StatusCode::UNAUTHORIZED,
                "not logged in: log in at /login first",
            )
        }
        Err(e) => return json_error(StatusCode::SERVICE_UNAVAILABLE, &e.to_string()),
    };
    let Some(platform) = state.platforms.find(&login.platform) else {
        session.end().await;
        return json_error(
            StatusCode::UNAUTHORIZED,
            "your platform is no longer offered: log in again",
        );
    };
    let upstream = Upstream::new(&platform.url, login.token);
    let params: Vec<(String, String)> =
        serde_urlencoded::from_str::<Vec<(String, String)>>(query.as_deref().unwrap_or(""))
            .unwrap_or_default()
            .into_iter()
            .filter(|(k, _)| FORWARDED_PARAMS.contains(&k.as_str()))
            .collect();
    let pass: Vec<(HeaderName, String)> = [header::CONTENT_TYPE, header::ACCEPT]
        .into_iter()
        .filter_map(|name| {
            headers
                .get(&name)
                .and_then(|v| v.to_str().ok())
                .map(|v| (name.clone(), v.to_string()))
        })
        .collect();
    let path = format!("/rest/2.0/{endpoint}/am/asset");
    let resp = match state
        .qualys
        .forward(&upstream, method, &path, &params, &pass, body)
        .await
    {
        Ok(r) => r,
        Err(ClientError::Timeout) => {
            return json_error(StatusCode::GATEWAY_TIMEOUT, "Qualys did not answer in time")
        }
        Err(e) => return json_error(StatusCode::BAD_GATEWAY, &e.to_string()),
    };
    let status = StatusCode::from_u16(resp.status().as_u16()).unwrap_or(StatusCode::BAD_GATEWAY);
    if status == StatusCode::UNAUTHORIZED {
        session.expire().await;
    }
    let mut out = Response::builder().status(status);
    for name in RETURNED_HEADERS {
        if let Some(v) = resp.headers().get(*name) {
            out = out.header(*name, v.as_bytes());
        }
    }
    let bytes = match resp.bytes().await {
        Ok(b) => b,
        Err(_) => return json_error(StatusCode::BAD_GATEWAY, "the Qualys answer was cut off"),
    };
    out.body(Body::from(bytes))
        .unwrap_or_else(|_| json_error(StatusCode::BAD_GATEWAY, "unreadable Qualys answer"))
}
