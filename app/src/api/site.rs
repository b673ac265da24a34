//! Who is logged in, and what the login page offers.

use crate::model::{AppError, SiteInfo};
use leptos::prelude::*;
use leptos::server_fn::codec::GetUrl;

/// The platforms on offer, demo mode, and the current user if any.
#[server(prefix = "/api", endpoint = "get_site_info", input = GetUrl)]
pub async fn get_site_info() -> Result<SiteInfo, AppError> {
    use crate::model::{PlatformChoice, SessionInfo};
    use crate::server::AppState;
    let state = expect_context::<AppState>();
    let login = ssr_session_login().await?;
    let user = login.map(|l| SessionInfo {
        platform_label: state
            .platforms
            .find(&l.platform)
            .map(|p| p.label.clone())
            .unwrap_or_else(|| l.platform.clone()),
        username: l.username,
        platform_id: l.platform,
        expires_at: l.expires_at,
    });
    Ok(SiteInfo {
        platforms: state
            .platforms
            .all()
            .iter()
            .map(|p| PlatformChoice {
                id: p.id.clone(),
                label: p.label.clone(),
            })
            .collect(),
        demo: state.demo(),
        user,
    })
}

#[cfg(feature = "ssr")]
async fn ssr_session_login() -> Result<Option<crate::server::QualysLogin>, AppError> {
    super::ssr::session().await?.login().await
}

/// The subscription's call budget as Qualys last reported it (none before the first call).
#[server(prefix = "/api", endpoint = "get_budget", input = GetUrl)]
pub async fn get_budget() -> Result<Option<crate::model::Budget>, AppError> {
    let caller = super::ssr::caller().await?;
    Ok(caller
        .state
        .qualys
        .budget(&caller.upstream)
        .map(|b| crate::model::Budget {
            limit: b.limit,
            remaining: b.remaining,
            window_secs: b.window_secs,
            seen_at: b.seen_at,
        }))
}
