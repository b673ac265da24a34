//! What the numbers on an asset mean: TruRisk bands, tracking methods, criticality.

use super::filter::{Criterion, Operator};
use serde::{Deserialize, Serialize};

/// A TruRisk band (`riskScore` 0–1000), or no score at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RiskBand {
    Severe,
    High,
    Medium,
    Low,
    NotScored,
}

impl RiskBand {
    pub const ALL: [RiskBand; 5] = [
        RiskBand::Severe,
        RiskBand::High,
        RiskBand::Medium,
        RiskBand::Low,
        RiskBand::NotScored,
    ];

    pub fn of(score: Option<i64>) -> RiskBand {
        match score {
            None => RiskBand::NotScored,
            Some(s) if s >= 850 => RiskBand::Severe,
            Some(s) if s >= 700 => RiskBand::High,
            Some(s) if s >= 500 => RiskBand::Medium,
            Some(_) => RiskBand::Low,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RiskBand::Severe => "Severe",
            RiskBand::High => "High",
            RiskBand::Medium => "Medium",
            RiskBand::Low => "Low",
            RiskBand::NotScored => "Not scored",
        }
    }

    /// The range as people read it.
    pub fn range_label(self) -> &'static str {
        match self {
            RiskBand::Severe => "850–1000",
            RiskBand::High => "700–849",
            RiskBand::Medium => "500–699",
            RiskBand::Low => "0–499",
            RiskBand::NotScored => "no score",
        }
    }

    /// A CSS class suffix; colours live in the stylesheet.
    pub fn slug(self) -> &'static str {
        match self {
            RiskBand::Severe => "severe",
            RiskBand::High => "high",
            RiskBand::Medium => "medium",
            RiskBand::Low => "low",
            RiskBand::NotScored => "none",
        }
    }

    /// The criteria that select this band, when a Qualys filter can express it.
    /// "Not scored" cannot be filtered for; it is the total less the four scored bands.
    pub fn criteria(self) -> Option<Vec<Criterion>> {
        let score = |op, v: &str| Criterion::new("asset.riskScore", op, v);
        Some(match self {
            RiskBand::Severe => vec![score(Operator::Greater, "849")],
            RiskBand::High => vec![
                score(Operator::Greater, "699"),
                score(Operator::Lesser, "850"),
            ],
            RiskBand::Medium => vec![
                score(Operator::Greater, "499"),
                score(Operator::Lesser, "700"),
            ],
            RiskBand::Low => vec![score(Operator::Lesser, "500")],
            RiskBand::NotScored => return None,
        })
    }
}

/// How Qualys tracks an asset (`inventory.source`). Unknown methods are kept by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TrackingMethod(pub String);

impl TrackingMethod {
    pub fn label(&self) -> &str {
        match self.0.as_str() {
            "QAGENT" => "Cloud Agent",
            "IP" => "IP address",
            "DNSNAME" => "DNS name",
            "NETBIOS" => "NetBIOS name",
            "INSTANCE_ID" => "Cloud instance ID",
            "PASSIVE_SENSOR" => "Passive sensor",
            "EASM" => "External attack surface",
            "NONE" => "None",
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_edges_follow_qualys() {
        let cases = [
            (Some(1000), RiskBand::Severe),
            (Some(850), RiskBand::Severe),
            (Some(849), RiskBand::High),
            (Some(700), RiskBand::High),
            (Some(699), RiskBand::Medium),
            (Some(500), RiskBand::Medium),
            (Some(499), RiskBand::Low),
            (Some(0), RiskBand::Low),
            (None, RiskBand::NotScored),
        ];
        for (score, band) in cases {
            assert_eq!(RiskBand::of(score), band, "{score:?}");
        }
    }

    #[test]
    fn band_criteria_are_valid_filters() {
        for band in RiskBand::ALL {
            for c in band.criteria().unwrap_or_default() {
                c.typed_value().unwrap();
            }
        }
    }
}
