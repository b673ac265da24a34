//! Renders a [`SimAsset`] as the full Qualys asset record, and applies `includeFields` /
//! `excludeFields`. Details not kept in memory (ports, volumes, agent...) are drawn from a
//! generator seeded by the asset id, so every rendering of an asset is byte-identical.

use super::catalog::{self, HARDWARE, OPERATING_SYSTEMS, PORTS, SOFTWARE, TAGS};
use super::inventory::SimAsset;
use super::rng::Rng;
use super::seed_assets;
use app::model::date::format_iso;
use serde_json::{json, Map, Value};

/// Field groups of `includeFields`/`excludeFields` and the record keys each one covers.
pub const FIELD_GROUPS: &[(&str, &[&str])] = &[
    ("software", &["softwareListData"]),
    ("openPort", &["openPortListData"]),
    ("networkInterface", &["networkInterfaceListData"]),
    ("volume", &["volumeListData"]),
    ("tag", &["tagList"]),
    ("operatingSystem", &["operatingSystem"]),
    ("hardware", &["hardware"]),
    ("cloudProvider", &["cloudProvider"]),
    ("agent", &["agent"]),
    ("sensor", &["sensor"]),
    ("container", &["container"]),
    ("inventory", &["inventory"]),
    ("processor", &["processor"]),
    ("userAccount", &["userAccountListData"]),
    ("service", &["serviceList"]),
    ("passiveSensor", &["passiveSensor"]),
    ("activity", &["activity"]),
    ("criticality", &["criticality"]),
    (
        "businessInformation",
        &["businessInformation", "businessAppListData"],
    ),
    ("location", &["lastLocation", "assignedLocation"]),
];

/// Which field groups a response carries.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum FieldSelection {
    #[default]
    All,
    Only(Vec<&'static str>),
    AllBut(Vec<&'static str>),
}

impl FieldSelection {
    /// Reads the two query parameters; an unknown group name is an error naming it.
    pub fn parse(include: Option<&str>, exclude: Option<&str>) -> Result<FieldSelection, String> {
        let groups = |list: &str| -> Result<Vec<&'static str>, String> {
            list.split(',')
                .map(str::trim)
                .filter(|g| !g.is_empty())
                .map(|g| {
                    FIELD_GROUPS
                        .iter()
                        .find(|(name, _)| name.eq_ignore_ascii_case(g))
                        .map(|(n, _)| *n)
                        .ok_or_else(|| {
                            let known: Vec<_> = FIELD_GROUPS.iter().map(|(n, _)| *n).collect();
                            format!(
                                "unknown field group \"{g}\"; use one of {}",
                                known.join(", ")
                            )
                        })
                })
                .collect()
        };
        match (include, exclude) {
            (Some(_), Some(_)) => Err("use either includeFields or excludeFields, not both".into()),
            (Some(i), None) => Ok(FieldSelection::Only(groups(i)?)),
            (None, Some(e)) => Ok(FieldSelection::AllBut(groups(e)?)),
            (None, None) => Ok(FieldSelection::All),
        }
    }

    fn keeps(&self, group: &str) -> bool {
        match self {
            FieldSelection::All => true,
            FieldSelection::Only(g) => g.contains(&group),
            FieldSelection::AllBut(g) => !g.contains(&group),
        }
    }

    /// Nulls the keys of every group not selected.
    pub fn apply(&self, record: &mut Map<String, Value>) {
        if *self == FieldSelection::All {
            return;
        }
        for (group, keys) in FIELD_GROUPS {
            if !self.keeps(group) {
                for key in *keys {
                    if let Some(v) = record.get_mut(*key) {
                        *v = Value::Null;
                    }
                }
            }
        }
    }
}

