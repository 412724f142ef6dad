//! `/account`: preferred language, password and email notifications.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::auth::extractors::{ClientAddress, CurrentStaff, PageContext};
use crate::auth::policy;
use crate::auth::session::{CookieChange, request_cookie_change};
use crate::domain::notifications::{Delivery, NotificationKind};
use crate::error::{AppError, FieldErrors, Message};
use crate::i18n::{I18n, Language};
use crate::routes::errors::FormErrors;
use crate::routes::see_other;
use crate::routes::sessions::html::render;
use crate::services::sessions::{self, Ended, SessionView};
use crate::services::{accounts, notifications};
use crate::state::AppState;

/// Where a freshly made lock link waits for the account page the POST redirects to.
const LOCK_LINK_KEY: &str = "account_lock_link";
/// How long that link waits to be shown.
const LOCK_LINK_SHOWN_WITHIN_MINUTES: i64 = 10;

#[derive(Template)]
#[template(path = "account/show.html")]
pub struct AccountPage {
    ctx: PageContext,
    languages: &'static [Language],
    errors: FormErrors,
    notice: Option<String>,
    notifications: Vec<NotificationChoice>,
    deliveries: [Delivery; 3],
    notifications_hint: String,
    /// The person's signed-in sessions ("My sessions").
    sessions: Vec<SessionView>,
    /// A lock link just made for the person to keep (shown once).
    lock_link: Option<String>,
}

/// One row of the notification choices, as saved or as just submitted.
pub struct NotificationChoice {
    kind: NotificationKind,
    chosen: String,
}

impl NotificationChoice {
    fn saved(choices: Vec<(NotificationKind, Delivery)>) -> Vec<Self> {
        choices
            .into_iter()
            .map(|(kind, delivery)| Self {
                kind,
                chosen: delivery.as_str().into(),
            })
            .collect()
    }
}

impl AccountPage {
    async fn new(
        state: &AppState,
        current: &CurrentStaff,
        ctx: PageContext,
        errors: FormErrors,
        notice: Option<String>,
    ) -> Result<Self, AppError> {
        let saved = notifications::preferences(state, &current.staff).await?;
        let sessions =
            sessions::list_own(state, &current.staff, current.session_hash.clone()).await?;
        let office = &state.settings.office;
        let notifications_hint = ctx.message(
            &Message::new("account-notifications-hint")
                .with("time", &office.daily_scan_at)
                .with("zone", office.time_zone.name()),
        );
        Ok(Self {
            ctx,
            languages: &Language::STAFF,
            errors,
            notice,
            notifications: NotificationChoice::saved(saved),
            deliveries: Delivery::ALL,
            notifications_hint,
            sessions,
            lock_link: None,
        })
    }
}

#[derive(Debug, Deserialize)]
pub struct AccountQuery {
    saved: Option<String>,
}

pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    query: web::Query<AccountQuery>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let notice = match query.saved.as_deref() {
        Some("language") => Some(ctx.t("account-language-saved")),
        Some("password") => Some(ctx.t("account-password-saved")),
        Some("notifications") => Some(ctx.t("account-notifications-saved")),
        Some("session") => Some(ctx.t("account-session-ended")),
        Some("sessions") => Some(ctx.t("account-sessions-ended")),
        _ => None,
    };
    let mut page = AccountPage::new(&state, &current, ctx, FormErrors::default(), notice).await?;
    // A lock link made by this session's POST is shown once; reloading finds it gone.
    page.lock_link = crate::stash::holder(&req)
        .ok()
        .and_then(|holder| state.stash.take(&holder, LOCK_LINK_KEY, state.now()));
    render(page, StatusCode::OK)
}

