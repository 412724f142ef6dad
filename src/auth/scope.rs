//! Row-level access in one place: which cases — and so which clients, family members, search
//! results, list rows, report figures and exported rows — a reader may see. A [`CaseScope`]
//! is built once per request from the staff member (role, id, active) and the office's
//! setting, and every query that reads cases takes it (`db::scope` writes it into SQL); the
//! policy's per-case check ([`super::policy::can_view_case`]) asks the same scope.
//!
//! It denies by default: a scope nobody built (`CaseScope::default()`) sees no case, an
//! inactive account sees none, and a role this module does not name cannot be added without
//! deciding here what it sees (the `match` is exhaustive).

use crate::domain::ids::StaffId;
use crate::domain::staff::{Role, Staff};

/// What the office has set that widens what a reader sees.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OfficeAccess {
    /// Paralegals see every case, not only the cases assigned to them (working a case still
    /// needs the assignment: `policy::can_work_on_case`).
    pub paralegals_see_all_cases: bool,
}

/// Which cases are in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeRows {
    /// No case at all.
    Nothing,
    /// Every case of the office.
    Every,
    /// Every case of the office but the new inquiries from the public form (a paralegal's,
    /// when the office opens every case): the privacy notice promises those answers to the
    /// staff who handle new inquiries, the lawyers and admins, until one is taken.
    EveryButNewInquiries,
    /// The cases whose assigned paralegal is this staff member.
    AssignedTo(StaffId),
}

/// Who a case is assigned to, as far as access cares.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Assignment {
    pub lawyer: Option<StaffId>,
    pub paralegal: Option<StaffId>,
    /// A new inquiry from the public form: at stage `inquiry`, from the web form, assigned
    /// to nobody.
    pub new_inquiry: bool,
}

/// The cases one reader may see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseScope {
    reader: Option<StaffId>,
    rows: ScopeRows,
}

impl Default for CaseScope {
    /// Nothing: a scope must be built for a reader to see anything.
    fn default() -> Self {
        Self::nothing()
    }
}

impl CaseScope {
    /// Sees no case.
    pub const fn nothing() -> Self {
        Self {
            reader: None,
            rows: ScopeRows::Nothing,
        }
    }

    /// The scope of `reader` under the office's settings. Lawyers and admins see every case
    /// (the conflict check needs it); a paralegal sees the cases assigned to them, or every
    /// case but the new inquiries from the public form when the office opens them.
    pub fn for_reader(reader: &Staff, office: OfficeAccess) -> Self {
        let rows = if !reader.active {
            ScopeRows::Nothing
        } else {
            match reader.role {
                Role::Admin | Role::Lawyer => ScopeRows::Every,
                Role::Paralegal if office.paralegals_see_all_cases => {
                    ScopeRows::EveryButNewInquiries
                }
                Role::Paralegal => ScopeRows::AssignedTo(reader.id),
            }
        };
        Self {
            reader: Some(reader.id),
            rows,
        }
    }

    /// Whether the office's settings can change what `reader` sees: only a working
    /// paralegal's scope depends on them, so nobody else's request needs to read them.
    pub fn depends_on_office(reader: &Staff) -> bool {
        reader.active && reader.role == Role::Paralegal
    }

    /// The cases `staff` may work on — stage changes, key dates, checklist, notes: every case
    /// for lawyers and admins, the assigned ones for a paralegal, whatever the office lets
    /// them see (supervision under Model Rule 5.3 is by assignment, not trust).
    pub fn for_work(staff: &Staff) -> Self {
        Self::for_reader(staff, OfficeAccess::default())
    }

    /// The staff member this scope was built for, if any.
    pub fn reader(&self) -> Option<StaffId> {
        self.reader
    }

    pub fn rows(&self) -> ScopeRows {
        self.rows
    }

    /// Whether every case of the office is in the scope.
    pub fn is_every_case(&self) -> bool {
        self.rows == ScopeRows::Every
    }

    /// Whether the scope reaches past the reader's own assignments to the office's cases
    /// (every case, or every case but the new inquiries).
    pub fn is_office_wide(&self) -> bool {
        matches!(
            self.rows,
            ScopeRows::Every | ScopeRows::EveryButNewInquiries
        )
    }

    /// Whether the scope is narrowed to one paralegal's assigned cases.
    pub fn is_assigned_only(&self) -> bool {
        matches!(self.rows, ScopeRows::AssignedTo(_))
    }

