//! `/assets/{id}`: one asset in full: header, then a section per part of the record (empty
//! ones say so), software filterable in page (an island; a GET form without JavaScript), the raw JSON, and the way back to the list
//! position the user came from. Served after the asset loads, so a bad id is a real 404.

use crate::api::get_asset;
use crate::components::budget_badge::BudgetBadge;
use crate::components::error_view::ErrorView;
use crate::components::software_table::{SoftwareRow, SoftwareTable};
use crate::model::date::format_iso;
use crate::model::{AppError, Asset, RiskBand, TrackingMethod};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde_json::Value;

/// The list position to return to: only a same-site asset-list path is trusted.
pub fn back_target(back: Option<String>) -> String {
    back.filter(|b| b.starts_with("/assets") && !b.starts_with("//"))
        .unwrap_or_else(|| "/assets".into())
}

#[component]
pub fn AssetDetailPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let back = Memo::new(move |_| back_target(query.get().get("back")));
    let id = Memo::new(move |_| params.get().get("id").and_then(|s| s.parse::<u64>().ok()));
    let asset = Resource::new(
        move || id.get(),
        |id| async move {
            match id {
                Some(id) => get_asset(id).await,
                None => Err(AppError::NotFound),
            }
        },
    );
    view! {
        <p><a href=move || back.get() data-testid="back">"← Back to the list"</a></p>
        <Suspense fallback=|| view! { <p class="loading" role="status">"Loading asset…"</p> }>
            {move || Suspend::new(async move {
                match asset.await {
                    Ok(a) => {
                        let q = query.get_untracked();
                        let software = q.get("software").unwrap_or_default();
                        let keep: Vec<(String, String)> = q.get("back").map(|b| ("back".to_string(), b)).into_iter().collect();
                        view! { <AssetView asset=a software=software keep=keep /> }.into_any()
                    }
                    Err(e) => {
                        #[cfg(feature = "ssr")]
                        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
                            resp.set_status(http::StatusCode::from_u16(e.status()).unwrap_or(http::StatusCode::BAD_GATEWAY));
                        }
                        view! { <Title text="Asset not available" /> <ErrorView error=e /> }.into_any()
                    }
                }
            })}
        </Suspense>
        <BudgetBadge />
    }
}

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        Value::Array(items) => items
            .iter()
            .map(text)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// Key/value facts of a JSON object, nested objects flattened as `a › b`, nulls left out.
fn facts(v: Option<&Value>) -> Vec<(String, String)> {
    fn walk(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    let label = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix} › {k}")
                    };
                    walk(&label, child, out);
                }
            }
            Value::Null => {}
            Value::Array(a) if a.iter().any(Value::is_object) => {
                out.push((prefix.into(), format!("{} entries", a.len())))
            }
            other => {
                let t = text(other);
                if !t.is_empty() {
                    out.push((prefix.into(), t));
                }
            }
        }
    }
    let mut out = Vec::new();
    if let Some(v) = v {
        walk("", v, &mut out);
    }
    out
}

/// The list inside a Qualys `xxxListData` wrapper.
fn list<'a>(a: &'a Asset, wrapper: &str, item: &str) -> Vec<&'a Value> {
    a.section(wrapper)
        .and_then(|w| w.get(item))
        .and_then(Value::as_array)
        .map(|v| v.iter().collect())
        .unwrap_or_default()
}

#[component]
fn Section(title: &'static str, slug: &'static str, children: Children) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby=format!("s-{slug}") data-testid=format!("section-{slug}")>
            <h2 id=format!("s-{slug}")>{title}</h2>
            {children()}
        </section>
    }
}

fn facts_view(items: Vec<(String, String)>, empty: &'static str) -> AnyView {
    if items.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <dl class="facts">
            {items.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
        </dl>
    }
    .into_any()
}

