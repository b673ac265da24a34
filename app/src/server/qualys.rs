//! The typed Qualys client: one function per endpoint, typed answers, typed errors.
//!
//! It knows the gateway and the token only for the call it makes ([`Upstream`]); it keeps no
//! per-user state. Errors keep their kind (expired token, rate limited with the wait, bad
//! filter with the upstream message) so pages can say what to do.

use super::limiter::{BudgetReport, Limiter};
use super::session::now_secs;
use super::token::Token;
use crate::model::{AppError, Asset, AssetPage, Filter, FilterError};
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

/// Where a call goes and as whom.
#[derive(Clone, Debug)]
pub struct Upstream {
    pub base: String,
    pub token: Token,
    /// The Qualys subscription the token belongs to: limits are shared per subscription.
    pub subscription: String,
}

impl Upstream {
    pub fn new(base: &str, token: Token) -> Upstream {
        let claims = token.claims();
        let who = claims
            .subscription_id
            .map(|id| id.to_string())
            .or(claims.sub)
            .unwrap_or_default();
        Upstream {
            subscription: format!("{base}#{who}"),
            base: base.to_string(),
            token,
        }
    }
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ClientError {
    #[error("the token was refused (expired or revoked)")]
    Unauthorized,
    #[error("rate limited; wait {wait_secs} s")]
    RateLimited { wait_secs: u64 },
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("not found")]
    NotFound,
    #[error("upstream answered {status}: {message}")]
    Status { status: u16, message: String },
    #[error("upstream timed out")]
    Timeout,
    #[error("upstream unreachable")]
    Unreachable,
    #[error("upstream answer unreadable: {0}")]
    BadResponse(String),
}

impl From<ClientError> for AppError {
    fn from(e: ClientError) -> AppError {
        match e {
            ClientError::Unauthorized => AppError::SessionExpired,
            ClientError::RateLimited { wait_secs } => AppError::RateLimited { wait_secs },
            ClientError::BadRequest(message) => AppError::BadFilter(FilterError {
                index: None,
                field: "filter".into(),
                message,
            }),
            ClientError::NotFound => AppError::NotFound,
            ClientError::Status { status, message } => AppError::Upstream { status, message },
            ClientError::Timeout => AppError::Timeout,
            ClientError::Unreachable => AppError::Unreachable,
            ClientError::BadResponse(m) => AppError::Upstream {
                status: 502,
                message: m,
            },
        }
    }
}

/// The shared HTTP client with its timeouts and the per-subscription limiter. Cheap to clone.
#[derive(Clone)]
pub struct QualysClient {
    http: reqwest::Client,
    limiter: Arc<Limiter>,
    /// A 429 asking to wait at most this long is waited out and retried once.
    retry_max_wait: Duration,
}

pub const COUNT_PATH: &str = "/rest/2.0/count/am/asset";
pub const GET_PATH: &str = "/rest/2.0/get/am/asset";
pub const SEARCH_PATH: &str = "/rest/2.0/search/am/asset";

