//! Simulator at scale: start time and memory for N assets (default 1,000,000), then p50/p99 of
//! a two-filter count and of a 300-asset search page, over real HTTP on loopback.
//!
//! `cargo bench -p server --bench simulator` (set `SIM_BENCH_ASSETS` to change the size).

use serde_json::json;
use server::sim::{spawn, Behaviour, SimConfig};
use std::time::Instant;

mod support;

use support::{demo_token, percentile, proc_mb};

fn rss_mb() -> f64 {
    proc_mb("self", "VmRSS:")
}

#[tokio::main]
async fn main() {
    let assets: usize = std::env::var("SIM_BENCH_ASSETS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let behaviour = Behaviour {
        rate_limit: 1_000_000,
        concurrency: 100,
        ..Behaviour::default()
    };
    let before = rss_mb();
    let t = Instant::now();
    let sim = spawn(
        SimConfig {
            assets,
            seed: 1,
            token_ttl_secs: 14_400,
            behaviour,
        },
        "127.0.0.1:0".parse().unwrap(),
    )
    .await
    .expect("simulator starts");
    let start = t.elapsed();
    let rss = rss_mb() - before;
    let http = reqwest::Client::new();
    let token = demo_token(&http, &sim.url()).await;
    let count_body = json!({ "filters": [
        { "field": "asset.riskScore", "operator": "GREATER", "value": "699" },
        { "field": "asset.trackingMethod", "operator": "EQUALS", "value": "QAGENT" }
    ], "operation": "AND" });
    let mut counts = Vec::new();
    let mut n = 0;
    for _ in 0..30 {
        let t = Instant::now();
        let r = http
            .post(format!("{}/rest/2.0/count/am/asset", sim.url()))
            .bearer_auth(&token)
            .json(&count_body)
            .send()
            .await
            .unwrap();
        n = r.json::<serde_json::Value>().await.unwrap()["count"]
            .as_u64()
            .unwrap();
        counts.push(t.elapsed());
    }
    let mut pages = Vec::new();
    let mut cursor = 0u64;
    let mut bytes = 0;
    for _ in 0..30 {
        let t = Instant::now();
        let r = http
            .post(format!(
                "{}/rest/2.0/search/am/asset?pageSize=300&lastSeenAssetId={cursor}",
                sim.url()
            ))
            .bearer_auth(&token)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let body = r.bytes().await.unwrap();
        pages.push(t.elapsed());
        bytes = body.len();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        cursor = v["lastSeenAssetId"].as_u64().unwrap();
    }
    // Where a page's time goes: rendering records vs writing JSON, in process.
    let inv = &sim.state.inventory;
    let fields = server::sim::render::FieldSelection::All;
    let t = Instant::now();
    let rendered: Vec<serde_json::Value> = inv.assets[..300]
        .iter()
        .map(|a| server::sim::render::render(a, 1, &fields))
        .collect();
    let render_ms = t.elapsed().as_secs_f64() * 1000.0;
    let t = Instant::now();
    let text = serde_json::to_string(&rendered).unwrap();
    let write_ms = t.elapsed().as_secs_f64() * 1000.0;
    println!(
        "in process: render 300 = {render_ms:.1} ms, to_string = {write_ms:.1} ms ({} KB)",
        text.len() / 1024
    );
    println!(
        "simulator benchmark ({assets} assets, {} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("| metric | value | target |");
    println!("|---|---|---|");
    println!(
        "| start (generate + listen) | {:.2} s | ≤ 10 s |",
        start.as_secs_f64()
    );
    println!("| inventory memory (RSS growth) | {rss:.0} MB | < 2048 MB |");
    println!(
        "| count, 2 filters ({n} match) p50 / p99 | {:.1} / {:.1} ms | p50 ≤ 100 ms |",
        percentile(&mut counts, 0.5),
        percentile(&mut counts, 0.99)
    );
    println!(
        "| search page of 300 ({} KB) p50 / p99 | {:.1} / {:.1} ms | p50 ≤ 50 ms |",
        bytes / 1024,
        percentile(&mut pages, 0.5),
        percentile(&mut pages, 0.99)
    );
}
