//! dyad turns news into structured political event data: who did what to
//! whom, when, where, and who said so, with the exact text span behind every
//! claim.
//!
//! A document flows one way through stages, each a module with one job:
//!
//! ```text
//! read ──► extract (HTML only) ──► clean ──► segment ──► output
//! ```
//!
//! [`read`] turns files, directories and standard input into
//! [`doc::RawDocument`]s; [`pipeline::Pipeline`] runs the stages and returns a
//! [`doc::Document`], whose annotations are [`span::Span`]s into its cleaned
//! text; [`output`] writes it as the JSON line of `SPEC.md`.
//!
//! ```
//! use dyad::{clean::clean, segment::segment};
//!
//! let cleaned = clean("Saved Web Pages\n\nTalks resumed in Doha on Tuesday. Dr. Nour spoke first.");
//! assert_eq!(cleaned.text, "Talks resumed in Doha on Tuesday. Dr. Nour spoke first.");
//! let sentences = segment(&cleaned.text).sentences;
//! assert_eq!(sentences.len(), 2);
//! ```

pub mod actors;
pub mod clean;
pub mod dates;
pub mod doc;
pub mod events;
pub mod extract;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod quotes;
pub mod read;
pub mod segment;
pub mod span;
