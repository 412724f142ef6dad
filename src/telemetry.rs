//! Logging. Spans carry the route pattern, method, status and a request id: never query
//! strings, form fields or anything else that could hold a client's name.

use std::fmt::Write as _;
use std::io::IsTerminal;

use actix_web::Error;
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Span, Subscriber};
use tracing_actix_web::{DefaultRootSpanBuilder, RootSpanBuilder};
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;

/// Installs the global subscriber; `RUST_LOG` overrides the configured filter.
pub fn init(filter: &str) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(filter));
    // Logs go to stderr; stdout is for what commands print (the setup link, `user list`).
    // Colour only on a terminal: a log file or journal would keep the escape codes.
    let output = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(filter_fn(|meta| !is_client_fault(meta)));
    // A second call (tests start many apps) keeps the first subscriber. `ClientFaults` comes
    // last: the event it logs again must not reach the output before the original is dropped.
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(output)
        .with(ClientFaults)
        .try_init();
}

/// actix-http reports a connection a client broke (a malformed request line or header, a
/// body that never came) as an ERROR of its HTTP/1 dispatcher. It is the client's fault,
/// not the server's: that event is not written, and is logged again at DEBUG under
/// `refuge::http`.
fn is_client_fault(meta: &Metadata<'_>) -> bool {
    meta.target() == "actix_http::h1::dispatcher" && *meta.level() <= Level::WARN
}

struct ClientFaults;

impl<S: Subscriber> Layer<S> for ClientFaults {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if is_client_fault(event.metadata()) {
            let mut message = Message(String::new());
            event.record(&mut message);
            tracing::debug!(target: "refuge::http", "malformed request or broken connection: {}", message.0);
        }
    }
}

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        }
    }
}

pub struct RequestSpan;

impl RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &ServiceRequest) -> Span {
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "unmatched".into());
        tracing::info_span!(
            "request",
            method = %request.method(),
            route = %route,
            request_id = %uuid::Uuid::new_v4(),
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: MessageBody>(span: Span, outcome: &Result<ServiceResponse<B>, Error>) {
        if let Ok(response) = outcome {
            span.record("status", response.status().as_u16());
            span.in_scope(|| tracing::info!("request finished"));
        }
        DefaultRootSpanBuilder::on_request_end(span, outcome);
    }
}
