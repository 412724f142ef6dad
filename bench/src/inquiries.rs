//! The public inquiry form under load (issue 15): anonymous visitors who open `/inquiry`
//! (the form's CSRF token and its signed time stamp), wait the form's minimum age as a
//! person typing would, and send valid answers.
//!
//! Every inquiry comes from an address of its own in `X-Forwarded-For` (10.0.0.0/8, as a
//! flood from many machines arrives): the server must list 127.0.0.1 in `trusted_proxies`,
//! or every inquiry counts against the one address's limits. The waiting is pipelined: a
//! visitor keeps forms it has opened in a queue and sends the oldest once it is old
//! enough, opening new ones meanwhile, so that what is measured is the server's work and
//! not the minimum age.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::LOCATION;
use reqwest::redirect::Policy;
use tokio::sync::Mutex;

use crate::{Error, Pick, attribute_after, csrf_token};

/// A form as shown to one visitor: what it must send back, and when it was shown.
pub struct ShownForm {
    visitor: usize,
    csrf: String,
    stamp: String,
    address: String,
    shown: Instant,
}

/// Anonymous browsers (each its own cookie jar: the form's token is bound to its cookie)
/// and the forms they have open, oldest first.
pub struct Visitors {
    url: String,
    clients: Vec<reqwest::Client>,
    open: Vec<Mutex<VecDeque<ShownForm>>>,
    /// Forms shown so far: the next address and the next set of answers.
    counter: AtomicU64,
    /// How long a form is kept before it is sent: the server's `min_seconds_to_fill` and a
    /// margin for the clocks' granularity.
    pub min_age: Duration,
}

impl Visitors {
    pub fn new(url: &str, count: usize, min_age: Duration) -> Result<Self, Error> {
        let mut clients = Vec::with_capacity(count);
        for _ in 0..count {
            clients.push(
                reqwest::Client::builder()
                    .cookie_store(true)
                    .redirect(Policy::none())
                    .pool_max_idle_per_host(1)
                    .build()?,
            );
        }
        Ok(Self {
            url: url.to_string(),
            open: (0..count).map(|_| Mutex::new(VecDeque::new())).collect(),
            clients,
            counter: AtomicU64::new(1),
            min_age,
        })
    }

    /// `GET /inquiry` as visitor `visitor` from a fresh address; the form is kept open.
    pub async fn show(&self, visitor: usize) -> Result<(), String> {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let address = format!("10.{}.{}.{}", (n >> 16) & 255, (n >> 8) & 255, n & 255);
        let lang = LANGUAGES[(n % LANGUAGES.len() as u64) as usize];
        let response = self.clients[visitor]
            .get(format!("{}/inquiry?lang={lang}", self.url))
            .header("X-Forwarded-For", &address)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let html = response.text().await.map_err(|e| e.to_string())?;
        if status != StatusCode::OK {
            return Err(format!(
                "GET /inquiry: {status}: {}",
                &html[..html.len().min(300)]
            ));
        }
        let csrf = csrf_token(&html).ok_or("no CSRF token on /inquiry (is the form on?)")?;
        let stamp = attribute_after(&html, "name=\"stamp\" value=\"")
            .filter(|s| !s.is_empty())
            .ok_or("no time stamp on /inquiry")?;
        self.open[visitor].lock().await.push_back(ShownForm {
            visitor,
            csrf,
            stamp,
            address,
            shown: Instant::now(),
        });
        Ok(())
    }

    /// The oldest form visitor `visitor` has open, if it is old enough to send.
    pub async fn ripe(&self, visitor: usize) -> Option<ShownForm> {
        let mut open = self.open[visitor].lock().await;
        if open.front()?.shown.elapsed() >= self.min_age {
            open.pop_front()
        } else {
            None
        }
    }

    /// How long until visitor `visitor`'s oldest form may be sent (`None`: none open).
    pub async fn wait_for_ripe(&self, visitor: usize) -> Option<Duration> {
        let open = self.open[visitor].lock().await;
        Some(self.min_age.saturating_sub(open.front()?.shown.elapsed()))
    }

    pub async fn open_count(&self, visitor: usize) -> usize {
        self.open[visitor].lock().await.len()
    }

    pub fn count(&self) -> usize {
        self.clients.len()
    }

    /// `POST /inquiry` with valid answers; accepted means the 303 to the confirmation.
    pub async fn send(&self, form: ShownForm, pick: &mut Pick) -> Result<(), String> {
        let n = pick.next(1_000_000);
        let (given, given_native) = crate::GIVEN[n % crate::GIVEN.len()];
        let (family, family_native) = crate::FAMILY[(n / 7) % crate::FAMILY.len()];
        // Half mark their email safe: those get an acknowledgment through the outbox.
        let email_safe = if n.is_multiple_of(2) { "on" } else { "" };
        let in_us = !n.is_multiple_of(3);
        let answers: Vec<(&str, String)> = vec![
            ("csrf_token", form.csrf),
            ("stamp", form.stamp),
            ("website", String::new()),
            ("lang", LANGUAGES[n % LANGUAGES.len()].into()),
            ("family_name", family.into()),
            ("given_name", given.into()),
            ("native_name", format!("{family_native} {given_native}")),
            ("email", format!("inquiry{n}@example.com")),
            ("email_safe", email_safe.into()),
            ("phone", "+52 664 123 4567".into()),
            (
                "nationality",
                if n.is_multiple_of(2) { "RU" } else { "UA" }.into(),
            ),
            (
                "whereabouts",
                if in_us { "united_states" } else { "mexico" }.into(),
            ),
            (
                "last_arrival_on",
                if in_us {
                    format!("2026-0{}-1{}", 1 + n % 9, n % 10)
                } else {
                    String::new()
                },
            ),
            (
                "detained",
                if n.is_multiple_of(11) { "yes" } else { "no" }.into(),
            ),
            ("has_hearing", "no".into()),
            ("travelling_family", (n % 4).to_string()),
            (
                "preferred_language",
                if n.is_multiple_of(2) { "ru" } else { "uk" }.into(),
            ),
            (
                "account",
                "Detained for three days after a rally; my brother was threatened.".into(),
            ),
            ("consent", "on".into()),
        ];
        let response = self.clients[form.visitor]
            .post(format!("{}/inquiry", self.url))
            .header("X-Forwarded-For", &form.address)
            .form(&answers)
            .send()
            .await
            .map_err(|e| e.to_string())?;
        let status = response.status();
        let accepted = status == StatusCode::SEE_OTHER
            && response
                .headers()
                .get(LOCATION)
                .and_then(|l| l.to_str().ok())
                .is_some_and(|l| l.contains("sent=1"));
        let body = response.bytes().await.map_err(|e| e.to_string())?;
        if accepted {
            Ok(())
        } else {
            let text = String::from_utf8_lossy(&body);
            // The page's problem, not its whole head.
            let problem = text
                .find("class=\"problem")
                .or_else(|| text.find("field-error"))
                .map_or(&text[..text.len().min(300)], |at| {
                    &text[at..text.len().min(at + 300)]
                });
            Err(format!("POST /inquiry: {status}: {problem}"))
        }
    }
}

