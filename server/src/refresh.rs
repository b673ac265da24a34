//! `POST /refresh`: a card's "Refresh" button. A plain form post, so it works without
//! JavaScript: it recomputes that card past the cache (spending its calls) and sends the
//! browser back to the overview it came from, which then shows the fresh figures.

use app::api::ssr::Caller;
use app::model::{Dimension, FilterDraft};
use app::server::planner::PlanError;
use app::server::{AppState, ClientError, UserSession};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
struct RefreshForm {
    /// Which card: `risk`, `tracking` or `criticality`.
    card: String,
    /// The overview's filter, as its URL query.
    filter: String,
}

pub async fn post_refresh(
    State(state): State<AppState>,
    session: UserSession,
    body: Bytes,
) -> Response {
    let form: RefreshForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let Some(dimension) = Dimension::from_slug(&form.card) else {
        return (
            StatusCode::BAD_REQUEST,
            "Unknown card: send card=risk, tracking or criticality.",
        )
            .into_response();
    };
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&form.filter).unwrap_or_default();
    let draft = FilterDraft::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    // Back to the overview under the same filter (rebuilt, never taken as a URL from the form).
    let query = draft.to_query();
    let back = if query.is_empty() {
        "/".to_string()
    } else {
        format!("/?{query}")
    };
    let Ok(filter) = draft.check() else {
        // The overview marks the bad conditions itself.
        return Redirect::to(&back).into_response();
    };
    let Ok(caller) = Caller::of(state, session).await else {
        let next = app::components::error_view::urlencode(&back);
        return Redirect::to(&format!("/login?next={next}")).into_response();
    };
    let result = caller.planner().breakdown(&filter, dimension, true).await;
    match result {
        Ok(_) => Redirect::to(&back).into_response(),
        Err(PlanError::Client(ClientError::Unauthorized)) => {
            caller.session.expire().await;
            Redirect::to(&back).into_response()
        }
        Err(e) => {
            tracing::info!(card = dimension.slug(), error = ?e, "refresh failed");
            let sep = if query.is_empty() { "?" } else { "&" };
            Redirect::to(&format!("{back}{sep}stale={}", dimension.slug())).into_response()
        }
    }
}
