//! `qualys-sim`: the Qualys simulator as a standalone gateway.

use clap::Parser;
use server::sim::{spawn, SimConfig};
use std::net::SocketAddr;

#[derive(Parser)]
#[command(
    name = "qualys-sim",
    version,
    about = "A faithful Qualys CSAM / Global AssetView API v2 gateway for demos, tests and benchmarks.\n\nUsers: demo/demo sees every asset; eu-analyst/eu-analyst only assets tagged EU."
)]
struct Cli {
    /// Address to listen on.
    #[arg(long, env = "SIM_LISTEN", default_value = "127.0.0.1:8086")]
    listen: SocketAddr,
    #[command(flatten)]
    sim: SimConfig,
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    let cli = Cli::parse();
    let started = std::time::Instant::now();
    let assets = cli.sim.assets;
    match spawn(cli.sim, cli.listen).await {
        Ok(sim) => {
            println!(
                "qualys-sim: {assets} assets ready in {:.2} s at {}  (users demo/demo, eu-analyst/eu-analyst)",
                started.elapsed().as_secs_f64(),
                sim.url()
            );
            let _ = tokio::signal::ctrl_c().await;
        }
        Err(e) => {
            eprintln!("qualys-sim: cannot listen on {}: {e}", cli.listen);
            std::process::exit(2);
        }
    }
}
