//! The HTTP side of held forms (`services::held_forms`): a middleware that, when the intake
//! or a case-page form is refused because its session ended or its CSRF token went stale,
//! holds what was submitted and sends the person to sign in (or, if they are signed in,
//! straight back to the page); and the helpers the form pages use to restore it.
//!
//! The browser's key to what it holds is an HttpOnly cookie, never a URL: URLs end up in
//! logs and histories. A submission from another site (by `Sec-Fetch-Site` or `Origin`) is
//! never held, so no other site can plant entries in someone's form.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use serde::de::DeserializeOwned;

use crate::auth::csrf::{self, FORM_FIELD};
use crate::auth::session::{Authenticated, EndedSession};
use crate::domain::staff::Staff;
use crate::error::AppError;
use crate::routes::see_other;
use crate::services::held_forms::{self, HELD_FOR, HeldForm, Submission};
use crate::state::AppState;

pub fn cookie_name(https: bool) -> &'static str {
    if https {
        "__Host-refuge_held"
    } else {
        "refuge_held"
    }
}

/// Where a form posted to `path` lives: its page, and the section of the page it is in.
/// `None` for every path whose submissions are not held.
pub fn form_page(path: &str) -> Option<(String, &'static str)> {
    if path == "/intake" {
        return Some(("/intake".into(), ""));
    }
    let rest = path.strip_prefix("/cases/")?;
    let (id, tail) = rest.split_at(rest.find('/')?);
    let page = format!("/cases/{}", id.parse::<uuid::Uuid>().ok()?);
    let is_id = |s: &str| s.parse::<uuid::Uuid>().is_ok();
    let found = match tail {
        "/intake" => (format!("{page}/intake"), ""),
        "/conflict-check" => (format!("{page}/conflicts"), ""),
        "/stage" => (page, "#stage"),
        "/dates" => (page, "#dates"),
        "/events" => (page, "#events"),
        "/ead-stops" => (page, "#ead"),
        "/checklist" => (page, "#checklist"),
        "/notes" => (page, "#notes"),
        _ => match tail.split('/').collect::<Vec<_>>().as_slice() {
            ["", "events", event, "outcome"] if is_id(event) => (page, "#events"),
            ["", "checklist", item] if is_id(item) => (page, "#checklist"),
            _ => return None,
        },
    };
    Some(found)
}

/// Whether the browser says the form was sent from one of Refuge's own pages. Browsers
/// send `Sec-Fetch-Site` (or at least `Origin`) with every form POST; other clients send
/// neither and are taken at their word.
fn same_origin(req: &ServiceRequest, state: &AppState) -> bool {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_string)
    };
    if let Some(site) = header("sec-fetch-site") {
        return site == "same-origin";
    }
    let Some(origin) = header(header::ORIGIN.as_str()) else {
        return true;
    };
    let info = req.connection_info();
    let own = format!("{}://{}", info.scheme(), info.host());
    origin == own
        || state
            .settings
            .public_url
            .as_deref()
            .is_some_and(|public| public.trim_end_matches('/') == origin)
}

fn is_post_form(req: &ServiceRequest) -> bool {
    req.method() == Method::POST && csrf::is_form(req)
}

/// Holds a refused submission of a held-for form (see the module documentation).
pub async fn hold_unsaved(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<web::Data<AppState>>().cloned();
    let target = match &state {
        Some(state) if is_post_form(&req) && same_origin(&req, state) => form_page(req.path()),
        _ => None,
    };
    let (Some(state), Some(page)) = (state, target) else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    };
    let body = match csrf::read_body(&mut req, state.settings.api.form_limit_bytes).await {
        Ok(body) => body,
        Err(err) => return Ok(req.error_response(err).map_into_right_body()),
    };
    req.set_payload(Payload::from(body.clone()));
    let res = next.call(req).await?;
    let session_ended = matches!(
        res.response()
            .error()
            .and_then(|e| e.as_error::<AppError>()),
        Some(AppError::Csrf | AppError::LoginRequired)
    );
    if !session_ended {
        return Ok(res.map_into_left_body());
    }
    match held_response(&state, res.request(), page, &body).await {
        Ok(Some(held)) => Ok(res.into_response(held).map_into_right_body()),
        Ok(None) => Ok(res.map_into_left_body()),
        Err(err) => {
            // The refusal stands as it was; the cause is logged, the fields are not.
            tracing::error!(error = %err, "holding a submitted form failed");
            Ok(res.map_into_left_body())
        }
    }
}

