//! Quotations: what was said, exactly, and who said it.
//!
//! Detection pairs quotation marks within each paragraph (curly and straight;
//! a paragraph that opens a quote without closing it ends it at the paragraph
//! end, and a missing mark never stops the rest of the document). A quoted
//! fragment inside the reporter's sentence is `partial`; one or two words in
//! marks mid-sentence are scare quotes or titles and are not quotations. A
//! paragraph that is only a quotation repeating the article's own words is a
//! `pullquote` with no speaker.
//!
//! Attribution looks for a speech verb beside the quote: after it (`,” said
//! X`, `,” X said`, `,” he added`, `according to X`) or before it (`X told
//! TNA: “`, `X noted that “`). The speaker is the actor mention (or pronoun,
//! resolved to the nearest person before it) next to the verb; a quote with no
//! cue that follows another quote in the same or the previous paragraph keeps
//! that speaker.
//!
//! Status: direct and partial quotations; reported speech (`indirect`) is
//! not produced yet.

use crate::doc::{Actor, Quote, QuoteKind, Span, Speaker};
use crate::lexicon::ActorKind;
use crate::segment::Segmentation;

/// Speech verbs that attribute a quotation.
const CUE_VERBS: &[&str] = &[
    "said", "says", "told", "tells", "added", "adds", "noted", "notes", "explained", "explains", "stated",
    "states", "wrote", "writes", "argued", "argues", "warned", "warns", "cautioned", "insisted", "insists",
    "stressed", "stresses", "emphasised", "emphasized", "observed", "remarked", "recalled", "continued",
    "asked", "asks", "replied", "responded", "commented", "announced", "declared", "predicted", "predicts",
    "doubts", "doubted", "believes", "believed", "acknowledged", "admitted", "claimed", "claims", "suggested",
    "concluded", "urged", "urges", "vowed", "pledged", "tweeted", "posted", "shouted", "conceded", "estimated",
    "accused", "described", "called", "denied", "demanded",
];

const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// One run of text between quotation marks.
struct Segment {
    /// The content, inside the marks.
    inner: Span,
    /// The marks included (the closing one may be missing).
    outer: Span,
    paragraph: usize,
}

/// Finds the quotations of a document.
pub fn find_quotes(text: &str, seg: &Segmentation, actors: &[Actor]) -> Vec<Quote> {
    let segments = quote_segments(text, seg);
    let mut quotes: Vec<Quote> = Vec::new();
    let mut previous: Option<(usize, Option<Speaker>, Option<String>)> = None;
    for s in segments {
        let content = s.inner.of(text);
        let words = content.split_whitespace().count();
        let paragraph = seg.paragraphs[s.paragraph].span;
        let before = text[paragraph.start..s.outer.start].trim_end();
        let mid_sentence = before
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == ',' || c == '(' || c == '-' || c == '–' || c == '—');
        let ends_sentence = content.trim_end_matches(['”', '"', ',', ' ']).ends_with(['.', '!', '?', '…']);
        if mid_sentence && words <= 2 && !ends_sentence {
            continue; // scare quotes ("terrorist") and short titles
        }
        let only_content = text[paragraph.start..paragraph.end].trim().len() <= s.outer.len() + 1;
        if only_content && repeats_article(text, paragraph, content) {
            quotes.push(Quote { span: s.inner, kind: QuoteKind::Pullquote, speaker: None, cue: None });
            previous = None;
            continue;
        }
        let kind = if mid_sentence && !ends_sentence { QuoteKind::Partial } else { QuoteKind::Direct };
        let (speaker, cue) = match attribute(text, seg, actors, &s) {
            Some((speaker, cue)) => (Some(speaker), Some(cue)),
            None => match &previous {
                // A quote with no cue right after another continues that speaker's words.
                Some((p, speaker, cue)) if *p + 1 >= s.paragraph => (speaker.clone(), cue.clone()),
                _ => (None, None),
            },
        };
        previous = Some((s.paragraph, speaker.clone(), cue.clone()));
        quotes.push(Quote { span: s.inner, kind, speaker, cue });
    }
    quotes
}

