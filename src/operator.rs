//! What the operator's command-line tools share (`refuge` and `refuge-demo`): reading a
//! password from standard input and explaining a failed use case in words.

use std::io::BufRead;

use anyhow::{Context, bail};

use crate::error::AppError;

/// An error of a use case as the operator should read it: the messages, not the variant.
pub fn explain(err: AppError) -> anyhow::Error {
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

/// The first line of standard input, without its line ending; empty is an error.
pub fn read_password() -> anyhow::Result<String> {
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
