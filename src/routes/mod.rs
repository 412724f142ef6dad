//! HTTP in and out. Every route the application serves is listed in [`endpoints`]: the
//! permission-matrix test walks this same list, so a route cannot be added without saying
//! who may use it.

pub mod account;
pub mod assets;
pub mod audit;
pub mod cases;
pub mod errors;
pub mod health;
pub mod held_forms;
pub mod home;
pub mod input;
pub mod inquiry;
pub mod invitation;
pub mod lock;
pub mod mail;
pub mod openapi;
pub mod questionnaire;
pub mod refusals;
pub mod refused_forms;
pub mod reports;
pub mod retention;
pub mod search;
pub mod sessions;
pub mod settings;
pub mod setup;
pub mod staff;
pub mod triage;

use actix_web::http::Method;
use actix_web::middleware::from_fn;
use actix_web::{HttpResponse, Route, web};

use self::errors as error_pages;
use crate::auth::{anonymous_limit, csrf};

/// One registered route.
pub struct Endpoint {
    pub method: Method,
    pub path: &'static str,
    route: fn() -> Route,
    /// Open to anyone without signing in: behind the per-address limiter
    /// (`auth::anonymous_limit`).
    pub anonymous: bool,
    /// For an anonymous form: how it is shown again when its CSRF token is refused.
    shown_again: Option<refused_forms::ShowAgain>,
}

impl Endpoint {
    fn new(method: Method, path: &'static str, route: fn() -> Route) -> Self {
        Self {
            method,
            path,
            route,
            anonymous: false,
            shown_again: None,
        }
    }

    /// A route anyone may reach without signing in (a form, a public page): it answers
    /// 429 with `Retry-After` to an address that sends too many requests.
    fn anonymous(method: Method, path: &'static str, route: fn() -> Route) -> Self {
        Self {
            anonymous: true,
            ..Self::new(method, path, route)
        }
    }

    /// A form whose refused CSRF token brings it back filled in (`routes::refused_forms`).
    fn shown_again_when_refused(self, show: refused_forms::ShowAgain) -> Self {
        Self {
            shown_again: Some(show),
            ..self
        }
    }
}

