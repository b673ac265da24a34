//! The simulator over real HTTP: auth, the three endpoints, filters, paging, formats, limits
//! and every fault switch. Each test starts its own simulator on a free port.

use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};
use server::sim::{spawn, Behaviour, RunningSim, SimConfig};

const SEARCH: &str = "/rest/2.0/search/am/asset";
const COUNT: &str = "/rest/2.0/count/am/asset";
const GET: &str = "/rest/2.0/get/am/asset";

struct Sim {
    sim: RunningSim,
    http: Client,
    token: String,
}

fn generous() -> Behaviour {
    Behaviour {
        rate_limit: 100_000,
        concurrency: 50,
        ..Behaviour::default()
    }
}

async fn start_with(assets: usize, seed: u64, behaviour: Behaviour, ttl: u64) -> Sim {
    let config = SimConfig {
        assets,
        seed,
        token_ttl_secs: ttl,
        behaviour,
    };
    let sim = spawn(config, "127.0.0.1:0".parse().unwrap()).await.unwrap();
    let http = Client::new();
    let token = login(&http, &sim.url(), "demo", "demo").await;
    Sim { sim, http, token }
}

async fn start() -> Sim {
    start_with(3000, 7, generous(), 14_400).await
}

async fn login(http: &Client, base: &str, user: &str, password: &str) -> String {
    let r = http
        .post(format!("{base}/auth"))
        .form(&[
            ("username", user),
            ("password", password),
            ("token", "true"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::CREATED);
    r.text().await.unwrap()
}

impl Sim {
    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.sim.url())
    }

    async fn post_json(&self, path: &str, body: &Value) -> Response {
        self.http
            .post(self.url(path))
            .bearer_auth(&self.token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    async fn count(&self, body: Value) -> u64 {
        let r = self.post_json(COUNT, &body).await;
        assert_eq!(r.status(), StatusCode::OK);
        r.json::<Value>().await.unwrap()["count"].as_u64().unwrap()
    }

    async fn status_and_json(&self, path: &str, body: Value) -> (StatusCode, Value) {
        let r = self.post_json(path, &body).await;
        (r.status(), r.json().await.unwrap())
    }

    /// Every asset matching `body`, page by page.
    async fn crawl(&self, body: &Value, page_size: usize) -> Vec<Value> {
        let mut out = Vec::new();
        let mut cursor = 0u64;
        loop {
            let r = self
                .post_json(
                    &format!("{SEARCH}?pageSize={page_size}&lastSeenAssetId={cursor}"),
                    body,
                )
                .await;
            assert_eq!(r.status(), StatusCode::OK);
            let v: Value = r.json().await.unwrap();
            let page = v["assetListData"]["asset"].as_array().unwrap().clone();
            assert_eq!(v["count"].as_u64().unwrap() as usize, page.len());
            out.extend(page);
            if v["hasMore"] != 1 {
                return out;
            }
            cursor = v["lastSeenAssetId"].as_u64().unwrap();
        }
    }

    async fn configure(&self, patch: Value) {
        let r = self
            .http
            .post(self.url("/__sim/config"))
            .json(&patch)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    }
}

fn filter(field: &str, op: &str, value: &str) -> Value {
    json!({ "filters": [ { "field": field, "operator": op, "value": value } ] })
}

/// `/auth` answers 201 with an HS512 JWT living 4 hours, 401 on bad credentials, 400 on a missing field.
#[tokio::test]
async fn auth_issues_a_four_hour_jwt() {
    let s = start().await;
    let claims = s.token.split('.').nth(1).unwrap();
    use base64::Engine;
    let claims: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(claims)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        claims["exp"].as_u64().unwrap() - claims["iat"].as_u64().unwrap(),
        14_400
    );
    assert_eq!(
        (
            claims["sub"].as_str(),
            claims["iss"].as_str(),
            claims["aud"].as_str()
        ),
        (Some("demo"), Some("qas"), Some("qas"))
    );
    assert!(claims["subscriptionId"].is_u64() && claims["modulesAllowed"].is_array());
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s.token.split('.').next().unwrap())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(header["alg"], "HS512");

    let bad = s
        .http
        .post(s.url("/auth"))
        .form(&[
            ("username", "demo"),
            ("password", "nope"),
            ("token", "true"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNAUTHORIZED);
    let missing = s
        .http
        .post(s.url("/auth"))
        .form(&[("username", "demo"), ("token", "true")])
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::BAD_REQUEST);
}

/// The seed's count sample: `{"count":N,"responseCode":"SUCCESS","responseMessage":"Valid API Access"}`.
#[tokio::test]
async fn seed_count_sample_has_the_documented_shape() {
    let s = start().await;
    let (status, v) = s
        .status_and_json(COUNT, filter("asset.riskScore", "EQUALS", "936"))
        .await;
    assert_eq!(status, StatusCode::OK);
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(keys, ["count", "responseCode", "responseMessage"]);
    assert_eq!(v["responseCode"], "SUCCESS");
    assert_eq!(v["responseMessage"], "Valid API Access");
}

/// The seed's get sample returns the seed's asset 22272375 with its documented values.
#[tokio::test]
async fn seed_get_sample_returns_the_seed_asset() {
    let s = start().await;
    let r = s
        .http
        .get(s.url(&format!("{GET}?assetId=22272375")))
        .bearer_auth(&s.token)
        .header("Accept", "*/*")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let v: Value = r.json().await.unwrap();
    assert_eq!(
        (
            v["count"].clone(),
            v["hasMore"].clone(),
            v["lastSeenAssetId"].clone()
        ),
        (json!(1), json!(0), Value::Null)
    );
    let a = &v["assetListData"]["asset"][0];
    assert_eq!(a["assetName"], "agent-admin-tmp");
    assert_eq!(a["assetUUID"], "e0939109-1eaa-4a75-9542-8a678a457674");
    assert_eq!(a["operatingSystem"]["category1"], "Unidentified");
    assert_eq!(a["inventory"]["source"], "PASSIVE_SENSOR");
    assert_eq!(a["inventory"]["created"], 1639040269000i64);
    assert_eq!(a["cloudProvider"]["azure"]["vm"]["name"], "aniket-vm4");
    assert_eq!(a["passiveSensor"]["name"], "Virtual_sensor");
    assert_eq!(
        a["criticality"],
        json!({"score": 2, "isDefault": true, "lastUpdated": null})
    );

    let missing = s
        .http
        .get(s.url(&format!("{GET}?assetId=1")))
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
    let junk = s
        .http
        .get(s.url(&format!("{GET}?assetId=abc")))
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap();
    assert_eq!(junk.status(), StatusCode::BAD_REQUEST);
}

/// The seed's search samples (no filter, JSON filter, XML filter with XML answer) work, and the
/// riskScore and trackingMethod filters select exactly the assets carrying those values.
#[tokio::test]
async fn seed_search_samples_select_exactly_the_right_assets() {
    let s = start().await;
    let all = s.crawl(&json!({}), 300).await;
    assert_eq!(all.len(), 3000);
    let unfiltered = s
        .http
        .post(s.url(SEARCH))
        .bearer_auth(&s.token)
        .header("Accept", "application/json")
        .send()
        .await
        .unwrap();
    let v: Value = unfiltered.json().await.unwrap();
    assert_eq!(v["count"], 100);
    let keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        keys,
        [
            "responseMessage",
            "count",
            "responseCode",
            "lastSeenAssetId",
            "hasMore",
            "assetListData"
        ]
    );

    let by_risk: Vec<u64> = all
        .iter()
        .filter(|a| a["riskScore"] == 926)
        .map(|a| a["assetId"].as_u64().unwrap())
        .collect();
    let got: Vec<u64> = s
        .crawl(&filter("asset.riskScore", "EQUALS", "926"), 100)
        .await
        .iter()
        .map(|a| a["assetId"].as_u64().unwrap())
        .collect();
    assert_eq!(got, by_risk);
    assert!(got.contains(&22_189_153) && got.contains(&22_272_375));

    let passive: Vec<u64> = all
        .iter()
        .filter(|a| a["inventory"]["source"] == "PASSIVE_SENSOR")
        .map(|a| a["assetId"].as_u64().unwrap())
        .collect();
    assert_eq!(
        s.count(filter("asset.trackingMethod", "EQUALS", "PASSIVE_SENSOR"))
            .await as usize,
        passive.len()
    );

    let xml = r#"<FilterRequest>
    <filters>
        <Criteria field="asset.trackingMethod" operator="EQUALS"><value>PASSIVE_SENSOR</value></Criteria>
    </filters>
</FilterRequest>"#;
    let r = s
        .http
        .post(s.url(&format!("{SEARCH}?pageSize=300")))
        .bearer_auth(&s.token)
        .header("Content-Type", "application/xml")
        .header("Accept", "application/xml")
        .body(xml)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/xml");
    let text = r.text().await.unwrap();
    assert!(text.contains("<ServiceResponse><responseMessage>Valid API Access</responseMessage>"));
    assert_eq!(text.matches("<asset>").count(), passive.len().min(300));
    assert!(text.contains("<source>PASSIVE_SENSOR</source>"));
    assert!(!text.contains("<source>QAGENT</source>"));
}

