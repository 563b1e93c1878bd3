//! Calendar dates as the inputs write them.

/// A calendar date. demarche works in whole days: events, publication dates and actor
/// date restrictions are all day-precise.
pub type Date = chrono::NaiveDate;

/// Reads `YYYY-MM-DD`, `YYYYMMDD` or PETRARCH's two-digit-year `YYMMDD`.
///
/// Two-digit years follow PETRARCH's convention: `00`–`30` are 2000–2030, the rest 1931–1999.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let bad = || format!("expected a date as YYYY-MM-DD, YYYYMMDD or YYMMDD, found `{s}`");
    let digits: String = s.chars().filter(|c| *c != '-').collect();
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let (y, m, d) = match (s.len(), digits.len()) {
        (10, 8) if s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' => {
            (&digits[0..4], &digits[4..6], &digits[6..8])
        }
        (8, 8) => (&digits[0..4], &digits[4..6], &digits[6..8]),
        (6, 6) => (&digits[0..2], &digits[2..4], &digits[4..6]),
        _ => return Err(bad()),
    };
    let mut year: i32 = y.parse().map_err(|_| bad())?;
    if y.len() == 2 {
        year += if year <= 30 { 2000 } else { 1900 };
    }
    let month: u32 = m.parse().map_err(|_| bad())?;
    let day: u32 = d.parse().map_err(|_| bad())?;
    Date::from_ymd_opt(year, month, day).ok_or_else(|| format!("`{s}` is not a calendar date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, expected: Option<(i32, u32, u32)>) {
        let got = parse_date(input).ok();
        let expected = expected.map(|(y, m, d)| Date::from_ymd_opt(y, m, d).unwrap());
        assert_eq!(got, expected, "input {input:?}");
    }

    #[test]
    fn forms() {
        check("2021-11-20", Some((2021, 11, 20)));
        check("20211120", Some((2021, 11, 20)));
        check("950101", Some((1995, 1, 1)));
        check("070723", Some((2007, 7, 23)));
        check("2021-02-30", None);
        check("2021-1-20", None);
        check("yesterday", None);
        check("", None);
    }
}
