//! Server-only parts of qdash (the `ssr` feature): configuration, the allow-list of Qualys
//! platforms, the typed session, the typed Qualys client, and the state they live in.
//! Pages never reach in here; server functions in `crate::api` do.

pub mod cache;
pub mod config;
pub mod limiter;
pub mod planner;
pub mod platforms;
pub mod qualys;
pub mod session;
pub mod state;
pub mod token;

pub use config::Config;
pub use platforms::{Platform, Platforms};
pub use qualys::{ClientError, QualysClient, Upstream};
pub use session::{QualysLogin, UserSession};
pub use state::AppState;
pub use token::Token;
