//! The finding codes of the cover analysis, defined here with their meanings
//! and fixes, and [`CODES`], the list the rota checks declare they emit (the
//! finding-code registry collects it).

use crate::finding::{Area, FindingCode};

pub(crate) const COVER_GAP: FindingCode = FindingCode::new(
    Area::Rota,
    "cover-gap",
    "Fewer desk staff than required are on duty at some time in the assessment window.",
    "Add shifts (or staff to shifts) so the required number is on duty at every hour shown.",
);

pub(crate) const ON_CALL_GAP: FindingCode = FindingCode::new(
    Area::Rota,
    "on-call-gap",
    "No on-call manager is on duty at some time outside weekday core hours.",
    "Add an on-call shift covering the times shown.",
);

pub(crate) const BANK_HOLIDAYS_NOT_STATED: FindingCode = FindingCode::new(
    Area::Rota,
    "bank-holidays-not-stated",
    "The rota does not say how bank holidays are staffed, so they count as unstaffed.",
    "Add `bank_holidays: {as: sun}` (or the day whose pattern applies) to the rota.",
);

pub(crate) const ROTA_UNKNOWN_TIMEZONE: FindingCode = FindingCode::new(
    Area::Rota,
    "rota-unknown-timezone",
    "The rota names a time zone that is not in the IANA time-zone database.",
    "Write an IANA name such as `Europe/London` in the rota's `timezone`.",
);

pub(crate) const ROTA_PERIOD_REVERSED: FindingCode = FindingCode::new(
    Area::Rota,
    "rota-period-reversed",
    "The rota period ends before it starts.",
    "Correct `period.from` and `period.to` in the rota.",
);

pub(crate) const ROTA_DUPLICATE_EXCEPTION: FindingCode = FindingCode::new(
    Area::Rota,
    "rota-duplicate-exception",
    "Two exceptions in the rota are for the same date; only the first applies.",
    "Keep one exception per date.",
);

pub(crate) const ROTA_EXCEPTION_UNCLEAR: FindingCode = FindingCode::new(
    Area::Rota,
    "rota-exception-unclear",
    "A rota exception is both closed and staffed, or neither.",
    "Give the exception either `closed: true` or its shifts, not both.",
);

pub(crate) const ROTA_EXCEPTION_IGNORED: FindingCode = FindingCode::new(
    Area::Rota,
    "rota-exception-ignored",
    "An exception in a rota whose shifts come from a CSV file changes nothing.",
    "Put the change in the shifts CSV, and remove the exception.",
);

pub(crate) const COVER_NO_ROTA: FindingCode = FindingCode::new(
    Area::Rota,
    "cover-no-rota",
    "The cover analysis was given no rota (never from a pack: a pack without a rota is `missing`).",
    "Add a Rota document to the pack.",
);

pub(crate) const COVER_WINDOW_INVALID: FindingCode = FindingCode::new(
    Area::Rota,
    "cover-window-invalid",
    "The assessment window lies outside the range of dates that can be analysed.",
    "Check the pack's assessment start and the `--as-of` date.",
);

pub(crate) const SHIFTS_NOT_READ: FindingCode = FindingCode::new(
    Area::Rota,
    "shifts-not-read",
    "The rota names a shifts CSV file that is not in the pack.",
    "Add the shifts file to the pack, or correct the rota's `shifts` path.",
);

pub(crate) const SHIFTS_UNREADABLE: FindingCode = FindingCode::new(
    Area::Rota,
    "shifts-unreadable",
    "The shifts CSV file cannot be read.",
    "Export the shifts file again as UTF-8 CSV.",
);

pub(crate) const SHIFTS_MISSING_COLUMN: FindingCode = FindingCode::new(
    Area::Rota,
    "shifts-missing-column",
    "The shifts CSV file lacks a required column.",
    "Add the column named in the finding to the header row.",
);

pub(crate) const SHIFT_BAD_TIME: FindingCode = FindingCode::new(
    Area::Rota,
    "shift-bad-time",
    "A shift row has a start or end that is not a valid date and time.",
    "Write the start and end as instants with an offset, e.g. `2008-10-06T08:00:00+01:00`.",
);

pub(crate) const SHIFT_ENDS_BEFORE_START: FindingCode = FindingCode::new(
    Area::Rota,
    "shift-ends-before-start",
    "A shift row ends at or before it starts.",
    "Correct the row's start or end.",
);

pub(crate) const SHIFT_RAGGED_ROW: FindingCode = FindingCode::new(
    Area::Rota,
    "shift-ragged-row",
    "A shift row has a different number of fields from the header row.",
    "Correct the row so it has one field per column.",
);

pub(crate) const SHIFT_BAD_ROW: FindingCode = FindingCode::new(
    Area::Rota,
    "shift-bad-row",
    "A shift row is unreadable, has no staff_id, or has a bad on_call value.",
    "Correct the row named in the finding.",
);

pub(crate) const SHIFT_OVERLAP: FindingCode = FindingCode::new(
    Area::Rota,
    "shift-overlap",
    "The same person is on two overlapping shifts; they are counted once.",
    "Remove or shorten one of the two shifts.",
);

pub(crate) const SHIFTS_MORE_BAD_ROWS: FindingCode = FindingCode::new(
    Area::Rota,
    "shifts-more-bad-rows",
    "More bad shift rows than are listed one by one; this counts the rest.",
    "Fix the listed rows, then assess again to see the rest.",
);

/// Every finding code this analysis produces.
pub const CODES: &[FindingCode] = &[
    COVER_GAP,
    ON_CALL_GAP,
    BANK_HOLIDAYS_NOT_STATED,
    ROTA_UNKNOWN_TIMEZONE,
    ROTA_PERIOD_REVERSED,
    ROTA_DUPLICATE_EXCEPTION,
    ROTA_EXCEPTION_UNCLEAR,
    ROTA_EXCEPTION_IGNORED,
    COVER_NO_ROTA,
    COVER_WINDOW_INVALID,
    SHIFTS_NOT_READ,
    SHIFTS_UNREADABLE,
    SHIFTS_MISSING_COLUMN,
    SHIFT_BAD_TIME,
    SHIFT_ENDS_BEFORE_START,
    SHIFT_RAGGED_ROW,
    SHIFT_BAD_ROW,
    SHIFT_OVERLAP,
    SHIFTS_MORE_BAD_ROWS,
];
