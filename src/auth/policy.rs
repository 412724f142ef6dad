//! Who may do what: the one place that decides. Every route calls one of these before it
//! does anything; `docs/permissions.md` is the same table in prose, checked by the tests.

use super::scope::{Assignment, CaseScope};
use crate::domain::audit::RefusalReason;
use crate::domain::reports::ReportOf;
use crate::domain::staff::{Role, Staff};
use crate::error::AppError;

fn allow(allowed: bool) -> Result<(), AppError> {
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Any active staff member: the home page, their own account.
pub fn can_use_app(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active)
}

/// Staff accounts: list, add, change role, deactivate, reset passwords.
pub fn can_manage_staff(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}

/// Office-wide settings (who sees which cases).
pub fn can_manage_office_settings(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}

/// The outgoing mail queue: see what waits or failed, send a failed message again.
pub fn can_manage_mail(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}

/// The office-wide audit log.
pub fn can_read_audit_log(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}

/// The weekly caseload report: admins read the office's and any lawyer's; a lawyer reads
/// their own; a paralegal reads the caseload assigned to them, nothing wider.
pub fn can_read_report(actor: &Staff, of: ReportOf) -> Result<(), AppError> {
    allow(
        actor.active
            && match of {
                ReportOf::Office => actor.role == Role::Admin,
                ReportOf::Lawyer(lawyer) => {
                    actor.role == Role::Admin || (actor.role == Role::Lawyer && actor.id == lawyer)
                }
                ReportOf::Paralegal(paralegal) => {
                    actor.role == Role::Admin || actor.id == paralegal
                }
            },
    )
}

fn lawyer_or_admin(actor: &Staff) -> bool {
    actor.active && matches!(actor.role, Role::Admin | Role::Lawyer)
}

/// Taking an intake, and creating or editing the client, family, journey, persecution
/// history, claim kind and assignment: lawyers and admins.
pub fn can_edit_case_file(actor: &Staff) -> Result<(), AppError> {
    allow(lawyer_or_admin(actor))
}

/// Working the queue of public inquiries (`/triage`): seeing what strangers wrote and
/// taking, merging or declining it is a lawyer's decision.
pub fn can_triage_inquiries(actor: &Staff) -> Result<(), AppError> {
    allow(lawyer_or_admin(actor))
}

/// Questionnaire links a client fills in the intake under (made, listed, revoked): lawyers
/// and admins who may see the case. What a client types reaches the file only through a
/// lawyer's review.
pub fn can_send_questionnaires(
    actor: &Staff,
    scope: &CaseScope,
    case: Assignment,
) -> Result<(), AppError> {
    allow(lawyer_or_admin(actor))?;
    can_view_case(scope, case)
}

/// Seeing a case: the reader's [`CaseScope`] includes it (lawyers and admins see every
/// case; paralegals the cases assigned to them, or all when the office opens them). The
/// scope is the one the reader's lists and searches are filtered by, so a case is never
/// open to someone whose lists leave it out.
pub fn can_view_case(scope: &CaseScope, case: Assignment) -> Result<(), AppError> {
    if scope.includes(case) {
        Ok(())
    } else if scope.is_assigned_only() {
        Err(AppError::Refused(RefusalReason::NotAssigned))
    } else {
        Err(AppError::Forbidden)
    }
}

/// Working a case — stage changes, key dates, checklist, notes: lawyers, admins and the
/// paralegal assigned to it (supervision under Model Rule 5.3 is by assignment, not trust),
/// however widely the office lets paralegals see ([`CaseScope::for_work`]).
pub fn can_work_on_case(actor: &Staff, case: Assignment) -> Result<(), AppError> {
    can_view_case(&CaseScope::for_work(actor), case)
}

/// Reading what a client answered through a questionnaire link (their revisions of the
/// file, waiting for review or reviewed): lawyers, admins and the paralegal assigned to the
/// case. Nothing a client types is shown to a paralegal not assigned to the case, however
/// widely the office lets paralegals see. Deciding on a revision edits the file:
/// [`can_edit_case_file`].
pub fn can_read_revisions(actor: &Staff, case: Assignment) -> Result<(), AppError> {
    can_view_case(&CaseScope::for_work(actor), case)
}

/// Closing or withdrawing a case, and reopening one: lawyers and admins.
pub fn can_close_case(actor: &Staff) -> Result<(), AppError> {
    allow(lawyer_or_admin(actor))
}

/// Filing an I-589 that the completeness check finds items missing on, with a written
/// reason: a lawyer's professional judgment, so lawyers only (not admins, not paralegals).
pub fn can_override_i589_check(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Lawyer)
}

