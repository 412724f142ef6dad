//! The office's case stages and the transitions between them (DOMAIN.md, "Case stages").
//!
//! A case's stage is where the *office's work* stands, not the client's immigration status.
//! Which moves are allowed depends on the claim's kind; `docs/case-stages.md` is the same table
//! written for people, and a test below checks that the two agree.
//!
//! The joins between the lists in DOMAIN.md, as a careful office expects them:
//! - intake is common to every kind, and `retained` leads to the kind's first stage
//!   (affirmative → `drafting`, defensive → `nta_served`, credible fear →
//!   `credible_fear_pending`);
//! - every kind can end up in immigration court, and the court stages are the same for all:
//!   a positive credible-fear finding, an immigration judge vacating a negative one, and an
//!   affirmative case referred to court all continue at `nta_served`;
//! - `declined`, `withdrawn` and `closed` are final. Nothing moves a case out of them except an
//!   explicit reopening ([`check_reopen`]), which the service reserves to lawyers and records
//!   with its reason like any other transition.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Message;

/// Where the claim is pursued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// With USCIS, before any removal proceedings.
    Affirmative,
    /// In immigration court, in removal proceedings.
    Defensive,
    /// Credible-fear screening at the border, then usually court.
    CredibleFear,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 3] = [Self::Affirmative, Self::Defensive, Self::CredibleFear];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Affirmative => "affirmative",
            Self::Defensive => "defensive",
            Self::CredibleFear => "credible_fear",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Message> {
        match input.trim() {
            "affirmative" => Ok(Self::Affirmative),
            "defensive" => Ok(Self::Defensive),
            "credible_fear" => Ok(Self::CredibleFear),
            _ => Err(Message::new("claim-kind-invalid")),
        }
    }

    /// Catalogue key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Affirmative => "claim-kind-affirmative",
            Self::Defensive => "claim-kind-defensive",
            Self::CredibleFear => "claim-kind-credible-fear",
        }
    }

    /// The stage a retained case of this kind starts its legal work in.
    pub fn first_stage(self) -> CaseStage {
        match self {
            Self::Affirmative => CaseStage::Drafting,
            Self::Defensive => CaseStage::NtaServed,
            Self::CredibleFear => CaseStage::CredibleFearPending,
        }
    }

    /// The stages a case of this kind can be in, in [`CaseStage::ALL`] order.
    pub fn stages(self) -> Vec<CaseStage> {
        CaseStage::ALL
            .into_iter()
            .filter(|stage| stage.belongs_to(self))
            .collect()
    }
}

impl fmt::Display for ClaimKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ClaimKind {
    type Err = Message;

    fn from_str(s: &str) -> Result<Self, Message> {
        Self::parse(s)
    }
}

/// The office's stage of a case. Stored and sent as its snake_case code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaseStage {
    // Intake, every kind.
    Inquiry,
    ConflictCheck,
    Consultation,
    Retained,
    Declined,
    // Border screening.
    CredibleFearPending,
    CredibleFearPositive,
    CredibleFearNegative,
    IjReview,
    // Affirmative, with USCIS.
    Drafting,
    Filed,
    ReceiptReceived,
    BiometricsScheduled,
    InterviewScheduled,
    Interviewed,
    ReferredToCourt,
    // Immigration court, every kind.
    NtaServed,
    MasterHearing,
    ApplicationLodged,
    MeritsHearing,
    // Decisions.
    Granted,
    Denied,
    BiaAppeal,
    // Ends, every kind.
    Withdrawn,
    Closed,
}

