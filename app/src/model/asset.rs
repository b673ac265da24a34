//! The Qualys asset record, parsed leniently: the fields qdash shows are typed, every other
//! field is kept as raw JSON in `rest` (shown on the detail page), and none is required.

use super::score::{RiskBand, TrackingMethod};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Lifecycle {
    pub ga_date: Option<String>,
    pub eol_date: Option<String>,
    pub eos_date: Option<String>,
    pub stage: Option<String>,
    pub life_cycle_confidence: Option<String>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct OperatingSystem {
    pub os_name: Option<String>,
    pub full_name: Option<String>,
    pub category1: Option<String>,
    pub category2: Option<String>,
    pub architecture: Option<String>,
    pub lifecycle: Option<Lifecycle>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Criticality {
    pub score: Option<i64>,
    pub is_default: Option<bool>,
    pub last_updated: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Inventory {
    pub source: Option<String>,
    pub created: Option<i64>,
    pub last_updated: Option<i64>,
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

/// One asset as Qualys returns it from `get` and `search`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Asset {
    pub asset_id: u64,
    pub asset_name: Option<String>,
    pub address: Option<String>,
    pub dns_name: Option<String>,
    pub asset_type: Option<String>,
    pub risk_score: Option<i64>,
    pub created_date: Option<String>,
    pub last_modified_date: Option<String>,
    pub sensor_last_updated_date: Option<String>,
    pub provider: Option<String>,
    pub operating_system: Option<OperatingSystem>,
    pub criticality: Option<Criticality>,
    pub inventory: Option<Inventory>,
    /// Every other field, untouched.
    #[serde(flatten)]
    pub rest: Map<String, Value>,
}

impl Asset {
    pub fn band(&self) -> RiskBand {
        RiskBand::of(self.risk_score)
    }

    pub fn tracking_method(&self) -> Option<TrackingMethod> {
        self.inventory.as_ref()?.source.clone().map(TrackingMethod)
    }

    pub fn criticality_score(&self) -> Option<i64> {
        self.criticality.as_ref()?.score
    }

    /// What to call the asset: its name, else DNS name, else address, else its id.
    pub fn display_name(&self) -> String {
        [&self.asset_name, &self.dns_name, &self.address]
            .into_iter()
            .flatten()
            .find(|s| !s.trim().is_empty())
            .cloned()
            .unwrap_or_else(|| format!("Asset {}", self.asset_id))
    }

    pub fn os_name(&self) -> Option<&str> {
        self.operating_system.as_ref()?.os_name.as_deref()
    }

    /// A section that is not typed above, for the detail page (`None` when absent or null).
    pub fn section(&self, key: &str) -> Option<&Value> {
        self.rest.get(key).filter(|v| !v.is_null())
    }
}

/// One page of a search: the assets and the cursor to the next page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AssetPage {
    pub assets: Vec<Asset>,
    /// `lastSeenAssetId` to ask for the next page with; `None` when there is none.
    pub next_cursor: Option<u64>,
}

/// One line of the asset list: just what the table shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetRow {
    pub id: u64,
    pub name: String,
    pub address: Option<String>,
    pub os: Option<String>,
    pub risk: Option<i64>,
    pub criticality: Option<i64>,
    pub tracking: Option<String>,
    pub updated: Option<String>,
}

impl From<&Asset> for AssetRow {
    fn from(a: &Asset) -> AssetRow {
        AssetRow {
            id: a.asset_id,
            name: a.display_name(),
            address: a.address.clone(),
            os: a.os_name().map(str::to_string),
            risk: a.risk_score,
            criticality: a.criticality_score(),
            tracking: a.inventory.as_ref().and_then(|i| i.source.clone()),
            updated: a.last_modified_date.clone(),
        }
    }
}

/// A page of the asset list, with the filtered total for "page k of about N".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetListPage {
    pub rows: Vec<AssetRow>,
    pub next_cursor: Option<u64>,
    pub total: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_and_null_fields_are_kept_not_errors() {
        let a: Asset = serde_json::from_str(
            r#"{"assetId":1,"riskScore":null,"brandNew":{"x":1},"operatingSystem":null,
                "inventory":{"source":"SOMETHING_NEW","created":1639040269000}}"#,
        )
        .unwrap();
        assert_eq!(a.band(), RiskBand::NotScored);
        assert_eq!(a.rest["brandNew"]["x"], 1);
        assert_eq!(a.tracking_method().unwrap().label(), "SOMETHING_NEW");
        assert_eq!(a.display_name(), "Asset 1");
    }
}