/// Quotation mark runs within paragraphs.
fn quote_segments(text: &str, seg: &Segmentation) -> Vec<Segment> {
    let mut out = Vec::new();
    for (p, paragraph) in seg.paragraphs.iter().enumerate() {
        let body = paragraph.span.of(text);
        let base = paragraph.span.start;
        let mut open: Option<(usize, usize)> = None; // (mark start, content start)
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let (is_open, is_close) = match c {
                '“' | '„' | '«' => (true, false),
                '”' | '»' => (false, true),
                '"' => {
                    let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
                    (opens && open.is_none(), !opens || open.is_some())
                }
                _ => (false, false),
            };
            if is_open && open.is_none() {
                open = Some((base + i, base + i + c.len_utf8()));
            } else if is_open {
                // A new opening mark while one is open: the earlier close is missing.
                if let Some((mark, start)) = open.take() {
                    push_segment(&mut out, text, mark, start, base + i, base + i, p);
                }
                open = Some((base + i, base + i + c.len_utf8()));
            } else if is_close {
                if let Some((mark, start)) = open.take() {
                    push_segment(&mut out, text, mark, start, base + i, base + i + c.len_utf8(), p);
                }
            }
        }
        if let Some((mark, start)) = open {
            // Unclosed at the paragraph's end: the quotation runs to the end of the paragraph.
            push_segment(&mut out, text, mark, start, paragraph.span.end, paragraph.span.end, p);
        }
    }
    out
}

fn push_segment(out: &mut Vec<Segment>, text: &str, mark: usize, start: usize, end: usize, outer_end: usize, paragraph: usize) {
    let raw = &text[start..end];
    let lead = raw.len() - raw.trim_start().len();
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return;
    }
    let inner = Span::new(start + lead, start + lead + trimmed.len());
    out.push(Segment { inner, outer: Span::new(mark, outer_end), paragraph });
}

/// Whether a display quote's words stand elsewhere in the article: most of
/// its four-word runs recur outside its paragraph (display quotes are often
/// lightly edited: a capital added, a phrase dropped).
fn repeats_article(text: &str, paragraph: Span, content: &str) -> bool {
    let lower_words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let quote = lower_words(content);
    if quote.len() < 6 {
        return false;
    }
    let rest: Vec<String> = lower_words(&text[..paragraph.start]).into_iter().chain(lower_words(&text[paragraph.end..])).collect();
    let shingles: std::collections::HashSet<&[String]> = rest.windows(4).collect();
    let found = quote.windows(4).filter(|w| shingles.contains(w)).count();
    found * 10 >= (quote.len() - 3) * 6
}

/// The speaker and cue verb of a quotation, from the words around it.
fn attribute(text: &str, seg: &Segmentation, actors: &[Actor], s: &Segment) -> Option<(Speaker, String)> {
    let sentence_end = sentence_containing(seg, s.outer.end.saturating_sub(1)).map_or(text.len(), |x| x.end.max(s.outer.end));
    let paragraph = seg.paragraphs[s.paragraph].span;
    let after_end = sentence_end.min(paragraph.end).max(s.outer.end);
    let after = &text[s.outer.end..after_end];
    // After: ",” said X" / ",” X said" / "according to X".
    if let Some(found) = cue_after(text, actors, s.outer.end, after) {
        return Some(found);
    }
    // Before: "X told TNA: “" / "X noted that “" within the sentence.
    let sentence_start = sentence_containing(seg, s.outer.start).map_or(paragraph.start, |x| x.start).max(paragraph.start);
    let before = &text[sentence_start..s.outer.start];
    if let Some(found) = cue_before(text, actors, sentence_start, before) {
        return Some(found);
    }
    // "X said the talks were fragile. “For months, …”": a quote opening its
    // sentence right after a sentence of the same paragraph in which someone speaks.
    if before.trim().is_empty() && sentence_start > paragraph.start {
        let index = seg.sentences.partition_point(|x| x.span.end <= sentence_start);
        let previous = seg.sentences.get(index.checked_sub(1)?).map(|x| x.span).filter(|p| p.start >= paragraph.start)?;
        let words_before_quote = &text[previous.start..previous.end];
        if !words_before_quote.contains(['“', '”', '"']) {
            return cue_before(text, actors, previous.start, words_before_quote);
        }
    }
    None
}

fn sentence_containing(seg: &Segmentation, pos: usize) -> Option<Span> {
    let i = seg.sentences.partition_point(|s| s.span.end <= pos);
    seg.sentences.get(i).map(|s| s.span).filter(|s| s.start <= pos)
}

/// Words of `s` with their byte offsets relative to `s`.
fn words(s: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, s[st..i].trim_end_matches(['.', '’', '\''])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s[st..].trim_end_matches(['.', '’', '\''])));
    }
    out
}

