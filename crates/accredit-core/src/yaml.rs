//! YAML with a position for every node.
//!
//! Evidence is written by hand, so every error must point at the node it
//! concerns. This module parses YAML with saphyr, guards against hostile input
//! (nesting past a limit, alias bombs, duplicate keys) while the events stream
//! past — before any tree is built — and converts the result into a
//! [`serde_json::Value`] for schema validation, together with a [`NodeIndex`]
//! that maps JSON pointers back to lines and columns.

use std::borrow::Cow;

use saphyr::Scalar;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError};
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
        /// The line and column where the parser stopped.
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
    /// Well-formed YAML holding a value evidence cannot carry: a tag, a
    /// number out of range, a year outside 0001–9999.
    #[error("{message}")]
    Value {
        /// What is wrong, in plain words.
        message: String,
        /// Where the value starts.
        position: Position,
        /// Which rule it broke.
        cause: ValueProblem,
    },
}

/// The kind of a [`YamlError::Value`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueProblem {
    /// A YAML tag (`!!binary`, `!custom`), or a value that does not fit its tag.
    Tag,
    /// A number too large to hold (an integer past 64 bits, `1e400`, `.nan`).
    NumberOutOfRange,
    /// A date whose year is outside 0001–9999.
    YearOutOfRange,
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
            | YamlError::SeveralDocuments { position }
            | YamlError::Value { position, .. } => Some(*position),
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
/// Every node of every file is recorded, so the index is a tree kept flat:
/// each node stores its parent and its own pointer segment (a key or a list
/// position, in one shared buffer), never its whole pointer — a long key
/// above a long list would otherwise be copied once per item. A second
/// vector orders the nodes by (parent, segment), built once in `n log n`, so
/// a lookup is one binary search per segment and a check that locates every
/// item of a 2,000,000-item list stays `n log n`.
#[derive(Debug, Clone, Default)]
pub struct NodeIndex {
    /// Every node's segment (escaped as in a JSON pointer), concatenated.
    segments: String,
    /// Per node in document order: parent node, segment start, place. The
    /// root is node 0, with no parent.
    nodes: Vec<IndexedNode>,
    /// Node numbers other than the root's, sorted by (parent, segment).
    children: Vec<u32>,
}

#[derive(Debug, Clone, Copy)]
struct IndexedNode {
    parent: u32,
    /// Where its segment starts in the shared buffer; it ends where the next
    /// node's starts (nodes are recorded in order), so no end is stored.
    start: u32,
    /// Start of the value.
    value: Position,
    /// Start of the key of a mapping entry; line 0 when the node is not one
    /// (kept flat: an `Option` would cost a word per node).
    key: Position,
}

/// No key (lines count from 1).
const NO_KEY: Position = Position { line: 0, column: 0 };

/// The parent of the root.
const NO_PARENT: u32 = u32::MAX;

impl NodeIndex {
    /// The place of the node at `pointer`, or of its nearest ancestor that exists.
    pub fn locate(&self, pointer: &str) -> Position {
        match self.walk(pointer) {
            (Some(node), _) | (None, Some(node)) => node.value,
            (None, None) => Position { line: 1, column: 1 },
        }
    }

    /// The place of the key of the mapping entry at `pointer`, falling back to
    /// [`NodeIndex::locate`].
    pub fn locate_key(&self, pointer: &str) -> Position {
        match self.get(pointer) {
            Some(NodePlace { key: Some(key), .. }) => key,
            _ => self.locate(pointer),
        }
    }

    /// Whether the node at `pointer` exists.
    pub fn contains(&self, pointer: &str) -> bool {
        self.get(pointer).is_some()
    }

