//! The default [`Extractor`]: the `trafilatura` crate, with its readability
//! fallback and precision focus (the best setting measured on the extraction
//! benchmark; see the README).

use trafilatura::{ExtractionFocus, Options};

use super::{Extracted, Extractor, html_to_text, strip_inert};
use crate::doc::Metadata;

pub struct TrafilaturaExtractor {
    options: Options,
}

impl TrafilaturaExtractor {
    pub fn new() -> TrafilaturaExtractor {
        let mut options = Options::default().with_fallback(true).with_focus(ExtractionFocus::FavorPrecision);
        // Readers' comments are not the article.
        options.exclude_comments = true;
        TrafilaturaExtractor { options }
    }
}

impl Default for TrafilaturaExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor for TrafilaturaExtractor {
    fn extract(&self, html: &str, url: Option<&str>) -> Result<Extracted, String> {
        let page = strip_inert(html);
        let mut options;
        let options = match url.and_then(|u| url::Url::parse(u).ok()) {
            Some(u) => {
                options = self.options.clone();
                options.original_url = Some(u);
                &options
            }
            None => &self.options,
        };
        let result = trafilatura::extract(&page, options).map_err(|e| format!("no article found in the HTML ({e})"))?;
        let text = html_to_text(&result.content_html);
        let m = result.metadata;
        let non_empty = |s: String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        let metadata = Metadata {
            url: non_empty(m.url),
            title: non_empty(m.title),
            authors: m.author.split("; ").map(str::trim).filter(|a| !a.is_empty()).map(String::from).collect(),
            published: m.date.and_then(|d| crate::read::parse_date(&d.to_string())),
            language: non_empty(m.language),
        };
        Ok(Extracted { text, metadata })
    }
}
