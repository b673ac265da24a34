//! The per-user answer cache, which also coalesces identical requests in flight.
//!
//! Keys always start with the platform and the Qualys user (Qualys scopes what each user
//! sees, so answers are never shared between users), then the exact request. An entry is one
//! `OnceCell`: the first caller fetches, everyone arriving meanwhile awaits that same fetch,
//! and later callers read the value until it is older than the TTL. A failed fetch is handed
//! to those already waiting and then forgotten, so the next request asks again; a failed
//! refresh puts back the value it was to replace, so a refused refresh loses nothing.

use super::qualys::ClientError;
use super::session::now_secs;
use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::OnceCell;

type Stored = Result<(Arc<dyn Any + Send + Sync>, u64), ClientError>;

pub struct Cache {
    ttl: Duration,
    entries: Mutex<HashMap<String, Arc<OnceCell<Stored>>>>,
}

/// A value and when Qualys produced it.
#[derive(Clone, Debug)]
pub struct Got<T> {
    pub value: T,
    /// Unix seconds of the upstream call that produced it.
    pub at: u64,
    /// Whether this request made the upstream call (as opposed to reading the cache or
    /// joining a call already in flight).
    pub fetched: bool,
}

/// Entries kept before expired ones are swept.
const SWEEP_AT: usize = 10_000;

/// The cache key for one user's request.
pub fn key(platform: &str, username: &str, request: &str) -> String {
    format!("{platform}\u{1f}{username}\u{1f}{request}")
}

impl Cache {
    pub fn new(ttl: Duration) -> Cache {
        Cache {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn expired(&self, cell: &OnceCell<Stored>, now: u64) -> bool {
        matches!(cell.get(), Some(Ok((_, at))) if now.saturating_sub(*at) >= self.ttl.as_secs())
    }

    /// The cached value for `key`, or the result of `fetch` (shared with identical calls in
    /// flight). `refresh` drops a cached value first.
    pub async fn get_or_fetch<T, F, Fut>(
        &self,
        key: String,
        refresh: bool,
        fetch: F,
    ) -> Result<Got<T>, ClientError>
    where
        T: Clone + Send + Sync + 'static,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, ClientError>>,
    {
        let now = now_secs();
        let mut previous = None;
        let cell = {
            let mut entries = self.entries.lock().expect("cache lock");
            if entries.len() > SWEEP_AT {
                entries.retain(|_, c| !self.expired(c, now));
            }
            let current = entries.get(&key).cloned();
            if current.as_ref().is_some_and(|c| self.expired(c, now)) {
                entries.remove(&key);
            } else if let Some(c) = current.filter(|c| refresh && c.initialized()) {
                previous = Some(c);
                entries.remove(&key);
            }
            entries.entry(key.clone()).or_default().clone()
        };
        let mut fetched = false;
        let stored = cell
            .get_or_init(|| {
                fetched = true;
                async move {
                    fetch()
                        .await
                        .map(|v| (Arc::new(v) as Arc<dyn Any + Send + Sync>, now_secs()))
                }
            })
            .await;
        match stored {
            Ok((value, at)) => {
                let value = value
                    .downcast_ref::<T>()
                    .expect("one key always holds one type")
                    .clone();
                Ok(Got {
                    value,
                    at: *at,
                    fetched,
                })
            }
            Err(e) => {
                let mut entries = self.entries.lock().expect("cache lock");
                if entries.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
                    match previous.filter(|p| matches!(p.get(), Some(Ok(_)))) {
                        Some(p) => entries.insert(key, p),
                        None => entries.remove(&key),
                    };
                }
                Err(e.clone())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn second_read_is_a_hit_and_refresh_refetches() {
        let cache = Cache::new(Duration::from_secs(300));
        let calls = AtomicU32::new(0);
        let fetch = || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Ok::<u64, ClientError>(7)
        };
        assert!(
            cache
                .get_or_fetch("k".into(), false, fetch)
                .await
                .unwrap()
                .fetched
        );
        let again = cache.get_or_fetch("k".into(), false, fetch).await.unwrap();
        assert_eq!((again.value, again.fetched), (7, false));
        assert!(
            cache
                .get_or_fetch("k".into(), true, fetch)
                .await
                .unwrap()
                .fetched
        );
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test]
    async fn simultaneous_identical_requests_share_one_fetch() {
        let cache = Arc::new(Cache::new(Duration::from_secs(300)));
        let calls = Arc::new(AtomicU32::new(0));
        let tasks: Vec<_> = (0..20)
            .map(|_| {
                let (cache, calls) = (cache.clone(), calls.clone());
                tokio::spawn(async move {
                    cache
                        .get_or_fetch("same".into(), false, || async move {
                            calls.fetch_add(1, Ordering::SeqCst);
                            tokio::time::sleep(Duration::from_millis(50)).await;
                            Ok::<u64, ClientError>(1)
                        })
                        .await
                        .unwrap()
                })
            })
            .collect();
        for t in tasks {
            t.await.unwrap();
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn failures_are_not_cached() {
        let cache = Cache::new(Duration::from_secs(300));
        let r = cache
            .get_or_fetch::<u64, _, _>("k".into(), false, || async { Err(ClientError::Timeout) })
            .await;
        assert_eq!(r.unwrap_err(), ClientError::Timeout);
        let ok = cache
            .get_or_fetch("k".into(), false, || async { Ok::<u64, ClientError>(3) })
            .await
            .unwrap();
        assert!(ok.fetched);
    }

    #[tokio::test]
    async fn a_failed_refresh_keeps_the_value_it_was_to_replace() {
        let cache = Cache::new(Duration::from_secs(300));
        let first = cache
            .get_or_fetch("k".into(), false, || async { Ok::<u64, ClientError>(5) })
            .await
            .unwrap();
        let refused = cache
            .get_or_fetch::<u64, _, _>("k".into(), true, || async {
                Err(ClientError::RateLimited { wait_secs: 60 })
            })
            .await;
        assert!(refused.is_err());
        let after = cache
            .get_or_fetch("k".into(), false, || async { Ok::<u64, ClientError>(9) })
            .await
            .unwrap();
        assert_eq!((after.value, after.at, after.fetched), (5, first.at, false));
    }

    #[test]
    fn keys_separate_users() {
        assert_ne!(
            key("DEMO", "demo", "count {}"),
            key("DEMO", "eu-analyst", "count {}")
        );
        assert_ne!(
            key("US1", "demo", "count {}"),
            key("DEMO", "demo", "count {}")
        );
    }
}
