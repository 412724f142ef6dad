//! Pure types and rules: no actix, no diesel. Values that parse here are valid everywhere.

pub mod a_number;
pub mod audit;
pub mod audit_chain;
pub mod case_file;
pub mod case_stage;
pub mod case_work;
pub mod claim_answers;
pub mod codes;
pub mod deadlines;
pub mod holidays;
pub mod ids;
pub mod inquiry;
pub mod intake;
pub mod names;
pub mod nightly_backup;
pub mod notifications;
pub mod paging;
pub mod password;
pub mod questionnaire;
pub mod reports;
pub mod retention;
pub mod revision;
pub mod second_factor;
pub mod staff;
pub mod text;
pub mod user_agent;
