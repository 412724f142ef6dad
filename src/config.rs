//! Layered settings: built-in defaults, `config/default.toml`, `config/<environment>.toml`,
//! then `REFUGE_*` environment variables (`__` separates nested keys) and `DATABASE_URL`.

use std::path::Path;

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
/// The secret types settings hold, for code (and the demo crate) that uses the settings.
pub use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// `development` or `production`; picks `config/<environment>.toml`.
    pub environment: String,
    /// Address the HTTP server binds, `host:port`.
    pub listen: String,
    /// Base URL used in links Refuge prints or sends (setup and invitation links).
    /// Defaults to `http://<listen>`.
    pub public_url: Option<String>,
    /// Served over https (directly or behind a TLS proxy): secure cookies and HSTS.
    pub https: bool,
    /// Addresses or CIDR ranges of the reverse proxies you run in front of Refuge. The
    /// client's address is the right-most `X-Forwarded-For` hop not in this list (and the
    /// header is never read when the TCP peer is not in it). Empty: the TCP peer.
    pub trusted_proxies: Vec<crate::auth::client_address::IpRange>,
    /// Replaced by `trusted_proxies` (it believed the first hop, which the client writes);
    /// `true` is refused at start-up with a message saying so.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub behind_proxy: Option<bool>,
    /// Lets a production configuration start without https (`https` off or an `http://`
    /// `public_url`): for a lab or a demonstration on a closed network, never for an office.
    pub lab_allow_plain_http: bool,
    pub database: DatabaseSettings,
    pub session: SessionSettings,
    pub login: LoginSettings,
    pub anonymous: AnonymousSettings,
    pub inquiry: InquirySettings,
    pub api: ApiSettings,
    pub passwords: PasswordSettings,
    pub office: OfficeSettings,
    pub mail: MailSettings,
    pub audit: AuditSettings,
    pub backup: BackupSettings,
    /// `tracing` filter, e.g. `info` or `refuge=debug,info`.
    pub log: String,
    /// A demo office (`refuge demo` sets it): every page says the data is fictional.
    pub demo: bool,
    /// The data key(s) for field encryption, base64 (`REFUGE_DATA_KEY`; several separated
    /// by commas, the current one last). Takes the place of `data_key_file`.
    #[serde(skip_serializing)]
    pub data_key: Option<SecretString>,
    /// The key file (`REFUGE_DATA_KEY_FILE`): one base64 key a line, the current one last.
    /// Unset in development: `keys/refuge.keys` beside the database, created on first run.
    /// Production needs it (or `data_key`), outside the data directory.
    pub data_key_file: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `postgres://…` / `postgresql://…` for PostgreSQL; a file path or `sqlite:` URL for SQLite.
    /// A secret (it may carry a password): `Debug` does not show it, and it is never written
    /// out (the built-in default is the struct's, not a serialized one).
    #[serde(skip_serializing)]
    pub url: SecretString,
    pub pool_size: u32,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SessionSettings {
    pub idle_timeout_minutes: i64,
    pub absolute_lifetime_hours: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LoginSettings {
    /// Attempts at one account allowed at once before delays start (every attempt is
    /// counted before the password is checked; a success clears the account's count).
    pub free_failures: i32,
    /// Longest delay one account can be put under; keeps a real user from being locked out.
    pub max_account_delay_seconds: i64,
    /// An account's count is forgotten after this long without an attempt.
    pub failure_memory_hours: i64,
    /// Failed attempts from one client address, against any accounts, before delays start.
    /// Large enough that a whole office behind one address, mistyping as people do, is
    /// never slowed; a success does not reset it.
    pub address_free_failures: i32,
    /// An address's count forgets one attempt per this many seconds (and only so).
    pub address_forget_one_every_seconds: i64,
    /// Longest delay one client address can be put under.
    pub max_address_delay_seconds: i64,
}

/// The in-process limiter in front of every endpoint open to anonymous visitors
/// (`auth::anonymous_limit`), per client address.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnonymousSettings {
    /// Requests per minute sustained.
    pub requests_per_minute: u32,
    /// Requests allowed at once before the rate applies.
    pub burst: u32,
}

impl Default for AnonymousSettings {
    fn default() -> Self {
        Self {
            requests_per_minute: 120,
            burst: 240,
        }
    }
}

