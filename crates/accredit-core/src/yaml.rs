//! YAML with a position for every node.
//!
//! Evidence is written by hand, so every error must point at the node it
//! concerns. This module parses YAML with saphyr, guards against hostile input
//! (nesting past a limit, alias bombs, duplicate keys) while the events stream
//! past — before any tree is built — and converts the result into a
//! [`serde_json::Value`] for schema validation, together with a [`NodeIndex`]
//! that maps JSON pointers back to lines and columns.

use saphyr::{MarkedYaml, Scalar, YamlData, YamlLoader};
use saphyr_parser::{Event, Parser, ScanError, SpannedEventReceiver};
use serde_json::{Map, Number, Value};

use crate::location::{Position, to_u32};

/// Limits that keep hostile YAML from exhausting the stack or memory.
#[derive(Debug, Clone, Copy)]
pub struct YamlLimits {
    /// Deepest nesting of sequences and mappings accepted.
    pub max_depth: usize,
    /// Most nodes that alias expansion may produce in one file.
    pub max_alias_nodes: usize,
}

impl Default for YamlLimits {
    fn default() -> Self {
        YamlLimits {
            max_depth: 64,
            max_alias_nodes: 10_000,
        }
    }
}

/// Why a YAML text could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum YamlError {
    /// The text is not well-formed YAML (including duplicate keys and alias bombs).
    #[error("{message}")]
    Syntax {
        /// What the parser said, in plain words.
        message: String,
        /// Where.
        position: Position,
        /// Which defence or rule it broke.
        cause: YamlErrorCause,
    },
    /// Nesting deeper than the limit.
    #[error("nesting deeper than {limit} levels")]
    TooDeep {
        /// The limit.
        limit: usize,
        /// Where the limit was crossed.
        position: Position,
    },
    /// The file holds no YAML document.
    #[error("the file is empty")]
    Empty,
    /// The file holds more than one YAML document.
    #[error("the file holds more than one YAML document (`---` separates documents)")]
    SeveralDocuments {
        /// Start of the second document.
        position: Position,
    },
}

/// The kind of a [`YamlError::Syntax`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YamlErrorCause {
    /// Malformed YAML.
    Malformed,
    /// The same key twice in one mapping.
    DuplicateKey,
    /// Aliases that expand past the limit.
    AliasBomb,
}

impl YamlError {
    /// Where the error is, when known.
    pub fn position(&self) -> Option<Position> {
        match self {
            YamlError::Syntax { position, .. }
            | YamlError::TooDeep { position, .. }
            | YamlError::SeveralDocuments { position } => Some(*position),
            YamlError::Empty => None,
        }
    }
}

/// Where a node and, for mapping values, its key are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodePlace {
    /// Start of the value.
    pub value: Position,
    /// Start of the key, for a mapping entry.
    pub key: Option<Position>,
}

/// Maps JSON pointers (`/levels/2/contact`) to places in the source.
///
/// Lookups are rare (only for diagnostics and findings) while every node of
/// every file is recorded, so the pointers live in one buffer and the places
/// in a vector in document order, searched linearly: no allocation per node.
#[derive(Debug, Clone, Default)]
pub struct NodeIndex {
    /// Every node's pointer, concatenated.
    pointers: String,
    /// (start, end) of each pointer in `pointers`, and its place.
    places: Vec<(u32, u32, NodePlace)>,
}

impl NodeIndex {
    /// The place of the node at `pointer`, or of its nearest ancestor that exists.
    pub fn locate(&self, pointer: &str) -> Position {
        let mut pointer = pointer;
        loop {
            if let Some(place) = self.get(pointer) {
                return place.value;
            }
            match pointer.rfind('/') {
                Some(i) => pointer = &pointer[..i],
                None => return Position { line: 1, column: 1 },
            }
        }
    }

    /// The place of the key of the mapping entry at `pointer`, falling back to
    /// [`NodeIndex::locate`].
    pub fn locate_key(&self, pointer: &str) -> Position {
        match self.get(pointer) {
            Some(NodePlace { key: Some(key), .. }) => *key,
            _ => self.locate(pointer),
        }
    }

    /// Whether the node at `pointer` exists.
    pub fn contains(&self, pointer: &str) -> bool {
        self.get(pointer).is_some()
    }

