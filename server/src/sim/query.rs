//! Filter evaluation and paging over the inventory.
//!
//! A [`Filter`] is compiled once per request into [`Predicate`]s; text criteria on catalog
//! fields (OS, software, tags) are evaluated once per catalog entry, so a scan of a million
//! assets tests small integers and bitmaps, not strings.

use super::catalog::{self, HARDWARE, OPERATING_SYSTEMS, SOFTWARE, TAGS};
use super::inventory::{Inventory, SimAsset};
use app::model::date::IsoDate;
use app::model::filter::{Criterion, Filter, FilterError, Operation, Operator, TypedValue};

#[derive(Debug)]
enum IntField {
    Id,
    Risk,
    Criticality,
}

#[derive(Debug, Clone, Copy)]
enum DateField {
    Created,
    Updated,
    Inventory,
}

#[derive(Debug)]
enum Predicate {
    Int {
        field: IntField,
        op: Operator,
        values: Vec<i64>,
    },
    Date {
        field: DateField,
        op: Operator,
        date: IsoDate,
    },
    /// Single-valued catalog field (tracking, OS, hardware, provider): a match per entry.
    Tracking(Vec<bool>),
    Os(Vec<bool>),
    Hardware(Vec<bool>),
    Provider(Vec<bool>),
    /// Multi-valued catalog field: `any` entry matches, negated for NOT_EQUALS.
    Software {
        matches: Vec<bool>,
        negate: bool,
    },
    Tags {
        matches: Vec<bool>,
        negate: bool,
    },
    Name {
        op: Operator,
        needle: String,
    },
    Address {
        op: Operator,
        needle: String,
    },
    ContainerHost {
        op: Operator,
        value: bool,
    },
}

fn text_match(op: Operator, hay: &str, needle: &str) -> bool {
    match op {
        Operator::Contains => hay.to_lowercase().contains(needle),
        _ => hay.eq_ignore_ascii_case(needle),
    }
}

/// Match table for a text criterion over a catalog: EQUALS/CONTAINS per entry; NOT_EQUALS is
/// handled by the caller (single-valued: invert; multi-valued: "none equal").
fn text_table<'a>(op: Operator, needle: &str, names: impl Iterator<Item = &'a str>) -> Vec<bool> {
    let needle = needle.to_lowercase();
    names.map(|n| text_match(op, n, &needle)).collect()
}

/// Match table for a keyword criterion over a catalog, including NOT_EQUALS.
fn keyword_table<'a>(
    op: Operator,
    values: &[String],
    names: impl Iterator<Item = &'a str>,
) -> Vec<bool> {
    names
        .map(|n| {
            let hit = values.iter().any(|v| v.eq_ignore_ascii_case(n));
            if op == Operator::NotEquals {
                !hit
            } else {
                hit
            }
        })
        .collect()
}

