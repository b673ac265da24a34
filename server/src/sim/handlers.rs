//! The simulator's HTTP surface: `/auth`, the three asset endpoints (GET and POST each), and
//! `/__sim/` to switch latency, faults and limits while a test runs.

use super::auth::{self, TokenError};
use super::body;
use super::inventory::SimAsset;
use super::limits::Usage;
use super::query::Query;
use super::render::{render, FieldSelection};
use super::{Behaviour, SimState, Stats};
use app::model::date::parse_iso;
use axum::body::Bytes;
use axum::extract::{RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

type Sim = Arc<SimState>;

pub fn router(state: Sim) -> Router {
    Router::new()
        .route("/auth", post(auth_handler))
        .route("/rest/2.0/count/am/asset", get(count).post(count))
        .route("/rest/2.0/get/am/asset", get(get_asset).post(get_asset))
        .route("/rest/2.0/search/am/asset", get(search).post(search))
        .route("/__sim/config", get(show_config).post(set_config))
        .route("/__sim/expire-tokens", post(expire_tokens))
        .route("/__sim/stats", get(show_stats))
        .route("/__sim/reset", post(reset))
        .with_state(state)
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

async fn auth_handler(State(sim): State<Sim>, body: Bytes) -> Response {
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let (Some(username), Some(password), Some(token)) =
        (field("username"), field("password"), field("token"))
    else {
        return (
            StatusCode::BAD_REQUEST,
            "username, password and token=true are required",
        )
            .into_response();
    };
    if token != "true" {
        return (StatusCode::BAD_REQUEST, "token must be true").into_response();
    }
    sim.stats.lock().expect("stats lock").auth += 1;
    let Some(user) = auth::check_password(username, password) else {
        return (StatusCode::UNAUTHORIZED, "Invalid username or password").into_response();
    };
    let key = sim.key.read().expect("key lock").1.clone();
    let jwt = auth::issue(&key, user, now_secs(), sim.token_ttl_secs);
    (
        StatusCode::CREATED,
        [(header::CONTENT_TYPE, "text/plain;charset=UTF-8")],
        jwt,
    )
        .into_response()
}

#[derive(Clone, Copy, PartialEq)]
enum Endpoint {
    Count,
    Get,
    Search,
}

/// How the client wants the answer.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Xml,
}

fn wants(headers: &HeaderMap) -> Format {
    let accept = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if accept.contains("application/xml") || accept.contains("text/xml") {
        Format::Xml
    } else {
        Format::Json
    }
}

fn encode(format: Format, status: StatusCode, v: &Value) -> Response {
    match format {
        Format::Json => (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            v.to_string(),
        )
            .into_response(),
        Format::Xml => (
            status,
            [(header::CONTENT_TYPE, "application/xml")],
            body::to_xml(v),
        )
            .into_response(),
    }
}

fn failed(format: Format, status: StatusCode, message: &str) -> Response {
    encode(
        format,
        status,
        &json!({ "responseCode": "FAILED", "responseMessage": message }),
    )
}

fn usage_headers(resp: &mut Response, u: &Usage) {
    let h = resp.headers_mut();
    let mut put = |name: &'static str, v: String| {
        h.insert(
            name,
            HeaderValue::from_str(&v).expect("digits are a valid header"),
        );
    };
    put("X-RateLimit-Limit", u.limit.to_string());
    put("X-RateLimit-Window-Sec", u.window_secs.to_string());
    put("X-RateLimit-Remaining", u.remaining.to_string());
    put("X-Concurrency-Limit-Limit", u.concurrency_limit.to_string());
    put("X-Concurrency-Limit-Running", u.running.to_string());
}

/// The query parameters of the three endpoints.
#[derive(Default)]
struct Params {
    asset_id: Option<String>,
    cursor: Option<String>,
    page_size: Option<String>,
    include: Option<String>,
    exclude: Option<String>,
    updated_since: Option<String>,
}

fn params(raw: Option<&str>) -> Params {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let mut p = Params::default();
    for (k, v) in pairs {
        let slot = match k.as_str() {
            "assetId" => &mut p.asset_id,
            "lastSeenAssetId" => &mut p.cursor,
            "pageSize" => &mut p.page_size,
            "includeFields" => &mut p.include,
            "excludeFields" => &mut p.exclude,
            "assetLastUpdated" => &mut p.updated_since,
            _ => continue,
        };
        *slot = Some(v);
    }
    p
}

