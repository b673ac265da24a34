//! The simulated inventory: a deterministic list of assets from `(assets, seed)`.
//!
//! Each asset is kept as a compact [`SimAsset`] holding only what filters look at (a million
//! fit in a few hundred MB); the full Qualys record is rendered on demand by [`render`](super::render),
//! from the same seed, so it is identical on every call and every run.

use super::catalog::{self, OPERATING_SYSTEMS, PROVIDERS, TAGS};
use super::rng::Rng;
use super::seed_assets;
use app::model::date::parse_iso;

/// What the simulator keeps per asset: the filterable facts, by catalog index where it can.
#[derive(Clone, Debug)]
pub struct SimAsset {
    pub id: u64,
    pub name: Box<str>,
    /// `riskScore`, `None` = not scored.
    pub risk: Option<u16>,
    pub criticality: u8,
    pub criticality_default: bool,
    /// Index into [`catalog::TRACKING`].
    pub tracking: u8,
    pub os: u16,
    pub hardware: u8,
    /// Index into [`catalog::PROVIDERS`]; 0 = none.
    pub provider: u8,
    pub created: i64,
    pub updated: i64,
    pub inventory: i64,
    /// Primary IPv4 address, or `None` (some passive and EASM assets have only a name).
    pub ipv4: Option<u32>,
    pub tags: Box<[u16]>,
    pub software: Box<[u16]>,
    pub container_host: bool,
}

impl SimAsset {
    pub fn address(&self) -> Option<String> {
        self.ipv4.map(|ip| std::net::Ipv4Addr::from(ip).to_string())
    }
}

/// The whole inventory, sorted by ascending `assetId` (the order Qualys pages in).
pub struct Inventory {
    pub seed: u64,
    pub assets: Vec<SimAsset>,
}

/// Fixed "now" of the simulated world, so generated dates never depend on the clock.
pub const WORLD_NOW: i64 = 1_796_083_200_000; // 2026-12-01T00:00:00Z
const WORLD_START: i64 = 1_546_300_800_000; // 2019-01-01T00:00:00Z
const FIRST_ID: u64 = 20_000_000;

impl Inventory {
    /// Builds `count` assets (the two documented seed assets included) from `seed`.
    pub fn generate(count: usize, seed: u64) -> Inventory {
        let seeds = seed_assets::index_records();
        let generated = count.saturating_sub(seeds.len());
        let mut rng = Rng::new(seed);
        let mut assets = Vec::with_capacity(count);
        let mut id = FIRST_ID;
        for i in 0..generated {
            id += 1 + rng.below(400);
            while seeds.iter().any(|s| s.id == id) {
                id += 1;
            }
            assets.push(generate_one(&mut rng, i, id));
        }
        assets.extend(seeds.into_iter().take(count));
        assets.sort_by_key(|a| a.id);
        Inventory { seed, assets }
    }

    pub fn get(&self, id: u64) -> Option<&SimAsset> {
        self.assets
            .binary_search_by_key(&id, |a| a.id)
            .ok()
            .map(|i| &self.assets[i])
    }

    /// Index of the first asset after the cursor (`lastSeenAssetId`).
    pub fn start_after(&self, cursor: u64) -> usize {
        self.assets.partition_point(|a| a.id <= cursor)
    }
}

/// Names that always exist at these positions, so escaping and Unicode are exercised at any size.
fn special_name(i: usize, n: usize) -> Option<String> {
    Some(match i {
        3 => format!("<script>alert(\"qdash-{n}\")</script>"),
        7 => format!("{}-{n}", "very-long-asset-name-".repeat(12)),
        11 => format!("serveur-été-{n:04}.paris.exemple.fr"),
        13 => format!("東京-db-{n:04}"),
        17 => format!("\"><img src=x onerror=alert({n})>"),
        19 => format!("müller-laptop-{n:04} & Söhne"),
        _ => return None,
    })
}

