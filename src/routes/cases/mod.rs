//! Cases: the case list, the case page and its forms, search and the conflict check, and
//! the JSON API.

pub mod api;
pub mod conflicts;
pub mod html;
pub mod i589;
pub mod intake;
pub mod list;
pub mod questionnaires;
pub mod revisions;
pub mod revisions_api;
