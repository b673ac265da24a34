//! The two assets the Qualys release notes show in full (ids 22272375 and 22189153), with the
//! notes' values, so the notes' sample requests return the notes' documented data.
//!
//! The notes show 22272375 twice and disagree on its `riskScore` (926 in the risk-score section,
//! null in the passive-sensor one); the simulator keeps one record per asset, merges both, and
//! takes 926 from the section that documents the field. Parts the notes elide (`...`) are filled
//! with plausible values of the documented shape.

use super::catalog;
use super::inventory::{date_ms, provider_index, SimAsset};
use serde_json::{json, Value};

fn azure_cloud() -> Value {
    json!({
        "aws": null,
        "azure": {
            "tags": null,
            "vm": {
                "imageOffer": "0001-com-ubuntu-server-focal",
                "imagePublisher": "canonical",
                "imageVersion": "latest",
                "location": "centralus",
                "macAddress": "00-0D-3A-A7-15-63",
                "name": "aniket-vm4",
                "platform": "Linux",
                "privateIpAddress": "10.7.0.4",
                "publicIpAddress": null,
                "resourceGroupName": "CloudView_QA",
                "size": "Standard_B1s",
                "state": "DEALLOCATED",
                "subnet": "default",
                "subscriptionId": "9de9e0a7-4f67-4812-917d-2246853844e1",
                "virtualNetwork": "CloudView_QAvnet336",
                "vmId": "f319a705-e0a9-4013-8267-770a72afd9a1"
            }
        },
        "gcp": null,
        "oci": null,
        "ibm": null
    })
}

fn passive_sensor() -> Value {
    json!({
        "id": "029415990863:1634129210:693813:701:1634129210:693813:701",
        "name": "Virtual_sensor",
        "location": "11th Floor",
        "firstSeen": "2021-12-09T08:25:10.000Z",
        "lastSeen": "2021-12-09T08:25:10.000Z"
    })
}

fn criticality_default() -> Value {
    json!({ "score": 2, "isDefault": true, "lastUpdated": null })
}

/// Asset 22272375 ("agent-admin-tmp").
pub fn agent_admin_tmp() -> Value {
    json!({
        "assetId": 22272375,
        "assetUUID": "e0939109-1eaa-4a75-9542-8a678a457674",
        "hostId": null,
        "lastModifiedDate": "2021-11-30T14:05:02.000Z",
        "agentId": null,
        "createdDate": "2021-11-30T14:05:01.000Z",
        "sensorLastUpdatedDate": "2021-11-30T14:05:02.000Z",
        "assetType": "HOST",
        "address": null,
        "dnsName": null,
        "assetName": "agent-admin-tmp",
        "netbiosName": null,
        "timeZone": null,
        "biosDescription": null,
        "lastBoot": null,
        "totalMemory": null,
        "cpuCount": null,
        "lastLoggedOnUser": null,
        "domainRole": "Standalone Server",
        "hwUUID": null,
        "biosSerialNumber": null,
        "biosAssetTag": null,
        "isContainerHost": false,
        "operatingSystem": {
            "osName": "Unidentified",
            "fullName": "Unidentified",
            "category": "Unidentified / Unidentified",
            "category1": "Unidentified",
            "category2": "Unidentified",
            "productName": "Unidentified",
            "publisher": "Unidentified",
            "edition": null,
            "marketVersion": null,
            "version": null,
            "update": null,
            "architecture": null,
            "lifecycle": {
                "gaDate": null,
                "eolDate": null,
                "eosDate": null,
                "stage": null,
                "lifeCycleConfidence": null,
                "eolSupportStage": null,
                "eosSupportStage": null
            },
            "productUrl": null,
            "productFamily": null,
            "release": null
        },
        "hardware": {
            "fullName": "Unidentified",
            "category": "Unidentified / Unidentified",
            "category1": "Unidentified",
            "category2": "Unidentified",
            "manufacturer": "Unidentified",
            "productName": "Unidentified",
            "model": null,
            "lifecycle": null
        },
        "userAccountListData": null,
        "openPortListData": null,
        "volumeListData": null,
        "networkInterfaceListData": null,
        "softwareListData": null,
        "provider": "AZURE",
        "cloudProvider": azure_cloud(),
        "agent": null,
        "sensor": { "activatedForModules": [], "pendingActivationForModules": [], "lastVMScan": null, "lastComplianceScan": null, "lastFullScan": null, "lastPcScanDateAgent": null, "lastPcScanDateScanner": null },
        "container": null,
        "inventory": { "source": "PASSIVE_SENSOR", "created": 1639040269000i64, "lastUpdated": 1646732147000i64 },
        "activity": null,
        "tagList": null,
        "serviceList": null,
        "lastLocation": null,
        "criticality": criticality_default(),
        "businessInformation": null,
        "assignedLocation": null,
        "businessAppListData": null,
        "riskScore": 926,
        "passiveSensor": passive_sensor(),
        "processor": null
    })
}