impl CaseStage {
    pub const ALL: [CaseStage; 25] = [
        Self::Inquiry,
        Self::ConflictCheck,
        Self::Consultation,
        Self::Retained,
        Self::Declined,
        Self::CredibleFearPending,
        Self::CredibleFearPositive,
        Self::CredibleFearNegative,
        Self::IjReview,
        Self::Drafting,
        Self::Filed,
        Self::ReceiptReceived,
        Self::BiometricsScheduled,
        Self::InterviewScheduled,
        Self::Interviewed,
        Self::ReferredToCourt,
        Self::NtaServed,
        Self::MasterHearing,
        Self::ApplicationLodged,
        Self::MeritsHearing,
        Self::Granted,
        Self::Denied,
        Self::BiaAppeal,
        Self::Withdrawn,
        Self::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Inquiry => "inquiry",
            Self::ConflictCheck => "conflict_check",
            Self::Consultation => "consultation",
            Self::Retained => "retained",
            Self::Declined => "declined",
            Self::CredibleFearPending => "credible_fear_pending",
            Self::CredibleFearPositive => "credible_fear_positive",
            Self::CredibleFearNegative => "credible_fear_negative",
            Self::IjReview => "ij_review",
            Self::Drafting => "drafting",
            Self::Filed => "filed",
            Self::ReceiptReceived => "receipt_received",
            Self::BiometricsScheduled => "biometrics_scheduled",
            Self::InterviewScheduled => "interview_scheduled",
            Self::Interviewed => "interviewed",
            Self::ReferredToCourt => "referred_to_court",
            Self::NtaServed => "nta_served",
            Self::MasterHearing => "master_hearing",
            Self::ApplicationLodged => "application_lodged",
            Self::MeritsHearing => "merits_hearing",
            Self::Granted => "granted",
            Self::Denied => "denied",
            Self::BiaAppeal => "bia_appeal",
            Self::Withdrawn => "withdrawn",
            Self::Closed => "closed",
        }
    }

    pub fn parse(input: &str) -> Result<Self, Message> {
        let input = input.trim();
        Self::ALL
            .into_iter()
            .find(|stage| stage.as_str() == input)
            .ok_or(Message::new("case-stage-invalid"))
    }

    /// Catalogue key of the stage's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Inquiry => "case-stage-inquiry",
            Self::ConflictCheck => "case-stage-conflict-check",
            Self::Consultation => "case-stage-consultation",
            Self::Retained => "case-stage-retained",
            Self::Declined => "case-stage-declined",
            Self::CredibleFearPending => "case-stage-credible-fear-pending",
            Self::CredibleFearPositive => "case-stage-credible-fear-positive",
            Self::CredibleFearNegative => "case-stage-credible-fear-negative",
            Self::IjReview => "case-stage-ij-review",
            Self::Drafting => "case-stage-drafting",
            Self::Filed => "case-stage-filed",
            Self::ReceiptReceived => "case-stage-receipt-received",
            Self::BiometricsScheduled => "case-stage-biometrics-scheduled",
            Self::InterviewScheduled => "case-stage-interview-scheduled",
            Self::Interviewed => "case-stage-interviewed",
            Self::ReferredToCourt => "case-stage-referred-to-court",
            Self::NtaServed => "case-stage-nta-served",
            Self::MasterHearing => "case-stage-master-hearing",
            Self::ApplicationLodged => "case-stage-application-lodged",
            Self::MeritsHearing => "case-stage-merits-hearing",
            Self::Granted => "case-stage-granted",
            Self::Denied => "case-stage-denied",
            Self::BiaAppeal => "case-stage-bia-appeal",
            Self::Withdrawn => "case-stage-withdrawn",
            Self::Closed => "case-stage-closed",
        }
    }

    /// Still the office's business. `granted` and `denied` stay open: the I-730, a DHS appeal
    /// or the client's own appeal may follow, and the lawyer closes the file deliberately.
    pub fn is_open(self) -> bool {
        !matches!(self, Self::Declined | Self::Withdrawn | Self::Closed)
    }

    /// Whether a case of `kind` can be in this stage at all.
    pub fn belongs_to(self, kind: ClaimKind) -> bool {
        match self {
            Self::CredibleFearPending
            | Self::CredibleFearPositive
            | Self::CredibleFearNegative
            | Self::IjReview => kind == ClaimKind::CredibleFear,
            Self::Drafting
            | Self::Filed
            | Self::ReceiptReceived
            | Self::BiometricsScheduled
            | Self::InterviewScheduled
            | Self::Interviewed
            | Self::ReferredToCourt => kind == ClaimKind::Affirmative,
            _ => true,
        }
    }
}

