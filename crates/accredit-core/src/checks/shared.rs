//! What checks take from the ruleset beyond their own parameters, derived
//! once when the ruleset is validated: the applications it knows, the cover
//! parameters its cover requirements share, the look-back of its training
//! requirements and the sections its ITIL requirements ask for. A check's
//! [`Context`](super::Context) holds this, never the whole ruleset.

use serde::Deserialize;

use super::Check;
use super::documents::ProcedureSections;
use crate::cover::CoverParams;

/// A national application a ruleset knows.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Application {
    /// Id used in evidence, e.g. `choose-and-book`.
    pub id: String,
    /// Display name.
    pub name: String,
}

/// The training course a training requirement counts, with how far back
/// (days before the assessment start) a pass counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainingLookback {
    /// The TrainingLog course: `national-application` or `itil-foundation`.
    pub course: &'static str,
    /// The requirement that counts it.
    pub requirement: String,
    /// Its `max_age_days`.
    pub max_age_days: u32,
}

/// What the checks share, derived from every requirement of a ruleset.
#[derive(Debug, Clone, Default)]
pub struct SharedParams {
    /// National applications a pack may declare in scope.
    pub applications: Vec<Application>,
    /// The cover analysis parameters: staffing levels from `rota-staffed`
    /// and `lone-working`, core hours from `on-call-cover` (the defaults
    /// where the ruleset has none of them). One analysis serves the cover
    /// requirements and the report's heatmap.
    pub cover: CoverParams,
    /// The training requirements' look-backs, in ruleset order.
    pub training: Vec<TrainingLookback>,
    /// The `procedure-sections` requirements, in ruleset order: the sections
    /// `section-length` measures.
    pub documented_sections: Vec<ProcedureSections>,
}

impl SharedParams {
    /// Derives what the checks share from the ruleset's applications and its
    /// requirements `(id, check)`, in ruleset order.
    pub fn derive<'a>(
        applications: Vec<Application>,
        requirements: impl IntoIterator<Item = (&'a str, &'a Check)>,
    ) -> SharedParams {
        let mut shared = SharedParams {
            applications,
            ..SharedParams::default()
        };
        for (id, check) in requirements {
            match check {
                Check::RotaStaffed(c) => shared.cover.min_staff = c.min_staff,
                Check::LoneWorking(c) => shared.cover.pair_staff = c.pair_staff,
                Check::OnCallCover(c) => {
                    shared.cover.core_start = c.core_start;
                    shared.cover.core_end = c.core_end;
                }
                Check::ApplicationTraining(c) => shared.training.push(TrainingLookback {
                    course: "national-application",
                    requirement: id.to_string(),
                    max_age_days: c.max_age_days,
                }),
                Check::ItilFoundation(c) => shared.training.push(TrainingLookback {
                    course: "itil-foundation",
                    requirement: id.to_string(),
                    max_age_days: c.max_age_days,
                }),
                Check::ProcedureSections(c) => shared.documented_sections.push(c.clone()),
                _ => {}
            }
        }
        shared
    }

    /// The display name of an application id, if the ruleset knows it.
    pub fn application_name(&self, id: &str) -> Option<&str> {
        self.applications
            .iter()
            .find(|a| a.id == id)
            .map(|a| a.name.as_str())
    }

    /// Ids of the applications the ruleset knows.
    pub fn application_ids(&self) -> Vec<String> {
        self.applications.iter().map(|a| a.id.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::{AS_OF, complete_pack, in_context_with};

    fn check(yaml: &str) -> Check {
        serde_json::from_str(yaml).expect("a check")
    }

    #[test]
    fn cover_parameters_come_from_the_cover_requirements() {
        let staffed = check(r#"{"kind": "rota-staffed", "min_staff": 3}"#);
        let pairs = check(r#"{"kind": "lone-working", "pair_staff": 4, "target_percent": 90}"#);
        let shared = SharedParams::derive(vec![], [("COV-02", &staffed), ("COV-04", &pairs)]);
        assert_eq!(shared.cover.min_staff, 3);
        assert_eq!(shared.cover.pair_staff, 4);
        assert_eq!(shared.cover.core_start, CoverParams::default().core_start);
    }

    #[test]
    fn training_lookbacks_name_their_course_and_requirement() {
        let nak =
            check(r#"{"kind": "application-training", "max_age_days": 365, "target_percent": 90}"#);
        let itil =
            check(r#"{"kind": "itil-foundation", "max_age_days": 365, "target_percent": 50}"#);
        let shared = SharedParams::derive(vec![], [("NAK-01", &nak), ("NAK-03", &itil)]);
        let courses: Vec<(&str, &str)> = shared
            .training
            .iter()
            .map(|t| (t.course, t.requirement.as_str()))
            .collect();
        assert_eq!(
            courses,
            [
                ("national-application", "NAK-01"),
                ("itil-foundation", "NAK-03")
            ]
        );
    }

    #[test]
    fn the_cover_requirements_and_the_report_share_one_analysis() {
        let staffed = check(r#"{"kind": "rota-staffed", "min_staff": 2}"#);
        let pairs = check(r#"{"kind": "lone-working", "pair_staff": 3, "target_percent": 90}"#);
        let on_call =
            check(r#"{"kind": "on-call-cover", "core_start": "09:00", "core_end": "17:00"}"#);
        let requirements = [
            ("COV-02", &staffed),
            ("COV-04", &pairs),
            ("COV-05", &on_call),
        ];
        let shared = SharedParams::derive(vec![], requirements);
        let evidence = complete_pack();
        in_context_with(&evidence, AS_OF, &shared, |context| {
            for (_, check) in requirements {
                check.evaluate(context);
            }
            crate::checks::rota::cover_memo::rota_cover(context, shared.cover);
            assert_eq!(context.cover.analyses(), 1);
        });
    }

    #[test]
    fn an_application_is_named_by_the_ruleset_or_not_at_all() {
        let shared = SharedParams::derive(
            vec![Application {
                id: "pacs".into(),
                name: "PACS".into(),
            }],
            [],
        );
        assert_eq!(shared.application_name("pacs"), Some("PACS"));
        assert_eq!(shared.application_name("ers"), None);
    }
}
