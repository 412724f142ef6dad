//! `refuge demo`: a demo office on its own SQLite database (`data/demo.db`, filled with demo
//! staff and cases on the first run), its mail kept in files, and the `demo` setting on so
//! that every page says the data is fictional. The office's own database and mail server
//! are never touched, whatever the configuration says.

use std::path::PathBuf;

use anyhow::{Context, bail};
use chrono::NaiveDate;
use rand::Rng;
use rand::distributions::Alphanumeric;
use refuge::auth::passwords::hash_blocking;
use refuge::config::{MailTransport, Settings};
use refuge::db::{self, write_transaction};
use refuge::domain::password::NewPassword;
use refuge::domain::staff::Staff;
use refuge::operator::explain;
use refuge::state::AppState;

use crate::{DemoOptions, DemoReport, Progress, load, records};

/// What the demo office is made of.
#[derive(Debug, Clone)]
pub struct DemoOfficeOptions {
    /// Holds `demo.db` and `demo-mail/`.
    pub data_dir: PathBuf,
    /// Clients to create when the database has no case yet.
    pub clients: u32,
    pub seed: u64,
    pub today: NaiveDate,
}

/// A demo office ready to serve.
#[derive(Debug)]
pub struct PreparedOffice {
    /// The configuration with the demo's database, file mail and banner.
    pub settings: Settings,
    pub database: PathBuf,
    pub mail_directory: PathBuf,
    /// The demo staff, who can all sign in with `password`.
    pub staff: Vec<Staff>,
    /// Chosen afresh at every start; no password is built in.
    pub password: String,
    /// The first run's load, if this run filled the database.
    pub loaded: Option<DemoReport>,
}

/// Points `settings` at the demo database and mail directory, fills the database if it has
/// no case yet, and gives every demo staff account a fresh password.
pub async fn prepare(
    mut settings: Settings,
    options: DemoOfficeOptions,
    progress: impl FnMut(Progress) + Send + 'static,
) -> anyhow::Result<PreparedOffice> {
    if settings.environment == "production" {
        bail!(
            "refuge demo is for trying Refuge out, not for a production configuration \
             (REFUGE_ENVIRONMENT=production)"
        );
    }
    let database = options.data_dir.join("demo.db");
    let mail_directory = options.data_dir.join("demo-mail");
    settings.database.url = database.display().to_string().into();
    settings.mail.transport = MailTransport::File;
    settings.mail.directory = mail_directory.display().to_string();
    settings.demo = true;

    let db = db::Db::open(&settings, 2)?;
    db::run_migrations(&mut *db.get().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    let state = AppState::new(
        db,
        std::sync::Arc::new(refuge::clock::SystemClock),
        settings.clone(),
        refuge::auth::passwords::PasswordHasher::new(1).map_err(explain)?,
    );
    let filled = state
        .db
        .run(|conn| {
            records::ensure_demo_only(conn).map_err(refuge::error::AppError::Internal)?;
            Ok(records::count_of(conn, records::Kind::Case)? > 0)
        })
        .await
        .map_err(explain)
        .with_context(|| format!("opening the demo database {}", database.display()))?;
    let loaded = if filled {
        None
    } else {
        eprintln!(
            "Creating the demo office in {}: {} fictional clients…",
            database.display(),
            options.clients
        );
        let load_options = DemoOptions {
            clients: options.clients,
            seed: options.seed,
            today: options.today,
            batch_size: 500,
            writers: 1,
            staff_password: None,
        };
        Some(load(&state, load_options, progress).await?)
    };

    let password: String = rand::thread_rng()
        .sample_iter(&Alphanumeric)
        .take(20)
        .map(char::from)
        .collect();
    let new_password = NewPassword::parse(&password)
        .map_err(|message| anyhow::anyhow!("the generated password: {message:?}"))?;
    let now = refuge::clock::to_db(state.now());
    let staff = state
        .db
        .run(move |conn| {
            let hash = hash_blocking(&new_password)?;
            write_transaction(conn, |conn| {
                let ids = records::staff_ids(conn)?;
                let mut staff = db::staff::list(conn)?;
                staff.retain(|s| s.active && ids.contains(&s.id.as_uuid()));
                staff.sort_by(|a, b| (a.role.as_str(), &a.email).cmp(&(b.role.as_str(), &b.email)));
                for member in &staff {
                    db::staff::set_password_hash(conn, member.id, Some(&hash), now)?;
                }
                // An office of fictional people to try Refuge on: the printed password
                // alone signs in (a real office requires a second factor by default).
                db::office_settings::set_value(
                    conn,
                    db::office_settings::SECOND_FACTOR_POLICY,
                    refuge::domain::second_factor::SecondFactorPolicy::Optional.as_str(),
                )?;
                Ok::<_, refuge::error::AppError>(staff)
            })
        })
        .await
        .map_err(explain)?;
    Ok(PreparedOffice {
        settings,
        database,
        mail_directory,
        staff,
        password,
        loaded,
    })
}
