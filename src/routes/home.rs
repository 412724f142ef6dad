//! `/`: where staff land after signing in — their own cases (an admin's are all cases),
//! nearest deadline first, and for admins the office administration links.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::error::{AppError, Message};
use crate::routes::cases::list::{self, CaseListForm, CaseTable};
use crate::routes::sessions::html::render;
use crate::services::{outbox, sessions};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    ctx: PageContext,
    table: CaseTable,
    /// Messages given up on; shown to admins.
    failed_mail: i64,
    /// Right after signing in: when and from where the sign-in before this one was.
    previous_sign_in: Option<String>,
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
    let failed_mail = if ctx.is_admin() {
        outbox::counts(&state).await?.1
    } else {
        0
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
            previous_sign_in,
        },
        StatusCode::OK,
    )
}