fn cue_after(text: &str, actors: &[Actor], base: usize, after: &str) -> Option<(Speaker, String)> {
    let ws = words(after);
    let lower = after.to_lowercase();
    if let Some(at) = lower.find("according to ") {
        if at < 40 {
            let from = at + "according to ".len();
            let phrase_end = after[from..].find([',', '.', ';']).map_or(after.len(), |e| from + e);
            return actor_speaker(actors, base + from, base + phrase_end)
                .or_else(|| speaker_at(text, actors, base + from))
                .map(|sp| (sp, "according to".to_string()));
        }
    }
    // The cue must come within the first few words after the quote.
    for (k, &(off, w)) in ws.iter().enumerate().take(8) {
        if !CUE_VERBS.contains(&w) {
            continue;
        }
        // "… ,” said X": the speaker follows the verb.
        if let Some(&(next_off, _)) = ws.get(k + 1) {
            let gap = &after[off + w.len()..next_off];
            if k == 0 && gap.trim().is_empty() {
                let next = ws[k + 1].1;
                if PRONOUNS.contains(&next) {
                    return pronoun_speaker(actors, base + next_off, next.len()).map(|sp| (sp, w.to_string()));
                }
                // "said Russian Foreign Ministry spokeswoman Maria Zakharova": the person in the phrase.
                let phrase_end = after[next_off..].find([',', '.', ';']).map_or(after.len(), |e| next_off + e);
                if let Some(sp) = actor_speaker(actors, base + next_off, base + phrase_end) {
                    return Some((sp, w.to_string()));
                }
                if let Some(sp) = speaker_at(text, actors, base + next_off) {
                    return Some((sp, w.to_string()));
                }
            }
        }
        // "… ,” X said" / "… ,” he said": the speaker precedes it.
        if k > 0 {
            let (subj_off, subj) = ws[0];
            if PRONOUNS.contains(&subj) {
                return pronoun_speaker(actors, base + subj_off, subj.len()).map(|sp| (sp, w.to_string()));
            }
            if let Some(sp) = speaker_at(text, actors, base + subj_off) {
                return Some((sp, w.to_string()));
            }
        }
        return None;
    }
    None
}

fn cue_before(text: &str, actors: &[Actor], base: usize, before: &str) -> Option<(Speaker, String)> {
    let ws = words(before);
    let (verb_index, &(verb_off, verb)) = ws.iter().enumerate().rev().find(|(_, (_, w))| CUE_VERBS.contains(w))?;
    let subject_words = &ws[..verb_index];
    // The subject: the first actor named in the clause before the verb ("Samuel Ramani, author of …, stated"),
    for &(off, _) in subject_words {
        if let Some(sp) = actor_speaker(actors, base + off, base + verb_off) {
            return Some((sp, verb.to_string()));
        }
    }
    // else a pronoun ("He adds:"), else an unknown name right before the verb ("Katz said").
    if let Some(&(off, w)) = subject_words.iter().find(|(_, w)| PRONOUNS.contains(w)) {
        return pronoun_speaker(actors, base + off, w.len()).map(|sp| (sp, verb.to_string()));
    }
    let &(off, _) = subject_words.last()?;
    speaker_at(text, actors, base + off).map(|sp| (sp, verb.to_string()))
}

/// A person (preferred) or body whose mention starts in `pos..limit`.
fn actor_speaker(actors: &[Actor], pos: usize, limit: usize) -> Option<Speaker> {
    let mut best: Option<(bool, usize, usize, Span)> = None;
    for (i, a) in actors.iter().enumerate() {
        if a.kind == ActorKind::State {
            continue;
        }
        for m in a.mentions.iter().filter(|m| m.start >= pos && m.start < limit) {
            let person = a.kind == ActorKind::Person;
            let better = match best {
                None => true,
                Some((bp, _, bs, _)) => (person && !bp) || (person == bp && m.start < bs),
            };
            if better {
                best = Some((person, i, m.start, *m));
            }
        }
    }
    best.map(|(_, i, _, m)| Speaker { name: actors[i].name.clone(), actor: Some(i), code: actors[i].code.clone(), mention: Some(m) })
}

/// The speaker named by the words starting at byte `pos`: an actor mention
/// starting there (or after "the"), a pronoun, or a capitalised name no actor holds.
fn speaker_at(text: &str, actors: &[Actor], pos: usize) -> Option<Speaker> {
    let rest = &text[pos..];
    let word: String = rest.chars().take_while(|c| c.is_alphanumeric()).collect();
    for (i, a) in actors.iter().enumerate() {
        if !matches!(a.kind, ActorKind::Person | ActorKind::Group | ActorKind::Igo | ActorKind::Government | ActorKind::Media | ActorKind::Other) {
            continue;
        }
        if let Some(m) = a.mentions.iter().find(|m| m.start <= pos && pos < m.end) {
            return Some(Speaker { name: a.name.clone(), actor: Some(i), code: a.code.clone(), mention: Some(*m) });
        }
    }
    if word.is_empty() {
        return None;
    }
    if PRONOUNS.contains(&word.as_str()) {
        return None; // resolved by the caller, which knows where the sentence is
    }
    if word.chars().next().is_some_and(char::is_uppercase) && word.len() > 2 && !CUE_VERBS.contains(&word.to_lowercase().as_str()) {
        let span = Span::new(pos, pos + word.len());
        return Some(Speaker { name: word, actor: None, code: None, mention: Some(span) });
    }
    None
}

