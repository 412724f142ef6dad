//! `GET /api/v1/openapi.json`: the API described from the code that serves it.

use actix_web::HttpResponse;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{Content, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi};

use super::{account, audit, cases, reports, search, sessions, staff, triage};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Refuge API",
        description = "Case-intake tracker for immigration law offices. Authenticate with \
            `POST /api/v1/tokens`, then send `Authorization: Bearer <token>`. Errors are \
            RFC 9457 problem documents (`application/problem+json`).",
    ),
    paths(
        sessions::api::create_token,
        sessions::api::revoke_current_token,
        account::api::me,
        staff::api::list,
        staff::api::create,
        staff::api::update,
        search::search_api,
        cases::api::list,
        cases::api::create,
        cases::api::show,
        cases::i589::show_api,
        cases::api::update_intake,
        cases::api::transition,
        cases::api::set_key_dates,
        cases::api::add_event,
        cases::api::record_event_outcome,
        cases::api::add_checklist_item,
        cases::api::update_checklist_item,
        cases::api::add_note,
        audit::api::list,
        cases::api::record_conflict_check,
        cases::api::change_ead_clock,
        cases::revisions_api::list,
        cases::revisions_api::show,
        cases::revisions_api::decide,
        account::api::notification_preferences,
        account::api::set_notification_preferences,
        reports::api::weekly,
        triage::api::list,
        triage::api::take,
        triage::api::merge,
        triage::api::decline,
    ),
    modifiers(&BearerAuth, &StandardResponses),
    tags(
        (name = "tokens", description = "Bearer tokens"),
        (name = "staff", description = "Staff accounts"),
        (name = "cases", description = "Case files: intake, stages, deadlines"),
        (name = "audit", description = "The audit log, for export to a log system"),
        (name = "reports", description = "The weekly caseload report"),
        (name = "triage", description = "Inquiries from the public form: the queue and its actions"),
    )
)]
pub struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// Statuses the extractors and middleware answer before any handler runs, added to every
/// operation they can reach so the document lists every status the server can send.
struct StandardResponses;

impl StandardResponses {
    fn problem(description: &str) -> Response {
        ResponseBuilder::new()
            .description(description)
            .content(
                "application/problem+json",
                Content::new(Some(Ref::from_schema_name("Problem"))),
            )
            .build()
    }

    fn add(operation: &mut Operation, status: &str, description: &str) {
        operation
            .responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| Self::problem(description).into());
    }
}