/// Every field type accepts exactly its operators; a refused one is a 400 FAILED naming the field.
#[tokio::test]
async fn operators_by_field_type_are_enforced() {
    let s = start_with(300, 1, generous(), 14_400).await;
    let cases = [
        ("asset.riskScore", "500", "CONTAINS"),
        ("asset.createdDate", "2022-01-01", "IN"),
        ("asset.name", "web", "GREATER"),
        ("asset.trackingMethod", "IP", "CONTAINS"),
        ("asset.isContainerHost", "true", "IN"),
    ];
    for (field, value, refused) in cases {
        let spec = app::model::filter::field_spec(field).unwrap();
        for op in spec.ty.operators() {
            let v = if *op == app::model::Operator::In && field == "asset.riskScore" {
                "1,2,500"
            } else {
                value
            };
            let (status, body) = s
                .status_and_json(COUNT, filter(field, op.as_str(), v))
                .await;
            assert_eq!(status, StatusCode::OK, "{field} {op}: {body}");
        }
        let (status, body) = s
            .status_and_json(COUNT, filter(field, refused, value))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{field} {refused}");
        assert_eq!(body["responseCode"], "FAILED");
        assert!(
            body["responseMessage"].as_str().unwrap().contains(field),
            "{body}"
        );
    }
    for (field, value) in [
        ("asset.riskScore", "high"),
        ("asset.createdDate", "soon"),
        ("asset.isContainerHost", "maybe"),
        ("asset.colour", "red"),
    ] {
        let (status, body) = s
            .status_and_json(COUNT, filter(field, "EQUALS", value))
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{field}={value}");
        assert!(body["responseMessage"].as_str().unwrap().contains(field));
    }
    let (status, body) = s
        .status_and_json(COUNT, filter("asset.riskScore", "BIGGER", "1"))
        .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body["responseMessage"].as_str().unwrap().contains("BIGGER"));
}

