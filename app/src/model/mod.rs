//! Wire types shared by the server, the browser and the simulator.
//!
//! Nothing here depends on a server-only crate: this module compiles to WASM.
//! - [`filter`]: the Qualys filter model (fields, operators by type, values, AND/OR),
//!   its validation and its exact JSON and XML request bodies.
//! - [`asset`]: the asset record, parsed leniently (unknown fields are kept).
//! - [`score`]: TruRisk bands, criticality, tracking methods.
//! - [`draft`]: a filter as typed in a form or carried in a URL, checked row by row.
//! - [`breakdown`]: the overview cards' dimensions, buckets and results.
//! - [`date`]: the ISO-8601 dates Qualys speaks, without a date crate.
//! - [`error`]: the error that crosses from server to browser.
//! - [`session`]: what the browser may know of a login (never the token).

pub mod asset;
pub mod breakdown;
pub mod date;
pub mod draft;
pub mod error;
pub mod filter;
pub mod score;
pub mod session;

pub use asset::{Asset, AssetListPage, AssetPage, AssetRow};
pub use breakdown::{Breakdown, Bucket, Dimension, Remainder};
pub use draft::{FilterDraft, RowDraft};
pub use error::AppError;
pub use filter::{Criterion, FieldType, Filter, FilterError, Operation, Operator};
pub use score::{RiskBand, TrackingMethod};
pub use session::{Budget, PlatformChoice, SessionInfo, SiteInfo};
