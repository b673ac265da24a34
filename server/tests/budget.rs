//! Spending the team's Qualys budget wisely, proven against the simulator's own call counts:
//! the planner's choice and its numbers, the per-user cache, coalescing, and the limits.

mod common;

use app::model::breakdown::Method;
use app::model::{Criterion, Dimension, Filter, Operator};
use app::server::cache::Cache;
use app::server::planner::Planner;
use app::server::{QualysClient, Token, Upstream};
use common::spawn_app_with;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::time::Duration;

fn filter_json(f: &Filter) -> Value {
    serde_json::to_value(f).unwrap()
}

/// The whole overview as a browser asks for it: the total and the three cards, at once.
async fn overview(app: &common::TestApp, c: &reqwest::Client, f: &Filter) -> Vec<Value> {
    let mut calls = vec![("count_assets", json!({ "filter": filter_json(f) }))];
    for d in Dimension::ALL {
        calls.push((
            "get_breakdown",
            json!({ "filter": filter_json(f), "dimension": d, "refresh": false }),
        ));
    }
    let answers = futures::future::join_all(
        calls
            .iter()
            .map(|(name, args)| app.server_fn(c, name, args)),
    )
    .await;
    answers
        .into_iter()
        .map(|(s, v)| {
            assert_eq!(s, StatusCode::OK, "{v}");
            v
        })
        .collect()
}

/// An answer without its cost, which is all that may differ between a cold and a warm view.
fn without_cost(mut v: Value) -> Value {
    if let Some(o) = v.as_object_mut() {
        o.remove("calls");
    }
    v
}

/// The planner crawls a small filtered set and counts a large one, and for the same filter
/// both ways give identical card numbers.
#[tokio::test]
async fn planner_choice_and_identical_numbers() {
    let app = spawn_app_with(|c| c.demo_assets = 12_000).await;
    let client = QualysClient::new(
        Duration::from_secs(30),
        Duration::from_secs(5),
        2,
        Duration::from_secs(5),
    );
    let token = Token::new(&app.sim_token().await).unwrap();
    let upstream = Upstream::new(&app.sim.url(), token);
    let cache = Cache::new(Duration::from_secs(300));
    let planner = Planner {
        client: &client,
        cache: &cache,
        upstream: &upstream,
        platform: "DEMO",
        username: "demo",
        crawl_max_calls: 100,
    };

    let small = Filter::and(vec![Criterion::new(
        "asset.trackingMethod",
        Operator::Equals,
        "EASM",
    )]);
    let auto = planner
        .breakdown(&small, Dimension::Risk, false)
        .await
        .unwrap();
    assert_eq!(
        auto.method,
        Method::Crawl,
        "a small set ({}) is cheaper to crawl",
        auto.total
    );
    let large = Filter::all();
    let auto = planner
        .breakdown(&large, Dimension::Tracking, false)
        .await
        .unwrap();
    assert_eq!(
        auto.method,
        Method::Counts,
        "12,000 assets are cheaper to count"
    );

    for f in [
        small,
        Filter::and(vec![Criterion::new(
            "operatingSystem.category1",
            Operator::Equals,
            "Linux",
        )]),
    ] {
        for d in Dimension::ALL {
            let by_counts = planner
                .breakdown_by(&f, d, false, Some(Method::Counts))
                .await
                .unwrap();
            let by_crawl = planner
                .breakdown_by(&f, d, false, Some(Method::Crawl))
                .await
                .unwrap();
            assert_eq!(by_counts.buckets, by_crawl.buckets, "{d:?}");
            assert_eq!(by_counts.total, by_crawl.total);
        }
    }
}

/// A second overview within the TTL makes no upstream call; refresh asks again.
#[tokio::test]
async fn warm_overview_costs_nothing() {
    let app = spawn_app_with(|_| {}).await;
    let c = app.logged_in().await;
    let f = Filter::and(vec![Criterion::new(
        "asset.riskScore",
        Operator::Greater,
        "100",
    )]);
    let cold = overview(&app, &c, &f).await;
    let after_cold = app.upstream_calls().await;
    assert!(after_cold > 0);
    let warm = overview(&app, &c, &f).await;
    assert_eq!(
        app.upstream_calls().await,
        after_cold,
        "the warm view made upstream calls"
    );
    assert_eq!(
        cold.into_iter().map(without_cost).collect::<Vec<_>>(),
        warm.iter().cloned().map(without_cost).collect::<Vec<_>>(),
        "the warm view shows the same numbers"
    );
    for card in &warm[1..] {
        assert_eq!(card["calls"], 0);
    }
    let (_, refreshed) = app
        .server_fn(
            &c,
            "get_breakdown",
            &json!({ "filter": filter_json(&f), "dimension": "Risk", "refresh": true }),
        )
        .await;
    assert!(refreshed["calls"].as_u64().unwrap() > 0);
    assert!(app.upstream_calls().await > after_cold);
}