fn table_view(
    rows: Vec<&Value>,
    columns: &[(&'static str, &'static str)],
    empty: &'static str,
) -> AnyView {
    if rows.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    let head = columns
        .iter()
        .map(|(_, label)| view! { <th scope="col">{*label}</th> })
        .collect_view();
    let body = rows
        .into_iter()
        .map(|r| {
            let cells = columns
                .iter()
                .map(|(key, _)| view! { <td>{r.pointer(key).map(text).unwrap_or_default()}</td> })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! { <table class="assets"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table> }
        .into_any()
}

#[component]
fn AssetView(
    asset: Asset,
    /// The software filter text from the URL.
    software: String,
    /// Query fields the software filter keeps (the way back).
    keep: Vec<(String, String)>,
) -> impl IntoView {
    let band = asset.band();
    let name = asset.display_name();
    let os = asset.operating_system.clone().unwrap_or_default();
    let lifecycle = os.lifecycle.clone().unwrap_or_default();
    let eol = matches!(lifecycle.stage.as_deref(), Some("EOL") | Some("EOS"));
    let mut os_facts: Vec<(String, String)> = [
        ("Name", os.os_name.clone()),
        ("Full name", os.full_name.clone()),
        ("Family", os.category1.clone()),
        ("Kind", os.category2.clone()),
        ("Architecture", os.architecture.clone()),
        ("Lifecycle stage", lifecycle.stage.clone()),
        ("General availability", lifecycle.ga_date.clone()),
        ("End of life", lifecycle.eol_date.clone()),
        ("End of support", lifecycle.eos_date.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| (k.to_string(), v)))
    .collect();
    if asset.operating_system.is_none() {
        os_facts.clear();
    }
    let mut hw = facts(asset.section("hardware"));
    hw.extend(
        facts(asset.section("processor"))
            .into_iter()
            .map(|(k, v)| (format!("processor › {k}"), v)),
    );
    for key in [
        "totalMemory",
        "cpuCount",
        "biosDescription",
        "lastBoot",
        "timeZone",
    ] {
        if let Some(v) = asset.section(key) {
            hw.push((key.to_string(), text(v)));
        }
    }
    let inventory = asset.inventory.clone().unwrap_or_default();
    let mut inv_facts: Vec<(String, String)> = vec![];
    if let Some(s) = &inventory.source {
        inv_facts.push((
            "Tracking method".into(),
            TrackingMethod(s.clone()).label().to_string(),
        ));
    }
    if let Some(c) = inventory.created {
        inv_facts.push(("Inventory created".into(), format_iso(c)));
    }
    if let Some(u) = inventory.last_updated {
        inv_facts.push(("Inventory updated".into(), format_iso(u)));
    }
    for (label, v) in [
        ("Created", &asset.created_date),
        ("Last modified", &asset.last_modified_date),
        ("Sensor last updated", &asset.sensor_last_updated_date),
    ] {
        if let Some(v) = v {
            inv_facts.push((label.into(), v.clone()));
        }
    }
    let mut cloud = facts(asset.section("cloudProvider"));
    if let Some(p) = &asset.provider {
        cloud.insert(0, ("Provider".into(), p.clone()));
    }
    let mut agent = facts(asset.section("agent"));
    agent.extend(
        facts(asset.section("sensor"))
            .into_iter()
            .map(|(k, v)| (format!("sensor › {k}"), v)),
    );
    let software_rows: Vec<SoftwareRow> = list(&asset, "softwareListData", "software")
        .into_iter()
        .map(|s| SoftwareRow {
            name: text(&s["fullName"]),
            publisher: text(&s["publisher"]),
            version: text(&s["version"]),
            category: text(&s["category1"]),
            lifecycle: s.pointer("/lifecycle/stage").map(text).unwrap_or_default(),
        })
        .collect();
    let raw = serde_json::to_string_pretty(&asset).unwrap_or_default();
    let crit = asset.criticality_score();
    let interfaces = table_view(
        list(&asset, "networkInterfaceListData", "networkInterface"),
        &[
            ("/hostname", "Host"),
            ("/addressIpV4", "IPv4"),
            ("/addressIpV6", "IPv6"),
            ("/macAddress", "MAC"),
        ],
        "No network interfaces recorded.",
    );
    let ports = table_view(
        list(&asset, "openPortListData", "openPort"),
        &[
            ("/port", "Port"),
            ("/protocol", "Protocol"),
            ("/detectedService", "Service"),
            ("/firstFound", "First found"),
        ],
        "No open ports recorded.",
    );
    let volumes = table_view(
        list(&asset, "volumeListData", "volume"),
        &[
            ("/name", "Volume"),
            ("/size", "Size (bytes)"),
            ("/free", "Free (bytes)"),
        ],
        "No volumes recorded.",
    );
    let tags = table_view(
        list(&asset, "tagList", "tag"),
        &[("/tagName", "Tag"), ("/criticalityScore", "Criticality")],
        "No tags.",
    );
    let passive = facts_view(
        facts(asset.section("passiveSensor")),
        "Not seen by a passive sensor.",
    );
    let address = asset.address.clone().unwrap_or_default();
    let risk = asset.risk_score;
    view! {
        <Title text=name.clone() />
        <div class="detail-head">
            <h1 data-testid="asset-name">{name}</h1>
            <span>{address}</span>
            <span class=format!("band-pill band-{}", band.slug()) data-testid="band">
                {risk.map(|s| format!("TruRisk {s} · {}", band.label())).unwrap_or_else(|| RiskBand::NotScored.label().to_string())}
            </span>
            <span>{crit.map(|c| format!("Criticality {c}")).unwrap_or_else(|| "No criticality".into())}</span>
        </div>
        <div class="sections">
            <Section title="Operating system" slug="os">
                {eol.then(|| view! { <p class="alert error">"This operating system is past its end of life or support."</p> })}
                {facts_view(os_facts, "No operating system recorded.")}
            </Section>
            <Section title="Hardware and processor" slug="hardware">{facts_view(hw, "No hardware recorded.")}</Section>
            <Section title="Network interfaces" slug="interfaces">
                {interfaces}
            </Section>
            <Section title="Open ports" slug="ports">
                {ports}
            </Section>
            <Section title="Volumes" slug="volumes">
                {volumes}
            </Section>
            <Section title="Tags" slug="tags">
                {tags}
            </Section>
            <Section title="Cloud provider" slug="cloud">{facts_view(cloud, "Not a cloud asset.")}</Section>
            <Section title="Agent and sensor" slug="agent">{facts_view(agent, "No agent or sensor data.")}</Section>
            <Section title="Passive sensor" slug="passive">{passive}</Section>
            <Section title="Inventory source and dates" slug="inventory">{facts_view(inv_facts, "No inventory data.")}</Section>
        </div>
        <section class="card" aria-labelledby="s-software" data-testid="section-software">
            <h2 id="s-software">{format!("Software ({})", software_rows.len())}</h2>
            {if software_rows.is_empty() {
                view! { <p class="empty">"No software recorded."</p> }.into_any()
            } else {
                view! { <SoftwareTable rows=software_rows query=software keep=keep /> }.into_any()
            }}
        </section>
        <details class="card">
            <summary>"Raw JSON"</summary>
            <pre class="raw" data-testid="raw">{raw}</pre>
        </details>
    }
}