    /// How many nodes are recorded.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Whether no node is recorded.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    fn get(&self, pointer: &str) -> Option<NodePlace> {
        self.walk(pointer).0.map(|node| NodePlace {
            value: node.value,
            key: (node.key != NO_KEY).then_some(node.key),
        })
    }

    /// The node at `pointer` if it exists, and otherwise its nearest
    /// existing ancestor.
    fn walk(&self, pointer: &str) -> (Option<&IndexedNode>, Option<&IndexedNode>) {
        let Some(root) = self.nodes.first() else {
            return (None, None);
        };
        if pointer.is_empty() {
            return (Some(root), None);
        }
        let Some(rest) = pointer.strip_prefix('/') else {
            return (None, None);
        };
        let (mut at, mut node) = (0u32, root);
        for segment in rest.split('/') {
            match self.child(at, segment) {
                Some(child) => (at, node) = (child, &self.nodes[child as usize]),
                None => return (None, Some(node)),
            }
        }
        (Some(node), None)
    }

    fn segment(&self, n: u32) -> &str {
        let n = n as usize;
        let start = self.nodes[n].start as usize;
        let end = self
            .nodes
            .get(n + 1)
            .map_or(self.segments.len(), |next| next.start as usize);
        self.segments.get(start..end).unwrap_or_default()
    }

    fn child(&self, parent: u32, segment: &str) -> Option<u32> {
        let key = |n: u32| (self.nodes[n as usize].parent, self.segment(n));
        let first = self
            .children
            .partition_point(|&n| key(n) < (parent, segment));
        let &n = self.children.get(first)?;
        (key(n) == (parent, segment)).then_some(n)
    }

    /// Records a node under `parent` (`NO_PARENT` for the root), whose
    /// segment `write_segment` appends to the shared buffer; returns its number.
    fn record(
        &mut self,
        parent: u32,
        place: NodePlace,
        write_segment: impl FnOnce(&mut String),
    ) -> u32 {
        let start = to_u32(self.segments.len());
        write_segment(&mut self.segments);
        self.nodes.push(IndexedNode {
            parent,
            start,
            value: place.value,
            key: place.key.unwrap_or(NO_KEY),
        });
        to_u32(self.nodes.len() - 1)
    }

    /// Orders the nodes for lookup; called once, after the last `record`.
    fn finish(&mut self) {
        // The index lives as long as its document: no spare capacity.
        self.nodes.shrink_to_fit();
        self.segments.shrink_to_fit();
        // Sorted on a key that settles most comparisons without reading a
        // segment: the parent, then the segment's first eight bytes,
        // zero-padded (so keys order as the bytes do; every list position
        // under 100,000,000 fits). Equal keys compare the whole segment,
        // then document order, so the first of a repeated one wins.
        let mut keyed: Vec<SortKey> = (1..to_u32(self.nodes.len()))
            .map(|n| self.sort_key(n))
            .collect();
        keyed.sort_unstable_by(|a, b| {
            (a.parent, a.prefix)
                .cmp(&(b.parent, b.prefix))
                .then_with(|| self.segment(a.node).cmp(self.segment(b.node)))
                .then(a.node.cmp(&b.node))
        });
        let mut children = Vec::with_capacity(keyed.len());
        children.extend(keyed.iter().map(|key| key.node));
        self.children = children;
    }

    /// The parent of node `n` and the first eight bytes of its segment.
    fn sort_key(&self, n: u32) -> SortKey {
        let segment = self.segment(n).as_bytes();
        let mut prefix = [0u8; 8];
        let len = segment.len().min(8);
        prefix[..len].copy_from_slice(&segment[..len]);
        SortKey {
            prefix: u64::from_be_bytes(prefix),
            parent: self.nodes[n as usize].parent,
            node: n,
        }
    }
}

/// What the node index sorts on: 16 bytes a node.
struct SortKey {
    prefix: u64,
    parent: u32,
    node: u32,
}