/// Asset 22189153 ("udaya-agent-cc").
pub fn udaya_agent_cc() -> Value {
    json!({
        "assetId": 22189153,
        "assetUUID": "6e581afe-2510-4de7-b168-c613b500a0f5",
        "hostId": null,
        "lastModifiedDate": "2021-12-03T04:29:21.000Z",
        "agentId": "6e581afe-2510-4de7-b168-c613b500a0f5",
        "createdDate": "2021-11-23T23:05:03.000Z",
        "sensorLastUpdatedDate": "2021-12-03T04:29:21.000Z",
        "assetType": "HOST",
        "address": "10.88.8.191",
        "dnsName": "udaya-agent-cc",
        "assetName": "udaya-agent-cc",
        "netbiosName": null,
        "timeZone": "UTC",
        "biosDescription": "EFI Development Kit II / OVMF 1.4.1 12/03/2020",
        "lastBoot": "2021-11-23T21:18:19.000Z",
        "totalMemory": 15467,
        "cpuCount": 2,
        "lastLoggedOnUser": "opc",
        "domainRole": "Standalone Server",
        "hwUUID": "3f0c71a7-318d-47e3-948a-a2d9cf9eca76",
        "biosSerialNumber": null,
        "biosAssetTag": null,
        "isContainerHost": false,
        "operatingSystem": {
            "osName": "CentOS Linux 7.9.2009",
            "fullName": "The CentOS Project CentOS 7 (2009)",
            "category": "Linux / Server",
            "category1": "Linux",
            "category2": "Server",
            "productName": "CentOS",
            "publisher": "The CentOS Project",
            "edition": null,
            "marketVersion": "7",
            "version": "2009",
            "update": null,
            "architecture": "x86_64",
            "lifecycle": {
                "gaDate": "2020-11-12T00:00:00.000Z",
                "eolDate": null,
                "eosDate": "2024-06-30T00:00:00.000Z",
                "stage": "EOL",
                "lifeCycleConfidence": "Exact",
                "eolSupportStage": "Full updates",
                "eosSupportStage": "Maintenance updates"
            },
            "productUrl": "https://www.centos.org",
            "productFamily": "CentOS",
            "release": "7.9.2009"
        },
        "hardware": {
            "fullName": "QEMU Standard PC (i440FX + PIIX, 1996)",
            "category": "Virtualized / Virtual Machine",
            "category1": "Virtualized",
            "category2": "Virtual Machine",
            "manufacturer": "QEMU",
            "productName": "Standard PC",
            "model": "i440FX + PIIX, 1996",
            "lifecycle": null
        },
        "userAccountListData": { "userAccount": [ { "name": "opc" }, { "name": "root" } ] },
        "openPortListData": { "openPort": [
            { "port": 22, "protocol": "TCP", "detectedService": "ssh", "firstFound": "2021-11-23T23:05:03.000Z", "lastUpdated": "2021-12-03T04:29:21.000Z" },
            { "port": 111, "protocol": "TCP", "detectedService": "rpcbind", "firstFound": "2021-11-23T23:05:03.000Z", "lastUpdated": "2021-12-03T04:29:21.000Z" }
        ] },
        "volumeListData": { "volume": [ { "name": "/", "free": 33125388288i64, "size": 41083600896i64 } ] },
        "networkInterfaceListData": { "networkInterface": [
            { "hostname": "udaya-agent-cc", "addressIpV4": "10.88.8.191", "addressIpV6": null, "macAddress": "02:00:17:02:A1:7B", "interfaceName": "ens3", "gatewayAddress": "10.88.8.1", "dnsAddress": "169.254.169.254" }
        ] },
        "softwareListData": null,
        "provider": "AZURE",
        "cloudProvider": azure_cloud(),
        "agent": {
            "version": "4.8.0.31",
            "configurationProfile": "Cloud Agent Linux",
            "activations": [ { "key": "c4a7b3f2-0000-4e0b-9f1e-000000000000", "status": "ACTIVE" } ],
            "connectedFrom": "10.88.8.191",
            "lastActivity": 1638505761000i64,
            "lastCheckedIn": 1638505761000i64,
            "lastInventory": 1638505761000i64,
            "udcManifestAssigned": false,
            "errorStatus": false
        },
        "sensor": { "activatedForModules": ["VM", "PC", "CSAM"], "pendingActivationForModules": [], "lastVMScan": 1638505761000i64, "lastComplianceScan": null, "lastFullScan": 1638505761000i64, "lastPcScanDateAgent": null, "lastPcScanDateScanner": null },
        "container": null,
        "inventory": { "source": "PASSIVE_SENSOR", "created": 1639040269000i64, "lastUpdated": 1646732147000i64 },
        "activity": { "lastScannedDate": "2021-12-03T04:29:21.000Z" },
        "tagList": null,
        "serviceList": null,
        "lastLocation": null,
        "criticality": criticality_default(),
        "businessInformation": null,
        "assignedLocation": null,
        "businessAppListData": null,
        "riskScore": 926,
        "passiveSensor": passive_sensor(),
        "processor": { "description": "AMD EPYC 7J13 64-Core Processor", "speed": null, "numCPUs": 2 }
    })
}

