//! Building the application: database, migrations, first-run setup link, HTTP server.

use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::middleware::{DefaultHeaders, from_fn};
use actix_web::{App, HttpServer, web};
use anyhow::Context;
use tracing_actix_web::TracingLogger;

use crate::auth::passwords::PasswordHasher;
use crate::auth::session;
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::{self, Db};
use crate::email::Mailer;
use crate::routes::{self, errors, input};
use crate::services::{accounts, cases, data_keys, server_secrets};
use crate::state::AppState;
use crate::telemetry::RequestSpan;
use crate::worker;

pub struct Application {
    server: Server,
    port: u16,
    setup_link: Option<String>,
    state: web::Data<AppState>,
}

impl Application {
    /// Connects, migrates, binds (port 0 picks a free port) and prepares the server.
    pub async fn build(mut settings: Settings, clock: SharedClock) -> anyhow::Result<Self> {
        settings.validate().map_err(anyhow::Error::msg)?;
        let mailer = Mailer::from_settings(&settings.mail)?;
        let db = Db::open(&settings, settings.database.pool_size)?;
        let form_key = {
            let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
            db::run_migrations(&mut conn)?;
            if db::roles::connected_as_owner(&mut conn).unwrap_or(false) {
                tracing::warn!(
                    "serving as the owner of the audit log, who can drop its triggers: serve \
                     as a role made with `refuge db grant --serving-role` (README, \"Two roles \
                     on PostgreSQL\")"
                );
            }
            data_keys::seal_leftovers(&mut conn, db.keys())?;
            let today = clock
                .now()
                .with_timezone(&settings.office.time_zone)
                .date_naive();
            let recomputed = cases::refresh_deadlines_under_current_rules(&mut conn, today)
                .map_err(|e| anyhow::anyhow!("recomputing deadlines: {e:?}"))?;
            if recomputed > 0 {
                tracing::info!(
                    cases = recomputed,
                    "deadlines recomputed under the current rules"
                );
            }
            server_secrets::form_key(&mut conn, clock.now())?
        };
        let listener = TcpListener::bind(&settings.listen)
            .with_context(|| format!("cannot listen on {}", settings.listen))?;
        let address = listener.local_addr()?;
        if settings.public_url.is_none() {
            settings.public_url = Some(format!("http://{address}"));
        }
        let setup_link = accounts::issue_setup_link(&db, &settings, clock.now())
            .map_err(|e| anyhow::anyhow!("issuing the setup link: {e:?}"))?;
        let passwords = PasswordHasher::new(settings.passwords.max_concurrent_hashes)
            .map_err(|e| anyhow::anyhow!("password hasher: {e:?}"))?;
        let mut state = AppState::new(db, clock, settings, passwords);
        state.form_key = form_key;
        let state = web::Data::new(state);

        // The worker sends in the background; an admin's "send now" sends from a request.
        let request_mailer = web::Data::new(mailer.clone());
        if state.settings.mail.worker {
            worker::spawn(state.clone(), mailer);
        }
        let backup = &state.settings.backup;
        if backup.nightly {
            tracing::info!(
                at = %backup.nightly_at,
                directory = %backup.directory,
                keep = backup.keep,
                worker = state.settings.mail.worker,
                "nightly backups on"
            );
            if !state.settings.mail.worker {
                tracing::warn!(
                    "backup.nightly is on but this server runs no worker (mail.worker = \
                     false): the nightly backup runs only on a server that does"
                );
            }
        }

        let app_state = state.clone();
        let server = HttpServer::new(move || {
            let api = &app_state.settings.api;
            App::new()
                .app_data(app_state.clone())
                .app_data(request_mailer.clone())
                .app_data(errors::json_config(api.json_limit_bytes))
                .app_data(errors::form_config(api.form_limit_bytes))
                .app_data(errors::query_config())
                .app_data(errors::path_config())
                .configure(routes::configure)
                .default_service(web::to(errors::not_found))
                .wrap(from_fn(input::reject_control_characters))
                .wrap(from_fn(routes::refusals::record_refusals))
                .wrap(from_fn(routes::held_forms::hold_unsaved))
                .wrap(from_fn(session::load_session))
                .wrap(from_fn(errors::render_errors))
                .wrap(security_headers(app_state.settings.https))
                .wrap(TracingLogger::<RequestSpan>::new())
        })
        .listen(listener)?
        .run();

        Ok(Self {
            server,
            port: address.port(),
            setup_link,
            state,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The one-time link for creating the first admin, while no staff account exists.
    pub fn setup_link(&self) -> Option<&str> {
        self.setup_link.as_deref()
    }

    pub fn state(&self) -> web::Data<AppState> {
        self.state.clone()
    }

    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.server.await
    }
}

fn security_headers(https: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((
            "Content-Security-Policy",
            "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        ))
        .add(("X-Content-Type-Options", "nosniff"))
        .add(("X-Frame-Options", "DENY"))
        .add(("Referrer-Policy", "same-origin"))
        // No page needs a camera, microphone, location or payment; a window Refuge opens
        // shares no browsing context with the page that opened it, nor it with Refuge.
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()",
        ))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        // Case data must not linger in shared or browser caches; the stylesheet opts out.
        .add(("Cache-Control", "no-store"));
    if https {
        headers.add((
            "Strict-Transport-Security",
            "max-age=63072000; includeSubDomains",
        ))
    } else {
        headers
    }
}