/// Limits of the public inquiry form (`/inquiry`), which anyone can send: a flood must not
/// grow the database without bound. Unreviewed means not yet taken, merged or declined.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InquirySettings {
    /// Unreviewed inquiries from one client address before the form refuses more from it
    /// (generous: a shelter or a family shares one address).
    pub max_unreviewed_per_address: i64,
    /// Unreviewed inquiries in all before the form refuses more from anyone.
    pub max_unreviewed: i64,
    /// Seconds a person needs at least between seeing the form and sending it.
    pub min_seconds_to_fill: i64,
    /// Largest form body accepted, in bytes.
    pub body_limit_bytes: usize,
}

impl Default for InquirySettings {
    fn default() -> Self {
        Self {
            max_unreviewed_per_address: 20,
            max_unreviewed: 2_000,
            min_seconds_to_fill: 3,
            body_limit_bytes: 64 * 1024,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditSettings {
    /// Admins are emailed when one account is refused more often than this within an hour.
    pub refusal_alert_threshold: i64,
}

impl Default for AuditSettings {
    fn default() -> Self {
        Self {
            refusal_alert_threshold: 10,
        }
    }
}

/// The nightly backup (`services::nightly_backup`): the archive `refuge backup` writes,
/// taken by the worker once a day.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BackupSettings {
    /// Off by default: an office turns it on once it has an age key to encrypt to.
    pub nightly: bool,
    /// Local time (`HH:MM`, in `office.time_zone`) of the nightly backup.
    pub nightly_at: String,
    /// Where backups are written (created 0700; each file 0600).
    pub directory: String,
    /// Backups kept in `directory`; older ones are deleted after a new one succeeds.
    pub keep: usize,
    /// age public keys (`age1…`) the backups are encrypted to. Required when `nightly` is
    /// on: nobody is there at night to type a passphrase.
    pub recipients: Vec<String>,
}

impl Default for BackupSettings {
    fn default() -> Self {
        Self {
            nightly: false,
            nightly_at: "02:00".into(),
            directory: "data/backups".into(),
            keep: 7,
            recipients: Vec::new(),
        }
    }
}

impl BackupSettings {
    pub fn nightly_time(&self) -> Result<chrono::NaiveTime, String> {
        chrono::NaiveTime::parse_from_str(self.nightly_at.trim(), "%H:%M").map_err(|_| {
            format!(
                "backup.nightly_at must be a time of day as HH:MM, not {:?}",
                self.nightly_at
            )
        })
    }

    /// A nightly backup needs somewhere to go, something to keep and keys to encrypt to.
    pub fn validate(&self) -> Result<(), String> {
        self.nightly_time()?;
        if !self.nightly {
            return Ok(());
        }
        if self.recipients.is_empty() {
            return Err(
                "backup.nightly is on but backup.recipients is empty: a nightly backup runs \
                 unattended, so it is encrypted to age public keys, not a passphrase. Make a \
                 key pair with age-keygen, keep the private key off this server, and set \
                 backup.recipients = [\"age1…\"] (REFUGE_BACKUP__RECIPIENTS='[\"age1…\"]')"
                    .into(),
            );
        }
        crate::backup::encryption::Protection::recipients(&self.recipients)
            .map_err(|err| format!("backup.recipients: {err}"))?;
        if self.keep < 1 {
            return Err("backup.keep must be at least 1".into());
        }
        if self.directory.trim().is_empty() {
            return Err("backup.nightly is on but backup.directory is empty".into());
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ApiSettings {
    pub token_lifetime_hours: i64,
    pub json_limit_bytes: usize,
    /// Largest HTML form body. Larger than JSON: an intake's narratives in Cyrillic travel
    /// percent-encoded, six bytes a letter.
    pub form_limit_bytes: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PasswordSettings {
    /// Argon2 hashes computed at once; each takes 19 MiB and a core for ~20 ms.
    pub max_concurrent_hashes: usize,
    pub invitation_valid_hours: i64,
    pub setup_link_valid_hours: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OfficeSettings {
    /// IANA time zone of the office, e.g. `America/New_York`: its dates are "today" for
    /// deadlines, and its clock times schedule the daily reminders.
    pub time_zone: chrono_tz::Tz,
    /// Local time of the daily reminder scan and digests, `HH:MM`.
    pub daily_scan_at: String,
    /// Local time on Mondays when the weekly caseload report is mailed, `HH:MM`.
    pub weekly_report_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MailTransport {
    /// Each message written as an `.eml` file under `mail.directory`; for a fresh machine.
    File,
    Smtp,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MailSettings {
    pub transport: MailTransport,
    /// Where the `file` transport writes messages.
    pub directory: String,
    /// The `From:` of every message, e.g. `Refuge <refuge@office.example>`.
    pub from: String,
    pub smtp: SmtpSettings,
    /// Run the sender and the daily scan in this server. Several servers may run them on
    /// one PostgreSQL database; on SQLite run one server.
    pub worker: bool,
    /// Seconds between the sender's rounds.
    pub poll_interval_seconds: u64,
    /// How long a message that cannot be sent is retried before it is marked failed.
    pub retry_hours: i64,
    /// How long a sender's claim on a message keeps other senders off it: longer than an
    /// SMTP exchange can take, since a message claimed by a server that was killed waits
    /// this long before another takes it over.
    pub claim_lease_minutes: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SmtpTls {
    /// STARTTLS, required (port 587).
    Starttls,
    /// TLS from the first byte (port 465).
    Implicit,
    /// No encryption: only for a relay on this machine (refused elsewhere in production).
    None,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub username: Option<String>,
    /// A secret: `Debug` does not show it, and it is never written out.
    #[serde(skip_serializing)]
    pub password: Option<SecretString>,
    pub timeout_seconds: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            environment: "development".into(),
            listen: "127.0.0.1:8080".into(),
            public_url: None,
            https: false,
            trusted_proxies: Vec::new(),
            behind_proxy: None,
            lab_allow_plain_http: false,
            database: DatabaseSettings::default(),
            session: SessionSettings::default(),
            login: LoginSettings::default(),
            anonymous: AnonymousSettings::default(),
            inquiry: InquirySettings::default(),
            api: ApiSettings::default(),
            passwords: PasswordSettings::default(),
            office: OfficeSettings::default(),
            mail: MailSettings::default(),
            audit: AuditSettings::default(),
            backup: BackupSettings::default(),
            log: "info".into(),
            demo: false,
            data_key: None,
            data_key_file: None,
        }
    }
}

impl Default for DatabaseSettings {
    fn default() -> Self {
        Self {
            url: SecretString::from("data/refuge.db"),
            pool_size: 8,
        }
    }
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            idle_timeout_minutes: 30,
            absolute_lifetime_hours: 12,
        }
    }
}

impl Default for LoginSettings {
    fn default() -> Self {
        Self {
            free_failures: 5,
            max_account_delay_seconds: 60,
            failure_memory_hours: 24,
            address_free_failures: 100,
            address_forget_one_every_seconds: 30,
            max_address_delay_seconds: 900,
        }
    }
}

impl Default for ApiSettings {
    fn default() -> Self {
        Self {
            token_lifetime_hours: 12,
            json_limit_bytes: 256 * 1024,
            form_limit_bytes: 4 * 1024 * 1024,
        }
    }
}

impl Default for PasswordSettings {
    fn default() -> Self {
        Self {
            max_concurrent_hashes: std::thread::available_parallelism().map_or(2, usize::from),
            invitation_valid_hours: 7 * 24,
            setup_link_valid_hours: 24,
        }
    }
}

impl Default for OfficeSettings {
    fn default() -> Self {
        Self {
            time_zone: chrono_tz::UTC,
            daily_scan_at: "07:00".into(),
            weekly_report_at: "07:30".into(),
        }
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            transport: MailTransport::File,
            directory: "data/mail".into(),
            from: "Refuge <refuge@localhost>".into(),
            smtp: SmtpSettings::default(),
            worker: true,
            poll_interval_seconds: 10,
            retry_hours: 48,
            claim_lease_minutes: 10,
        }
    }
}

impl Default for SmtpSettings {
    fn default() -> Self {
        Self {
            host: String::new(),
            port: 587,
            tls: SmtpTls::Starttls,
            username: None,
            password: None,
            timeout_seconds: 30,
        }
    }
}

impl OfficeSettings {
    pub fn daily_scan_time(&self) -> Result<chrono::NaiveTime, String> {
        chrono::NaiveTime::parse_from_str(self.daily_scan_at.trim(), "%H:%M").map_err(|_| {
            format!(
                "office.daily_scan_at must be a time of day as HH:MM, not {:?}",
                self.daily_scan_at
            )
        })
    }

    pub fn weekly_report_time(&self) -> Result<chrono::NaiveTime, String> {
        chrono::NaiveTime::parse_from_str(self.weekly_report_at.trim(), "%H:%M").map_err(|_| {
            format!(
                "office.weekly_report_at must be a time of day as HH:MM, not {:?}",
                self.weekly_report_at
            )
        })
    }
}

/// `REFUGE_*` variables that are not settings: the configuration directory itself and the
/// test and CI switches.
const NOT_SETTINGS: &[&str] = &[
    "config_dir",
    "test_postgres_url",
    "ci_postgres_url",
    "browser_tests",
];

impl Settings {
    /// Reads the layers from `config_dir`; a missing file is skipped, a malformed one is an error.
    pub fn load(config_dir: &Path) -> Result<Self, Box<figment::Error>> {
        let environment =
            std::env::var("REFUGE_ENVIRONMENT").unwrap_or_else(|_| "development".into());
        Figment::from(Serialized::defaults(Settings::default()))
            .merge(Toml::file(config_dir.join("default.toml")))
            .merge(Toml::file(config_dir.join(format!("{environment}.toml"))))
            .merge(Env::prefixed("REFUGE_").split("__").ignore(NOT_SETTINGS))
            .merge(
                Env::raw()
                    .only(&["DATABASE_URL"])
                    .map(|_| "database.url".into()),
            )
            .extract()
            .map_err(Box::new)
    }

    /// Checks what the types cannot: a production server must be able to send mail.
    pub fn validate(&self) -> Result<(), String> {
        if self.behind_proxy == Some(true) {
            return Err(
                "behind_proxy was replaced by trusted_proxies: list the addresses or \
                 CIDR ranges of your own reverse proxies, e.g. trusted_proxies = [\"10.0.0.2\"] \
                 (REFUGE_TRUSTED_PROXIES='[\"10.0.0.2\"]'), and remove behind_proxy"
                    .into(),
            );
        }
        self.office.daily_scan_time()?;
        self.office.weekly_report_time()?;
        self.backup.validate()?;
        if self.mail.from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(format!(
                "mail.from is not an email address: {:?}",
                self.mail.from
            ));
        }
        if self.mail.claim_lease_minutes < 1 {
            return Err("mail.claim_lease_minutes must be at least 1".into());
        }
        if self.mail.transport == MailTransport::Smtp && self.mail.smtp.host.trim().is_empty() {
            return Err("mail.transport is smtp but mail.smtp.host is not set".into());
        }
        if self.environment == "production" {
            self.check_https()?;
            if self.mail.transport != MailTransport::Smtp {
                return Err(
                    "production needs a mail server: set mail.transport = \"smtp\" \
                     and mail.smtp.host (REFUGE_MAIL__TRANSPORT, REFUGE_MAIL__SMTP__HOST); \
                     deadline reminders must reach people"
                        .into(),
                );
            }
            let local = matches!(
                self.mail.smtp.host.trim(),
                "localhost" | "127.0.0.1" | "::1"
            );
            if self.mail.smtp.tls == SmtpTls::None && !local {
                return Err(
                    "mail.smtp.tls = \"none\" is allowed in production only for a relay on \
                     this machine (localhost); use starttls or implicit"
                        .into(),
                );
            }
        }
        Ok(())
    }

    /// Production serves over https only: passwords, session cookies and persecution
    /// narratives must not cross a network in clear, and links in emails must be https.
    fn check_https(&self) -> Result<(), String> {
        if self.lab_allow_plain_http {
            return Ok(());
        }
        if !self.https {
            return Err(
                "production needs https = true (REFUGE_HTTPS): Refuge must be served \
                        over https, directly or behind a TLS proxy. For a lab only, \
                        lab_allow_plain_http = true (REFUGE_LAB_ALLOW_PLAIN_HTTP) overrides this"
                    .into(),
            );
        }
        let https_url = self
            .public_url
            .as_deref()
            .is_some_and(|url| url.trim().to_ascii_lowercase().starts_with("https://"));
        if !https_url {
            return Err("production needs public_url (REFUGE_PUBLIC_URL) to be the https:// \
                        address staff use: links in emails must not travel as http. For a lab \
                        only, lab_allow_plain_http = true (REFUGE_LAB_ALLOW_PLAIN_HTTP) overrides this"
                .into());
        }
        Ok(())
    }

    pub fn public_url(&self) -> String {
        let url = match &self.public_url {
            Some(url) => url.clone(),
            None => format!("http://{}", self.listen),
        };
        url.trim_end_matches('/').to_string()
    }
}

#[cfg(test)]
#[allow(clippy::result_large_err)] // figment's Jail closures return its own (large) error type
mod tests {
    use figment::Jail;

    use super::*;

    #[test]
    fn files_then_environment_override_defaults() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "default.toml",
                "listen = \"0.0.0.0:9000\"\n[session]\nidle_timeout_minutes = 20\n",
            )?;
            jail.create_file("production.toml", "https = true\n")?;
            jail.set_env("REFUGE_ENVIRONMENT", "production");
            jail.set_env("REFUGE_SESSION__IDLE_TIMEOUT_MINUTES", "15");
            jail.set_env("DATABASE_URL", "postgres://refuge@db/refuge");
            jail.set_env("REFUGE_CONFIG_DIR", "/etc/refuge");
            jail.set_env("REFUGE_BROWSER_TESTS", "1");
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            assert_eq!(settings.listen, "0.0.0.0:9000");
            assert!(settings.https);
            assert_eq!(settings.session.idle_timeout_minutes, 15);
            assert_eq!(settings.session.absolute_lifetime_hours, 12);
            assert_eq!(
                settings.database.url.expose_secret(),
                "postgres://refuge@db/refuge"
            );
            assert_eq!(settings.public_url(), "http://0.0.0.0:9000");
            Ok(())
        });
    }

