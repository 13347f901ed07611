//! Checks that read the service desk description and the pack document:
//! channels, the desk tool, reports and the applicant's declarations.

mod applicant;
mod channels;
mod desk_tool;
mod reports;

pub use applicant::ApplicantDeclared;
pub use channels::Channels24x7;
pub use desk_tool::DeskToolCapabilities;
pub use reports::ReportCadence;
