//! Which ruleset a run uses.

/// Applications of the built-in ruleset.
pub fn default_applications() -> Vec<String> {
    [
        "care-records-service",
        "choose-and-book",
        "electronic-prescription-service",
        "pacs",
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}