pub fn endpoints() -> Vec<Endpoint> {
    use Method as M;
    vec![
        Endpoint::new(M::GET, "/healthz", || web::get().to(health::healthz)),
        Endpoint::new(M::GET, "/static/style.css", || {
            web::get().to(assets::stylesheet)
        }),
        Endpoint::new(M::GET, "/static/logo.svg", || web::get().to(assets::logo)),
        Endpoint::anonymous(M::GET, "/login", || {
            web::get().to(sessions::html::login_form)
        }),
        Endpoint::anonymous(M::POST, "/login", || web::post().to(sessions::html::login))
            .shown_again_when_refused(|req, state, form| {
                Box::pin(sessions::html::refused(req, state, form))
            }),
        Endpoint::anonymous(M::GET, "/login/second-factor", || {
            web::get().to(sessions::second_factor::form)
        }),
        Endpoint::anonymous(M::POST, "/login/second-factor", || {
            web::post().to(sessions::second_factor::submit)
        }),
        Endpoint::new(M::POST, "/logout", || {
            web::post().to(sessions::html::logout)
        }),
        // --- keeping typed entries safe (forms.js) ---
        Endpoint::new(M::GET, "/static/forms.js", || {
            web::get().to(assets::forms_script)
        }),
        Endpoint::new(M::POST, "/session/keep-alive", || {
            web::post().to(sessions::html::keep_alive)
        }),
        Endpoint::anonymous(M::GET, "/setup/{token}", || web::get().to(setup::form)),
        Endpoint::anonymous(M::POST, "/setup/{token}", || web::post().to(setup::submit))
            .shown_again_when_refused(|req, state, form| {
                Box::pin(setup::refused(req, state, form))
            }),
        Endpoint::anonymous(M::GET, "/invitation/{token}", || {
            web::get().to(invitation::form)
        }),
        Endpoint::anonymous(M::POST, "/invitation/{token}", || {
            web::post().to(invitation::submit)
        })
        .shown_again_when_refused(|req, state, form| {
            Box::pin(invitation::refused(req, state, form))
        }),
        // --- emergency lock (anonymous) ---
        Endpoint::anonymous(M::GET, "/lock", || web::get().to(lock::request_form)),
        Endpoint::anonymous(M::POST, "/lock", || web::post().to(lock::request))
            .shown_again_when_refused(|req, state, form| {
                Box::pin(lock::request_refused(req, state, form))
            }),
        Endpoint::anonymous(M::GET, "/lock/{token}", || {
            web::get().to(lock::confirm_form)
        }),
        Endpoint::anonymous(M::POST, "/lock/{token}", || web::post().to(lock::confirm))
            .shown_again_when_refused(|req, state, form| {
                Box::pin(lock::confirm_refused(req, state, form))
            }),
        Endpoint::anonymous(M::GET, "/locked", || web::get().to(lock::locked)),
        // --- the public inquiry form (anonymous) and its triage ---
        Endpoint::anonymous(M::GET, "/inquiry", || web::get().to(inquiry::form)),
        Endpoint::anonymous(M::POST, "/inquiry", || web::post().to(inquiry::submit))
            .shown_again_when_refused(|req, state, form| {
                Box::pin(inquiry::refused(req, state, form))
            }),
        // --- questionnaire links: the client's pages (anonymous) ---
        Endpoint::anonymous(M::GET, "/questionnaire/{token}", || {
            web::get().to(questionnaire::show)
        }),
        Endpoint::anonymous(M::POST, "/questionnaire/{token}", || {
            web::post().to(questionnaire::submit)
        })
        .shown_again_when_refused(|req, state, form| {
            Box::pin(questionnaire::refused(req, state, form))
        }),
        Endpoint::new(M::GET, "/triage", || web::get().to(triage::html::list)),
        Endpoint::new(M::POST, "/triage/{id}/take", || {
            web::post().to(triage::html::take)
        }),
        Endpoint::new(M::POST, "/triage/{id}/merge", || {
            web::post().to(triage::html::merge)
        }),
        Endpoint::new(M::POST, "/triage/{id}/decline", || {
            web::post().to(triage::html::decline)
        }),
        Endpoint::new(M::GET, "/api/v1/triage", || {
            web::get().to(triage::api::list)
        }),
        Endpoint::new(M::POST, "/api/v1/triage/{id}/take", || {
            web::post().to(triage::api::take)
        }),
        Endpoint::new(M::POST, "/api/v1/triage/{id}/merge", || {
            web::post().to(triage::api::merge)
        }),
        Endpoint::new(M::POST, "/api/v1/triage/{id}/decline", || {
            web::post().to(triage::api::decline)
        }),
        Endpoint::new(M::GET, "/", || web::get().to(home::home)),
        Endpoint::new(M::GET, "/account", || web::get().to(account::html::show)),
        Endpoint::new(M::POST, "/account/language", || {
            web::post().to(account::html::set_language)
        }),
        Endpoint::new(M::POST, "/account/password", || {
            web::post().to(account::html::change_password)
        }),
        Endpoint::new(M::POST, "/account/notifications", || {
            web::post().to(account::html::set_notifications)
        }),
        Endpoint::new(M::POST, "/account/sessions/{id}/end", || {
            web::post().to(account::html::end_session)
        }),
        Endpoint::new(M::POST, "/account/sessions/end-others", || {
            web::post().to(account::html::end_other_sessions)
        }),
        Endpoint::new(M::GET, "/account/second-factor", || {
            web::get().to(account::second_factor::show)
        }),
        Endpoint::new(M::GET, "/account/second-factor/recovery-codes", || {
            web::get().to(account::second_factor::recovery_codes)
        }),
        Endpoint::new(M::POST, "/account/second-factor", || {
            web::post().to(account::second_factor::confirm)
        }),
        Endpoint::new(M::POST, "/account/second-factor/recovery-codes", || {
            web::post().to(account::second_factor::regenerate)
        }),
        Endpoint::new(M::POST, "/account/lock-link", || {
            web::post().to(account::html::lock_link)
        }),
        Endpoint::new(M::GET, "/admin/staff", || web::get().to(staff::html::list)),
        Endpoint::new(M::POST, "/admin/staff", || {
            web::post().to(staff::html::create)
        }),
        Endpoint::new(M::GET, "/admin/staff/new", || {
            web::get().to(staff::html::new_form)
        }),
        Endpoint::new(M::GET, "/admin/staff/{id}", || {
            web::get().to(staff::html::show)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/role", || {
            web::post().to(staff::html::change_role)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/deactivate", || {
            web::post().to(staff::html::deactivate)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/reactivate", || {
            web::post().to(staff::html::reactivate)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/password-reset", || {
            web::post().to(staff::html::reset_password)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/end-sessions", || {
            web::post().to(staff::html::end_sessions)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/second-factor-reset", || {
            web::post().to(staff::html::reset_second_factor)
        }),
        Endpoint::new(M::POST, "/admin/staff/{id}/unlock", || {
            web::post().to(staff::html::unlock)
        }),
        Endpoint::new(M::GET, "/admin/audit", || web::get().to(audit::html::list)),
        Endpoint::new(M::GET, "/api/v1/audit", || web::get().to(audit::api::list)),
        Endpoint::anonymous(M::POST, "/api/v1/tokens", || {
            web::post().to(sessions::api::create_token)
        }),
        Endpoint::new(M::DELETE, "/api/v1/tokens/current", || {
            web::delete().to(sessions::api::revoke_current_token)
        }),
        Endpoint::new(M::GET, "/api/v1/me", || web::get().to(account::api::me)),
        Endpoint::new(M::GET, "/api/v1/staff", || web::get().to(staff::api::list)),
        Endpoint::new(M::POST, "/api/v1/staff", || {
            web::post().to(staff::api::create)
        }),
        Endpoint::new(M::PATCH, "/api/v1/staff/{id}", || {
            web::patch().to(staff::api::update)
        }),
        Endpoint::new(M::GET, "/api/v1/openapi.json", || {
            web::get().to(openapi::document)
        }),
        // --- intake form ---
        Endpoint::new(M::GET, "/intake", || web::get().to(cases::intake::new_form)),
        Endpoint::new(M::POST, "/intake", || web::post().to(cases::intake::create)),
        Endpoint::new(M::GET, "/cases/{id}/intake", || {
            web::get().to(cases::intake::edit_form)
        }),
        Endpoint::new(M::POST, "/cases/{id}/intake", || {
            web::post().to(cases::intake::update)
        }),
        // --- case page ---
        Endpoint::new(M::GET, "/cases/{id}", || web::get().to(cases::html::show)),
        Endpoint::new(M::GET, "/cases/{id}/audit", || {
            web::get().to(audit::html::case_trail)
        }),
        Endpoint::new(M::GET, "/cases/{id}/summary", || {
            web::get().to(cases::html::summary)
        }),
        Endpoint::new(M::GET, "/cases/{id}/i589", || {
            web::get().to(cases::i589::show)
        }),
        Endpoint::new(M::POST, "/cases/{id}/stage", || {
            web::post().to(cases::html::change_stage)
        }),
        Endpoint::new(M::POST, "/cases/{id}/dates", || {
            web::post().to(cases::html::set_dates)
        }),
        Endpoint::new(M::POST, "/cases/{id}/events", || {
            web::post().to(cases::html::add_event)
        }),
        Endpoint::new(M::POST, "/cases/{id}/events/{event_id}/delete", || {
            web::post().to(cases::html::remove_event)
        }),
        Endpoint::new(M::POST, "/cases/{id}/events/{event_id}/outcome", || {
            web::post().to(cases::html::record_event_outcome)
        }),
        Endpoint::new(M::POST, "/cases/{id}/ead-stops", || {
            web::post().to(cases::html::change_ead_clock)
        }),
        Endpoint::new(M::POST, "/cases/{id}/checklist", || {
            web::post().to(cases::html::add_checklist_item)
        }),
        Endpoint::new(M::POST, "/cases/{id}/checklist/{item_id}", || {
            web::post().to(cases::html::update_checklist_item)
        }),
        Endpoint::new(M::POST, "/cases/{id}/notes", || {
            web::post().to(cases::html::add_note)
        }),
        Endpoint::new(M::GET, "/cases/{id}/questionnaires", || {
            web::get().to(cases::questionnaires::show)
        }),
        Endpoint::new(M::POST, "/cases/{id}/questionnaires", || {
            web::post().to(cases::questionnaires::create)
        }),
        Endpoint::new(
            M::POST,
            "/cases/{id}/questionnaires/{questionnaire_id}/revoke",
            || web::post().to(cases::questionnaires::revoke),
        ),
        Endpoint::new(M::GET, "/cases/{id}/revisions/{revision_id}", || {
            web::get().to(cases::revisions::show)
        }),
        Endpoint::new(M::POST, "/cases/{id}/revisions/{revision_id}", || {
            web::post().to(cases::revisions::decide)
        }),
        Endpoint::new(M::POST, "/cases/{id}/purge", || {
            web::post().to(cases::html::purge)
        }),
        Endpoint::new(M::GET, "/admin/retention", || {
            web::get().to(retention::show)
        }),
        Endpoint::new(M::POST, "/admin/retention", || {
            web::post().to(retention::purge)
        }),
        Endpoint::new(M::GET, "/admin/settings", || web::get().to(settings::show)),
        Endpoint::new(M::POST, "/admin/settings", || {
            web::post().to(settings::update)
        }),
        // --- search, conflict check and case list ---
        Endpoint::new(M::GET, "/search", || web::get().to(search::form)),
        Endpoint::new(M::POST, "/search", || web::post().to(search::submit)),
        Endpoint::new(M::GET, "/search/results/{id}", || {
            web::get().to(search::results)
        }),
        Endpoint::new(M::GET, "/cases", || web::get().to(cases::list::list)),
        Endpoint::new(M::GET, "/cases/{id}/conflicts", || {
            web::get().to(cases::conflicts::show)
        }),
        Endpoint::new(M::POST, "/cases/{id}/conflict-check", || {
            web::post().to(cases::conflicts::record)
        }),
        // --- outgoing mail ---
        Endpoint::new(M::GET, "/admin/mail", || web::get().to(mail::list)),
        Endpoint::new(M::POST, "/admin/mail/{id}/retry", || {
            web::post().to(mail::retry)
        }),
        Endpoint::new(M::POST, "/admin/mail/{id}/send", || {
            web::post().to(mail::send_now)
        }),
        // --- weekly reports ---
        Endpoint::new(M::GET, "/reports/weekly", || web::get().to(reports::weekly)),
        Endpoint::new(M::GET, "/reports/weekly.csv", || {
            web::get().to(reports::weekly_csv)
        }),
        // --- API: cases and clients ---
        Endpoint::new(M::POST, "/api/v1/clients/search", || {
            web::post().to(search::search_api)
        }),
        Endpoint::new(M::GET, "/api/v1/cases", || web::get().to(cases::api::list)),
        Endpoint::new(M::POST, "/api/v1/cases", || {
            web::post().to(cases::api::create)
        }),
        Endpoint::new(M::GET, "/api/v1/cases/{id}", || {
            web::get().to(cases::api::show)
        }),
        Endpoint::new(M::GET, "/api/v1/cases/{id}/i589", || {
            web::get().to(cases::i589::show_api)
        }),
        Endpoint::new(M::PUT, "/api/v1/cases/{id}/intake", || {
            web::put().to(cases::api::update_intake)
        }),
        Endpoint::new(M::POST, "/api/v1/cases/{id}/transitions", || {
            web::post().to(cases::api::transition)
        }),
        Endpoint::new(M::PUT, "/api/v1/cases/{id}/key-dates", || {
            web::put().to(cases::api::set_key_dates)
        }),
        Endpoint::new(M::POST, "/api/v1/cases/{id}/events", || {
            web::post().to(cases::api::add_event)
        }),
        Endpoint::new(
            M::PUT,
            "/api/v1/cases/{id}/events/{event_id}/outcome",
            || web::put().to(cases::api::record_event_outcome),
        ),
        Endpoint::new(M::POST, "/api/v1/cases/{id}/checklist", || {
            web::post().to(cases::api::add_checklist_item)
        }),
        Endpoint::new(M::PATCH, "/api/v1/cases/{id}/checklist/{item_id}", || {
            web::patch().to(cases::api::update_checklist_item)
        }),
        Endpoint::new(M::POST, "/api/v1/cases/{id}/notes", || {
            web::post().to(cases::api::add_note)
        }),
        Endpoint::new(M::PUT, "/api/v1/cases/{id}/conflict-check", || {
            web::put().to(cases::api::record_conflict_check)
        }),
        Endpoint::new(M::GET, "/api/v1/cases/{id}/revisions", || {
            web::get().to(cases::revisions_api::list)
        }),
        Endpoint::new(M::GET, "/api/v1/cases/{id}/revisions/{revision_id}", || {
            web::get().to(cases::revisions_api::show)
        }),
        Endpoint::new(
            M::POST,
            "/api/v1/cases/{id}/revisions/{revision_id}/decisions",
            || web::post().to(cases::revisions_api::decide),
        ),
        Endpoint::new(M::POST, "/api/v1/cases/{id}/ead-clock", || {
            web::post().to(cases::api::change_ead_clock)
        }),
        // --- API: the caller's notifications, the weekly report ---
        Endpoint::new(M::GET, "/api/v1/me/notifications", || {
            web::get().to(account::api::notification_preferences)
        }),
        Endpoint::new(M::PUT, "/api/v1/me/notifications", || {
            web::put().to(account::api::set_notification_preferences)
        }),
        Endpoint::new(M::GET, "/api/v1/reports/weekly", || {
            web::get().to(reports::api::weekly)
        }),
    ]
}