async fn count(sim: State<Sim>, headers: HeaderMap, q: RawQuery, body: Bytes) -> Response {
    data_call(sim, Endpoint::Count, headers, q, body).await
}
async fn get_asset(sim: State<Sim>, headers: HeaderMap, q: RawQuery, body: Bytes) -> Response {
    data_call(sim, Endpoint::Get, headers, q, body).await
}
async fn search(sim: State<Sim>, headers: HeaderMap, q: RawQuery, body: Bytes) -> Response {
    data_call(sim, Endpoint::Search, headers, q, body).await
}

/// One data call: token, limits, latency, faults, then the answer, with the usage headers.
async fn data_call(
    State(sim): State<Sim>,
    endpoint: Endpoint,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Bytes,
) -> Response {
    let format = wants(&headers);
    let authz = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let key = sim.key.read().expect("key lock").1.clone();
    let claims = match auth::verify(&key, authz, now_secs()) {
        Ok(c) => c,
        Err(e) => {
            let msg = match e {
                TokenError::Missing => "Authorization header is missing",
                TokenError::Malformed => "Malformed bearer token",
                TokenError::BadSignature => "Invalid token",
                TokenError::Expired => "Token has expired",
            };
            return failed(format, StatusCode::UNAUTHORIZED, msg);
        }
    };
    let Some(user) = claims.user() else {
        return failed(format, StatusCode::UNAUTHORIZED, "Unknown user");
    };
    let behaviour = sim.behaviour.read().expect("behaviour lock").clone();
    let slot = match sim.limiter.acquire(
        claims.subscription_id,
        behaviour.rate_limit,
        behaviour.rate_window_secs,
        behaviour.concurrency,
    ) {
        Ok(slot) => slot,
        Err(refused) => {
            sim.stats.lock().expect("stats lock").limited += 1;
            let mut resp = failed(
                format,
                StatusCode::TOO_MANY_REQUESTS,
                &format!(
                    "API rate or concurrency limit exceeded; retry after {} s",
                    refused.to_wait_secs
                ),
            );
            usage_headers(&mut resp, &refused.usage);
            resp.headers_mut().insert(
                "X-RateLimit-ToWait-Sec",
                HeaderValue::from(refused.to_wait_secs),
            );
            return resp;
        }
    };
    {
        let mut stats = sim.stats.lock().expect("stats lock");
        match endpoint {
            Endpoint::Count => stats.count += 1,
            Endpoint::Get => stats.get += 1,
            Endpoint::Search => stats.search += 1,
        }
        stats.peak_running = stats.peak_running.max(slot.usage.running);
    }
    let (delay, fail, truncate) = {
        let mut rng = sim.faults.lock().expect("faults lock");
        let jitter = if behaviour.jitter_ms > 0 {
            rng.below(behaviour.jitter_ms + 1)
        } else {
            0
        };
        let fail = rng.chance(behaviour.error_rate).then(|| rng.chance(0.5));
        (
            behaviour.latency_ms + jitter,
            fail,
            rng.chance(behaviour.truncate_rate),
        )
    };
    if delay > 0 {
        tokio::time::sleep(Duration::from_millis(delay)).await;
    }
    let mut resp = if let Some(unavailable) = fail {
        if unavailable {
            failed(
                format,
                StatusCode::SERVICE_UNAVAILABLE,
                "Service temporarily unavailable",
            )
        } else {
            failed(format, StatusCode::INTERNAL_SERVER_ERROR, "Internal error")
        }
    } else {
        let content_type = headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string();
        let sim2 = sim.clone();
        let answer = tokio::task::spawn_blocking(move || {
            answer(
                &sim2,
                endpoint,
                user.scope_tag,
                &params(query.as_deref()),
                &content_type,
                &body,
                &behaviour,
            )
        })
        .await;
        match answer {
            Ok(Ok(Some(Reply::Tree(v)))) => encode(format, StatusCode::OK, &v),
            Ok(Ok(Some(Reply::Search(page)))) => match format {
                Format::Json => (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "application/json")],
                    serde_json::to_string(&page).expect("pages serialise"),
                )
                    .into_response(),
                Format::Xml => encode(
                    format,
                    StatusCode::OK,
                    &serde_json::to_value(&page).expect("pages serialise"),
                ),
            },
            Ok(Ok(None)) => StatusCode::NO_CONTENT.into_response(),
            Ok(Err((status, msg))) => failed(format, status, &msg),
            Err(_) => failed(format, StatusCode::INTERNAL_SERVER_ERROR, "Internal error"),
        }
    };
    if truncate && resp.status() == StatusCode::OK {
        resp = truncated(resp).await;
    }
    usage_headers(&mut resp, &slot.usage);
    drop(slot);
    resp
}

