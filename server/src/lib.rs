//! The qdash server: the router (Leptos pages, login/logout, the Qualys pass-through, health,
//! security headers) and the embedded Qualys simulator.

// The full asset record is one large `json!` literal.
#![recursion_limit = "512"]

pub mod sim;
