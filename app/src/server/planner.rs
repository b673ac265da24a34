//! The breakdown planner: answers the pages' questions with the fewest upstream calls.
//!
//! A breakdown can be had two ways: one `count` per bucket (17 for the three cards), or one
//! crawl of the filtered set (⌈total ÷ 300⌉ search pages carrying only the fields the cards
//! need), which then feeds every card. The planner takes the cheaper; an OR of several
//! criteria cannot take an extra AND criterion, so it always crawls. Every call goes through
//! the per-user cache, which also coalesces identical calls in flight.

use super::cache::{self, Cache, Got};
use super::qualys::{ClientError, QualysClient, Upstream, MAX_PAGE_SIZE};
use crate::model::breakdown::{list_href, Breakdown, Bucket, Dimension, Method, Remainder};
use crate::model::{Asset, AssetPage, AssetRow, Filter, Operation};
use std::sync::Arc;

/// Only the fields the cards read: top-level scalars (riskScore) plus these groups.
const CRAWL_FIELDS: &str = "inventory,criticality";
/// What a list row shows beyond the top-level scalars.
const ROW_FIELDS: &str = "inventory,criticality,operatingSystem";

/// What a crawl keeps per asset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slim {
    pub risk: Option<i64>,
    pub tracking: Option<String>,
    pub criticality: Option<i64>,
}

/// How the whole overview will be computed for a filter with `total` assets.
pub fn choose(filter: &Filter, total: u64) -> Method {
    let count_calls: u64 = Dimension::ALL
        .iter()
        .map(|d| d.buckets().len() as u64)
        .sum();
    let must_crawl = filter.operation == Operation::Or && filter.criteria.len() > 1;
    // On a tie, counts win: they run two at a time, while a crawl pages one cursor after another.
    if must_crawl || crawl_calls(total) < count_calls {
        Method::Crawl
    } else {
        Method::Counts
    }
}

pub fn crawl_calls(total: u64) -> u64 {
    total.div_ceil(MAX_PAGE_SIZE as u64).max(1)
}

/// One user's view of Qualys: the client, the cache and who is asking.
pub struct Planner<'a> {
    pub client: &'a QualysClient,
    pub cache: &'a Cache,
    pub upstream: &'a Upstream,
    pub platform: &'a str,
    pub username: &'a str,
    /// Crawls above this many calls are refused rather than spending the team's budget.
    pub crawl_max_calls: u64,
}

/// Why a breakdown could not be had.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanError {
    Client(ClientError),
    /// The only correct way needs more calls than allowed.
    TooCostly {
        total: u64,
        calls: u64,
    },
}

impl From<ClientError> for PlanError {
    fn from(e: ClientError) -> Self {
        PlanError::Client(e)
    }
}

