//! Questions about assets: how many match, how they break down, one page of them, one asset.

use crate::model::{AppError, Asset, AssetListPage, Breakdown, Dimension, Filter};
use leptos::prelude::*;
use leptos::server_fn::codec::{GetUrl, Json};

/// How many assets match the filter.
#[server(prefix = "/api", endpoint = "count_assets", input = Json)]
pub async fn count_assets(filter: Filter) -> Result<u64, AppError> {
    filter.validate().map_err(AppError::BadFilter)?;
    let caller = super::ssr::caller().await?;
    let r = caller
        .planner()
        .count(&filter, false)
        .await
        .map(|g| g.value);
    caller.settle(r).await
}

/// One overview card: the filtered set broken down by risk band, tracking method or criticality.
#[server(prefix = "/api", endpoint = "get_breakdown", input = Json)]
pub async fn get_breakdown(
    filter: Filter,
    dimension: Dimension,
    refresh: bool,
) -> Result<Breakdown, AppError> {
    use crate::server::planner::PlanError;
    filter.validate().map_err(AppError::BadFilter)?;
    let caller = super::ssr::caller().await?;
    match caller
        .planner()
        .breakdown(&filter, dimension, refresh)
        .await
    {
        Ok(b) => Ok(b),
        Err(PlanError::TooCostly { total, calls }) => Err(AppError::TooCostly { total, calls }),
        Err(PlanError::Client(e)) => caller.settle(Err(e)).await,
    }
}

/// One page of the filtered asset list after `cursor`, with the filtered total. `only` keeps
/// a card's remainder (no score, other tracking method, no criticality): no Qualys filter
/// selects those, so qdash cuts them from a crawl.
#[server(prefix = "/api", endpoint = "search_assets", input = Json)]
pub async fn search_assets(
    filter: Filter,
    cursor: Option<u64>,
    size: u16,
    only: Option<crate::model::Remainder>,
) -> Result<AssetListPage, AppError> {
    filter.validate().map_err(AppError::BadFilter)?;
    if ![25, 50, 100, 300].contains(&size) {
        return Err(AppError::Server(format!(
            "page size {size} is not offered; use 25, 50, 100 or 300"
        )));
    }
    let caller = super::ssr::caller().await?;
    let planner = caller.planner();
    if let Some(remainder) = only {
        return remainder_page(&caller, &filter, remainder, cursor, size).await;
    }
    let (total, page) = futures::join!(
        planner.count(&filter, false),
        planner.page(&filter, cursor, size, false)
    );
    let total = caller.settle(total).await?.value;
    let page = caller.settle(page).await?.value;
    Ok(AssetListPage {
        rows: page.assets.iter().map(Into::into).collect(),
        next_cursor: page.next_cursor,
        total,
    })
}

/// One asset in full.
#[server(prefix = "/api", endpoint = "get_asset", input = GetUrl)]
pub async fn get_asset(id: u64) -> Result<Asset, AppError> {
    let caller = super::ssr::caller().await?;
    let r = caller
        .planner()
        .asset(id, false)
        .await
        .map(|g| (*g.value).clone());
    caller.settle(r).await
}

/// A remainder list: rows of the crawled set in it, paged by asset id like Qualys.
#[cfg(feature = "ssr")]
async fn remainder_page(
    caller: &super::ssr::Caller,
    filter: &Filter,
    remainder: crate::model::Remainder,
    cursor: Option<u64>,
    size: u16,
) -> Result<AssetListPage, AppError> {
    use crate::model::AssetRow;
    use crate::server::planner::PlanError;
    let rows = match caller.planner().rows(filter, false).await {
        Ok(got) => got.value,
        Err(PlanError::TooCostly { total, calls }) => {
            return Err(AppError::TooCostly { total, calls })
        }
        Err(PlanError::Client(e)) => return caller.settle(Err(e)).await,
    };
    let kept: Vec<&AssetRow> = rows.iter().filter(|r| remainder.matches(r)).collect();
    let start = cursor.map_or(0, |c| kept.partition_point(|r| r.id <= c));
    let page: Vec<AssetRow> = kept[start..]
        .iter()
        .take(size as usize)
        .map(|r| (*r).clone())
        .collect();
    let next_cursor = if start + page.len() < kept.len() {
        page.last().map(|r| r.id)
    } else {
        None
    };
    Ok(AssetListPage {
        rows: page,
        next_cursor,
        total: kept.len() as u64,
    })
}