/// Registers every endpoint, one resource per path so that a wrong method answers 405 with
/// the path's methods in `Allow`. The CSRF check wraps each route, not the application: it
/// runs only once a request has found its handler, so a wrong method is a 405, not a 403.
pub fn configure(cfg: &mut web::ServiceConfig) {
    let mut resources: Vec<(&'static str, Vec<Method>, Vec<Route>)> = Vec::new();
    for endpoint in endpoints() {
        let mut route = (endpoint.route)().wrap(from_fn(csrf::verify_csrf));
        if let Some(show) = endpoint.shown_again {
            route = route.wrap(from_fn(move |req, next| {
                refused_forms::offer(req, next, show)
            }));
        }
        if endpoint.anonymous {
            // Outside the CSRF check: a flood of forged posts is limited too.
            route = route.wrap(from_fn(anonymous_limit::limit_anonymous));
        }
        match resources
            .iter_mut()
            .find(|(path, _, _)| *path == endpoint.path)
        {
            Some((_, methods, routes)) => {
                methods.push(endpoint.method);
                routes.push(route);
            }
            None => resources.push((endpoint.path, vec![endpoint.method], vec![route])),
        }
    }
    for (path, methods, routes) in resources {
        let allow = methods
            .iter()
            .map(Method::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let resource = routes
            .into_iter()
            .fold(web::resource(path), |resource, route| resource.route(route))
            .default_service(web::to(move || {
                error_pages::method_not_allowed(allow.clone())
            }));
        cfg.service(resource);
    }
}

/// `303 See Other` to a local path: the answer to a successful form POST.
pub fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, location.to_string()))
        .finish()
}
