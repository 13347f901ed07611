//! The finding codes of the cover analysis, each with what it means: the
//! one list that rules tables and `accredit rules` can be built from.

/// Every finding code this analysis produces, with what it means.
pub const FINDING_CODES: [(&str, &str); 19] = [
    (
        "cover-gap",
        "fewer desk staff than required at some time in the assessment window",
    ),
    (
        "on-call-gap",
        "no on-call manager at some time outside weekday core hours",
    ),
    (
        "bank-holidays-not-stated",
        "the rota does not say how bank holidays are staffed, so they count as unstaffed",
    ),
    (
        "rota-unknown-timezone",
        "the rota names a time zone that is not in the IANA database",
    ),
    (
        "rota-period-reversed",
        "the rota period ends before it starts",
    ),
    (
        "rota-duplicate-exception",
        "two exceptions for the same date; the first applies",
    ),
    (
        "rota-exception-unclear",
        "an exception is both closed and staffed, or neither",
    ),
    (
        "rota-exception-ignored",
        "an exception in a rota whose shifts come from a CSV changes nothing",
    ),
    (
        "cover-no-rota",
        "the cover analysis was given no rota (never from a pack: a pack without a rota is `missing`)",
    ),
    (
        "cover-window-invalid",
        "the assessment window lies outside the supported range of dates",
    ),
    (
        "shifts-not-read",
        "the rota names a shifts CSV that was not given to the analysis",
    ),
    ("shifts-unreadable", "the shifts CSV cannot be read"),
    (
        "shifts-missing-column",
        "the shifts CSV lacks a required column",
    ),
    (
        "shift-bad-time",
        "a shift row has a start or end that is not a valid instant",
    ),
    (
        "shift-ends-before-start",
        "a shift row ends at or before it starts",
    ),
    (
        "shift-ragged-row",
        "a shift row has a different number of fields from the header",
    ),
    (
        "shift-bad-row",
        "a shift row is unreadable, has no staff_id, or a bad on_call value",
    ),
    (
        "shift-overlap",
        "the same person is on two overlapping shifts; counted once",
    ),
    (
        "shifts-more-bad-rows",
        "the count of further bad shift rows not listed one by one",
    ),
];
