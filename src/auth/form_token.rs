//! Stateless CSRF tokens for the forms of people who are not signed in (login, setup,
//! invitation, the emergency lock): no database row per visitor.
//!
//! A signed double-submit token (OWASP's "signed double-submit cookie"): the browser holds a
//! random nonce in an HttpOnly cookie, and each form carries `expires.mac`, where `mac` is
//! HMAC-SHA256, under a key the server keeps in the database (`server_secrets`), of the
//! nonce and the expiry. A forged token fails the MAC; a token from another browser fails
//! it too (another nonce); an old one has expired. Another site can neither read the
//! cookie nor compute the MAC. Over https the cookie is `__Host-` prefixed, so a
//! neighbouring host cannot plant a nonce of its own choosing either.

use actix_web::cookie::{Cookie, SameSite};
use actix_web::{HttpMessage, HttpRequest};
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use rand::rngs::OsRng;
use secrecy::{ExposeSecret, SecretBox};
use sha2::Sha256;

use super::tokens::random_token;

/// How long a form stays good to send after it was shown.
pub const LIFETIME: Duration = Duration::hours(2);

/// The name the key is kept under in `server_secrets`.
pub const KEY_NAME: &str = "anonymous_form_key";

const KEY_BYTES: usize = 32;

/// The key that signs anonymous forms' tokens (its `Debug` shows no bytes).
pub struct FormKey(SecretBox<[u8; KEY_BYTES]>);

impl std::fmt::Debug for FormKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("FormKey([REDACTED])")
    }
}

impl FormKey {
    /// A fresh key, as base64 (the form it is stored in).
    pub fn generate_base64() -> String {
        let mut bytes = [0u8; KEY_BYTES];
        OsRng.fill_bytes(&mut bytes);
        STANDARD.encode(bytes)
    }

    /// A key that lives only as long as this process: for programs that show no forms
    /// (the command line); the server loads the stored one.
    pub fn ephemeral() -> Self {
        let mut bytes = [0u8; KEY_BYTES];
        OsRng.fill_bytes(&mut bytes);
        Self(SecretBox::new(Box::new(bytes)))
    }

    pub fn from_base64(encoded: &str) -> Option<Self> {
        let bytes: [u8; KEY_BYTES] = STANDARD.decode(encoded).ok()?.try_into().ok()?;
        Some(Self(SecretBox::new(Box::new(bytes))))
    }

    /// HMAC accepts keys of any length, so this is never `None`; were it so, tokens would
    /// come out empty and every anonymous form be refused (failing closed).
    fn mac(&self, nonce: &str, expires: i64) -> Option<Hmac<Sha256>> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.0.expose_secret()).ok()?;
        mac.update(b"refuge anonymous form\0");
        mac.update(nonce.as_bytes());
        mac.update(b"\0");
        mac.update(expires.to_string().as_bytes());
        Some(mac)
    }

    /// A signed moment: when a form for `purpose` was shown, as `issued.mac`. The form sends
    /// it back, and [`FormKey::stamp_age`] says how long ago that was (`/inquiry` refuses a
    /// form sent faster than a person types, or one shown too long ago).
    pub fn stamp(&self, purpose: &str, now: DateTime<Utc>) -> String {
        let issued = now.timestamp();
        match self.stamp_mac(purpose, issued) {
            Some(mac) => format!(
                "{issued}.{}",
                URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
            ),
            None => String::new(),
        }
    }

    /// How long ago `stamp` was issued for `purpose` by this key; `None` for anything this
    /// key did not sign (or signed for another purpose, or dated in the future).
    pub fn stamp_age(&self, purpose: &str, stamp: &str, now: DateTime<Utc>) -> Option<Duration> {
        let (issued, tag) = stamp.split_once('.')?;
        let (issued, tag) = (
            issued.parse::<i64>().ok()?,
            URL_SAFE_NO_PAD.decode(tag).ok()?,
        );
        self.stamp_mac(purpose, issued)?.verify_slice(&tag).ok()?;
        let age = Duration::seconds(now.timestamp().checked_sub(issued)?);
        (age >= Duration::zero()).then_some(age)
    }

    fn stamp_mac(&self, purpose: &str, issued: i64) -> Option<Hmac<Sha256>> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.0.expose_secret()).ok()?;
        mac.update(b"refuge form stamp\0");
        mac.update(purpose.as_bytes());
        mac.update(b"\0");
        mac.update(issued.to_string().as_bytes());
        Some(mac)
    }

    /// The token for a form shown now to the browser holding `nonce`.
    pub fn issue(&self, nonce: &str, now: DateTime<Utc>) -> String {
        let expires = (now + LIFETIME).timestamp();
        match self.mac(nonce, expires) {
            Some(mac) => format!(
                "{expires}.{}",
                URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes())
            ),
            None => String::new(),
        }
    }

    /// Whether `token` was issued for `nonce` by this key and has not expired at `now`.
    pub fn verify(&self, nonce: &str, token: &str, now: DateTime<Utc>) -> bool {
        let Some((expires, tag)) = token.split_once('.') else {
            return false;
        };
        let (Ok(expires), Ok(tag)) = (expires.parse::<i64>(), URL_SAFE_NO_PAD.decode(tag)) else {
            return false;
        };
        if expires <= now.timestamp() || expires > (now + LIFETIME).timestamp() {
            return false;
        }
        // `verify_slice` compares in constant time.
        self.mac(nonce, expires)
            .is_some_and(|mac| mac.verify_slice(&tag).is_ok())
    }
}

pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-refuge_form"
    } else {
        "refuge_form"
    }
}

/// The nonce of the browser making the request (from its cookie, or drawn for it now).
#[derive(Debug, Clone)]
pub struct FormNonce(pub String);

/// Set when the nonce was drawn during this request: the answer sets the cookie.
#[derive(Debug, Clone)]
pub struct NewFormNonce;

/// A nonce as `random_token` draws it (43 base64url characters); anything else in the
/// cookie is ignored and replaced.
pub fn is_well_formed(nonce: &str) -> bool {
    nonce.len() == 43
        && nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The request's nonce; draws one (and asks for the cookie) when the browser has none.
pub fn ensure_nonce(req: &HttpRequest) -> String {
    if let Some(nonce) = req.extensions().get::<FormNonce>() {
        return nonce.0.clone();
    }
    let nonce = random_token();
    let mut extensions = req.extensions_mut();
    extensions.insert(FormNonce(nonce.clone()));
    extensions.insert(NewFormNonce);
    nonce
}

/// The cookie holding `nonce`: for this browser session only, never readable by scripts.
pub fn cookie(https: bool, nonce: String) -> Cookie<'static> {
    Cookie::build(cookie_name(https), nonce)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .finish()
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, 9, 0, 0)
            .single()
            .unwrap_or_default()
    }

    fn key() -> FormKey {
        FormKey::from_base64(&FormKey::generate_base64()).unwrap()
    }

    #[test]
    fn a_token_verifies_for_its_nonce_until_it_expires() {
        let key = key();
        let nonce = random_token();
        let token = key.issue(&nonce, now());
        assert!(key.verify(&nonce, &token, now()));
        assert!(key.verify(&nonce, &token, now() + LIFETIME - Duration::seconds(1)));
        assert!(!key.verify(&nonce, &token, now() + LIFETIME));
    }

    #[test]
    fn another_nonce_another_key_or_a_changed_expiry_fail() {
        let key = key();
        let nonce = random_token();
        let token = key.issue(&nonce, now());
        assert!(!key.verify(&random_token(), &token, now()));
        assert!(!self::key().verify(&nonce, &token, now()));
        let (expires, tag) = token.split_once('.').unwrap();
        let later = format!("{}.{tag}", expires.parse::<i64>().unwrap() + 60);
        assert!(!key.verify(&nonce, &later, now()));
        for junk in ["", ".", "x.y", "1.", &format!("{expires}.")] {
            assert!(!key.verify(&nonce, junk, now()), "{junk:?}");
        }
    }

    #[test]
    fn a_token_from_the_far_future_is_refused() {
        // Issued by a server whose clock ran ahead: it would otherwise outlive LIFETIME.
        let key = key();
        let nonce = random_token();
        let token = key.issue(&nonce, now() + Duration::days(1));
        assert!(!key.verify(&nonce, &token, now()));
    }

    #[test]
    fn the_key_is_not_in_its_debug_output() {
        let encoded = FormKey::generate_base64();
        let key = FormKey::from_base64(&encoded).unwrap();
        let shown = format!("{key:?}");
        assert!(!shown.contains(&encoded));
        assert_eq!(shown, "FormKey([REDACTED])");
        assert!(FormKey::from_base64("too short").is_none());
    }

    #[test]
    fn a_stamp_tells_its_age_only_for_its_purpose_and_key() {
        let key = key();
        let stamp = key.stamp("inquiry", now());
        assert_eq!(
            key.stamp_age("inquiry", &stamp, now() + Duration::seconds(7)),
            Some(Duration::seconds(7))
        );
        assert_eq!(key.stamp_age("other", &stamp, now()), None);
        assert_eq!(self::key().stamp_age("inquiry", &stamp, now()), None);
        // Issued in the future (a forged date fails the MAC; this is a clock gone back).
        assert_eq!(
            key.stamp_age("inquiry", &stamp, now() - Duration::seconds(1)),
            None
        );
        let (issued, tag) = stamp.split_once('.').unwrap();
        let earlier = format!("{}.{tag}", issued.parse::<i64>().unwrap() - 60);
        assert_eq!(key.stamp_age("inquiry", &earlier, now()), None);
        // A CSRF token is not a stamp.
        let token = key.issue(&random_token(), now());
        assert_eq!(key.stamp_age("inquiry", &token, now()), None);
        for junk in ["", ".", "x.y", "1.", "-5.abc"] {
            assert_eq!(key.stamp_age("inquiry", junk, now()), None, "{junk:?}");
        }
    }

    #[test]
    fn nonces_are_checked_for_shape() {
        assert!(is_well_formed(&random_token()));
        assert!(!is_well_formed("short"));
        assert!(!is_well_formed(&"a;".repeat(22)[..43]));
    }
}
