//! Staff accounts: who works in the office and in which role.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::ids::StaffId;
use crate::error::Message;
use crate::i18n::Language;

/// A staff account as the rest of the application sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Staff {
    pub id: StaffId,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub language: Language,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Admin,
    Lawyer,
    Paralegal,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Lawyer, Role::Paralegal];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Lawyer => "lawyer",
            Self::Paralegal => "paralegal",
        }
    }

    /// Catalogue key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Admin => "role-admin",
            Self::Lawyer => "role-lawyer",
            Self::Paralegal => "role-paralegal",
        }
    }
}

/// Where an account stands, as the staff list shows it to an admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountStatus {
    Active,
    /// Invited by link; the person has not chosen a password yet.
    Invited {
        link_expired: bool,
    },
    /// Password reset by an admin; the person has not chosen a new one yet.
    PasswordResetPending {
        link_expired: bool,
    },
    Deactivated,
}

/// The kind of single-use link an account without a password was last sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AccountLink {
    Invitation,
    PasswordReset,
}

impl AccountStatus {
    /// An active account without a password waits for the person to open the newest link
    /// they were sent (`None`: every link was used or retired, which reads as expired).
    pub fn of(active: bool, has_password: bool, newest_link: Option<(AccountLink, bool)>) -> Self {
        match (active, has_password, newest_link) {
            (false, _, _) => Self::Deactivated,
            (true, true, _) => Self::Active,
            (true, false, Some((AccountLink::PasswordReset, link_expired))) => {
                Self::PasswordResetPending { link_expired }
            }
            (true, false, Some((AccountLink::Invitation, link_expired))) => {
                Self::Invited { link_expired }
            }
            (true, false, None) => Self::Invited { link_expired: true },
        }
    }

    /// Catalogue key of the status as shown.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Active => "staff-active",
            Self::Invited {
                link_expired: false,
            } => "staff-invited",
            Self::Invited { link_expired: true } => "staff-invitation-expired",
            Self::PasswordResetPending {
                link_expired: false,
            } => "staff-reset-pending",
            Self::PasswordResetPending { link_expired: true } => "staff-reset-expired",
            Self::Deactivated => "staff-inactive",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = Message;

    fn from_str(s: &str) -> Result<Self, Message> {
        match s.trim() {
            "admin" => Ok(Self::Admin),
            "lawyer" => Ok(Self::Lawyer),
            "paralegal" => Ok(Self::Paralegal),
            _ => Err(Message::new("validation-role")),
        }
    }
}

/// An email address, trimmed and lower-cased: two spellings of one address are one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StaffEmail(String);

impl StaffEmail {
    pub fn parse(input: &str) -> Result<Self, Message> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(Message::new("validation-required"));
        }
        let valid = email.chars().count() <= 254
            && !email.chars().any(|c| c.is_whitespace() || c.is_control())
            && match email.split_once('@') {
                Some((local, domain)) => {
                    !local.is_empty()
                        && !domain.contains('@')
                        && domain.contains('.')
                        && !domain.starts_with('.')
                        && !domain.ends_with('.')
                }
                None => false,
            };
        if valid {
            Ok(Self(email))
        } else {
            Err(Message::new("validation-email"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StaffEmail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The name colleagues see; any script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(input: &str) -> Result<Self, Message> {
        let name = input.trim();
        if name.is_empty() {
            return Err(Message::new("validation-required"));
        }
        if name.chars().count() > Self::MAX_CHARS {
            return Err(Message::new("validation-too-long").with("max", Self::MAX_CHARS));
        }
        super::text::check_line(name)?;
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_without_a_password_waits_on_its_newest_link() {
        use AccountLink::*;
        assert_eq!(AccountStatus::of(true, true, None), AccountStatus::Active);
        assert_eq!(
            AccountStatus::of(false, false, Some((Invitation, false))),
            AccountStatus::Deactivated
        );
        assert_eq!(
            AccountStatus::of(true, false, Some((Invitation, false))).label_key(),
            "staff-invited"
        );
        assert_eq!(
            AccountStatus::of(true, false, Some((Invitation, true))).label_key(),
            "staff-invitation-expired"
        );
        assert_eq!(
            AccountStatus::of(true, false, Some((PasswordReset, false))).label_key(),
            "staff-reset-pending"
        );
        assert_eq!(
            AccountStatus::of(true, false, None).label_key(),
            "staff-invitation-expired"
        );
    }

    #[test]
    fn emails_are_normalized() {
        let email = StaffEmail::parse("  Anna.Petrova@Example.ORG ").map(|e| e.0);
        assert_eq!(email, Ok("anna.petrova@example.org".to_string()));
    }

    #[test]
    fn malformed_emails_are_refused() {
        for bad in [
            "",
            "anna",
            "anna@",
            "@example.org",
            "a b@example.org",
            "a@b@c.org",
            "a@localhost",
            "a@.org",
        ] {
            assert!(StaffEmail::parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_names_keep_cyrillic_and_refuse_blank() {
        assert_eq!(
            DisplayName::parse(" Юлия Щербакова ").map(|n| n.0),
            Ok("Юлия Щербакова".into())
        );
        assert!(DisplayName::parse("   ").is_err());
        assert!(DisplayName::parse(&"я".repeat(101)).is_err());
    }

    #[test]
    fn roles_round_trip() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("root".parse::<Role>().is_err());
    }
}
