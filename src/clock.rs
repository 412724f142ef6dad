//! Time comes in as a parameter: production reads the system clock, tests pin it.

use std::sync::{Arc, Mutex, PoisonError};

use chrono::{DateTime, Duration, NaiveDateTime, SubsecRound, Utc};
use chrono_tz::Tz;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;
}

pub type SharedClock = Arc<dyn Clock>;

#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that only moves when told to; for tests and reproducible runs.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
}

impl ManualClock {
    pub fn new(start: DateTime<Utc>) -> Self {
        Self {
            now: Mutex::new(start),
        }
    }

    pub fn set(&self, to: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner) = to;
    }

    pub fn advance(&self, by: Duration) {
        let mut now = self.now.lock().unwrap_or_else(PoisonError::into_inner);
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The form a timestamp is stored in: UTC, microsecond precision (PostgreSQL keeps no more).
pub fn to_db(at: DateTime<Utc>) -> NaiveDateTime {
    at.naive_utc().trunc_subsecs(6)
}

pub fn from_db(at: NaiveDateTime) -> DateTime<Utc> {
    at.and_utc()
}

/// A moment in UTC, as stored ([`NaiveDateTime`]) or as read from the clock.
pub trait UtcMoment {
    fn utc(&self) -> DateTime<Utc>;
}

impl UtcMoment for NaiveDateTime {
    fn utc(&self) -> DateTime<Utc> {
        from_db(*self)
    }
}

impl UtcMoment for DateTime<Utc> {
    fn utc(&self) -> DateTime<Utc> {
        *self
    }
}

impl<T: UtcMoment> UtcMoment for &T {
    fn utc(&self) -> DateTime<Utc> {
        (*self).utc()
    }
}

/// A moment as the office reads it: its local date and time in `office.time_zone` with the
/// zone named, `2026-12-04 10:33 PST`. Every page shows times this way.
pub fn office_time(at: &impl UtcMoment, zone: Tz) -> String {
    at.utc()
        .with_timezone(&zone)
        .format("%Y-%m-%d %H:%M %Z")
        .to_string()
}

/// [`office_time`] to the second, for the audit trail.
pub fn office_time_seconds(at: &impl UtcMoment, zone: Tz) -> String {
    at.utc()
        .with_timezone(&zone)
        .format("%Y-%m-%d %H:%M:%S %Z")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").expect("test time")
    }

    #[test]
    fn times_are_shown_in_the_office_zone_with_its_name() {
        let winter = at("2026-12-04 18:33:56");
        assert_eq!(
            office_time(&winter, chrono_tz::America::Los_Angeles),
            "2026-12-04 10:33 PST"
        );
        assert_eq!(office_time(&winter, chrono_tz::UTC), "2026-12-04 18:33 UTC");
        // Summer time, and a local date that is the day before the UTC one.
        assert_eq!(
            office_time_seconds(&at("2026-07-01 02:05:09"), chrono_tz::America::New_York),
            "2026-06-30 22:05:09 EDT"
        );
        assert_eq!(
            office_time(&winter, chrono_tz::Europe::Moscow),
            "2026-12-04 21:33 MSK"
        );
    }
}
