//! ISO-8601 dates as Qualys writes them (`2021-11-30T14:05:02.000Z`), converted to and
//! from epoch milliseconds. Small enough to own rather than pull a date crate into WASM.

/// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// A parsed date: epoch milliseconds, and whether only a day was given
/// (`2024-01-31`), which filters treat as the whole UTC day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IsoDate {
    pub millis: i64,
    pub day_only: bool,
}

/// Parses `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff]]Z` (a `+00:00` offset is accepted too).
pub fn parse_iso(s: &str) -> Option<IsoDate> {
    let s = s.trim();
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.is_empty() || !part.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        part.parse().ok()
    };
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let (y, m, d) = (num(0..4)? as i64, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    let day_ms = days_from_civil(y, m, d) * 86_400_000;
    if b.len() == 10 {
        return Some(IsoDate {
            millis: day_ms,
            day_only: true,
        });
    }
    if b[10] != b'T' && b[10] != b' ' {
        return None;
    }
    let rest = &s[11..];
    let rest = rest
        .strip_suffix('Z')
        .or_else(|| rest.strip_suffix("+00:00"))
        .unwrap_or(rest);
    let (hms, frac) = match rest.split_once('.') {
        Some((hms, frac)) => (hms, Some(frac)),
        None => (rest, None),
    };
    let parts: Vec<&str> = hms.split(':').collect();
    if parts.len() < 2 || parts.len() > 3 {
        return None;
    }
    let field = |p: &str, max: u32| -> Option<u32> {
        (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
            .then(|| p.parse().ok())
            .flatten()
            .filter(|v| *v <= max)
    };
    let h = field(parts[0], 23)?;
    let mi = field(parts[1], 59)?;
    let sec = match parts.get(2) {
        Some(p) => field(p, 59)?,
        None => 0,
    };
    let ms = match frac {
        Some(f) if !f.is_empty() && f.len() <= 9 && f.bytes().all(|c| c.is_ascii_digit()) => {
            let padded = format!("{f:0<3}");
            padded[..3].parse::<i64>().ok()?
        }
        Some(_) => return None,
        None => 0,
    };
    Some(IsoDate {
        millis: day_ms + (h as i64 * 3600 + mi as i64 * 60 + sec as i64) * 1000 + ms,
        day_only: false,
    })
}

/// Formats epoch milliseconds the way Qualys does: `2021-11-30T14:05:02.000Z`.
pub fn format_iso(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let rem = millis.rem_euclid(86_400_000);
    let (y, m, d) = civil_from_days(days);
    let (h, mi, s, ms) = (
        rem / 3_600_000,
        rem / 60_000 % 60,
        rem / 1000 % 60,
        rem % 1000,
    );
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{ms:03}Z")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_qualys_timestamps() {
        for s in [
            "2021-11-30T14:05:02.000Z",
            "1970-01-01T00:00:00.000Z",
            "2024-02-29T23:59:59.999Z",
        ] {
            assert_eq!(format_iso(parse_iso(s).unwrap().millis), s);
        }
    }

    #[test]
    fn day_only_dates_are_marked() {
        let d = parse_iso("2021-12-09").unwrap();
        assert!(d.day_only);
        assert_eq!(format_iso(d.millis), "2021-12-09T00:00:00.000Z");
    }

    #[test]
    fn rejects_impossible_dates() {
        for s in [
            "2021-02-30",
            "2021-13-01",
            "yesterday",
            "2021-1-1",
            "2021-01-01T25:00:00Z",
            "",
        ] {
            assert_eq!(parse_iso(s), None, "{s}");
        }
    }

    #[test]
    fn accepts_seconds_free_and_offset_forms() {
        assert_eq!(
            parse_iso("2021-11-30T14:05Z").unwrap().millis,
            parse_iso("2021-11-30T14:05:00.000+00:00").unwrap().millis
        );
    }
}
