//! A limiter in the process in front of every endpoint anyone may reach without signing in
//! (login, API tokens, setup, invitations, and later public pages): per client address
//! (`ClientAddress`, so `trusted_proxies` applies), a generic cell rate algorithm —
//! `anonymous.requests_per_minute` sustained, bursts of `anonymous.burst` — answering 429
//! with `Retry-After`. It keeps floods off Argon2 and the database; the sign-in throttle
//! (`services::throttle`) is what limits guesses. Mark a route with `Endpoint::anonymous`
//! in `routes::endpoints` to put it behind this limiter.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};
use chrono::{DateTime, Duration, Utc};

use super::extractors::ClientAddress;
use crate::config::AnonymousSettings;
use crate::error::AppError;
use crate::services::audit::RefusalRecorded;
use crate::state::AppState;

/// Addresses remembered at most; beyond it, those whose allowance is full again are dropped.
const MAX_TRACKED: usize = 100_000;

/// Per address, the moment its allowance will be full again ("theoretical arrival time"),
/// and whether it has been refused since it was last admitted.
#[derive(Debug, Default)]
pub struct AnonymousLimiter {
    full_at: Mutex<HashMap<String, (DateTime<Utc>, bool)>>,
}

/// A refused request: how long to wait, and whether it is the first refusal since the
/// address was last admitted. Only that one goes on record: a flood must not grow the audit
/// log (or the log file) by a row per refused request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wait {
    pub seconds: i64,
    pub first: bool,
}

impl AnonymousLimiter {
    /// Admits one request from `key` at `now`, or says how many seconds to wait.
    pub fn check(
        &self,
        key: &str,
        settings: &AnonymousSettings,
        now: DateTime<Utc>,
    ) -> Result<(), Wait> {
        let interval =
            Duration::milliseconds(60_000 / i64::from(settings.requests_per_minute.max(1)));
        let tolerance = interval * i32::try_from(settings.burst.max(1)).unwrap_or(i32::MAX);
        let mut full_at = self.full_at.lock().unwrap_or_else(PoisonError::into_inner);
        let current = full_at
            .get(key)
            .map(|(t, _)| *t)
            .filter(|t| *t > now)
            .unwrap_or(now);
        let next = current + interval;
        let allowed_from = next - tolerance;
        if now < allowed_from {
            let wait = allowed_from - now;
            let seconds = wait.num_seconds() + i64::from(wait.subsec_nanos() > 0);
            let refused_before = full_at
                .get_mut(key)
                .map(|(_, refused)| std::mem::replace(refused, true))
                .unwrap_or(false);
            return Err(Wait {
                seconds: seconds.max(1),
                first: !refused_before,
            });
        }
        if full_at.len() >= MAX_TRACKED {
            full_at.retain(|_, (t, _)| *t > now);
        }
        full_at.insert(key.to_string(), (next, false));
        Ok(())
    }
}

pub async fn limit_anonymous(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Some(state) = req.app_data::<web::Data<AppState>>() {
        let address = ClientAddress::from_parts(req.peer_addr(), req.headers(), Some(state)).0;
        let key = address.unwrap_or_else(|| "unknown".into());
        if let Err(wait) =
            state
                .anonymous_limiter
                .check(&key, &state.settings.anonymous, state.now())
        {
            if !wait.first {
                req.extensions_mut().insert(RefusalRecorded);
            }
            let retry_after_seconds = wait.seconds;
            return Ok(req
                .error_response(AppError::TooManyRequests {
                    retry_after_seconds,
                })
                .map_into_right_body());
        }
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(millis: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0)
            .single()
            .unwrap_or_default()
            + Duration::milliseconds(millis)
    }

    fn seconds(answer: Result<(), Wait>) -> Result<(), i64> {
        answer.map_err(|wait| wait.seconds)
    }

    const SIXTY_A_MINUTE: AnonymousSettings = AnonymousSettings {
        requests_per_minute: 60,
        burst: 3,
    };

    #[test]
    fn a_burst_passes_then_one_per_interval() {
        let limiter = AnonymousLimiter::default();
        let answers: Vec<Result<(), i64>> = [0, 0, 0, 0, 500, 1000, 1000, 2000, 2500]
            .into_iter()
            .map(|ms| seconds(limiter.check("203.0.113.5", &SIXTY_A_MINUTE, at(ms))))
            .collect();
        assert_eq!(
            answers,
            vec![
                Ok(()),
                Ok(()),
                Ok(()),
                Err(1),
                Err(1),
                Ok(()),
                Err(1),
                Ok(()),
                Err(1)
            ]
        );
    }

    #[test]
    fn addresses_have_allowances_of_their_own() {
        let limiter = AnonymousLimiter::default();
        for _ in 0..3 {
            assert_eq!(limiter.check("a", &SIXTY_A_MINUTE, at(0)), Ok(()));
        }
        assert_eq!(seconds(limiter.check("a", &SIXTY_A_MINUTE, at(0))), Err(1));
        assert_eq!(limiter.check("b", &SIXTY_A_MINUTE, at(0)), Ok(()));
    }

    #[test]
    fn a_quiet_address_gets_its_whole_burst_back() {
        let limiter = AnonymousLimiter::default();
        for _ in 0..3 {
            assert_eq!(limiter.check("a", &SIXTY_A_MINUTE, at(0)), Ok(()));
        }
        for _ in 0..3 {
            assert_eq!(limiter.check("a", &SIXTY_A_MINUTE, at(60_000)), Ok(()));
        }
        assert!(limiter.check("a", &SIXTY_A_MINUTE, at(60_000)).is_err());
    }

    #[test]
    fn only_the_first_refusal_since_the_last_admission_goes_on_record() {
        let limiter = AnonymousLimiter::default();
        let first = |answer: Result<(), Wait>| answer.err().map(|wait| wait.first);
        let answers: Vec<Option<bool>> = [0, 0, 0, 0, 0, 500, 1000, 1100, 1200]
            .into_iter()
            .map(|ms| first(limiter.check("a", &SIXTY_A_MINUTE, at(ms))))
            .collect();
        assert_eq!(
            answers,
            vec![
                None,
                None,
                None,
                Some(true),
                Some(false),
                Some(false),
                None,
                Some(true),
                Some(false)
            ]
        );
    }
}
