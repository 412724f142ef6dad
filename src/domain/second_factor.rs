//! The second factor of sign-in (issue 13): TOTP codes (RFC 6238: SHA-1, six digits, 30-second
//! steps, one step of clock skew either way), single-use recovery codes, and the office policy
//! that says who must have one.

use std::fmt;

use rand::RngCore;
use rand::rngs::OsRng;
use sha2::{Digest, Sha256};
use totp_rs::{Builder, Secret, Totp};

use crate::domain::staff::Role;

/// Seconds in one TOTP time step.
pub const STEP_SECONDS: i64 = 30;
/// Recovery codes issued at enrolment and at each regeneration.
pub const RECOVERY_CODE_COUNT: usize = 10;
/// The name authenticator apps show beside the account.
pub const ISSUER: &str = "Refuge";

/// Who must sign in with a second factor. A new office requires it of everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SecondFactorPolicy {
    #[default]
    Everyone,
    AdminsAndLawyers,
    Optional,
}

impl SecondFactorPolicy {
    pub const ALL: [Self; 3] = [Self::Everyone, Self::AdminsAndLawyers, Self::Optional];

    /// As stored in `office_settings` and as the settings form sends it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Everyone => "everyone",
            Self::AdminsAndLawyers => "admins_and_lawyers",
            Self::Optional => "optional",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == value)
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Self::Everyone => "second-factor-policy-everyone",
            Self::AdminsAndLawyers => "second-factor-policy-admins-and-lawyers",
            Self::Optional => "second-factor-policy-optional",
        }
    }

    /// Whether someone in `role` must have a second factor to sign in.
    pub fn requires(self, role: Role) -> bool {
        match self {
            Self::Everyone => true,
            Self::AdminsAndLawyers => matches!(role, Role::Admin | Role::Lawyer),
            Self::Optional => false,
        }
    }
}

/// What stands between a correct password and a signed-in session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondStep {
    /// A code from the authenticator app (or a recovery code).
    Code,
    /// The office requires a second factor the person has not set up: they enrol now.
    Enrol,
}

impl SecondStep {
    /// As stored in `sessions.second_factor_pending`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Enrol => "enrol",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "code" => Some(Self::Code),
            "enrol" => Some(Self::Enrol),
            _ => None,
        }
    }

    /// The step a password sign-in still needs, if any.
    pub fn after_password(enrolled: bool, policy: SecondFactorPolicy, role: Role) -> Option<Self> {
        if enrolled {
            Some(Self::Code)
        } else if policy.requires(role) {
            Some(Self::Enrol)
        } else {
            None
        }
    }
}

/// A TOTP shared secret (160 random bits). Its `Debug` output does not show it.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret(Vec<u8>);

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

impl TotpSecret {
    pub fn generate() -> Self {
        let mut bytes = vec![0u8; 20];
        OsRng.fill_bytes(&mut bytes);
        Self(bytes)
    }

    /// From its base32 form (as stored and as shown to be typed into an app).
    pub fn from_base32(value: &str) -> Option<Self> {
        let compact: String = value
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase();
        let secret = Secret::try_from_base32(&compact).ok()?;
        let bytes = secret.as_bytes().to_vec();
        (bytes.len() >= 16).then_some(Self(bytes))
    }

    pub fn to_base32(&self) -> String {
        Secret::new(self.0.clone().into_boxed_slice()).to_base32()
    }

