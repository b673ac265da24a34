//! What both benchmarks share: percentiles and memory readings.
#![allow(dead_code)]

use std::time::Duration;

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The `p` percentile (0.0–1.0) of the samples, in milliseconds.
pub fn percentile(samples: &mut [Duration], p: f64) -> f64 {
    if samples.is_empty() {
        return f64::NAN;
    }
    samples.sort();
    ms(samples[((samples.len() as f64 - 1.0) * p).round() as usize])
}

/// A memory figure (`VmRSS`, `VmHWM`, …) of a process from `/proc`, in MB.
pub fn proc_mb(pid: &str, field: &str) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// A demo user's token from a simulator at `base` (`http://host:port`).
pub async fn demo_token(http: &reqwest::Client, base: &str) -> String {
    http.post(format!("{base}/auth"))
        .form(&[
            ("username", "demo"),
            ("password", "demo"),
            ("token", "true"),
        ])
        .send()
        .await
        .expect("the simulator answers /auth")
        .text()
        .await
        .expect("a token")
}