/// Cuts a body in half, keeping status and headers: a connection that died mid-answer.
async fn truncated(resp: Response) -> Response {
    let (parts, body) = resp.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX)
        .await
        .unwrap_or_default();
    let half = bytes.slice(..bytes.len() / 2);
    let mut parts = parts;
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(half))
}

/// A search page: records are rendered straight to JSON text (on every core), then embedded
/// as they are, so a 300-asset page never becomes one big value tree.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
struct SearchReply {
    response_message: &'static str,
    count: usize,
    response_code: &'static str,
    last_seen_asset_id: Option<u64>,
    has_more: u8,
    asset_list_data: AssetList,
}

#[derive(serde::Serialize)]
struct AssetList {
    asset: Vec<Box<serde_json::value::RawValue>>,
}

enum Reply {
    Tree(Value),
    Search(SearchReply),
}

type Answer = Result<Option<Reply>, (StatusCode, String)>;

/// Renders records to JSON text, split across the machine's cores.
fn render_all(
    assets: &[&SimAsset],
    seed: u64,
    fields: &FieldSelection,
) -> Vec<Box<serde_json::value::RawValue>> {
    let one = |a: &&SimAsset| {
        let text = serde_json::to_string(&render(a, seed, fields)).expect("records serialise");
        serde_json::value::RawValue::from_string(text).expect("serde_json wrote valid JSON")
    };
    let cores = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if assets.len() < 32 || cores == 1 {
        return assets.iter().map(one).collect();
    }
    let chunk = assets.len().div_ceil(cores);
    std::thread::scope(|s| {
        let parts: Vec<_> = assets
            .chunks(chunk)
            .map(|c| s.spawn(move || c.iter().map(one).collect::<Vec<_>>()))
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("rendering does not panic"))
            .collect()
    })
}