impl fmt::Display for CaseStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CaseStage {
    type Err = Message;

    fn from_str(s: &str) -> Result<Self, Message> {
        Self::parse(s)
    }
}

/// The stages a case of `kind` may move to from `from`, `withdrawn` and `closed` last.
/// Empty for a final stage (see [`reopen_targets`]) or a stage foreign to the kind.
pub fn allowed_next(kind: ClaimKind, from: CaseStage) -> Vec<CaseStage> {
    if !from.belongs_to(kind) || !from.is_open() {
        return Vec::new();
    }
    forward(kind, from)
        .iter()
        .copied()
        .chain([CaseStage::Withdrawn, CaseStage::Closed])
        .collect()
}

/// Whether a case of `kind` may move from `from` to `to`; if not, a message naming both stages
/// and the kind (codes in the `from`, `to`, `kind` arguments).
pub fn check_transition(kind: ClaimKind, from: CaseStage, to: CaseStage) -> Result<(), Message> {
    let refuse = |key| refusal(key, kind, from, to);
    if from == to {
        return Err(Message::new("case-stage-unchanged").with_label("stage", from.label_key()));
    }
    if let Some(foreign) = [from, to].into_iter().find(|stage| !stage.belongs_to(kind)) {
        return Err(refuse("case-stage-wrong-kind").with_label("stage", foreign.label_key()));
    }
    if !from.is_open() {
        return Err(refuse("case-stage-reopen-required"));
    }
    if allowed_next(kind, from).contains(&to) {
        Ok(())
    } else {
        Err(refuse("case-stage-transition-not-allowed"))
    }
}