/// AND is the intersection, OR the union; strict GREATER/LESSER; IN lists.
#[tokio::test]
async fn and_or_and_operator_semantics() {
    let s = start().await;
    let a = json!({ "field": "asset.trackingMethod", "operator": "EQUALS", "value": "QAGENT" });
    let b = json!({ "field": "asset.criticalityScore", "operator": "IN", "value": "4,5" });
    let ca = s.count(json!({ "filters": [a] })).await;
    let cb = s.count(json!({ "filters": [b] })).await;
    let and = s
        .count(json!({ "filters": [a, b], "operation": "AND" }))
        .await;
    let or = s
        .count(json!({ "filters": [a, b], "operation": "OR" }))
        .await;
    assert!(and > 0 && and < ca.min(cb));
    assert_eq!(or, ca + cb - and);
    let gt = s.count(filter("asset.riskScore", "GREATER", "849")).await;
    let ge = s.count(filter("asset.riskScore", "GREATER", "850")).await;
    let eq = s.count(filter("asset.riskScore", "EQUALS", "850")).await;
    assert_eq!(gt, ge + eq);
}

/// `includeFields` keeps only the named groups; `excludeFields` nulls the named ones; unknown groups are refused.
#[tokio::test]
async fn include_and_exclude_fields() {
    let s = start().await;
    let only = s
        .post_json(
            &format!("{SEARCH}?pageSize=5&includeFields=software,tag"),
            &json!({}),
        )
        .await;
    let v: Value = only.json().await.unwrap();
    for a in v["assetListData"]["asset"].as_array().unwrap() {
        assert!(a["operatingSystem"].is_null() && a["hardware"].is_null());
        assert!(a["assetId"].is_u64() && a["assetName"].is_string());
    }
    assert!(v["assetListData"]["asset"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| !a["softwareListData"].is_null()));
    let not = s
        .post_json(
            &format!("{SEARCH}?pageSize=5&excludeFields=operatingSystem"),
            &json!({}),
        )
        .await;
    let v: Value = not.json().await.unwrap();
    for a in v["assetListData"]["asset"].as_array().unwrap() {
        assert!(a["operatingSystem"].is_null() && !a["hardware"].is_null());
    }
    let bad = s
        .post_json(&format!("{SEARCH}?includeFields=wings"), &json!({}))
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

/// `pageSize` above 300 is a 416; 0 or junk a 400; `assetLastUpdated` filters by date.
#[tokio::test]
async fn page_size_bounds_and_asset_last_updated() {
    let s = start().await;
    assert_eq!(
        s.post_json(&format!("{SEARCH}?pageSize=301"), &json!({}))
            .await
            .status(),
        StatusCode::RANGE_NOT_SATISFIABLE
    );
    assert_eq!(
        s.post_json(&format!("{SEARCH}?pageSize=0"), &json!({}))
            .await
            .status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        s.post_json(&format!("{SEARCH}?pageSize=300"), &json!({}))
            .await
            .status(),
        StatusCode::OK
    );
    let since = s
        .post_json(
            &format!("{COUNT}?assetLastUpdated=2025-01-01T00:00:00Z"),
            &json!({}),
        )
        .await;
    let n = since.json::<Value>().await.unwrap()["count"]
        .as_u64()
        .unwrap();
    assert_eq!(
        n,
        s.count(filter("asset.lastUpdatedDate", "GREATER", "2024-12-31"))
            .await
    );
    assert!(n > 0 && n < 3000);
}

/// 401 for a missing, malformed, badly signed or expired token; the narrower user sees only EU assets.
#[tokio::test]
async fn tokens_are_checked_and_users_are_scoped() {
    let s = start_with(1000, 3, generous(), 1).await;
    let no = s.http.post(s.url(COUNT)).send().await.unwrap();
    assert_eq!(no.status(), StatusCode::UNAUTHORIZED);
    let junk = s
        .http
        .post(s.url(COUNT))
        .header("Authorization", "Bearer abc")
        .send()
        .await
        .unwrap();
    assert_eq!(junk.status(), StatusCode::UNAUTHORIZED);
    let mut forged = s.token.clone();
    forged.pop();
    forged.push(if s.token.ends_with('A') { 'B' } else { 'A' });
    let forged = s
        .http
        .post(s.url(COUNT))
        .bearer_auth(forged)
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);

    let eu = login(&s.http, &s.sim.url(), "eu-analyst", "eu-analyst").await;
    let eu_count: Value = s
        .http
        .post(s.url(COUNT))
        .bearer_auth(&eu)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let eu_count = eu_count["count"].as_u64().unwrap();
    assert_eq!(eu_count, s.count(filter("tags.name", "EQUALS", "EU")).await);
    assert!(eu_count < 1000);

    tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
    let expired = s
        .http
        .post(s.url(COUNT))
        .bearer_auth(&s.token)
        .send()
        .await
        .unwrap();
    assert_eq!(expired.status(), StatusCode::UNAUTHORIZED);
}