/// Appends `name` as a JSON-pointer segment (`~` as `~0`, `/` as `~1`).
fn push_escaped(segments: &mut String, name: &str) {
    if !name.contains(['~', '/']) {
        segments.push_str(name);
        return;
    }
    for c in name.chars() {
        match c {
            '~' => segments.push_str("~0"),
            '/' => segments.push_str("~1"),
            c => segments.push(c),
        }
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
    // One pass over the parser's events (an iterative state machine):
    // limits are enforced and the JSON value and its node index are built
    // with an explicit stack as the events stream past. No YAML tree is
    // built first (`Parser::load` recurses per nesting level, and a tree of
    // marked nodes with hashed keys costs several times the JSON value).
    let mut builder = Builder::new(limits.max_alias_nodes);
    let mut depth = 0usize;
    let mut documents = 0usize;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| syntax(&e, shift))?;
        let at = position(span.start, shift);
        if let Event::Scalar(_, _, _, Some(tag))
        | Event::SequenceStart(_, Some(tag))
        | Event::MappingStart(_, Some(tag)) = &event
        {
            return Err(YamlError::Value {
                message: tag_message(tag),
                position: at,
                cause: ValueProblem::Tag,
            });
        }
        match event {
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                depth += 1;
                if depth > limits.max_depth {
                    return Err(YamlError::TooDeep {
                        limit: limits.max_depth,
                        position: at,
                    });
                }
                let mapping = matches!(event, Event::MappingStart(..));
                builder.open(mapping, anchor, at)?;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                depth = depth.saturating_sub(1);
                builder.close()?;
            }
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    return Err(YamlError::SeveralDocuments { position: at });
                }
            }
            Event::Scalar(text, style, anchor, _) => {
                builder.scalar(resolve(text, style), anchor, at)?;
            }
            Event::Alias(anchor) => builder.alias(anchor, at)?,
            _ => {}
        }
    }
    let Some(value) = builder.root.take() else {
        return Err(YamlError::Empty);
    };
    if value.is_null() && text.trim().is_empty() {
        return Err(YamlError::Empty);
    }
    let mut index = builder.index;
    index.finish();
    Ok(YamlDocument { value, index })
}

