//! The Qualys simulator: a faithful CSAM / Global AssetView API v2 gateway over real HTTP.
//!
//! qdash's demo upstream and the upstream of every test and benchmark. It shares only the wire
//! types and the filter model with qdash (`app::model`), never its client, planner or cache, so
//! it stays an independent upstream.
//!
//! Layout:
//! - [`inventory`], [`catalog`], [`seed_assets`], [`rng`]: the deterministic asset inventory;
//! - [`render`]: full asset records and `includeFields`/`excludeFields`;
//! - [`query`]: filter evaluation and paging;
//! - [`body`]: JSON/XML filter bodies in, XML responses out;
//! - [`auth`]: `/auth` and HS512 bearer tokens; [`limits`]: rate and concurrency limits;
//! - [`handlers`]: the HTTP surface, faults and the `/__sim/` control endpoint.

pub mod auth;
pub mod body;
pub mod catalog;
pub mod handlers;
pub mod inventory;
pub mod limits;
pub mod query;
pub mod render;
pub mod rng;
pub mod seed_assets;

use clap::Parser;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, RwLock};
use tokio::net::TcpListener;

/// How the simulator behaves. Every field is a `qualys-sim` flag, and the run-time part
/// ([`Behaviour`]) can be switched while running through `POST /__sim/config`.
#[derive(Parser, Debug, Clone)]
#[command(
    name = "qualys-sim",
    about = "A faithful Qualys CSAM / Global AssetView API v2 gateway for demos, tests and benchmarks"
)]
pub struct SimConfig {
    /// Number of assets in the inventory (the two documented seed assets included).
    #[arg(long, env = "SIM_ASSETS", default_value_t = 5000)]
    pub assets: usize,
    /// Seed of the inventory: the same seed gives byte-identical responses.
    #[arg(long, env = "SIM_SEED", default_value_t = 1)]
    pub seed: u64,
    /// Lifetime of issued tokens in seconds (Qualys: 4 hours).
    #[arg(long, env = "SIM_TOKEN_TTL_SECS", default_value_t = 14_400)]
    pub token_ttl_secs: u64,
    #[command(flatten)]
    pub behaviour: Behaviour,
}

impl Default for SimConfig {
    fn default() -> Self {
        SimConfig::parse_from(["qualys-sim"])
    }
}

/// Limits, latency and faults; all switchable at run time.
#[derive(clap::Args, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Behaviour {
    /// Calls allowed per subscription in the rolling window (Qualys default: 300).
    #[arg(long, env = "SIM_RATE_LIMIT", default_value_t = 300)]
    pub rate_limit: u32,
    /// Length of the rolling rate window in seconds (Qualys default: 3600).
    #[arg(long, env = "SIM_RATE_WINDOW_SECS", default_value_t = 3600)]
    pub rate_window_secs: u64,
    /// Calls allowed at once per subscription (Qualys default: 2).
    #[arg(long, env = "SIM_CONCURRENCY", default_value_t = 2)]
    pub concurrency: u32,
    /// Fixed latency added to every data call, in milliseconds.
    #[arg(long, env = "SIM_LATENCY_MS", default_value_t = 0)]
    pub latency_ms: u64,
    /// Extra random latency of up to this many milliseconds per data call.
    #[arg(long, env = "SIM_JITTER_MS", default_value_t = 0)]
    pub jitter_ms: u64,
    /// Share of data calls (0.0–1.0) answered with a 500 or 503.
    #[arg(long, env = "SIM_ERROR_RATE", default_value_t = 0.0)]
    pub error_rate: f64,
    /// Share of data calls (0.0–1.0) whose JSON body is cut off half-way.
    #[arg(long, env = "SIM_TRUNCATE_RATE", default_value_t = 0.0)]
    pub truncate_rate: f64,
    /// Report `hasMore: 1` on the last page and on empty pages (seen from the real service).
    #[arg(long, env = "SIM_EMPTY_HAS_MORE", default_value_t = false)]
    pub empty_has_more: bool,
    /// Answer an empty search page with 204 No Content (seen from the real service).
    #[arg(long, env = "SIM_NO_CONTENT_AT_END", default_value_t = false)]
    pub no_content_at_end: bool,
}

impl Default for Behaviour {
    fn default() -> Self {
        SimConfig::default().behaviour
    }
}

/// Calls answered, by endpoint, for tests and benchmarks that count upstream calls.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct Stats {
    pub auth: u64,
    pub count: u64,
    pub get: u64,
    pub search: u64,
    /// Data calls refused with 429.
    pub limited: u64,
    /// Most data calls seen running at once for one subscription.
    pub peak_running: u32,
}

impl Stats {
    pub fn data_calls(&self) -> u64 {
        self.count + self.get + self.search
    }
}

/// Everything a running simulator shares between requests.
pub struct SimState {
    pub inventory: inventory::Inventory,
    pub token_ttl_secs: u64,
    pub behaviour: RwLock<Behaviour>,
    /// Signing key generation; bumped to expire every issued token.
    pub key: RwLock<(u64, Vec<u8>)>,
    pub limiter: limits::Limiter,
    pub stats: Mutex<Stats>,
    pub faults: Mutex<rng::Rng>,
}

impl SimState {
    pub fn new(config: &SimConfig) -> Arc<SimState> {
        Arc::new(SimState {
            inventory: inventory::Inventory::generate(config.assets, config.seed),
            token_ttl_secs: config.token_ttl_secs,
            behaviour: RwLock::new(config.behaviour.clone()),
            key: RwLock::new((0, auth::signing_key(config.seed, 0))),
            limiter: limits::Limiter::default(),
            stats: Mutex::new(Stats::default()),
            faults: Mutex::new(rng::Rng::new(config.seed ^ 0xFA17)),
        })
    }
}

/// A simulator serving on a local port, for demo mode and tests.
pub struct RunningSim {
    pub addr: SocketAddr,
    pub state: Arc<SimState>,
}

impl RunningSim {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

/// Starts the simulator in this process on `listen` (port 0 picks a free port).
pub async fn spawn(config: SimConfig, listen: SocketAddr) -> std::io::Result<RunningSim> {
    let state = tokio::task::spawn_blocking(move || SimState::new(&config))
        .await
        .map_err(std::io::Error::other)?;
    let listener = TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    let app = handlers::router(state.clone());
    tokio::spawn(async move {
        if let Err(e) = crate::startup::serve(listener, app).await {
            tracing::error!(error = %e, "qualys-sim stopped");
        }
    });
    Ok(RunningSim { addr, state })
}
