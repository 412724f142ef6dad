//! The throttling rule, pure: how a counter of attempts grows, how it is forgotten, and how
//! long the next attempt must wait. Attempts are counted *before* a password or code is
//! checked (`services::throttle` holds the counter's row lock while it counts), so that
//! concurrent guesses cannot all slip through under a count read before any of them was
//! written. Nothing for the first few, then doubling delays up to a cap: an attacker is
//! slowed, a real user is never locked out for longer than the cap.

use chrono::{Duration, NaiveDateTime};

/// How a counter forgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Forgetting {
    /// All at once, after this long without an attempt (an account's count; a success
    /// clears it too).
    AllAfterQuiet(Duration),
    /// One attempt for each period that passes, whatever happens meanwhile (an address's
    /// count: it decays with time, never with a success).
    OnePer(Duration),
}

/// The allowance of one kind of counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Attempts that may be made at once before delays start.
    pub free: i32,
    /// The longest single delay.
    pub max_delay_seconds: i64,
    pub forgetting: Forgetting,
}

/// One counter as stored. `counted_at` is the last attempt for `AllAfterQuiet`, and the
/// moment up to which decay has been applied for `OnePer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counter {
    pub attempts: i32,
    pub counted_at: NaiveDateTime,
    pub blocked_until: Option<NaiveDateTime>,
}

/// What an attempt may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Counted; go on and check the password or code.
    Proceed,
    /// Not counted and not checked: try again after this many seconds.
    Wait { retry_after_seconds: i64 },
}

/// The wait imposed after `attempts` counted attempts.
pub fn delay_after(attempts: i32, free: i32, max_seconds: i64) -> Option<Duration> {
    if attempts < free.max(1) {
        return None;
    }
    let doublings = u32::try_from(attempts - free).unwrap_or(0).min(30);
    let seconds = (1_i64 << doublings).min(max_seconds.max(1));
    Some(Duration::seconds(seconds))
}

impl Counter {
    pub fn empty(now: NaiveDateTime) -> Self {
        Self {
            attempts: 0,
            counted_at: now,
            blocked_until: None,
        }
    }

    /// The seconds still to wait at `now`, if the counter is under a delay.
    pub fn wait_at(&self, now: NaiveDateTime) -> Option<i64> {
        self.blocked_until
            .filter(|until| *until > now)
            .map(|until| (until - now).num_seconds().max(1))
    }

    /// The counter as of `now`, with what has been forgotten by then taken off.
    pub fn forgotten_until(self, limits: &Limits, now: NaiveDateTime) -> Self {
        match limits.forgetting {
            Forgetting::AllAfterQuiet(quiet) => {
                if self.counted_at + quiet <= now {
                    Self::empty(now)
                } else {
                    self
                }
            }
            Forgetting::OnePer(period) => {
                let period_seconds = period.num_seconds().max(1);
                let elapsed = (now - self.counted_at).num_seconds().max(0);
                let periods = elapsed / period_seconds;
                if periods >= i64::from(self.attempts) {
                    Self {
                        attempts: 0,
                        counted_at: now,
                        ..self
                    }
                } else {
                    // Keep the part of a period already elapsed: decay stays even however
                    // often the counter is touched.
                    Self {
                        attempts: self.attempts - i32::try_from(periods).unwrap_or(0),
                        counted_at: self.counted_at + Duration::seconds(periods * period_seconds),
                        ..self
                    }
                }
            }
        }
    }
}

