//! One's own account: language, password, and `GET /api/v1/me`.

pub mod api;
pub mod html;
pub mod second_factor;