impl Modify for StandardResponses {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                (&mut item.get, false),
                (&mut item.put, true),
                (&mut item.post, true),
                (&mut item.delete, true),
                (&mut item.patch, true),
            ];
            for (operation, writes) in operations {
                let Some(operation) = operation else {
                    continue;
                };
                let body = operation.request_body.is_some();
                let secured = operation.security.as_ref().is_some_and(|s| !s.is_empty());
                let located_in = |place: ParameterIn| {
                    operation.parameters.iter().flatten().any(|p| match p {
                        RefOr::T(p) => p.parameter_in == place,
                        RefOr::Ref(_) => false,
                    })
                };
                let (query, path) = (
                    located_in(ParameterIn::Query),
                    located_in(ParameterIn::Path),
                );
                if body || query {
                    Self::add(operation, "400", "Malformed body or query");
                }
                if secured {
                    Self::add(operation, "401", "No valid bearer token or session");
                }
                if secured && writes {
                    Self::add(
                        operation,
                        "403",
                        "Signed in with the session cookie but without its `X-CSRF-Token`",
                    );
                }
                if path {
                    Self::add(operation, "404", "No such record, or a malformed id");
                }
                if body {
                    Self::add(operation, "413", "Body larger than `api.json_limit_bytes`");
                    Self::add(operation, "415", "Body not sent as `application/json`");
                }
                Self::add(
                    operation,
                    "503",
                    "The database cannot be reached; try again",
                );
            }
        }
    }
}

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;

    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    use super::*;
    use crate::domain::applicant::CourtProceedings;
    use crate::domain::audit::AuditAction;
    use crate::domain::case_stage::{CaseStage, ClaimKind};
    use crate::domain::claim_answers::{Answer, Ground};
    use crate::domain::codes::{
        ChecklistStatus, HearingKind, ImmigrationStatus, MannerOfEntry, MaritalStatus, Persecutor,
        Relationship, Sex, TravelMode,
    };
    use crate::domain::inquiry::{UrgencyReason, Whereabouts};
    use crate::domain::notifications::{Delivery, NotificationKind};
    use crate::domain::revision::{Outcome, RevisionStatus};
    use crate::domain::staff::Role;
    use crate::i18n::Language;
    use crate::routes::cases::api::{ConflictCheckOutcome, EadClockAction};
    use crate::routes::cases::i589::SheetState;
    use crate::routes::cases::revisions_api::{DecisionJson, RemainingJson};

    /// What serde sends for every value, each checked to be read back as itself.
    fn wire<T: Serialize + DeserializeOwned + PartialEq + Debug>(all: &[T]) -> Vec<Value> {
        all.iter()
            .map(|value| {
                let sent = serde_json::to_value(value).unwrap();
                let read: T = serde_json::from_value(sent.clone()).unwrap();
                assert_eq!(&read, value, "{sent} does not read back");
                sent
            })
            .collect()
    }

    /// Values only taken, never sent: each checked to be read.
    fn accepted<T: DeserializeOwned>(values: &[Value]) -> Vec<Value> {
        for value in values {
            serde_json::from_value::<T>(value.clone())
                .unwrap_or_else(|e| panic!("{value} is not accepted: {e}"));
        }
        values.to_vec()
    }

    fn enums(value: &Value, at: String, found: &mut Vec<(String, Value)>) {
        match value {
            Value::Object(map) => {
                if let Some(values) = map.get("enum") {
                    found.push((at.clone(), values.clone()));
                }
                for (key, child) in map {
                    enums(child, format!("{at}/{key}"), found);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    enums(child, format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }

    #[test]
    fn every_enum_in_the_document_is_what_the_server_sends_and_accepts() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let day = chrono::NaiveDate::default();
        let urgency = [
            UrgencyReason::OneYearPassed { deadline: day },
            UrgencyReason::OneYearSoon {
                deadline: day,
                days_left: 1,
            },
            UrgencyReason::Detained,
            UrgencyReason::HearingSoon {
                on: day,
                days_left: 1,
            },
        ];
        // An urgency reason is tagged: each variant's schema is an enum of its one tag.
        let tags = urgency.iter().map(|reason| {
            let sent = serde_json::to_value(reason).unwrap();
            vec![sent["reason"].clone()]
        });
        // A review decision is tagged too, and only ever received.
        let decisions = [
            json!({"decision": "accept"}),
            json!({"decision": "edit", "value": ""}),
            json!({"decision": "reject"}),
        ];
        let decision_tags = accepted::<DecisionJson>(&decisions)
            .into_iter()
            .map(|decision| vec![decision["decision"].clone()]);
        let known: Vec<Vec<Value>> = [
            wire(Sex::ALL),
            wire(MannerOfEntry::ALL),
            wire(TravelMode::ALL),
            wire(Relationship::ALL),
            wire(MaritalStatus::ALL),
            wire(Persecutor::ALL),
            wire(ImmigrationStatus::ALL),
            wire(ChecklistStatus::ALL),
            wire(HearingKind::ALL),
            wire(&CaseStage::ALL),
            wire(&ClaimKind::ALL),
            wire(&Role::ALL),
            wire(&Language::STAFF),
            wire(&NotificationKind::ALL),
            wire(&Delivery::ALL),
            wire(&[ConflictCheckOutcome::Clear, ConflictCheckOutcome::Conflict]),
            wire(&[EadClockAction::Stop, EadClockAction::Restart]),
            wire(&Whereabouts::ALL),
            wire(Answer::ALL),
            wire(Ground::ALL),
            wire(CourtProceedings::ALL),
            wire(&SheetState::ALL),
            wire(&[Outcome::Accepted, Outcome::Edited, Outcome::Rejected]),
            wire(&[RevisionStatus::Pending, RevisionStatus::Reviewed]),
            accepted::<RemainingJson>(&[json!("undecided"), json!("accept"), json!("reject")]),
            // Sent as stored, not through serde: the stored code must read back as itself.
            AuditAction::ALL
                .iter()
                .map(|action| {
                    assert_eq!(AuditAction::parse(action.code()), Some(*action));
                    Value::from(action.code())
                })
                .collect(),
        ]
        .into_iter()
        .chain(tags)
        .chain(decision_tags)
        .collect();
        let mut found = Vec::new();
        enums(&doc, String::new(), &mut found);
        assert!(found.len() >= known.len(), "{found:?}");
        for (at, values) in found {
            let values = values.as_array().unwrap().clone();
            assert!(
                known.contains(&values),
                "{at}: {values:?} is not the wire form of any type listed in this test"
            );
        }
        assert_eq!(
            doc["components"]["schemas"]["MannerOfEntry"]["enum"][0],
            "port_parole"
        );
    }

    #[test]
    fn every_write_operation_documents_the_extractors_statuses() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                let responses = operation["responses"].as_object().unwrap();
                let wanted: &[&str] = if operation.get("requestBody").is_some() {
                    &["400", "413", "415", "503"]
                } else {
                    &["503"]
                };
                for status in wanted {
                    assert!(
                        responses.contains_key(*status),
                        "{method} {path} does not document {status}"
                    );
                }
            }
        }
    }
}