/// Each kind's choice, submitted as a field named by the kind's code.
pub async fn set_notifications(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let fields = form.into_inner();
    match notifications::parse_preferences(&fields) {
        Ok(choices) => {
            notifications::set_preferences(&state, &current.staff, choices, address.0).await?;
            Ok(see_other("/account?saved=notifications#notifications"))
        }
        Err(errors) => {
            let i18n: I18n = ctx.i18n;
            let mut page = AccountPage::new(
                &state,
                &current,
                ctx,
                FormErrors::translate(&errors, &i18n),
                None,
            )
            .await?;
            // Show what was submitted, not what is saved.
            for choice in &mut page.notifications {
                if let Some((_, value)) = fields.iter().find(|(k, _)| k == choice.kind.as_str()) {
                    choice.chosen = value.clone();
                }
            }
            render(page, StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    #[serde(default)]
    language: String,
}

pub async fn set_language(
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<LanguageForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let Some(language) = Language::parse_staff(&form.language) else {
        let mut errors = FieldErrors::default();
        errors.push("language", Message::new("validation-language"));
        return invalid(&state, &current, ctx, &errors).await;
    };
    accounts::set_language(&state, &current.staff, language, address.0).await?;
    Ok(see_other("/account?saved=language"))
}

#[derive(Debug, Deserialize)]
pub struct PasswordChangeForm {
    #[serde(default)]
    current_password: SecretString,
    #[serde(default)]
    password: SecretString,
    #[serde(default)]
    password_confirm: SecretString,
}

pub async fn change_password(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    ctx: PageContext,
    address: ClientAddress,
    form: web::Form<PasswordChangeForm>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let form = form.into_inner();
    let mut errors = FieldErrors::default();
    let Some(password) = accounts::parse_password_pair(
        &mut errors,
        form.password.expose_secret(),
        form.password_confirm.expose_secret(),
    ) else {
        return invalid(&state, &current, ctx, &errors).await;
    };
    match accounts::change_password(
        &state,
        &current.staff,
        form.current_password.expose_secret().to_string(),
        password,
        address.0,
    )
    .await
    {
        Ok(session) => {
            request_cookie_change(&req, CookieChange::Set(session));
            Ok(see_other("/account?saved=password"))
        }
        Err(AppError::Validation(errors)) => invalid(&state, &current, ctx, &errors).await,
        Err(err) => Err(err),
    }
}

async fn invalid(
    state: &AppState,
    current: &CurrentStaff,
    ctx: PageContext,
    errors: &FieldErrors,
) -> Result<HttpResponse, AppError> {
    let i18n: I18n = ctx.i18n;
    let page = AccountPage::new(
        state,
        current,
        ctx,
        FormErrors::translate(errors, &i18n),
        None,
    )
    .await?;
    render(page, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `POST /account/sessions/{id}/end`: ends one of one's own sessions. Ending the one in use
/// signs out, like the sign-out button.
pub async fn end_session(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
    reference: web::Path<String>,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let ended = sessions::end_own(
        &state,
        &current.staff,
        reference.into_inner(),
        current.session_hash.clone(),
        address.0,
    )
    .await?;
    match ended {
        Ended::Current => {
            request_cookie_change(&req, CookieChange::Clear);
            Ok(crate::routes::sessions::html::signed_out())
        }
        Ended::Other | Ended::NotFound => Ok(see_other("/account?saved=session#sessions")),
    }
}

/// `POST /account/sessions/end-others`: every other session and every API token ends.
pub async fn end_other_sessions(
    state: web::Data<AppState>,
    current: CurrentStaff,
    address: ClientAddress,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let Some(session_hash) = current.session_hash.clone() else {
        return Err(AppError::BadRequest(Message::new("api-not-a-session")));
    };
    sessions::end_others(&state, &current.staff, session_hash, address.0).await?;
    Ok(see_other("/account?saved=sessions#sessions"))
}

/// `POST /account/lock-link`: a new emergency lock link, shown once on the account page.
pub async fn lock_link(
    req: HttpRequest,
    state: web::Data<AppState>,
    current: CurrentStaff,
) -> Result<HttpResponse, AppError> {
    policy::can_use_app(&current.staff)?;
    let link = crate::services::lock::link_for_account_page(&state, &current.staff).await?;
    // Held for this session's next view of the account page, shown there once: the link
    // never goes into a URL and reloading neither repeats the POST nor shows it again.
    state.stash.put(
        &crate::stash::holder(&req)?,
        LOCK_LINK_KEY,
        link,
        state.now(),
        chrono::Duration::minutes(LOCK_LINK_SHOWN_WITHIN_MINUTES),
    );
    Ok(see_other("/account?saved=lock_link"))
}
