//! The office-wide switches an administrator sets.

use serde_json::json;

use super::audit::AuditContext;
use crate::auth::policy;
use crate::db::{DbConnection, office_settings, write_transaction};
use crate::domain::audit::AuditAction;
use crate::domain::retention::RetentionYears;
use crate::domain::second_factor::SecondFactorPolicy;
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::state::AppState;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeSettings {
    /// Paralegals see every case, not only those assigned to them (working a case still
    /// needs the assignment).
    pub paralegals_see_all_cases: bool,
    /// Notification emails carry the client's initials (never more).
    pub email_client_initials: bool,
    /// Who must sign in with a second factor.
    pub second_factor_policy: SecondFactorPolicy,
    /// Closed files become due for deletion this many years after closing (`None`: never).
    pub retention_years: Option<RetentionYears>,
    /// The public inquiry form is open.
    pub inquiry_form: bool,
    /// The office's name on the public pages.
    pub office_name: OfficeName,
}

/// The office's name as the public pages show it: one line, at most [`OfficeName::MAX`]
/// characters (empty: the pages say only "Refuge").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfficeName(String);

impl OfficeName {
    pub const MAX: usize = 120;

    pub fn parse(typed: &str) -> Result<Self, crate::error::Message> {
        let name = typed.trim();
        if name.chars().count() > Self::MAX {
            return Err(crate::error::Message::new("validation-too-long").with("max", Self::MAX));
        }
        crate::domain::text::check_line(name)?;
        Ok(Self(name.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl OfficeSettings {
    fn flags(&self) -> [(&'static str, bool); 3] {
        [
            (
                office_settings::PARALEGALS_SEE_ALL_CASES,
                self.paralegals_see_all_cases,
            ),
            (
                office_settings::EMAIL_CLIENT_INITIALS,
                self.email_client_initials,
            ),
            (office_settings::INQUIRY_FORM, self.inquiry_form),
        ]
    }
}

fn authorize(actor: &Staff) -> Result<(), AppError> {
    policy::can_manage_office_settings(actor)
}

pub async fn get(state: &AppState, actor: &Staff) -> Result<OfficeSettings, AppError> {
    authorize(actor)?;
    state
        .db
        .run(|conn| {
            Ok(OfficeSettings {
                paralegals_see_all_cases: office_settings::flag(
                    conn,
                    office_settings::PARALEGALS_SEE_ALL_CASES,
                )?,
                email_client_initials: office_settings::flag(
                    conn,
                    office_settings::EMAIL_CLIENT_INITIALS,
                )?,
                second_factor_policy: super::second_factor::policy(conn)?,
                retention_years: super::retention::years(conn)?,
                inquiry_form: office_settings::flag(conn, office_settings::INQUIRY_FORM)?,
                office_name: stored_office_name(conn)?,
            })
        })
        .await
}

/// Saves the settings; a change is audited with its before and after.
pub async fn update(
    state: &AppState,
    actor: &Staff,
    settings: OfficeSettings,
    address: Option<String>,
) -> Result<(), AppError> {
    authorize(actor)?;
    let audit = AuditContext::new(Some(actor.id), address, state.now());
    state
        .db
        .run(move |conn| {
            write_transaction(conn, |conn| {
                for (key, after) in settings.flags() {
                    let before = office_settings::flag(conn, key)?;
                    if before != after {
                        office_settings::set_flag(conn, key, after)?;
                        audit.record(
                            conn,
                            AuditAction::OfficeSettingsChanged,
                            Some(("office_setting", key.to_string())),
                            json!({ key: { "before": before, "after": after } }),
                        )?;
                    }
                }
                let before = super::second_factor::policy(conn)?;
                let after = settings.second_factor_policy;
                if before != after {
                    // Staff who must now have a second factor enrol at their next sign-in.
                    office_settings::set_value(
                        conn,
                        office_settings::SECOND_FACTOR_POLICY,
                        after.as_str(),
                    )?;
                    audit.record(
                        conn,
                        AuditAction::OfficeSettingsChanged,
                        Some((
                            "office_setting",
                            office_settings::SECOND_FACTOR_POLICY.to_string(),
                        )),
                        json!({ "second_factor_policy": {
                            "before": before.as_str(),
                            "after": after.as_str(),
                        } }),
                    )?;
                }
                let before = stored_office_name(conn)?;
                let after = &settings.office_name;
                if before != *after {
                    office_settings::set_value(conn, office_settings::OFFICE_NAME, after.as_str())?;
                    audit.record(
                        conn,
                        AuditAction::OfficeSettingsChanged,
                        Some(("office_setting", office_settings::OFFICE_NAME.to_string())),
                        json!({ "office_name": { "before": before.as_str(), "after": after.as_str() } }),
                    )?;
                }
                let before = super::retention::years(conn)?;
                let after = settings.retention_years;
                if before != after {
                    let stored = after.map(|y| y.get().to_string()).unwrap_or_default();
                    office_settings::set_value(conn, office_settings::RETENTION_YEARS, &stored)?;
                    audit.record(
                        conn,
                        AuditAction::OfficeSettingsChanged,
                        Some((
                            "office_setting",
                            office_settings::RETENTION_YEARS.to_string(),
                        )),
                        json!({ "retention_years": {
                            "before": before.map(RetentionYears::get),
                            "after": after.map(RetentionYears::get),
                        } }),
                    )?;
                }
                Ok(())
            })
        })
        .await
}

fn stored_office_name(conn: &mut DbConnection) -> Result<OfficeName, diesel::result::Error> {
    let stored = office_settings::value(conn, office_settings::OFFICE_NAME)?.unwrap_or_default();
    Ok(OfficeName(stored))
}

/// What the public inquiry form needs to know of the office: `None` while the form is
/// closed, else the office's name (no sign-in: anyone may ask).
pub async fn public_inquiry(state: &AppState) -> Result<Option<OfficeName>, AppError> {
    state
        .db
        .run(|conn| {
            if office_settings::flag(conn, office_settings::INQUIRY_FORM)? {
                Ok(Some(stored_office_name(conn)?))
            } else {
                Ok(None)
            }
        })
        .await
}