    fn get(&self, pointer: &str) -> Option<&NodePlace> {
        self.places
            .iter()
            .find(|(start, end, _)| {
                self.pointers.get(*start as usize..*end as usize) == Some(pointer)
            })
            .map(|(_, _, place)| place)
    }

    fn record(&mut self, pointer: &str, place: NodePlace) {
        let start = to_u32(self.pointers.len());
        self.pointers.push_str(pointer);
        self.places
            .push((start, to_u32(self.pointers.len()), place));
    }
}

/// A parsed YAML document: its value and where each node came from.
#[derive(Debug, Clone)]
pub struct YamlDocument {
    /// The document as JSON data.
    pub value: Value,
    /// Places of every node.
    pub index: NodeIndex,
}

/// Parses one YAML document. `first_line` is the file line on which `text`
/// starts (1 for a whole file; later for Markdown front matter).
pub fn parse_document(
    text: &str,
    first_line: u32,
    limits: YamlLimits,
) -> Result<YamlDocument, YamlError> {
    let shift = first_line.saturating_sub(1);
    // One pass: drive saphyr's loader from the parser's event iterator (an
    // iterative state machine), enforcing the depth limit and the
    // one-document rule before a node is added. `Parser::load` recurses per
    // nesting level and overflows the stack on hostile input, so it is never
    // used; the loader itself builds its tree with an explicit stack.
    let mut loader: YamlLoader<'_, MarkedYaml<'_>> = YamlLoader::default();
    loader.alias_limit(limits.max_alias_nodes);
    loader.allow_duplicate_keys(false);
    let mut depth = 0usize;
    let mut documents = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| syntax(&e, shift))?;
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(YamlError::TooDeep {
                        limit: limits.max_depth,
                        position: position(span.start, shift),
                    });
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError::SeveralDocuments {
                        position: position(span.start, shift),
                    });
                }
            }
            _ => {}
        }
        loader.on_event(event, span);
        if let Some(error) = loader.error() {
            return Err(syntax(error, shift));
        }
    }
    let documents = loader.into_documents();
    let Some(root) = documents.into_iter().next() else {
        return Err(YamlError::Empty);
    };
    if matches!(root.data, YamlData::Value(Scalar::Null)) && text.trim().is_empty() {
        return Err(YamlError::Empty);
    }
    let mut index = NodeIndex::default();
    let mut pointer = String::new();
    let value = convert(&root, &mut pointer, None, &mut index, shift);
    Ok(YamlDocument { value, index })
}

fn position(marker: saphyr_parser::Marker, shift: u32) -> Position {
    Position {
        line: to_u32(marker.line()).saturating_add(shift).max(1),
        column: to_u32(marker.col() + 1),
    }
}

fn syntax(error: &ScanError, shift: u32) -> YamlError {
    let info = error.info();
    let (cause, message) = if info.contains("duplicated key") {
        (
            YamlErrorCause::DuplicateKey,
            "the same key appears twice in one mapping".to_string(),
        )
    } else if info.contains("alias") {
        (
            YamlErrorCause::AliasBomb,
            "aliases (`*name`) expand to too many values; write the values out instead".to_string(),
        )
    } else {
        (YamlErrorCause::Malformed, format!("malformed YAML: {info}"))
    };
    YamlError::Syntax {
        message,
        position: position(*error.marker(), shift),
        cause,
    }
}

fn convert(
    node: &MarkedYaml<'_>,
    pointer: &mut String,
    key: Option<Position>,
    index: &mut NodeIndex,
    shift: u32,
) -> Value {
    index.record(
        pointer,
        NodePlace {
            value: position(node.span.start, shift),
            key,
        },
    );
    match &node.data {
        YamlData::Value(scalar) => scalar_value(scalar),
        YamlData::Representation(text, ..) => Value::String(text.to_string()),
        YamlData::Sequence(items) => {
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                out.push(convert(item, pointer, None, index, shift));
                pointer.truncate(len);
            }
            Value::Array(out)
        }
        YamlData::Mapping(entries) => {
            let mut out = Map::with_capacity(entries.len());
            for (k, v) in entries {
                let name = key_text(k);
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&name.replace('~', "~0").replace('/', "~1"));
                let key_place = Some(position(k.span.start, shift));
                let value = convert(v, pointer, key_place, index, shift);
                pointer.truncate(len);
                out.insert(name, value);
            }
            Value::Object(out)
        }
        YamlData::Tagged(_, inner) => convert(inner, pointer, key, index, shift),
        YamlData::Alias(_) | YamlData::BadValue => Value::Null,
    }
}

