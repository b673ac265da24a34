//! qdash's speed, measured against a separately started `qualys-sim` over real HTTP, with qdash
//! itself running as its own release process (so its memory is its own):
//!
//! 1. cold overview at 200 ms per upstream call, concurrency 2: wall time against the bound
//!    ⌈calls ÷ 2⌉ × 200 ms, and upstream calls against the plan;
//! 2. warm overview: upstream calls and server p50/p99;
//! 3. pass-through overhead: a proxied count against the same count sent straight to the
//!    simulator, in the same run;
//! 4. 200 sessions browsing (login, overview, list pages, detail) for 60 s: throughput,
//!    p50/p99 once warm (each session's first round of pages is not timed), errors (all
//!    counted), qdash's peak RSS — with a 1 s think time, and again flat out;
//! 5. release WASM size: raw, gzip, brotli (needs `make release` first).
//!
//! `cargo bench -p server --bench qdash` (`QDASH_BENCH_SECS` shortens the load phases; keep it
//! at 15 or more so the warm-up round ends). Row 5 reads `target/site`: run `make release` first.

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SIM: &str = "127.0.0.1:3911";
const QDASH: &str = "127.0.0.1:3910";

struct Proc(Child);
impl Drop for Proc {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start(exe: &str, args: &[&str]) -> Proc {
    Proc(
        Command::new(exe)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("starts"),
    )
}

async fn wait_up(url: &str) {
    for _ in 0..200 {
        if reqwest::get(url).await.is_ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{url} did not come up");
}

mod support;

use support::{demo_token, ms, percentile as pct, proc_mb};

fn peak_rss_mb(pid: u32) -> f64 {
    proc_mb(&pid.to_string(), "VmHWM:")
}

async fn sim(http: &Client, path: &str, body: Value) -> Value {
    let r = http
        .post(format!("http://{SIM}/__sim/{path}"))
        .json(&body)
        .send()
        .await
        .unwrap();
    r.json().await.unwrap_or(Value::Null)
}

async fn sim_stats(http: &Client) -> Value {
    let r = http
        .get(format!("http://{SIM}/__sim/stats"))
        .send()
        .await
        .unwrap();
    r.json().await.unwrap()
}

async fn sim_calls(http: &Client) -> u64 {
    let s = sim_stats(http).await;
    s["count"].as_u64().unwrap() + s["get"].as_u64().unwrap() + s["search"].as_u64().unwrap()
}

async fn logged_in(user: &str) -> Client {
    let c = Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = c
        .post(format!("http://{QDASH}/login"))
        .form(&[
            ("platform", "Sim"),
            ("username", user),
            ("password", user),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    c
}

async fn get_ok(c: &Client, path: &str) -> bool {
    match c.get(format!("http://{QDASH}{path}")).send().await {
        Ok(r) => r.status() == StatusCode::OK && r.bytes().await.is_ok(),
        Err(_) => false,
    }
}

#[tokio::main]
async fn main() {
    let secs: u64 = std::env::var("QDASH_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let _sim = start(
        env!("CARGO_BIN_EXE_qualys-sim"),
        &["--listen", SIM, "--assets", "5000", "--seed", "1"],
    );
    wait_up(&format!("http://{SIM}/__sim/stats")).await;
    let gateway = format!("Sim=http://{SIM}");
    let qdash = start(
        env!("CARGO_BIN_EXE_qdash"),
        &["--listen", QDASH, "--demo", "false", "--gateway", &gateway],
    );
    let qdash_pid = qdash.0.id();
    wait_up(&format!("http://{QDASH}/healthz")).await;
    let http = Client::new();
    let mut rows: Vec<String> = Vec::new();

    // 1. Cold overview: 200 ms per call, 2 at once, the real 300/h budget.
    sim(
        &http,
        "config",
        json!({ "latency_ms": 200, "concurrency": 2, "rate_limit": 300 }),
    )
    .await;
    sim(&http, "reset", json!({})).await;
    let c = logged_in("demo").await;
    for (label, query, plan) in [
        ("all 5,000 assets (counts plan)", "/", 18u64),
        (
            "Windows only (crawl plan)",
            "/?field=operatingSystem.category1&operator=EQUALS&value=Windows",
            0,
        ),
    ] {
        let before = sim_calls(&http).await;
        let t = Instant::now();
        assert!(get_ok(&c, query).await, "overview answers");
        let wall = t.elapsed();
        let calls = sim_calls(&http).await - before;
        let plan = if plan == 0 { calls } else { plan };
        let bound = calls.div_ceil(2) as f64 * 200.0;
        let limited = sim_stats(&http).await;
        rows.push(format!(
            "| 1 | cold overview, {label} | {:.0} ms vs bound {:.0} ms ({:.2}×); {calls} upstream calls, plan {plan}; 429s: {} |",
            ms(wall),
            bound,
            ms(wall) / bound,
            limited["limited"]
        ));
    }

    // 2. Warm overview: same views again within the TTL.
    sim(
        &http,
        "config",
        json!({ "latency_ms": 0, "rate_limit": 1_000_000, "concurrency": 2 }),
    )
    .await;
    let before = sim_calls(&http).await;
    let mut warm = Vec::new();
    for _ in 0..300 {
        let t = Instant::now();
        assert!(get_ok(&c, "/").await);
        warm.push(t.elapsed());
    }
    let calls = sim_calls(&http).await - before;
    rows.push(format!(
        "| 2 | warm overview (300 views) | {calls} upstream calls; server p50 {:.2} ms, p99 {:.2} ms |",
        pct(&mut warm, 0.5),
        pct(&mut warm, 0.99)
    ));

    // 3. Pass-through overhead, interleaved with direct calls in the same run.
    let token = demo_token(&http, &format!("http://{SIM}")).await;
    let body = json!({ "filters": [{ "field": "asset.riskScore", "operator": "GREATER", "value": "849" }] });
    let (mut direct, mut proxied) = (Vec::new(), Vec::new());
    for i in 0..1000 {
        let t = Instant::now();
        let r = if i % 2 == 0 {
            http.post(format!("http://{SIM}/rest/2.0/count/am/asset"))
                .bearer_auth(&token)
                .json(&body)
                .send()
                .await
        } else {
            c.post(format!("http://{QDASH}/qualys/rest/2.0/count/am/asset"))
                .json(&body)
                .send()
                .await
        }
        .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        r.bytes().await.unwrap();
        if i % 2 == 0 {
            direct.push(t.elapsed())
        } else {
            proxied.push(t.elapsed())
        }
    }
    let (d50, d99, p50, p99) = (
        pct(&mut direct, 0.5),
        pct(&mut direct, 0.99),
        pct(&mut proxied, 0.5),
        pct(&mut proxied, 0.99),
    );
    rows.push(format!(
        "| 3 | pass-through count | direct p50 {d50:.2} / p99 {d99:.2} ms; via qdash p50 {p50:.2} / p99 {p99:.2} ms; overhead +{:.2} ms p50, +{:.2} ms p99 |",
        p50 - d50,
        p99 - d99
    ));

    // 4. 200 sessions browsing: login, overview, two list pages, a detail page, in a loop.
    for (label, think) in [
        ("1 s think time", Duration::from_secs(1)),
        ("flat out", Duration::ZERO),
    ] {
        let deadline = Instant::now() + Duration::from_secs(secs);
        let started = Instant::now();
        let tasks: Vec<_> = (0..200)
            .map(|i| {
                tokio::spawn(async move {
                    let user = if i % 2 == 0 { "demo" } else { "eu-analyst" };
                    let c = logged_in(user).await;
                    let (mut lat, mut errors) = (Vec::new(), 0u64);
                    let pages = [
                        "/",
                        "/assets",
                        "/assets?size=100",
                        "/assets/22189153",
                        "/assets?field=asset.riskScore&operator=GREATER&value=849",
                    ];
                    let mut n = i;
                    while Instant::now() < deadline {
                        let path = pages[n % pages.len()];
                        n += 1;
                        let t = Instant::now();
                        // eu-analyst cannot see 22189153: a 404 page is the right answer there.
                        let ok = match c.get(format!("http://{QDASH}{path}")).send().await {
                            Ok(r) => {
                                (r.status() == StatusCode::OK
                                    || (user == "eu-analyst"
                                        && r.status() == StatusCode::NOT_FOUND))
                                    && r.bytes().await.is_ok()
                            }
                            Err(_) => false,
                        };
                        // Warm figures: each session's first round of pages fills the cache.
                        if n > i + pages.len() {
                            lat.push(t.elapsed());
                        }
                        errors += (!ok) as u64;
                        if !think.is_zero() {
                            tokio::time::sleep(think).await;
                        }
                    }
                    (lat, errors)
                })
            })
            .collect();
        let mut all = Vec::new();
        let mut errors = 0;
        for t in tasks {
            let (lat, e) = t.await.unwrap();
            all.extend(lat);
            errors += e;
        }
        let elapsed = started.elapsed().as_secs_f64();
        if all.is_empty() {
            rows.push(format!("| 4 | 200 sessions, {label}, {secs} s | no warm pages: the run ended inside the warm-up round; use QDASH_BENCH_SECS ≥ 15 |"));
            continue;
        }
        rows.push(format!(
            "| 4 | 200 sessions, {label}, {secs} s | {:.0} pages/s; p50 {:.1} ms, p99 {:.1} ms; {errors} errors; qdash peak RSS {:.0} MB |",
            all.len() as f64 / elapsed,
            pct(&mut all, 0.5),
            pct(&mut all, 0.99),
            peak_rss_mb(qdash_pid)
        ));
    }

    // 5. Release WASM size.
    let wasm =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/site/pkg/qdash.wasm");
    match std::fs::metadata(&wasm) {
        Ok(meta) => {
            let compressed = |cmd: &str, args: &[&str]| -> String {
                Command::new(cmd)
                    .args(args)
                    .arg(&wasm)
                    .output()
                    .ok()
                    .filter(|o| o.status.success())
                    .map_or("n/a (tool missing)".into(), |o| {
                        format!("{:.1} KB", o.stdout.len() as f64 / 1024.0)
                    })
            };
            rows.push(format!(
                "| 5 | WASM in target/site (`make bench` builds it in release first) | raw {:.1} KB; gzip -9 {}; brotli -q 11 {} |",
                meta.len() as f64 / 1024.0,
                compressed("gzip", &["-9", "-c"]),
                compressed("brotli", &["-q", "11", "-c"])
            ));
        }
        Err(_) => {
            rows.push("| 5 | WASM in target/site | not built: run `make release` first |".into())
        }
    }

    println!(
        "qdash benchmark ({} cores)",
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    println!("| # | what | result |");
    println!("|---|---|---|");
    for r in rows {
        println!("{r}");
    }
}
