//! `POST /login` and `POST /logout`: plain form posts, so logging in works without JavaScript.
//!
//! The platform comes from the allow-list by id (an unknown id makes no outbound call). The
//! password goes to Qualys `/auth` and nowhere else: not to the session, not to a log. A
//! failed try redirects back to the form with the username, platform and destination kept.

use app::components::error_view::urlencode;
use app::model::Filter;
use app::server::session::now_secs;
use app::server::{AppState, ClientError, QualysLogin, Token, Upstream, UserSession};
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoginForm {
    platform: String,
    username: String,
    password: String,
    token: String,
    next: String,
}

/// Only same-site paths: never `//host` or `https://...` (no open redirect).
pub fn safe_next(next: &str) -> &str {
    if next.starts_with('/')
        && !next.starts_with("//")
        && !next.starts_with("/\\")
        && !next.starts_with("/login")
    {
        next
    } else {
        "/"
    }
}

fn back_to_form(error: &str, form: &LoginForm) -> Response {
    Redirect::to(&format!(
        "/login?error={error}&platform={}&username={}&next={}",
        urlencode(&form.platform),
        urlencode(&form.username),
        urlencode(&form.next)
    ))
    .into_response()
}

fn error_code(e: &ClientError) -> &'static str {
    match e {
        ClientError::Unauthorized => "bad_credentials",
        ClientError::RateLimited { .. } => "rate_limited",
        ClientError::Timeout | ClientError::Unreachable => "unreachable",
        _ => "upstream",
    }
}

pub async fn post_login(
    State(state): State<AppState>,
    session: UserSession,
    body: Bytes,
) -> Response {
    let form: LoginForm = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let Some(platform) = state.platforms.find(&form.platform) else {
        return back_to_form("unknown_platform", &form);
    };
    let (username, token) = if !form.token.trim().is_empty() {
        // A pasted token (single sign-on users): one cheap call proves Qualys accepts it.
        let Some(token) = Token::new(&form.token) else {
            return back_to_form("bad_token", &form);
        };
        let upstream = Upstream::new(&platform.url, token.clone());
        match state.qualys.count(&upstream, &Filter::all()).await {
            Ok(_) => {}
            Err(ClientError::Unauthorized) => return back_to_form("bad_token", &form),
            Err(e) => return back_to_form(error_code(&e), &form),
        }
        let name = token.claims().sub.unwrap_or_else(|| "token user".into());
        (name, token)
    } else {
        if form.username.trim().is_empty() || form.password.is_empty() {
            return back_to_form("missing", &form);
        }
        match state
            .qualys
            .auth(&platform.url, form.username.trim(), &form.password)
            .await
        {
            Ok(token) => (form.username.trim().to_string(), token),
            Err(e) => {
                tracing::info!(platform = %platform.id, error = %e, "login refused");
                return back_to_form(error_code(&e), &form);
            }
        }
    };
    let expires_at = token.expires_at(now_secs());
    let login = QualysLogin {
        platform: platform.id.clone(),
        username,
        token,
        expires_at,
    };
    if session.start(login).await.is_err() {
        return back_to_form("session", &form);
    }
    tracing::info!(platform = %platform.id, "login");
    Redirect::to(safe_next(&form.next)).into_response()
}

pub async fn post_logout(session: UserSession) -> Response {
    session.end().await;
    Redirect::to("/login?notice=logged_out").into_response()
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next("/assets?page=2"), "/assets?page=2");
        for evil in [
            "//evil.example",
            "https://evil.example",
            "/\\evil.example",
            "",
            "/login?next=/",
        ] {
            assert_eq!(safe_next(evil), "/", "{evil}");
        }
    }
}
