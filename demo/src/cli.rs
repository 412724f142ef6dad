//! The `refuge-demo` command line, reached as `refuge demo …` and `refuge demo-data …`.

use refuge::config::ExposeSecret;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use refuge::auth::passwords::PasswordHasher;
use refuge::clock::{Clock, SystemClock};
use refuge::config::Settings;
use refuge::db::{self, Db};
use refuge::operator::{explain, read_password};
use refuge::state::AppState;

use crate::office::{self, DemoOfficeOptions};
use crate::{DemoOptions, Progress, load};

#[derive(Debug, Parser)]
#[command(
    name = "refuge",
    bin_name = "refuge",
    version,
    about = "Refuge's demo data: a demo office to try Refuge on, or demo data to add and remove"
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
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve a demo office on its own database (data/demo.db, filled on the first run), with
    /// a banner on every page and mail kept in files (data/demo-mail/).
    Demo(DemoArgs),
    /// Add fictional clients and cases to the configured database — only if it holds nothing
    /// but demo data — or remove every demo record from it (--remove).
    DemoData(DemoDataArgs),
}

/// `refuge demo` options.
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// Directory of the demo database and its mail.
    #[arg(long, default_value = "data")]
    pub data_dir: PathBuf,
    /// Clients (each with one case) to create on the first run.
    #[arg(long, default_value_t = 2000)]
    pub clients: u32,
    /// The same seed always gives the same people and histories.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

/// `refuge demo-data` options.
#[derive(Debug, clap::Args)]
pub struct DemoDataArgs {
    /// How many clients (each with one case) to add.
    #[arg(long, required_unless_present = "remove")]
    pub clients: Option<u32>,
    /// Delete every demo staff account, client and case, and what hangs off them.
    #[arg(long, conflicts_with_all = ["clients", "password_stdin"])]
    pub remove: bool,
    /// The same seed (and day) always gives the same people and histories.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The day the data is generated around (YYYY-MM-DD); today by default. Deadlines and
    /// histories are relative to it.
    #[arg(long)]
    pub today: Option<NaiveDate>,
    /// Read the password for newly created demo staff accounts from standard input;
    /// without it, each new account gets a printed invitation link instead.
    #[arg(long)]
    pub password_stdin: bool,
    /// Clients per write transaction.
    #[arg(long, default_value_t = 500)]
    pub batch_size: u32,
    /// Concurrent writers; by default 3 for PostgreSQL and 1 for SQLite (one writer at a
    /// time anyway).
    #[arg(long)]
    pub writers: Option<usize>,
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let settings = Settings::load(&cli.config).context("reading the configuration")?;
    refuge::telemetry::init(&settings.log);
    actix_web::rt::System::new().block_on(async move {
        match cli.command {
            Command::Demo(args) => demo(settings, args).await,
            Command::DemoData(args) if args.remove => remove(settings).await,
            Command::DemoData(args) => demo_data(settings, args).await,
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Prints a loader's progress on standard error.
pub fn print_progress(p: Progress) {
    let secs = p.elapsed.as_secs_f64().max(0.001);
    let rate = f64::from(p.done) / secs;
    let left = f64::from(p.total - p.done) / rate.max(0.001);
    eprintln!(
        "  {}/{} clients, {} stage changes — {:.0} clients/s, about {:.0} s left",
        p.done, p.total, p.stage_changes, rate, left
    );
}

async fn demo(settings: Settings, args: DemoArgs) -> anyhow::Result<()> {
    let options = DemoOfficeOptions {
        data_dir: args.data_dir,
        clients: args.clients,
        seed: args.seed,
        today: SystemClock.now().date_naive(),
    };
    let prepared = office::prepare(settings, options, print_progress).await?;
    let app = refuge::startup::Application::build(prepared.settings, Arc::new(SystemClock)).await?;
    println!(
        "Refuge demo office: http://127.0.0.1:{} (database {}, mail written to {}/)",
        app.port(),
        prepared.database.display(),
        prepared.mail_directory.display(),
    );
    println!(
        "Sign in as any of these, with the password {}",
        prepared.password
    );
    for staff in &prepared.staff {
        println!("  {:<44} {}", staff.email, staff.role);
    }
    app.run_until_stopped().await?;
    Ok(())
}

async fn state_for(settings: Settings, pool_size: u32) -> anyhow::Result<AppState> {
    let db = Db::open(&settings, pool_size)?;
    db::run_migrations(&mut *db.get().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    Ok(AppState::new(
        db,
        Arc::new(SystemClock),
        settings,
        PasswordHasher::new(1).map_err(explain)?,
    ))
}

/// `refuge demo-data`: loads the data set into the configured database and says who can
/// sign in to look at it.
async fn demo_data(settings: Settings, args: DemoDataArgs) -> anyhow::Result<()> {
    let password = if args.password_stdin {
        Some(read_password()?)
    } else {
        None
    };
    let url = db::DatabaseUrl::parse(settings.database.url.expose_secret())?;
    let writers = args.writers.unwrap_or(match url.kind() {
        db::DatabaseKind::Postgres => 3,
        db::DatabaseKind::Sqlite => 1,
    });
    let state = state_for(settings, writers as u32 + 2).await?;
    let clients = args.clients.unwrap_or_default();
    let today = args.today.unwrap_or_else(|| SystemClock.now().date_naive());
    let options = DemoOptions {
        clients,
        seed: args.seed,
        today,
        batch_size: args.batch_size,
        writers,
        staff_password: password,
    };
    eprintln!(
        "Loading {clients} demo clients (seed {}, dates around {today}) into the {} database…",
        args.seed,
        state.db.kind().as_str()
    );
    let report = load(&state, options, print_progress).await?;
    eprintln!(
        "Loaded {} clients with {} stage changes in {:.1} s.",
        report.clients,
        report.stage_changes,
        report.elapsed.as_secs_f64()
    );
    if !report.created_staff.is_empty() {
        println!("Demo staff accounts created:");
        for created in &report.created_staff {
            let s = &created.staff;
            match &created.invitation {
                Some(link) => println!("  {} ({}) — invitation link: {link}", s.email, s.role),
                None => println!(
                    "  {} ({}) — password as given on standard input",
                    s.email, s.role
                ),
            }
        }
    }
    Ok(())
}

/// `refuge demo-data --remove`.
async fn remove(settings: Settings) -> anyhow::Result<()> {
    let state = state_for(settings, 1).await?;
    let removed = crate::remove(&state).await?;
    println!(
        "Removed {} demo staff account(s), {} client(s), {} case(s) and {} audit entries.",
        removed.staff, removed.clients, removed.cases, removed.audit_entries
    );
    Ok(())
}
