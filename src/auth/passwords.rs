//! Argon2id password hashing (OWASP parameters), off the async executor and capped in
//! concurrency: each hash takes 19 MiB and a core for about 20 ms.

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher as _, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use tokio::sync::Semaphore;

use crate::domain::password::NewPassword;
use crate::error::AppError;

fn argon2() -> Result<Argon2<'static>, AppError> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|err| AppError::internal(anyhow::anyhow!("argon2 parameters: {err}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes on the calling thread; for the CLI and for code already off the executor.
pub fn hash_blocking(password: &NewPassword) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut OsRng);
    argon2()?
        .hash_password(password.expose().as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(|err| AppError::internal(anyhow::anyhow!("hashing a password: {err}")))
}

fn verify_blocking(password: &str, hash: &str) -> Result<bool, AppError> {
    let parsed = PasswordHash::new(hash)
        .map_err(|err| AppError::internal(anyhow::anyhow!("stored password hash: {err}")))?;
    Ok(argon2()?
        .verify_password(password.as_bytes(), &parsed)
        .is_ok())
}

#[derive(Clone)]
pub struct PasswordHasher {
    permits: Arc<Semaphore>,
    /// Verified against when an account has no password, so that an unknown email costs
    /// as much time as a wrong password.
    dummy_hash: Arc<str>,
}

impl PasswordHasher {
    pub fn new(max_concurrent: usize) -> Result<Self, AppError> {
        let dummy = NewPassword::parse("unused dummy password for timing")
            .map_err(|m| AppError::internal(anyhow::anyhow!("dummy password: {}", m.key)))?;
        Ok(Self {
            permits: Arc::new(Semaphore::new(max_concurrent.max(1))),
            dummy_hash: hash_blocking(&dummy)?.into(),
        })
    }

    pub async fn hash(&self, password: NewPassword) -> Result<String, AppError> {
        let _permit = self.permit().await?;
        actix_web::web::block(move || hash_blocking(&password))
            .await
            .map_err(AppError::internal)?
    }

    /// True only when `hash` exists and matches; with no hash, the same work is done anyway.
    pub async fn verify(&self, password: String, hash: Option<String>) -> Result<bool, AppError> {
        let _permit = self.permit().await?;
        let dummy = self.dummy_hash.clone();
        actix_web::web::block(move || match hash {
            Some(hash) => verify_blocking(&password, &hash),
            None => verify_blocking(&password, &dummy).map(|_| false),
        })
        .await
        .map_err(AppError::internal)?
    }

    async fn permit(&self) -> Result<tokio::sync::SemaphorePermit<'_>, AppError> {
        self.permits.acquire().await.map_err(AppError::internal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() -> Result<(), AppError> {
        let password =
            NewPassword::parse("correct horse battery staple").map_err(AppError::BadRequest)?;
        let hash = hash_blocking(&password)?;
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        assert!(verify_blocking("correct horse battery staple", &hash)?);
        assert!(!verify_blocking("correct horse battery stapler", &hash)?);
        Ok(())
    }
}
