//! Breakdown results: the cards on the overview. Each bucket is a count with the criteria
//! that select it (so a row can link to the asset list filtered to it).

use super::asset::AssetRow;
use super::draft::FilterDraft;
use super::filter::{Criterion, Filter, Operator};
use super::score::{RiskBand, TrackingMethod};
use serde::{Deserialize, Serialize};

/// Which breakdown a card shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Dimension {
    Risk,
    Tracking,
    Criticality,
}

impl Dimension {
    pub const ALL: [Dimension; 3] = [Dimension::Risk, Dimension::Tracking, Dimension::Criticality];

    /// The card's name in URLs, forms and test ids.
    pub fn slug(self) -> &'static str {
        match self {
            Dimension::Risk => "risk",
            Dimension::Tracking => "tracking",
            Dimension::Criticality => "criticality",
        }
    }

    pub fn from_slug(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.slug() == s)
    }

    pub fn title(self) -> &'static str {
        match self {
            Dimension::Risk => "TruRisk score",
            Dimension::Tracking => "Tracking method",
            Dimension::Criticality => "Asset criticality",
        }
    }

    /// The buckets a filter can select, in display order. The remainder ("Not scored",
    /// "Other") is the total less these, so no asset silently disappears.
    pub fn buckets(self) -> Vec<BucketSpec> {
        match self {
            Dimension::Risk => RiskBand::ALL
                .iter()
                .filter_map(|b| {
                    b.criteria().map(|criteria| BucketSpec {
                        key: b.slug().into(),
                        label: format!("{} ({})", b.label(), b.range_label()),
                        criteria,
                    })
                })
                .collect(),
            Dimension::Tracking => super::filter::TRACKING_METHODS
                .iter()
                .map(|m| BucketSpec {
                    key: m.to_string(),
                    label: TrackingMethod(m.to_string()).label().to_string(),
                    criteria: vec![Criterion::new("asset.trackingMethod", Operator::Equals, *m)],
                })
                .collect(),
            Dimension::Criticality => (1..=5)
                .rev()
                .map(|s| BucketSpec {
                    key: s.to_string(),
                    label: format!(
                        "Criticality {s}{}",
                        if s == 5 { " (most critical)" } else { "" }
                    ),
                    criteria: vec![Criterion::new(
                        "asset.criticalityScore",
                        Operator::Equals,
                        s.to_string(),
                    )],
                })
                .collect(),
        }
    }

    /// Label of the remainder row.
    pub fn remainder_label(self) -> &'static str {
        match self {
            Dimension::Risk => "Not scored",
            Dimension::Tracking => "Other",
            Dimension::Criticality => "No criticality",
        }
    }

    pub fn remainder_key(self) -> &'static str {
        match self {
            Dimension::Risk => "none",
            Dimension::Tracking | Dimension::Criticality => "other",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BucketSpec {
    pub key: String,
    pub label: String,
    pub criteria: Vec<Criterion>,
}

/// One row of a card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bucket {
    pub key: String,
    pub label: String,
    pub count: u64,
    /// The asset list showing exactly this bucket, when a filter can express it.
    pub href: Option<String>,
}

/// How a card's numbers were obtained, for the "this view cost" line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    /// One count per bucket.
    Counts,
    /// One crawl of the filtered set, shared by every card.
    Crawl,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Breakdown {
    pub dimension: Dimension,
    pub total: u64,
    pub buckets: Vec<Bucket>,
    pub method: Method,
    /// Upstream calls this card cost now (0 when all came from the cache).
    pub calls: u32,
    /// Unix seconds when the oldest number in it was fetched from Qualys.
    pub as_of: u64,
}

impl Breakdown {
    /// Share of the total, 0.0–1.0.
    pub fn share(&self, count: u64) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            count as f64 / self.total as f64
        }
    }
}

