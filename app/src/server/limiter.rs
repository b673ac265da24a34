//! Keeps qdash inside each Qualys subscription's limits: at most N calls at once (2 by
//! default, adjusted to what `X-Concurrency-Limit-Limit` reports), and the last budget
//! Qualys reported (`X-RateLimit-*`), which every page shows.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// The call budget as Qualys last reported it for a subscription.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetReport {
    pub limit: u32,
    pub remaining: u32,
    pub window_secs: u64,
    /// Unix seconds when Qualys said so.
    pub seen_at: u64,
}

struct Subscription {
    permits: Arc<Semaphore>,
    concurrency: Mutex<u32>,
    budget: Mutex<Option<BudgetReport>>,
}

pub struct Limiter {
    default_concurrency: u32,
    subs: Mutex<HashMap<String, Arc<Subscription>>>,
}

impl Limiter {
    pub fn new(default_concurrency: u32) -> Limiter {
        Limiter {
            default_concurrency: default_concurrency.max(1),
            subs: Mutex::new(HashMap::new()),
        }
    }

    fn sub(&self, key: &str) -> Arc<Subscription> {
        let mut subs = self.subs.lock().expect("limiter lock");
        subs.entry(key.to_string())
            .or_insert_with(|| {
                Arc::new(Subscription {
                    permits: Arc::new(Semaphore::new(self.default_concurrency as usize)),
                    concurrency: Mutex::new(self.default_concurrency),
                    budget: Mutex::new(None),
                })
            })
            .clone()
    }

    /// Waits for a place among the subscription's calls at once.
    pub async fn acquire(&self, key: &str) -> OwnedSemaphorePermit {
        self.sub(key)
            .permits
            .clone()
            .acquire_owned()
            .await
            .expect("limiter semaphores are never closed")
    }

    /// Records what an answer's headers say about the subscription's limits.
    pub fn observe(&self, key: &str, headers: &reqwest::header::HeaderMap, now: u64) {
        let num = |name: &str| {
            headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.trim().parse::<u64>().ok())
        };
        let sub = self.sub(key);
        if let (Some(limit), Some(remaining)) =
            (num("X-RateLimit-Limit"), num("X-RateLimit-Remaining"))
        {
            *sub.budget.lock().expect("budget lock") = Some(BudgetReport {
                limit: limit as u32,
                remaining: remaining as u32,
                window_secs: num("X-RateLimit-Window-Sec").unwrap_or(3600),
                seen_at: now,
            });
        }
        if let Some(wanted) = num("X-Concurrency-Limit-Limit").map(|n| n.clamp(1, 64) as u32) {
            let mut current = sub.concurrency.lock().expect("concurrency lock");
            if wanted > *current {
                sub.permits.add_permits((wanted - *current) as usize);
            } else if wanted < *current {
                // Take the surplus places out of circulation as they come free.
                let (permits, surplus) = (sub.permits.clone(), *current - wanted);
                tokio::spawn(async move {
                    if let Ok(p) = permits.acquire_many_owned(surplus).await {
                        p.forget();
                    }
                });
            }
            *current = wanted;
        }
    }

    pub fn budget(&self, key: &str) -> Option<BudgetReport> {
        *self.sub(key).budget.lock().expect("budget lock")
    }

    pub fn concurrency(&self, key: &str) -> u32 {
        *self.sub(key).concurrency.lock().expect("concurrency lock")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::{HeaderMap, HeaderValue};

    #[tokio::test]
    async fn follows_the_reported_concurrency() {
        let l = Limiter::new(2);
        let mut h = HeaderMap::new();
        h.insert("X-Concurrency-Limit-Limit", HeaderValue::from_static("3"));
        h.insert("X-RateLimit-Limit", HeaderValue::from_static("300"));
        h.insert("X-RateLimit-Remaining", HeaderValue::from_static("250"));
        l.observe("s", &h, 10);
        assert_eq!(l.concurrency("s"), 3);
        let _a = l.acquire("s").await;
        let _b = l.acquire("s").await;
        let _c = l.acquire("s").await;
        assert_eq!(l.budget("s").unwrap().remaining, 250);
        assert!(l.budget("other").is_none());
    }
}