fn uuid(rng: &mut Rng) -> String {
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

fn day(d: Option<&str>) -> Value {
    d.map_or(Value::Null, |d| Value::String(format!("{d}T00:00:00.000Z")))
}

/// The full record of one asset, as `get` and `search` return it.
pub fn render(asset: &SimAsset, seed: u64, fields: &FieldSelection) -> Value {
    let mut record = match seed_assets::record(asset.id) {
        Some(Value::Object(m)) => m,
        _ => generated_record(asset, seed),
    };
    fields.apply(&mut record);
    Value::Object(record)
}

fn generated_record(a: &SimAsset, seed: u64) -> Map<String, Value> {
    let mut rng = Rng::for_asset(seed, a.id);
    let os = &OPERATING_SYSTEMS[a.os as usize];
    let hw = HARDWARE[a.hardware as usize];
    let tracking = catalog::TRACKING[a.tracking as usize];
    let provider = catalog::PROVIDERS[a.provider as usize];
    let address = a.address();
    let agent_id = (tracking == "QAGENT").then(|| uuid(&mut rng));
    let asset_uuid = agent_id.clone().unwrap_or_else(|| uuid(&mut rng));
    let short = a.name.split('.').next().unwrap_or(&a.name).to_string();
    let is_windows = os.category1 == "Windows";
    let mem = [4096u64, 8192, 16384, 32768, 65536][rng.below(5) as usize];
    let cpus = [1u64, 2, 4, 8, 16][rng.below(5) as usize];
    let has_hw_details = tracking == "QAGENT" || tracking == "IP";
    let last_boot = a.updated - rng.below(30 * 86_400_000) as i64;

    let interfaces: Vec<Value> = address
        .iter()
        .map(|ip| {
            json!({
                "hostname": short,
                "addressIpV4": ip,
                "addressIpV6": if rng.chance(0.3) { json!(format!("fe80::{:x}:{:x}", rng.below(0xffff), rng.below(0xffff))) } else { Value::Null },
                "macAddress": format!("00:50:56:{:02X}:{:02X}:{:02X}", rng.below(256), rng.below(256), rng.below(256)),
                "interfaceName": if is_windows { "Ethernet0" } else { "eth0" },
                "gatewayAddress": ip.rsplit_once('.').map(|(net, _)| format!("{net}.1")),
                "dnsAddress": "10.0.0.53"
            })
        })
        .collect();
    let ports: Vec<Value> = {
        let n = if tracking == "EASM" {
            1 + rng.below(3)
        } else {
            rng.below(5)
        };
        let mut picked: Vec<usize> = (0..n)
            .map(|_| rng.below(PORTS.len() as u64) as usize)
            .collect();
        picked.sort_unstable();
        picked.dedup();
        picked
            .into_iter()
            .map(|i| {
                let (port, proto, svc) = PORTS[i];
                json!({ "port": port, "protocol": proto, "detectedService": svc,
                        "firstFound": format_iso(a.created), "lastUpdated": format_iso(a.updated) })
            })
            .collect()
    };
    let software: Vec<Value> = a
        .software
        .iter()
        .map(|&i| {
            let s = &SOFTWARE[i as usize];
            json!({
                "fullName": s.full_name, "productName": s.product_name, "publisher": s.publisher,
                "version": s.version, "category": format!("{} / Other", s.category1), "category1": s.category1,
                "installedDate": format_iso(a.created), "lastUpdated": format_iso(a.updated),
                "lifecycle": { "stage": s.stage, "lifeCycleConfidence": "Exact" }
            })
        })
        .collect();
    let tags: Vec<Value> = a
        .tags
        .iter()
        .map(|&t| {
            let (name, crit) = TAGS[t as usize];
            json!({ "tagId": 7_000_000 + t as u64, "tagName": name, "criticalityScore": crit,
                    "foregroundColor": 0, "backgroundColor": 0 })
        })
        .collect();
    let volumes: Vec<Value> = if has_hw_details {
        let size = (1u64 << 30) * [64u64, 128, 256, 512][rng.below(4) as usize];
        let root = if is_windows { "C:" } else { "/" };
        vec![json!({ "name": root, "free": size / 100 * (5 + rng.below(80)), "size": size })]
    } else {
        vec![]
    };
    let users: Vec<Value> = if has_hw_details {
        vec![json!({ "name": if is_windows { "Administrator" } else { "root" } })]
    } else {
        vec![]
    };
    let list = |key: &str, items: Vec<Value>| {
        if items.is_empty() {
            Value::Null
        } else {
            json!({ key: items })
        }
    };
    let cloud = cloud_provider(provider, a, &mut rng, &short);
    let agent = agent_id.as_ref().map(|_| {
        let version = ["5.7.0.21", "6.0.0.41", "6.1.0.28"][rng.below(3) as usize];
        json!({
            "version": version,
            "configurationProfile": if is_windows { "Cloud Agent Windows" } else { "Cloud Agent Linux" },
            "activations": [ { "key": uuid(&mut rng), "status": "ACTIVE" } ],
            "connectedFrom": address,
            "lastActivity": a.inventory,
            "lastCheckedIn": a.inventory,
            "lastInventory": a.inventory,
            "udcManifestAssigned": false,
            "errorStatus": false
        })
    });
    let passive = (tracking == "PASSIVE_SENSOR").then(|| {
        let site = catalog::SITES[rng.below(catalog::SITES.len() as u64) as usize];
        json!({
            "id": format!("{:012}:{}:{}", rng.below(1_000_000_000_000), a.created / 1000, rng.below(1_000_000)),
            "name": format!("passive-sensor-{site}"),
            "location": format!("{} datacenter, floor {}", site.to_uppercase(), 1 + rng.below(12)),
            "firstSeen": format_iso(a.created),
            "lastSeen": format_iso(a.updated)
        })
    });
    let containers = a.container_host.then(|| {
        json!({ "product": "Docker", "version": "24.0.9", "noOfContainers": rng.below(40), "noOfImages": rng.below(60) })
    });

    let v = json!({
        "assetId": a.id,
        "assetUUID": asset_uuid,
        "hostId": if has_hw_details { json!(1_000_000 + a.id % 9_000_000) } else { Value::Null },
        "lastModifiedDate": format_iso(a.updated),
        "agentId": agent_id,
        "createdDate": format_iso(a.created),
        "sensorLastUpdatedDate": format_iso(a.inventory),
        "assetType": "HOST",
        "address": address,
        "dnsName": (tracking != "NETBIOS").then(|| a.name.to_string()),
        "assetName": a.name,
        "netbiosName": is_windows.then(|| short.to_uppercase()),
        "timeZone": if has_hw_details { json!("UTC") } else { Value::Null },
        "biosDescription": if has_hw_details { json!(format!("{} BIOS 2.{}.{}", hw.2, rng.below(20), rng.below(10))) } else { Value::Null },
        "lastBoot": if has_hw_details { json!(format_iso(last_boot)) } else { Value::Null },
        "totalMemory": if has_hw_details { json!(mem) } else { Value::Null },
        "cpuCount": if has_hw_details { json!(cpus) } else { Value::Null },
        "lastLoggedOnUser": if has_hw_details { json!(if is_windows { "CORP\\svc-admin" } else { "ops" }) } else { Value::Null },
        "domainRole": if os.category2 == "Client" { "Workstation" } else { "Standalone Server" },
        "hwUUID": if has_hw_details { json!(uuid(&mut rng)) } else { Value::Null },
        "biosSerialNumber": if has_hw_details { json!(format!("SN{:010}", rng.below(10_000_000_000))) } else { Value::Null },
        "biosAssetTag": Value::Null,
        "isContainerHost": a.container_host,
        "operatingSystem": {
            "osName": os.os_name,
            "fullName": os.full_name,
            "category": format!("{} / {}", os.category1, os.category2),
            "category1": os.category1,
            "category2": os.category2,
            "productName": os.product_name,
            "publisher": os.publisher,
            "edition": Value::Null,
            "marketVersion": os.market_version,
            "version": os.version,
            "update": Value::Null,
            "architecture": os.architecture,
            "lifecycle": {
                "gaDate": day(os.ga),
                "eolDate": day(os.eol),
                "eosDate": day(os.eos),
                "stage": os.stage,
                "lifeCycleConfidence": os.stage.map(|_| "Exact"),
                "eolSupportStage": os.eol.map(|_| "Security updates"),
                "eosSupportStage": os.eos.map(|_| "Maintenance updates")
            },
            "productUrl": Value::Null,
            "productFamily": os.product_name,
            "release": os.version
        },
        "hardware": {
            "fullName": hw.2,
            "category": format!("{} / {}", hw.0, hw.1),
            "category1": hw.0,
            "category2": hw.1,
            "manufacturer": hw.2.split(' ').next(),
            "productName": hw.2,
            "model": hw.2,
            "lifecycle": Value::Null
        },
        "userAccountListData": list("userAccount", users),
        "openPortListData": list("openPort", ports),
        "volumeListData": list("volume", volumes),
        "networkInterfaceListData": list("networkInterface", interfaces),
        "softwareListData": list("software", software),
        "provider": provider,
        "cloudProvider": cloud,
        "agent": agent,
        "sensor": {
            "activatedForModules": if agent_id.is_some() { json!(["VM", "PC", "CSAM"]) } else { json!(["CSAM"]) },
            "pendingActivationForModules": [],
            "lastVMScan": if has_hw_details { json!(a.inventory) } else { Value::Null },
            "lastComplianceScan": Value::Null,
            "lastFullScan": if has_hw_details { json!(a.inventory) } else { Value::Null },
            "lastPcScanDateAgent": Value::Null,
            "lastPcScanDateScanner": Value::Null
        },
        "container": containers,
        "inventory": { "source": tracking, "created": a.created, "lastUpdated": a.updated },
        "activity": { "lastScannedDate": format_iso(a.inventory) },
        "tagList": list("tag", tags),
        "serviceList": if is_windows { json!({ "service": [
            { "name": "wuauserv", "description": "Windows Update", "status": "RUNNING" },
            { "name": "Spooler", "description": "Print Spooler", "status": if rng.chance(0.5) { "RUNNING" } else { "STOPPED" } }
        ] }) } else { Value::Null },
        "lastLocation": Value::Null,
        "criticality": { "score": a.criticality, "isDefault": a.criticality_default,
                         "lastUpdated": if a.criticality_default { Value::Null } else { json!(format_iso(a.updated)) } },
        "businessInformation": Value::Null,
        "assignedLocation": Value::Null,
        "businessAppListData": Value::Null,
        "riskScore": a.risk,
        "passiveSensor": passive,
        "processor": if has_hw_details { json!({ "description": if os.architecture == Some("arm64") { "Apple M2" } else { "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz" }, "speed": 2500, "numCPUs": cpus }) } else { Value::Null }
    });
    match v {
        Value::Object(m) => m,
        _ => unreachable!("json! of an object literal"),
    }
}

fn cloud_provider(provider: Option<&str>, a: &SimAsset, rng: &mut Rng, short: &str) -> Value {
    let region =
        |rng: &mut Rng, list: &[&str]| list[rng.below(list.len() as u64) as usize].to_string();
    let private_ip = a.address();
    let section = match provider {
        None => return Value::Null,
        Some("AWS") => json!({ "ec2": {
            "instanceId": format!("i-{:017x}", rng.next_u64() >> 4),
            "instanceType": region(rng, &["t3.medium", "m5.large", "c6i.xlarge"]),
            "region": region(rng, &["eu-central-1", "us-east-1", "ap-southeast-1"]),
            "accountId": format!("{:012}", rng.below(1_000_000_000_000)),
            "privateIpAddress": private_ip,
            "state": region(rng, &["RUNNING", "STOPPED"]),
            "imageId": format!("ami-{:017x}", rng.next_u64() >> 4)
        }, "tags": null }),
        Some("AZURE") => json!({ "vm": {
            "name": short, "location": region(rng, &["westeurope", "centralus", "eastasia"]),
            "vmId": uuid(rng), "size": region(rng, &["Standard_B2s", "Standard_D4s_v5"]),
            "privateIpAddress": private_ip, "publicIpAddress": null, "state": region(rng, &["RUNNING", "DEALLOCATED"]),
            "subscriptionId": uuid(rng), "resourceGroupName": "rg-qdash-demo", "platform": "Linux"
        }, "tags": null }),
        Some(other) => json!({ "instance": {
            "name": short, "id": format!("{:016x}", rng.next_u64()),
            "region": region(rng, &["europe-west3", "us-central1"]), "privateIpAddress": private_ip,
            "provider": other
        } }),
    };
    let key = match provider {
        Some("AWS") => "aws",
        Some("AZURE") => "azure",
        Some("GCP") => "gcp",
        Some("OCI") => "oci",
        Some("IBM") => "ibm",
        _ => "alibaba",
    };
    let mut m = Map::new();
    for k in ["aws", "azure", "gcp", "oci", "ibm"] {
        m.insert(k.to_string(), Value::Null);
    }
    m.insert(key.to_string(), section);
    Value::Object(m)
}
