//! The pipeline: a [`RawDocument`] through extraction, cleaning and segmentation
//! to a [`Document`].
//!
//! Architecture invariant: a stage never aborts a document it can code; it adds
//! diagnostics instead. The only failures are documents with no text at all.

use std::sync::Arc;

use crate::actors::find_actors_and_places;
use crate::events::{EventCoder, EventInput, find_events};
use crate::clean::clean;
use crate::lexicon::Lexicon;
use crate::quotes::find_quotes;
use crate::doc::{Body, Diagnostic, Document, RawDocument, Severity};
use crate::extract::Extractor;
use crate::read::ReadError;
use crate::segment::segment;

/// Settings that apply to every document of a run.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The reference date for documents that carry none (`--published`).
    pub published: Option<jiff::civil::Date>,
}

/// The compiled pipeline: built once, shared read-only by all worker threads.
pub struct Pipeline {
    extractor: Box<dyn Extractor>,
    lexicon: Arc<Lexicon>,
    events: Arc<EventCoder>,
    options: Options,
}

impl Pipeline {
    pub fn new(extractor: Box<dyn Extractor>, lexicon: Arc<Lexicon>, events: Arc<EventCoder>, options: Options) -> Pipeline {
        Pipeline { extractor, lexicon, events, options }
    }

    /// Codes one document.
    pub fn process(&self, raw: RawDocument) -> Result<Document, ReadError> {
        let RawDocument { id, origin, mut metadata, body, mut diagnostics } = raw;
        let text = match body {
            Body::Text(text) => text,
            Body::Html(html) => {
                let extracted = self
                    .extractor
                    .extract(&html, metadata.url.as_deref())
                    .map_err(|reason| ReadError::new(&origin, reason))?;
                metadata.fill_from(extracted.metadata);
                extracted.text
            }
        };
        let cleaned = clean(&text);
        metadata.fill_from(cleaned.metadata);
        if cleaned.text.trim().is_empty() {
            return Err(ReadError::new(&origin, "no article text left after removing boilerplate"));
        }
        let published_is_reference = metadata.published.is_none() && self.options.published.is_some();
        if metadata.published.is_none() {
            metadata.published = self.options.published;
            if metadata.published.is_none() {
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    stage: "read",
                    message: "no publication date; relative dates cannot be resolved (use --published)".into(),
                });
            }
        }
        let segmentation = segment(&cleaned.text);
        let (actors, places) = find_actors_and_places(&cleaned.text, &segmentation, &self.lexicon, metadata.published);
        let quotes = find_quotes(&cleaned.text, &segmentation, &actors);
        let events = find_events(
            &self.events,
            &EventInput {
                text: &cleaned.text,
                seg: &segmentation,
                actors: &actors,
                places: &places,
                quotes: &quotes,
                published: metadata.published,
            },
        );
        Ok(Document {
            id,
            origin,
            metadata,
            published_is_reference,
            text: cleaned.text,
            removed: cleaned.removed,
            segmentation,
            actors,
            places,
            quotes,
            events,
            diagnostics,
        })
    }
}