impl Planner<'_> {
    fn key(&self, request: &str) -> String {
        cache::key(self.platform, self.username, request)
    }

    pub async fn count(&self, filter: &Filter, refresh: bool) -> Result<Got<u64>, ClientError> {
        let key = self.key(&format!("count {}", filter.to_json_body()));
        self.cache
            .get_or_fetch(key, refresh, || self.client.count(self.upstream, filter))
            .await
    }

    pub async fn page(
        &self,
        filter: &Filter,
        cursor: Option<u64>,
        size: u16,
        refresh: bool,
    ) -> Result<Got<Arc<AssetPage>>, ClientError> {
        let key = self.key(&format!(
            "search {size} {} {}",
            cursor.unwrap_or(0),
            filter.to_json_body()
        ));
        self.cache
            .get_or_fetch(key, refresh, || async {
                self.client
                    .search(self.upstream, filter, cursor, size, None)
                    .await
                    .map(Arc::new)
            })
            .await
    }

    /// One asset. "No such asset" is an answer too, cached like any other, so a bad link
    /// clicked twice costs one call.
    pub async fn asset(&self, id: u64, refresh: bool) -> Result<Got<Arc<Asset>>, ClientError> {
        let key = self.key(&format!("get {id}"));
        let got = self
            .cache
            .get_or_fetch(key, refresh, || async {
                match self.client.get(self.upstream, id).await {
                    Ok(a) => Ok(Some(Arc::new(a))),
                    Err(ClientError::NotFound) => Ok(None),
                    Err(e) => Err(e),
                }
            })
            .await?;
        match got.value {
            Some(value) => Ok(Got {
                value,
                at: got.at,
                fetched: got.fetched,
            }),
            None => Err(ClientError::NotFound),
        }
    }

    /// Every asset of the filtered set, page after page, kept as `keep` makes it, with the
    /// number of pages it took.
    async fn crawl_with<T>(
        &self,
        filter: &Filter,
        fields: &str,
        keep: impl Fn(&Asset) -> T,
    ) -> Result<(Vec<T>, u64), ClientError> {
        let mut out = Vec::new();
        let mut cursor = None;
        let mut pages = 0;
        loop {
            let page = self
                .client
                .search(self.upstream, filter, cursor, MAX_PAGE_SIZE, Some(fields))
                .await?;
            pages += 1;
            out.extend(page.assets.iter().map(&keep));
            match page.next_cursor {
                Some(c) => cursor = Some(c),
                None => return Ok((out, pages)),
            }
        }
    }

    /// The filtered set slimmed to what the cards count, with the number of pages it took.
    pub async fn crawl(
        &self,
        filter: &Filter,
        refresh: bool,
    ) -> Result<Got<Arc<(Vec<Slim>, u64)>>, ClientError> {
        let key = self.key(&format!("crawl {}", filter.to_json_body()));
        self.cache
            .get_or_fetch(key, refresh, || async {
                let slim = |a: &Asset| Slim {
                    risk: a.risk_score,
                    tracking: a.inventory.as_ref().and_then(|i| i.source.clone()),
                    criticality: a.criticality_score(),
                };
                self.crawl_with(filter, CRAWL_FIELDS, slim)
                    .await
                    .map(Arc::new)
            })
            .await
    }

    /// The filtered set as list rows. Qualys cannot filter for a card's remainder (no score,
    /// another tracking method, no criticality), so those lists are cut from this, at the cost
    /// of a crawl (refused when too costly).
    pub async fn rows(
        &self,
        filter: &Filter,
        refresh: bool,
    ) -> Result<Got<Arc<Vec<AssetRow>>>, PlanError> {
        let total = self.count(filter, refresh).await?.value;
        let needed = crawl_calls(total);
        if needed > self.crawl_max_calls {
            return Err(PlanError::TooCostly {
                total,
                calls: needed,
            });
        }
        let key = self.key(&format!("rows {}", filter.to_json_body()));
        let got = self
            .cache
            .get_or_fetch(key, refresh, || async {
                self.crawl_with(filter, ROW_FIELDS, |a: &Asset| AssetRow::from(a))
                    .await
                    .map(|(rows, _)| Arc::new(rows))
            })
            .await?;
        Ok(got)
    }

    /// One card of the overview, computed the cheaper way.
    pub async fn breakdown(
        &self,
        filter: &Filter,
        dimension: Dimension,
        refresh: bool,
    ) -> Result<Breakdown, PlanError> {
        self.breakdown_by(filter, dimension, refresh, None).await
    }

    /// One card, computed by `method` when given (tests compare both), else the cheaper way.
    pub async fn breakdown_by(
        &self,
        filter: &Filter,
        dimension: Dimension,
        refresh: bool,
        method: Option<Method>,
    ) -> Result<Breakdown, PlanError> {
        let total = self.count(filter, refresh).await?;
        let mut calls = total.fetched as u32;
        let mut as_of = total.at;
        let specs = dimension.buckets();
        let method = method.unwrap_or_else(|| choose(filter, total.value));
        if method == Method::Counts && filter.narrowed(&[]).is_none() {
            // An OR of several cannot take the buckets' AND criteria: counts would be wrong.
            return Err(PlanError::TooCostly {
                total: total.value,
                calls: u64::MAX,
            });
        }
        let counts: Vec<u64> = match method {
            Method::Crawl => {
                let needed = crawl_calls(total.value);
                if needed > self.crawl_max_calls {
                    return Err(PlanError::TooCostly {
                        total: total.value,
                        calls: needed,
                    });
                }
                let crawl = self.crawl(filter, refresh).await?;
                if crawl.fetched {
                    calls += crawl.value.1 as u32;
                }
                as_of = as_of.min(crawl.at);
                specs
                    .iter()
                    .map(|s| {
                        crawl
                            .value
                            .0
                            .iter()
                            .filter(|a| in_bucket(dimension, &s.key, a))
                            .count() as u64
                    })
                    .collect()
            }
            Method::Counts => {
                let narrowed: Vec<Filter> = specs
                    .iter()
                    .map(|s| filter.narrowed(&s.criteria).expect("checked above"))
                    .collect();
                // Concurrent; the limiter keeps them within the subscription's calls at once.
                let results =
                    futures::future::join_all(narrowed.iter().map(|f| self.count(f, refresh)))
                        .await;
                let mut counts = Vec::with_capacity(results.len());
                for r in results {
                    let got = r?;
                    calls += got.fetched as u32;
                    as_of = as_of.min(got.at);
                    counts.push(got.value);
                }
                counts
            }
        };
        let mut buckets: Vec<Bucket> = specs
            .iter()
            .zip(&counts)
            .map(|(s, n)| Bucket {
                key: s.key.clone(),
                label: s.label.clone(),
                count: *n,
                href: list_href(filter, &s.criteria),
            })
            .collect();
        let rest = total.value.saturating_sub(counts.iter().sum());
        // No Qualys filter selects the remainder; the list cuts it from a crawl (`only=…`).
        let rest_href = Some(Remainder::of(dimension).href(filter));
        buckets.push(Bucket {
            key: dimension.remainder_key().into(),
            label: dimension.remainder_label().into(),
            count: rest,
            href: rest_href,
        });
        Ok(Breakdown {
            dimension,
            total: total.value,
            buckets,
            method,
            calls,
            as_of,
        })
    }
}

