//! Who is asking, and may they: passwords, sessions, API tokens, CSRF, throttling and the
//! policy every route consults, and the case scope every query that reads cases takes.

pub mod anonymous_limit;
pub mod client_address;
pub mod csrf;
pub mod extractors;
pub mod form_token;
pub mod passwords;
pub mod policy;
pub mod scope;
pub mod session;
pub mod throttle;
pub mod tokens;
