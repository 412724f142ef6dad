//! `/`: where staff land after signing in — their own cases (an admin's are all cases),
//! nearest deadline first, and for admins the office administration links, with warnings
//! about mail given up on and a nightly backup that failed or is missing.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::domain::nightly_backup::BackupHealth;
use crate::error::{AppError, Message};
use crate::routes::cases::list::{self, CaseListForm, CaseTable};
use crate::routes::sessions::html::render;
use crate::services::nightly_backup::{self, BackupStatus};
use crate::services::{outbox, sessions};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    ctx: PageContext,
    table: CaseTable,
    /// Messages given up on; shown to admins.
    failed_mail: i64,
    /// A nightly backup that failed or is missing; shown to admins.
    backup_warning: Option<BackupWarning>,
    /// Right after signing in: when and from where the sign-in before this one was.
    previous_sign_in: Option<String>,
}

struct BackupWarning {
    /// `failed` or `overdue`, for the page's data attribute.
    status: &'static str,
    text: String,
}

fn backup_warning(ctx: &PageContext, status: BackupStatus) -> Option<BackupWarning> {
    let text = match (status.health, &status.last_run, status.last_success_at) {
        (BackupHealth::Failed, Some(run), _) => ctx.message(
            &Message::new("home-backup-failed")
                .with("time", ctx.time(&run.started_at))
                .with("reason", run.failure.clone().unwrap_or_default()),
        ),
        (BackupHealth::Overdue, _, Some(at)) => {
            ctx.message(&Message::new("home-backup-overdue").with("time", ctx.time(&at)))
        }
        (BackupHealth::Overdue, _, None) => ctx.t("home-backup-none"),
        _ => return None,
    };
    Some(BackupWarning {
        status: if status.health == BackupHealth::Failed {
            "failed"
        } else {
            "overdue"
        },
        text,
    })
}

pub async fn home(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let form = CaseListForm::default();
    let (table, _, _) = list::table(&state, &current.staff, form, address).await?;
    let (failed_mail, backup_warning) = if ctx.is_admin() {
        let status = nightly_backup::status(&state).await?;
        (
            outbox::counts(&state).await?.1,
            backup_warning(&ctx, status),
        )
    } else {
        (0, None)
    };
    let previous_sign_in = match current.session_hash.clone() {
        Some(hash) => sessions::take_previous_sign_in(&state, hash)
            .await?
            .map(|(at, address)| {
                let address = address.unwrap_or_else(|| ctx.t("sessions-address-unknown"));
                ctx.message(
                    &Message::new("home-previous-sign-in")
                        .with("time", ctx.time(&at))
                        .with("address", address),
                )
            }),
        None => None,
    };
    render(
        HomePage {
            ctx,
            table,
            failed_mail,
            backup_warning,
            previous_sign_in,
        },
        StatusCode::OK,
    )
}
