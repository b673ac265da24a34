//! Shared by the qdash test binaries: start qdash on a free port in demo mode (with its
//! embedded simulator), a cookie-keeping client, and readers that record every response so
//! tests can prove no secret ever comes back.
#![allow(dead_code)]

use app::server::Config;
use reqwest::header::{HeaderMap, SET_COOKIE};
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode};
use serde_json::Value;
use server::sim::RunningSim;
use std::sync::{Arc, Mutex, MutexGuard};

/// One qdash at a time per test process. Leptos keeps its reactive runtime per process; pages
/// rendered at once from several tokio runtimes (one per `#[tokio::test]`) were seen to run
/// each other's tasks and lose their context. qdash itself has one runtime, so this is a
/// property of the test harness only; holding this lock for a test's life avoids it.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

pub struct TestApp {
    _serial: MutexGuard<'static, ()>,
    pub base: String,
    pub sim: RunningSim,
    /// Every body and header value qdash sent back, to prove no secret is among them.
    pub seen: Arc<Mutex<Vec<String>>>,
}

// The lock is held across awaits on purpose: each test runs on its own thread.
#[allow(clippy::await_holding_lock)]
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    let serial = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let mut config = Config::defaults();
    config.demo = Some(true);
    config.demo_assets = 2000;
    config.demo_rate_limit = 100_000;
    config.demo_concurrency = 8;
    config.max_body_bytes = 4096;
    tweak(&mut config);
    let started = server::build_state(config).await.expect("state builds");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = server::app(started.state);
    tokio::spawn(async move { server::serve(listener, app).await.unwrap() });
    TestApp {
        _serial: serial,
        base: format!("http://{addr}"),
        sim: started.sim.expect("demo mode embeds the simulator"),
        seen: Default::default(),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

pub fn browser() -> Client {
    Client::builder()
        .cookie_store(true)
        .redirect(Policy::none())
        .build()
        .unwrap()
}

pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("qdash_session="))
        .map(str::to_string)
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Reads a response, recording everything it carried.
    pub async fn read(&self, r: Response) -> (StatusCode, HeaderMap, String) {
        let status = r.status();
        let headers = r.headers().clone();
        let body = r.text().await.unwrap();
        let mut seen = self.seen.lock().unwrap();
        seen.extend(
            headers
                .values()
                .filter_map(|v| v.to_str().ok())
                .map(str::to_string),
        );
        seen.push(body.clone());
        (status, headers, body)
    }

    pub async fn login(
        &self,
        client: &Client,
        platform: &str,
        user: &str,
        password: &str,
        next: &str,
    ) -> (StatusCode, HeaderMap, String) {
        let r = client
            .post(self.url("/login"))
            .form(&[
                ("platform", platform),
                ("username", user),
                ("password", password),
                ("next", next),
            ])
            .send()
            .await
            .unwrap();
        self.read(r).await
    }

    pub async fn logged_in(&self) -> Client {
        let c = browser();
        let (status, _, _) = self.login(&c, "DEMO", "demo", "demo", "/").await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        c
    }

    pub async fn sim_stats(&self) -> Value {
        serde_json::to_value(self.sim.state.stats.lock().unwrap().clone()).unwrap()
    }

    pub async fn sim_token(&self) -> String {
        Client::new()
            .post(format!("{}/auth", self.sim.url()))
            .form(&[
                ("username", "demo"),
                ("password", "demo"),
                ("token", "true"),
            ])
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    pub fn assert_never_sent(&self, secret: &str) {
        for s in self.seen.lock().unwrap().iter() {
            assert!(!s.contains(secret), "a response carried a secret");
        }
    }
}

impl TestApp {
    /// Calls a server function (`/api/<name>`, JSON in and out) as the logged-in client.
    pub async fn server_fn(
        &self,
        client: &Client,
        name: &str,
        args: &Value,
    ) -> (StatusCode, Value) {
        let r = client
            .post(self.url(&format!("/api/{name}")))
            .json(args)
            .send()
            .await
            .unwrap();
        let (status, _, body) = self.read(r).await;
        (
            status,
            serde_json::from_str(&body).unwrap_or(Value::String(body)),
        )
    }

    /// Data calls the simulator has answered so far.
    pub async fn upstream_calls(&self) -> u64 {
        self.sim.state.stats.lock().unwrap().data_calls()
    }

    /// Switches the embedded simulator's behaviour.
    pub fn sim_behaviour(&self, change: impl FnOnce(&mut server::sim::Behaviour)) {
        change(&mut self.sim.state.behaviour.write().unwrap());
    }
}