/// "he" → the nearest person mentioned before it.
fn pronoun_speaker(actors: &[Actor], pos: usize, len: usize) -> Option<Speaker> {
    let (i, a, _) = actors
        .iter()
        .enumerate()
        .filter(|(_, a)| a.kind == ActorKind::Person)
        .filter_map(|(i, a)| a.mentions.iter().filter(|m| m.end <= pos).map(|m| m.end).max().map(|end| (i, a, end)))
        .max_by_key(|&(_, _, end)| end)?;
    Some(Speaker { name: a.name.clone(), actor: Some(i), code: a.code.clone(), mention: Some(Span::new(pos, pos + len)) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::find_actors;
    use crate::lexicon::Lexicon;
    use crate::segment::segment;
    use std::sync::OnceLock;

    fn lexicon() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::builtin)
    }

    /// (quote text, kind, speaker name, cue) of every quotation.
    fn quotes(text: &str) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
        let seg = segment(text);
        let actors = find_actors(text, &seg, lexicon(), Some(jiff::civil::date(2025, 6, 1)));
        find_quotes(text, &seg, &actors)
            .into_iter()
            .map(|q| (q.span.of(text).to_string(), q.kind.as_str(), q.speaker.map(|s| s.name), q.cue))
            .collect()
    }

    #[test]
    fn inverted_and_plain_cues_after_the_quote() {
        let q = quotes("“The border stays open,” said Kenyan Foreign Ministry spokeswoman Wanjiru Kamau.\n\n“We need more trucks,” Kamau added.");
        assert_eq!(q[0], ("The border stays open,".into(), "direct", Some("Wanjiru Kamau".into()), Some("said".into())));
        assert_eq!(q[1].2.as_deref(), Some("Wanjiru Kamau"));
        assert_eq!(q[1].3.as_deref(), Some("added"));
    }

    #[test]
    fn cue_before_with_apposition_and_pronoun() {
        let text = "Tomas Lindqvist, an independent expert on the Arctic, told reporters: “Nobody expected this.” He adds: “It will take years.”";
        let q = quotes(text);
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].2.as_deref(), Some("Tomas Lindqvist"));
        assert_eq!(q[1].2.as_deref(), Some("Tomas Lindqvist"), "the pronoun resolves to the nearest person");
    }

    #[test]
    fn partial_quotes_and_scare_quotes() {
        let text = "Dr Aisha Bello, a lecturer in Abuja, said the plan was a “quiet but lasting shift in the region” although critics called it a “gift”.";
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "partial");
        assert_eq!(q[0].2.as_deref(), Some("Aisha Bello"));
    }

    #[test]
    fn a_quote_without_cue_continues_the_previous_speaker() {
        let text = "“We will process the list,” explained Ahmed Farouk, a senior member of Hamas. “Then we will release them.”";
        let q = quotes(text);
        assert_eq!(q[1].0, "Then we will release them.");
        assert_eq!(q[1].2.as_deref(), Some("Ahmed Farouk"));
    }

    #[test]
    fn pull_quotes_repeat_the_article_and_have_no_speaker() {
        let text = "Officials said the corridor would reopen within days, allowing convoys to reach Kassala again.\n\n“The corridor would reopen within days, allowing convoys to reach Kassala again”\n\nThe talks continue.";
        let q = quotes(text);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].1, "pullquote");
        assert_eq!(q[0].2, None);
    }

    #[test]
    fn an_unclosed_mark_does_not_swallow_the_document() {
        let text = "The ministry said it had \"done everything possible to keep the crossing open.\n\nOfficials said 12 trucks crossed. \"We are ready,\" said Rania Mansour, a spokesperson for the agency.";
        let q = quotes(text);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "done everything possible to keep the crossing open.");
        assert_eq!(q[1].0, "We are ready,");
        assert_eq!(q[1].2.as_deref(), Some("Rania Mansour"));
    }

    #[test]
    fn according_to_names_the_speaker() {
        let q = quotes("Moscow wants “a seat at every table in the region,” according to Dr Aisha Bello, a lecturer.");
        assert_eq!(q[0].2.as_deref(), Some("Aisha Bello"));
        assert_eq!(q[0].3.as_deref(), Some("according to"));
    }
}