/// A card's Refresh is a plain form post: it asks Qualys again for that card only, then
/// sends the browser back to the same overview, which reads the fresh figures from the cache.
/// A refused refresh goes back with the card marked stale; a bad card name is a 400.
#[tokio::test]
async fn refresh_form_recomputes_one_card() {
    let app = spawn_app_with(|_| {}).await;
    let c = app.logged_in().await;
    let f = Filter::and(vec![Criterion::new(
        "asset.criticalityScore",
        Operator::Equals,
        "3",
    )]);
    let query = "field=asset.criticalityScore&operator=EQUALS&value=3";
    overview(&app, &c, &f).await;
    let warm = app.upstream_calls().await;

    let post = |form: Vec<(&'static str, &'static str)>| {
        c.post(app.url("/refresh"))
            .header("origin", &app.base)
            .form(&form)
            .send()
    };
    let r = post(vec![("card", "risk"), ("filter", query)])
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()["location"], format!("/?{query}").as_str());
    let spent = app.upstream_calls().await - warm;
    assert!(spent > 0, "the refresh asked Qualys");
    let after = overview(&app, &c, &f).await;
    assert_eq!(
        app.upstream_calls().await,
        warm + spent,
        "the page after it reads the cache"
    );
    for card in &after[1..] {
        assert_eq!(card["calls"], 0);
    }

    let r = post(vec![("card", "everything"), ("filter", query)])
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("risk, tracking or criticality"));

    app.sim_behaviour(|b| b.rate_limit = 0);
    let r = post(vec![("card", "tracking"), ("filter", query)])
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        r.headers()["location"],
        format!("/?{query}&stale=tracking").as_str()
    );
}

/// Two users never share cached answers: each asks Qualys, and each sees their own scope.
#[tokio::test]
async fn users_never_share_cached_data() {
    let app = spawn_app_with(|_| {}).await;
    let demo = app.logged_in().await;
    let eu = common::browser();
    app.login(&eu, "DEMO", "eu-analyst", "eu-analyst", "/")
        .await;
    let args = json!({ "filter": filter_json(&Filter::all()) });
    let (_, all) = app.server_fn(&demo, "count_assets", &args).await;
    let before = app.upstream_calls().await;
    let (_, scoped) = app.server_fn(&eu, "count_assets", &args).await;
    assert_eq!(
        app.upstream_calls().await,
        before + 1,
        "the second user asked Qualys themselves"
    );
    assert!(scoped.as_u64().unwrap() < all.as_u64().unwrap());
}

/// Twenty simultaneous identical requests make one upstream call.
#[tokio::test]
async fn identical_requests_in_flight_share_one_call() {
    let app = spawn_app_with(|_| {}).await;
    app.sim_behaviour(|b| b.latency_ms = 300);
    let c = app.logged_in().await;
    let args = json!({ "filter": filter_json(&Filter::and(vec![Criterion::new("asset.name", Operator::Contains, "prod")])) });
    let before = app.upstream_calls().await;
    let calls: Vec<_> = (0..20)
        .map(|_| app.server_fn(&c, "count_assets", &args))
        .collect();
    let answers = futures::future::join_all(calls).await;
    assert!(answers
        .iter()
        .all(|(s, v)| *s == StatusCode::OK && v == &answers[0].1));
    assert_eq!(app.upstream_calls().await, before + 1);
}

/// With the simulator at Qualys' concurrency of 2, a cold overview (20 calls) draws no 429.
#[tokio::test]
async fn cold_overview_stays_within_concurrency() {
    let app = spawn_app_with(|c| {
        c.demo_assets = 12_000;
        c.demo_concurrency = 2;
    })
    .await;
    app.sim_behaviour(|b| b.latency_ms = 30);
    let c = app.logged_in().await;
    overview(&app, &c, &Filter::all()).await;
    let stats = app.sim_stats().await;
    assert_eq!(stats["limited"], 0, "{stats}");
    assert!(stats["count"].as_u64().unwrap() >= 17);
    assert!(stats["peak_running"].as_u64().unwrap() <= 2);
}

/// A 429 asking for a short wait is waited out and retried once, and the view succeeds.
#[tokio::test]
async fn short_429_is_retried_once() {
    let app = spawn_app_with(|_| {}).await;
    app.sim_behaviour(|b| {
        b.rate_limit = 1;
        b.rate_window_secs = 2;
    });
    let c = app.logged_in().await;
    let count = |v: &str| json!({ "filter": filter_json(&Filter::and(vec![Criterion::new("asset.name", Operator::Contains, v)])) });
    let (s1, _) = app.server_fn(&c, "count_assets", &count("a")).await;
    let (s2, v2) = app.server_fn(&c, "count_assets", &count("b")).await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK), "{v2}");
    let stats = app.sim_stats().await;
    assert_eq!(
        (stats["limited"].as_u64(), stats["count"].as_u64()),
        (Some(1), Some(2)),
        "{stats}"
    );
}

/// A long wait is not retried: the user is told how long instead.
#[tokio::test]
async fn long_429_is_shown_not_retried() {
    let app = spawn_app_with(|_| {}).await;
    app.sim_behaviour(|b| b.rate_limit = 0);
    let c = app.logged_in().await;
    let (status, v) = app
        .server_fn(
            &c,
            "count_assets",
            &json!({ "filter": filter_json(&Filter::all()) }),
        )
        .await;
    assert_ne!(status, StatusCode::OK);
    assert!(
        v["RateLimited"]["wait_secs"].as_u64().unwrap() > 3000,
        "{v}"
    );
    assert_eq!(
        app.sim_stats().await["limited"],
        1,
        "one try, no retry storm"
    );
}
