//! Signing in and out: the login page and API tokens.

pub mod api;
pub mod html;
pub mod second_factor;
