//! Pure types and rules: no actix, no diesel. Values that parse here are valid everywhere.

pub mod case_stage;
pub mod deadlines;
pub mod holidays;
pub mod ids;
pub mod password;
pub mod staff;