fn answer(
    sim: &SimState,
    endpoint: Endpoint,
    scope_tag: Option<u16>,
    p: &Params,
    content_type: &str,
    body: &[u8],
    behaviour: &Behaviour,
) -> Answer {
    let bad = |m: String| (StatusCode::BAD_REQUEST, m);
    let inv = &sim.inventory;
    let fields = FieldSelection::parse(p.include.as_deref(), p.exclude.as_deref()).map_err(bad)?;
    if endpoint == Endpoint::Get {
        let raw = p
            .asset_id
            .as_deref()
            .ok_or_else(|| bad("assetId is required".into()))?;
        let id: u64 = raw
            .trim()
            .parse()
            .map_err(|_| bad(format!("assetId must be a whole number (got \"{raw}\")")))?;
        let asset = inv
            .get(id)
            .filter(|a| scope_tag.is_none_or(|t| a.tags.contains(&t)))
            .ok_or((StatusCode::NOT_FOUND, format!("No asset with id {id}")))?;
        return Ok(Some(Reply::Tree(json!({
            "responseMessage": "Valid API Access",
            "count": 1,
            "responseCode": "SUCCESS",
            "lastSeenAssetId": null,
            "hasMore": 0,
            "assetListData": { "asset": [render(asset, inv.seed, &fields)] }
        }))));
    }
    let text = std::str::from_utf8(body).map_err(|_| bad("the filter body is not UTF-8".into()))?;
    let filter = if content_type.contains("xml") {
        body::parse_xml(text)
    } else {
        body::parse_json(text)
    }
    .map_err(|e| bad(format!("Invalid filter: {}: {}", e.field, e.message)))?;
    let cursor = match p.cursor.as_deref().map(str::trim) {
        None | Some("") => 0,
        Some(c) => c.parse().map_err(|_| {
            bad(format!(
                "lastSeenAssetId must be a whole number (got \"{c}\")"
            ))
        })?,
    };
    let updated_since = match p.updated_since.as_deref() {
        None => None,
        Some(d) => Some(
            parse_iso(d)
                .ok_or_else(|| {
                    bad(format!(
                        "assetLastUpdated must be an ISO-8601 date (got \"{d}\")"
                    ))
                })?
                .millis,
        ),
    };
    let query = Query::compile(&filter, scope_tag, updated_since)
        .map_err(|e| bad(format!("Invalid filter: {}: {}", e.field, e.message)))?;
    if endpoint == Endpoint::Count {
        return Ok(Some(Reply::Tree(json!({
            "count": query.count(inv, cursor),
            "responseCode": "SUCCESS",
            "responseMessage": "Valid API Access"
        }))));
    }
    let page_size = match p.page_size.as_deref().map(str::trim) {
        None | Some("") => 100,
        Some(s) => match s.parse::<i64>() {
            Ok(n) if n > 300 => {
                return Err((
                    StatusCode::RANGE_NOT_SATISFIABLE,
                    format!("pageSize {n} is above the maximum of 300"),
                ))
            }
            Ok(n) if n >= 1 => n as usize,
            _ => {
                return Err(bad(format!(
                    "pageSize must be a whole number from 1 to 300 (got \"{s}\")"
                )))
            }
        },
    };
    let (page, more) = query.page(inv, cursor, page_size);
    if page.is_empty() && behaviour.no_content_at_end {
        return Ok(None);
    }
    // With the fault on, the last page and empty pages all claim more follow.
    let has_more = more || behaviour.empty_has_more;
    Ok(Some(Reply::Search(SearchReply {
        response_message: "Valid API Access",
        count: page.len(),
        response_code: "SUCCESS",
        last_seen_asset_id: page.last().map(|a| a.id),
        has_more: has_more as u8,
        asset_list_data: AssetList {
            asset: render_all(&page, inv.seed, &fields),
        },
    })))
}

async fn show_config(State(sim): State<Sim>) -> Json<Behaviour> {
    Json(sim.behaviour.read().expect("behaviour lock").clone())
}

/// Merges the given fields into the running behaviour: `{"latency_ms": 200}` changes only that.
async fn set_config(State(sim): State<Sim>, Json(patch): Json<Value>) -> Response {
    let mut current = serde_json::to_value(sim.behaviour.read().expect("behaviour lock").clone())
        .expect("behaviour serialises");
    let (Value::Object(cur), Value::Object(patch)) = (&mut current, patch) else {
        return (
            StatusCode::BAD_REQUEST,
            "send a JSON object of the fields to change",
        )
            .into_response();
    };
    for (k, v) in patch {
        if !cur.contains_key(&k) {
            return (StatusCode::BAD_REQUEST, format!("unknown setting \"{k}\"")).into_response();
        }
        cur.insert(k, v);
    }
    match serde_json::from_value::<Behaviour>(current) {
        Ok(b) => {
            *sim.behaviour.write().expect("behaviour lock") = b.clone();
            Json(b).into_response()
        }
        Err(e) => (StatusCode::BAD_REQUEST, format!("bad setting: {e}")).into_response(),
    }
}

async fn expire_tokens(State(sim): State<Sim>) -> StatusCode {
    let mut key = sim.key.write().expect("key lock");
    let generation = key.0 + 1;
    *key = (
        generation,
        auth::signing_key(sim.inventory.seed, generation),
    );
    StatusCode::NO_CONTENT
}

async fn show_stats(State(sim): State<Sim>) -> Json<Stats> {
    Json(sim.stats.lock().expect("stats lock").clone())
}

/// Zeroes the counters and forgets the calls in the rate window.
async fn reset(State(sim): State<Sim>) -> StatusCode {
    *sim.stats.lock().expect("stats lock") = Stats::default();
    sim.limiter.reset();
    StatusCode::NO_CONTENT
}