    /// The base32 form in groups of four, for a person to type.
    pub fn for_display(&self) -> String {
        let encoded = self.to_base32();
        encoded
            .as_bytes()
            .chunks(4)
            .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn totp(&self) -> Option<Totp> {
        Builder::new()
            .with_secret(Secret::new(self.0.clone().into_boxed_slice()))
            .build()
            .ok()
    }

    /// The code for the time step holding `unix_seconds`.
    pub fn code_at(&self, unix_seconds: i64) -> String {
        let time = u64::try_from(unix_seconds).unwrap_or(0);
        self.totp()
            .map(|totp| totp.generate(time).to_string())
            .unwrap_or_default()
    }

    /// The time step of `code` if it is valid at `unix_seconds` (one step of skew either
    /// way). The caller accepts it only if the step is later than the last step accepted.
    pub fn matching_step(&self, code: &str, unix_seconds: i64) -> Option<i64> {
        let code = normalize_totp_code(code)?;
        let time = u64::try_from(unix_seconds).ok()?;
        let totp = self.totp()?;
        totp.check(&code, time)
            .and_then(|step| i64::try_from(step).ok())
    }

    /// The `otpauth://` URI an authenticator app reads from the QR code.
    pub fn otpauth_uri(&self, account: &str) -> String {
        format!(
            "otpauth://totp/{issuer}:{account}?secret={secret}&issuer={issuer}&algorithm=SHA1&digits=6&period={STEP_SECONDS}",
            issuer = uri_component(ISSUER),
            account = uri_component(account),
            secret = self.to_base32(),
        )
    }
}

/// The time step that holds `unix_seconds`.
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

/// Six digits, spaces allowed between them (apps show "123 456").
pub fn normalize_totp_code(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

fn uri_component(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'@' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The QR code of `data` as an inline SVG element, drawn on the server (no script).
pub fn qr_svg(data: &str) -> Option<String> {
    use qrcode::render::svg;
    let code = qrcode::QrCode::new(data.as_bytes()).ok()?;
    let image = code
        .render()
        .min_dimensions(200, 200)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build();
    // Inline in a page: without the XML declaration.
    image.find("<svg").map(|start| image[start..].to_string())
}

/// A recovery code as shown once: 16 characters of an unambiguous alphabet (80 bits) in
/// four groups, e.g. `k7mq-3xw9-pd2f-t8ha`.
pub fn generate_recovery_code() -> String {
    // No i, l or o: nothing to mistake for 1 or 0.
    const ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz023456789";
    let mut bytes = [0u8; 16];
    OsRng.fill_bytes(&mut bytes);
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect();
    chars
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The stored form of a recovery code: SHA-256 of it without dashes, spaces or case.
pub fn hash_recovery_code(code: &str) -> Option<String> {
    let compact: String = code
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_lowercase();
    if compact.len() != 16 {
        return None;
    }
    let digest = Sha256::digest(compact.as_bytes());
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

pub fn generate_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODE_COUNT)
        .map(|_| generate_recovery_code())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_says_who_must_have_a_second_factor() {
        use Role::*;
        use SecondFactorPolicy as P;
        let table = [
            (P::Everyone, Admin, true),
            (P::Everyone, Lawyer, true),
            (P::Everyone, Paralegal, true),
            (P::AdminsAndLawyers, Admin, true),
            (P::AdminsAndLawyers, Lawyer, true),
            (P::AdminsAndLawyers, Paralegal, false),
            (P::Optional, Admin, false),
            (P::Optional, Lawyer, false),
            (P::Optional, Paralegal, false),
        ];
        for (policy, role, required) in table {
            assert_eq!(policy.requires(role), required, "{policy:?} {role:?}");
        }
        assert_eq!(SecondFactorPolicy::default(), P::Everyone);
        for policy in P::ALL {
            assert_eq!(P::parse(policy.as_str()), Some(policy));
        }
        assert_eq!(P::parse("nobody"), None);
    }

    #[test]
    fn after_the_password_comes_a_code_an_enrolment_or_nothing() {
        use SecondFactorPolicy as P;
        use SecondStep as S;
        let table = [
            (true, P::Optional, Role::Paralegal, Some(S::Code)),
            (true, P::Everyone, Role::Admin, Some(S::Code)),
            (false, P::Everyone, Role::Paralegal, Some(S::Enrol)),
            (false, P::AdminsAndLawyers, Role::Lawyer, Some(S::Enrol)),
            (false, P::AdminsAndLawyers, Role::Paralegal, None),
            (false, P::Optional, Role::Admin, None),
        ];
        for (enrolled, policy, role, step) in table {
            assert_eq!(
                S::after_password(enrolled, policy, role),
                step,
                "{enrolled} {policy:?} {role:?}"
            );
        }
    }

    /// RFC 6238 appendix B, SHA-1, the last six digits of its eight-digit values.
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = TotpSecret(b"12345678901234567890".to_vec());
        let vectors = [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (1_234_567_890, "005924"),
            (2_000_000_000, "279037"),
        ];
        for (time, code) in vectors {
            assert_eq!(secret.code_at(time), code, "at {time}");
        }
    }

    #[test]
    fn a_code_matches_its_own_step_and_one_either_side_only() {
        let secret = TotpSecret::generate();
        let now = 1_795_000_000;
        let code = secret.code_at(now);
        assert_eq!(secret.matching_step(&code, now), Some(step_at(now)));
        assert_eq!(
            secret.matching_step(&code, now + STEP_SECONDS),
            Some(step_at(now))
        );
        assert_eq!(secret.matching_step(&code, now + 3 * STEP_SECONDS), None);
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert_eq!(secret.matching_step(&spaced, now), Some(step_at(now)));
        assert_eq!(secret.matching_step("12345", now), None);
        assert_eq!(secret.matching_step("abcdef", now), None);
    }

    #[test]
    fn a_secret_survives_base32_and_never_shows_in_debug() {
        let secret = TotpSecret::generate();
        let encoded = secret.to_base32();
        assert_eq!(encoded.len(), 32);
        assert_eq!(TotpSecret::from_base32(&encoded), Some(secret.clone()));
        assert_eq!(
            TotpSecret::from_base32(&secret.for_display().to_lowercase()),
            Some(secret.clone())
        );
        assert!(!format!("{secret:?}").contains(&encoded[..8]));
        let uri = secret.otpauth_uri("ana@office.example.org");
        assert!(uri.starts_with("otpauth://totp/Refuge:ana@office.example.org?secret="));
        assert!(uri.contains(&encoded));
    }

    #[test]
    fn recovery_codes_are_random_and_hash_whatever_their_spelling() {
        let codes = generate_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODE_COUNT);
        let mut unique = codes.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), RECOVERY_CODE_COUNT);
        let code = &codes[0];
        assert_eq!(code.len(), 19);
        let hash = hash_recovery_code(code);
        assert!(hash.is_some());
        assert_eq!(hash_recovery_code(&code.to_uppercase()), hash);
        assert_eq!(hash_recovery_code(&code.replace('-', " ")), hash);
        assert_eq!(hash_recovery_code("short"), None);
    }

    #[test]
    fn the_qr_code_is_an_svg_element() {
        let svg = qr_svg("otpauth://totp/Refuge:a@b.c?secret=ABC").unwrap_or_default();
        assert!(svg.starts_with("<svg"), "{svg}");
        assert!(svg.contains("</svg>"));
    }
}
