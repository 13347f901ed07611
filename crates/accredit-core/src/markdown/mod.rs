//! Reading Procedure and Document Markdown (being completed).

mod front_matter;

pub use front_matter::{FrontMatter, FrontMatterSplit, UnclosedFrontMatter, split_front_matter};
