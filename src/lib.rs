//! Refuge: the case-intake tracker of an immigration law office.

pub mod auth;
pub mod backup;
pub mod cli;

pub mod clock;
pub mod config;
pub mod crypto;
pub mod database_url;
pub mod db;
pub mod domain;
pub mod email;
pub mod error;
pub mod i18n;
pub mod operator;
pub mod private_files;
pub mod routes;
pub mod services;
pub mod startup;
pub mod stash;
pub mod state;
pub mod telemetry;
pub mod worker;
