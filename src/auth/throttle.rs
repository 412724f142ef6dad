//! How long a login must wait after repeated failures: nothing for the first few, then
//! doubling delays up to a cap, so an attacker is slowed but a real user is never locked
//! out for longer than the cap.

use chrono::Duration;

/// The wait imposed after `failures` consecutive failures.
pub fn delay_after(failures: i32, free_failures: i32, max_seconds: i64) -> Option<Duration> {
    if failures < free_failures.max(1) {
        return None;
    }
    let doublings = u32::try_from(failures - free_failures).unwrap_or(0).min(30);
    let seconds = (1_i64 << doublings).min(max_seconds.max(1));
    Some(Duration::seconds(seconds))
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
