//! Questions about assets: how many match a filter.

use crate::model::{AppError, Filter};
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// How many assets match the filter.
#[server(prefix = "/api", endpoint = "count_assets", input = Json)]
pub async fn count_assets(filter: Filter) -> Result<u64, AppError> {
    filter.validate().map_err(AppError::BadFilter)?;
    let caller = super::ssr::caller().await?;
    let r = caller.state.qualys.count(&caller.upstream, &filter).await;
    caller.settle(r).await
}