/// The rolling window refuses with 429 and `X-RateLimit-ToWait-Sec`; every data answer carries the usage headers.
#[tokio::test]
async fn rate_limit_headers_and_429() {
    let s = start_with(
        200,
        1,
        Behaviour {
            rate_limit: 3,
            ..Behaviour::default()
        },
        14_400,
    )
    .await;
    for remaining in [2, 1, 0] {
        let r = s.post_json(COUNT, &json!({})).await;
        assert_eq!(r.status(), StatusCode::OK);
        let h = r.headers();
        assert_eq!(h["X-RateLimit-Limit"], "3");
        assert_eq!(h["X-RateLimit-Window-Sec"], "3600");
        assert_eq!(h["X-RateLimit-Remaining"], remaining.to_string().as_str());
        assert_eq!(h["X-Concurrency-Limit-Limit"], "2");
        assert!(h.contains_key("X-Concurrency-Limit-Running"));
    }
    let r = s.post_json(COUNT, &json!({})).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = r.headers()["X-RateLimit-ToWait-Sec"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(wait > 3500 && wait <= 3600, "{wait}");
    assert_eq!(r.headers()["X-RateLimit-Remaining"], "0");
}

/// Past the concurrency limit a call is refused with 429 while the others run.
#[tokio::test]
async fn concurrency_limit_refuses_the_third_call() {
    let s = start_with(
        200,
        1,
        Behaviour {
            latency_ms: 400,
            ..Behaviour::default()
        },
        14_400,
    )
    .await;
    let body = json!({});
    let (a, b, c) = tokio::join!(
        s.post_json(COUNT, &body),
        s.post_json(COUNT, &body),
        s.post_json(COUNT, &body)
    );
    let mut statuses = vec![a.status(), b.status(), c.status()];
    statuses.sort();
    assert_eq!(
        statuses,
        [
            StatusCode::OK,
            StatusCode::OK,
            StatusCode::TOO_MANY_REQUESTS
        ]
    );
    let stats: Value = s
        .http
        .get(s.url("/__sim/stats"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(stats["peak_running"], 2);
    assert_eq!(stats["limited"], 1);
}

/// Each fault switch, set through `/__sim/config` while running, does what it says.
#[tokio::test]
async fn fault_switches() {
    let s = start_with(500, 1, generous(), 14_400).await;
    s.configure(json!({ "error_rate": 1.0 })).await;
    let st = s.post_json(COUNT, &json!({})).await.status();
    assert!(st == StatusCode::INTERNAL_SERVER_ERROR || st == StatusCode::SERVICE_UNAVAILABLE);

    s.configure(json!({ "error_rate": 0.0, "truncate_rate": 1.0 }))
        .await;
    let text = s.post_json(SEARCH, &json!({})).await.text().await.unwrap();
    assert!(
        serde_json::from_str::<Value>(&text).is_err(),
        "body should be cut off"
    );

    s.configure(json!({ "truncate_rate": 0.0, "empty_has_more": true }))
        .await;
    let last = s
        .post_json(
            &format!("{SEARCH}?pageSize=300&lastSeenAssetId=22272375"),
            &json!({}),
        )
        .await;
    let v: Value = last.json().await.unwrap();
    assert_eq!(
        (v["count"].clone(), v["hasMore"].clone()),
        (json!(0), json!(1))
    );

    s.configure(json!({ "empty_has_more": false, "no_content_at_end": true }))
        .await;
    let end = s
        .post_json(&format!("{SEARCH}?lastSeenAssetId=22272375"), &json!({}))
        .await;
    assert_eq!(end.status(), StatusCode::NO_CONTENT);

    s.configure(json!({ "no_content_at_end": false, "latency_ms": 300 }))
        .await;
    let t = std::time::Instant::now();
    s.post_json(COUNT, &json!({})).await;
    assert!(t.elapsed().as_millis() >= 300);

    let r = s
        .http
        .post(s.url("/__sim/expire-tokens"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        s.post_json(COUNT, &json!({})).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let fresh = login(&s.http, &s.sim.url(), "demo", "demo").await;
    assert_eq!(
        s.http
            .post(s.url(COUNT))
            .bearer_auth(fresh)
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    let bad = s
        .http
        .post(s.url("/__sim/config"))
        .json(&json!({ "nonsense": 1 }))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
}

/// A crawl over HTTP at several page sizes sees every matching asset once, ascending, `count` long.
#[tokio::test]
async fn http_crawl_matches_count() {
    let s = start().await;
    let body = filter("asset.riskScore", "LESSER", "500");
    let n = s.count(body.clone()).await as usize;
    for size in [1usize, 7, 100, 300] {
        if size == 1 && n > 3000 {
            continue;
        }
        let ids: Vec<u64> = s
            .crawl(&body, size)
            .await
            .iter()
            .map(|a| a["assetId"].as_u64().unwrap())
            .collect();
        assert_eq!(ids.len(), n, "page size {size}");
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
    }
}

/// The same seed gives byte-identical responses from two separate simulators.
#[tokio::test]
async fn same_seed_same_bytes() {
    let a = start_with(800, 99, generous(), 14_400).await;
    let b = start_with(800, 99, generous(), 14_400).await;
    for path in [
        format!("{SEARCH}?pageSize=300"),
        format!("{GET}?assetId=22189153"),
    ] {
        let x = a.post_json(&path, &json!({})).await.bytes().await.unwrap();
        let y = b.post_json(&path, &json!({})).await.bytes().await.unwrap();
        assert_eq!(x, y, "{path}");
    }
    let c = start_with(800, 100, generous(), 14_400).await;
    let z = c
        .post_json(&format!("{SEARCH}?pageSize=300"), &json!({}))
        .await
        .bytes()
        .await
        .unwrap();
    let x = a
        .post_json(&format!("{SEARCH}?pageSize=300"), &json!({}))
        .await
        .bytes()
        .await
        .unwrap();
    assert_ne!(x, z);
}

/// Hostile and non-ASCII names exist in every inventory, so escaping is always exercised.
#[tokio::test]
async fn hostile_names_are_present() {
    let s = start_with(100, 1, generous(), 14_400).await;
    assert!(s.count(filter("asset.name", "CONTAINS", "<script>")).await >= 1);
    assert!(s.count(filter("asset.name", "CONTAINS", "été")).await >= 1);
    assert!(s.count(filter("tags.name", "CONTAINS", "<img")).await >= 1);
}