/// An untagged scalar under YAML's core schema, as saphyr resolves it. A
/// plain scalar whose first character starts no number, boolean or null
/// (most text: `Severity 1 escalation…`) is text without saphyr's number
/// parsing, which reads all of it.
fn resolve(text: Cow<'_, str>, style: ScalarStyle) -> Scalar<'_> {
    match text.as_bytes().first() {
        Some(first) if style == ScalarStyle::Plain && !starts_a_non_text_scalar(*first) => {
            Scalar::String(text)
        }
        _ => Scalar::parse_from_cow_and_metadata(text, style, None).unwrap_or(Scalar::Null),
    }
}

/// Whether a plain scalar starting with `byte` may resolve to something other
/// than text: an integer (`12`, `+3`, `-4`, `0x1f`, `0o17`), a float (`1.5`,
/// `.5`, `-.inf`, `.nan`), null (`~`, `null`) or a boolean (`true`,
/// `False`). saphyr's `Scalar::parse_from_cow` resolves nothing else.
fn starts_a_non_text_scalar(byte: u8) -> bool {
    matches!(
        byte,
        b'0'..=b'9' | b'+' | b'-' | b'.' | b'~' | b'n' | b'N' | b't' | b'T' | b'f' | b'F'
    )
}

/// A list or mapping whose items are still arriving.
struct Open {
    /// Its node in the index.
    node: u32,
    /// Its anchor id (0: none).
    anchor: usize,
    /// Where it starts.
    at: Position,
    /// The items so far.
    items: Items,
}

enum Items {
    List(Vec<Value>),
    /// Entries, and the place of the key waiting for its value. That key is
    /// already the last entry, holding `null` until its value arrives, so it
    /// is hashed once (the map keeps insertion order).
    Mapping(Map<String, Value>, Option<Position>),
    /// A list or mapping used as a mapping key: read, then named `<complex key>`.
    Key,
}

/// Builds the JSON value and the node index from parser events.
struct Builder {
    /// Open lists and mappings, outermost first.
    stack: Vec<Open>,
    /// The finished document.
    root: Option<Value>,
    /// Node places.
    index: NodeIndex,
    /// Anchored values, by anchor id.
    anchors: std::collections::HashMap<usize, Value>,
    /// Nodes that aliases may still produce.
    alias_budget: usize,
}

impl Builder {
    fn new(alias_budget: usize) -> Builder {
        Builder {
            stack: Vec::new(),
            root: None,
            index: NodeIndex::default(),
            anchors: std::collections::HashMap::new(),
            alias_budget,
        }
    }

    /// Whether the next node is a mapping key.
    fn expecting_key(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Open {
                items: Items::Mapping(_, None),
                ..
            }) | Some(Open {
                items: Items::Key,
                ..
            })
        )
    }

    /// Records a node that starts at `at` in the index, under its parent.
    fn record(&mut self, at: Position) -> u32 {
        let value = at;
        let Some(open) = self.stack.last() else {
            return self
                .index
                .record(NO_PARENT, NodePlace { value, key: None }, |_| {});
        };
        match &open.items {
            Items::List(items) => {
                let position = items.len();
                self.index
                    .record(open.node, NodePlace { value, key: None }, |segments| {
                        use std::fmt::Write;
                        let _ = write!(segments, "{position}");
                    })
            }
            Items::Mapping(map, Some(key)) => {
                let name = map.keys().next_back().map_or("", String::as_str);
                let place = NodePlace {
                    value,
                    key: Some(*key),
                };
                self.index
                    .record(open.node, place, |segments| push_escaped(segments, name))
            }
            Items::Mapping(_, None) | Items::Key => {
                self.index
                    .record(open.node, NodePlace { value, key: None }, |segments| {
                        segments.push_str("<complex key>")
                    })
            }
        }
    }

    fn open(&mut self, mapping: bool, anchor: usize, at: Position) -> Result<(), YamlError> {
        let as_key = self.expecting_key();
        let node = self.record(at);
        let items = if as_key {
            Items::Key
        } else if mapping {
            Items::Mapping(Map::new(), None)
        } else {
            Items::List(Vec::new())
        };
        self.stack.push(Open {
            node,
            anchor,
            at,
            items,
        });
        Ok(())
    }

    fn close(&mut self) -> Result<(), YamlError> {
        let Some(open) = self.stack.pop() else {
            return Ok(());
        };
        let value = match open.items {
            Items::List(items) => Value::Array(items),
            Items::Mapping(map, _) => Value::Object(map),
            Items::Key => {
                return self.key("<complex key>".to_string(), open.at);
            }
        };
        if open.anchor > 0 {
            self.anchors.insert(open.anchor, value.clone());
        }
        self.attach(value)
    }

    fn scalar(&mut self, scalar: Scalar<'_>, anchor: usize, at: Position) -> Result<(), YamlError> {
        if self.expecting_key() {
            if anchor > 0 {
                let value =
                    scalar_value(scalar.clone()).map_err(|(cause, message)| YamlError::Value {
                        message,
                        position: at,
                        cause,
                    })?;
                self.anchors.insert(anchor, value);
            }
            return self.key(key_text(scalar), at);
        }
        self.record(at);
        let value = scalar_value(scalar).map_err(|(cause, message)| YamlError::Value {
            message,
            position: at,
            cause,
        })?;
        if anchor > 0 {
            self.anchors.insert(anchor, value.clone());
        }
        self.attach(value)
    }

    fn alias(&mut self, anchor: usize, at: Position) -> Result<(), YamlError> {
        let Some(value) = self.anchors.get(&anchor) else {
            return Err(YamlError::Syntax {
                message: "an alias (`*name`) refers to the list or mapping that contains it"
                    .to_string(),
                position: at,
                cause: YamlErrorCause::Malformed,
            });
        };
        if !within_budget(value, &mut self.alias_budget) {
            return Err(YamlError::Syntax {
                message:
                    "aliases (`*name`) expand to too many values; write the values out instead"
                        .to_string(),
                position: at,
                cause: YamlErrorCause::AliasBomb,
            });
        }
        let value = value.clone();
        if self.expecting_key() {
            let name = match &value {
                Value::String(s) => s.clone(),
                Value::Null => "null".to_string(),
                Value::Bool(_) | Value::Number(_) => value.to_string(),
                _ => "<complex key>".to_string(),
            };
            return self.key(name, at);
        }
        self.record(at);
        self.attach(value)
    }

    /// A mapping key (or the end of a complex key) has been read.
    fn key(&mut self, name: String, at: Position) -> Result<(), YamlError> {
        // Inside a complex key there is nothing to keep.
        if let Some(Open {
            items: Items::Mapping(map, pending),
            ..
        }) = self.stack.last_mut()
        {
            match map.entry(name) {
                serde_json::map::Entry::Occupied(_) => {
                    return Err(YamlError::Syntax {
                        message: "the same key appears twice in one mapping".to_string(),
                        position: at,
                        cause: YamlErrorCause::DuplicateKey,
                    });
                }
                serde_json::map::Entry::Vacant(entry) => {
                    entry.insert(Value::Null);
                }
            }
            *pending = Some(at);
        }
        Ok(())
    }

    /// A finished value goes into its parent, or becomes the document.
    fn attach(&mut self, value: Value) -> Result<(), YamlError> {
        match self.stack.last_mut() {
            None => self.root = Some(value),
            Some(open) => match &mut open.items {
                Items::List(items) => items.push(value),
                Items::Mapping(map, pending) => {
                    if pending.take().is_some()
                        && let Some((_, last)) = map.iter_mut().next_back()
                    {
                        *last = value;
                    }
                }
                Items::Key => {}
            },
        }
        Ok(())
    }
}

