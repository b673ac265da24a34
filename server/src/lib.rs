//! The qdash server: builds the state from the config and serves the router.
//!
//! Layout:
//! - [`router`]: every route and layer in one place (pages, login/logout, pass-through, health);
//! - [`login`]: `POST /login` and `POST /logout`;
//! - [`refresh`]: `POST /refresh`, a card's refresh as a plain form post;
//! - [`proxy`]: the `/qualys/rest/2.0/{count,get,search}/am/asset` pass-through;
//! - [`security`]: security headers, the same-origin check, the login gate for pages;
//! - [`startup`]: config → state (starting the embedded simulator in demo mode);
//! - [`sim`]: the Qualys simulator (also the `qualys-sim` binary).

// The simulator's full asset record is one large `json!` literal.
#![recursion_limit = "512"]

pub mod login;
pub mod proxy;
pub mod refresh;
pub mod router;
pub mod security;
pub mod sim;
pub mod startup;

pub use router::app;
pub use startup::{build_state, serve, Started};
