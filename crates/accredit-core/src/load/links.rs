//! Links between pack files in Markdown evidence.
//!
//! Every relative link (and image) in a Procedure or Document must name a
//! file in the pack, or a folder holding some; when it names a heading
//! (`file.md#anchor`, or `#anchor` in the same document) in a Markdown file,
//! that file must have a heading with that GitHub anchor. A link to any
//! other kind of file only needs the file. A link that is absolute or climbs
//! out of the pack is broken. External links (`https:`, `mailto:`, `//host`)
//! are never fetched and not checked; empty ones (`[text]()`) are ignored.
//!
//! [`check_links`] runs once, at load: the results are kept on the evidence
//! (`Evidence::links`), each broken link is a `broken-link` warning (so
//! `accredit validate` shows it), and the DOC-03 check scores the share of
//! links that resolve from the same results. Each document's Markdown
//! analysis is made once, when it is loaded; a Markdown file that is not
//! evidence (a README) is read only when a link asks for one of its
//! headings, and only if the pack index holds it.

use std::collections::HashMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::evidence::{BrokenLink, Evidence, LinkCheck};
use crate::markdown::{Anchors, LinkTarget, MarkdownReport, analyse_markdown};

use super::walk::resolve_reference;

/// The largest Markdown attachment read to check a heading link (larger
/// ones are taken on trust).
const MAX_TARGET_BYTES: u64 = 16 * 1024 * 1024;

/// Every relative link of every valid Procedure and Document, by file and
/// then in document order, each with whether it resolves.
pub fn check_links(evidence: &Evidence) -> Vec<LinkCheck> {
    let mut documents: Vec<(&str, &MarkdownReport)> = evidence
        .procedures
        .iter()
        .map(|p| (p.file.as_str(), &p.value.report))
        .chain(
            evidence
                .documents
                .iter()
                .map(|d| (d.file.as_str(), &d.value.report)),
        )
        .collect();
    documents.sort_by(|a, b| a.0.cmp(b.0));
    let mut targets = Targets {
        evidence,
        analysed: documents
            .iter()
            .map(|(file, report)| (*file, report.anchor_set()))
            .collect(),
        read: HashMap::new(),
        suggestions: HashMap::new(),
        suggestion_budget: SUGGESTION_BUDGET,
    };
    let mut checks = Vec::new();
    for (file, report) in &documents {
        for link in &report.links {
            let broken = match &link.target {
                LinkTarget::External { .. } | LinkTarget::Empty => continue,
                LinkTarget::Anchor { anchor } => {
                    let lands = targets
                        .analysed
                        .get(file)
                        .is_none_or(|own| own.contains(anchor));
                    (!lands).then(|| BrokenLink::NoSuchAnchor {
                        path: (*file).to_owned(),
                        anchor: anchor.clone(),
                        same_document: true,
                    })
                }
                LinkTarget::Path { path, anchor } => {
                    resolve(evidence, &mut targets, file, path, anchor.as_deref())
                }
            };
            checks.push(LinkCheck {
                file: (*file).to_owned(),
                kind: link.kind,
                destination: link.destination.clone(),
                position: link.position,
                broken,
            });
        }
    }
    checks
}

/// Checks every link once, keeps the result on the evidence (for DOC-03),
/// and reports each broken one as a `broken-link` warning for `validate`.
pub(super) fn report(evidence: &mut Evidence, diagnostics: &mut Vec<Diagnostic>) {
    evidence.links = check_links(evidence);
    for link in &evidence.links {
        if let Some(message) = link.message() {
            diagnostics.push(Diagnostic::warning(
                Code::BrokenLink,
                message,
                Some(link.location()),
            ));
        }
    }
}

/// Why the link to `path` (written in `from`) does not resolve, if it does not.
fn resolve(
    evidence: &Evidence,
    targets: &mut Targets<'_>,
    from: &str,
    path: &str,
    anchor: Option<&str>,
) -> Option<BrokenLink> {
    let target = match resolve_reference(from, path) {
        Ok(target) => target,
        Err(Code::PathAbsolute) => return Some(BrokenLink::Absolute),
        Err(Code::PathOutsidePack) => return Some(BrokenLink::OutsidePack),
        // Nothing left of the path: the pack's own folder.
        Err(_) => return None,
    };
    if evidence.indexed_path(&target).is_some() {
        let anchor = anchor.filter(|_| is_markdown(&target))?;
        return (!targets.has_anchor(&target, anchor)).then(|| BrokenLink::NoSuchAnchor {
            path: target,
            anchor: anchor.to_owned(),
            same_document: false,
        });
    }
    if is_folder(evidence, &target) {
        return None;
    }
    Some(BrokenLink::NoSuchFile {
        suggestion: targets.similar_name(&target),
        path: target,
    })
}