    #[test]
    fn secrets_are_read_but_never_shown_in_debug_output() {
        Jail::expect_with(|jail| {
            jail.set_env("DATABASE_URL", "postgres://refuge:db-pass-4711@db/refuge");
            jail.set_env("REFUGE_MAIL__SMTP__USERNAME", "refuge");
            jail.set_env("REFUGE_MAIL__SMTP__PASSWORD", "smtp-pass-0815");
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            assert_eq!(
                settings.database.url.expose_secret(),
                "postgres://refuge:db-pass-4711@db/refuge"
            );
            let smtp = settings
                .mail
                .smtp
                .password
                .as_ref()
                .map(|p| p.expose_secret());
            assert_eq!(smtp, Some("smtp-pass-0815"));
            let shown = format!("{settings:?} {:#?}", settings.clone());
            for secret in ["db-pass-4711", "smtp-pass-0815", "postgres://"] {
                assert!(!shown.contains(secret), "{secret} in {shown}");
            }
            assert!(shown.contains("REDACTED"), "{shown}");
            Ok(())
        });
    }

    #[test]
    fn unknown_keys_are_errors() {
        Jail::expect_with(|jail| {
            jail.create_file("default.toml", "lisen = \"127.0.0.1:1\"\n")?;
            assert!(Settings::load(jail.directory()).is_err());
            Ok(())
        });
    }

