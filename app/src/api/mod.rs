//! Server functions: one per question a page asks (`<verb>_<noun>`). They run on the server,
//! read the session and call Qualys through the typed client; the browser sees only answers.

mod assets;
mod site;

pub use assets::*;
pub use site::*;

#[cfg(feature = "ssr")]
pub mod ssr {
    //! What every server function needs: the state, the session, the upstream for this user.
    use crate::model::AppError;
    use crate::server::{AppState, ClientError, QualysLogin, Upstream, UserSession};
    use leptos::prelude::expect_context;

    pub struct Caller {
        pub state: AppState,
        pub session: UserSession,
        pub login: QualysLogin,
        pub upstream: Upstream,
    }

    pub async fn session() -> Result<UserSession, AppError> {
        let session: tower_sessions::Session = leptos_axum::extract()
            .await
            .map_err(|e| AppError::Server(format!("no session layer: {e}")))?;
        Ok(UserSession::new(session))
    }

    /// The logged-in caller of a server function, or `NotLoggedIn`.
    pub async fn caller() -> Result<Caller, AppError> {
        Caller::of(expect_context::<AppState>(), session().await?).await
    }

    impl Caller {
        /// The caller behind `session` (also for plain axum handlers), or `NotLoggedIn`.
        pub async fn of(state: AppState, session: UserSession) -> Result<Caller, AppError> {
            let login = session.require().await?;
            let Some(platform) = state.platforms.find(&login.platform) else {
                // The platform left the allow-list since login: the session is no longer usable.
                session.end().await;
                return Err(AppError::NotLoggedIn);
            };
            let upstream = Upstream::new(&platform.url, login.token.clone());
            Ok(Caller {
                state,
                session,
                login,
                upstream,
            })
        }

        /// The planner for this caller: cached, coalesced, within the subscription's limits.
        pub fn planner(&self) -> crate::server::planner::Planner<'_> {
            crate::server::planner::Planner {
                client: &self.state.qualys,
                cache: &self.state.cache,
                upstream: &self.upstream,
                platform: &self.login.platform,
                username: &self.login.username,
                crawl_max_calls: self.state.config.crawl_max_calls,
            }
        }

        /// Maps a client result to the page's error; a refused token ends the session.
        pub async fn settle<T>(&self, r: Result<T, ClientError>) -> Result<T, AppError> {
            if let Err(ClientError::Unauthorized) = &r {
                self.session.expire().await;
            }
            r.map_err(AppError::from)
        }
    }
}
