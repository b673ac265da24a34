//! qdash over real HTTP against its embedded simulator: login, logout, the session and its
//! cookie, the pass-through with every seed sample, errors, limits on what it forwards, and
//! that no token or password ever comes back.

mod common;

use common::{browser, session_cookie, spawn_app, spawn_app_with};
use reqwest::header::LOCATION;
use reqwest::{Client, StatusCode};
use serde_json::{json, Value};

/// A good login redirects to `next` and sets an HttpOnly, SameSite=Lax session cookie.
#[tokio::test]
async fn login_sets_a_safe_cookie_and_redirects() {
    let app = spawn_app().await;
    let c = browser();
    let (status, headers, _) = app
        .login(&c, "DEMO", "demo", "demo", "/assets?page=2")
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[LOCATION], "/assets?page=2");
    let cookie = session_cookie(&headers).expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    assert!(!cookie.contains("Secure"));
    let (status, _, body) = app.read(c.get(app.url("/")).send().await.unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains(r#"data-testid="total-count">2000<"#),
        "the overview shows the total"
    );
}

/// With --secure-cookie the cookie is marked Secure.
#[tokio::test]
async fn secure_cookie_flag() {
    let app = spawn_app_with(|c| c.secure_cookie = true).await;
    let (_, headers, _) = app.login(&browser(), "DEMO", "demo", "demo", "/").await;
    assert!(session_cookie(&headers).unwrap().contains("Secure"));
}

