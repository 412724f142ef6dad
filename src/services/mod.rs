//! Use cases, one function each: authorize, validate, run the transaction, write the audit
//! entry in that same transaction.

pub mod accounts;
pub mod api_tokens;
pub mod audit;
pub mod cases;
pub mod intake;
pub mod sessions;
pub mod staff;
