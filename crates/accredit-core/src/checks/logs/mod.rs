//! Checks that read the CSV exports (incident, training and change logs, the
//! staff register), each export streamed once into [`logs_memo`].

mod application_training;
mod change_windows;
mod incident_hours;
mod itil_foundation;
pub mod logs_memo;
mod referral_references;
mod response_targets;

pub use application_training::ApplicationTraining;
pub use change_windows::ChangeWindows;
pub use incident_hours::IncidentHours;
pub use itil_foundation::ItilFoundation;
pub use referral_references::ReferralReferences;
pub use response_targets::ResponseTargets;