/// The literal record of a seed asset, if `id` is one.
pub fn record(id: u64) -> Option<Value> {
    match id {
        22_272_375 => Some(agent_admin_tmp()),
        22_189_153 => Some(udaya_agent_cc()),
        _ => None,
    }
}

/// The filterable facts of the seed assets, read from their literal records.
pub fn index_records() -> Vec<SimAsset> {
    [agent_admin_tmp(), udaya_agent_cc()]
        .iter()
        .map(index_of)
        .collect()
}

fn index_of(v: &Value) -> SimAsset {
    let s = |p: &str| v.pointer(p).and_then(Value::as_str);
    let os_name = s("/operatingSystem/osName").unwrap_or("Unidentified");
    let os = catalog::OPERATING_SYSTEMS
        .iter()
        .position(|o| o.os_name == os_name)
        .unwrap_or(catalog::OS_UNIDENTIFIED);
    let hw_cat = s("/hardware/category1").unwrap_or("Unidentified");
    let hardware = catalog::HARDWARE
        .iter()
        .position(|h| h.0 == hw_cat)
        .unwrap_or(catalog::HARDWARE.len() - 1);
    let tracking = s("/inventory/source")
        .and_then(|t| catalog::TRACKING.iter().position(|x| *x == t))
        .unwrap_or(catalog::TRACKING.len() - 1);
    SimAsset {
        id: v["assetId"].as_u64().expect("seed assets have ids"),
        name: s("/assetName").unwrap_or_default().into(),
        risk: v["riskScore"].as_u64().map(|r| r as u16),
        criticality: v
            .pointer("/criticality/score")
            .and_then(Value::as_u64)
            .unwrap_or(2) as u8,
        criticality_default: v
            .pointer("/criticality/isDefault")
            .and_then(Value::as_bool)
            .unwrap_or(true),
        tracking: tracking as u8,
        os: os as u16,
        hardware: hardware as u8,
        provider: provider_index(s("/provider")),
        created: s("/createdDate").map(date_ms).unwrap_or(0),
        updated: s("/lastModifiedDate").map(date_ms).unwrap_or(0),
        inventory: s("/sensorLastUpdatedDate").map(date_ms).unwrap_or(0),
        ipv4: s("/address")
            .and_then(|a| a.parse::<std::net::Ipv4Addr>().ok())
            .map(u32::from),
        tags: Box::new([]),
        software: Box::new([]),
        container_host: v["isContainerHost"].as_bool().unwrap_or(false),
    }
}