/// The stages a final case may be reopened to.
///
/// A declined inquiry starts intake again at `inquiry`: time has passed, so the conflict check
/// is run afresh. A withdrawn or closed case goes back to whichever open stage of its kind it
/// now stands at, chosen by the lawyer (a client who returns, a motion to reopen granted, a
/// BIA remand that arrives after the file was closed).
pub fn reopen_targets(kind: ClaimKind, from: CaseStage) -> Vec<CaseStage> {
    match from {
        CaseStage::Declined => vec![CaseStage::Inquiry],
        CaseStage::Withdrawn | CaseStage::Closed => kind
            .stages()
            .into_iter()
            .filter(|stage| stage.is_open())
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether a final case of `kind` may be reopened from `from` to `to`.
pub fn check_reopen(kind: ClaimKind, from: CaseStage, to: CaseStage) -> Result<(), Message> {
    let refuse = |key| refusal(key, kind, from, to);
    if let Some(foreign) = [from, to].into_iter().find(|stage| !stage.belongs_to(kind)) {
        return Err(refuse("case-stage-wrong-kind").with_label("stage", foreign.label_key()));
    }
    if from.is_open() {
        return Err(refuse("case-stage-reopen-not-closed"));
    }
    if reopen_targets(kind, from).contains(&to) {
        Ok(())
    } else {
        Err(refuse("case-stage-reopen-not-allowed"))
    }
}

fn refusal(key: &'static str, kind: ClaimKind, from: CaseStage, to: CaseStage) -> Message {
    // `kind` stays a code: the catalogue selects its wording by it.
    Message::new(key)
        .with_label("from", from.label_key())
        .with_label("to", to.label_key())
        .with("kind", kind)
}

/// The moves out of an open stage other than `withdrawn` and `closed`. The reasons for the
/// less obvious ones are in `docs/case-stages.md`.
fn forward(kind: ClaimKind, from: CaseStage) -> &'static [CaseStage] {
    use CaseStage::*;
    match from {
        Inquiry => &[ConflictCheck, Declined],
        ConflictCheck => &[Consultation, Declined],
        Consultation => &[Retained, Declined],
        Retained => match kind {
            ClaimKind::Affirmative => &[Drafting],
            ClaimKind::Defensive => &[NtaServed],
            ClaimKind::CredibleFear => &[CredibleFearPending],
        },
        CredibleFearPending => &[CredibleFearPositive, CredibleFearNegative],
        CredibleFearPositive => &[NtaServed],
        CredibleFearNegative => &[IjReview],
        IjReview => &[NtaServed],
        Drafting => &[Filed],
        Filed => &[ReceiptReceived, Drafting],
        ReceiptReceived => &[BiometricsScheduled, InterviewScheduled],
        BiometricsScheduled => &[InterviewScheduled],
        InterviewScheduled => &[Interviewed],
        Interviewed => &[Granted, ReferredToCourt, Denied],
        ReferredToCourt => &[NtaServed, MasterHearing],
        NtaServed => &[MasterHearing, ApplicationLodged],
        MasterHearing => &[ApplicationLodged, MeritsHearing, Granted, Denied],
        ApplicationLodged => &[MasterHearing, MeritsHearing],
        MeritsHearing => &[Granted, Denied],
        Granted => &[BiaAppeal],
        Denied => match kind {
            ClaimKind::Affirmative => &[BiaAppeal, NtaServed],
            ClaimKind::Defensive | ClaimKind::CredibleFear => &[BiaAppeal],
        },
        BiaAppeal => &[Granted, Denied, MeritsHearing],
        Declined | Withdrawn | Closed => &[],
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::CaseStage::*;
    use super::*;

    fn arg<'a>(message: &'a Message, name: &str) -> Option<&'a str> {
        message
            .args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| match v {
                crate::error::MessageArg::Text(text) => text.as_str(),
                crate::error::MessageArg::Label(key) => key,
            })
    }

    #[test]
    fn codes_round_trip_and_labels_are_distinct() {
        for stage in CaseStage::ALL {
            assert_eq!(CaseStage::parse(stage.as_str()), Ok(stage));
            assert_eq!(stage.as_str().parse::<CaseStage>(), Ok(stage));
            assert_eq!(
                stage.label_key(),
                format!("case-stage-{}", stage.as_str().replace('_', "-"))
            );
            assert_eq!(
                serde_json::to_string(&stage).ok(),
                Some(format!("{:?}", stage.as_str()))
            );
        }
        for kind in ClaimKind::ALL {
            assert_eq!(ClaimKind::parse(kind.as_str()), Ok(kind));
            assert_eq!(
                kind.label_key(),
                format!("claim-kind-{}", kind.as_str().replace('_', "-"))
            );
            assert_eq!(
                serde_json::to_string(&kind).ok(),
                Some(format!("{:?}", kind.as_str()))
            );
        }
        assert_eq!(CaseStage::parse(" merits_hearing "), Ok(MeritsHearing));
        assert_eq!(
            CaseStage::parse("Merits hearing"),
            Err(Message::new("case-stage-invalid"))
        );
        assert_eq!(
            ClaimKind::parse("asylum"),
            Err(Message::new("claim-kind-invalid"))
        );
        let distinct: BTreeSet<_> = CaseStage::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(distinct.len(), CaseStage::ALL.len());
    }

    #[test]
    fn the_lists_of_domain_md_are_paths_through_the_table() {
        use ClaimKind::{Affirmative, CredibleFear, Defensive};
        let paths = [
            (
                Affirmative,
                "inquiry conflict_check consultation retained drafting filed receipt_received \
                 biometrics_scheduled interview_scheduled interviewed granted closed",
            ),
            (
                Affirmative,
                "drafting filed receipt_received interview_scheduled interviewed \
                 referred_to_court master_hearing merits_hearing denied bia_appeal granted",
            ),
            (
                Affirmative,
                "interviewed denied nta_served master_hearing application_lodged merits_hearing",
            ),
            (
                Defensive,
                "inquiry conflict_check consultation retained nta_served master_hearing \
                 application_lodged merits_hearing denied bia_appeal merits_hearing granted",
            ),
            (
                CredibleFear,
                "consultation retained credible_fear_pending credible_fear_negative ij_review \
                 nta_served application_lodged master_hearing merits_hearing granted",
            ),
            (
                CredibleFear,
                "credible_fear_pending credible_fear_positive nta_served",
            ),
            (Defensive, "inquiry conflict_check declined"),
        ];
        for (kind, path) in paths {
            let stages: Vec<CaseStage> = path
                .split_whitespace()
                .map(|code| CaseStage::parse(code).expect("a stage code"))
                .collect();
            for step in stages.windows(2) {
                assert_eq!(
                    check_transition(kind, step[0], step[1]),
                    Ok(()),
                    "{kind}: {} → {}",
                    step[0],
                    step[1]
                );
            }
        }
    }

    #[test]
    fn every_open_stage_can_be_withdrawn_or_closed() {
        for kind in ClaimKind::ALL {
            for stage in kind.stages() {
                let next = allowed_next(kind, stage);
                if stage.is_open() {
                    assert_eq!(
                        next[next.len() - 2..],
                        [Withdrawn, Closed],
                        "{kind} {stage}"
                    );
                } else {
                    assert!(next.is_empty(), "{kind} {stage}");
                }
            }
        }
    }

    #[test]
    fn stages_foreign_to_the_kind_are_refused_naming_from_to_and_kind() {
        let refused = check_transition(ClaimKind::Defensive, Retained, Drafting);
        let message = refused.expect_err("drafting is not a defensive stage");
        assert_eq!(message.key, "case-stage-wrong-kind");
        assert_eq!(arg(&message, "from"), Some("case-stage-retained"));
        assert_eq!(arg(&message, "to"), Some("case-stage-drafting"));
        assert_eq!(arg(&message, "kind"), Some("defensive"));
        assert_eq!(arg(&message, "stage"), Some("case-stage-drafting"));

        let message = check_transition(ClaimKind::Affirmative, Inquiry, CredibleFearPending)
            .expect_err("credible fear is not an affirmative stage");
        assert_eq!(message.key, "case-stage-wrong-kind");
        // A case already in a foreign stage (its kind was changed) names that stage.
        let message = check_transition(ClaimKind::Defensive, Interviewed, Granted)
            .expect_err("interviewed is not a defensive stage");
        assert_eq!(arg(&message, "stage"), Some("case-stage-interviewed"));
        assert!(allowed_next(ClaimKind::Defensive, Interviewed).is_empty());
    }

    #[test]
    fn moves_out_of_order_are_refused() {
        let cases = [
            (ClaimKind::Affirmative, Inquiry, Consultation), // no consultation before conflicts
            (ClaimKind::Affirmative, Inquiry, Retained),
            (ClaimKind::Affirmative, Retained, Declined), // a retained client is withdrawn
            (ClaimKind::Affirmative, Drafting, Interviewed),
            (ClaimKind::Affirmative, Granted, Denied),
            (ClaimKind::Defensive, Retained, MeritsHearing),
            (ClaimKind::Defensive, MeritsHearing, BiaAppeal), // appeal follows a decision
            (ClaimKind::Defensive, Denied, NtaServed),
            (ClaimKind::CredibleFear, CredibleFearNegative, NtaServed), // IJ review first
            (ClaimKind::CredibleFear, Retained, NtaServed),
        ];
        for (kind, from, to) in cases {
            let message = check_transition(kind, from, to).expect_err("refused");
            assert_eq!(
                message.key, "case-stage-transition-not-allowed",
                "{from} → {to}"
            );
            assert_eq!(arg(&message, "from"), Some(from.label_key()));
            assert_eq!(arg(&message, "to"), Some(to.label_key()));
            assert_eq!(arg(&message, "kind"), Some(kind.as_str()));
        }
        let message = check_transition(ClaimKind::Defensive, MasterHearing, MasterHearing)
            .expect_err("no change");
        assert_eq!(message.key, "case-stage-unchanged");
    }

    #[test]
    fn final_stages_need_an_explicit_reopening() {
        for from in [Declined, Withdrawn, Closed] {
            let message =
                check_transition(ClaimKind::Defensive, from, MasterHearing).expect_err("final");
            assert_eq!(message.key, "case-stage-reopen-required");
        }
        assert_eq!(
            check_reopen(ClaimKind::Defensive, Declined, Inquiry),
            Ok(())
        );
        assert_eq!(
            check_reopen(ClaimKind::Defensive, Declined, Consultation).map_err(|m| m.key),
            Err("case-stage-reopen-not-allowed")
        );
        assert_eq!(
            check_reopen(ClaimKind::Defensive, Closed, MasterHearing),
            Ok(())
        );
        assert_eq!(
            check_reopen(ClaimKind::Affirmative, Withdrawn, Drafting),
            Ok(())
        );
        assert_eq!(
            check_reopen(ClaimKind::Affirmative, Closed, Withdrawn).map_err(|m| m.key),
            Err("case-stage-reopen-not-allowed")
        );
        assert_eq!(
            check_reopen(ClaimKind::Defensive, Closed, Drafting).map_err(|m| m.key),
            Err("case-stage-wrong-kind")
        );
        assert_eq!(
            check_reopen(ClaimKind::Defensive, Denied, BiaAppeal).map_err(|m| m.key),
            Err("case-stage-reopen-not-closed")
        );
        assert!(reopen_targets(ClaimKind::CredibleFear, Closed).contains(&IjReview));
        assert!(!reopen_targets(ClaimKind::CredibleFear, Closed).contains(&Closed));
    }

    #[test]
    fn every_target_belongs_to_the_kind_and_every_stage_is_reachable() {
        for kind in ClaimKind::ALL {
            let mut reached = BTreeSet::from([Inquiry.as_str()]);
            let mut frontier = vec![Inquiry];
            while let Some(stage) = frontier.pop() {
                for next in allowed_next(kind, stage) {
                    assert!(next.belongs_to(kind), "{kind}: {stage} → {next}");
                    if reached.insert(next.as_str()) {
                        frontier.push(next);
                    }
                }
            }
            let all: BTreeSet<_> = kind.stages().iter().map(|s| s.as_str()).collect();
            assert_eq!(reached, all, "{kind}");
            assert_eq!(check_transition(kind, Retained, kind.first_stage()), Ok(()));
        }
    }

    /// `docs/case-stages.md` holds, per kind, one row per stage: the stage in the first column
    /// and every stage it may move to, in backticks, in the second.
    #[test]
    fn the_documented_table_is_the_code() {
        let doc = include_str!("../../docs/case-stages.md");
        let mut documented: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
        let mut kind: Option<ClaimKind> = None;
        for line in doc.lines() {
            if let Some(heading) = line.strip_prefix("## ") {
                kind = heading
                    .split('`')
                    .nth(1)
                    .map(|code| ClaimKind::parse(code).expect("a kind's code in the heading"));
                continue;
            }
            let Some(kind) = kind else { continue };
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            if cells.len() < 4 || !cells[1].starts_with('`') {
                continue;
            }
            let from = cells[1].trim_matches('`');
            let targets: BTreeSet<&str> = cells[2].split('`').skip(1).step_by(2).collect();
            let previous = documented.insert((kind.as_str(), from), targets);
            assert!(previous.is_none(), "{kind}: {from} documented twice");
        }
        let mut expected: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
        for kind in ClaimKind::ALL {
            for stage in kind.stages() {
                let next = allowed_next(kind, stage)
                    .iter()
                    .map(|s| s.as_str())
                    .collect();
                expected.insert((kind.as_str(), stage.as_str()), next);
            }
        }
        let stages: BTreeSet<_> = documented.keys().chain(expected.keys()).collect();
        let differences: Vec<String> = stages
            .into_iter()
            .filter(|key| documented.get(key) != expected.get(key))
            .map(|key| {
                let (doc, code) = (documented.get(key), expected.get(key));
                format!("{} {}: doc {doc:?}, code {code:?}", key.0, key.1)
            })
            .collect();
        assert!(
            differences.is_empty(),
            "docs/case-stages.md and allowed_next differ:\n{}",
            differences.join("\n")
        );
    }
}
