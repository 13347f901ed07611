//! The JUnit XML document shared by `score --format junit` and
//! `validate --format junit`: suites of cases, each passed, skipped, failed
//! or in error. It writes the layout CI tools read (the one nextest's
//! `quick-junit` writes: `testsuites` > `testsuite` > `testcase`, counts on
//! each suite and on the whole), and every text goes through
//! [`crate::encode::xml`], the one place XML text is encoded (ADR 0160).

use std::fmt::Write as _;

use crate::encode::xml::{attribute, content};

/// The whole report: a name and its suites.
pub struct Report {
    name: String,
    suites: Vec<Suite>,
}

/// One suite of cases.
pub struct Suite {
    name: String,
    cases: Vec<Case>,
}

/// One test case: a name, a class name and how it went.
pub struct Case {
    name: String,
    classname: String,
    outcome: Outcome,
    output: Option<String>,
}

/// How a case went. A failure or an error carries a one-line message, a
/// type (a result or finding code) and a description of several lines.
pub enum Outcome {
    /// It passed.
    Passed,
    /// It was not run: the message says why (`waived`, `not-applicable`).
    Skipped {
        /// Why it was skipped.
        message: String,
    },
    /// It ran and failed (`<failure>`) or could not be assessed (`<error>`).
    Failed {
        /// `true` for `<error>`, `false` for `<failure>`.
        error: bool,
        /// One line.
        message: String,
        /// A result or finding code.
        kind: String,
        /// Several lines: the findings and how to fix them.
        description: String,
    },
}

impl Report {
    /// An empty report.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            suites: Vec::new(),
        }
    }

    /// Adds a suite.
    pub fn add(&mut self, suite: Suite) {
        self.suites.push(suite);
    }

    /// The XML document, ending with a line break.
    pub fn to_xml(&self) -> String {
        let all: Vec<&Case> = self.suites.iter().flat_map(|s| &s.cases).collect();
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"{}\" tests=\"{}\" skipped=\"{}\" failures=\"{}\" errors=\"{}\">",
            attribute(&self.name),
            all.len(),
            count(all.iter().copied(), Tally::Skipped),
            count(all.iter().copied(), Tally::Failures),
            count(all.iter().copied(), Tally::Errors),
        );
        for suite in &self.suites {
            suite.write(&mut out);
        }
        out.push_str("</testsuites>\n");
        out
    }
}

impl Suite {
    /// An empty suite.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            cases: Vec::new(),
        }
    }

    /// Adds a case.
    pub fn add(&mut self, case: Case) {
        self.cases.push(case);
    }

    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "    <testsuite name=\"{}\" tests=\"{}\" skipped=\"{}\" errors=\"{}\" failures=\"{}\"",
            attribute(&self.name),
            self.cases.len(),
            count(self.cases.iter(), Tally::Skipped),
            count(self.cases.iter(), Tally::Errors),
            count(self.cases.iter(), Tally::Failures),
        );
        if self.cases.is_empty() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        for case in &self.cases {
            case.write(out);
        }
        out.push_str("    </testsuite>\n");
    }
}

impl Case {
    /// A case in a class (`accredit.COV`, `accredit.validate.Rota`).
    pub fn new(name: impl Into<String>, classname: impl Into<String>, outcome: Outcome) -> Self {
        Self {
            name: name.into(),
            classname: classname.into(),
            outcome,
            output: None,
        }
    }

    /// Text shown beside a passed case (`<system-out>`): its warnings.
    pub fn with_output(mut self, output: impl Into<String>) -> Self {
        self.output = Some(output.into());
        self
    }

    fn write(&self, out: &mut String) {
        let _ = write!(
            out,
            "        <testcase name=\"{}\" classname=\"{}\"",
            attribute(&self.name),
            attribute(&self.classname)
        );
        if matches!(self.outcome, Outcome::Passed) && self.output.is_none() {
            out.push_str("/>\n");
            return;
        }
        out.push_str(">\n");
        match &self.outcome {
            Outcome::Passed => {}
            Outcome::Skipped { message } => {
                let _ = writeln!(
                    out,
                    "            <skipped message=\"{}\"/>",
                    attribute(message)
                );
            }
            Outcome::Failed {
                error,
                message,
                kind,
                description,
            } => {
                let element = if *error { "error" } else { "failure" };
                let _ = writeln!(
                    out,
                    "            <{element} message=\"{}\" type=\"{}\">{}</{element}>",
                    attribute(message),
                    attribute(kind),
                    content(description)
                );
            }
        }
        if let Some(output) = &self.output {
            let _ = writeln!(
                out,
                "            <system-out>{}</system-out>",
                content(output)
            );
        }
        out.push_str("        </testcase>\n");
    }
}

#[derive(Clone, Copy)]
enum Tally {
    Skipped,
    Failures,
    Errors,
}

fn count<'a>(cases: impl Iterator<Item = &'a Case>, tally: Tally) -> usize {
    cases
        .filter(|c| {
            matches!(
                (&c.outcome, tally),
                (Outcome::Skipped { .. }, Tally::Skipped)
                    | (Outcome::Failed { error: false, .. }, Tally::Failures)
                    | (Outcome::Failed { error: true, .. }, Tally::Errors)
            )
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report() -> Report {
        let mut suite = Suite::new("COV <cover>");
        suite.add(Case::new("COV-01 phone", "accredit.COV", Outcome::Passed));
        suite.add(Case::new(
            "COV-02 rota",
            "accredit.COV",
            Outcome::Failed {
                error: false,
                message: "fail \"now\"".into(),
                kind: "fail".into(),
                description: "rota.yaml:3: a gap\nHow to fix: staff it & check".into(),
            },
        ));
        suite.add(Case::new(
            "ORG-02",
            "accredit.ORG",
            Outcome::Skipped {
                message: "not-applicable".into(),
            },
        ));
        suite.add(Case::new(
            "ESC-01",
            "accredit.ESC",
            Outcome::Failed {
                error: true,
                message: "error".into(),
                kind: "error".into(),
                description: "invalid".into(),
            },
        ));
        suite.add(
            Case::new("rota.yaml", "accredit.validate.Rota", Outcome::Passed)
                .with_output("rota.yaml:1:1: warning"),
        );
        let mut report = Report::new("accredit \u{1b}[31m");
        report.add(suite);
        report
    }

    #[test]
    fn writes_the_junit_layout_with_counts_and_encoded_text() {
        let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<testsuites name=\"accredit \\x1b[31m\" tests=\"5\" skipped=\"1\" failures=\"1\" errors=\"1\">
    <testsuite name=\"COV &lt;cover&gt;\" tests=\"5\" skipped=\"1\" errors=\"1\" failures=\"1\">
        <testcase name=\"COV-01 phone\" classname=\"accredit.COV\"/>
        <testcase name=\"COV-02 rota\" classname=\"accredit.COV\">
            <failure message=\"fail &quot;now&quot;\" type=\"fail\">rota.yaml:3: a gap
How to fix: staff it &amp; check</failure>
        </testcase>
        <testcase name=\"ORG-02\" classname=\"accredit.ORG\">
            <skipped message=\"not-applicable\"/>
        </testcase>
        <testcase name=\"ESC-01\" classname=\"accredit.ESC\">
            <error message=\"error\" type=\"error\">invalid</error>
        </testcase>
        <testcase name=\"rota.yaml\" classname=\"accredit.validate.Rota\">
            <system-out>rota.yaml:1:1: warning</system-out>
        </testcase>
    </testsuite>
</testsuites>
";
        assert_eq!(report().to_xml(), expected);
    }
}