    #[test]
    fn missing_files_leave_the_defaults() {
        Jail::expect_with(|jail| {
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            assert_eq!(settings.listen, "127.0.0.1:8080");
            assert_eq!(settings.database.url.expose_secret(), "data/refuge.db");
            Ok(())
        });
    }

    /// A production configuration that passes the https check.
    fn production() -> Settings {
        Settings {
            environment: "production".into(),
            https: true,
            public_url: Some("https://refuge.office.example".into()),
            ..Settings::default()
        }
    }

    #[test]
    fn production_refuses_to_start_without_https_unless_a_lab_says_so() {
        let mut settings = production();
        settings.mail.transport = MailTransport::Smtp;
        settings.mail.smtp.host = "mail.office.example".into();
        assert_eq!(settings.validate(), Ok(()));

        let plain = Settings {
            https: false,
            ..settings.clone()
        };
        let refused = plain.validate().err().unwrap_or_default();
        assert!(refused.contains("https = true"), "{refused}");
        assert!(refused.contains("lab_allow_plain_http"), "{refused}");

        for url in [None, Some("http://refuge.office.example")] {
            let http_url = Settings {
                public_url: url.map(str::to_string),
                ..settings.clone()
            };
            let refused = http_url.validate().err().unwrap_or_default();
            assert!(refused.contains("public_url"), "{url:?}: {refused}");
        }

        // The lab override, explicitly set, lets both through.
        let lab = Settings {
            https: false,
            public_url: Some("http://10.0.0.5:8080".into()),
            lab_allow_plain_http: true,
            ..settings.clone()
        };
        assert_eq!(lab.validate(), Ok(()));
        // Development never asks.
        let development = Settings {
            environment: "development".into(),
            https: false,
            ..settings
        };
        assert_eq!(development.validate(), Ok(()));
    }