/// Whether a pack path names a Markdown file.
fn is_markdown(path: &str) -> bool {
    crate::evidence::FileType::of(path) == crate::evidence::FileType::Markdown
}

/// Whether some indexed file lies under `path/`.
fn is_folder(evidence: &Evidence, path: &str) -> bool {
    let prefix = format!("{path}/");
    let first = evidence
        .files
        .partition_point(|f| f.path.as_str() < prefix.as_str());
    evidence
        .files
        .get(first)
        .is_some_and(|f| f.path.starts_with(&prefix))
}

/// How many file names, in all, are compared with missing link targets for
/// suggestions: enough for any real pack, and a bound on the work for a
/// document with 100,000 broken links into a folder of 100,000 files.
const SUGGESTION_BUDGET: usize = 200_000;

/// The name of a file in the same folder as `path` whose name differs from
/// its name by at most two letters (or only in case), if there is one.
/// Each name compared spends one unit of `budget`; none is left, no suggestion.
fn similar_name(evidence: &Evidence, path: &str, budget: &mut usize) -> Option<String> {
    let (folder, name) = match path.rsplit_once('/') {
        Some((folder, name)) => (format!("{folder}/"), name),
        None => (String::new(), path),
    };
    if name.len() > 200 {
        return None;
    }
    let wanted: Vec<char> = name.to_lowercase().chars().collect();
    let first = evidence
        .files
        .partition_point(|f| f.path.as_str() < folder.as_str());
    let in_folder = evidence.files[first..]
        .iter()
        .take_while(|f| f.path.starts_with(&folder));
    let mut best: Option<(usize, &str)> = None;
    for f in in_folder {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let Some(candidate) = f.path.get(folder.len()..) else {
            continue;
        };
        if candidate.contains('/') || candidate.len() > 200 {
            continue;
        }
        let letters: Vec<char> = candidate.to_lowercase().chars().collect();
        let distance = edit_distance(&wanted, &letters);
        if distance <= 2
            && distance < wanted.len().max(1)
            && best.is_none_or(|(shortest, _)| distance < shortest)
        {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate.to_owned())
}

/// Levenshtein distance between two short strings.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// What link targets hold: the headings of Markdown files (evidence
/// documents' analyses, and other Markdown files read once on demand), and
/// the names suggested for missing files (each looked for once).
struct Targets<'a> {
    /// The pack.
    evidence: &'a Evidence,
    /// Anchors of the analyses made when the evidence was loaded.
    analysed: HashMap<&'a str, Anchors>,
    /// Other Markdown files read so far (`None`: could not be read), with
    /// their anchors.
    read: HashMap<String, Option<Anchors>>,
    /// Suggestions made so far, by missing path.
    suggestions: HashMap<String, Option<String>>,
    /// File names still allowed to be compared for suggestions.
    suggestion_budget: usize,
}

impl Targets<'_> {
    /// [`similar_name`], remembered for each missing path.
    fn similar_name(&mut self, path: &str) -> Option<String> {
        let evidence = self.evidence;
        let budget = &mut self.suggestion_budget;
        self.suggestions
            .entry(path.to_owned())
            .or_insert_with(|| similar_name(evidence, path, budget))
            .clone()
    }

    /// Whether the Markdown file `path` has a heading with `anchor`; true
    /// when the file cannot be read (nothing to check against).
    fn has_anchor(&mut self, path: &str, anchor: &str) -> bool {
        if let Some(anchors) = self.analysed.get(path) {
            return anchors.contains(anchor);
        }
        let evidence = self.evidence;
        self.read
            .entry(path.to_owned())
            .or_insert_with(|| read_markdown(evidence, path).map(|r| r.anchor_set()))
            .as_ref()
            .is_none_or(|anchors| anchors.contains(anchor))
    }
}

