//! Main-content extraction: an HTML page to its article text and metadata.
//!
//! The work is done by an [`Extractor`], a trait so that the engine behind it
//! can be replaced. The default, [`TrafilaturaExtractor`], wraps the
//! `trafilatura` crate (a port of go-trafilatura): it finds the article body
//! and reads title, authors, date, canonical URL and language from meta tags
//! and JSON-LD. dyad adds two things around it: [`strip_inert`], which drops
//! scripts, styles and SVG before parsing (they are a large share of a page's
//! bytes and never article text), and [`html_to_text`], which turns the
//! extracted HTML into text with one paragraph per line group and no glued
//! words.

mod html_text;
mod prepass;
mod trafilatura_engine;

pub use html_text::html_to_text;
pub use prepass::strip_inert;
pub use trafilatura_engine::TrafilaturaExtractor;

use crate::doc::Metadata;

/// What extraction gives: the article text with paragraphs as lines, and the page's metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Extracted {
    /// Paragraphs separated by blank lines; no markup, no glued words.
    pub text: String,
    pub metadata: Metadata,
}

/// Finds the main content of an HTML page.
pub trait Extractor: Send + Sync {
    /// Extracts the article from `html`; `url` helps resolve relative links.
    /// Returns an error message when the page has no article text.
    fn extract(&self, html: &str, url: Option<&str>) -> Result<Extracted, String>;
}

/// The extractor `dyad code` uses.
pub fn default_extractor() -> Box<dyn Extractor> {
    Box::new(TrafilaturaExtractor::new())
}