/// The asset-list link for `filter` narrowed by `extra`, or `None` when Qualys cannot express it
/// (an OR of several criteria cannot take an extra AND).
pub fn list_href(filter: &Filter, extra: &[Criterion]) -> Option<String> {
    let narrowed = filter.narrowed(extra)?;
    let q = FilterDraft::from_filter(&narrowed).to_query();
    Some(if q.is_empty() {
        "/assets".into()
    } else {
        format!("/assets?{q}")
    })
}

/// A card's remainder row: assets no Qualys filter can select. The asset list shows them by
/// cutting one crawl of the filtered set (`?only=…`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Remainder {
    NotScored,
    OtherTracking,
    NoCriticality,
}

impl Remainder {
    pub const ALL: [Remainder; 3] = [
        Remainder::NotScored,
        Remainder::OtherTracking,
        Remainder::NoCriticality,
    ];

    pub fn of(dimension: Dimension) -> Remainder {
        match dimension {
            Dimension::Risk => Remainder::NotScored,
            Dimension::Tracking => Remainder::OtherTracking,
            Dimension::Criticality => Remainder::NoCriticality,
        }
    }

    /// The value of the list's `only=` parameter.
    pub fn param(self) -> &'static str {
        match self {
            Remainder::NotScored => "unscored",
            Remainder::OtherTracking => "other-tracking",
            Remainder::NoCriticality => "no-criticality",
        }
    }

    pub fn parse(s: &str) -> Option<Remainder> {
        Remainder::ALL.into_iter().find(|r| r.param() == s)
    }

    /// What the list shows, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Remainder::NotScored => "assets without a TruRisk score",
            Remainder::OtherTracking => "assets tracked by a method outside the known list",
            Remainder::NoCriticality => "assets without a criticality score",
        }
    }

    pub fn matches(self, row: &AssetRow) -> bool {
        match self {
            Remainder::NotScored => row.risk.is_none(),
            Remainder::OtherTracking => !row
                .tracking
                .as_deref()
                .is_some_and(|t| super::filter::TRACKING_METHODS.contains(&t)),
            Remainder::NoCriticality => !row.criticality.is_some_and(|c| (1..=5).contains(&c)),
        }
    }

    /// The asset list of the filter's assets in this remainder.
    pub fn href(self, filter: &Filter) -> String {
        let q = FilterDraft::from_filter(filter).to_query();
        let sep = if q.is_empty() { "" } else { "&" };
        format!("/assets?{q}{sep}only={}", self.param())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(risk: Option<i64>, tracking: Option<&str>, criticality: Option<i64>) -> AssetRow {
        AssetRow {
            id: 1,
            name: "a".into(),
            address: None,
            os: None,
            risk,
            criticality,
            tracking: tracking.map(str::to_string),
            updated: None,
        }
    }

    #[test]
    fn remainders_keep_exactly_what_no_bucket_counts() {
        assert!(Remainder::NotScored.matches(&row(None, Some("IP"), Some(2))));
        assert!(!Remainder::NotScored.matches(&row(Some(0), Some("IP"), Some(2))));
        assert!(Remainder::OtherTracking.matches(&row(Some(1), Some("SOMETHING_NEW"), Some(2))));
        assert!(Remainder::OtherTracking.matches(&row(Some(1), None, Some(2))));
        assert!(!Remainder::OtherTracking.matches(&row(Some(1), Some("PASSIVE_SENSOR"), Some(2))));
        assert!(Remainder::NoCriticality.matches(&row(Some(1), Some("IP"), None)));
        assert!(!Remainder::NoCriticality.matches(&row(Some(1), Some("IP"), Some(5))));
    }

    #[test]
    fn remainder_links_keep_the_filter() {
        let f = Filter::and(vec![Criterion::new(
            "asset.name",
            Operator::Contains,
            "web",
        )]);
        assert_eq!(
            Remainder::NotScored.href(&f),
            "/assets?field=asset.name&operator=CONTAINS&value=web&only=unscored"
        );
        assert_eq!(
            Remainder::OtherTracking.href(&Filter::all()),
            "/assets?only=other-tracking"
        );
        for r in Remainder::ALL {
            assert_eq!(Remainder::parse(r.param()), Some(r));
        }
    }
}