const LANGUAGES: [&str; 4] = ["ru", "uk", "es", "en"];

/// Forms a closed-loop visitor keeps open at most (it waits for the oldest beyond that).
const MAX_OPEN: usize = 64;

/// One step of a closed-loop visitor. Once its oldest form is old enough: send it, then
/// open one in its place, so that forms are opened as fast as they are sent; until then
/// open more (or, with enough open, wait for the oldest). Returns what was timed: each
/// request's variant (`form` or `sent`), latency and outcome.
pub async fn closed_loop_step(
    visitors: &Visitors,
    visitor: usize,
    pick: &mut Pick,
) -> Vec<(&'static str, Duration, Result<(), String>)> {
    let mut timed = Vec::with_capacity(2);
    if let Some(form) = visitors.ripe(visitor).await {
        let started = Instant::now();
        let result = visitors.send(form, pick).await;
        timed.push(("sent", started.elapsed(), result));
    } else if visitors.open_count(visitor).await >= MAX_OPEN {
        if let Some(wait) = visitors.wait_for_ripe(visitor).await {
            tokio::time::sleep(wait).await;
        }
        return timed;
    }
    let started = Instant::now();
    let result = visitors.show(visitor).await;
    timed.push(("form", started.elapsed(), result));
    timed
}

/// What the open-loop side load did.
#[derive(Default)]
pub struct SideOutcome {
    pub sent_us: Vec<u64>,
    pub shown_us: Vec<u64>,
    pub errors: u64,
    pub first_error: Option<String>,
    /// Ticks at which no form was old enough to send (the pool was too small).
    pub missed: u64,
    /// Seconds the side load was on.
    pub on_seconds: f64,
}

/// Inquiries arriving at `rate` a second, open loop, while `on(now)` says so, until
/// `until`: at every tick one form is sent (the oldest open, old enough) and one is
/// opened in its place, each in a task of its own so that a slow answer never delays
/// the next arrival.
pub async fn side_load(
    visitors: Arc<Visitors>,
    rate: f64,
    until: Instant,
    on: impl Fn(Instant) -> bool,
) -> SideOutcome {
    let mut ticker = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    let mut tasks = Vec::new();
    let mut outcome = SideOutcome::default();
    let mut tick: u64 = 0;
    let mut pick = Pick(0x5EED_1D1E_u64 | 1);
    loop {
        let now = ticker.tick().await.into_std();
        if now >= until {
            break;
        }
        if !on(now) {
            continue;
        }
        outcome.on_seconds += 1.0 / rate;
        tick += 1;
        let visitor = (tick as usize) % visitors.count();
        let ripe = visitors.ripe(visitor).await;
        let Some(form) = ripe else {
            outcome.missed += 1;
            continue;
        };
        let seed = pick.next(usize::MAX >> 1) as u64 | 1;
        let sender = visitors.clone();
        tasks.push(tokio::task::spawn(async move {
            let started = Instant::now();
            let result = sender.send(form, &mut Pick(seed)).await;
            ("sent", started.elapsed(), result)
        }));
        let opener = visitors.clone();
        tasks.push(tokio::task::spawn(async move {
            let started = Instant::now();
            let result = opener.show(visitor).await;
            ("form", started.elapsed(), result)
        }));
    }
    for task in tasks {
        let Ok((variant, elapsed, result)) = task.await else {
            continue;
        };
        match result {
            Ok(()) => {
                let us = elapsed.as_micros() as u64;
                if variant == "sent" {
                    outcome.sent_us.push(us);
                } else {
                    outcome.shown_us.push(us);
                }
            }
            Err(message) => {
                outcome.errors += 1;
                outcome.first_error.get_or_insert(message);
            }
        }
    }
    outcome
}

/// Opens `per_visitor` forms for every visitor (a few at a time) and waits until they are
/// old enough to send: the side load's pool before it starts.
pub async fn prime(visitors: &Arc<Visitors>, per_visitor: usize) -> Result<(), Error> {
    let mut tasks = Vec::new();
    for visitor in 0..visitors.count() {
        let visitors = visitors.clone();
        tasks.push(tokio::task::spawn(async move {
            for _ in 0..per_visitor {
                visitors.show(visitor).await?;
            }
            Ok::<_, String>(())
        }));
    }
    for task in tasks {
        task.await??;
    }
    tokio::time::sleep(visitors.min_age).await;
    Ok(())
}