fn in_bucket(dimension: Dimension, key: &str, a: &Slim) -> bool {
    match dimension {
        Dimension::Risk => a.risk.is_some() && crate::model::RiskBand::of(a.risk).slug() == key,
        Dimension::Tracking => a.tracking.as_deref() == Some(key),
        Dimension::Criticality => a.criticality.map(|c| c.to_string()).as_deref() == Some(key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Criterion, Operator};

    #[test]
    fn small_sets_crawl_large_sets_count() {
        let f = Filter::all();
        assert_eq!(choose(&f, 300), Method::Crawl);
        assert_eq!(choose(&f, 16 * 300), Method::Crawl);
        assert_eq!(choose(&f, 16 * 300 + 1), Method::Counts);
        assert_eq!(choose(&f, 100_000), Method::Counts);
    }

    #[test]
    fn an_or_of_several_always_crawls() {
        let or = Filter {
            operation: Operation::Or,
            criteria: vec![
                Criterion::new("asset.name", Operator::Contains, "a"),
                Criterion::new("asset.name", Operator::Contains, "b"),
            ],
        };
        assert_eq!(choose(&or, 1_000_000), Method::Crawl);
    }

    #[test]
    fn crawl_cost_is_pages_of_300() {
        assert_eq!(crawl_calls(0), 1);
        assert_eq!(crawl_calls(300), 1);
        assert_eq!(crawl_calls(301), 2);
        assert_eq!(crawl_calls(5000), 17);
    }
}