/// Purging a client's file for the retention policy: admins only.
pub fn can_purge_case(actor: &Staff) -> Result<(), AppError> {
    allow(actor.active && actor.role == Role::Admin)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::auth::scope::OfficeAccess;
    use crate::domain::ids::StaffId;
    use crate::i18n::Language;

    /// `actor`'s scope, with paralegals seeing every case when `open`.
    fn scope(actor: &Staff, open: bool) -> CaseScope {
        CaseScope::for_reader(
            actor,
            OfficeAccess {
                paralegals_see_all_cases: open,
            },
        )
    }

    fn staff(role: Role) -> Staff {
        Staff {
            id: StaffId::new(),
            email: format!("{role}@example.org"),
            display_name: role.to_string(),
            role,
            language: Language::En,
            active: true,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    #[test]
    fn paralegals_see_and_work_only_their_cases_unless_the_office_opens_them() {
        let paralegal = staff(Role::Paralegal);
        let theirs = Assignment {
            lawyer: None,
            paralegal: Some(paralegal.id),
            new_inquiry: false,
        };
        let other = Assignment {
            lawyer: None,
            paralegal: Some(StaffId::new()),
            new_inquiry: false,
        };
        assert!(can_view_case(&scope(&paralegal, false), theirs).is_ok());
        assert!(can_view_case(&scope(&paralegal, false), other).is_err());
        assert!(can_view_case(&scope(&paralegal, true), other).is_ok());
        assert!(can_work_on_case(&paralegal, theirs).is_ok());
        assert!(
            can_work_on_case(&paralegal, other).is_err(),
            "seeing is not working"
        );
        assert!(can_edit_case_file(&paralegal).is_err());
        assert!(can_close_case(&paralegal).is_err());
        assert!(can_override_i589_check(&paralegal).is_err());
        assert!(
            can_send_questionnaires(&paralegal, &scope(&paralegal, true), theirs).is_err(),
            "a paralegal sends no questionnaire, even on their own case"
        );
    }

    #[test]
    fn a_clients_answers_are_read_only_by_lawyers_admins_and_the_assigned_paralegal() {
        let paralegal = staff(Role::Paralegal);
        let theirs = Assignment {
            lawyer: None,
            paralegal: Some(paralegal.id),
            new_inquiry: false,
        };
        let other = Assignment {
            lawyer: None,
            paralegal: Some(StaffId::new()),
            new_inquiry: false,
        };
        assert!(can_read_revisions(&paralegal, theirs).is_ok());
        assert!(
            can_view_case(&scope(&paralegal, true), other).is_ok()
                && matches!(
                    can_read_revisions(&paralegal, other),
                    Err(AppError::Refused(RefusalReason::NotAssigned))
                ),
            "an office that opens every case to paralegals still keeps clients' answers to \
             the assigned one"
        );
        for actor in [staff(Role::Lawyer), staff(Role::Admin)] {
            assert!(can_read_revisions(&actor, other).is_ok());
        }
    }

    #[test]
    fn a_refusal_says_why() {
        let paralegal = staff(Role::Paralegal);
        let other = Assignment::default();
        let not_assigned = |r: Result<(), AppError>| {
            matches!(r, Err(AppError::Refused(RefusalReason::NotAssigned)))
        };
        assert!(not_assigned(can_view_case(
            &scope(&paralegal, false),
            other
        )));
        assert!(not_assigned(can_work_on_case(&paralegal, other)));
        assert!(matches!(
            can_edit_case_file(&paralegal),
            Err(AppError::Forbidden)
        ));
        let mut inactive = staff(Role::Paralegal);
        inactive.active = false;
        assert!(matches!(
            can_view_case(&scope(&inactive, false), other),
            Err(AppError::Forbidden)
        ));
        let refused = |r: Result<(), AppError>| r.err().and_then(|e| e.refusal_reason());
        assert_eq!(
            refused(can_read_audit_log(&paralegal)),
            Some(RefusalReason::Role)
        );
    }

    #[test]
    fn lawyers_and_admins_do_everything_but_purge_is_for_admins() {
        let lawyer = staff(Role::Lawyer);
        let admin = staff(Role::Admin);
        let any = Assignment::default();
        for actor in [&lawyer, &admin] {
            assert!(can_view_case(&scope(actor, false), any).is_ok());
            assert!(can_work_on_case(actor, any).is_ok());
            assert!(can_edit_case_file(actor).is_ok());
            assert!(can_close_case(actor).is_ok());
            assert!(can_send_questionnaires(actor, &scope(actor, false), any).is_ok());
        }
        assert!(can_purge_case(&lawyer).is_err());
        assert!(can_purge_case(&admin).is_ok());
        assert!(can_override_i589_check(&lawyer).is_ok());
        assert!(
            can_override_i589_check(&admin).is_err(),
            "filing with items missing is a lawyer's judgment"
        );
        let mut inactive_lawyer = staff(Role::Lawyer);
        inactive_lawyer.active = false;
        assert!(can_override_i589_check(&inactive_lawyer).is_err());
        let mut inactive = staff(Role::Admin);
        inactive.active = false;
        assert!(can_view_case(&scope(&inactive, true), any).is_err());
        assert!(
            can_view_case(&CaseScope::default(), any).is_err(),
            "a scope nobody built opens no case"
        );
    }
}
