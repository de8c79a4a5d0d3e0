//! The document that flows through the pipeline, and the annotations stages add to it.
//!
//! A [`Document`] owns its cleaned `text`; every annotation is a [`Span`] into
//! that text (stand-off annotation). Stages only ever append annotations and
//! diagnostics; none of them edits `text` after cleaning.

use crate::segment::Segmentation;
pub use crate::span::Span;

/// Bibliographic facts about an article, from whichever layer carries them
/// (JSON Lines fields, WARC headers, HTML meta tags, JSON-LD, a text byline).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Metadata {
    pub url: Option<String>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<jiff::civil::Date>,
    pub language: Option<String>,
}

impl Metadata {
    /// Fills every field that is still empty in `self` from `other`.
    /// The layer closest to the user (e.g. a JSON Lines field) is applied first
    /// and wins over what is found deeper inside the content.
    pub fn fill_from(&mut self, other: Metadata) {
        if self.url.is_none() {
            self.url = other.url;
        }
        if self.title.is_none() {
            self.title = other.title;
        }
        if self.authors.is_empty() {
            self.authors = other.authors;
        }
        if self.published.is_none() {
            self.published = other.published;
        }
        if self.language.is_none() {
            self.language = other.language;
        }
    }
}

/// The content of a document as a reader found it, before extraction and cleaning.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Body {
    /// Plain text, already decoded to UTF-8 with line endings normalised to `\n`.
    Text(String),
    /// An HTML page, already decoded to UTF-8.
    Html(String),
}

/// One article as a reader yields it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawDocument {
    /// The `doc_id` of the output: a file stem, a JSON Lines `id`, a WARC-Record-ID.
    pub id: String,
    /// Where the document came from, for messages: `path`, `path:LINE`, `path@OFFSET`.
    pub origin: String,
    pub metadata: Metadata,
    pub body: Body,
    /// What the reader noticed but handled (e.g. a guessed charset).
    pub diagnostics: Vec<Diagnostic>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something was odd but handled (a charset guessed, a quote mark unbalanced).
    Warning,
}

/// A note a stage leaves on a document instead of failing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub stage: &'static str,
    pub message: String,
}

/// A piece of boilerplate that cleaning dropped from the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    /// The removed string, exactly as it stood in the input.
    pub text: String,
    /// Why it was removed: the name of the rule.
    pub rule: &'static str,
}

/// One identity in a document, with every span that mentions it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    /// The full name as resolved ("Vladimir Putin", "Russian government").
    pub name: String,
    /// CAMEO actor code on the document's date; `None` where the text gives no affiliation.
    pub code: Option<String>,
    pub kind: crate::lexicon::ActorKind,
    /// ISO alpha-3 country of the actor, where it has one.
    pub country: Option<String>,
    /// Office or description ("President", "an independent expert on the Middle East").
    pub role: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// A place named in the text: a region or city, or a seat of government used
/// as a place ("in Moscow"). Not an actor; events take their location from it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub span: Span,
    /// ISO alpha-3 code of the country the place is in.
    pub country: String,
}

/// One side of an event: an actor of the document, a place standing for
/// its country ("sent aid to Gaza"), or a side the text leaves implicit
/// (the government a protest is aimed at).
#[derive(Clone, Debug, PartialEq)]
pub struct Participant {
    pub name: String,
    pub code: Option<String>,
    /// Index into [`Document::actors`]; `None` for a place or an implicit side.
    pub actor: Option<usize>,
    /// Not named in the text but inferred from the event and the other side
    /// ("students protested" → their own country's government).
    pub inferred: bool,
}

/// A coded event (`SPEC.md` §2, field `events`).
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub source: Participant,
    pub target: Option<Participant>,
    /// CAMEO event code, two to four digits.
    pub cameo: String,
    /// PLOVER event type; `None` where PLOVER has none for the code.
    pub plover: Option<String>,
    pub goldstein: f32,
    pub quad_class: u8,
    /// The words that name the event ("held a conference with").
    pub trigger: Span,
    pub sentence: Span,
    /// The event's date at the precision the text gives.
    pub date: Option<crate::dates::EventDate>,
    pub negated: bool,
    pub hypothetical: bool,
    /// The place named for the event, as written.
    pub location: Option<String>,
    /// How sure the rule that found it is, in (0, 1].
    pub confidence: f32,
}

/// What kind of quotation (`SPEC.md` §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Partial,
    Indirect,
    Pullquote,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Indirect => "indirect",
            QuoteKind::Pullquote => "pullquote",
        }
    }
}

/// Who said a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The full name as resolved, or the name as written when no actor holds it.
    pub name: String,
    /// Index into `Document::actors`.
    pub actor: Option<usize>,
    pub code: Option<String>,
    /// The words that name the speaker next to the cue (a name or a pronoun).
    pub mention: Option<Span>,
}

/// A quotation: the words inside the marks, and who said them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// The cue verb or phrase ("said", "according to").
    pub cue: Option<String>,
}

/// A document after reading, cleaning and segmentation; later stages add to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub id: String,
    pub origin: String,
    pub metadata: Metadata,
    /// Whether `metadata.published` is the user's `--published` reference date
    /// rather than a date the document itself carries.
    pub published_is_reference: bool,
    /// The cleaned article text. All spans point into it.
    pub text: String,
    pub removed: Vec<Removal>,
    pub segmentation: Segmentation,
    /// The actors stage's result; `mentions` are spans into `text`.
    pub actors: Vec<Actor>,
    /// Places the actors stage found (not actors).
    pub places: Vec<Place>,
    /// The quotations stage's result.
    pub quotes: Vec<Quote>,
    /// The events stage's result.
    pub events: Vec<Event>,
    pub diagnostics: Vec<Diagnostic>,
}