/// Counts one attempt at `now`: the decision and, if counted, the counter to store.
pub fn count_attempt(counter: Counter, limits: &Limits, now: NaiveDateTime) -> (Decision, Counter) {
    if let Some(retry_after_seconds) = counter.wait_at(now) {
        return (
            Decision::Wait {
                retry_after_seconds,
            },
            counter,
        );
    }
    let current = counter.forgotten_until(limits, now);
    let attempts = current.attempts.saturating_add(1);
    let counted_at = match limits.forgetting {
        Forgetting::AllAfterQuiet(_) => now,
        Forgetting::OnePer(_) if current.attempts == 0 => now,
        Forgetting::OnePer(_) => current.counted_at,
    };
    let blocked_until =
        delay_after(attempts, limits.free, limits.max_delay_seconds).map(|delay| now + delay);
    (
        Decision::Proceed,
        Counter {
            attempts,
            counted_at,
            blocked_until,
        },
    )
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn at(seconds: i64) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .and_then(|d| d.and_hms_opt(14, 0, 0))
            .map(|t| t + Duration::seconds(seconds))
            .unwrap_or_default()
    }

    const ACCOUNT: Limits = Limits {
        free: 5,
        max_delay_seconds: 60,
        forgetting: Forgetting::AllAfterQuiet(Duration::hours(24)),
    };
    const ADDRESS: Limits = Limits {
        free: 3,
        max_delay_seconds: 900,
        forgetting: Forgetting::OnePer(Duration::seconds(10)),
    };

    #[test]
    fn first_failures_are_free_then_delays_double_up_to_the_cap() {
        let delays: Vec<Option<i64>> = (1..=14)
            .map(|n| delay_after(n, 5, 60).map(|d| d.num_seconds()))
            .collect();
        assert_eq!(
            delays,
            vec![
                None,
                None,
                None,
                None,
                Some(1),
                Some(2),
                Some(4),
                Some(8),
                Some(16),
                Some(32),
                Some(60),
                Some(60),
                Some(60),
                Some(60)
            ]
        );
        assert_eq!(
            delay_after(10_000, 5, 60).map(|d| d.num_seconds()),
            Some(60)
        );
    }

    /// Attempts made at the same instant: the free allowance proceeds, then every one waits.
    #[test]
    fn a_burst_proceeds_only_for_the_free_allowance() {
        let mut counter = Counter::empty(at(0));
        let mut proceeded = 0;
        for _ in 0..30 {
            let (decision, next) = count_attempt(counter, &ACCOUNT, at(0));
            if decision == Decision::Proceed {
                proceeded += 1;
            }
            counter = next;
        }
        assert_eq!(proceeded, ACCOUNT.free);
        assert_eq!(
            counter.attempts, ACCOUNT.free,
            "waiting attempts are not counted"
        );
        assert_eq!(counter.wait_at(at(0)), Some(1));
    }

    #[test]
    fn a_waiting_attempt_changes_nothing() {
        let blocked = Counter {
            attempts: 7,
            counted_at: at(0),
            blocked_until: Some(at(4)),
        };
        for (now, expected) in [(0, Some(4)), (3, Some(1)), (4, None), (100, None)] {
            let (decision, next) = count_attempt(blocked, &ACCOUNT, at(now));
            match expected {
                Some(seconds) => {
                    assert_eq!(
                        decision,
                        Decision::Wait {
                            retry_after_seconds: seconds
                        },
                        "at {now}"
                    );
                    assert_eq!(next, blocked, "at {now}");
                }
                None => {
                    assert_eq!(decision, Decision::Proceed, "at {now}");
                    assert_eq!(next.attempts, 8, "at {now}");
                    assert_eq!(next.blocked_until, Some(at(now) + Duration::seconds(8)));
                }
            }
        }
    }

    #[test]
    fn an_account_forgets_all_after_a_quiet_day_and_nothing_before() {
        let counter = Counter {
            attempts: 9,
            counted_at: at(0),
            blocked_until: None,
        };
        let day = 24 * 3600;
        for (now, attempts) in [(0, 9), (day - 1, 9), (day, 0), (3 * day, 0)] {
            assert_eq!(
                counter.forgotten_until(&ACCOUNT, at(now)).attempts,
                attempts,
                "at {now}"
            );
        }
    }

    #[test]
    fn an_address_forgets_one_attempt_per_period() {
        let counter = Counter {
            attempts: 5,
            counted_at: at(0),
            blocked_until: None,
        };
        for (now, attempts, counted_at) in [
            (0, 5, 0),
            (9, 5, 0),
            (10, 4, 10),
            (25, 3, 20),
            (49, 1, 40),
            (50, 0, 50),
            (500, 0, 500),
        ] {
            let current = counter.forgotten_until(&ADDRESS, at(now));
            assert_eq!(
                (current.attempts, current.counted_at),
                (attempts, at(counted_at)),
                "at {now}"
            );
        }
    }

    /// Touching the counter often must not slow its decay (the part of a period already
    /// elapsed is kept).
    #[test]
    fn address_decay_is_the_same_however_often_it_is_counted() {
        let mut counter = Counter::empty(at(0));
        for _ in 0..3 {
            counter = count_attempt(counter, &ADDRESS, at(0)).1;
        }
        // One attempt every 7 s: the decay (one per 10 s) runs on regardless.
        for step in 1..=4 {
            let now = at(step * 7);
            counter = counter.forgotten_until(&ADDRESS, now);
        }
        assert_eq!(counter.attempts, 1, "28 s forgive two of three");
        assert_eq!(counter.counted_at, at(20));
    }

    #[test]
    fn a_steady_guesser_at_an_address_is_held_to_the_decay_rate() {
        // Guessing every second for an hour: what gets through is what decayed (one per
        // period) plus what is still counted at the end (the allowance and a few over it).
        let mut counter = Counter::empty(at(0));
        let mut proceeded = 0;
        for second in 0..3600 {
            let (decision, next) = count_attempt(counter, &ADDRESS, at(second));
            if decision == Decision::Proceed {
                proceeded += 1;
            }
            counter = next;
        }
        assert!(
            proceeded <= 2 * ADDRESS.free + 3600 / 10,
            "{proceeded} attempts got through in an hour"
        );
    }
}
