//! `qdash`: config → state → router → serve. Nothing else.

use app::server::Config;
use clap::Parser;

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=warn".into()),
        )
        .init();
    let config = Config::parse();
    let listen = config.listen;
    let started = match server::build_state(config).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("qdash: {e}");
            std::process::exit(2);
        }
    };
    let demo = started.sim.is_some();
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("qdash: cannot listen on {listen}: {e} (pick another with --listen ADDR)");
            std::process::exit(2);
        }
    };
    let site_root = started.state.leptos_options.site_root.clone();
    if !std::path::Path::new(&*site_root).join("pkg").is_dir() {
        eprintln!("qdash: warning: no built site at {site_root}/pkg; pages will lack styles and scripts (build with `cargo leptos build --release`, or pass --site-root)");
    }
    println!(
        "qdash listening on http://{listen}{}",
        if demo {
            "  (demo mode: log in as demo / demo)"
        } else {
            ""
        }
    );
    let app = server::app(started.state);
    if let Err(e) = server::serve(listener, app).await {
        eprintln!("qdash: server stopped: {e}");
        std::process::exit(1);
    }
}
