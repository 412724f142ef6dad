//! Pure types and rules: no actix, no diesel. Values that parse here are valid everywhere.

pub mod ids;
pub mod password;
pub mod staff;