/// Spends one unit of `budget` per node of `value` (a mapping entry counts
/// its key too, as saphyr's loader does); false when it runs out.
fn within_budget(value: &Value, budget: &mut usize) -> bool {
    let mut pending: Vec<&Value> = vec![value];
    while let Some(value) = pending.pop() {
        if *budget == 0 {
            return false;
        }
        *budget -= 1;
        match value {
            Value::Array(items) => pending.extend(items.iter()),
            Value::Object(map) => {
                for item in map.values() {
                    if *budget == 0 {
                        return false;
                    }
                    *budget -= 1;
                    pending.push(item);
                }
            }
            _ => {}
        }
    }
    true
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

/// Plain words for a tag evidence does not accept.
fn tag_message(tag: &saphyr_parser::Tag) -> String {
    let shown = if tag.handle == "tag:yaml.org,2002:" {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    };
    format!(
        "the YAML tag `{}` is not accepted: evidence holds plain text, numbers, dates, lists and mappings, so remove the tag",
        shown.chars().take(60).collect::<String>()
    )
}

/// Largest magnitude a number in evidence may have (that of a 64-bit integer).
const LARGEST_NUMBER: f64 = 9_223_372_036_854_775_807.0;

/// The JSON value of a scalar (its text moved, not copied).
fn scalar_value(scalar: Scalar<'_>) -> Result<Value, (ValueProblem, String)> {
    Ok(match scalar {
        Scalar::Null => Value::Null,
        Scalar::Boolean(b) => Value::Bool(b),
        Scalar::Integer(i) => Value::Number(i.into()),
        Scalar::FloatingPoint(f) => {
            let f = f.into_inner();
            match Number::from_f64(f) {
                Some(number) if f.abs() < LARGEST_NUMBER => Value::Number(number),
                _ => {
                    return Err((
                        ValueProblem::NumberOutOfRange,
                        "this number is too large to hold (or not a number): write a whole number between -9223372036854775808 and 9223372036854775807, or quote it as text".to_string(),
                    ));
                }
            }
        }
        Scalar::String(s) => {
            if let Some(year) = out_of_range_year(&s) {
                return Err((
                    ValueProblem::YearOutOfRange,
                    format!(
                        "the year {} is outside 0001 to 9999: write dates as YYYY-MM-DD with a four-digit year",
                        year.chars().take(20).collect::<String>()
                    ),
                ));
            }
            Value::String(at_its_size(s))
        }
    })
}

/// A scalar's text as a `String` no larger than it needs. The scanner grows
/// the text as it reads it, so owned text carries spare capacity (often as
/// much again), and it lives on in the typed document as long as the pack.
/// Copied, not shrunk in place: a fresh small allocation costs the allocator
/// less than splitting the old one (ADR 0185).
fn at_its_size(text: Cow<'_, str>) -> String {
    match text {
        Cow::Owned(owned) if owned.capacity() - owned.len() >= 16 => owned.as_str().to_owned(),
        text => text.into_owned(),
    }
}

/// The year of a text that is written as a date (`YYYY-MM-DD`, perhaps
/// followed by a time) but whose year is `0000` or longer than four digits.
fn out_of_range_year(text: &str) -> Option<&str> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let rest = text.as_bytes().get(digits..)?;
    let date_shaped = rest.len() >= 6
        && rest[0] == b'-'
        && rest[1..3].iter().all(u8::is_ascii_digit)
        && rest[3] == b'-'
        && rest[4..6].iter().all(u8::is_ascii_digit)
        && rest.get(6).is_none_or(|b| matches!(b, b'T' | b't' | b' '));
    let year = &text[..digits];
    (date_shaped && (digits > 4 || (digits == 4 && year == "0000"))).then_some(year)
}