/// The analysis of a Markdown file of the pack that is not (valid) evidence.
fn read_markdown(evidence: &Evidence, path: &str) -> Option<MarkdownReport> {
    if let Some(text) = evidence.sources.get(path) {
        return Some(analyse_markdown(text));
    }
    let at = evidence.files.partition_point(|f| f.path.as_str() < path);
    let file = evidence.files.get(at).filter(|f| f.path == path)?;
    if file.bytes > MAX_TARGET_BYTES {
        return None;
    }
    let bytes = std::fs::read(evidence.indexed_path(path)?).ok()?;
    Some(analyse_markdown(&String::from_utf8_lossy(&bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evidence::{FileRole, Located, MarkdownEvidence, PackFile};
    use crate::model::Procedure;

    fn procedure(file: &str, body: &str) -> Located<MarkdownEvidence<Procedure>> {
        let text = format!("---\nkind: Procedure\n---\n{body}");
        let front = Procedure {
            process: crate::model::Process::Change,
            title: "T".into(),
            control: Default::default(),
        };
        Located {
            file: file.into(),
            value: MarkdownEvidence::new(front, text),
            index: Default::default(),
        }
    }

    fn evidence(
        procedures: Vec<Located<MarkdownEvidence<Procedure>>>,
        others: &[&str],
    ) -> Evidence {
        let mut files: Vec<PackFile> = procedures
            .iter()
            .map(|p| p.file.as_str())
            .chain(others.iter().copied())
            .map(|path| PackFile {
                path: path.into(),
                role: FileRole::Attachment,
                bytes: 0,
                sha256: String::new(),
                valid: true,
            })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Evidence {
            files,
            procedures,
            ..Evidence::default()
        }
    }

    fn broken(evidence: &Evidence) -> Vec<String> {
        check_links(evidence)
            .iter()
            .filter_map(|l| Some(format!("{}: {}", l.location(), l.message()?)))
            .collect()
    }

    #[test]
    fn links_between_pack_files_resolve_with_their_anchors() {
        let incident = procedure(
            "procedures/incident.md",
            "# Incident\n\n## Roles & Responsibilities\n\nSee [change](change.md#clinical-impact), [top](#roles--responsibilities), [plan](../escalation/plan.yaml#levels), [tests](../tests/), [nhs](https://www.nhs.uk/), [mail](mailto:x@nhs.net), [empty]() and ![flow](img/flow.png).\n",
        );
        let change = procedure(
            "procedures/change.md",
            "# Change\n\n## Clinical impact\n\nx\n",
        );
        let evidence = evidence(
            vec![incident, change],
            &[
                "escalation/plan.yaml",
                "procedures/img/flow.png",
                "tests/a/t.yaml",
            ],
        );
        assert_eq!(broken(&evidence), Vec::<String>::new());
        let checks = check_links(&evidence);
        assert_eq!(checks.len(), 5);
        assert!(checks.iter().all(|c| c.broken.is_none()));
    }

    #[test]
    fn broken_links_say_where_and_why() {
        let incident = procedure(
            "procedures/incident.md",
            "# Incident\n\nSee [change](changes.md),\n[impact](change.md#clinical-impakt), [self](#nowhere),\n[out](../../etc/passwd), [abs](/etc/passwd) and ![x](img/none.png).\n",
        );
        let change = procedure("procedures/change.md", "# Change\n\n## Clinical impact\n");
        let evidence = evidence(vec![incident, change], &[]);
        assert_eq!(
            broken(&evidence),
            [
                "procedures/incident.md:6:5: link to changes.md at line 6 does not resolve (no such file in the pack; did you mean change.md?)",
                "procedures/incident.md:7:1: link to change.md#clinical-impakt at line 7 does not resolve (procedures/change.md has no heading with the anchor #clinical-impakt)",
                "procedures/incident.md:7:38: link to #nowhere at line 7 does not resolve (this document has no heading with the anchor #nowhere)",
                "procedures/incident.md:8:1: link to ../../etc/passwd at line 8 does not resolve (it leads outside the pack; nothing outside the pack is read)",
                "procedures/incident.md:8:26: link to /etc/passwd at line 8 does not resolve (it is an absolute path; write it relative to this file)",
                "procedures/incident.md:8:49: image img/none.png at line 8 does not resolve (no such file in the pack)",
            ]
        );
    }

    #[test]
    fn headings_of_markdown_attachments_are_read_from_the_pack() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("README.md"),
            "# Pack\n\n## Where things are\n",
        )
        .unwrap();
        let guide = procedure(
            "guide.md",
            "# Guide\n\n[a](README.md#where-things-are) [b](README.md#nowhere)\n",
        );
        let mut evidence = evidence(vec![guide], &["README.md"]);
        evidence.root = dir.path().to_path_buf();
        let found = broken(&evidence);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].contains("README.md has no heading with the anchor #nowhere"),
            "{found:?}"
        );
    }

    #[test]
    fn similar_names_are_suggested_only_when_close() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(edit_distance(&chars("changes.md"), &chars("change.md")), 1);
        assert_eq!(edit_distance(&chars(""), &chars("ab")), 2);
        let evidence = evidence(vec![], &["procedures/Change.md", "procedures/release.md"]);
        assert_eq!(
            similar_name(
                &evidence,
                "procedures/change.md",
                &mut SUGGESTION_BUDGET.clone()
            )
            .as_deref(),
            Some("Change.md")
        );
        assert_eq!(
            similar_name(
                &evidence,
                "procedures/problem.md",
                &mut SUGGESTION_BUDGET.clone()
            ),
            None
        );
    }
}
