//! From configuration to a ready [`AppState`]: the allow-list, the client, and in demo mode
//! the embedded simulator on a private loopback port.

use crate::sim::{self, Behaviour, RunningSim, SimConfig};
use app::server::cache::Cache;
use app::server::{AppState, Config, Platforms, QualysClient};
use leptos::config::LeptosOptions;
use std::sync::Arc;
use std::time::Duration;

pub struct Started {
    pub state: AppState,
    /// The embedded simulator, in demo mode.
    pub sim: Option<RunningSim>,
}

/// Builds the state; an error says which setting to fix.
pub async fn build_state(config: Config) -> Result<Started, String> {
    let sim = if config.demo_enabled() {
        let sim_config = SimConfig {
            assets: config.demo_assets,
            seed: config.demo_seed,
            token_ttl_secs: 14_400,
            behaviour: Behaviour {
                rate_limit: config.demo_rate_limit,
                concurrency: config.demo_concurrency,
                latency_ms: config.demo_latency_ms,
                ..Behaviour::default()
            },
        };
        let running = sim::spawn(sim_config, "127.0.0.1:0".parse().expect("loopback address"))
            .await
            .map_err(|e| format!("could not start the embedded Qualys simulator: {e}"))?;
        Some(running)
    } else {
        None
    };
    let platforms = Platforms::build(
        config.platforms.as_deref(),
        &config.gateways,
        sim.as_ref().map(|s| s.url()).as_deref(),
    )?;
    if platforms.all().is_empty() {
        return Err(
            "no Qualys platform is configured: pass --platforms, --gateway, or --demo true".into(),
        );
    }
    let leptos_options = LeptosOptions::builder()
        .output_name("qdash")
        .site_root(config.site_root().to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build();
    let qualys = QualysClient::new(
        Duration::from_secs(config.upstream_timeout_secs),
        Duration::from_secs(config.upstream_connect_timeout_secs),
        config.concurrency,
        Duration::from_secs(config.retry_max_wait_secs),
    );
    let cache = Arc::new(Cache::new(Duration::from_secs(config.cache_ttl_secs)));
    let state = AppState {
        leptos_options,
        config: Arc::new(config),
        platforms: Arc::new(platforms),
        qualys,
        cache,
    };
    Ok(Started { state, sim })
}

/// Serves `app` on `listener` with Nagle's algorithm off: pages stream in several chunks, and
/// with it on the last chunk waits for the client's delayed ACK (about 40 ms on Linux).
pub async fn serve(listener: tokio::net::TcpListener, app: axum::Router) -> std::io::Result<()> {
    use axum::serve::ListenerExt;
    let listener = listener.tap_io(|tcp| {
        if let Err(e) = tcp.set_nodelay(true) {
            tracing::debug!(error = %e, "could not set TCP_NODELAY");
        }
    });
    axum::serve(listener, app).await
}
