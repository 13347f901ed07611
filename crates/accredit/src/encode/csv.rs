//! CSV cells (RFC 4180) that a spreadsheet never runs as a formula.
//!
//! A cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is
//! read by Excel, LibreOffice and Google Sheets as a formula (or as one after
//! the leading white space); such a cell is led by an apostrophe, which the
//! spreadsheet shows as text. A cell holding a comma, a quote or a line break
//! is quoted, with quotes doubled.

use std::borrow::Cow;

/// One cell, defused and quoted as needed.
pub fn cell(value: &str) -> Cow<'_, str> {
    let defused: Cow<'_, str> = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    };
    if defused.contains([',', '"', '\r', '\n']) {
        Cow::Owned(format!("\"{}\"", defused.replace('"', "\"\"")))
    } else {
        defused
    }
}

/// One record: cells joined by commas, ended by CRLF (RFC 4180).
pub fn record<'a>(cells: impl IntoIterator<Item = &'a str>) -> String {
    let mut line = cells.into_iter().map(cell).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        assert_eq!(cell("plain text"), "plain text");
        assert_eq!(cell("a-b"), "a-b");
    }

    #[test]
    fn cells_are_quoted_per_rfc_4180() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(record(["id", "=x", "a,b"]), "id,'=x,\"a,b\"\r\n");
    }

    #[test]
    fn records_read_back_with_a_csv_reader() {
        let values = ["=1+1", "a,\"b\"", "line\r\nbreak", "@me", "-", ""];
        let text = record(values);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        let read: Vec<&str> = row.iter().collect();
        assert_eq!(
            read,
            ["'=1+1", "a,\"b\"", "line\r\nbreak", "'@me", "'-", ""]
        );
    }
}