/// A bad password goes back to the form with the username kept and the password nowhere.
#[tokio::test]
async fn bad_login_goes_back_to_the_form() {
    let app = spawn_app().await;
    let c = browser();
    let secret = "Sup3r-Secret-pw!";
    let (status, headers, _) = app.login(&c, "DEMO", "demo", secret, "/x").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let to = headers[LOCATION].to_str().unwrap().to_string();
    assert!(
        to.starts_with("/login?error=bad_credentials")
            && to.contains("username=demo")
            && to.contains("next=/x"),
        "{to}"
    );
    let (_, _, page) = app.read(c.get(app.url(&to)).send().await.unwrap()).await;
    assert!(page.contains("did not accept that username and password"));
    assert!(page.contains(r#"value="demo""#));
    let (status, _, _) = app
        .read(
            c.post(app.url("/qualys/rest/2.0/count/am/asset"))
                .send()
                .await
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    app.assert_never_sent(secret);
}

/// An unknown platform is refused before any call leaves qdash.
#[tokio::test]
async fn unknown_platform_makes_no_outbound_call() {
    let app = spawn_app().await;
    for platform in ["https://evil.example", "NOPE", ""] {
        let (_, headers, _) = app.login(&browser(), platform, "demo", "demo", "/").await;
        assert!(headers[LOCATION]
            .to_str()
            .unwrap()
            .starts_with("/login?error=unknown_platform"));
    }
    let stats = app.sim_stats().await;
    assert_eq!(
        (stats["auth"].as_u64(), stats["count"].as_u64()),
        (Some(0), Some(0))
    );
}

/// Logging in again cycles the session id: the old id stops working.
#[tokio::test]
async fn login_cycles_the_session_id() {
    let app = spawn_app().await;
    let c = browser();
    let (_, h1, _) = app.login(&c, "DEMO", "demo", "demo", "/").await;
    let first = session_cookie(&h1).unwrap();
    let (_, h2, _) = app.login(&c, "DEMO", "demo", "demo", "/").await;
    let second = session_cookie(&h2).unwrap();
    let id = |c: &str| c.split(';').next().unwrap().to_string();
    assert_ne!(id(&first), id(&second));
    let stale = Client::new()
        .post(app.url("/qualys/rest/2.0/count/am/asset"))
        .header("Cookie", id(&first))
        .send()
        .await
        .unwrap();
    assert_eq!(stale.status(), StatusCode::UNAUTHORIZED);
}

/// Logout deletes the session server-side: even a replayed cookie is worthless afterwards.
#[tokio::test]
async fn logout_ends_the_session_server_side() {
    let app = spawn_app().await;
    let c = browser();
    let (_, h, _) = app.login(&c, "DEMO", "demo", "demo", "/").await;
    let cookie = session_cookie(&h)
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_string();
    let (status, headers, _) = app
        .read(c.post(app.url("/logout")).send().await.unwrap())
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[LOCATION], "/login?notice=logged_out");
    let replay = Client::new()
        .post(app.url("/qualys/rest/2.0/count/am/asset"))
        .header("Cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), StatusCode::UNAUTHORIZED);
}

/// Each request sample of the Qualys release notes, sent through the pass-through, returns
/// exactly what the gateway returns for it, status, type and rate-limit headers included.
#[tokio::test]
async fn seed_samples_pass_through_unchanged() {
    let app = spawn_app().await;
    let c = app.logged_in().await;
    let token = app.sim_token().await;
    let direct = Client::new();
    let xml = r#"<FilterRequest><filters><Criteria field="asset.trackingMethod" operator="EQUALS"><value>PASSIVE_SENSOR</value></Criteria></filters></FilterRequest>"#;
    let samples: Vec<(&str, &str, &str, &str, Option<String>)> = vec![
        ("POST", "/rest/2.0/count/am/asset", "*/*", "application/json", Some(json!({"filters":[{"field":"asset.riskScore","operator":"EQUALS","value":"936"}]}).to_string())),
        ("POST", "/rest/2.0/count/am/asset", "*/*", "application/json", Some(json!({"filters":[{"field":"asset.trackingMethod","operator":"EQUALS","value":"PASSIVE_SENSOR"}]}).to_string())),
        ("GET", "/rest/2.0/get/am/asset?assetId=22272375", "*/*", "application/json", None),
        ("POST", "/rest/2.0/search/am/asset", "application/json", "application/json", None),
        ("POST", "/rest/2.0/search/am/asset", "application/xml", "application/xml", Some(xml.to_string())),
        ("POST", "/rest/2.0/search/am/asset", "application/json", "application/json", Some(json!({"filters":[{"field":"asset.riskScore","operator":"EQUALS","value":"926"}]}).to_string())),
    ];
    for (method, path, accept, content_type, body) in samples {
        let build = |client: &Client, url: String| {
            let mut r = client
                .request(method.parse().unwrap(), url)
                .header("Accept", accept)
                .header("Content-Type", content_type);
            if let Some(b) = &body {
                r = r.body(b.clone());
            }
            r
        };
        let via = build(&c, app.url(&format!("/qualys{path}")))
            .send()
            .await
            .unwrap();
        let (status, headers, proxied) = app.read(via).await;
        let straight = build(&direct, format!("{}{path}", app.sim.url()))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(status, straight.status(), "{path}");
        assert_eq!(
            headers["content-type"],
            straight.headers()["content-type"],
            "{path}"
        );
        for h in [
            "x-ratelimit-limit",
            "x-ratelimit-window-sec",
            "x-ratelimit-remaining",
            "x-concurrency-limit-limit",
        ] {
            assert!(headers.contains_key(h), "{path} lacks {h}");
        }
        assert_eq!(proxied, straight.text().await.unwrap(), "{path}");
    }
    app.assert_never_sent(&token);
}

/// Without a session the pass-through answers 401 with a JSON error.
#[tokio::test]
async fn no_session_is_401_json() {
    let app = spawn_app().await;
    let (status, headers, body) = app
        .read(
            Client::new()
                .post(app.url("/qualys/rest/2.0/search/am/asset"))
                .send()
                .await
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(headers["content-type"], "application/json");
    assert!(serde_json::from_str::<Value>(&body).unwrap()["error"]
        .as_str()
        .unwrap()
        .contains("log in"));
    assert_eq!(app.sim_stats().await["search"], 0);
}

/// When Qualys stops accepting the token, the session ends and the next page view lands on
/// the login page with a message and the page remembered.
#[tokio::test]
async fn upstream_401_ends_the_session() {
    let app = spawn_app().await;
    let c = app.logged_in().await;
    Client::new()
        .post(format!("{}/__sim/expire-tokens", app.sim.url()))
        .send()
        .await
        .unwrap();
    let (status, _, _) = app
        .read(
            c.post(app.url("/qualys/rest/2.0/count/am/asset"))
                .send()
                .await
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, headers, _) = app
        .read(c.get(app.url("/?q=1")).send().await.unwrap())
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(headers[LOCATION], "/login?error=expired&next=/%3Fq%3D1");
    let (status, _, body) = app
        .read(
            c.post(app.url("/qualys/rest/2.0/count/am/asset"))
                .send()
                .await
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert!(body.contains("not logged in"));
}

/// A session whose token expired on the overview page shows the way back to login.
#[tokio::test]
async fn expired_token_on_a_page_offers_login_again() {
    let app = spawn_app().await;
    let c = app.logged_in().await;
    Client::new()
        .post(format!("{}/__sim/expire-tokens", app.sim.url()))
        .send()
        .await
        .unwrap();
    let (_, _, body) = app.read(c.get(app.url("/")).send().await.unwrap()).await;
    assert!(
        body.contains("Log in again"),
        "the page explains and links to login"
    );
}

/// Only the three asset endpoints are forwarded; anything else under /qualys is a 404.
#[tokio::test]
async fn only_three_paths_are_forwarded() {
    let app = spawn_app().await;
    let c = app.logged_in().await;
    for path in [
        "/qualys/auth",
        "/qualys/rest/2.0/delete/am/asset",
        "/qualys/rest/2.0/count/am/host",
        "/qualys/__sim/config",
        "/qualys",
        "/qualys/rest/2.0/count/am/asset/extra",
    ] {
        let (status, _, _) = app.read(c.post(app.url(path)).send().await.unwrap()).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{path}");
    }
}

/// A filter body past the cap is refused with 413 before any upstream call.
#[tokio::test]
async fn oversized_body_is_413() {
    let app = spawn_app().await;
    let c = app.logged_in().await;
    let before = app.sim_stats().await["count"].as_u64().unwrap();
    let big = "x".repeat(10_000);
    let r = c
        .post(app.url("/qualys/rest/2.0/count/am/asset"))
        .header("Content-Type", "application/json")
        .body(big)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.sim_stats().await["count"].as_u64().unwrap(), before);
}

/// A pasted token logs in (checked with one call); a bad one is refused.
#[tokio::test]
async fn pasted_token_login() {
    let app = spawn_app().await;
    let token = app.sim_token().await;
    let c = browser();
    let r = c
        .post(app.url("/login"))
        .form(&[
            ("platform", "DEMO"),
            ("token", token.as_str()),
            ("next", "/"),
        ])
        .send()
        .await
        .unwrap();
    let (status, headers, _) = app.read(r).await;
    assert_eq!(
        (status, headers[LOCATION].to_str().unwrap()),
        (StatusCode::SEE_OTHER, "/")
    );
    let (_, _, page) = app.read(c.get(app.url("/")).send().await.unwrap()).await;
    assert!(
        page.contains(r#"class="user">demo</span>"#),
        "the header names the user"
    );
    let r = browser()
        .post(app.url("/login"))
        .form(&[("platform", "DEMO"), ("token", "not.a.token")])
        .send()
        .await
        .unwrap();
    let (_, headers, _) = app.read(r).await;
    assert!(headers[LOCATION]
        .to_str()
        .unwrap()
        .starts_with("/login?error=bad_token"));
    app.assert_never_sent(&token);
}

/// State-changing requests from another site are refused.
#[tokio::test]
async fn cross_site_posts_are_refused() {
    let app = spawn_app().await;
    let c = app.logged_in().await;
    let r = c
        .post(app.url("/logout"))
        .header("Origin", "https://evil.example")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let r = c
        .post(app.url("/qualys/rest/2.0/count/am/asset"))
        .header("Sec-Fetch-Site", "cross-site")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let same = c
        .post(app.url("/qualys/rest/2.0/count/am/asset"))
        .header("Origin", app.base.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(same.status(), StatusCode::OK);
}

/// Pages carry a CSP allowing our scripts (by nonce) and WASM only, and the other headers.
#[tokio::test]
async fn security_headers() {
    let app = spawn_app().await;
    let (status, headers, body) = app
        .read(Client::new().get(app.url("/login")).send().await.unwrap())
        .await;
    assert_eq!(status, StatusCode::OK);
    let csp = headers["content-security-policy"].to_str().unwrap();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .unwrap()
        .split('\'')
        .next()
        .unwrap();
    assert!(body.contains(&format!("nonce=\"{nonce}\"")));
    assert!(
        csp.contains("'wasm-unsafe-eval'")
            && csp.contains("frame-ancestors 'none'")
            && !csp.contains("unsafe-inline")
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(headers.contains_key("referrer-policy"));
    let (status, _, _) = app
        .read(
            Client::new()
                .get(app.url("/no/such/page"))
                .send()
                .await
                .unwrap(),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
