//! US federal holidays as observed (5 U.S.C. 6103), and business days.
//!
//! Filing deadlines that end on a Saturday, Sunday or legal holiday run to the next business
//! day (8 CFR 1.2 for DHS, 8 CFR 1003.38(b) for the BIA), so every deadline in
//! `domain::deadlines` passes through [`next_business_day_on_or_after`].
//!
//! A holiday here is the day federal offices are *closed* for it: a fixed-date holiday that
//! falls on a Saturday is observed the Friday before, on a Sunday the Monday after
//! (5 U.S.C. 6103(b), Executive Order 11582). New Year's Day on a Saturday is therefore observed
//! on December 31 of the previous year, and [`federal_holidays`] lists it in that year.
//!
//! Not included: Inauguration Day (a holiday only in the Washington, DC area, 5 U.S.C. 6103(c))
//! and one-off closures by executive order (e.g. December 24, 2024). A deadline that lands on
//! such a day is shown on that day, which is the earlier, safe reading.
//!
//! The rules are those in force since 1986 (Martin Luther King Jr. Day) plus Juneteenth from
//! 2021; earlier years are computed with the same rules, which Refuge never needs.

use chrono::{Datelike, NaiveDate, Weekday};

/// First year Juneteenth National Independence Day was a federal holiday (Pub. L. 117-17).
const JUNETEENTH_SINCE: i32 = 2021;
/// First year the Birthday of Martin Luther King, Jr. was observed (Pub. L. 98-144).
const MLK_DAY_SINCE: i32 = 1986;

/// The holidays observed in `year`, in date order, each with the catalogue key of its name.
///
/// The list holds the days offices are closed in that calendar year: for 2021 it ends with
/// Friday, December 31 (New Year's Day 2022 observed), and 2022 has no January 1 entry.
pub fn federal_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let mut holidays: Vec<(NaiveDate, &'static str)> = [year, year + 1]
        .into_iter()
        .flat_map(holidays_of)
        .filter(|(date, _)| date.year() == year)
        .collect();
    holidays.sort_by_key(|(date, _)| *date);
    holidays
}

/// Whether federal offices are closed for a holiday on `date` (the observed day, not the
/// Saturday or Sunday the holiday itself fell on).
pub fn is_federal_holiday(date: NaiveDate) -> bool {
    federal_holidays(date.year())
        .iter()
        .any(|(holiday, _)| *holiday == date)
}

/// Not a Saturday, not a Sunday, not an observed federal holiday.
pub fn is_business_day(date: NaiveDate) -> bool {
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) && !is_federal_holiday(date)
}

/// `date` itself when it is a business day, otherwise the first business day after it.
pub fn next_business_day_on_or_after(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while !is_business_day(day) {
        match day.succ_opt() {
            Some(next) => day = next,
            // The end of chrono's calendar; no deadline Refuge computes gets near it.
            None => return day,
        }
    }
    day
}

/// The holidays of one calendar year under 5 U.S.C. 6103(a), already moved to their
/// observed day (which for New Year's Day may fall in the previous year).
fn holidays_of(year: i32) -> Vec<(NaiveDate, &'static str)> {
    use Weekday::{Mon, Thu};
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day).map(observed);
    let nth = |month, weekday, n| NaiveDate::from_weekday_of_month_opt(year, month, weekday, n);
    let last = |month, weekday| nth(month, weekday, 5).or_else(|| nth(month, weekday, 4));

    [
        (fixed(1, 1), "holiday-new-years-day"),
        (
            nth(1, Mon, 3).filter(|_| year >= MLK_DAY_SINCE),
            "holiday-martin-luther-king-jr-day",
        ),
        (nth(2, Mon, 3), "holiday-washingtons-birthday"),
        (last(5, Mon), "holiday-memorial-day"),
        (
            fixed(6, 19).filter(|_| year >= JUNETEENTH_SINCE),
            "holiday-juneteenth",
        ),
        (fixed(7, 4), "holiday-independence-day"),
        (nth(9, Mon, 1), "holiday-labor-day"),
        (nth(10, Mon, 2), "holiday-columbus-day"),
        (fixed(11, 11), "holiday-veterans-day"),
        (nth(11, Thu, 4), "holiday-thanksgiving-day"),
        (fixed(12, 25), "holiday-christmas-day"),
    ]
    .into_iter()
    .filter_map(|(date, name)| date.map(|date| (date, name)))
    .collect()
}

