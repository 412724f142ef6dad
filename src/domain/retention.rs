//! The retention rule: an office may delete a client's file a number of years after its case
//! was closed, withdrawn or declined. Off unless an administrator sets the number of years;
//! a case becomes due on the anniversary of its closing, and nothing is deleted until an
//! administrator confirms the list.

use chrono::{Months, NaiveDateTime};

use crate::error::Message;

/// The longest period an office may set (a century is as good as "never").
pub const MAX_YEARS: u32 = 100;

/// How many whole years after closing a case's file becomes due for deletion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetentionYears(u32);

impl RetentionYears {
    /// Parses the number typed on the settings page: empty means the rule is off.
    pub fn parse(raw: &str) -> Result<Option<Self>, Message> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Ok(None);
        }
        match raw.parse::<u32>() {
            Ok(years) if (1..=MAX_YEARS).contains(&years) => Ok(Some(Self(years))),
            _ => Err(Message::new("validation-retention-years").with("max", MAX_YEARS)),
        }
    }

    /// As stored in `office_settings` (a value that does not parse reads as off).
    pub fn from_stored(value: Option<&str>) -> Option<Self> {
        value.and_then(|v| Self::parse(v).ok().flatten())
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Cases closed before this moment are due at `now`: `now` minus the years, on the same
    /// calendar day (29 February falls back to the 28th in a common year).
    pub fn closed_before(self, now: NaiveDateTime) -> NaiveDateTime {
        now.checked_sub_months(Months::new(self.0.saturating_mul(12)))
            .unwrap_or(NaiveDateTime::MIN)
    }

    /// Whether a case closed at `closed_at` is due at `now`.
    pub fn is_due(self, closed_at: Option<NaiveDateTime>, now: NaiveDateTime) -> bool {
        closed_at.is_some_and(|closed| closed < self.closed_before(now))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(y: i32, m: u32, d: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .and_then(|day| day.and_hms_opt(12, 0, 0))
            .unwrap_or_default()
    }

    #[test]
    fn empty_is_off_and_only_whole_years_in_range_parse() {
        assert_eq!(RetentionYears::parse(" "), Ok(None));
        assert_eq!(RetentionYears::parse(" 7 "), Ok(Some(RetentionYears(7))));
        assert_eq!(RetentionYears::parse("100"), Ok(Some(RetentionYears(100))));
        for bad in ["0", "101", "-1", "7.5", "seven", "99999999999"] {
            assert!(RetentionYears::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(RetentionYears::from_stored(None), None);
        assert_eq!(RetentionYears::from_stored(Some("")), None);
        assert_eq!(
            RetentionYears::from_stored(Some("5")),
            Some(RetentionYears(5))
        );
    }

    #[test]
    fn a_case_is_due_after_the_anniversary_of_its_closing() {
        let seven = RetentionYears(7);
        let now = at(2026, 12, 5);
        assert!(seven.is_due(Some(at(2019, 12, 4)), now));
        assert!(
            !seven.is_due(Some(at(2019, 12, 5)), now),
            "the anniversary itself"
        );
        assert!(!seven.is_due(Some(at(2020, 1, 1)), now));
        assert!(!seven.is_due(None, now), "an open case is never due");
    }

    #[test]
    fn the_twenty_ninth_of_february_falls_back_to_the_twenty_eighth() {
        let one = RetentionYears(1);
        assert_eq!(one.closed_before(at(2025, 2, 28)), at(2024, 2, 28));
        assert_eq!(one.closed_before(at(2025, 3, 1)), at(2024, 3, 1));
        assert!(one.is_due(Some(at(2024, 2, 29)), at(2025, 3, 1)));
        assert!(!one.is_due(Some(at(2024, 2, 29)), at(2025, 2, 28)));
    }
}
