//! The operator's command line: serve, migrate, manage staff accounts.

use std::io::BufRead;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::auth::passwords::PasswordHasher;
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::services::audit::AuditContext;
use crate::services::staff::{self as staff_service, NewStaffMember};
use crate::startup::Application;
use crate::state::AppState;

#[derive(Debug, Parser)]
#[command(
    name = "refuge",
    version,
    about = "Refuge: case-intake tracker for immigration law offices"
)]
pub struct Cli {
    /// Directory holding default.toml and <environment>.toml.
    #[arg(
        long,
        global = true,
        default_value = "config",
        env = "REFUGE_CONFIG_DIR"
    )]
    pub config: PathBuf,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations and serve the web application (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Fill the database with fictional demo clients and cases (deterministic for a seed).
    DemoData(crate::demo::DemoDataArgs),
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a staff account. Without --password-stdin an invitation link is printed instead.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin, lawyer or paralegal.
        #[arg(long)]
        role: String,
        /// en or ru.
        #[arg(long, default_value = "en")]
        language: String,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
    /// List staff accounts.
    List,
    /// Deactivate an account: its sessions and API tokens end at once.
    Deactivate {
        #[arg(long)]
        email: String,
    },
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let settings = Settings::load(&cli.config).context("reading the configuration")?;
    crate::telemetry::init(&settings.log);
    actix_web::rt::System::new().block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(settings).await,
            Command::Migrate => migrate(&settings),
            Command::User(command) => user(settings, command).await,
            Command::DemoData(args) => crate::demo::command(settings, args).await,
        }
    })
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let listen = settings.listen.clone();
    let app = Application::build(settings, Arc::new(SystemClock)).await?;
    tracing::info!(address = %listen, port = app.port(), "Refuge is listening");
    if let Some(link) = app.setup_link() {
        println!(
            "No staff account exists yet. Create the first admin account here (valid 24 hours, usable once): {link}"
        );
    }
    app.run_until_stopped().await?;
    Ok(())
}

fn migrate(settings: &Settings) -> anyhow::Result<()> {
    let db = Db::connect(&settings.database.url, 1)?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
    let applied = db::run_migrations(&mut conn)?;
    if applied.is_empty() {
        println!("The {} database is up to date.", db.kind().as_str());
    } else {
        for version in applied {
            println!("applied {version}");
        }
    }
    Ok(())
}

pub(crate) fn explain(err: AppError) -> anyhow::Error {
    match err {
        AppError::Validation(errors) => {
            let i18n = crate::i18n::I18n::default();
            let fields: Vec<String> = errors
                .iter()
                .map(|e| format!("{}: {}", e.field, i18n.message(&e.message)))
                .collect();
            anyhow::anyhow!("{}", fields.join("; "))
        }
        AppError::Conflict(message) | AppError::BadRequest(message) => {
            anyhow::anyhow!("{}", crate::i18n::I18n::default().message(&message))
        }
        AppError::NotFound => anyhow::anyhow!("no such staff account"),
        AppError::Internal(cause) | AppError::Unavailable(cause) => cause,
        other => anyhow::anyhow!("{other}"),
    }
}

async fn user(settings: Settings, command: UserCommand) -> anyhow::Result<()> {
    let db = Db::connect(&settings.database.url, 2)?;
    db::run_migrations(&mut *db.get().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    let state = AppState {
        db,
        clock: Arc::new(SystemClock),
        settings: Arc::new(settings),
        passwords: PasswordHasher::new(1).map_err(explain)?,
    };
    let operator = || AuditContext::new(None, Some("command line".into()), SystemClock.now());
    match command {
        UserCommand::Add {
            email,
            name,
            role,
            language,
            password_stdin,
        } => {
            let password = if password_stdin {
                Some(read_password()?)
            } else {
                None
            };
            let new = NewStaffMember::parse(&email, &name, &role, &language, password.as_deref())
                .map_err(|errors| explain(AppError::Validation(errors)))?;
            let (staff, invitation) = staff_service::create_as(&state, operator(), new)
                .await
                .map_err(explain)?;
            println!("added {} ({}) {}", staff.email, staff.role, staff.id);
            if let Some(link) = invitation {
                println!("invitation link (single use): {link}");
            }
        }
        UserCommand::List => {
            let members = state
                .db
                .run(|conn| Ok(db::staff::list(conn)?))
                .await
                .map_err(explain)?;
            for m in members {
                let status = if m.active { "active" } else { "inactive" };
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    m.id, m.email, m.role, status, m.display_name
                );
            }
        }
        UserCommand::Deactivate { email } => {
            let email = email.trim().to_lowercase();
            let found = state
                .db
                .run(move |conn| Ok(db::staff::find_by_email(conn, &email)?))
                .await
                .map_err(explain)?;
            let Some(member) = found else {
                bail!("no staff account with that email")
            };
            let changes = db::staff::StaffChanges {
                active: Some(false),
                ..Default::default()
            };
            staff_service::update_as(&state, operator(), member.id, changes)
                .await
                .map_err(explain)?;
            println!("deactivated {}", member.email);
        }
    }
    Ok(())
}

pub(crate) fn read_password() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    let password = line.trim_end_matches(['\r', '\n']).to_string();
    if password.is_empty() {
        bail!("no password on standard input");
    }
    Ok(password)
}