/// The largest page Qualys serves.
pub const MAX_PAGE_SIZE: u16 = 300;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CountReply {
    count: u64,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct AssetListData {
    asset: Vec<Asset>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct AssetsReply {
    has_more: Option<u8>,
    last_seen_asset_id: Option<u64>,
    asset_list_data: Option<AssetListData>,
}

fn message_of(body: &str) -> String {
    serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| {
            v.get("responseMessage")
                .and_then(Value::as_str)
                .map(str::to_string)
        })
        .unwrap_or_else(|| body.chars().take(200).collect())
}

fn wait_of(headers: &reqwest::header::HeaderMap) -> u64 {
    headers
        .get("X-RateLimit-ToWait-Sec")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(60)
}

fn transport(e: reqwest::Error) -> ClientError {
    if e.is_timeout() {
        ClientError::Timeout
    } else if e.is_connect() || e.is_request() {
        ClientError::Unreachable
    } else {
        ClientError::BadResponse(e.without_url().to_string())
    }
}

/// The error for a non-success answer, by status.
pub fn error_for(
    status: StatusCode,
    headers: &reqwest::header::HeaderMap,
    body: &str,
) -> ClientError {
    match status.as_u16() {
        401 => ClientError::Unauthorized,
        429 | 409 => ClientError::RateLimited {
            wait_secs: wait_of(headers),
        },
        400 | 416 => ClientError::BadRequest(message_of(body)),
        404 => ClientError::NotFound,
        s => ClientError::Status {
            status: s,
            message: message_of(body),
        },
    }
}

impl QualysClient {
    pub fn new(
        timeout: Duration,
        connect_timeout: Duration,
        concurrency: u32,
        retry_max_wait: Duration,
    ) -> QualysClient {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(connect_timeout)
            .user_agent(concat!("qdash/", env!("CARGO_PKG_VERSION")))
            .build()
            .expect("the HTTP client builds with static settings");
        QualysClient {
            http,
            limiter: Arc::new(Limiter::new(concurrency)),
            retry_max_wait,
        }
    }

    /// The subscription's budget as Qualys last reported it.
    pub fn budget(&self, up: &Upstream) -> Option<BudgetReport> {
        self.limiter.budget(&up.subscription)
    }

    /// Sends one data call inside the subscription's concurrency limit, recording the limits
    /// the answer reports.
    async fn send_limited(
        &self,
        up: &Upstream,
        req: reqwest::RequestBuilder,
    ) -> Result<reqwest::Response, ClientError> {
        let _place = self.limiter.acquire(&up.subscription).await;
        let resp = req.send().await.map_err(transport)?;
        self.limiter
            .observe(&up.subscription, resp.headers(), now_secs());
        Ok(resp)
    }

    /// `POST /auth`: exchanges a username and password for a token.
    #[tracing::instrument(skip_all, err)]
    pub async fn auth(
        &self,
        base: &str,
        username: &str,
        password: &str,
    ) -> Result<Token, ClientError> {
        let resp = self
            .http
            .post(format!("{base}/auth"))
            .form(&[
                ("username", username),
                ("password", password),
                ("token", "true"),
            ])
            .send()
            .await
            .map_err(transport)?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let body = resp.text().await.map_err(transport)?;
        match status.as_u16() {
            200 | 201 => Token::new(&body)
                .ok_or_else(|| ClientError::BadResponse("no token in the /auth answer".into())),
            401 | 404 => Err(ClientError::Unauthorized),
            _ => Err(error_for(status, &headers, &body)),
        }
    }

    /// One data call; a 429 with a short wait is waited out and retried once, no more.
    async fn call(
        &self,
        up: &Upstream,
        method: Method,
        path: &str,
        query: &[(&str, String)],
        filter: Option<&Filter>,
    ) -> Result<(StatusCode, String), ClientError> {
        let mut retried = false;
        loop {
            let mut req = self
                .http
                .request(method.clone(), format!("{}{path}", up.base))
                .query(query)
                .header(AUTHORIZATION, up.token.bearer())
                .header(ACCEPT, "application/json");
            if let Some(f) = filter {
                req = req
                    .header(CONTENT_TYPE, "application/json")
                    .body(f.to_json_body());
            }
            let resp = self.send_limited(up, req).await?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp.text().await.map_err(transport)?;
            if status.is_success() {
                return Ok((status, body));
            }
            match error_for(status, &headers, &body) {
                ClientError::RateLimited { wait_secs }
                    if !retried && Duration::from_secs(wait_secs) <= self.retry_max_wait =>
                {
                    tracing::info!(
                        wait_secs,
                        "Qualys rate limited a call; waiting once before retrying"
                    );
                    tokio::time::sleep(Duration::from_secs(wait_secs)).await;
                    retried = true;
                }
                e => return Err(e),
            }
        }
    }

    /// Number of assets matching the filter.
    #[tracing::instrument(skip_all, err)]
    pub async fn count(&self, up: &Upstream, filter: &Filter) -> Result<u64, ClientError> {
        let (_, body) = self
            .call(up, Method::POST, COUNT_PATH, &[], Some(filter))
            .await?;
        serde_json::from_str::<CountReply>(&body)
            .map(|r| r.count)
            .map_err(|e| ClientError::BadResponse(e.to_string()))
    }

    /// One asset in full.
    #[tracing::instrument(skip_all, err)]
    pub async fn get(&self, up: &Upstream, asset_id: u64) -> Result<Asset, ClientError> {
        let (_, body) = self
            .call(
                up,
                Method::GET,
                GET_PATH,
                &[("assetId", asset_id.to_string())],
                None,
            )
            .await?;
        let reply: AssetsReply =
            serde_json::from_str(&body).map_err(|e| ClientError::BadResponse(e.to_string()))?;
        reply
            .asset_list_data
            .and_then(|d| d.asset.into_iter().next())
            .ok_or(ClientError::NotFound)
    }

    /// One page of assets after `cursor`. The next cursor is `None` at the end, and also on
    /// the ends other clients have met: 204, an empty page, no `hasMore`, a cursor that does
    /// not advance.
    #[tracing::instrument(skip_all, err)]
    pub async fn search(
        &self,
        up: &Upstream,
        filter: &Filter,
        cursor: Option<u64>,
        page_size: u16,
        include_fields: Option<&str>,
    ) -> Result<AssetPage, ClientError> {
        let mut query = vec![("pageSize", page_size.clamp(1, MAX_PAGE_SIZE).to_string())];
        if let Some(c) = cursor.filter(|c| *c > 0) {
            query.push(("lastSeenAssetId", c.to_string()));
        }
        if let Some(f) = include_fields {
            query.push(("includeFields", f.to_string()));
        }
        let (status, body) = self
            .call(up, Method::POST, SEARCH_PATH, &query, Some(filter))
            .await?;
        if status == StatusCode::NO_CONTENT || body.trim().is_empty() {
            return Ok(AssetPage::default());
        }
        let reply: AssetsReply =
            serde_json::from_str(&body).map_err(|e| ClientError::BadResponse(e.to_string()))?;
        let assets = reply.asset_list_data.map(|d| d.asset).unwrap_or_default();
        let advanced = reply
            .last_seen_asset_id
            .filter(|last| *last > cursor.unwrap_or(0));
        let next_cursor = match (reply.has_more, assets.is_empty()) {
            (Some(1), false) => advanced,
            _ => None,
        };
        Ok(AssetPage {
            assets,
            next_cursor,
        })
    }

    /// The raw pass-through: forwards a request as-is and hands back the upstream response.
    pub async fn forward(
        &self,
        up: &Upstream,
        method: Method,
        path: &str,
        query: &[(String, String)],
        headers: &[(reqwest::header::HeaderName, String)],
        body: bytes::Bytes,
    ) -> Result<reqwest::Response, ClientError> {
        let mut req = self
            .http
            .request(method, format!("{}{path}", up.base))
            .query(query)
            .header(AUTHORIZATION, up.token.bearer());
        for (name, value) in headers {
            req = req.header(name, value);
        }
        self.send_limited(up, req.body(body)).await
    }
}