fn generate_one(rng: &mut Rng, i: usize, id: u64) -> SimAsset {
    let tracking = rng.weighted(catalog::TRACKING_WEIGHTS) as u8;
    let os_weights: Vec<u32> = OPERATING_SYSTEMS.iter().map(|o| o.weight).collect();
    let os = rng.weighted(&os_weights);
    let hardware = if rng.chance(0.85) {
        OPERATING_SYSTEMS[os].hardware
    } else {
        rng.below(catalog::HARDWARE.len() as u64) as usize
    };
    let provider = if tracking == catalog::TRACKING_INSTANCE {
        1 + rng.weighted(&catalog::PROVIDER_WEIGHTS[1..]) as u8
    } else {
        rng.weighted(catalog::PROVIDER_WEIGHTS) as u8
    };
    // Skewed low with a long tail into Severe; about one in ten not scored.
    let risk = if rng.chance(0.10) {
        None
    } else {
        Some((rng.unit().powf(2.5) * 1000.0).round().min(1000.0) as u16)
    };
    let crit_pick = rng.weighted(&[8, 60, 17, 10, 5]);
    let criticality = crit_pick as u8 + 1;
    let criticality_default = criticality == 2 && rng.chance(0.9);
    let created = WORLD_START + rng.below((WORLD_NOW - WORLD_START) as u64 * 9 / 10) as i64;
    let updated = created + rng.below((WORLD_NOW - created) as u64) as i64;
    let inventory = updated - rng.below(86_400_000) as i64;
    let ipv4 = if tracking == catalog::TRACKING_EASM {
        Some(
            u32::from_be_bytes([203, 0, 113, rng.below(254) as u8 + 1])
                + ((rng.below(2) as u32) << 20),
        )
    } else if rng.chance(0.97) {
        Some(u32::from_be_bytes([
            10,
            (i >> 16) as u8,
            (i >> 8) as u8,
            i as u8,
        ]))
    } else {
        None
    };
    let tag_count = 1 + rng.below(4) as usize;
    let mut tags: Vec<u16> = (0..tag_count)
        .map(|_| rng.below(TAGS.len() as u64 - 1) as u16)
        .collect();
    if i % 97 == 5 {
        tags.push(TAGS.len() as u16 - 1); // the hostile tag, on a few assets
    }
    tags.sort_unstable();
    tags.dedup();
    let sw_count = if tracking == catalog::TRACKING_EASM || tracking == catalog::TRACKING_PASSIVE {
        0
    } else {
        3 + rng.below(10) as usize
    };
    let mut software: Vec<u16> = (0..sw_count)
        .map(|_| rng.below(catalog::SOFTWARE.len() as u64) as u16)
        .collect();
    software.sort_unstable();
    software.dedup();
    let role = rng.pick(catalog::ROLES);
    let env = rng.pick(catalog::ENVS);
    let site = rng.pick(catalog::SITES);
    let name =
        special_name(i, i).unwrap_or_else(|| format!("{role}-{env}-{i:05}.{site}.example.corp"));
    let container_host = software_has_docker(&software) && rng.chance(0.7);
    SimAsset {
        id,
        name: name.into(),
        risk,
        criticality,
        criticality_default,
        tracking,
        os: os as u16,
        hardware: hardware as u8,
        provider,
        created,
        updated,
        inventory,
        ipv4,
        tags: tags.into(),
        software: software.into(),
        container_host,
    }
}

fn software_has_docker(software: &[u16]) -> bool {
    software
        .iter()
        .any(|s| catalog::SOFTWARE[*s as usize].product_name == "Docker Engine")
}

/// Parses a Qualys date into epoch ms, for the seed assets' literal records.
pub fn date_ms(s: &str) -> i64 {
    parse_iso(s).map(|d| d.millis).unwrap_or(0)
}

/// Provider index for a provider name, 0 when none or unknown.
pub fn provider_index(name: Option<&str>) -> u8 {
    PROVIDERS.iter().position(|p| *p == name).unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_ascend_and_are_unique() {
        let inv = Inventory::generate(3000, 42);
        assert_eq!(inv.assets.len(), 3000);
        assert!(inv.assets.windows(2).all(|w| w[0].id < w[1].id));
    }

    #[test]
    fn the_seed_assets_are_present() {
        let inv = Inventory::generate(100, 1);
        assert!(inv.get(22_272_375).is_some());
        assert!(inv.get(22_189_153).is_some());
    }

    #[test]
    fn mixes_look_like_a_real_estate() {
        let inv = Inventory::generate(20_000, 5);
        let share = |f: &dyn Fn(&SimAsset) -> bool| {
            inv.assets.iter().filter(|a| f(a)).count() as f64 / inv.assets.len() as f64
        };
        let unscored = share(&|a| a.risk.is_none());
        assert!((0.08..0.12).contains(&unscored), "not scored {unscored}");
        let severe = share(&|a| a.risk.is_some_and(|r| r >= 850));
        assert!((0.02..0.10).contains(&severe), "severe {severe}");
        let low = share(&|a| a.risk.is_some_and(|r| r < 500));
        assert!(low > 0.6, "low {low}");
        let agent = share(&|a| a.tracking == 0);
        assert!((0.5..0.6).contains(&agent), "agent {agent}");
        let cloud = share(&|a| a.provider != 0);
        assert!((0.28..0.40).contains(&cloud), "cloud {cloud}");
        let crit2 = share(&|a| a.criticality == 2);
        assert!(crit2 > 0.5, "criticality 2 {crit2}");
    }
}
