#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail loudly
//! The one integration-test binary (one link step, one process): every area of Refuge is
//! tested through the front door, against a real server on a fresh database.
//! Set `REFUGE_TEST_POSTGRES_URL` to run the same suite against PostgreSQL.

mod helpers;

mod anonymous_forms;
mod api;
mod api_contract;
mod assets;
mod audit_chain;
mod audit_trail;
mod auth;
mod backup;
mod browser;
mod canary;
mod case_file;
mod case_list;
mod case_page;
mod case_scope;
mod cases_api;
mod cli;
mod deadlines;
mod demo_data;
mod faults;
mod form_posts;
mod health;
mod held_forms;
mod i18n;
mod i589_applicant;
mod i589_background;
mod i589_check;
mod i589_claim;
mod i589_family;
mod i589_filing;
mod i589_sheet;
mod inquiry;
mod intake;
mod lock;
mod mail;
mod mail_recovery;
mod nightly_backup;
mod notifications;
mod office_time;
mod permissions;
mod private_urls;
mod purge;
mod questionnaire;
mod read_audit;
mod refusals;
mod reports;
mod retention;
mod revisions;
mod search;
mod second_factor;
mod serving_role;
mod sessions;
mod setup;
mod staff_admin;
mod sweeping;
mod triage;
