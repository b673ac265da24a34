//! qdash's application: wire types, pages, components and server functions.
pub mod model;