fn compile(c: &Criterion) -> Result<Predicate, FilterError> {
    let value = c.typed_value()?;
    let op = c.operator;
    let text = || match &value {
        TypedValue::Text(t) => t.clone(),
        _ => String::new(),
    };
    let keywords = || match &value {
        TypedValue::Keywords(k) => k.clone(),
        _ => vec![],
    };
    let ints = || match &value {
        TypedValue::Int(i) => vec![*i],
        TypedValue::Ints(v) => v.clone(),
        _ => vec![],
    };
    let date = || match &value {
        TypedValue::Date(d) => *d,
        _ => IsoDate {
            millis: 0,
            day_only: false,
        },
    };
    let invert_if_not = |mut t: Vec<bool>| {
        if op == Operator::NotEquals {
            t.iter_mut().for_each(|b| *b = !*b);
        }
        t
    };
    Ok(match c.field.as_str() {
        "asset.id" => Predicate::Int {
            field: IntField::Id,
            op,
            values: ints(),
        },
        "asset.riskScore" => Predicate::Int {
            field: IntField::Risk,
            op,
            values: ints(),
        },
        "asset.criticalityScore" => Predicate::Int {
            field: IntField::Criticality,
            op,
            values: ints(),
        },
        "asset.createdDate" => Predicate::Date {
            field: DateField::Created,
            op,
            date: date(),
        },
        "asset.lastUpdatedDate" => Predicate::Date {
            field: DateField::Updated,
            op,
            date: date(),
        },
        "asset.lastInventoryDate" => Predicate::Date {
            field: DateField::Inventory,
            op,
            date: date(),
        },
        "asset.trackingMethod" => Predicate::Tracking(keyword_table(
            op,
            &keywords(),
            catalog::TRACKING.iter().copied(),
        )),
        "operatingSystem.category1" => Predicate::Os(keyword_table(
            op,
            &keywords(),
            OPERATING_SYSTEMS.iter().map(|o| o.category1),
        )),
        "operatingSystem.name" => Predicate::Os(invert_if_not(text_table(
            op,
            &text(),
            OPERATING_SYSTEMS.iter().map(|o| o.os_name),
        ))),
        "operatingSystem.lifecycle.stage" => Predicate::Os(keyword_table(
            op,
            &keywords(),
            OPERATING_SYSTEMS
                .iter()
                .map(|o| o.stage.unwrap_or("\u{0}none")),
        )),
        "hardware.category1" => {
            Predicate::Hardware(keyword_table(op, &keywords(), HARDWARE.iter().map(|h| h.0)))
        }
        "provider" => Predicate::Provider(keyword_table(
            op,
            &keywords(),
            catalog::PROVIDERS.iter().map(|p| p.unwrap_or("\u{0}none")),
        )),
        "software.name" => Predicate::Software {
            matches: text_table(op, &text(), SOFTWARE.iter().map(|s| s.full_name)),
            negate: op == Operator::NotEquals,
        },
        "tags.name" => Predicate::Tags {
            matches: text_table(op, &text(), TAGS.iter().map(|t| t.0)),
            negate: op == Operator::NotEquals,
        },
        "asset.name" => Predicate::Name {
            op,
            needle: text().to_lowercase(),
        },
        "interfaces.address" => Predicate::Address {
            op,
            needle: text().to_lowercase(),
        },
        "asset.isContainerHost" => Predicate::ContainerHost {
            op,
            value: matches!(value, TypedValue::Bool(true)),
        },
        other => {
            // The model knows a field the simulator does not: a bug here, not in the request.
            return Err(FilterError {
                index: None,
                field: other.into(),
                message: "field not supported".into(),
            });
        }
    })
}

fn int_match(op: Operator, actual: Option<i64>, values: &[i64]) -> bool {
    let Some(a) = actual else {
        // A missing value equals nothing, so it is "not equal" to anything.
        return op == Operator::NotEquals;
    };
    match op {
        Operator::Equals => a == values[0],
        Operator::NotEquals => a != values[0],
        Operator::Greater => a > values[0],
        Operator::Lesser => a < values[0],
        Operator::In => values.contains(&a),
        Operator::Contains => false,
    }
}

const DAY_MS: i64 = 86_400_000;

fn date_match(op: Operator, actual: i64, d: IsoDate) -> bool {
    // A bare day means the whole UTC day: equal = within it, greater = after it ends.
    let (start, end) = if d.day_only {
        (d.millis, d.millis + DAY_MS)
    } else {
        (d.millis, d.millis + 1)
    };
    match op {
        Operator::Equals => (start..end).contains(&actual),
        Operator::NotEquals => !(start..end).contains(&actual),
        Operator::Greater => actual >= end,
        Operator::Lesser => actual < start,
        _ => false,
    }
}

impl Predicate {
    fn matches(&self, a: &SimAsset) -> bool {
        match self {
            Predicate::Int { field, op, values } => {
                let actual = match field {
                    IntField::Id => Some(a.id as i64),
                    IntField::Risk => a.risk.map(i64::from),
                    IntField::Criticality => Some(a.criticality as i64),
                };
                int_match(*op, actual, values)
            }
            Predicate::Date { field, op, date } => {
                let actual = match field {
                    DateField::Created => a.created,
                    DateField::Updated => a.updated,
                    DateField::Inventory => a.inventory,
                };
                date_match(*op, actual, *date)
            }
            Predicate::Tracking(t) => t[a.tracking as usize],
            Predicate::Os(t) => t[a.os as usize],
            Predicate::Hardware(t) => t[a.hardware as usize],
            Predicate::Provider(t) => t[a.provider as usize],
            Predicate::Software { matches, negate } => {
                a.software.iter().any(|s| matches[*s as usize]) != *negate
            }
            Predicate::Tags { matches, negate } => {
                a.tags.iter().any(|t| matches[*t as usize]) != *negate
            }
            Predicate::Name { op, needle } => {
                let hit = text_match(*op, &a.name, needle);
                hit != (*op == Operator::NotEquals)
            }
            Predicate::Address { op, needle } => {
                let hit = a.address().is_some_and(|ip| text_match(*op, &ip, needle));
                hit != (*op == Operator::NotEquals)
            }
            Predicate::ContainerHost { op, value } => {
                (a.container_host == *value) != (*op == Operator::NotEquals)
            }
        }
    }
}

