//! Per-subscription limits as Qualys applies them: a rolling window of calls and a number of
//! calls at once. A call holds a [`Slot`] while it runs; dropping it frees the place.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Subscription {
    calls: VecDeque<Instant>,
    running: u32,
}

/// The limits in force and each subscription's use of them.
#[derive(Clone, Default)]
pub struct Limiter {
    subs: Arc<Mutex<HashMap<u64, Subscription>>>,
}

/// What the `X-RateLimit-*` and `X-Concurrency-*` headers report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Usage {
    pub limit: u32,
    pub window_secs: u64,
    pub remaining: u32,
    pub concurrency_limit: u32,
    pub running: u32,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Refused {
    pub usage: Usage,
    pub to_wait_secs: u64,
}

/// A place taken in the subscription's concurrency; freed on drop.
pub struct Slot {
    limiter: Limiter,
    sub: u64,
    pub usage: Usage,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut subs = self.limiter.subs.lock().expect("limiter lock");
        if let Some(s) = subs.get_mut(&self.sub) {
            s.running = s.running.saturating_sub(1);
        }
    }
}

impl Limiter {
    /// Takes a place for one call, or says how long to wait.
    pub fn acquire(
        &self,
        sub: u64,
        limit: u32,
        window_secs: u64,
        concurrency: u32,
    ) -> Result<Slot, Refused> {
        let now = Instant::now();
        let window = Duration::from_secs(window_secs);
        let mut subs = self.subs.lock().expect("limiter lock");
        let s = subs.entry(sub).or_default();
        while s
            .calls
            .front()
            .is_some_and(|t| now.duration_since(*t) >= window)
        {
            s.calls.pop_front();
        }
        let usage = |s: &Subscription| Usage {
            limit,
            window_secs,
            remaining: limit.saturating_sub(s.calls.len() as u32),
            concurrency_limit: concurrency,
            running: s.running,
        };
        if s.calls.len() as u32 >= limit {
            // With a limit of 0 nothing ever gets in: wait a whole window.
            let wait = s.calls.front().map_or(window, |oldest| {
                window.saturating_sub(now.duration_since(*oldest))
            });
            return Err(Refused {
                usage: usage(s),
                to_wait_secs: wait.as_secs_f64().ceil().max(1.0) as u64,
            });
        }
        if s.running >= concurrency {
            return Err(Refused {
                usage: usage(s),
                to_wait_secs: 1,
            });
        }
        s.calls.push_back(now);
        s.running += 1;
        let usage = usage(s);
        drop(subs);
        Ok(Slot {
            limiter: self.clone(),
            sub,
            usage,
        })
    }

    /// Forgets every call made (the control endpoint's reset).
    pub fn reset(&self) {
        self.subs
            .lock()
            .expect("limiter lock")
            .values_mut()
            .for_each(|s| s.calls.clear());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_window_refuses_past_its_limit() {
        let l = Limiter::default();
        let a = l.acquire(1, 2, 3600, 5).unwrap();
        assert_eq!(a.usage.remaining, 1);
        let _b = l.acquire(1, 2, 3600, 5).unwrap();
        let r = l.acquire(1, 2, 3600, 5).err().unwrap();
        assert!(r.to_wait_secs > 3500);
        // Another subscription has its own budget.
        assert!(l.acquire(2, 2, 3600, 5).is_ok());
    }

    #[test]
    fn concurrency_frees_on_drop() {
        let l = Limiter::default();
        let a = l.acquire(1, 100, 60, 1).unwrap();
        assert!(l.acquire(1, 100, 60, 1).is_err());
        drop(a);
        assert!(l.acquire(1, 100, 60, 1).is_ok());
    }
}
