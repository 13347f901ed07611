//! The finding codes of the cover analysis (their names, meanings and fixes
//! are in [`FindingCode`]): the list the rota checks declare they emit.

use crate::finding::FindingCode;

/// Every finding code this analysis produces.
pub const CODES: &[FindingCode] = &[
    FindingCode::CoverGap,
    FindingCode::OnCallGap,
    FindingCode::BankHolidaysNotStated,
    FindingCode::RotaUnknownTimezone,
    FindingCode::RotaPeriodReversed,
    FindingCode::RotaDuplicateException,
    FindingCode::RotaExceptionUnclear,
    FindingCode::RotaExceptionIgnored,
    FindingCode::CoverNoRota,
    FindingCode::CoverWindowInvalid,
    FindingCode::ShiftsNotRead,
    FindingCode::ShiftsUnreadable,
    FindingCode::ShiftsMissingColumn,
    FindingCode::ShiftBadTime,
    FindingCode::ShiftEndsBeforeStart,
    FindingCode::ShiftRaggedRow,
    FindingCode::ShiftBadRow,
    FindingCode::ShiftOverlap,
    FindingCode::ShiftsMoreBadRows,
];
