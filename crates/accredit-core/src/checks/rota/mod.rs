//! Checks that read the rota: desk cover, lone working, on-call cover and bank
//! holidays, measured on one shared cover analysis ([`cover_memo`]).

mod bank_holidays;
pub mod cover_memo;
mod lone_working;
mod on_call;
mod rota_staffed;

pub use bank_holidays::BankHolidaysStated;
pub use lone_working::LoneWorking;
pub use on_call::OnCallCover;
pub use rota_staffed::RotaStaffed;
