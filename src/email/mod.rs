//! Sending email: the transports (SMTP for production, `.eml` files on a fresh machine) and
//! the conversion of an outbox row into a MIME message. What is sent, to whom and when is
//! decided in `services::notifications` and `services::outbox`.

pub mod render;

use secrecy::ExposeSecret;
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::config::{MailSettings, MailTransport, SmtpTls};
use crate::private_files;

/// One message as it leaves Refuge.
#[derive(Debug, Clone)]
pub struct OutgoingMessage {
    /// The outbox row's id: the Message-ID is made from it, so a retry after an uncertain
    /// send is recognisably the same message.
    pub id: uuid::Uuid,
    pub to: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

/// Where messages go.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    File {
        transport: AsyncFileTransport<Tokio1Executor>,
        directory: PathBuf,
        from: Mailbox,
    },
}

impl Mailer {
    pub fn from_settings(settings: &MailSettings) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .from
            .parse()
            .with_context(|| format!("mail.from is not an address: {:?}", settings.from))?;
        Ok(match settings.transport {
            MailTransport::File => {
                let directory = PathBuf::from(&settings.directory);
                private_files::create_dir(&directory).with_context(|| {
                    format!("cannot create the mail directory {}", directory.display())
                })?;
                private_files::refuse_shared(&[(directory.as_path(), true)])?;
                Self::File {
                    transport: AsyncFileTransport::new(&directory),
                    directory,
                    from,
                }
            }
            MailTransport::Smtp => {
                let smtp = &settings.smtp;
                let host = smtp.host.trim();
                let builder = match smtp.tls {
                    SmtpTls::Starttls => {
                        AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?
                    }
                    SmtpTls::Implicit => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                };
                let mut builder = builder
                    .port(smtp.port)
                    .timeout(Some(Duration::from_secs(smtp.timeout_seconds)));
                if let (Some(user), Some(password)) = (&smtp.username, &smtp.password) {
                    // Exposed here only, to hand to lettre (whose `Credentials` hides it too).
                    builder = builder.credentials(Credentials::new(
                        user.clone(),
                        password.expose_secret().to_string(),
                    ));
                }
                Self::Smtp {
                    transport: builder.build(),
                    from,
                }
            }
        })
    }

    fn from(&self) -> &Mailbox {
        match self {
            Self::Smtp { from, .. } | Self::File { from, .. } => from,
        }
    }

    /// Where the `file` transport writes, for the README's "open what would have been sent".
    pub fn directory(&self) -> Option<&PathBuf> {
        match self {
            Self::File { directory, .. } => Some(directory),
            Self::Smtp { .. } => None,
        }
    }

    /// Builds the MIME message: a plain-text and an HTML alternative, a stable Message-ID.
    pub fn build(&self, message: &OutgoingMessage) -> anyhow::Result<Message> {
        let from = self.from();
        let to: Mailbox = message
            .to
            .parse()
            .context("the recipient's address is not valid")?;
        Ok(Message::builder()
            .message_id(Some(format!(
                "<{}@{}>",
                message.id.simple(),
                from.email.domain()
            )))
            .date(SystemTime::from(message.created_at))
            .from(from.clone())
            .to(to)
            .subject(message.subject.clone())
            .multipart(MultiPart::alternative_plain_html(
                message.text_body.clone(),
                message.html_body.clone(),
            ))?)
    }

    /// Whether the transport would take a message now: the SMTP server answers (connect,
    /// greeting, EHLO, and TLS and login when configured), or the mail directory exists.
    pub async fn is_reachable(&self) -> bool {
        match self {
            Self::Smtp { transport, .. } => transport.test_connection().await.unwrap_or(false),
            Self::File { directory, .. } => directory.is_dir(),
        }
    }

    /// Sends one message; an error means it may or may not have gone and will be retried.
    pub async fn send(&self, message: &OutgoingMessage) -> anyhow::Result<()> {
        let email = self.build(message)?;
        match self {
            Self::Smtp { transport, .. } => {
                transport.send(email).await?;
            }
            Self::File {
                transport,
                directory,
                ..
            } => {
                let id = transport.send(email).await?;
                // lettre creates the file under the umask; the directory is owner-only
                // already, and the message is made so too.
                private_files::make_private(&directory.join(format!("{id}.eml")))
                    .context("making the mail file private")?;
            }
        }
        Ok(())
    }
}
