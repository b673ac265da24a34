//! What the browser may know about a login: who and where, never the token.

use serde::{Deserialize, Serialize};

/// The logged-in user as pages show them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub username: String,
    pub platform_id: String,
    pub platform_label: String,
    /// Unix seconds when the Qualys token, and so the session, ends.
    pub expires_at: u64,
}

/// A platform the login form offers, by id; the URL stays on the server.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformChoice {
    pub id: String,
    pub label: String,
}

/// What the login page and the header need before anyone logs in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteInfo {
    pub platforms: Vec<PlatformChoice>,
    /// Demo mode: the embedded simulator is offered, and a banner says the data is made up.
    pub demo: bool,
    pub user: Option<SessionInfo>,
}

/// The subscription's call budget as Qualys last reported it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Budget {
    pub limit: u32,
    pub remaining: u32,
    pub window_secs: u64,
    /// Unix seconds when Qualys said so.
    pub seen_at: u64,
}
