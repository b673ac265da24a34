//! qdash's configuration: one struct, every field a documented flag with an environment
//! variable, so `qdash --help` is the reference and deployments need no config file.

use clap::Parser;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Parser, Debug, Clone)]
#[command(
    name = "qdash",
    version,
    about = "A web dashboard over the Qualys CSAM / Global AssetView API v2.\n\nWith no platform or gateway configured, qdash starts in demo mode on its embedded Qualys simulator (log in as demo/demo)."
)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "QDASH_LISTEN", default_value = "127.0.0.1:3000")]
    pub listen: SocketAddr,

    /// Folder holding the built site (`pkg/` with the WASM, CSS and JS). Defaults to `site/`
    /// beside the executable when present, else `target/site`.
    #[arg(long, env = "QDASH_SITE_ROOT")]
    pub site_root: Option<PathBuf>,

    /// Qualys platforms offered at login, comma-separated ids (US1, EU2, ...). Default: all.
    #[arg(long, env = "QDASH_PLATFORMS", value_delimiter = ',')]
    pub platforms: Option<Vec<String>>,

    /// Extra gateway offered at login, as NAME=URL (private clouds, a separate qualys-sim).
    /// Repeat for several.
    #[arg(long = "gateway", env = "QDASH_GATEWAYS", value_delimiter = ' ')]
    pub gateways: Vec<String>,

    /// Demo mode: embed the Qualys simulator and offer it at login as "DEMO". On by default
    /// when neither --platforms nor --gateway is given.
    #[arg(long, env = "QDASH_DEMO")]
    pub demo: Option<bool>,

    /// Demo mode: number of simulated assets.
    #[arg(long, env = "QDASH_DEMO_ASSETS", default_value_t = 5000)]
    pub demo_assets: usize,

    /// Demo mode: inventory seed.
    #[arg(long, env = "QDASH_DEMO_SEED", default_value_t = 1)]
    pub demo_seed: u64,

    /// Demo mode: simulated calls per hour. Raised from Qualys' 300 so a demo is not locked out;
    /// set 300 to feel the real budget.
    #[arg(long, env = "QDASH_DEMO_RATE_LIMIT", default_value_t = 3000)]
    pub demo_rate_limit: u32,

    /// Demo mode: simulated calls at once (Qualys: 2).
    #[arg(long, env = "QDASH_DEMO_CONCURRENCY", default_value_t = 2)]
    pub demo_concurrency: u32,

    /// Demo mode: latency added to each simulated call, in milliseconds.
    #[arg(long, env = "QDASH_DEMO_LATENCY_MS", default_value_t = 0)]
    pub demo_latency_ms: u64,

    /// Minutes of inactivity after which a session ends (it also ends when its Qualys token does).
    #[arg(long, env = "QDASH_SESSION_IDLE_MINUTES", default_value_t = 60)]
    pub session_idle_minutes: i64,

    /// Mark the session cookie `Secure` (send it over https only). Turn on behind https.
    #[arg(long, env = "QDASH_SECURE_COOKIE", default_value_t = false)]
    pub secure_cookie: bool,

    /// Seconds to wait for a Qualys answer before giving up.
    #[arg(long, env = "QDASH_UPSTREAM_TIMEOUT_SECS", default_value_t = 60)]
    pub upstream_timeout_secs: u64,

    /// Seconds to wait for a connection to Qualys.
    #[arg(
        long,
        env = "QDASH_UPSTREAM_CONNECT_TIMEOUT_SECS",
        default_value_t = 10
    )]
    pub upstream_connect_timeout_secs: u64,

    /// Seconds an answer from Qualys is reused for the same user and request. Cards show
    /// "as of" and offer a refresh that bypasses it.
    #[arg(long, env = "QDASH_CACHE_TTL_SECS", default_value_t = 300)]
    pub cache_ttl_secs: u64,

    /// Calls qdash makes at once per Qualys subscription (Qualys allows 2 by default); raised
    /// or lowered automatically to what Qualys reports in X-Concurrency-Limit-Limit.
    #[arg(long, env = "QDASH_CONCURRENCY", default_value_t = 2)]
    pub concurrency: u32,

    /// When Qualys answers 429 asking to wait at most this many seconds, qdash waits and
    /// retries once; longer waits are shown to the user instead.
    #[arg(long, env = "QDASH_RETRY_MAX_WAIT_SECS", default_value_t = 10)]
    pub retry_max_wait_secs: u64,

    /// Most upstream calls one breakdown crawl may spend (an OR filter over a large set would
    /// need more; it is refused with a message rather than burning the team's budget).
    #[arg(long, env = "QDASH_CRAWL_MAX_CALLS", default_value_t = 60)]
    pub crawl_max_calls: u64,

    /// Largest filter body the pass-through accepts, in bytes (larger: 413).
    #[arg(long, env = "QDASH_MAX_BODY_BYTES", default_value_t = 64 * 1024)]
    pub max_body_bytes: usize,
}

impl Config {
    pub fn demo_enabled(&self) -> bool {
        self.demo
            .unwrap_or(self.platforms.is_none() && self.gateways.is_empty())
    }

    pub fn site_root(&self) -> PathBuf {
        if let Some(root) = &self.site_root {
            return root.clone();
        }
        let beside_exe = std::env::current_exe()
            .ok()
            .and_then(|p| p.parent().map(|d| d.join("site")));
        match beside_exe {
            Some(dir) if dir.join("pkg").is_dir() => dir,
            _ => PathBuf::from("target/site"),
        }
    }

    /// The configuration with every default, as tests start from.
    pub fn defaults() -> Config {
        Config::parse_from(["qdash"])
    }
}
