//! Who is asking, and may they: passwords, sessions, API tokens, CSRF, throttling and the
//! policy every route consults.

pub mod anonymous_limit;
pub mod client_address;
pub mod csrf;
pub mod extractors;
pub mod passwords;
pub mod policy;
pub mod session;
pub mod throttle;
pub mod tokens;