    /// Whether a case assigned as `case` is in the scope.
    pub fn includes(&self, case: Assignment) -> bool {
        match self.rows {
            ScopeRows::Nothing => false,
            ScopeRows::Every => true,
            ScopeRows::EveryButNewInquiries => !case.new_inquiry,
            ScopeRows::AssignedTo(paralegal) => case.paralegal == Some(paralegal),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::i18n::Language;

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

    fn assigned_to(paralegal: Option<StaffId>) -> Assignment {
        Assignment {
            lawyer: Some(StaffId::new()),
            paralegal,
            new_inquiry: false,
        }
    }

    #[test]
    fn the_office_settings_change_only_the_scopes_that_depend_on_them() {
        let open = OfficeAccess {
            paralegals_see_all_cases: true,
        };
        for role in Role::ALL {
            for active in [true, false] {
                let mut reader = staff(role);
                reader.active = active;
                let differs = CaseScope::for_reader(&reader, OfficeAccess::default())
                    != CaseScope::for_reader(&reader, open);
                assert_eq!(
                    differs,
                    CaseScope::depends_on_office(&reader),
                    "{role}, active: {active}"
                );
            }
        }
    }

    #[test]
    fn a_scope_nobody_built_sees_nothing() {
        let scope = CaseScope::default();
        assert_eq!(scope.rows(), ScopeRows::Nothing);
        assert_eq!(scope.reader(), None);
        assert!(!scope.is_every_case());
        assert!(!scope.includes(Assignment::default()));
        assert!(!scope.includes(assigned_to(Some(StaffId::new()))));
    }

    #[test]
    fn an_inactive_reader_sees_nothing_whatever_their_role() {
        for role in Role::ALL {
            let mut reader = staff(role);
            reader.active = false;
            let open = OfficeAccess {
                paralegals_see_all_cases: true,
            };
            let scope = CaseScope::for_reader(&reader, open);
            assert_eq!(scope.rows(), ScopeRows::Nothing, "{role}");
            assert!(!scope.includes(assigned_to(Some(reader.id))), "{role}");
        }
    }

    #[test]
    fn lawyers_and_admins_see_every_case() {
        for role in [Role::Admin, Role::Lawyer] {
            let scope = CaseScope::for_reader(&staff(role), OfficeAccess::default());
            assert!(scope.is_every_case());
            assert!(scope.includes(Assignment::default()));
        }
    }

    #[test]
    fn work_is_by_assignment_whatever_the_office_opens() {
        let paralegal = staff(Role::Paralegal);
        let work = CaseScope::for_work(&paralegal);
        assert!(work.includes(assigned_to(Some(paralegal.id))));
        assert!(!work.includes(assigned_to(Some(StaffId::new()))));
        assert!(!work.includes(assigned_to(None)));
        for role in [Role::Admin, Role::Lawyer] {
            assert!(CaseScope::for_work(&staff(role)).is_every_case());
        }
    }

    #[test]
    fn a_paralegal_sees_their_assigned_cases_unless_the_office_opens_all() {
        let paralegal = staff(Role::Paralegal);
        let scope = CaseScope::for_reader(&paralegal, OfficeAccess::default());
        assert_eq!(scope.rows(), ScopeRows::AssignedTo(paralegal.id));
        assert_eq!(scope.reader(), Some(paralegal.id));
        assert!(scope.includes(assigned_to(Some(paralegal.id))));
        assert!(!scope.includes(assigned_to(Some(StaffId::new()))));
        assert!(!scope.includes(assigned_to(None)));
        let open = CaseScope::for_reader(
            &paralegal,
            OfficeAccess {
                paralegals_see_all_cases: true,
            },
        );
        assert!(open.is_office_wide() && !open.is_every_case());
        assert!(open.includes(assigned_to(None)));
        let new_inquiry = Assignment {
            new_inquiry: true,
            ..Assignment::default()
        };
        assert!(
            !open.includes(new_inquiry),
            "a new web inquiry is for triage"
        );
        for role in [Role::Admin, Role::Lawyer] {
            let scope = CaseScope::for_reader(
                &staff(role),
                OfficeAccess {
                    paralegals_see_all_cases: true,
                },
            );
            assert!(scope.includes(new_inquiry), "{role}");
        }
    }
}
