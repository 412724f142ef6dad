//! What every request handler and service shares.

use std::sync::Arc;

use crate::auth::passwords::PasswordHasher;
use crate::clock::SharedClock;
use crate::config::Settings;
use crate::db::Db;

pub struct AppState {
    pub db: Db,
    pub clock: SharedClock,
    pub settings: Arc<Settings>,
    pub passwords: PasswordHasher,
}

impl AppState {
    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}
