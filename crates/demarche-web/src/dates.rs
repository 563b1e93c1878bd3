//! Publication dates as web pages and feeds write them.

use demarche_model::{Date, parse_date};

/// Reads RFC 3339 / ISO 8601 (`2021-11-20T08:30:00+08:00`, `2021-11-20`), RFC 2822 (`Sat, 20
/// Nov 2021 08:30:00 +0800`), or any text starting with `YYYY-MM-DD`. The date is the calendar
/// day in the time zone the source wrote, which is the day the publisher printed.
pub fn parse_web_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(dt.date_naive());
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    s.get(..10)
        .and_then(|head| parse_date(head).ok())
        .or_else(|| parse_date(s).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let d = |s: &str| parse_web_date(s).map(|d| d.to_string());
        assert_eq!(
            d("2021-11-20T08:30:00+08:00").as_deref(),
            Some("2021-11-20")
        );
        assert_eq!(
            d("Sat, 20 Nov 2021 08:30:00 +0800").as_deref(),
            Some("2021-11-20")
        );
        assert_eq!(d("2021-11-20 08:30").as_deref(), Some("2021-11-20"));
        assert_eq!(d("20211120").as_deref(), Some("2021-11-20"));
        assert_eq!(d("last Friday"), None);
        assert_eq!(d("2021-11-2é"), None);
    }
}