fn key_text(key: Scalar<'_>) -> String {
    match key {
        Scalar::String(s) => s.into_owned(),
        Scalar::Integer(i) => i.to_string(),
        Scalar::Boolean(b) => b.to_string(),
        Scalar::FloatingPoint(f) => f.to_string(),
        Scalar::Null => "null".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<YamlDocument, YamlError> {
        parse_document(text, 1, YamlLimits::default())
    }

    proptest::proptest! {
        /// The shortcut for text gives what saphyr's core schema gives, for
        /// any plain scalar (of characters that start YAML's values and
        /// others).
        #[test]
        fn scalars_resolve_as_saphyr_resolves_them(
            text in "[-+.~0-9a-fA-FnNtTxXoOeEiIuUlLsS _:]{1,12}"
        ) {
            let ours = resolve(Cow::Borrowed(&text), ScalarStyle::Plain);
            let saphyr = Scalar::parse_from_cow_and_metadata(Cow::Borrowed(&text), ScalarStyle::Plain, None)
                .unwrap_or(Scalar::Null);
            proptest::prop_assert_eq!(ours, saphyr);
        }
    }

    /// A key's value replaces the map's last entry (its `null`): this holds
    /// only while the map keeps insertion order (serde_json's
    /// `preserve_order`), and this test fails if it does not.
    #[test]
    fn each_value_goes_to_its_own_key_in_a_mapping_written_out_of_order() {
        let doc = parse("zulu: 1\nalpha: {yankee: 2, bravo: [3]}\nmike: null\n").unwrap();
        let keys: Vec<&str> = doc
            .value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["zulu", "alpha", "mike"]);
        assert_eq!(
            doc.value,
            serde_json::json!({"zulu": 1, "alpha": {"yankee": 2, "bravo": [3]}, "mike": null})
        );
        assert_eq!(
            doc.index.locate_key("/alpha/bravo"),
            Position {
                line: 2,
                column: 20
            }
        );
    }

    #[test]
    fn dates_and_times_stay_text_whether_quoted_or_not() {
        let doc = parse("start: 2008-10-06\nend: 20:00\nq: '2008-10-06'\n").unwrap();
        assert_eq!(doc.value["start"], "2008-10-06");
        assert_eq!(doc.value["end"], "20:00");
        assert_eq!(doc.value["q"], "2008-10-06");
    }

    #[test]
    fn lookups_find_segments_that_share_their_first_bytes() {
        // Keys alike in their first four bytes, prefixes of each other, and
        // with a NUL byte: the sort key settles none of these alone.
        let doc =
            parse("abcd: 1\nabcde: 2\nabc: 3\n\"ab\\0\": 4\nab: 5\nabcdz: [x, y]\nb: 6\n").unwrap();
        for (pointer, line) in [
            ("/abcd", 1),
            ("/abcde", 2),
            ("/abc", 3),
            ("/ab\0", 4),
            ("/ab", 5),
            ("/abcdz/1", 6),
            ("/b", 7),
        ] {
            assert!(doc.index.contains(pointer), "{pointer}");
            assert_eq!(doc.index.locate(pointer).line, line, "{pointer}");
        }
        assert!(!doc.index.contains("/abcdy"));
        assert!(!doc.index.contains("/a"));
    }

    #[test]
    fn text_is_kept_at_its_size() {
        let long = "a plain scalar long enough to make the scanner grow its buffer twice over";
        let doc = parse(&format!("title: {long}\nquoted: \"{long}\"\n")).unwrap();
        for field in ["title", "quoted"] {
            let Value::String(text) = &doc.value[field] else {
                panic!("{field} is not text");
            };
            assert_eq!(text, long);
            // Without the copy the scanner's buffer (128 bytes here) stays.
            assert!(
                text.capacity() < text.len() + 16,
                "{field}: {}",
                text.capacity()
            );
        }
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

    fn value_problem(text: &str) -> (ValueProblem, Position, String) {
        match parse(text).unwrap_err() {
            YamlError::Value {
                cause,
                position,
                message,
            } => (cause, position, message),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn tags_are_refused_at_the_tagged_value_in_plain_words() {
        let (cause, at, message) = value_problem("a: 1\nlogo: !!binary R0lGODlh\n");
        assert_eq!(
            (cause, at),
            (ValueProblem::Tag, Position { line: 2, column: 7 })
        );
        assert!(message.contains("`!!binary`"), "{message}");
        let (cause, at, message) = value_problem("list:\n  - !custom {a: 1}\n");
        assert_eq!((cause, at.line), (ValueProblem::Tag, 2));
        assert!(message.contains("`!custom`"), "{message}");
        // A core tag that does not fit its value is refused too, not read as null.
        let (cause, _, _) = value_problem("n: !!int twelve\n");
        assert_eq!(cause, ValueProblem::Tag);
    }

    #[test]
    fn numbers_past_64_bits_are_refused_not_rounded() {
        let (cause, at, message) = value_problem("staff: 99999999999999999999\n");
        assert_eq!(
            (cause, at),
            (
                ValueProblem::NumberOutOfRange,
                Position { line: 1, column: 8 }
            )
        );
        assert!(message.contains("too large"), "{message}");
        assert!(matches!(
            value_problem("x: 1e400\n").0,
            ValueProblem::NumberOutOfRange
        ));
        assert!(matches!(
            value_problem("x: .nan\n").0,
            ValueProblem::NumberOutOfRange
        ));
        let doc = parse("a: 9223372036854775807\nb: -12\nc: 2.5\n").unwrap();
        assert_eq!(doc.value["a"], i64::MAX);
        assert_eq!(doc.value["c"], 2.5);
    }

    #[test]
    fn years_outside_0001_to_9999_are_refused() {
        let (cause, at, message) = value_problem("start: 10000-01-01\n");
        assert_eq!(
            (cause, at),
            (
                ValueProblem::YearOutOfRange,
                Position { line: 1, column: 8 }
            )
        );
        assert!(message.contains("10000"), "{message}");
        assert!(matches!(
            value_problem("at: '0000-03-01T10:00:00Z'\n").0,
            ValueProblem::YearOutOfRange
        ));
        // Ordinary dates and text that merely contains numbers are fine.
        assert!(parse("a: 2008-10-06\nb: 9999-12-31\nc: ref 10000-01-01\nd: 12345\n").is_ok());
    }

    #[test]
    fn lookups_are_by_segment_for_large_documents() {
        // A long key above a long list: the index stores each segment once.
        let key = "k".repeat(1_000);
        let items = vec!["x"; 10_000].join(", ");
        let doc = parse(&format!("{key}: [{items}]\n")).unwrap();
        assert_eq!(doc.index.len(), 10_002);
        assert_eq!(
            doc.index.segments.len(),
            key.len()
                + (0..10_000)
                    .map(|i: usize| i.to_string().len())
                    .sum::<usize>()
        );
        let at = doc.index.locate(&format!("/{key}/9999"));
        assert_eq!(at.line, 1);
        assert!(doc.index.contains(&format!("/{key}/0")));
        assert!(!doc.index.contains(&format!("/{key}/10000")));
        // Keys with `/` and `~` are escaped as in JSON pointers.
        let doc = parse("a/b:\n  c~d: 1\n").unwrap();
        assert_eq!(
            doc.index.locate("/a~1b/c~0d"),
            Position { line: 2, column: 8 }
        );
        assert_eq!(
            doc.index.locate("nonsense"),
            Position { line: 1, column: 1 }
        );
    }
}