    #[test]
    fn production_refuses_to_start_without_a_mail_server() {
        let mut settings = production();
        let refused = settings.validate().err().unwrap_or_default();
        assert!(refused.contains("mail.transport"), "{refused}");
        settings.mail.transport = MailTransport::Smtp;
        assert!(settings.validate().is_err(), "smtp without a host");
        settings.mail.smtp.host = "mail.office.example".into();
        assert_eq!(settings.validate(), Ok(()));
        // Plain text only to a relay on this machine.
        settings.mail.smtp.tls = SmtpTls::None;
        assert!(settings.validate().is_err());
        settings.mail.smtp.host = "localhost".into();
        assert_eq!(settings.validate(), Ok(()));
        // The development default needs nothing.
        assert_eq!(Settings::default().validate(), Ok(()));
    }

    #[test]
    fn trusted_proxies_are_read_as_ranges_and_behind_proxy_is_refused() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "default.toml",
                "trusted_proxies = [\"10.0.0.2\", \"10.1.0.0/16\"]\n",
            )?;
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            let ranges: Vec<String> = settings
                .trusted_proxies
                .iter()
                .map(ToString::to_string)
                .collect();
            assert_eq!(ranges, vec!["10.0.0.2", "10.1.0.0/16"]);
            jail.set_env("REFUGE_TRUSTED_PROXIES", "[\"proxy.example\"]");
            assert!(Settings::load(jail.directory()).is_err(), "not an address");
            Ok(())
        });
        let old_proxy_setting = Settings {
            behind_proxy: Some(true),
            ..Settings::default()
        };
        assert!(
            old_proxy_setting
                .validate()
                .is_err_and(|e| e.contains("trusted_proxies")),
            "behind_proxy = true is refused with a pointer to trusted_proxies"
        );
    }

    #[test]
    fn nightly_backups_are_off_by_default_and_refused_on_without_recipients() {
        assert!(!Settings::default().backup.nightly);
        let key = age::x25519::Identity::generate().to_public().to_string();
        Jail::expect_with(|jail| {
            jail.set_env("REFUGE_BACKUP__NIGHTLY", "true");
            jail.set_env("REFUGE_BACKUP__NIGHTLY_AT", "03:15");
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            let refused = settings.validate().err().unwrap_or_default();
            assert!(refused.contains("backup.recipients is empty"), "{refused}");
            jail.set_env("REFUGE_BACKUP__RECIPIENTS", format!("[\"{key}\"]"));
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            assert_eq!(settings.validate(), Ok(()));
            assert_eq!(settings.backup.recipients, vec![key.clone()]);
            assert_eq!(
                settings.backup.nightly_time(),
                Ok(chrono::NaiveTime::from_hms_opt(3, 15, 0).unwrap_or_default())
            );
            Ok(())
        });
        let on = |change: fn(&mut BackupSettings)| {
            let mut settings = Settings::default();
            settings.backup.nightly = true;
            settings.backup.recipients = vec![key.clone()];
            change(&mut settings.backup);
            settings.validate()
        };
        assert_eq!(on(|_| {}), Ok(()));
        let not_a_key = on(|b| b.recipients = vec!["AGE-SECRET-KEY-1QQQ".into()])
            .err()
            .unwrap_or_default();
        assert!(not_a_key.contains("not an age public key"), "{not_a_key}");
        assert!(on(|b| b.keep = 0).is_err());
        assert!(on(|b| b.nightly_at = "2am".into()).is_err());
        assert!(on(|b| b.directory = " ".into()).is_err());
    }

    #[test]
    fn office_time_zone_and_scan_time_are_read_and_checked() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "default.toml",
                "[office]\ntime_zone = \"America/New_York\"\ndaily_scan_at = \"06:30\"\n",
            )?;
            let settings = Settings::load(jail.directory()).map_err(|e| *e)?;
            assert_eq!(settings.office.time_zone, chrono_tz::America::New_York);
            assert_eq!(
                settings.office.daily_scan_time(),
                Ok(chrono::NaiveTime::from_hms_opt(6, 30, 0).unwrap_or_default())
            );
            jail.create_file("default.toml", "[office]\ntime_zone = \"Mars/Olympus\"\n")?;
            assert!(Settings::load(jail.directory()).is_err());
            Ok(())
        });
        let bad = OfficeSettings {
            daily_scan_at: "7am".into(),
            ..OfficeSettings::default()
        };
        assert!(bad.daily_scan_time().is_err());
        let bad = OfficeSettings {
            weekly_report_at: "25:00".into(),
            ..OfficeSettings::default()
        };
        assert!(bad.weekly_report_time().is_err());
        assert_eq!(
            OfficeSettings::default().weekly_report_time(),
            Ok(chrono::NaiveTime::from_hms_opt(7, 30, 0).unwrap_or_default())
        );
    }
}