/// A compiled request: the user's filter, the user's scope, and `assetLastUpdated`.
#[derive(Debug)]
pub struct Query {
    predicates: Vec<Predicate>,
    operation: Operation,
    /// Tag every visible asset must carry (the user's scope), if any.
    scope_tag: Option<u16>,
    updated_since: Option<i64>,
}

impl Query {
    pub fn compile(
        filter: &Filter,
        scope_tag: Option<u16>,
        updated_since: Option<i64>,
    ) -> Result<Query, FilterError> {
        if let Some(e) = filter.problems().into_iter().next() {
            return Err(e);
        }
        let predicates = filter
            .criteria
            .iter()
            .map(compile)
            .collect::<Result<_, _>>()?;
        Ok(Query {
            predicates,
            operation: filter.operation,
            scope_tag,
            updated_since,
        })
    }

    pub fn matches(&self, a: &SimAsset) -> bool {
        if self.scope_tag.is_some_and(|t| !a.tags.contains(&t)) {
            return false;
        }
        if self.updated_since.is_some_and(|t| a.updated < t) {
            return false;
        }
        if self.predicates.is_empty() {
            return true;
        }
        match self.operation {
            Operation::And => self.predicates.iter().all(|p| p.matches(a)),
            Operation::Or => self.predicates.iter().any(|p| p.matches(a)),
        }
    }

    /// Assets matching after the cursor.
    pub fn count(&self, inv: &Inventory, cursor: u64) -> usize {
        inv.assets[inv.start_after(cursor)..]
            .iter()
            .filter(|a| self.matches(a))
            .count()
    }

    /// Up to `page_size` matching assets after the cursor, and whether more follow.
    pub fn page<'a>(
        &self,
        inv: &'a Inventory,
        cursor: u64,
        page_size: usize,
    ) -> (Vec<&'a SimAsset>, bool) {
        let mut it = inv.assets[inv.start_after(cursor)..]
            .iter()
            .filter(|a| self.matches(a));
        let page: Vec<&SimAsset> = it.by_ref().take(page_size).collect();
        let more = it.next().is_some();
        (page, more)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::model::filter::Criterion;

    fn count(inv: &Inventory, criteria: Vec<Criterion>, op: Operation) -> usize {
        Query::compile(
            &Filter {
                criteria,
                operation: op,
            },
            None,
            None,
        )
        .unwrap()
        .count(inv, 0)
    }

    #[test]
    fn bands_partition_the_scored_assets() {
        let inv = Inventory::generate(4000, 3);
        let total = count(&inv, vec![], Operation::And);
        let scored = inv.assets.iter().filter(|a| a.risk.is_some()).count();
        let bands: usize = app::model::RiskBand::ALL
            .iter()
            .filter_map(|b| b.criteria())
            .map(|c| count(&inv, c, Operation::And))
            .sum();
        assert_eq!(bands, scored);
        assert!(scored < total);
    }

    #[test]
    fn or_is_the_union_and_is_the_intersection() {
        let inv = Inventory::generate(3000, 9);
        let a = Criterion::new("asset.trackingMethod", Operator::Equals, "IP");
        let b = Criterion::new("provider", Operator::Equals, "AWS");
        let ca = count(&inv, vec![a.clone()], Operation::And);
        let cb = count(&inv, vec![b.clone()], Operation::And);
        let and = count(&inv, vec![a.clone(), b.clone()], Operation::And);
        let or = count(&inv, vec![a, b], Operation::Or);
        assert_eq!(or, ca + cb - and);
    }

    #[test]
    fn not_equals_on_a_list_means_none_equal() {
        let inv = Inventory::generate(2000, 4);
        let has = count(
            &inv,
            vec![Criterion::new("tags.name", Operator::Equals, "eu")],
            Operation::And,
        );
        let hasnt = count(
            &inv,
            vec![Criterion::new("tags.name", Operator::NotEquals, "EU")],
            Operation::And,
        );
        assert_eq!(has + hasnt, inv.assets.len());
    }

    #[test]
    fn day_dates_cover_the_whole_day() {
        let d = app::model::date::parse_iso("2021-11-30").unwrap();
        let at = app::model::date::parse_iso("2021-11-30T14:05:02.000Z")
            .unwrap()
            .millis;
        assert!(date_match(Operator::Equals, at, d));
        assert!(!date_match(Operator::Greater, at, d));
        assert!(!date_match(Operator::Lesser, at, d));
    }
}
