//! The rules a new password must meet: long enough, and not one an attacker tries first.

use std::collections::HashSet;
use std::fmt;
use std::sync::LazyLock;

use crate::error::Message;

pub const MIN_CHARS: usize = 12;
pub const MAX_CHARS: usize = 256;

static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_passwords.txt")
        .lines()
        .filter(|line| !line.starts_with('#') && !line.is_empty())
        .collect()
});

/// How many passwords the shipped list holds.
pub fn common_password_count() -> usize {
    COMMON.len()
}

/// A password that met the rules. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(input: &str) -> Result<Self, Message> {
        let chars = input.chars().count();
        if chars < MIN_CHARS {
            return Err(Message::new("validation-password-short").with("min", MIN_CHARS));
        }
        if chars > MAX_CHARS {
            return Err(Message::new("validation-too-long").with("max", MAX_CHARS));
        }
        if is_common(input) {
            return Err(Message::new("validation-password-common"));
        }
        Ok(Self(input.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// On the list, on the list with digits or symbols appended (`password2024!`), or one short
/// piece repeated (`qwertyqwerty`, `abcabcabcabc`).
pub fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return true;
    }
    let stem = lower.trim_end_matches(|c: char| !c.is_alphabetic());
    if !stem.is_empty() && COMMON.contains(stem) {
        return true;
    }
    let chars: Vec<char> = lower.chars().collect();
    (1..=chars.len() / 2).any(|len| {
        chars.len().is_multiple_of(len)
            && chars.chunks(len).all(|chunk| chunk == &chars[..len])
            && (len <= 4 || COMMON.contains(chars[..len].iter().collect::<String>().as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_at_least_ten_thousand_common_passwords() {
        assert!(
            common_password_count() >= 10_000,
            "{}",
            common_password_count()
        );
    }

    #[test]
    fn every_listed_password_is_refused() {
        let listed = include_str!("common_passwords.txt")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.is_empty());
        for password in listed {
            assert!(
                NewPassword::parse(password).is_err(),
                "{password:?} was accepted"
            );
        }
    }

    #[test]
    fn long_common_passwords_and_their_variants_are_refused() {
        for password in [
            "1234567890qwerty",
            "qazwsxedcrfv",
            "LeaveMeAlone",
            "Password123456",
            "iloveyou2024!!",
            "qwertyqwertyqwerty",
            "abcabcabcabc",
            "aaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(
                NewPassword::parse(password).err().map(|m| m.key),
                Some("validation-password-common"),
                "{password:?}"
            );
        }
    }

    #[test]
    fn short_passwords_are_refused_and_good_ones_pass() {
        assert_eq!(
            NewPassword::parse("Tr0ub4dor&3").err().map(|m| m.key),
            Some("validation-password-short")
        );
        assert!(NewPassword::parse("correct horse battery staple").is_ok());
        assert!(NewPassword::parse("Метель над Казанью 1987").is_ok());
    }

    #[test]
    fn debug_hides_the_password() {
        let password = NewPassword::parse("correct horse battery staple").map(|p| format!("{p:?}"));
        assert_eq!(password.as_deref(), Ok("NewPassword(***)"));
    }
}