/// Holds the submission and answers where to go next; `None` when there is nothing to hold.
async fn held_response(
    state: &AppState,
    req: &HttpRequest,
    (page_path, section): (String, &'static str),
    body: &[u8],
) -> Result<Option<HttpResponse>, AppError> {
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(body)
        .into_owned()
        .filter(|(name, _)| name != FORM_FIELD)
        .collect();
    if fields.is_empty() {
        return Ok(None);
    }
    let https = state.settings.https;
    let signed_in = req
        .extensions()
        .get::<Authenticated>()
        .map(|auth| auth.staff.id);
    let ended = req
        .extensions()
        .get::<EndedSession>()
        .map(|ended| ended.staff_id);
    let submission = Submission {
        holder: req
            .cookie(cookie_name(https))
            .map(|c| c.value().to_string()),
        owner: signed_in.or(ended),
        address: crate::auth::extractors::ClientAddress::of(req).0,
        page_path: page_path.clone(),
        action_path: req.path().to_string(),
        fields: url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(&fields)
            .finish(),
    };
    let Some(holder) = held_forms::hold(state, submission).await? else {
        return Ok(None);
    };
    let back = format!("{page_path}{section}");
    let location = if signed_in.is_some() {
        back
    } else {
        let next: String = url::form_urlencoded::byte_serialize(back.as_bytes()).collect();
        format!("/login?next={next}&held=1")
    };
    let mut response = see_other(&location);
    let cookie = Cookie::build(cookie_name(https), holder)
        .path("/")
        .http_only(true)
        .secure(https)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::seconds(
            HELD_FOR.num_seconds(),
        ))
        .finish();
    response.add_cookie(&cookie).map_err(AppError::internal)?;
    Ok(Some(response))
}

/// At sign-in: what this browser holds for nobody in particular becomes `staff`'s.
pub async fn claim(req: &HttpRequest, state: &AppState, staff: &Staff) -> Result<(), AppError> {
    match req.cookie(cookie_name(state.settings.https)) {
        Some(cookie) => held_forms::claim(state, cookie.value().to_string(), staff.id).await,
        None => Ok(()),
    }
}

/// The submission this browser holds for `staff` on the page being shown, taken (it is
/// deleted as it is handed back).
pub async fn restore(
    req: &HttpRequest,
    state: &AppState,
    staff: &Staff,
) -> Result<Option<HeldForm>, AppError> {
    match req.cookie(cookie_name(state.settings.https)) {
        Some(cookie) => {
            held_forms::take(
                state,
                cookie.value().to_string(),
                staff.id,
                req.path().to_string(),
            )
            .await
        }
        None => Ok(None),
    }
}

/// A form's struct filled from held fields, as `web::Form` would have filled it.
pub fn form_from<T: DeserializeOwned>(fields: &[(String, String)]) -> Option<T> {
    use serde::de::value::{Error, MapDeserializer};
    let pairs = fields.iter().map(|(k, v)| (k.as_str(), v.as_str()));
    T::deserialize(MapDeserializer::<_, Error>::new(pairs)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASE: &str = "6f0c43a2-5d7b-4d53-9a51-1f6a0c1b2d3e";

    #[test]
    fn every_form_of_the_intake_and_the_case_page_has_its_page() {
        let item = "0b8f7c4e-2a8e-4c55-8d0e-44f0c3c1a9b7";
        for (posted, page, section) in [
            ("/intake".to_string(), "/intake".to_string(), ""),
            (
                format!("/cases/{CASE}/intake"),
                format!("/cases/{CASE}/intake"),
                "",
            ),
            (
                format!("/cases/{CASE}/stage"),
                format!("/cases/{CASE}"),
                "#stage",
            ),
            (
                format!("/cases/{CASE}/dates"),
                format!("/cases/{CASE}"),
                "#dates",
            ),
            (
                format!("/cases/{CASE}/events"),
                format!("/cases/{CASE}"),
                "#events",
            ),
            (
                format!("/cases/{CASE}/events/{item}/outcome"),
                format!("/cases/{CASE}"),
                "#events",
            ),
            (
                format!("/cases/{CASE}/ead-stops"),
                format!("/cases/{CASE}"),
                "#ead",
            ),
            (
                format!("/cases/{CASE}/checklist"),
                format!("/cases/{CASE}"),
                "#checklist",
            ),
            (
                format!("/cases/{CASE}/checklist/{item}"),
                format!("/cases/{CASE}"),
                "#checklist",
            ),
            (
                format!("/cases/{CASE}/notes"),
                format!("/cases/{CASE}"),
                "#notes",
            ),
            (
                format!("/cases/{CASE}/conflict-check"),
                format!("/cases/{CASE}/conflicts"),
                "",
            ),
        ] {
            assert_eq!(form_page(&posted), Some((page, section)), "{posted}");
        }
    }

    #[test]
    fn other_paths_are_not_held() {
        for path in [
            "/login".to_string(),
            "/account/password".to_string(),
            "/admin/staff".to_string(),
            format!("/cases/{CASE}/purge"),
            format!("/cases/{CASE}/events/x/outcome"),
            format!("/cases/{CASE}/events/{CASE}/delete"),
            format!("/cases/{CASE}/notes/extra"),
            "/cases/not-a-uuid/notes".to_string(),
            "/intake/".to_string(),
        ] {
            assert_eq!(form_page(&path), None, "{path}");
        }
    }

    #[test]
    fn held_fields_fill_a_form_as_submitted() {
        let fields = vec![
            ("body".to_string(), "Звонил клиент".to_string()),
            ("unknown".to_string(), "ignored".to_string()),
        ];
        let note: crate::domain::case_work::NoteForm = form_from(&fields).unwrap_or_default();
        assert_eq!(note.body, "Звонил клиент");
    }
}
