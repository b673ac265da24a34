//! Property tests of the simulator's paging: for random filters and every page size from 1 to
//! 300, a crawl by cursor returns each matching asset exactly once, in ascending id order, and
//! as many as `count` says.

use app::model::filter::{Criterion, Filter, Operation, Operator};
use proptest::prelude::*;
use server::sim::inventory::Inventory;
use server::sim::query::Query;
use std::sync::OnceLock;

fn inventory() -> &'static Inventory {
    static INV: OnceLock<Inventory> = OnceLock::new();
    INV.get_or_init(|| Inventory::generate(700, 11))
}

fn criterion() -> impl Strategy<Value = Criterion> {
    prop_oneof![
        (
            prop_oneof![
                Just(Operator::Greater),
                Just(Operator::Lesser),
                Just(Operator::Equals),
                Just(Operator::NotEquals)
            ],
            0..1000i64
        )
            .prop_map(|(op, v)| Criterion::new("asset.riskScore", op, v.to_string())),
        (1..=5i64, 1..=5i64).prop_map(|(a, b)| Criterion::new(
            "asset.criticalityScore",
            Operator::In,
            format!("{a},{b}")
        )),
        prop::sample::select(app::model::filter::TRACKING_METHODS).prop_map(|t| Criterion::new(
            "asset.trackingMethod",
            Operator::Equals,
            t
        )),
        prop::sample::select(vec!["prod", "db", "a", "é", "<"]).prop_map(|t| Criterion::new(
            "asset.name",
            Operator::Contains,
            t
        )),
        prop::sample::select(vec!["EU", "PCI", "Production"]).prop_map(|t| Criterion::new(
            "tags.name",
            Operator::NotEquals,
            t
        )),
        prop::sample::select(vec!["Windows", "Linux"]).prop_map(|t| Criterion::new(
            "operatingSystem.category1",
            Operator::Equals,
            t
        )),
        prop::sample::select(vec!["2021-01-01", "2024-06-30T12:00:00.000Z"])
            .prop_map(|d| Criterion::new("asset.lastUpdatedDate", Operator::Greater, d)),
    ]
}

fn filter() -> impl Strategy<Value = Filter> {
    (prop::collection::vec(criterion(), 0..4), any::<bool>()).prop_map(|(criteria, or)| Filter {
        criteria,
        operation: if or { Operation::Or } else { Operation::And },
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Every page size from 1 to 300 crawls the same assets, each once, ascending, `count` long.
    #[test]
    fn crawl_returns_each_match_once_in_order(f in filter()) {
        let inv = inventory();
        let q = Query::compile(&f, None, None).unwrap();
        let expected: Vec<u64> = inv.assets.iter().filter(|a| q.matches(a)).map(|a| a.id).collect();
        prop_assert_eq!(q.count(inv, 0), expected.len());
        for page_size in 1..=300 {
            let mut seen = Vec::with_capacity(expected.len());
            let mut cursor = 0;
            loop {
                let (page, more) = q.page(inv, cursor, page_size);
                prop_assert!(page.len() <= page_size);
                seen.extend(page.iter().map(|a| a.id));
                match (more, page.last()) {
                    (true, Some(last)) => cursor = last.id,
                    (true, None) => prop_assert!(false, "hasMore with an empty page"),
                    (false, _) => break,
                }
            }
            prop_assert_eq!(&seen, &expected, "page size {}", page_size);
        }
    }
}