/// Saturday → the Friday before, Sunday → the Monday after (5 U.S.C. 6103(b)).
fn observed(date: NaiveDate) -> NaiveDate {
    match date.weekday() {
        Weekday::Sat => date.pred_opt().unwrap_or(date),
        Weekday::Sun => date.succ_opt().unwrap_or(date),
        _ => date,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    fn dates(year: i32) -> Vec<String> {
        federal_holidays(year)
            .into_iter()
            .map(|(date, _)| date.to_string())
            .collect()
    }

    /// The OPM federal holiday calendars for 2021–2028 (month-day of each observed holiday).
    #[test]
    fn observed_holidays_match_the_opm_calendars() {
        let expected = [
            (
                2021,
                "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
            ),
            (
                2022,
                "01-17 02-21 05-30 06-20 07-04 09-05 10-10 11-11 11-24 12-26",
            ),
            (
                2023,
                "01-02 01-16 02-20 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
            ),
            (
                2024,
                "01-01 01-15 02-19 05-27 06-19 07-04 09-02 10-14 11-11 11-28 12-25",
            ),
            (
                2025,
                "01-01 01-20 02-17 05-26 06-19 07-04 09-01 10-13 11-11 11-27 12-25",
            ),
            (
                2026,
                "01-01 01-19 02-16 05-25 06-19 07-03 09-07 10-12 11-11 11-26 12-25",
            ),
            (
                2027,
                "01-01 01-18 02-15 05-31 06-18 07-05 09-06 10-11 11-11 11-25 12-24 12-31",
            ),
            (
                2028,
                "01-17 02-21 05-29 06-19 07-04 09-04 10-09 11-10 11-23 12-25",
            ),
        ];
        for (year, days) in expected {
            let days: Vec<String> = days.split(' ').map(|md| format!("{year}-{md}")).collect();
            assert_eq!(dates(year), days, "{year}");
        }
    }

    #[test]
    fn saturday_holidays_move_to_friday_and_sunday_holidays_to_monday() {
        // Juneteenth 2021 (Saturday), the first year it was a holiday.
        assert!(is_federal_holiday(d("2021-06-18")));
        assert!(!is_federal_holiday(d("2021-06-19")));
        // Independence Day 2026 is a Saturday.
        assert!(is_federal_holiday(d("2026-07-03")));
        assert!(!is_federal_holiday(d("2026-07-04")));
        // Christmas 2027 is a Saturday.
        assert!(is_federal_holiday(d("2027-12-24")));
        // Veterans Day 2029 is a Sunday.
        assert!(is_federal_holiday(d("2029-11-12")));
        assert!(!is_federal_holiday(d("2029-11-11")));
        // Independence Day 2027 is a Sunday.
        assert!(is_federal_holiday(d("2027-07-05")));
    }

    #[test]
    fn new_years_day_on_a_saturday_is_observed_in_the_previous_year() {
        assert!(is_federal_holiday(d("2021-12-31")));
        assert!(!is_federal_holiday(d("2022-01-01")));
        assert!(is_federal_holiday(d("2027-12-31")));
        assert!(!is_federal_holiday(d("2028-01-03")));
        let new_year_2022 = federal_holidays(2021).last().copied();
        assert_eq!(
            new_year_2022,
            Some((d("2021-12-31"), "holiday-new-years-day"))
        );
        // New Year's Day 2023 was a Sunday: observed Monday January 2.
        assert!(is_federal_holiday(d("2023-01-02")));
    }

    #[test]
    fn juneteenth_only_from_2021() {
        assert!(!is_federal_holiday(d("2020-06-19")));
        assert!(
            !federal_holidays(2020)
                .iter()
                .any(|(_, name)| *name == "holiday-juneteenth")
        );
        assert_eq!(federal_holidays(2020).len(), 10);
    }

    #[test]
    fn monday_and_thursday_holidays() {
        // Thanksgiving: fourth Thursday of November.
        for day in [
            "2021-11-25",
            "2022-11-24",
            "2023-11-23",
            "2024-11-28",
            "2025-11-27",
            "2026-11-26",
            "2027-11-25",
            "2028-11-23",
            "2029-11-22",
            "2030-11-28",
        ] {
            assert!(is_federal_holiday(d(day)), "{day}");
        }
        // Memorial Day: last Monday of May, including years with five Mondays in May.
        for day in [
            "2021-05-31",
            "2024-05-27",
            "2026-05-25",
            "2027-05-31",
            "2032-05-31",
        ] {
            assert!(is_federal_holiday(d(day)), "{day}");
        }
        assert!(!is_federal_holiday(d("2027-05-24")));
        // Birthday of Martin Luther King, Jr.: third Monday of January.
        for day in ["2021-01-18", "2025-01-20", "2026-01-19", "2028-01-17"] {
            assert!(is_federal_holiday(d(day)), "{day}");
        }
        assert!(!is_federal_holiday(d("1985-01-21")));
        assert!(is_federal_holiday(d("1986-01-20")));
    }

    #[test]
    fn every_year_has_eleven_holidays_once_new_years_day_is_counted_where_observed() {
        for year in 2021..2060 {
            let holidays = federal_holidays(year);
            let starts_on_saturday = d(&format!("{year}-01-01")).weekday() == Weekday::Sat;
            let next_starts_on_saturday =
                d(&format!("{}-01-01", year + 1)).weekday() == Weekday::Sat;
            let expected =
                11 - usize::from(starts_on_saturday) + usize::from(next_starts_on_saturday);
            assert_eq!(holidays.len(), expected, "{year}");
            assert!(holidays.windows(2).all(|w| w[0].0 < w[1].0), "{year}");
            assert!(
                holidays
                    .iter()
                    .all(|(date, _)| is_business_day_ignoring_holidays(*date))
            );
        }
    }

    fn is_business_day_ignoring_holidays(date: NaiveDate) -> bool {
        !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
    }

    #[test]
    fn business_days() {
        assert!(is_business_day(d("2026-07-02")));
        assert!(!is_business_day(d("2026-07-03"))); // observed Independence Day
        assert!(!is_business_day(d("2026-07-04"))); // Saturday
        assert!(!is_business_day(d("2026-07-05"))); // Sunday
        assert!(is_business_day(d("2026-07-06")));
        assert!(is_business_day(d("2025-12-24"))); // not a 5 U.S.C. 6103 holiday
    }

    #[test]
    fn next_business_day() {
        assert_eq!(
            next_business_day_on_or_after(d("2026-07-02")),
            d("2026-07-02")
        );
        assert_eq!(
            next_business_day_on_or_after(d("2026-07-03")),
            d("2026-07-06")
        );
        // Christmas 2021 observed Friday Dec 24, New Year 2022 observed Friday Dec 31.
        assert_eq!(
            next_business_day_on_or_after(d("2021-12-24")),
            d("2021-12-27")
        );
        assert_eq!(
            next_business_day_on_or_after(d("2021-12-31")),
            d("2022-01-03")
        );
        // Sunday, then the observed New Year's Day on Monday.
        assert_eq!(
            next_business_day_on_or_after(d("2023-12-31")),
            d("2024-01-02")
        );
        // Saturday before Thanksgiving week is just a weekend.
        assert_eq!(
            next_business_day_on_or_after(d("2025-11-22")),
            d("2025-11-24")
        );
        assert_eq!(
            next_business_day_on_or_after(d("2025-11-27")),
            d("2025-11-28")
        );
    }

    #[test]
    fn names_are_catalogue_keys() {
        let names: Vec<&str> = federal_holidays(2025).iter().map(|(_, n)| *n).collect();
        assert_eq!(
            names,
            [
                "holiday-new-years-day",
                "holiday-martin-luther-king-jr-day",
                "holiday-washingtons-birthday",
                "holiday-memorial-day",
                "holiday-juneteenth",
                "holiday-independence-day",
                "holiday-labor-day",
                "holiday-columbus-day",
                "holiday-veterans-day",
                "holiday-thanksgiving-day",
                "holiday-christmas-day",
            ]
        );
    }
}
