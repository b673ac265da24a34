//! The typed session: who is logged in to which Qualys platform, with which token. Kept in
//! the server-side session store (tower-sessions); the browser holds only an opaque id.

use super::token::Token;
use crate::model::AppError;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use serde::{Deserialize, Serialize};
use std::time::{SystemTime, UNIX_EPOCH};
use tower_sessions::Session;

const LOGIN_KEY: &str = "qdash.login";
/// Set when a login ended because Qualys stopped accepting its token, so the next page view
/// can say why the user is back at the login page.
const EXPIRED_KEY: &str = "qdash.expired";

/// A user's Qualys login. The password is never part of it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct QualysLogin {
    /// Platform id from the allow-list (the URL is looked up, never stored from a form).
    pub platform: String,
    pub username: String,
    pub token: Token,
    /// Unix seconds when the token, and so the session, ends.
    pub expires_at: u64,
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The session as qdash uses it.
#[derive(Clone)]
pub struct UserSession(Session);

impl UserSession {
    pub fn new(session: Session) -> UserSession {
        UserSession(session)
    }

    /// The current login, if any and still valid. An expired one ends the session.
    pub async fn login(&self) -> Result<Option<QualysLogin>, AppError> {
        let login: Option<QualysLogin> = self.0.get(LOGIN_KEY).await.map_err(store_error)?;
        match login {
            Some(l) if l.expires_at > now_secs() => Ok(Some(l)),
            Some(_) => {
                self.expire().await;
                Ok(None)
            }
            None => Ok(None),
        }
    }

    /// The current login, or `NotLoggedIn`.
    pub async fn require(&self) -> Result<QualysLogin, AppError> {
        self.login().await?.ok_or(AppError::NotLoggedIn)
    }

    /// Starts a fresh session for this login: a new id, so an id seen before login is worthless.
    pub async fn start(&self, login: QualysLogin) -> Result<(), AppError> {
        self.0.cycle_id().await.map_err(store_error)?;
        self.0.insert(LOGIN_KEY, login).await.map_err(store_error)
    }

    /// Ends the login because its token no longer works, remembering why.
    pub async fn expire(&self) {
        let r = async {
            self.0.remove_value(LOGIN_KEY).await?;
            self.0.insert(EXPIRED_KEY, true).await?;
            self.0.cycle_id().await
        };
        if let Err(e) = r.await {
            tracing::warn!(error = %e, "could not end an expired login");
        }
    }

    /// Whether the last login ended by expiry; reading it clears it.
    pub async fn take_expired(&self) -> bool {
        self.0
            .remove::<bool>(EXPIRED_KEY)
            .await
            .ok()
            .flatten()
            .unwrap_or(false)
    }

    /// Deletes the session server-side.
    pub async fn end(&self) {
        if let Err(e) = self.0.flush().await {
            tracing::warn!(error = %e, "could not delete a session");
        }
    }
}

fn store_error(e: tower_sessions::session::Error) -> AppError {
    tracing::error!(error = %e, "session store failed");
    AppError::Server("the session store failed; try again".into())
}

impl<S: Send + Sync> FromRequestParts<S> for UserSession {
    type Rejection = <Session as FromRequestParts<S>>::Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Session::from_request_parts(parts, state)
            .await
            .map(UserSession)
    }
}
