//! Checks that read the escalation plan and the rehearsals of it (escalation
//! and scenario tests); [`rehearsals`] and [`dates`] are their shared rules
//! for which tests count and how far back they may be dated.

pub(crate) mod dates;
mod escalation_plan;
mod escalation_reachable;
mod escalation_test_coverage;
mod escalation_tested;
mod out_of_hours_scenario;
pub(crate) mod rehearsals;
mod scenario_tests;
mod severity_targets;
mod test_actions;

pub use escalation_plan::EscalationPlanApproved;
pub use escalation_reachable::EscalationReachable;
pub use escalation_test_coverage::EscalationTestCoverage;
pub use escalation_tested::EscalationTested;
pub use out_of_hours_scenario::OutOfHoursScenario;
pub use scenario_tests::ScenarioTestsPerApplication;
pub use severity_targets::SeverityTargets;
pub use test_actions::TestActionsNotOverdue;
