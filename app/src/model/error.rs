//! The error that crosses from server to browser: it keeps the kind (expired token, rate
//! limited with a wait, bad filter...) so pages can say what to do, and never carries secrets.

use super::filter::FilterError;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// No session, or the session ended: log in (again).
    #[error("please log in")]
    NotLoggedIn,
    /// Qualys no longer accepts the session's token.
    #[error("your Qualys session has expired; please log in again")]
    SessionExpired,
    /// The subscription's call budget or concurrency is spent for now.
    #[error("Qualys rate limit reached; try again in {wait_secs} s")]
    RateLimited { wait_secs: u64 },
    #[error("{0}")]
    BadFilter(FilterError),
    #[error("not found")]
    NotFound,
    /// Qualys refused or failed; `status` is what it answered.
    #[error("Qualys answered {status}: {message}")]
    Upstream { status: u16, message: String },
    #[error("Qualys did not answer in time")]
    Timeout,
    #[error("Qualys could not be reached")]
    Unreachable,
    /// The only correct answer would spend more of the team's budget than allowed.
    #[error("this filter matches {total} assets; breaking it down needs {calls} Qualys calls, more than qdash spends on one view. Narrow the filter, or use AND so counts can be used")]
    TooCostly { total: u64, calls: u64 },
    #[error("{0}")]
    Server(String),
}

impl AppError {
    /// The HTTP status an SSR page showing this error should carry.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotLoggedIn | AppError::SessionExpired => 401,
            AppError::RateLimited { .. } => 429,
            AppError::BadFilter(_) => 400,
            AppError::NotFound => 404,
            AppError::Upstream { status, .. } if *status >= 500 => 502,
            AppError::Upstream { .. } => 502,
            AppError::Timeout => 504,
            AppError::Unreachable => 502,
            AppError::TooCostly { .. } => 422,
            AppError::Server(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Server(value.to_string())
    }
}
