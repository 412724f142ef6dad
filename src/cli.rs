//! The operator's command line: serve, migrate, manage staff accounts; `demo` and
//! `demo-data` hand over to the separate `refuge-demo` program.

use secrecy::ExposeSecret;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, bail};
use clap::{Parser, Subcommand};

use crate::auth::passwords::PasswordHasher;
use crate::backup::encryption::{Protection, Unlock};
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::db::{self, Db};
use crate::error::AppError;
use crate::operator::{explain, read_password};
use crate::services::audit::AuditContext;
use crate::services::data_keys;
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
    /// The audit log.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// The database's roles (PostgreSQL).
    #[command(subcommand)]
    Db(DbCommand),
    /// Write an encrypted backup of every table, while the server runs (a consistent
    /// snapshot). Decrypts with the `age` tool too: `age -d -i KEY FILE | gunzip`.
    Backup {
        /// The backup file to write (mode 0600; it appears only once complete).
        #[arg(long)]
        to: PathBuf,
        /// An age public key (age1…) to encrypt to; repeat for several. The server then
        /// never holds what decrypts its backups.
        #[arg(
            long,
            required_unless_present = "passphrase_stdin",
            conflicts_with = "passphrase_stdin"
        )]
        recipient: Vec<String>,
        /// Encrypt to a passphrase read from the first line of standard input.
        #[arg(long)]
        passphrase_stdin: bool,
    },
    /// Restore a backup into an empty database of either kind (SQLite or PostgreSQL, from
    /// DATABASE_URL): also how an office moves from SQLite to PostgreSQL.
    Restore {
        /// The backup file.
        #[arg(long)]
        from: PathBuf,
        /// Read the backup's passphrase from the first line of standard input.
        #[arg(
            long,
            required_unless_present = "identity",
            conflicts_with = "identity"
        )]
        passphrase_stdin: bool,
        /// An age identity file (age-keygen's output) holding the key the backup was
        /// encrypted to.
        #[arg(long)]
        identity: Option<PathBuf>,
    },
    /// The data keys of field encryption.
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Try Refuge on its own demo database (data/demo.db) of fictional clients and cases.
    /// `refuge demo --help` lists its options.
    #[command(disable_help_flag = true)]
    Demo {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        args: Vec<String>,
    },
    /// Add fictional demo clients and cases to a database holding nothing else, or remove
    /// them (--remove). `refuge demo-data --help` lists its options.
    #[command(disable_help_flag = true)]
    DemoData {
        #[arg(trailing_var_arg = true, allow_hyphen_values = true, hide = true)]
        args: Vec<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Run as the tables' owner (DATABASE_URL): grant an existing role what the server
    /// needs, and on the audit log only INSERT and SELECT. Serve with that role's URL.
    Grant {
        #[arg(long, value_name = "ROLE")]
        serving_role: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the audit log's hash chain and name the first broken link (exit code 1 if any).
    Verify {
        /// A seal from an admins' daily email, `ENTRY:HASH`: also check that the chain still
        /// holds that entry with that hash, i.e. that nothing up to it was rewritten since.
        #[arg(long, value_name = "ENTRY:HASH")]
        seal: Option<String>,
    },
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
        /// en, ru, uk or es.
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
    /// Remove an account's second factor (a lost phone): its sessions and API tokens end,
    /// and the person sets up a new one at their next sign-in where the office requires it.
    ResetMfa {
        #[arg(long)]
        email: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Print a new random data key (base64), for a new key file or REFUGE_DATA_KEY.
    Generate,
    /// Add a new current data key to the key file (the older ones stay, for reading), then
    /// re-seal every encrypted value under it, in batches, while the server runs. Safe to
    /// interrupt: `--resume` goes on without adding another key.
    Rotate {
        /// Add no key: re-seal whatever is not yet under the current key (an interrupted
        /// rotation, or values written before field encryption).
        #[arg(long)]
        resume: bool,
    },
}

/// Runs the command; the exit code is refuge-demo's after a hand-over.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let command = cli.command.unwrap_or(Command::Serve);
    let (name, args) = match command {
        Command::Demo { args } => ("demo", args),
        Command::DemoData { args } => ("demo-data", args),
        command => return run_server_command(&cli.config, command).map(|()| ExitCode::SUCCESS),
    };
    hand_over_to_demo(&cli.config, name, &args)
}

fn run_server_command(config: &Path, command: Command) -> anyhow::Result<()> {
    let settings = Settings::load(config).context("reading the configuration")?;
    crate::telemetry::init(&settings.log);
    actix_web::rt::System::new().block_on(async move {
        match command {
            Command::Serve => serve(settings).await,
            Command::Migrate => migrate(&settings),
            Command::User(command) => user(settings, command).await,
            Command::Db(DbCommand::Grant { serving_role }) => {
                let db = Db::connect_without_keys(settings.database.url.expose_secret(), 1)?;
                let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
                db::roles::grant_serving_role(&mut conn, &serving_role)?;
                println!(
                    "{serving_role} may now serve Refuge: it reads and writes every table, \
                     and may only insert into and read the audit log."
                );
                Ok(())
            }
            Command::Audit(AuditCommand::Verify { seal }) => {
                verify_audit(&settings, seal.as_deref())
            }
            Command::Backup {
                to,
                recipient,
                passphrase_stdin,
            } => backup(&settings, &to, &recipient, passphrase_stdin),
            Command::Restore {
                from,
                passphrase_stdin,
                identity,
            } => restore(&settings, &from, passphrase_stdin, identity.as_deref()),
            Command::Keys(command) => keys(&settings, command),
            Command::Demo { .. } | Command::DemoData { .. } => {
                bail!("the demo commands are run by refuge-demo")
            }
        }
    })
}

/// Where the `refuge-demo` program comes from.
#[derive(Debug, PartialEq, Eq)]
pub enum DemoProgram {
    /// Started by `cargo run` in this checkout: cargo builds and runs it, so it is never stale.
    Cargo {
        cargo: PathBuf,
        manifest: PathBuf,
    },
    /// Installed beside `refuge`.
    Beside(PathBuf),
    Missing,
}

impl DemoProgram {
    /// Decides from `cargo run`'s environment (`CARGO`, `CARGO_MANIFEST_DIR`) and the
    /// directory `refuge` runs from.
    pub fn find(
        cargo: Option<PathBuf>,
        manifest_dir: Option<PathBuf>,
        exe_dir: Option<&Path>,
    ) -> Self {
        let ours = Path::new(env!("CARGO_MANIFEST_DIR"));
        if let (Some(cargo), Some(dir)) = (cargo, manifest_dir)
            && dir == ours
        {
            return Self::Cargo {
                cargo,
                manifest: ours.join("Cargo.toml"),
            };
        }
        let beside =
            exe_dir.map(|dir| dir.join(format!("refuge-demo{}", std::env::consts::EXE_SUFFIX)));
        match beside {
            Some(path) if path.is_file() => Self::Beside(path),
            _ => Self::Missing,
        }
    }
}

/// `refuge demo …` and `refuge demo-data …` run `refuge-demo` with the same arguments: the
/// generator is a separate crate, so that the production server carries none of it.
fn hand_over_to_demo(config: &Path, name: &str, args: &[String]) -> anyhow::Result<ExitCode> {
    let exe = std::env::current_exe().ok();
    let program = DemoProgram::find(
        std::env::var_os("CARGO").map(PathBuf::from),
        std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from),
        exe.as_deref().and_then(Path::parent),
    );
    let mut command = match program {
        DemoProgram::Cargo { cargo, manifest } => {
            let mut command = std::process::Command::new(cargo);
            command.args(["run", "--quiet", "--manifest-path"]);
            command.arg(manifest);
            if !cfg!(debug_assertions) {
                command.arg("--release");
            }
            command.args(["--package", "refuge-demo", "--bin", "refuge-demo", "--"]);
            command
        }
        DemoProgram::Beside(path) => std::process::Command::new(path),
        DemoProgram::Missing => bail!(
            "`refuge {name}` is run by the refuge-demo program, which is not installed beside \
             refuge (it is kept out of the production server). From a checkout run \
             `cargo run -- {name}`, or build it with `cargo build --release -p refuge-demo`."
        ),
    };
    command.arg("--config").arg(config).arg(name).args(args);
    run_in_place(command)
}