fn scalar_value(scalar: &Scalar<'_>) -> Value {
    match scalar {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(*b),
        Scalar::Integer(i) => Value::Number((*i).into()),
        Scalar::FloatingPoint(f) => Number::from_f64(f.into_inner())
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        Scalar::String(s) => Value::String(s.to_string()),
    }
}

fn key_text(key: &MarkedYaml<'_>) -> String {
    match &key.data {
        YamlData::Value(Scalar::String(s)) => s.to_string(),
        YamlData::Value(Scalar::Integer(i)) => i.to_string(),
        YamlData::Value(Scalar::Boolean(b)) => b.to_string(),
        YamlData::Value(Scalar::FloatingPoint(f)) => f.to_string(),
        YamlData::Value(Scalar::Null) => "null".to_string(),
        YamlData::Representation(text, ..) => text.to_string(),
        _ => "<complex key>".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<YamlDocument, YamlError> {
        parse_document(text, 1, YamlLimits::default())
    }

    #[test]
    fn dates_and_times_stay_text_whether_quoted_or_not() {
        let doc = parse("start: 2008-10-06\nend: 20:00\nq: '2008-10-06'\n").unwrap();
        assert_eq!(doc.value["start"], "2008-10-06");
        assert_eq!(doc.value["end"], "20:00");
        assert_eq!(doc.value["q"], "2008-10-06");
    }

    #[test]
    fn every_node_and_key_has_its_place() {
        let doc = parse("a:\n  b:\n    - x\n    - phnoe: 1\n").unwrap();
        assert_eq!(doc.index.locate("/a/b/1"), Position { line: 4, column: 7 });
        assert_eq!(
            doc.index.locate_key("/a/b/1/phnoe"),
            Position { line: 4, column: 7 }
        );
        assert_eq!(
            doc.index.locate("/a/b/1/phnoe"),
            Position {
                line: 4,
                column: 14
            }
        );
        // a missing node falls back to its nearest ancestor
        assert_eq!(
            doc.index.locate("/a/b/1/phone"),
            Position { line: 4, column: 7 }
        );
    }

    #[test]
    fn first_line_shifts_positions_for_front_matter() {
        let doc = parse_document("kind: Procedure\ntitle: x\n", 2, YamlLimits::default()).unwrap();
        assert_eq!(doc.index.locate("/title"), Position { line: 3, column: 8 });
    }

    #[test]
    fn duplicate_keys_are_rejected_at_the_second_key() {
        let err = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert!(matches!(
            err,
            YamlError::Syntax {
                cause: YamlErrorCause::DuplicateKey,
                ..
            }
        ));
        assert_eq!(err.position().unwrap().line, 3);
    }

    #[test]
    fn deep_nesting_is_rejected_without_overflowing_the_stack() {
        let text = "- ".repeat(50_000) + "x\n";
        let err = parse(&text).unwrap_err();
        assert!(
            matches!(err, YamlError::TooDeep { limit: 64, .. }),
            "{err:?}"
        );
        let flow = "[".repeat(50_000) + &"]".repeat(50_000);
        let err = parse(&flow).unwrap_err();
        assert!(
            matches!(err, YamlError::TooDeep { .. } | YamlError::Syntax { .. }),
            "{err:?}"
        );
    }

    #[test]
    fn alias_bombs_are_rejected() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let err = parse(&text).unwrap_err();
        assert!(
            matches!(
                err,
                YamlError::Syntax {
                    cause: YamlErrorCause::AliasBomb,
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn malformed_yaml_and_empty_files_and_several_documents() {
        let err = parse("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(matches!(
            err,
            YamlError::Syntax {
                cause: YamlErrorCause::Malformed,
                ..
            }
        ));
        assert_eq!(parse("").unwrap_err(), YamlError::Empty);
        assert_eq!(parse("# only a comment\n").unwrap_err(), YamlError::Empty);
        let err = parse("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(matches!(err, YamlError::SeveralDocuments { .. }));
    }
}
