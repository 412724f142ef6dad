//! Input no parser should see is refused at the door: a control character in a query
//! parameter or in a JSON body's text answers 400 naming the parameter or field. PostgreSQL
//! cannot store U+0000 at all, so without this a NUL in a filter became a 500 there.
//!
//! HTML form bodies are not checked here: each form's parser refuses control characters
//! itself (`domain::text`) so that the form comes back filled in, with the message at its
//! field.

use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::web;
use serde_json::Value;

use crate::auth::csrf::read_body;
use crate::domain::text;
use crate::error::{AppError, FieldError};
use crate::state::AppState;

pub async fn reject_control_characters(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if let Some(error) = query_problem(req.query_string()) {
        return Ok(req.error_response(error).map_into_right_body());
    }
    if is_json(&req) {
        let limit = req
            .app_data::<web::Data<AppState>>()
            .map_or(256 * 1024, |state| state.settings.api.json_limit_bytes);
        let body = match read_body(&mut req, limit).await {
            Ok(body) => body,
            Err(err) => return Ok(req.error_response(err).map_into_right_body()),
        };
        // A body that does not parse is left to the JSON extractor, which says why.
        let problem = serde_json::from_slice::<Value>(&body)
            .ok()
            .and_then(|value| json_problem(&value, &mut Vec::new()));
        if let Some(error) = problem {
            return Ok(req.error_response(error).map_into_right_body());
        }
        req.set_payload(Payload::from(body));
    }
    next.call(req)
        .await
        .map(ServiceResponse::map_into_left_body)
}

fn is_json(req: &ServiceRequest) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            let mime = value.split(';').next().unwrap_or_default().trim();
            mime.eq_ignore_ascii_case("application/json") || mime.ends_with("+json")
        })
}

/// The first query parameter whose name or value holds a control character. A filter is
/// one line: line breaks and tabs are refused too.
fn query_problem(query: &str) -> Option<AppError> {
    url::form_urlencoded::parse(query.as_bytes())
        .find_map(|(name, value)| {
            text::check_line(&name)
                .and(text::check_line(&value))
                .err()
                .map(|message| (name, message))
        })
        .map(|(name, message)| AppError::BadField(FieldError::new(shown(&name), message)))
}

/// The first text in a JSON document (a key or a string value) with a control character
/// other than a line break or tab, named by its path as forms name fields
/// (`family.2.notes`).
fn json_problem(value: &Value, path: &mut Vec<String>) -> Option<AppError> {
    match value {
        Value::String(s) => text::check_block(s)
            .err()
            .map(|message| AppError::BadField(FieldError::new(path.join("."), message))),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            path.push(i.to_string());
            let found = json_problem(item, path);
            path.pop();
            found
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            path.push(shown(key));
            let found = match text::check_block(key) {
                Err(message) => Some(AppError::BadField(FieldError::new(path.join("."), message))),
                Ok(()) => json_problem(item, path),
            };
            path.pop();
            found
        }),
        Value::Null | Value::Bool(_) | Value::Number(_) => None,
    }
}

/// A name as it may be shown back: its control characters replaced.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if text::allowed_in_line(c) {
                c
            } else {
                char::REPLACEMENT_CHARACTER
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(error: Option<AppError>) -> Option<String> {
        match error {
            Some(AppError::BadField(e)) => Some(e.field),
            _ => None,
        }
    }

    #[test]
    fn a_nul_in_a_query_names_its_parameter() {
        assert_eq!(
            field(query_problem("stage=filed&port=%00")),
            Some("port".into())
        );
        assert_eq!(field(query_problem("x%00=1")), Some("x\u{fffd}".into()));
        assert_eq!(field(query_problem("port=San%20Ysidro&page=2")), None);
    }

    #[test]
    fn a_line_break_in_a_filter_is_refused() {
        assert_eq!(field(query_problem("q=Ivanov%0A")), Some("q".into()));
    }

    #[test]
    fn json_fields_are_named_by_their_path() {
        let body = serde_json::json!({
            "client": { "family_name": "Ivanova" },
            "family": [{ "notes": "ok\nok" }, { "notes": "bad\u{0}" }],
        });
        assert_eq!(
            field(json_problem(&body, &mut Vec::new())),
            Some("family.1.notes".into())
        );
    }

    #[test]
    fn json_narratives_keep_line_breaks_and_tabs() {
        let body = serde_json::json!({ "description": "Минск,\r\n\tобыск" });
        assert_eq!(field(json_problem(&body, &mut Vec::new())), None);
    }
}