/// Becomes the demo program (Unix `exec`), so that a signal to `refuge` reaches it and no
/// child outlives the command; on failure refuge-demo has said why.
#[cfg(unix)]
fn run_in_place(mut command: std::process::Command) -> anyhow::Result<ExitCode> {
    use std::os::unix::process::CommandExt;
    Err(command.exec()).context("starting refuge-demo")
}

/// Runs the demo program and passes on its exit code; on failure it has said why.
#[cfg(not(unix))]
fn run_in_place(mut command: std::process::Command) -> anyhow::Result<ExitCode> {
    let status = command.status().context("starting refuge-demo")?;
    Ok(match status.code() {
        Some(0) => ExitCode::SUCCESS,
        Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
        None => ExitCode::FAILURE,
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
    let db = Db::open(settings, 1)?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
    let applied = db::run_migrations(&mut conn)?;
    let sealed = data_keys::seal_leftovers(&mut conn, db.keys())?;
    if sealed > 0 {
        println!(
            "sealed {sealed} values under data key {}",
            db.keys().current_id()
        );
    }
    if applied.is_empty() {
        println!("The {} database is up to date.", db.kind().as_str());
    } else {
        for version in applied {
            println!("applied {version}");
        }
    }
    Ok(())
}

/// `refuge audit verify`: reads the whole log (no migration, no write: a verifier must not
/// need more than reading rights).
fn verify_audit(settings: &Settings, seal: Option<&str>) -> anyhow::Result<()> {
    let seal = seal.map(crate::services::audit::Seal::parse).transpose()?;
    let db = Db::connect_without_keys(settings.database.url.expose_secret(), 1)?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
    let report = crate::services::audit::verify_chain(&mut conn, seal.as_ref())?;
    println!("{report}");
    Ok(())
}

/// The shortest passphrase a backup is encrypted to: the archive holds every client file.
const MIN_PASSPHRASE_CHARS: usize = 12;

fn backup(
    settings: &Settings,
    to: &Path,
    recipients: &[String],
    passphrase_stdin: bool,
) -> anyhow::Result<()> {
    let protection = if passphrase_stdin {
        let passphrase = read_password().context("reading the passphrase")?;
        if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
            bail!(
                "the passphrase is too short: a backup holds every client file, use at least \
                 {MIN_PASSPHRASE_CHARS} characters (or --recipient with an age key)"
            );
        }
        Protection::Passphrase(passphrase.into())
    } else {
        Protection::recipients(recipients)?
    };
    let db = Db::connect_without_keys(settings.database.url.expose_secret(), 1)?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
    let started = std::time::Instant::now();
    let progress = crate::backup::progress_bar("backing up");
    let summary =
        crate::backup::backup_to_file(&mut conn, to, &protection, SystemClock.now(), &progress)?;
    let size = std::fs::metadata(to).map(|m| m.len()).unwrap_or(0);
    println!(
        "backed up {} tables, {} rows from {} to {} ({:.1} MB, {:.1} s)",
        summary.tables.len(),
        summary.rows,
        db.kind().as_str(),
        to.display(),
        size as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn restore(
    settings: &Settings,
    from: &Path,
    passphrase_stdin: bool,
    identity: Option<&Path>,
) -> anyhow::Result<()> {
    let unlock = match identity {
        Some(path) if !passphrase_stdin => Unlock::identity_file(path)?,
        _ => Unlock::Passphrase(read_password().context("reading the passphrase")?.into()),
    };
    let db = Db::connect_without_keys(settings.database.url.expose_secret(), 1)?;
    let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
    let started = std::time::Instant::now();
    let progress = crate::backup::progress_bar("restoring");
    let summary = crate::backup::restore_from_file(&mut conn, from, &unlock, &progress)?;
    println!(
        "restored {} tables, {} rows (backed up from {} at {}) into {}, every table checked \
         ({:.1} s)",
        summary.tables.len(),
        summary.rows,
        summary.source,
        summary.created_at,
        db.kind().as_str(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn keys(settings: &Settings, command: KeysCommand) -> anyhow::Result<()> {
    use crate::crypto::key_source::{self, KeySource};

    let resume = match command {
        KeysCommand::Generate => {
            println!("{}", crate::crypto::generate_key_text());
            return Ok(());
        }
        KeysCommand::Rotate { resume } => resume,
    };
    let (_, source) = key_source::load(settings)?;
    let added = if resume {
        None
    } else {
        let KeySource::File(path) = &source else {
            bail!(
                "the data keys come from REFUGE_DATA_KEY, which Refuge cannot change: run \
                 `refuge keys generate`, add its key at the end of REFUGE_DATA_KEY (after a \
                 comma), restart the servers, then run `refuge keys rotate --resume`"
            );
        };
        key_source::append_key(path)?;
        Some(std::time::Instant::now())
    };
    let db = Db::open(settings, 2)?;
    let keys = db.keys().clone();
    let mut conn = db.get().map_err(|e| anyhow::anyhow!("{e}"))?;
    db::run_migrations(&mut conn)?;
    println!(
        "Sealing every encrypted value under data key {}.",
        keys.current_id()
    );
    let total = data_keys::pending(&mut conn, &keys)?;
    let bar = indicatif::ProgressBar::new(u64::try_from(total).unwrap_or(0));
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{elapsed_precise} [{bar:40}] {pos}/{len} values ({per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let mut done = data_keys::reseal_all(&mut conn, &keys, &mut |n| bar.inc(n))?;
    if let Some(added) = added {
        // A server reading the key file takes the new key within RELOAD_INTERVAL; until
        // then it may still seal under the old one. Sweep again once it surely has.
        let settle = crate::crypto::RELOAD_INTERVAL + std::time::Duration::from_secs(1);
        if let Some(wait) = settle.checked_sub(added.elapsed()) {
            bar.set_message("waiting for running servers to take the new key");
            std::thread::sleep(wait);
        }
        done += data_keys::reseal_all(&mut conn, &keys, &mut |n| {
            bar.inc_length(n);
            bar.inc(n);
        })?;
    }
    bar.finish();
    println!(
        "Done: {done} values re-sealed; every encrypted value is under data key {}.",
        keys.current_id()
    );
    if added.is_some() {
        println!(
            "The older keys stay in the key file: backups made before today need them. \
             Remove one only when no backup sealed under it is kept."
        );
    }
    Ok(())
}

async fn user(settings: Settings, command: UserCommand) -> anyhow::Result<()> {
    let db = Db::open(&settings, 2)?;
    db::run_migrations(&mut *db.get().map_err(|e| anyhow::anyhow!("{e}"))?)?;
    let state = AppState::new(
        db,
        Arc::new(SystemClock),
        settings,
        PasswordHasher::new(1).map_err(explain)?,
    );
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
        UserCommand::ResetMfa { email } => {
            let email = email.trim().to_lowercase();
            let found = state
                .db
                .run(move |conn| Ok(db::staff::find_by_email(conn, &email)?))
                .await
                .map_err(explain)?;
            let Some(member) = found else {
                bail!("no staff account with that email")
            };
            crate::services::second_factor::reset_as(&state, operator(), member.id)
                .await
                .map_err(explain)?;
            println!("second factor reset for {}", member.email);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkout() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn user_add_help_names_every_staff_language() {
        use clap::CommandFactory;
        let mut cli = Cli::command();
        let help = cli
            .find_subcommand_mut("user")
            .and_then(|user| user.find_subcommand_mut("add"))
            .expect("refuge user add")
            .render_long_help()
            .to_string();
        for language in crate::i18n::Language::STAFF {
            assert!(
                help.contains(language.code()),
                "{}: {help}",
                language.code()
            );
        }
        assert!(help.contains("en, ru, uk or es"), "{help}");
    }

    #[test]
    fn under_cargo_run_in_this_checkout_cargo_builds_and_runs_refuge_demo() {
        let found = DemoProgram::find(Some("/bin/cargo".into()), Some(checkout()), None);
        assert_eq!(
            found,
            DemoProgram::Cargo {
                cargo: "/bin/cargo".into(),
                manifest: checkout().join("Cargo.toml"),
            }
        );
    }

    #[test]
    fn an_installed_refuge_runs_the_refuge_demo_beside_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let program = dir
            .path()
            .join(format!("refuge-demo{}", std::env::consts::EXE_SUFFIX));
        std::fs::write(&program, "").expect("program");
        // Another checkout's cargo does not count.
        let found = DemoProgram::find(
            Some("/bin/cargo".into()),
            Some("/elsewhere".into()),
            Some(dir.path()),
        );
        assert_eq!(found, DemoProgram::Beside(program));
    }

    #[test]
    fn without_refuge_demo_the_demo_commands_are_missing() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            DemoProgram::find(None, None, Some(dir.path())),
            DemoProgram::Missing
        );
    }
}
