//! Use cases, one function each: authorize, validate, run the transaction, write the audit
//! entry in that same transaction.

pub mod accounts;
pub mod api_tokens;
pub mod audit;
pub mod case_access;
pub mod case_list;
pub mod cases;
pub mod conflicts;
pub mod data_keys;
pub mod held_forms;
pub mod inquiries;
pub mod intake;
pub mod lock;
pub mod nightly_backup;
pub mod notifications;
pub mod office_settings;
pub mod outbox;
pub mod questionnaires;
pub mod reminders;
pub mod reports;
pub mod retention;
pub mod revisions;
pub mod search;
pub mod second_factor;
pub mod server_secrets;
pub mod sessions;
pub mod staff;
pub mod sweep;
pub mod throttle;
