//! `/admin/staff…`: list, add, change role, deactivate, reactivate, reset password.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use super::{NewStaffForm, parse_id};
use crate::auth::extractors::{Authorized, ClientAddress, CurrentStaff, ManageStaff, PageContext};
use crate::db::staff::StaffChanges;
use crate::domain::staff::{AccountStatus, Role, Staff};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::Language;
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::staff::{self as staff_service, NewStaffMember};
use crate::stash;
use crate::state::AppState;

/// How long a freshly issued link waits to be shown on the page the POST redirects to.
const LINK_SHOWN_WITHIN_MINUTES: i64 = 10;

fn link_key(id: crate::domain::ids::StaffId) -> String {
    format!("staff-link:{id}")
}

/// Holds a freshly issued link for this session's next view of the staff page, and sends
/// the browser there: reloading that page neither repeats the POST nor shows the link again.
fn show_link_once(
    req: &HttpRequest,
    state: &AppState,
    id: crate::domain::ids::StaffId,
    link: Option<String>,
    done: &str,
) -> Result<HttpResponse, AppError> {
    if let Some(link) = link {
        state.stash.put(
            &stash::holder(req)?,
            &link_key(id),
            link,
            state.now(),
            chrono::Duration::minutes(LINK_SHOWN_WITHIN_MINUTES),
        );
    }
    Ok(see_other(&format!("/admin/staff/{id}?done={done}")))
}

#[derive(Template)]
#[template(path = "staff/list.html")]
pub struct StaffListPage {
    ctx: PageContext,
    members: Vec<(Staff, AccountStatus)>,
}

pub async fn list(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
) -> Result<HttpResponse, AppError> {
    let members = staff_service::roster(&state, &current.staff).await?;
    render(StaffListPage { ctx, members }, StatusCode::OK)
}

#[derive(Template)]
#[template(path = "staff/new.html")]
pub struct NewStaffPage {
    ctx: PageContext,
    form: NewStaffForm,
    errors: FormErrors,
    roles: [Role; 3],
    languages: &'static [Language],
}

pub async fn new_form(current: CurrentStaff, ctx: PageContext) -> Result<HttpResponse, AppError> {
    crate::auth::policy::can_manage_staff(&current.staff)?;
    let form = NewStaffForm {
        role: Role::Lawyer.as_str().into(),
        language: ctx.lang().into(),
        ..NewStaffForm::default()
    };
    render(
        NewStaffPage {
            ctx,
            form,
            errors: FormErrors::default(),
            roles: Role::ALL,
            languages: &Language::STAFF,
        },
        StatusCode::OK,
    )
}

#[derive(Template)]
#[template(path = "staff/show.html")]
pub struct StaffPage {
    ctx: PageContext,
    member: Staff,
    roles: [Role; 3],
    notice: Option<String>,
    error: Option<String>,
    /// A freshly issued invitation or reset link, shown once.
    link: Option<String>,
    /// Under the emergency lock since (office time), if it is.
    locked_since: Option<String>,
}

/// When the member's account was locked, as the page shows it.
async fn locked_since(
    state: &AppState,
    ctx: &PageContext,
    member: &Staff,
) -> Result<Option<String>, AppError> {
    Ok(crate::services::lock::locked_since(state, member.id)
        .await?
        .map(|at| ctx.time(&at)))
}

pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<NewStaffForm>,
) -> Result<HttpResponse, AppError> {
    let mut form = form.into_inner();
    let outcome = match NewStaffMember::parse(
        &form.email,
        &form.display_name,
        &form.role,
        &form.language,
        Some(form.password.expose_secret()),
    ) {
        Ok(new) => staff_service::create(&state, admin.staff(), new, address.0).await,
        Err(errors) => Err(AppError::Validation(errors)),
    };
    match outcome {
        Ok((member, link)) => show_link_once(&req, &state, member.id, link, "created"),
        Err(AppError::Validation(errors)) => {
            form.password = SecretString::default();
            let errors = FormErrors::translate(&errors, &ctx.i18n);
            render(
                NewStaffPage {
                    ctx,
                    form,
                    errors,
                    roles: Role::ALL,
                    languages: &Language::STAFF,
                },
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
        Err(err) => Err(err),
    }
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
    /// What the POST that redirected here did: `created`, `reset` (a password).
    done: Option<String>,
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    id: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, AppError> {
    let member = staff_service::get(&state, &current.staff, parse_id(&id)?).await?;
    // A link issued by this session's POST is shown here once; reloading finds it gone.
    let link = stash::holder(&req)
        .ok()
        .and_then(|holder| state.stash.take(&holder, &link_key(member.id), state.now()));
    let notice = match (query.done.as_deref(), &link) {
        (Some("created"), _) => Some(ctx.t("staff-created")),
        (Some("reset"), Some(_)) => Some(ctx.t("staff-password-reset-done")),
        (Some("reset"), None) => Some(ctx.t("staff-password-reset-link-gone")),
        _ => query.saved.as_deref().map(|saved| match saved {
            "sessions" => ctx.t("staff-sessions-ended"),
            "unlocked" => ctx.t("staff-unlocked"),
            _ => ctx.t("staff-saved"),
        }),
    };
    let locked_since = locked_since(&state, &ctx, &member).await?;
    render(
        StaffPage {
            ctx,
            member,
            roles: Role::ALL,
            notice,
            error: None,
            link,
            locked_since,
        },
        StatusCode::OK,
    )
}

#[derive(Debug, Deserialize)]
pub struct RoleForm {
    #[serde(default)]
    role: String,
}

pub async fn change_role(
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
    form: web::Form<RoleForm>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let changes = match form.role.parse::<Role>() {
        Ok(role) => StaffChanges {
            role: Some(role),
            ..StaffChanges::default()
        },
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.push("role", message);
            return refused(
                &state,
                &admin.current,
                ctx,
                id,
                AppError::Validation(errors),
            )
            .await;
        }
    };
    apply(&state, &admin.current, ctx, address, id, changes).await
}

pub async fn deactivate(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let changes = StaffChanges {
        active: Some(false),
        ..StaffChanges::default()
    };
    apply(&state, &current, ctx, address, parse_id(&id)?, changes).await
}

pub async fn reactivate(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let changes = StaffChanges {
        active: Some(true),
        ..StaffChanges::default()
    };
    apply(&state, &current, ctx, address, parse_id(&id)?, changes).await
}

pub async fn reset_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    let link = staff_service::reset_password(&state, &current.staff, id, address.0).await?;
    show_link_once(&req, &state, id, Some(link), "reset")
}

/// `POST /admin/staff/{id}/unlock`: lifts the emergency lock; the person signs in again
/// with their password.
pub async fn unlock(
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    crate::services::lock::unlock(&state, admin.staff(), id, address.0).await?;
    Ok(see_other(&format!("/admin/staff/{id}?saved=unlocked")))
}

/// `POST /admin/staff/{id}/end-sessions`: every session and API token of the staff member
/// ends; the account stays active.
pub async fn end_sessions(
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    crate::services::sessions::end_all_by_admin(&state, admin.staff(), id, address.0).await?;
    Ok(see_other(&format!("/admin/staff/{id}?saved=sessions")))
}

/// Removes the staff member's second factor and ends their sessions and API tokens; they
/// enrol again at their next sign-in where the office requires it.
pub async fn reset_second_factor(
    state: web::Data<AppState>,
    admin: Authorized<ManageStaff>,
    address: ClientAddress,
    id: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    let id = parse_id(&id)?;
    crate::services::second_factor::reset(&state, admin.staff(), id, address.0).await?;
    Ok(see_other(&format!("/admin/staff/{id}?saved=second-factor")))
}

async fn apply(
    state: &AppState,
    current: &CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    id: crate::domain::ids::StaffId,
    changes: StaffChanges,
) -> Result<HttpResponse, AppError> {
    match staff_service::update(state, &current.staff, id, changes, address.0).await {
        Ok(member) => Ok(see_other(&format!("/admin/staff/{}?saved=1", member.id))),
        Err(err @ (AppError::Conflict(_) | AppError::Validation(_))) => {
            refused(state, current, ctx, id, err).await
        }
        Err(err) => Err(err),
    }
}

/// The staff page again, with the reason a change was refused.
async fn refused(
    state: &AppState,
    current: &CurrentStaff,
    ctx: PageContext,
    id: crate::domain::ids::StaffId,
    err: AppError,
) -> Result<HttpResponse, AppError> {
    let member = staff_service::get(state, &current.staff, id).await?;
    let (status, message) = match &err {
        AppError::Conflict(message) => (StatusCode::CONFLICT, message.clone()),
        AppError::Validation(errors) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            errors
                .iter()
                .next()
                .map_or(Message::new("error-validation"), |e| e.message.clone()),
        ),
        _ => return Err(err),
    };
    let error = Some(ctx.message(&message));
    let locked_since = locked_since(state, &ctx, &member).await?;
    render(
        StaffPage {
            ctx,
            member,
            roles: Role::ALL,
            notice: None,
            error,
            link: None,
            locked_since,
        },
        status,
    )
}
