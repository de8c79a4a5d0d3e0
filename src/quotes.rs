//! Quotations: what was said, exactly, and who said it.
//!
//! Detection pairs quotation marks within each paragraph (curly and straight,
//! the `''…''` and ``` ``…'' ``` of news archives and treebank-style text,
//! and single marks ‘…’ where they are the document's quotation marks, all
//! read as double marks through [`marks::marks_view`]; a paragraph that opens
//! a quote without closing it ends it at the paragraph end, and a missing
//! mark never stops the rest of the document). A quoted
//! fragment inside the reporter's sentence is `partial`; one or two words in
//! marks mid-sentence are scare quotes or titles and are not quotations. A
//! paragraph that is only a quotation repeating the article's own words is a
//! `pullquote` with no speaker.
//!
//! Attribution looks for a cue beside the quote: a speech verb after it
//! (`,” said X`, `,” X said`, `?” X asked.` in the next sentence of the
//! segmentation), `according to X`, a dash signature (`” — X`), or a cue
//! before it in its sentence (`X told reporters: “`, `…, saying “`, `… and
//! said “`, `Said X: “`, a label `X: “`, a clause ending in a colon), else in
//! the sentence before (also the paragraph before, when it ends with a colon).
//! The speaker is the noun phrase next to the cue, found by walking its words:
//! a name with its title and party label ("Rep. X (D-Ore.)"), a pronoun
//! (resolved to the person named last before it), a description or
//! organisation ("a spokeswoman for the union", "the statement"), passing over
//! appositions for the name they describe. Its `mention` is that phrase (or
//! the actor's mention in it); its name is the actor the phrase's head word
//! belongs to, else the capitalised name, else a definite description's
//! referent (the person named last in this or the previous paragraph), else
//! the phrase as written. A quote with no cue takes the speaker of the quote
//! before it in its paragraph, else of a later quote there with a cue, else
//! of the last quote of the previous paragraph.
//!
//! Reported speech is an `indirect` quote: the clause a speech or cognition
//! verb governs (`X said (that) CLAUSE`, `X told Y CLAUSE`, `CLAUSE, X said`,
//! `According to X, CLAUSE`), without "that", the attribution and the final
//! period, with its speaker found by the same walk as a quotation's. Only in
//! sentences without quotation marks, so it never overlaps a quotation, and
//! never for questions (see `reported_speech`).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::doc::{Actor, Quote, QuoteKind, Span, Speaker};
use crate::lexicon::ActorKind;
use crate::segment::Segmentation;
use marks::marks_view;

mod marks;

/// Speech verbs that attribute a quotation (matched ignoring ASCII case).
static CUE_VERBS: WordSet = WordSet::new(&[
    "say", "said", "says", "tell", "told", "tells", "add", "added", "adds", "note", "noted", "notes", "explain",
    "explained", "explains", "stated", "states", "write", "wrote", "writes", "argue", "argued", "argues", "warn",
    "warned", "warns", "cautioned", "cautions", "insist", "insisted", "insists", "stressed", "stresses",
    "emphasised", "emphasized", "observed", "observes", "remarked", "remarks", "recalled", "recalls", "continued",
    "continues", "ask", "asked", "asks", "replied", "replies", "responded", "responds", "commented", "announced",
    "announces", "declared", "declares", "predicted", "predicts", "doubts", "doubted", "believes", "believed",
    "acknowledged", "acknowledges", "admitted", "admits", "claimed", "claims", "suggested", "suggests",
    "concluded", "concludes", "urged", "urges", "vowed", "vows", "pledged", "pledges", "tweeted", "posted",
    "shouted", "shouts", "yelled", "screamed", "cried", "exclaimed", "whispered", "muttered", "chanted",
    "sang", "sings", "conceded", "concedes", "estimated", "accused", "described", "called", "denied",
    "demanded", "boasted", "boasts", "joked", "jokes", "quipped", "quips", "mused", "muses", "reacted",
    "reported", "reports", "read", "reads", "testified", "testifies", "emailed", "texted", "confirmed",
    "confirms", "agreed", "complained", "complains", "countered", "counters", "interjected", "proclaimed",
    "thundered", "scoffed", "snapped", "lamented", "laments", "wondered", "wonders", "recounted", "recounts",
    "assured", "asserted", "asserts", "maintained", "maintains", "contended", "contends", "promised",
    "yells", "screams", "begged", "pleaded", "typed", "likened", "dubbed", "branded", "hailed", "labeled",
    "labelled", "termed", "quip", "declare", "respond", "reply", "answer", "answered", "answers", "beamed",
    "demurred", "blogged", "conclude", "acknowledge", "admit", "concede", "assert", "predict", "complain",
    "suggest", "agree", "shout", "yell", "observe", "announce", "charged", "retorted", "reiterated", "fumed",
    "barked", "griped", "groused", "opined", "mocked", "echoed", "elaborated", "gushed", "ranted", "confessed",
    "implored", "bristled", "marveled", "marvelled", "cautioned",
]);

/// Participles that give a quote to the subject of their clause (“Ruiz
/// defended the plan, saying “…”).
static CUE_PARTICIPLES: WordSet = WordSet::new(&[
    "saying", "adding", "telling", "asking", "writing", "tweeting", "noting", "declaring", "arguing", "warning",
    "insisting", "explaining", "stating", "posting", "chanting", "singing", "shouting", "yelling", "quipping",
    "joking", "responding", "replying", "complaining", "boasting", "proclaiming", "promising", "suggesting",
    "claiming", "urging", "remarking", "observing", "recalling", "continuing", "acknowledging", "admitting",
    "calling", "describing", "interjecting", "exclaiming", "screaming", "announcing", "predicting", "vowing",
    "pledging", "stressing", "emphasizing", "emphasising", "texting", "emailing", "demanding", "asserting",
]);

/// Pronouns that can be a speaker (and "I", which is matched by case).
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "it"];

/// Titles written abbreviated before a name: their period does not end the name.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Rep", "Reps", "Sen", "Sens", "Gov", "Lt", "Gen", "Col", "Sgt", "Rev", "Prof", "Capt",
    "Maj", "Adm", "Cmdr", "Del", "Atty", "Sec", "Supt", "Jr", "Sr", "St", "Hon", "Amb", "Cpl", "Pvt", "Det", "Insp",
];

/// Words that open a noun phrase and end the walk back through it.
static DETERMINERS: WordSet = WordSet::new(&[
    "the", "a", "an", "one", "another", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "some", "two", "three", "four", "five", "several", "many", "both", "each", "every", "any",
]);

/// Prepositions inside a speaker's description ("a spokeswoman for the union").
const PHRASE_PREPOSITIONS: &[&str] = &["of", "for", "at", "with", "from", "on", "in"];

/// Function words that cannot be part of a speaker's noun phrase.
static STOP_WORDS: WordSet = WordSet::new(&[
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "when", "while", "where", "as", "after",
    "before", "because", "if", "since", "though", "although", "than", "to", "is", "are", "was", "were", "be",
    "been", "being", "has", "have", "had", "do", "does", "did", "will", "would", "can", "could", "should", "may",
    "might", "must", "not", "also", "so", "there", "here", "what", "how", "why", "by", "into", "onto", "about",
    "during", "like", "unlike", "over", "under", "through", "against", "between", "among", "per", "via", "in",
    "on", "at", "from", "with", "without", "for", "of", "up", "down", "out", "off", "just", "only", "even",
    "still", "yet", "then", "once", "whether", "however", "meanwhile", "moreover", "instead", "indeed", "now",
    "according", "him", "them", "me", "us", "again", "later", "earlier", "never", "ever", "already", "too",
]);

/// Heads of descriptions that speak but are not people ("the statement said").
static NOT_PERSONS: WordSet = WordSet::new(&[
    "statement", "report", "letter", "ruling", "ad", "campaign", "committee", "article", "book", "piece", "memo",
    "website", "site", "post", "tweet", "email", "release", "complaint", "lawsuit", "filing", "order", "decision",
    "opinion", "study", "survey", "poll", "document", "agency", "department", "ministry", "office", "group",
    "union", "company", "party", "government", "administration", "court", "network", "newspaper", "magazine",
    "paper", "video", "spot", "announcement", "note", "message", "page", "account", "band", "crowd", "audience",
    "protesters", "team", "board", "council", "panel", "organization", "organisation", "foundation", "coalition",
    "commission", "authority", "police", "army", "military", "bank", "firm", "lawmakers", "officials", "times",
]);

/// Conjunctions after which a clause's subject comes ("When he returned he began by saying").
static CLAUSE_OPENERS: WordSet = WordSet::new(&["when", "while", "as", "after", "before", "because", "if", "since", "though", "although", "and", "but", "so", "then", "once"]);

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// Words that can stand between a subject and its speech verb ("has also
/// said", "on Tuesday said").
fn is_adverb(word: &str) -> bool {
    static WORDS: WordSet = WordSet::new(&[
        "also", "then", "later", "once", "often", "again", "has", "have", "had", "would", "will", "was", "is",
        "did", "does", "still", "now", "already", "even", "never", "just", "first", "further", "soon", "too",
        "today", "yesterday", "tonight", "earlier", "himself", "herself", "themselves", "itself", "on", "could",
        "can", "may", "might", "should", "must", "only",
    ]);
    const NOT_ADVERBS: &[&str] = &["family", "assembly", "ally", "rally", "supply", "reply", "daily", "weekly", "monthly", "anomaly", "bully"];
    WORDS.contains(word)
        || WEEKDAYS.contains(&word)
        || (word.len() > 4 && word.ends_with("ly") && !capitalised(word) && !is_in(NOT_ADVERBS, word))
}

/// One run of text between quotation marks.
#[derive(Clone, Copy)]
struct Segment {
    /// The content, inside the marks.
    inner: Span,
    /// The marks included (the closing one may be missing).
    outer: Span,
    paragraph: usize,
}

/// Finds the quotations of a document.
pub fn find_quotes(text: &str, seg: &Segmentation, actors: &[Actor]) -> Vec<Quote> {
    let view = marks_view(text, seg);
    let text: &str = &view;
    let ctx = Context { text, seg, actors, mentions: Mentions::new(actors) };
    // (segment, quote, whether its speaker comes from its own cue)
    let mut found: Vec<(Segment, Quote, bool)> = Vec::new();
    for s in quote_segments(text, seg) {
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
        if mid_sentence && is_title_or_slogan(content) {
            continue; // titles and slogans: "hosted “The Apprentice.”"
        }
        let only_content = text[paragraph.start..paragraph.end].trim().len() <= s.outer.len() + 1;
        if only_content && repeats_article(text, paragraph, content) {
            let quote = Quote { span: s.inner, kind: QuoteKind::Pullquote, speaker: None, cue: None };
            found.push((s, quote, false));
            continue;
        }
        let kind = if mid_sentence && !ends_sentence { QuoteKind::Partial } else { QuoteKind::Direct };
        let (speaker, cue) = attribute(&ctx, &s).map_or((None, None), |(sp, cue)| (Some(sp), cue));
        let own = speaker.is_some();
        found.push((s, Quote { span: s.inner, kind, speaker, cue }, own));
    }
    // A quote with no cue of its own is the same speaker's: the quote before
    // it in its paragraph, else the next one there that has a cue ("“A.” “B,”
    // Ruiz said."), else the last quote of the paragraph before (a quotation
    // running on over paragraphs, or one speaker's words in a row).
    for i in 0..found.len() {
        if found[i].2 || found[i].1.kind == QuoteKind::Pullquote {
            continue;
        }
        let p = found[i].0.paragraph;
        let speaking = |j: usize| found[j].1.kind != QuoteKind::Pullquote && found[j].1.speaker.is_some();
        let earlier = (0..i).rev().take_while(|&j| found[j].0.paragraph == p).find(|&j| speaking(j));
        // Only a quotation standing as its own sentence takes a later cue.
        let later = (i + 1..found.len())
            .take_while(|&j| found[j].0.paragraph == p && found[i].1.kind == QuoteKind::Direct)
            .find(|&j| found[j].2);
        let last_before = (0..i).rev().find(|&j| found[j].0.paragraph < p).filter(|&j| found[j].0.paragraph + 1 == p && speaking(j));
        if let Some(j) = earlier.or(later).or(last_before) {
            let (speaker, cue) = (found[j].1.speaker.clone(), found[j].1.cue.clone());
            found[i].1.speaker = speaker;
            found[i].1.cue = cue;
        }
    }
    // Reported speech only where no quotation is: a sentence holding quoted
    // words is the direct or partial quote's, never an indirect one as well.
    let quoted: Vec<Span> = found.iter().map(|(s, _, _)| s.outer).collect();
    let mut quotes: Vec<Quote> = found.into_iter().map(|(_, q, _)| q).collect();
    let reported = reported_speech(&ctx, &quoted);
    if !reported.is_empty() {
        quotes.extend(reported);
        quotes.sort_by_key(|q| q.span.start); // stable: quotations keep their order
    }
    quotes
}

/// Speech and cognition verbs that report a clause ("noted that …", "said
/// Kenya would …"); all are [`CUE_VERBS`], so that the speaker is found by
/// the same walk as a quotation's. Lower case only: "Said" is also a name.
static REPORT_VERBS: WordSet = WordSet::new(&[
    "say", "said", "says", "tell", "told", "tells", "add", "added", "adds", "note", "noted", "notes", "explain",
    "explained", "explains", "stated", "write", "wrote", "writes", "argue", "argued", "argues", "warn",
    "warned", "warns", "cautioned", "insist", "insisted", "insists", "stressed", "stresses", "emphasised",
    "emphasized", "observed", "recalled", "announced", "announces", "declared", "declares", "predicted",
    "predicts", "believes", "believed", "acknowledged", "acknowledges", "admitted", "admits", "claimed", "claims",
    "suggested", "suggests", "concluded", "concludes", "vowed", "conceded", "estimated", "denied",
    "reported", "reports", "testified", "confirmed", "confirms", "asserted", "asserts", "maintained",
    "maintains", "contended", "contends", "promised", "assured", "complained", "countered",
]);

/// Participles that report a clause of their clause's subject ("…, adding that …").
static REPORT_PARTICIPLES: WordSet = WordSet::new(&[
    "saying", "adding", "noting", "arguing", "warning", "insisting", "explaining", "stating", "claiming",
    "stressing", "suggesting", "acknowledging", "admitting", "asserting", "declaring", "predicting",
    "announcing", "emphasizing", "emphasising",
]);

/// Verbs whose addressee comes before the clause ("told reporters that …").
const ADDRESSEE_VERBS: &[&str] = &["tell", "told", "tells", "warned", "warns", "assured", "promised"];

/// Words that may stand between a verb and its "that" ("said in a statement
/// on Tuesday that", "said Monday").
static BEFORE_THAT: WordSet = WordSet::new(&[
    "on", "in", "at", "during", "last", "this", "earlier", "late", "yesterday", "today", "tonight", "recently",
    "repeatedly", "again", "also", "later", "privately", "publicly", "separately", "previously", "flatly",
]);

/// Words that open an adverbial part, not a clause ("In a statement, …").
static ADVERBIAL_OPENERS: WordSet = WordSet::new(&[
    "in", "on", "at", "during", "after", "before", "when", "while", "if", "as", "since", "because", "although",
    "though", "by", "under", "over", "amid", "despite", "like", "for", "with", "from", "to", "asked", "speaking",
]);

/// Reported speech: a clause governed by a speech or cognition verb, in a
/// sentence with no quotation (`quoted`: the quotations' spans, marks
/// included). Three shapes: `X said (that) CLAUSE`, `CLAUSE, X said` /
/// `CLAUSE, said X` / `CLAUSE, according to X`, and `According to X, CLAUSE`.
/// The quote is the clause, without "that" and the final period; its speaker
/// and cue come from the same walk as a quotation's (`cue_before`,
/// `cue_after`). Questions are not reports.
fn reported_speech(ctx: &Context, quoted: &[Span]) -> Vec<Quote> {
    let text = ctx.text;
    let mut out = Vec::new();
    let mut q = 0; // quotations before the sentence, which are sorted
    for sentence in &ctx.seg.sentences {
        let s = sentence.span;
        while q < quoted.len() && quoted[q].end <= s.start {
            q += 1;
        }
        if quoted.get(q).is_some_and(|m| m.start < s.end) {
            continue;
        }
        let body = text[s.start..s.end].trim_end();
        // Questions are not reports. Words in marks, even a scare quote or
        // a title, make the sentence the quotation's: its clause is partly
        // someone's own words, not a paraphrase. (`marks_view` has turned the
        // archives' "''" pairs into straight marks; longer runs it leaves
        // still count as marks here.)
        if body.ends_with('?') || body.contains(['“', '”', '"', '„', '«', '»']) || body.contains("''") || body.contains("``") {
            continue;
        }
        let toks = tokens(text, s);
        if toks.len() < 4 {
            continue;
        }
        let found = according_first(ctx, &toks, s).or_else(|| cue_last(ctx, &toks, s)).or_else(|| cue_first(ctx, &toks, s));
        if let Some((content, (speaker, cue))) = found {
            out.push(Quote { span: content, kind: QuoteKind::Indirect, speaker: Some(speaker), cue });
        }
    }
    out
}

/// The clause of tokens `from..` to the sentence end, without its final period.
fn clause_to_end(text: &str, toks: &[Tok], from: usize, s: Span) -> Option<Span> {
    let end = s.start + text[s.start..s.end].trim_end().trim_end_matches(['.', '!']).trim_end().len();
    (toks.len() >= from + 2 && toks[from].start < end).then(|| Span::new(toks[from].start, end))
}

/// Whether there is a comma between tokens `k - 1` and `k`.
fn comma_before(text: &str, toks: &[Tok], k: usize) -> bool {
    k > 0 && text[toks[k - 1].end..toks[k].start].contains(',')
}

/// `According to X, CLAUSE.`
fn according_first(ctx: &Context, toks: &[Tok], s: Span) -> Option<(Span, Attribution)> {
    if !(toks[0].word.eq_ignore_ascii_case("according") && toks[1].word == "to") {
        return None;
    }
    // The part after the source and its appositions ("the UN, which …, ").
    let k = (3..toks.len()).find(|&k| comma_before(ctx.text, toks, k) && !is_in(&["which", "who", "whose", "a", "an"], toks[k].word))?;
    let content = clause_to_end(ctx.text, toks, k, s)?;
    let found = cue_before(ctx, Span::new(s.start, toks[k - 1].end), s.start)?;
    Some((content, found))
}

/// `CLAUSE, X said.`, `CLAUSE, said X.`, `CLAUSE, according to X.`: a part
/// after a comma that is only an attribution, at the sentence's end (or
/// before an apposition or "adding …"), or inside it after an adverbial
/// (`In any case, X said, CLAUSE.`: the clause is the part after it).
fn cue_last(ctx: &Context, toks: &[Tok], s: Span) -> Option<(Span, Attribution)> {
    let text = ctx.text;
    let commas: Vec<usize> = (3..toks.len()).filter(|&k| comma_before(text, toks, k)).collect();
    for (c, &a) in commas.iter().enumerate() {
        let b = commas.get(c + 1).copied().unwrap_or(toks.len());
        let Some(v) = (a..b.min(a + 6)).find(|&k| {
            let w = toks[k].word;
            (REPORT_VERBS.contains(w) && !capitalised(w) && cue_at(toks, k).is_some()) || (w.eq_ignore_ascii_case("according") && toks.get(k + 1).is_some_and(|t| t.word == "to"))
        }) else {
            continue;
        };
        // "according to" names its source, however long ("according to a
        // person close to the talks who …"); a verb's part is short.
        let according = toks[v].word.eq_ignore_ascii_case("according");
        if according && v > a || !according && b - a > 12 {
            continue;
        }
        // After "X said" or "said X" only when, where, or to whom ("in a
        // statement", "told reporters"): "…, said the plan failed" is a
        // clause, not an attribution.
        let tail = if v == a {
            let n = if according { 2 } else { 1 };
            let Some(p) = phrase_after(text, toks, v + n, b) else { continue };
            toks.partition_point(|t| t.end <= p.end).max(v + n)..b
        } else {
            v + 1..b
        };
        let when = |k: usize| BEFORE_THAT.contains(toks[k].word) || WEEKDAYS.contains(&toks[k].word);
        if !according && !tail.is_empty() {
            if v == a && (tail.len() > 6 || is_pronoun(toks[tail.start - 1].word) || !when(tail.start)) {
                continue; // not "…, said he also may campaign"
            }
            if v > a && !when(tail.start) && !(is_in(ADDRESSEE_VERBS, toks[v].word) && tail.len() <= 4) {
                continue;
            }
            if finite(&toks[tail.clone()], false) {
                continue;
            }
        }
        // What comes before: an adverbial alone ("In a statement, the
        // ministry said.", "Over the years, she said, …").
        let adverbial = ADVERBIAL_OPENERS.contains(toks[0].word) && !commas[..c].iter().any(|&k| k > 1)
            || c == 0 && a <= 3 && !finite(&toks[..a], false);
        let goes_on = b < toks.len() && !according && !is_in(&["a", "an", "who", "which", "whose", "according"], toks[b].word) && !REPORT_PARTICIPLES.contains(toks[b].word);
        let content = if goes_on {
            // "…, he said, …": the report goes on after the attribution;
            // only a clause after an adverbial is whole.
            if !adverbial {
                continue;
            }
            let Some(span) = clause_to_end(text, toks, b, s) else { continue };
            if !finite(&toks[b..], true) {
                continue;
            }
            span
        } else {
            if a < 3 || adverbial || !finite(&toks[..a], true) {
                continue; // not "Ana Ruiz, a lawyer, said the plan"
            }
            let end = toks[a - 1].end.max(s.start + text[s.start..toks[a].start].trim_end().trim_end_matches([',', ' ']).len());
            Span::new(after_dateline(text, toks[0].start, end), end)
        };
        let window = Span::new(toks[a].start, if b < toks.len() { toks[b - 1].end } else { s.end });
        let Some(((speaker, cue), strong)) = cue_after(ctx, window) else { continue };
        if !strong || cue.as_deref().is_some_and(|c| c != "according to" && !REPORT_VERBS.contains(c)) {
            continue;
        }
        return Some((content, (speaker, cue)));
    }
    None
}

/// Where a clause starts in `text[start..end]`, past a dateline ("MANILA — ").
fn after_dateline(text: &str, start: usize, end: usize) -> usize {
    let body = &text[start..end];
    let Some(k) = body.find(" — ").or_else(|| body.find(" - ")) else { return start };
    let place = &body[..k];
    if place.chars().any(char::is_alphabetic) && place.chars().all(|c| c.is_uppercase() || c == ' ' || c == ',' || c == '.') {
        return start + body[k..].find(|c: char| c.is_alphanumeric()).map_or(0, |j| k + j);
    }
    start
}

/// `X said (that) CLAUSE.`, `X told Y (that) CLAUSE.`, `…, adding that CLAUSE.`
fn cue_first(ctx: &Context, toks: &[Tok], s: Span) -> Option<(Span, Attribution)> {
    let text = ctx.text;
    for v in 0..toks.len().saturating_sub(3) {
        let w = toks[v].word;
        let n = if REPORT_PARTICIPLES.contains(w) && !capitalised(w) {
            1
        } else if REPORT_VERBS.contains(w) && !capitalised(w) {
            match cue_at(toks, v) {
                Some(n) => n,
                None => continue,
            }
        } else {
            continue;
        };
        let Some(k) = clause_start(text, toks, v, n) else { continue };
        let Some(content) = clause_to_end(text, toks, k, s) else { continue };
        if let Some(found) = cue_before(ctx, Span::new(s.start, toks[v + n - 1].end), s.start) {
            return Some((content, found));
        }
    }
    None
}

/// The first token of the clause a cue at `v` (`n` tokens) reports: after
/// "that", or right after the verb (and its addressee) when a clause starts
/// there.
fn clause_start(text: &str, toks: &[Tok], v: usize, n: usize) -> Option<usize> {
    let after = v + n;
    let addressee = is_in(ADDRESSEE_VERBS, toks[v].word);
    // "that" within a few words, with only when, where, or to whom between.
    let limit = (after + 10).min(toks.len());
    for k in after..limit {
        if text[toks[k.max(1) - 1].end..toks[k].start].contains([':', ';', '(', ')', '—', '–']) {
            break;
        }
        if toks[k].word == "that" {
            // "said that was wrong": "that" is the subject.
            let subject = toks.get(k + 1).is_some_and(|t| is_in(&["is", "was", "would", "will", "has", "had", "could", "should", "might", "may", "can", "must"], t.word));
            return Some(if subject { k } else { k + 1 });
        }
        let first = k == after;
        if !first && subject_pronoun(toks[k].word) {
            return Some(k); // "said in a statement they …", "told POLITICO he …"
        }
        let allowed = (first && (BEFORE_THAT.contains(toks[k].word) || WEEKDAYS.contains(&toks[k].word) || addressee)) || (!first && !STOP_WORDS.contains(toks[k].word) || is_in(PHRASE_PREPOSITIONS, toks[k].word));
        if !allowed {
            break;
        }
    }
    // No "that": the clause right after the verb ("said Kenya would …"), or
    // after a day ("said Monday the …") or a pronoun addressee ("told him the …").
    let mut k = after;
    if k < toks.len() && (WEEKDAYS.contains(&toks[k].word) || is_in(&["yesterday", "today"], toks[k].word) || (addressee && is_in(&["him", "her", "them", "us", "me", "reporters", "journalists"], toks[k].word))) {
        k += 1;
    }
    if k >= toks.len() || !blank(text, toks[after - 1].end, toks[after].start) || !blank(text, toks[k - 1].end, toks[k].start) {
        return None;
    }
    let w = toks[k].word;
    let subject = subject_pronoun(w);
    let opens = subject || !STOP_WORDS.contains(w) && !is_in(&["no", "yes", "nothing", "something", "anything", "so", "goodbye", "hello", "thanks", "sorry"], w);
    if !opens || addressee && k == after && !is_pronoun(w) {
        return None;
    }
    if subject {
        return Some(k);
    }
    // Otherwise the clause needs a finite verb: an auxiliary, a contraction,
    // or a past or present form. After "say" and "tell" a noun phrase alone
    // is rare ("said the same"), so any word in -s counts there ("said the
    // party needs"); other verbs often take one ("stressed the need for jobs").
    let say = is_in(&["say", "said", "says", "saying", "tell", "told", "tells"], toks[v].word);
    finite(&toks[k + 1..toks.len().min(k + 12)], say).then_some(k)
}

/// Common irregular past forms, for `finite`.
static IRREGULAR_PAST: WordSet = WordSet::new(&[
    "rose", "fell", "sank", "took", "made", "won", "lost", "met", "left", "gave", "came", "went", "got", "held",
    "told", "said", "saw", "ran", "began", "kept", "brought", "thought", "found", "built", "sent", "spent", "paid",
    "led", "knew", "became", "grew", "drew", "wrote", "spoke", "broke", "chose", "stood", "sold", "bought", "fought",
    "caught", "taught", "meant", "felt", "heard", "understood", "struck", "hid", "fled", "shot", "forgot", "lay",
]);

/// A personal pronoun that can only be a subject, alone or contracted ("he’s"), or "there".
fn subject_pronoun(w: &str) -> bool {
    let base = w.split(['’', '\'']).next().unwrap_or(w);
    is_pronoun(base) && !base.eq_ignore_ascii_case("it") || is_in(&["you", "there"], base)
}

/// Whether words hold a finite verb (see `clause_start`); `loose` counts any
/// lower-case word in -s after the first.
fn finite(toks: &[Tok], loose: bool) -> bool {
    toks.iter().enumerate().any(|(i, t)| {
        let x = t.word;
        is_in(&["is", "are", "was", "were", "will", "would", "has", "have", "had", "can", "could", "should", "may", "might", "must", "did", "does", "do"], x)
            || IRREGULAR_PAST.contains(x)
            || (!capitalised(x) && (x.ends_with("ed") || x.ends_with("es") || x.ends_with("n’t") || x.ends_with("n't") || (loose && i > 0 && x.ends_with('s') && !x.ends_with("ss"))))
    })
}

/// Quotation mark runs within paragraphs.
fn quote_segments(text: &str, seg: &Segmentation) -> Vec<Segment> {
    let mut out = Vec::new();
    for (p, paragraph) in seg.paragraphs.iter().enumerate() {
        let body = paragraph.span.of(text);
        let base = paragraph.span.start;
        let mut open: Option<(usize, usize, bool)> = None; // (mark start, content start, straight marks)
        // A quotation inside the open one (true: in straight marks), when
        // the next two marks close it and then the outer one ("“… what he
        // calls “hell” …”", "\"… the question: “…?” …\""). Its marks leave
        // the outer quotation open.
        let mut inner: Option<bool> = None;
        let chars: Vec<(usize, char)> = body.char_indices().collect();
        let close = |out: &mut Vec<Segment>, open: &mut Option<(usize, usize, bool)>, at: usize, outer_end: usize| {
            if let Some((mark, start, _)) = open.take() {
                push_segment(out, text, mark, start, at, outer_end, p);
            }
        };
        for (k, &(i, c)) in chars.iter().enumerate() {
            let prev = k.checked_sub(1).map(|j| chars[j].1);
            let next = chars.get(k + 1).map(|&(_, c)| c);
            let (at, after) = (base + i, base + i + c.len_utf8());
            match c {
                // An opening mark typed for a closing one: right after the
                // quote's last punctuation, before a space ("unusual,“ said").
                '“' if open.is_some() && inner.is_none() && prev.is_some_and(|p| ",.!?".contains(p)) && next.is_none_or(char::is_whitespace) => {
                    close(&mut out, &mut open, at, after);
                }
                '“' | '„' | '«' => match open {
                    None => open = Some((at, after, false)),
                    // A doubled opening mark ("““We …").
                    Some((_, start, _)) if text[start..at].trim().is_empty() => {}
                    Some((_, _, straight)) if inner.is_none() && nested(&chars, k, '”', if straight { '"' } else { '”' }) => inner = Some(false),
                    Some(_) => {
                        // A new opening mark while one is open: the earlier close is missing.
                        close(&mut out, &mut open, at, at);
                        inner = None;
                        open = Some((at, after, false));
                    }
                },
                '”' | '»' if inner == Some(false) => inner = None,
                '”' | '»' => close(&mut out, &mut open, at, after),
                '"' => {
                    let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–-:".contains(p));
                    match open {
                        None if opens => open = Some((at, after, true)),
                        None => {}
                        Some(_) if inner == Some(true) => inner = None,
                        Some((_, _, false)) if inner.is_none() && opens && nested(&chars, k, '"', '”') => inner = Some(true),
                        Some(_) => {
                            close(&mut out, &mut open, at, after);
                            inner = None;
                        }
                    }
                }
                _ => {}
            }
        }
        // Unclosed at the paragraph's end: the quotation runs to the end of the paragraph.
        close(&mut out, &mut open, paragraph.span.end, paragraph.span.end);
    }
    out
}

/// Words a title leaves in lower case ("Face the Nation", "Sons of Trump").
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "vs",
];

/// Whether words in marks are a title or a slogan rather than speech: two
/// to eight words, each capitalised but the small words of titles, not all
/// in capitals and not exclaimed or asked ("The Apprentice", "Crippled
/// America: How to Make America Great Again", "Settle For Hillary"; not
/// "LOCK HER UP", "Ted! Ted!").
fn is_title_or_slogan(content: &str) -> bool {
    let words: Vec<&str> = content
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    (2..=8).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || TITLE_SMALL_WORDS.contains(w))
        && content.chars().any(char::is_lowercase)
        && !content.contains(['!', '?'])
}

/// Whether the opening mark at `chars[k]`, inside an open quotation, starts a
/// quotation nested in it: the next mark closes it (`inner_close`) and the
/// one after closes the outer quotation (`outer_close`).
fn nested(chars: &[(usize, char)], k: usize, inner_close: char, outer_close: char) -> bool {
    let mut marks = chars[k + 1..].iter().map(|&(_, c)| c).filter(|c| matches!(c, '“' | '”' | '„' | '«' | '»' | '"'));
    marks.next() == Some(inner_close) && marks.next() == Some(outer_close)
}

fn push_segment(out: &mut Vec<Segment>, text: &str, mark: usize, start: usize, end: usize, outer_end: usize, paragraph: usize) {
    let raw = &text[start..end];
    // Spaces, and a doubled opening mark ("““We …").
    let body = raw.trim_start_matches(|c: char| c.is_whitespace() || c == '“');
    let lead = raw.len() - body.len();
    let trimmed = body.trim_end();
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
    let shingles: FxHashSet<&[String]> = rest.windows(4).collect();
    let found = quote.windows(4).filter(|w| shingles.contains(w)).count();
    found * 10 >= (quote.len() - 3) * 6
}

/// Actor mentions of one document, sorted once so that attribution looks up
/// the words around each quote by binary search rather than scanning every
/// actor for every quote.
struct Mentions {
    /// (mention, actor index), by start.
    by_start: Vec<(Span, usize)>,
    /// (end of a person mention, actor index), by end: pronoun antecedents.
    person_ends: Vec<(usize, usize)>,
}

impl Mentions {
    fn new(actors: &[Actor]) -> Mentions {
        let mut by_start: Vec<(Span, usize)> = actors.iter().enumerate().flat_map(|(i, a)| a.mentions.iter().map(move |m| (*m, i))).collect();
        by_start.sort_by_key(|(m, _)| (m.start, m.end));
        let mut person_ends: Vec<(usize, usize)> =
            by_start.iter().filter(|(_, i)| actors[*i].kind == ActorKind::Person).map(|(m, i)| (m.end, *i)).collect();
        person_ends.sort_unstable();
        Mentions { by_start, person_ends }
    }

    /// The mention covering byte `pos` (a person preferred), if any.
    fn covering(&self, actors: &[Actor], pos: usize) -> Option<(Span, usize)> {
        let i = self.by_start.partition_point(|(m, _)| m.start <= pos);
        // Mentions barely nest, so the few starting just before `pos` are enough.
        self.by_start[i.saturating_sub(4)..i]
            .iter()
            .filter(|(m, a)| m.end > pos && actors[*a].kind != ActorKind::State)
            .max_by_key(|(m, a)| (actors[*a].kind == ActorKind::Person, m.start))
            .copied()
    }

    /// The person mentioned last before byte `pos`.
    fn person_before(&self, pos: usize) -> Option<usize> {
        let i = self.person_ends.partition_point(|&(end, _)| end <= pos);
        self.person_ends.get(i.checked_sub(1)?).map(|&(_, a)| a)
    }
}

/// What attribution reads: the document and its actors.
struct Context<'a> {
    text: &'a str,
    seg: &'a Segmentation,
    actors: &'a [Actor],
    mentions: Mentions,
}

impl Context<'_> {
    /// The words of a window, with the capitalised words of actor mentions
    /// marked as names (so that "Will", "Read" or "From" can be a person).
    fn tokens(&self, window: Span) -> Vec<Tok<'_>> {
        let mut toks = tokens(self.text, window);
        for t in &mut toks {
            if capitalised(t.word) && !DETERMINERS.contains(t.word) && !is_pronoun(t.word) {
                t.name |= self.mentions.covering(self.actors, t.start).is_some();
            }
        }
        toks
    }
}

/// A word of a window, with its byte span in the document. `word` drops a
/// final period and apostrophe; the span keeps the period of a title or
/// initial ("Rep.", "H.") so that a name's words stay next to each other.
#[derive(Clone, Copy)]
struct Tok<'t> {
    start: usize,
    end: usize,
    word: &'t str,
    /// Part of a proper name although it reads as a function word: a
    /// capitalised word of an actor's mention ("Will Doyle", "Read said"),
    /// an initial ("James A. Baker") or an acronym ("US Senator").
    name: bool,
}

impl Tok<'_> {
    /// A function word that cannot be part of a speaker's noun phrase.
    fn stop(&self) -> bool {
        !self.name && STOP_WORDS.contains(self.word)
    }

    /// A word that opens a noun phrase ("the", "his", "some").
    fn determiner(&self) -> bool {
        !self.name && DETERMINERS.contains(self.word)
    }
}

fn tokens(text: &str, window: Span) -> Vec<Tok<'_>> {
    let s = &text[window.start..window.end];
    let mut out = Vec::new();
    let mut start = None;
    let mut push = |st: usize, en: usize| {
        let raw = &s[st..en];
        let word = raw.trim_end_matches(['.', '’', '\'']).trim_start_matches(['\'', '’', '-', '.']);
        if !word.chars().any(char::is_alphanumeric) {
            return;
        }
        let lead = raw.len() - raw.trim_start_matches(['\'', '’', '-', '.']).len();
        let abbreviation = raw.ends_with('.') && (TITLES.contains(&word) || (word.len() == 1 && word.chars().all(char::is_uppercase)) || word.contains('.'));
        // A plural possessive keeps its apostrophe: "the dockworkers’ union".
        let possessive = word.ends_with('s') && raw.trim_end_matches('.').ends_with(['’', '\'']);
        let end = if abbreviation { window.start + en } else if possessive { window.start + st + raw.trim_end_matches('.').len() } else { window.start + st + lead + word.len() };
        let initial = abbreviation && word.len() == 1;
        let acronym = word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase());
        out.push(Tok { start: window.start + st + lead, end, word, name: initial || acronym });
    };
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || c == '-' || c == '\'' || c == '’' || c == '.' || c == '&';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                push(st, i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        push(st, s.len());
    }
    out
}

/// Whether `word` is in a short `list`, ignoring ASCII case.
fn is_in(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A long word list, asked about ignoring ASCII case as [`is_in`] asks a
/// short one, but through a hash set built on first use: the walks over a
/// quotation's context ask these lists about nearly every token, and a
/// linear scan of a hundred words each time was the stage's largest cost.
struct WordSet {
    words: &'static [&'static str],
    /// The words in ASCII lower case.
    set: OnceLock<FxHashSet<Box<[u8]>>>,
}

impl WordSet {
    /// No listed word is longer, so a longer word is answered without a lookup.
    const LONGEST: usize = 24;

    const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet { words, set: OnceLock::new() }
    }

    fn contains(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| {
            debug_assert!(self.words.iter().all(|w| w.len() <= Self::LONGEST), "a listed word is longer than WordSet::LONGEST");
            self.words.iter().map(|w| w.to_ascii_lowercase().into_bytes().into_boxed_slice()).collect()
        });
        let mut buffer = [0u8; Self::LONGEST];
        let Some(lower) = buffer.get_mut(..word.len()) else { return false };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        set.contains(&*lower)
    }
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn is_pronoun(word: &str) -> bool {
    word == "I" || is_in(PRONOUNS, word)
}

/// A cue at token `k`: how many tokens it takes ("said", "went on", "put it").
fn cue_at(toks: &[Tok], k: usize) -> Option<usize> {
    let w = toks[k].word;
    const ARTICLES: &[&str] = &["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"];
    // A noun ("one of the states", "his claims") or a name ("Read said", "the United States").
    if k > 0 && (is_in(ARTICLES, toks[k - 1].word) || capitalised(w) && capitalised(toks[k - 1].word) && toks[k - 1].end + 1 == toks[k].start) || toks[k].name {
        return None;
    }
    if CUE_VERBS.contains(w) {
        return Some(1);
    }
    let next = toks.get(k + 1).map_or("", |t| t.word);
    let pair = (w.to_ascii_lowercase(), next.to_ascii_lowercase());
    matches!((pair.0.as_str(), pair.1.as_str()), ("went" | "goes", "on") | ("pointed" | "points", "out") | ("put" | "puts", "it")).then_some(2)
}

fn cue_text(text: &str, toks: &[Tok], k: usize, n: usize) -> String {
    text[toks[k].start..toks[k + n - 1].start + toks[k + n - 1].word.len()].to_lowercase()
}

/// The text between two positions (empty when they cross).
fn between(text: &str, a: usize, b: usize) -> &str {
    if a < b { &text[a..b] } else { "" }
}

/// Only spaces (or nothing) in `text[a..b]`, or the marks of a nickname
/// inside a name ("Marcia “Cia” Okafor").
fn blank(text: &str, a: usize, b: usize) -> bool {
    a >= b || text[a..b].trim_matches(|c: char| c.is_whitespace() || c == '“' || c == '”' || c == '"').is_empty()
}

/// A noun phrase naming a speaker: tokens `first..=head`, `end` its last byte
/// (past a parenthetical such as "(D-Ohio)").
#[derive(Clone, Copy)]
struct Phrase {
    first: usize,
    head: usize,
    end: usize,
}

/// The noun phrase that ends right before byte `right`, among tokens
/// `lo..j` (those before `right`): "the New York businessman", "Rep. Gwen
/// Moore (D-Wis.)", "a spokeswoman for the union", "she".
fn phrase_before(text: &str, toks: &[Tok], lo: usize, mut j: usize, mut right: usize) -> Option<Phrase> {
    // Adverbs and auxiliaries between subject and verb ("has also said").
    while j > lo && is_adverb(toks[j - 1].word) && blank(text, toks[j - 1].end, right) {
        right = toks[j - 1].start;
        j -= 1;
    }
    let mut end = right;
    let gap = if j > lo { between(text, toks[j - 1].end, right).trim() } else { "" };
    if gap.ends_with(')') && gap.trim_end_matches(')').trim_matches(['.', ' ']).is_empty() {
        // "(R-Utah)": skip back over the parenthetical to the name.
        let open = text[toks[lo].start..right].rfind('(').map(|k| toks[lo].start + k)?;
        end = text[..right].trim_end().len();
        right = open;
        j = toks[..j].partition_point(|t| t.end <= open);
    }
    if j <= lo || !blank(text, toks[j - 1].end, right) {
        return None;
    }
    let last = j - 1;
    let end = if end == right { toks[last].end } else { end };
    let w = toks[last].word;
    if is_pronoun(w) {
        return Some(Phrase { first: last, head: last, end });
    }
    let after_of = last > lo && toks[last - 1].word == "of"; // "a mother of three"
    if toks[last].determiner() && is_in(&["another", "some", "many", "several", "both", "one", "two", "three", "four", "five"], w) {
        return Some(Phrase { first: last, head: last, end }); // standing for a noun: "Yet another said"
    }
    if toks[last].stop() || (toks[last].determiner() && !after_of) || cue_at(toks, last).is_some() || CUE_PARTICIPLES.contains(w) {
        return None;
    }
    // `head` is the word the phrase is about: the last one, or the one before
    // a preposition ("[Mr. Morgan] of the Sierra Club", "a [narrator] in the ad").
    let (mut first, mut head) = (last, last);
    let of_head = |k: usize| k > lo && blank(text, toks[k - 1].end, toks[k].start) && (noun_like(toks[k - 1].word) || capitalised(toks[k - 1].word) && !toks[k - 1].stop());
    while first > lo && last - first < 12 && blank(text, toks[first - 1].end, toks[first].start) {
        let k = first - 1;
        let w = toks[k].word;
        if toks[k].determiner() {
            first = k;
            if k > lo && is_in(PHRASE_PREPOSITIONS, toks[k - 1].word) && blank(text, toks[k - 1].end, toks[k].start) && of_head(k - 1) {
                first = k - 2;
                head = k - 2;
                continue;
            }
            break;
        }
        if is_in(PHRASE_PREPOSITIONS, w) {
            if of_head(k) {
                first = k - 1;
                head = k - 1;
                continue;
            }
            break;
        }
        if toks[k].stop() || is_pronoun(w) || cue_at(toks, k).is_some() || CUE_PARTICIPLES.contains(w) {
            break;
        }
        first = k;
    }
    Some(Phrase { first, head, end })
}

/// A lower-case word that can head a noun phrase ("spokeswoman", "one").
fn noun_like(word: &str) -> bool {
    !capitalised(word) && !STOP_WORDS.contains(word) && !DETERMINERS.contains(word) && !is_pronoun(word) || word == "one"
}

/// The noun phrase starting at token `i` (before token `hi`): "said [a
/// spokeswoman for the union], adding …", "according to [the ruling]".
fn phrase_after(text: &str, toks: &[Tok], i: usize, hi: usize) -> Option<Phrase> {
    if i >= hi {
        return None;
    }
    let w = toks[i].word;
    if is_pronoun(w) {
        return Some(Phrase { first: i, head: i, end: toks[i].end });
    }
    if toks[i].stop() || cue_at(toks, i).is_some() {
        return None;
    }
    let (mut last, mut head) = (i, None);
    while last + 1 < hi && last - i < 12 && blank(text, toks[last].end, toks[last + 1].start) {
        let w = toks[last + 1].word;
        let after_determiner = toks[last].determiner();
        if (w == "of" || w == "for") && (noun_like(toks[last].word) || capitalised(toks[last].word)) && last + 2 < hi {
            head.get_or_insert(last); // "a spokeswoman for", "one of"
            last += 1;
            continue;
        }
        let verb_like = !capitalised(w) && (w.ends_with("ed") || IRREGULAR_PAST.contains(w)) && !after_determiner; // "The piece used …", "Ruiz shot back"
        if verb_like
            || toks[last + 1].stop()
            || is_pronoun(w)
            || (toks[last + 1].determiner() && !is_in(PHRASE_PREPOSITIONS, toks[last].word) && !after_determiner)
            || cue_at(toks, last + 1).is_some()
            || CUE_PARTICIPLES.contains(w)
        {
            break;
        }
        last += 1;
    }
    while last > i && is_in(PHRASE_PREPOSITIONS, toks[last].word) {
        last -= 1;
    }
    let head = head.filter(|&h| h < last).unwrap_or(last);
    Some(Phrase { first: i, head, end: toks[last].end })
}

/// The subject of the verb at token `v`, among tokens `lo..v`. Appositions
/// between commas are passed over for the name they describe ("Ana Ruiz, a
/// lawyer for the family, said"); a name is preferred to a description.
fn subject_before(ctx: &Context, toks: &[Tok], lo: usize, v: usize) -> Option<Phrase> {
    let text = ctx.text;
    let mut j = v;
    let mut right = toks[v].start;
    while j > lo && is_adverb(toks[j - 1].word) && blank(text, toks[j - 1].end, right) {
        right = toks[j - 1].start;
        j -= 1;
    }
    if j > lo && is_in(&["who", "which", "that"], toks[j - 1].word) && blank(text, toks[j - 1].end, right) {
        // "the police department, which reported": the phrase up to the relative pronoun.
        let r = j - 1;
        let before = text[..toks[r].start].trim_end().trim_end_matches(',').len();
        let mut p = phrase_before(text, toks, lo, r, before)?;
        p.end = toks[r].end;
        return Some(p);
    }
    if j == lo || !between(text, toks[j - 1].end, right).trim().ends_with(',') {
        let p = phrase_before(text, toks, lo, j, right)?;
        // A participle's object is not the subject: "Protesters marching
        // through the streets chanted", "a source speaking to Radio Kenya said".
        let k = p.first;
        let participle = k >= lo + 2
            && is_in(&["to", "through", "into", "across", "outside", "at", "in", "on", "with"], toks[k - 1].word)
            && toks[k - 2].word.ends_with("ing")
            && !capitalised(toks[k - 2].word)
            && blank(text, toks[k - 2].end, toks[k - 1].start)
            && blank(text, toks[k - 1].end, toks[k].start);
        let speaker_like = |q: &Phrase| names_someone(ctx, toks, *q) || toks[q.first].determiner() || capitalised(toks[q.first].word);
        let before_participle = participle.then(|| phrase_before(text, toks, lo, k - 2, toks[k - 2].start)).flatten();
        // Nor is a phrase of a relative clause without commas: "an official
        // who spoke anonymously to discuss the talks said".
        let relative = (lo.max(k.saturating_sub(12))..k).rev().find(|&r| is_in(&["who", "whom"], toks[r].word));
        let inside = |r: usize| !is_pronoun(toks[p.head].word) && !text[toks[r].start..toks[v].start].contains([',', ';', ':']);
        let before_relative = relative.filter(|&r| inside(r)).and_then(|r| phrase_before(text, toks, lo, r, toks[r].start));
        return Some(before_participle.filter(speaker_like).or(before_relative.filter(speaker_like)).unwrap_or(p));
    }
    // Chunks between commas, nearest the verb first.
    let mut hi = j;
    let mut last = None;
    while hi > lo {
        let mut a = hi - 1;
        while a > lo && !text[toks[a - 1].end..toks[a].start].contains(',') {
            a -= 1;
        }
        let chunk_end = text[..text[toks[hi - 1].end..].find(',').map_or(toks[hi - 1].end, |k| toks[hi - 1].end + k)].trim_end().len();
        // A part that opens with a preposition or a relative pronoun is an
        // adverbial or apposition ("Ruiz, in a letter to the board, wrote",
        // "an aide, who spoke on condition of anonymity to speak freely,
        // said"), not the subject.
        let participle = toks[a].word.ends_with("ing") && !capitalised(toks[a].word); // "X, noting the size of …, said"
        let adverbial = (is_in(PHRASE_PREPOSITIONS, toks[a].word) || is_in(&["who", "which", "whose"], toks[a].word) || participle) && a > lo;
        // A part may open with a conjunction ("But Sen. Ana Ruiz, …, said").
        let opens = if is_in(&["but", "and", "so", "yet"], toks[a].word) { a + 1 } else { a };
        if let Some(p) = phrase_before(text, toks, a, hi, chunk_end).filter(|_| !adverbial) {
            // A name filling its part ("Ana Ruiz, who flew to Doha, said"; not "Doha").
            if p.first == opens && names_someone(ctx, toks, p) {
                return Some(p);
            }
            last.get_or_insert(p);
        }
        hi = a;
    }
    last
}

/// Whether a phrase is a name (a known actor, or capitalised words) rather than a description.
fn names_someone(ctx: &Context, toks: &[Tok], p: Phrase) -> bool {
    if is_pronoun(toks[p.head].word) {
        return false;
    }
    // Capitalised words to the head, after lower-case modifiers of a title
    // ("former Gov. Ana Ruiz"), or a first name and surname ending it
    // ("Texas delegate Bill Eastland").
    let name = &toks[p.first..=p.head];
    let lower = name.iter().take_while(|t| !capitalised(t.word) && !t.determiner()).count();
    let full_name = name.len() >= 2 && name[name.len() - 2..].iter().all(|t| capitalised(t.word) && !t.stop() && !TITLES.contains(&t.word));
    ctx.mentions.covering(ctx.actors, toks[p.head].start).is_some()
        || full_name
        || (lower < name.len() && name[lower..].iter().all(|t| capitalised(t.word)) && !name[lower].stop())
}

/// The speaker a phrase names. A pronoun is resolved to the person named
/// last before it; a phrase whose last word belongs to an actor mention is
/// that actor ("Rep. Jim Jordan", "Kenyan Foreign Ministry spokeswoman Wanjiru
/// Kamau"); capitalised words no actor holds are a name as written; anything
/// else is a description ("the union", "a Trump aide"), kept as written.
fn speaker_of(ctx: &Context, toks: &[Tok], p: Phrase) -> Speaker {
    let text = ctx.text;
    let head = toks[p.head];
    let span = Span::new(toks[p.first].start, p.end);
    if is_pronoun(head.word) {
        let mention = Some(Span::new(head.start, head.end));
        if is_in(&["he", "she"], head.word)
            && let Some(i) = ctx.mentions.person_before(head.start) {
            let a = &ctx.actors[i];
            return Speaker { name: a.name.clone(), actor: Some(i), code: a.code.clone(), mention };
        }
        return Speaker { name: head.word.to_string(), actor: None, code: None, mention };
    }
    if let Some((m, i)) = ctx.mentions.covering(ctx.actors, head.start) {
        let a = &ctx.actors[i];
        // The words after the name that belong to the phrase ("(D-Ohio)", "which") stay in the mention.
        let end = if p.head == p.first || toks[p.head].end < p.end { m.end.max(p.end) } else { m.end };
        return Speaker { name: a.name.clone(), actor: Some(i), code: a.code.clone(), mention: Some(Span::new(m.start, end)) };
    }
    if capitalised(head.word) && !head.stop() {
        // The capitalised run ending at the head, titles aside: a name no actor holds.
        let mut k = p.head;
        while k > p.first && capitalised(toks[k - 1].word) && !is_in(TITLES, toks[k - 1].word) && blank(text, toks[k - 1].end, toks[k].start) {
            k -= 1;
        }
        let name = &text[toks[k].start..head.start + head.word.len()];
        // A surname alone ("Caddell") is the person named in full elsewhere.
        let known = (k == p.head).then(|| {
            ctx.actors.iter().position(|a| a.kind == ActorKind::Person && a.name.rsplit(' ').next() == Some(head.word))
        });
        if let Some(Some(i)) = known {
            let a = &ctx.actors[i];
            return Speaker { name: a.name.clone(), actor: Some(i), code: a.code.clone(), mention: Some(span) };
        }
        return Speaker { name: name.to_string(), actor: None, code: None, mention: Some(span) };
    }
    // "the Serbian expert", "the 34-year-old mother of three": a definite
    // description of a person refers back to the person named last, in its
    // paragraph or the one before.
    let definite = toks[p.first].word.eq_ignore_ascii_case("the") && !NOT_PERSONS.contains(head.word);
    if let Some(i) = ctx.mentions.person_before(span.start).filter(|_| definite) {
        let here = ctx.seg.paragraphs.partition_point(|x| x.span.end <= span.start);
        let last = ctx.actors[i].mentions.iter().filter(|m| m.end <= span.start).map(|m| m.start).max().unwrap_or(0);
        if ctx.seg.paragraphs.partition_point(|x| x.span.end <= last) + 1 >= here {
            let a = &ctx.actors[i];
            return Speaker { name: a.name.clone(), actor: Some(i), code: a.code.clone(), mention: Some(span) };
        }
    }
    Speaker { name: text[span.start..span.end].to_string(), actor: None, code: None, mention: Some(span) }
}

/// The speaker and cue of a quotation, from the words around it.
fn attribute(ctx: &Context, s: &Segment) -> Option<Attribution> {
    let text = ctx.text;
    let seg = ctx.seg;
    let paragraph = seg.paragraphs[s.paragraph].span;
    // After: the rest of the sentence that follows the closing mark, which
    // may be a new sentence of the segmentation ("…?” Vitter asked.), up to
    // the next quotation.
    let first = s.outer.end + (text[s.outer.end..paragraph.end].len() - text[s.outer.end..paragraph.end].trim_start().len());
    // A signature on the line after the quotation: "“…” ¶ — Ana Ruiz, a trader".
    let next_line = seg.paragraphs.get(s.paragraph + 1).map(|x| x.span).filter(|_| first >= paragraph.end);
    if let Some(line) = next_line {
        let words = line.of(text).trim();
        let signed = words.starts_with(['-', '—', '―', '–']) && words.split_whitespace().count() <= 15;
        if let Some((found, true)) = cue_after(ctx, line).filter(|_| signed) {
            return Some(found);
        }
    }
    let mut weak = None;
    if first < paragraph.end {
        let sentence_end = sentence_containing(seg, first).map_or(paragraph.end, |x| x.end).clamp(first, paragraph.end);
        let end = next_quotation(text, first, sentence_end);
        // A quotation that ends its sentence with a period takes the next
        // sentence's cue only where that sentence is nothing but the
        // attribution ("….” Vitter said."): "He added, “…”" or "He said the
        // plan …" is the cue of what follows it. After a question or an
        // exclamation the cue usually goes on ("…?” he asked, waving …), so
        // only a cue that introduces the next quotation is taken away.
        // (A quotation within it may close first: "…win Loudoun?’”.)
        let close = s.inner.of(text).trim_end_matches(['”', '"', ' ', '’', '\'']).chars().next_back();
        let cut = end < sentence_end;
        let own_cue = match close {
            Some('.' | '…') => only_attribution(ctx, Span::new(first, end), cut),
            Some('?' | '!') => !(cut && introduces_next(ctx, Span::new(first, end))),
            _ => true,
        };
        if own_cue {
            weak = match cue_after(ctx, Span::new(s.outer.end, end)) {
                Some((found, true)) => return Some(found),
                Some((found, false)) => Some(found),
                // ",” Toomey fumed.": a quotation that breaks off with a
                // comma, question or exclamation mark goes on with its
                // attribution, whatever the verb.
                None if matches!(close, Some(',' | '?' | '!')) => any_verb_after(ctx, Span::new(s.outer.end, end), close == Some(',')),
                None => None,
            };
        }
    }
    // Before: from the sentence start, or the end of the quote before in it.
    let sentence_start = sentence_containing(seg, s.outer.start).map_or(paragraph.start, |x| x.start).clamp(paragraph.start, s.outer.start);
    let clause_start = after_last_quotation(text, sentence_start, s.outer.start);
    if let Some(found) = cue_before(ctx, Span::new(clause_start, s.outer.start), sentence_start) {
        return Some(found);
    }
    if weak.is_some() {
        return weak;
    }
    if !blank(text, sentence_start, s.outer.start) {
        // No cue: the quotation is the object of another verb ("Ruiz
        // thanked him for “…”", "In a speech, Ruiz attacked “…”"), whose
        // subject spoke or wrote the words.
        return clause_subject_before(ctx, Span::new(clause_start, s.outer.start));
    }
    // A quote opening its sentence: the sentence before may introduce it
    // ("Ruiz said the talks were fragile. “For months, …”"), also from the
    // paragraph before when that ends with a colon ("Ruiz added: ¶ “…”").
    let index = seg.sentences.partition_point(|x| x.span.end <= sentence_start);
    let previous = seg.sentences.get(index.checked_sub(1)?)?.span;
    let words = &text[previous.start..previous.end];
    let same_paragraph = previous.start >= paragraph.start;
    if (same_paragraph && !words.contains(['“', '”', '"'])) || (!same_paragraph && words.trim_end().ends_with(':')) {
        return cue_before(ctx, Span::new(previous.start, previous.start + words.trim_end().len()), previous.start);
    }
    None
}

/// The subject of the main clause among tokens `..v`: the phrase opening the
/// first part between commas that is not adverbial ("After the debate,",
/// "In a speech,") and goes on with its verb ("After Ruiz criticized him,
/// [Aalders] shot back, “…”").
fn main_clause_subject(ctx: &Context, toks: &[Tok], v: usize) -> Option<Phrase> {
    const SUBORDINATORS: &[&str] = &[
        "when", "while", "as", "after", "before", "because", "if", "since", "though", "although", "once", "until", "unless",
        "whereas", "outside", "inside", "near", "across", "around", "behind", "beyond", "within", "throughout", "along",
        "following", "earlier", "later", "then", "meanwhile",
    ];
    let text = ctx.text;
    let mut a = 0;
    while a < v {
        let b = (a + 1..v).find(|&k| comma_before(text, toks, k)).unwrap_or(v);
        let mut start = if is_in(&["and", "but", "so", "yet", "then"], toks[a].word) { a + 1 } else { a };
        // "about 200 protesters"
        let number = |k: usize| toks.get(k).is_some_and(|t| t.word.starts_with(|c: char| c.is_ascii_digit()));
        if start + 1 < b && is_in(&["about", "nearly", "almost", "some", "over", "roughly"], toks[start].word) && number(start + 1) {
            start += 1;
        }
        // Adverbials: "In a speech,", "After Ruiz spoke,", "Immediately,", "Filling in for Ruiz,".
        let opener = toks.get(start).map_or(String::new(), |t| t.word.to_lowercase());
        let adverbial = start >= b
            || ADVERBIAL_OPENERS.contains(&opener)
            || is_in(SUBORDINATORS, &opener)
            || !toks[start].name && opener.len() > 4 && (opener.ends_with("ly") || opener.ends_with("ing"));
        if let Some(p) = phrase_after(text, toks, start, b).filter(|_| !adverbial) {
            let head = toks[p.head].word;
            let counted = number(p.first) && p.head > p.first; // "200 protesters"
            let speaks = is_pronoun(head) && !head.eq_ignore_ascii_case("it") || names_someone(ctx, toks, p) || toks[p.first].determiner() && NOT_PERSONS.contains(head) || counted;
            let verb_follows = toks.partition_point(|t| t.end <= p.end) < b;
            if speaks && verb_follows {
                return Some(p);
            }
            return None; // the main clause, without a speaker for a subject
        }
        a = b;
    }
    None
}

/// The subject of the clause in `window` that a quotation without a cue
/// ends in, when it names someone: a name, a pronoun or an organisation.
fn clause_subject_before(ctx: &Context, window: Span) -> Option<Attribution> {
    let toks = ctx.tokens(window);
    let v = toks.len();
    let p = main_clause_subject(ctx, &toks, v).or_else(|| clause_subject(ctx, &toks, v)).or_else(|| chunk_subject(ctx.text, &toks, v, true))?;
    let (first, head) = (toks[p.first].word, toks[p.head].word);
    if is_in(&["this", "that", "these", "those", "it’s", "it's"], first) {
        return None; // "This is why …", "It’s …": no one
    }
    let speaks = is_pronoun(head) && !head.eq_ignore_ascii_case("it") || names_someone(ctx, &toks, p) || toks[p.first].determiner() && NOT_PERSONS.contains(head);
    speaks.then(|| (speaker_of(ctx, &toks, p), None))
}

/// Whether the words after a quotation that ends its sentence only
/// attribute it: no quotation of their own (`cut`: the window stops at the
/// next one) and, after a cue with its subject before it, no reported clause
/// ("He added that …", "She said the vote …") or long continuation.
fn only_attribution(ctx: &Context, window: Span, cut: bool) -> bool {
    if cut {
        return false;
    }
    let toks = ctx.tokens(window);
    let Some(k) = (0..toks.len()).find(|&k| cue_at(&toks, k).is_some()) else { return true };
    if k == 0 || k == 1 && is_adverb(toks[0].word) {
        return true; // inverted: "said Ruiz, a lawyer for …"
    }
    let n = cue_at(&toks, k).unwrap_or(1);
    let tail = &toks[k + n..];
    tail.len() <= 10 && !tail.iter().any(|t| t.word == "that") && clause_start(ctx.text, &toks, k, n).is_none()
}

/// Whether the words before a quotation are its cue and nothing more, ending
/// in a comma or colon ("Mills then writes back, “").
fn introduces_next(ctx: &Context, window: Span) -> bool {
    let toks = ctx.tokens(window);
    let Some(k) = (0..toks.len()).find(|&k| cue_at(&toks, k).is_some()) else { return false };
    k + cue_at(&toks, k).unwrap_or(1) + 1 >= toks.len() && ctx.text[window.start..window.end].trim_end().ends_with([',', ':'])
}

const OPENING_MARKS: &[char] = &['“', '"', '„', '«'];

/// Where the words after the last quotation in `text[from..to]` start
/// (else `from`), passing over a title or scare quote of one or two words
/// ("Ruiz went on “Today” to discuss …, saying").
fn after_last_quotation(text: &str, from: usize, mut to: usize) -> usize {
    while let Some(c) = text[from..to].rfind(['”', '"']).map(|k| from + k) {
        let after = c + text[c..].chars().next().map_or(1, char::len_utf8);
        let Some(open) = text[from..c].rfind(OPENING_MARKS).map(|k| from + k) else { return after };
        let inner = &text[open + text[open..].chars().next().map_or(1, char::len_utf8)..c];
        if inner.split_whitespace().count() > 2 || inner.contains(['.', '!', '?']) {
            return after;
        }
        to = open;
    }
    from
}

/// Where the next quotation opens in `text[from..to]` (else `to`), passing
/// over a nickname or scare quote of one or two words ("Marcia “Cia” Price").
fn next_quotation(text: &str, mut from: usize, to: usize) -> usize {
    while let Some(k) = text[from..to].find(OPENING_MARKS) {
        let open = from + k;
        let inner = open + text[open..].chars().next().map_or(1, char::len_utf8);
        let close = text[inner..to].find(['”', '"', '»']).map(|c| inner + c);
        match close {
            Some(c) if text[inner..c].split_whitespace().count() <= 2 && !text[inner..c].contains(['.', '!', '?']) => {
                from = c + text[c..].chars().next().map_or(1, char::len_utf8);
            }
            _ => return open,
        }
    }
    to
}

/// A speaker found for a quote, with the cue that names it.
type Attribution = (Speaker, Option<String>);

/// `,” said X`, `,” X said`, `” — X`, `according to X`. The second value
/// is false for a weak match, a subject that does not open the words after
/// the quote ("…” and trucks waited, he said"), which a cue before the quote
/// overrides.
fn cue_after(ctx: &Context, window: Span) -> Option<(Attribution, bool)> {
    let text = ctx.text;
    let toks = ctx.tokens(window);
    let lead = &text[window.start..toks.first()?.start];
    if lead.contains(['—', '―', '–']) || lead.trim_start_matches([',', ' ']).trim() == "-" || lead.contains("--") {
        // A line signed after a dash: "“…” — Ana Ruiz".
        if capitalised(toks[0].word) {
            let p = phrase_after(text, &toks, 0, toks.len())?;
            return Some(((speaker_of(ctx, &toks, p), None), true));
        }
        return None;
    }
    if let Some(k) = (0..toks.len().min(6)).find(|&k| toks[k].word.eq_ignore_ascii_case("according") && toks.get(k + 1).is_some_and(|t| t.word == "to")) {
        let p = phrase_after(text, &toks, k + 2, toks.len())?;
        return Some(((speaker_of(ctx, &toks, p), Some("according to".to_string())), true));
    }
    for k in 0..toks.len().min(25) {
        let Some(n) = cue_at(&toks, k) else { continue };
        let cue = Some(cue_text(text, &toks, k, n));
        if k == 0 || (k == 1 && is_adverb(toks[0].word)) {
            // Inverted: ",” said X".
            let p = phrase_after(text, &toks, k + n, toks.len())?;
            return Some(((speaker_of(ctx, &toks, p), cue), true));
        }
        if let Some(p) = subject_before(ctx, &toks, 0, k) {
            if p.first == 0 {
                return Some(((speaker_of(ctx, &toks, p), cue), true));
            }
            // After a comma: a short subject, or a name however long its
            // title ("…, state Del. Ana Ruiz (D-Lagos), said").
            let long = if names_someone(ctx, &toks, p) { 80 } else { 40 };
            if text[toks[p.first - 1].end..toks[p.first].start].contains(',') && p.end - toks[p.first].start < long {
                // A description in apposition to the name that opens the
                // words after the quotation: "Ana Ruiz, the analyst who …".
                let named = phrase_after(text, &toks, 0, p.first).filter(|&q| q.head + 1 == p.first && names_someone(ctx, &toks, q) && !names_someone(ctx, &toks, p));
                if let Some(q) = named {
                    return Some(((speaker_of(ctx, &toks, q), cue), true));
                }
                return Some(((speaker_of(ctx, &toks, p), cue), false));
            }
        }
        if comma_before(text, &toks, k) && !is_in(ADDRESSEE_VERBS, toks[k].word) {
            // Inverted after the rest of a sentence the quotation began:
            // "“…” that the talks can succeed, said X, a diplomat." (Not
            // "…, told Radio Kenya": the name after "told" is its addressee.)
            let named = phrase_after(text, &toks, k + n, toks.len()).filter(|&p| {
                let ends = toks.get(p.head + 1).is_none_or(|t| text[toks[p.head].end..t.start].contains(','));
                let when = WEEKDAYS.contains(&toks[p.head].word) || is_in(&["today", "yesterday", "tonight"], toks[p.head].word);
                ends && !when && (names_someone(ctx, &toks, p) || toks[p.first].determiner())
            });
            if let Some(p) = named {
                return Some(((speaker_of(ctx, &toks, p), cue), true));
            }
        }
    }
    None
}

/// The attribution right after a quotation when its verb is not a listed
/// cue: `,” Toomey fumed`, `?” the host pressed`, and after a comma also
/// inverted (`,” exhorted the actress`). The subject is a name, a pronoun or
/// a description, and the verb a past or present form right after it, or
/// a cue further on (the words after a quotation that breaks off are its
/// attribution).
fn any_verb_after(ctx: &Context, window: Span, inverted: bool) -> Option<Attribution> {
    let text = ctx.text;
    let toks = ctx.tokens(window);
    let verb_form = |t: &Tok| {
        let w = t.word;
        !capitalised(w) && !t.stop() && !is_adverb(w) && (w.ends_with("ed") || IRREGULAR_PAST.contains(w) || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("’s") && !w.ends_with("'s"))
    };
    let is_speaker = |p: Phrase| is_pronoun(toks[p.head].word) || names_someone(ctx, &toks, p) || toks[p.first].determiner();
    if inverted && toks.len() > 1 && verb_form(&toks[0]) && blank(text, toks[0].end, toks[1].start) {
        let p = phrase_after(text, &toks, 1, toks.len())?;
        return is_speaker(p).then(|| (speaker_of(ctx, &toks, p), Some(toks[0].word.to_lowercase())));
    }
    let mut p = phrase_after(text, &toks, 0, toks.len())?;
    let mut v = toks.partition_point(|t| t.end <= p.end);
    // An irregular past form ends the subject ("Aalders shot back").
    let irregular = (1..v).find(|&k| !capitalised(toks[k].word) && IRREGULAR_PAST.contains(toks[k].word) && blank(text, toks[k - 1].end, toks[k].start));
    if let Some((k, q)) = irregular.and_then(|k| Some((k, phrase_after(text, &toks, 0, k)?))) {
        (p, v) = (q, k);
    }
    while v < toks.len() && is_adverb(toks[v].word) && !toks[v].word.ends_with("ed") {
        v += 1;
    }
    if !is_speaker(p) {
        return None;
    }
    if let Some(verb) = toks.get(v).filter(|t| verb_form(t) && blank(text, toks[v - 1].end, t.start)) {
        return Some((speaker_of(ctx, &toks, p), Some(verb.word.to_lowercase())));
    }
    // A subject the walk back from the cue does not reach: "Ana Ruiz, the
    // analyst who founded the institute said", "the senator and candidate said".
    let k = (v..toks.len()).find(|&k| cue_at(&toks, k).is_some())?;
    Some((speaker_of(ctx, &toks, p), Some(cue_text(text, &toks, k, cue_at(&toks, k)?))))
}

/// `X said: “`, `X told Y that “`, `…, saying “`, `Said X: “`, `X: “`,
/// `According to X, “`. `sentence_start` is where the sentence begins when
/// the window starts after an earlier quote in it.
fn cue_before(ctx: &Context, window: Span, sentence_start: usize) -> Option<Attribution> {
    let text = ctx.text;
    let toks = ctx.tokens(window);
    if toks.is_empty() {
        return None;
    }
    if toks[0].word.eq_ignore_ascii_case("according") && toks.get(1).is_some_and(|t| t.word == "to") {
        let p = phrase_after(text, &toks, 2, toks.len())?;
        return Some((speaker_of(ctx, &toks, p), Some("according to".to_string())));
    }
    let body = text[window.start..window.end].trim_end();
    let colon = body.strip_suffix(':').map(str::trim_end);
    // A label: "Ruiz: “…”" (a transcript, a list of reactions, a digest's
    // "HEADLINE - Author: “…”", whatever verbs the headline has) …
    if let Some(p) = colon.and_then(|colon| phrase_before(text, &toks, 0, toks.len(), window.start + colon.len())) {
        let alone = p.first == 0 || text[toks[p.first - 1].end..toks[p.first].start].contains(['-', '—', '–', '.']);
        if alone && names_someone(ctx, &toks, p) {
            return Some((speaker_of(ctx, &toks, p), None));
        }
    }
    let verb = (0..toks.len()).rev().find(|&k| cue_at(&toks, k).is_some() || CUE_PARTICIPLES.contains(toks[k].word));
    let Some(v) = verb else {
        colon?;
        // … or the subject of a clause that announces it: "The letter ends
        // with a warning: “…”".
        let p = chunk_subject(text, &toks, toks.len(), false)?;
        if !capitalised(toks[p.first].word) && !DETERMINERS.contains(toks[p.first].word) && !is_pronoun(toks[p.first].word) {
            // The part opens with its verb ("Ruiz, the mayor, sent a warning:"): its subject comes before.
            let p = subject_before(ctx, &toks, 0, p.first)?;
            return Some((speaker_of(ctx, &toks, p), None));
        }
        return Some((speaker_of(ctx, &toks, p), None));
    };
    if CUE_PARTICIPLES.contains(toks[v].word) {
        let cue = Some(toks[v].word.to_lowercase());
        // "footage of Ana Ruiz saying" — else the subject of the clause:
        // "Later, Ruiz defended the plan, saying".
        let mut first = v;
        while first > 0
            && blank(text, toks[first - 1].end, toks[first].start)
            && (capitalised(toks[first - 1].word) || is_in(TITLES, toks[first - 1].word))
            && !toks[first - 1].stop()
        {
            first -= 1;
        }
        let named = first < v && (ctx.mentions.covering(ctx.actors, toks[v - 1].start).is_some() || first + 1 < v);
        let pronoun = v > 0 && is_pronoun(toks[v - 1].word) && blank(text, toks[v - 1].end, toks[v].start);
        if named || pronoun {
            let first = if pronoun { v - 1 } else { first };
            let p = Phrase { first, head: v - 1, end: toks[v - 1].end };
            return Some((speaker_of(ctx, &toks, p), cue));
        }
        // "…, Ruiz said, adding, “…”": the speaker of the cue before it.
        let said = (0..v).rev().find(|&k| cue_at(&toks, k).is_some() && !capitalised(toks[k].word) && text[toks[k].end..toks[v].start].trim() == ",");
        if let Some(k) = said {
            let p = subject_before(ctx, &toks, 0, k).or_else(|| phrase_after(text, &toks, k + cue_at(&toks, k).unwrap_or(1), v));
            if let Some(p) = p {
                return Some((speaker_of(ctx, &toks, p), cue));
            }
        }
        // "with 50 protesters chanting “…”": the noun phrase after "with".
        let mut j = v;
        while j > 0 && is_adverb(toks[j - 1].word) && blank(text, toks[j - 1].end, toks[j].start) {
            j -= 1;
        }
        let with = phrase_before(text, &toks, 0, j, toks[j].start).filter(|p| {
            let k = (0..p.first).rev().find(|&k| !is_in(&["about", "nearly", "almost", "some", "over", "more", "than"], toks[k].word));
            k.is_some_and(|k| toks[k].word.eq_ignore_ascii_case("with"))
        });
        if let Some(p) = with {
            return Some((speaker_of(ctx, &toks, p), cue));
        }
        let p = main_clause_subject(ctx, &toks, v).or_else(|| clause_subject(ctx, &toks, v)).or_else(|| chunk_subject(text, &toks, v, true))?;
        // The clause the participle ends may have its own subject, the
        // same person again ("Ruiz conceded some ground even as she
        // defended the plan, saying"): the nearest pronoun before a verb.
        let nearer = (p.head + 1..v.saturating_sub(1)).rev().find(|&k| {
            let w = toks[k].word;
            is_in(&["he", "she", "they", "we"], w)
                && !is_in(PHRASE_PREPOSITIONS, toks[k - 1].word)
                && !is_in(&["that", "to", "than", "about"], toks[k - 1].word)
                && cue_at(&toks, k - 1).is_none()
                && finite(&toks[k + 1..k + 2], false)
                && !toks[p.head + 1..k].iter().any(|t| is_in(&["who", "whom", "which"], t.word)) // not inside a relative clause
        });
        let p = nearer.map_or(p, |k| Phrase { first: k, head: k, end: toks[k].end });
        return Some((speaker_of(ctx, &toks, p), cue));
    }
    let n = cue_at(&toks, v)?;
    let cue = Some(cue_text(text, &toks, v, n));
    // "Iran rejected a resolution by the IAEA's board and warned …": a verb
    // after "and" shares the first verb's subject, not the nearest noun's.
    let after_and = (0..v).rev().find(|&k| !is_adverb(toks[k].word)).is_some_and(|k| is_in(&["and", "but"], toks[k].word));
    if after_and && v > 1 {
        // Past a dateline ("TEHRAN — Iran on Friday rejected …").
        let start = after_dateline(text, sentence_start, toks[v].start);
        let sentence = ctx.tokens(Span::new(start, toks[v].start));
        if let Some(p) = main_clause_subject(ctx, &sentence, sentence.len()).filter(|p| names_someone(ctx, &sentence, *p)) {
            return Some((speaker_of(ctx, &sentence, p), cue));
        }
    }
    if let Some(p) = subject_before(ctx, &toks, 0, v) {
        return Some((speaker_of(ctx, &toks, p), cue));
    }
    if v == 0 {
        // "Said Ruiz: “".
        let p = phrase_after(text, &toks, v + n, toks.len())?;
        return Some((speaker_of(ctx, &toks, p), cue));
    }
    // "… and said", "… went on to say": the verb shares the clause's subject.
    let conjunction = (0..v).rev().find(|&k| !is_adverb(toks[k].word)).is_some_and(|k| is_in(&["and", "but", "or", "to"], toks[k].word));
    if conjunction {
        // "Ruiz rejected the plan and said “…”": the subject of the first
        // verb, from the sentence start (the window may start after a quote).
        let toks = ctx.tokens(Span::new(sentence_start, toks[v].start));
        let v = toks.len();
        let p = clause_subject(ctx, &toks, v).or_else(|| chunk_subject(text, &toks, v, true))?;
        return Some((speaker_of(ctx, &toks, p), cue));
    }
    None
}

/// The phrase opening a comma-separated part of tokens `..v`, after its
/// function words: the last part for the clause that ends there ("As prices
/// rose, [the ministry] issued a warning:"), else the first part that does
/// not open with a function word or participle, the main clause's subject
/// ("[Small groups] marched on, waving flags and chanting").
fn chunk_subject(text: &str, toks: &[Tok], v: usize, main_clause: bool) -> Option<Phrase> {
    let start = if main_clause {
        let opens = |k: usize| k == 0 || text[toks[k - 1].end..toks[k].start].contains(',');
        (0..v).find(|&k| opens(k) && !toks[k].stop() && !toks[k].word.ends_with("ing"))?
    } else {
        (1..v).rev().find(|&k| text[toks[k - 1].end..toks[k].start].contains(',')).unwrap_or(0)
    };
    let first = (start..v).find(|&k| !toks[k].stop())?;
    phrase_after(text, toks, first, v)
}

/// The subject of a clause: its first pronoun or name not governed by a
/// preposition ("During the rally, Ruiz attacked the plan, saying …").
fn clause_subject(ctx: &Context, toks: &[Tok], v: usize) -> Option<Phrase> {
    for k in 0..v {
        let w = toks[k].word;
        if k > 0 && (is_in(PHRASE_PREPOSITIONS, toks[k - 1].word) || STOP_WORDS.contains(toks[k - 1].word) && !CLAUSE_OPENERS.contains(toks[k - 1].word)) {
            continue;
        }
        // Not the subject of a reported or relative clause ("a contractor
        // who said he was unpaid after he built it").
        let reported = k > 0 && cue_at(toks, k - 1).is_some() || toks[..k].iter().any(|t| is_in(&["who", "whom", "which"], t.word));
        if is_pronoun(w) && !w.eq_ignore_ascii_case("it") && !reported {
            return Some(Phrase { first: k, head: k, end: toks[k].end });
        }
        if w.ends_with("’s") || w.ends_with("'s") {
            continue; // "The agency’s director, …": the owner is not the subject
        }
        if let Some((m, _)) = ctx.mentions.covering(ctx.actors, toks[k].start).filter(|(m, _)| m.start >= toks[k].start) {
            let head = toks.partition_point(|t| t.start < m.end).saturating_sub(1).max(k);
            return Some(Phrase { first: k, head, end: toks[head].end });
        }
    }
    None
}

fn sentence_containing(seg: &Segmentation, pos: usize) -> Option<Span> {
    seg.sentence_from(pos).map(|s| s.span).filter(|s| s.start <= pos)
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

    /// (quote text, kind, speaker name, cue) of every quotation (reported speech aside).
    fn quotes(text: &str) -> Vec<(String, &'static str, Option<String>, Option<String>)> {
        let seg = segment(text);
        let actors = find_actors(text, &seg, lexicon(), Some(jiff::civil::date(2025, 6, 1)));
        find_quotes(text, &seg, &actors)
            .into_iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| (q.span.of(text).to_string(), q.kind.as_str(), q.speaker.map(|s| s.name), q.cue))
            .collect()
    }

    /// (speaker name, the words of its mention) of every quotation (reported speech aside).
    fn speakers(text: &str) -> Vec<(Option<String>, Option<String>)> {
        let seg = segment(text);
        let actors = find_actors(text, &seg, lexicon(), Some(jiff::civil::date(2025, 6, 1)));
        find_quotes(text, &seg, &actors)
            .into_iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| {
                let mention = q.speaker.as_ref().and_then(|s| s.mention).map(|m| m.of(text).to_string());
                (q.speaker.map(|s| s.name), mention)
            })
            .collect()
    }

    fn mention(q: &(Option<String>, Option<String>)) -> &str {
        q.1.as_deref().unwrap_or("")
    }

    #[test]
    fn title_abbreviations_and_party_labels_stay_with_the_name() {
        let q = speakers("“We will not back down,” Rep. Dana Whitfield (D-Ore.) said Friday.\n\n“The bill is dead,” said Sen. Marcus Oyelaran.");
        assert!(mention(&q[0]).contains("Whitfield"), "{q:?}");
        assert!(q[0].0.as_deref().unwrap().ends_with("Whitfield"), "{q:?}");
        assert!(mention(&q[1]).contains("Oyelaran"), "{q:?}");
    }

    #[test]
    fn titles_and_slogans_in_marks_are_not_quotations() {
        let q = quotes("She appeared on “Face the Nation” and praised the book “Roads of the Andes: A Journey North,” which he wrote.\n\nThe crowd chanted “Free Them All Now!” outside.\n\n“We Will Rebuild,” the mayor said.");
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(texts, ["Free Them All Now!", "We Will Rebuild,"], "{q:?}");
    }

    #[test]
    fn doubled_apostrophes_and_backticks_are_quotation_marks() {
        let text = "''The port stays shut until May,'' said Ines Duarte, the harbour master. ''We have no choice.''\n\n``Nobody told us,'' a fisherman said. He called it ''a disgrace to the whole town'' and left.\n\nThe band's ''greatest hits'' sold well.";
        let q = quotes(text);
        let texts: Vec<&str> = q.iter().map(|q| q.0.as_str()).collect();
        assert_eq!(texts, ["The port stays shut until May,", "We have no choice.", "Nobody told us,", "a disgrace to the whole town"], "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("Ines Duarte"));
        assert_eq!(q[1].2.as_deref(), Some("Ines Duarte"), "the second quote keeps the speaker");
        assert_eq!(q[3].1, "partial");
        assert_eq!(q[2].2.as_deref(), Some("a fisherman"), "{q:?}");
        // A single quotation mark inside the pair: three apostrophes.
        let q = quotes("''I would call the plan 'old-school,''' said Dana Ruiz, a councillor.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "I would call the plan 'old-school,'");
        assert_eq!(q[0].2.as_deref(), Some("Dana Ruiz"));
    }

    #[test]
    fn a_cue_after_a_question_mark_or_exclamation() {
        let q = speakers("Dana Whitfield spoke first.\n\n“Who pays for this?” Whitfield asked. “Nobody knows!”");
        assert_eq!(mention(&q[0]), "Whitfield");
        assert_eq!(q[1].0, q[0].0, "the next quote keeps the speaker");
    }

    #[test]
    fn descriptions_and_organisations_are_speakers() {
        let q = speakers(
            "“The vote was a mistake,” said one senior official on the committee.\n\n“We will strike on Monday,” a spokeswoman for the dockworkers’ union said.\n\n“Wages have not moved in years,” the Harbour Workers Federation said in a statement.",
        );
        assert!(mention(&q[0]).starts_with("one senior official"), "{q:?}");
        assert!(mention(&q[1]).starts_with("a spokeswoman"), "{q:?}");
        assert!(mention(&q[2]).contains("Harbour Workers Federation"), "{q:?}");
    }

    #[test]
    fn a_title_in_marks_does_not_cut_the_clause_before_a_quote() {
        let q = speakers("The plan was published on Sunday.\n\nSen. Ana Ruiz went on “Morning Edition” to discuss her rival, Pieter Aalders, saying the plan would keep “every clinic open until the spring.”");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0.as_deref(), Some("Ana Ruiz"), "{q:?}");
    }

    #[test]
    fn a_participles_object_or_a_relative_clause_is_not_the_subject() {
        let q = speakers("The curfew began at midnight.\n\nProtesters marching through the streets chanted “No curfew!” and kept going until dawn.");
        assert_eq!(mention(&q[0]), "Protesters", "{q:?}");
        let q = speakers("The curfew began at midnight.\n\nAnother police source speaking to Radio Kenya said, “The curfew will be lifted on Friday.”");
        assert_eq!(mention(&q[0]), "Another police source", "{q:?}");
        let q = speakers("The curfew began at midnight.\n\nA council aide, who spoke on condition of anonymity to speak freely, said of the mayor, “She wants the curfew gone.”");
        assert_eq!(mention(&q[0]), "A council aide", "{q:?}");
    }

    #[test]
    fn a_relative_clause_or_participle_part_is_not_the_subject() {
        let text = "The talks resumed.\n\nA senior council official who spoke anonymously to discuss the budget said Wednesday, “There are talks between the mayor and the unions.”\n\nBut Sen. Ana Ruiz (D-Lagos), noting the size of the deficit, said, “We will cut nothing.”\n\nThe delegate who gained fame in 2009 when he yelled “Shame!” at the minister spoke first.";
        let q = speakers(text);
        assert_eq!(mention(&q[0]), "A senior council official", "{q:?}");
        assert!(mention(&q[1]).contains("Ana Ruiz"), "{q:?}");
        assert_eq!(mention(&q[2]), "he", "{q:?}");
    }

    #[test]
    fn an_adverbial_between_commas_is_not_the_subject() {
        let q = speakers("The board met on Monday.\n\nThe harbour authority, in a letter to the board, wrote: “The cranes will be replaced by May.”");
        assert_eq!(mention(&q[0]), "The harbour authority", "{q:?}");
    }

    #[test]
    fn a_quantifier_standing_for_a_noun_is_a_speaker() {
        let q = speakers("“The well is dry again,” one villager said. Yet another said, “We will dig deeper.” Some chanted “Water now!”");
        assert_eq!(mention(&q[1]), "another", "{q:?}");
        assert_eq!(mention(&q[2]), "Some", "{q:?}");
    }

    #[test]
    fn a_definite_description_refers_back_to_the_person_named() {
        let q = speakers("“Prices will fall,” Tomas Lindqvist told reporters. “But not this year,” added the Swedish economist.");
        assert_eq!(q[1].0.as_deref(), Some("Tomas Lindqvist"));
        assert_eq!(mention(&q[1]), "the Swedish economist");
    }

    #[test]
    fn the_addressee_of_told_is_not_the_speaker() {
        let q = speakers("Mayor Ines Catala met the governor on Monday.\n\n“We need the money now,” Catala told Governor Pieter Aalders.");
        assert_eq!(mention(&q[0]), "Catala");
        assert_eq!(q[0].0.as_deref(), Some("Ines Catala"));
    }

    #[test]
    fn labels_and_colons_introduce_the_speaker() {
        let q = speakers("Two candidates answered.\n\nOkafor: “We will build the bridge.”\n\nLindqvist continued:\n\n“The bridge is a fantasy.”");
        assert_eq!(mention(&q[0]), "Okafor");
        assert_eq!(mention(&q[1]), "Lindqvist");
    }

    #[test]
    fn a_cue_that_introduces_the_next_quotation_is_not_the_one_before() {
        let q = speakers("Dr Ana Ruiz said, “The clinic will close in June.” She added, “Nobody has told the patients yet.”");
        assert_eq!(mention(&q[0]), "Ana Ruiz", "{q:?}");
        assert_eq!(mention(&q[1]), "She", "{q:?}");
        let q = speakers("Mayor Ines Catala wrote to the council: “Why now?” Pieter Aalders then writes back, “Because the river is rising.”");
        assert!(mention(&q[0]).contains("Catala"), "{q:?}");
        assert!(mention(&q[1]).contains("Aalders"), "{q:?}");
        // After a question the cue may go on to another quotation of its own.
        let q = speakers("“Is the dam safe?” Aalders asked, waving a report that called the spillway “a disaster waiting to happen.”");
        assert!(mention(&q[0]).contains("Aalders"), "{q:?}");
    }

    #[test]
    fn a_quote_split_by_its_attribution_keeps_one_speaker() {
        let q = speakers("Dr Ana Ruiz runs the clinic. “We are out of insulin,” she said, “and the next delivery is in May.”");
        assert_eq!(q.len(), 2);
        assert_eq!(mention(&q[0]), "she");
        assert_eq!(mention(&q[1]), "she");
        assert_eq!(q[1].0.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn a_quote_without_cue_takes_the_cue_that_follows_in_its_paragraph() {
        let q = speakers("Ana Ruiz spoke to the council on Tuesday.\n\n“Enough.” “We have waited three years for this road,” said Pieter Aalders, a farmer.");
        assert_eq!(q[0].0.as_deref(), Some("Pieter Aalders"), "{q:?}");
    }

    #[test]
    fn a_quotation_running_over_paragraphs_keeps_its_speaker() {
        let q = speakers("Pieter Aalders, a farmer, said: “The road floods every spring.\n\n“Then the trucks cannot come.”\n\nAna Ruiz disagreed.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1].0.as_deref(), Some("Pieter Aalders"));
    }

    #[test]
    fn participles_give_the_quote_to_the_clause_subject() {
        let q = speakers("At the hearing on Tuesday, Ana Ruiz defended the budget, saying, “Every clinic stays open.”");
        assert_eq!(q[0].0.as_deref(), Some("Ana Ruiz"));
        let q = speakers("Small groups of students marched past the hall, chanting, “Open the books!”");
        assert!(mention(&q[0]).starts_with("Small groups"), "{q:?}");
    }

    #[test]
    fn a_participle_after_with_or_a_main_clause_subject() {
        let text = "The march began at noon.\n\nThe crowd filled the square, with about 300 teachers chanting “Pay us now!”\n\nEven before Ruiz took the stage in Quito, her campaign sent out a message to supporters saying: “We have won the first round.”\n\nOutside the assembly in central Accra, about 200 farmers gathered in three groups, holding signs and chanting “Fair prices!”";
        let q = speakers(text);
        assert_eq!(mention(&q[0]), "300 teachers", "{q:?}");
        assert_eq!(mention(&q[1]), "her campaign", "{q:?}");
        assert!(mention(&q[2]).ends_with("farmers"), "{q:?}");
    }

    #[test]
    fn a_participle_after_a_cue_is_its_speakers() {
        let q = speakers("The ministers met on Monday.\n\nRuiz and Aalders will meet again next week, Ines Catala said, adding, “They need to talk before the vote.”");
        assert_eq!(mention(&q[0]), "Ines Catala", "{q:?}");
        // "States" in a name is no cue.
        let q = speakers("The ministers met on Monday.\n\nDr Ana Ruiz thanked the United States, warning that “the next harvest could fail as well.”");
        assert_eq!(q[0].0.as_deref(), Some("Ana Ruiz"), "{q:?}");
    }

    #[test]
    fn a_participle_takes_the_nearest_clause_subject() {
        let q = speakers("The budget passed.\n\nDr Ana Ruiz conceded some ground even as she defended the budget, saying, “Every clinic stays open.”");
        assert_eq!(mention(&q[0]), "she", "{q:?}");
        assert_eq!(q[0].0.as_deref(), Some("Ana Ruiz"));
        // Not a pronoun inside a relative clause.
        let q = speakers("The budget passed.\n\nRuiz was defensive about a contractor who said he was unpaid after he built the clinic, saying, “Maybe he did a bad job.”");
        assert_eq!(mention(&q[0]), "Ruiz", "{q:?}");
    }

    #[test]
    fn a_signature_after_a_dash_and_a_name_of_an_organisation() {
        let q = speakers("“The debate changed my mind.” — Lucia Ferreira\n\n“It was the least bad outcome,” Mr. Halvorsen of the Harbour Trust said.");
        assert_eq!(mention(&q[0]), "Lucia Ferreira");
        assert!(q[1].0.as_deref().unwrap().contains("Halvorsen"), "{q:?}");
    }

    #[test]
    fn relative_pronouns_nicknames_and_nouns_that_look_like_cues() {
        let q = speakers("The arrests were counted by the Harbour Police Department, which reported “14 arrests in one night”.");
        assert!(mention(&q[0]).ends_with("which"), "{q:?}");
        let q = speakers("“We will win this seat,” Marcia “Cia” Okafor said.");
        assert!(mention(&q[0]).contains("Okafor"), "{q:?}");
        let q = speakers("“Nothing is decided,” Gov. Ana Ruiz, who speaks for one of the states in the pact, said.");
        assert!(mention(&q[0]).contains("Ana Ruiz"), "{q:?}");
    }

    #[test]
    fn a_colon_after_a_clause_and_an_infinitive_cue() {
        let q = speakers("Gov. Ana Ruiz, a Democrat, sent the council a warning: “Pay now or pay later.”");
        assert!(mention(&q[0]).contains("Ana Ruiz"), "{q:?}");
        let q = speakers("Dr Pieter Aalders paused and then went on to say, “Roads come first.”");
        assert_eq!(q[0].0.as_deref(), Some("Pieter Aalders"), "{q:?}");
    }

    #[test]
    fn names_that_read_as_function_words_initials_and_acronyms() {
        let q = speakers("“The ferry will run again by March,” said Will Okonkwo, a harbour pilot in Lagos.");
        assert_eq!(mention(&q[0]), "Will Okonkwo", "{q:?}");
        let q = speakers("“We counted every ballot twice,” Electoral Commissioner Mary K. Wanjiru wrote in a letter.");
        assert!(mention(&q[0]).contains("Wanjiru"), "{q:?}");
        let q = speakers("“The embassy stays open!” US Ambassador Ines Catala said on Monday.");
        assert!(mention(&q[0]).contains("Catala"), "{q:?}");
    }

    #[test]
    fn any_verb_right_after_a_quote_that_breaks_off() {
        let q = speakers("“The levee will hold,” Mayor Ines Catala fumed on Tuesday.\n\n“Would you sign it again?” the radio host pressed.\n\n“We can still win this seat,” exhorted the party’s chairwoman, Dana Whitfield.");
        assert!(mention(&q[0]).contains("Ines Catala"), "{q:?}");
        assert_eq!(mention(&q[1]), "the radio host", "{q:?}");
        assert!(mention(&q[2]).starts_with("the party’s chairwoman"), "{q:?}");
        let q = speakers("“They are all here for the free buses,” Aalders shot back with a laugh.");
        assert_eq!(mention(&q[0]), "Aalders", "{q:?}");
    }

    #[test]
    fn an_inverted_cue_after_the_rest_of_the_sentence() {
        let q = speakers("“The harvest will be late” across the whole valley this year, said Aisha Bello, a farmer near Kano.");
        assert_eq!(mention(&q[0]), "Aisha Bello", "{q:?}");
        // The name after "told" is the addressee.
        let q = speakers("“We will not leave,” Tomas Lindqvist, a fisherman from a village north of Tromsø who has seen three storms, told Radio Norway.");
        assert!(mention(&q[0]).contains("Lindqvist"), "{q:?}");
    }

    #[test]
    fn a_subject_the_walk_back_from_the_cue_does_not_reach() {
        let q = speakers("“The count was rigged,” Dana Whitfield, the analyst who founded the Lagos Election Watch tweeted on Sunday.");
        assert_eq!(mention(&q[0]), "Dana Whitfield", "{q:?}");
        let q = speakers("“We cannot wait for the rains,” the mayor of Accra and chair of the regional council said in a statement.");
        assert!(mention(&q[0]).starts_with("the mayor of Accra"), "{q:?}");
    }

    #[test]
    fn a_name_after_lower_case_title_words_fills_its_part() {
        let q = speakers("Not everyone was happy.\n\n“We have had better congresses than this one,” Kano delegate Musa Danjuma, wearing a green cap, said as the hall emptied.");
        assert!(mention(&q[0]).contains("Musa Danjuma"), "{q:?}");
    }

    #[test]
    fn a_name_with_a_long_title_after_an_apposition() {
        let q = speakers("“This is a big year for the valley!” The mayor’s niece, state Del. Marcia “Cia” Okafor (D-Enugu), shouted to the crowd.");
        assert!(mention(&q[0]).contains("Okafor"), "{q:?}");
    }

    #[test]
    fn a_quotation_without_cue_is_its_clause_subjects() {
        let q = speakers("In a speech in Nairobi, Dr Aisha Bello attacked “the quiet sale of the northern farms to foreign funds.”");
        assert_eq!(q[0].0.as_deref(), Some("Aisha Bello"), "{q:?}");
        let q = speakers("The dockworkers’ union thanked the council for “standing with the harbour when nobody else would.”");
        assert_eq!(mention(&q[0]), "The dockworkers’ union", "{q:?}");
        let q = speakers("This is why the council cannot “simply wait for the rain to come back.”");
        assert_eq!(q[0].0, None, "{q:?}");
    }

    #[test]
    fn a_quotation_without_cue_is_the_main_clause_subjects() {
        let text = "The budget passed.\n\nAfter Mayor Pieter Aalders criticized the budget during a debate, Ana Ruiz shot back, “We cut nothing that matters.”\n\nImmediately after the vote, the ministry issued a statement, “The count is final.”\n\nFilling in for the mayor at the same event where Aalders spoke, Dana Whitfield took a swipe at “my dear friend the governor.”";
        let q = speakers(text);
        assert_eq!(mention(&q[0]), "Ana Ruiz", "{q:?}");
        assert_eq!(mention(&q[1]), "the ministry", "{q:?}");
        assert_eq!(mention(&q[2]), "Dana Whitfield", "{q:?}");
    }

    #[test]
    fn a_signature_on_the_line_after_the_quote() {
        let q = speakers("“The bridge is our only road to the market.”\n\n— Aisha Bello, a trader in Kano\n\n“Nobody asked us.”\n\n-Tomas Lindqvist, tweeting after the vote.");
        assert_eq!(mention(&q[0]), "Aisha Bello", "{q:?}");
        assert_eq!(mention(&q[1]), "Tomas Lindqvist", "{q:?}");
        // A credit line is no signature: the quote keeps its own cue.
        let q = speakers("“We will be back,” the mayor said.\n\n--additional reporting by Ana Ruiz.");
        assert_eq!(mention(&q[0]), "the mayor", "{q:?}");
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
    fn an_opening_mark_typed_for_a_closing_one() {
        let q = quotes("“We will not sign this contract,“ said Dana Whitfield, the union’s lawyer in Durban. “Not this year.”");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "We will not sign this contract,");
        assert_eq!(q[0].2.as_deref(), Some("Dana Whitfield"));
        assert_eq!(q[1].0, "Not this year.");
    }

    #[test]
    fn a_label_after_a_headline_and_more_speech_verbs() {
        let text = "Polling notes for Monday.\n\nFARMERS AGREE THE RAINS CAME LATE - Aisha Bello: “Most of the maize was planted three weeks after the usual date.”\n\n“Nobody in the valley trusts the forecast any more,” the growers’ union charged. The cooperative echoed: “We lost the first harvest.”";
        let q = speakers(text);
        assert_eq!(mention(&q[0]), "Aisha Bello", "{q:?}");
        assert_eq!(mention(&q[1]), "the growers’ union", "{q:?}");
        assert_eq!(mention(&q[2]), "The cooperative", "{q:?}");
    }

    #[test]
    fn a_quotation_nested_in_another_leaves_it_open() {
        let q = quotes("“I would rather live in what he calls “hell” than live under that law,” said Ana Ruiz, a teacher in Quito.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "I would rather live in what he calls “hell” than live under that law,");
        assert_eq!(q[0].2.as_deref(), Some("Ana Ruiz"));
        let q = quotes("Ruiz continued: \"I will read you the question: “Do you trust the council?” Most of them said no.\"");
        assert_eq!(q.len(), 1, "{q:?}");
        assert!(q[0].0.ends_with("Most of them said no."), "{q:?}");
        // Not when the marks do not close twice: the earlier close is missing.
        let q = quotes("“We will rebuild the school. “The money is there,” Ruiz said.");
        assert_eq!(q.len(), 2, "{q:?}");
        // A doubled opening mark is one mark.
        let q = quotes("““We never agreed to this,” Ruiz told the radio.");
        assert_eq!(q[0].0, "We never agreed to this,", "{q:?}");
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

    /// (text, speaker name, mention words, cue) of every indirect quote.
    fn reported(text: &str) -> Vec<(String, Option<String>, String, Option<String>)> {
        let seg = segment(text);
        let actors = find_actors(text, &seg, lexicon(), Some(jiff::civil::date(2025, 6, 1)));
        find_quotes(text, &seg, &actors)
            .into_iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| {
                let mention = q.speaker.as_ref().and_then(|s| s.mention).map_or(String::new(), |m| m.of(text).to_string());
                (q.span.of(text).to_string(), q.speaker.map(|s| s.name), mention, q.cue)
            })
            .collect()
    }

    #[test]
    fn reported_speech_with_that() {
        let r = reported("Dr Aisha Bello, a lecturer in Abuja, noted that the northern farms have had little rain since March.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "the northern farms have had little rain since March");
        assert_eq!(r[0].1.as_deref(), Some("Aisha Bello"));
        assert_eq!(r[0].3.as_deref(), Some("noted"));
        let r = reported("The harbour authority said in a statement on Tuesday that the ferry would resume in May.");
        assert_eq!(r[0].0, "the ferry would resume in May", "{r:?}");
        assert_eq!(r[0].2, "The harbour authority");
    }

    #[test]
    fn reported_speech_without_that() {
        let r = reported("The Kenyan Foreign Ministry said Kenya would reopen the northern border crossing next week.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Kenya would reopen the northern border crossing next week");
        assert_eq!(r[0].3.as_deref(), Some("said"));
        let r = reported("Tomas Lindqvist said Monday he expects the vote to be delayed.");
        assert_eq!(r[0].0, "he expects the vote to be delayed", "{r:?}");
        assert_eq!(r[0].1.as_deref(), Some("Tomas Lindqvist"));
    }

    #[test]
    fn a_cue_after_and_shares_the_first_verbs_subject() {
        let r = reported("KAMPALA — Uganda on Friday rejected a report by the African Union's human rights commission and warned it could expel the monitors.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1.as_deref(), Some("Uganda"), "{r:?}");
        let r = reported("The mayor met the union's leaders and said the strike would end on Monday.");
        assert_eq!(r[0].2, "The mayor", "{r:?}");
    }

    #[test]
    fn reported_speech_before_its_attribution() {
        let r = reported("Norway will host the next round of talks in Bergen, the ministry said on Friday.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "Norway will host the next round of talks in Bergen");
        assert_eq!(r[0].2, "the ministry");
        let r = reported("The clinic ran out of insulin twice this spring, said Pieter Aalders, a nurse at the clinic.");
        assert_eq!(r[0].0, "The clinic ran out of insulin twice this spring", "{r:?}");
        assert_eq!(r[0].1.as_deref(), Some("Pieter Aalders"));
        // An attribution inside the sentence after an adverbial: the clause after it.
        let r = reported("Over the years, Ana Ruiz said, the valley has lost half its farms.");
        assert_eq!(r[0].0, "the valley has lost half its farms", "{r:?}");
        // A dateline is not part of the clause.
        let r = reported("BERGEN — Norway will host the next round of talks, the ministry said.");
        assert_eq!(r[0].0, "Norway will host the next round of talks", "{r:?}");
    }

    #[test]
    fn according_to_reports_the_clause() {
        let r = reported("According to the harbour police, 30 boats sank in the storm.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "30 boats sank in the storm");
        assert_eq!(r[0].2, "the harbour police");
        assert_eq!(r[0].3.as_deref(), Some("according to"));
        let r = reported("Thirty boats sank in the storm, according to the harbour police.");
        assert_eq!(r[0].0, "Thirty boats sank in the storm", "{r:?}");
        assert_eq!(r[0].3.as_deref(), Some("according to"));
    }

    #[test]
    fn the_teller_not_the_addressee_reports() {
        let r = reported("Mayor Ines Catala told Governor Pieter Aalders that the bridge money had run out.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "the bridge money had run out");
        assert_eq!(r[0].1.as_deref(), Some("Ines Catala"));
        assert_eq!(r[0].3.as_deref(), Some("told"));
        let r = reported("Catala told reporters she would not run again.");
        assert_eq!(r[0].0, "she would not run again", "{r:?}");
    }

    #[test]
    fn a_pronoun_reports_for_the_person_named_before() {
        let r = reported("Dr Dana Whitfield toured the flooded valley on Sunday. She said the levees had failed in three places.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "the levees had failed in three places");
        assert_eq!(r[0].1.as_deref(), Some("Dana Whitfield"));
        assert_eq!(r[0].2, "She");
    }

    #[test]
    fn a_denial_is_reported_speech() {
        let r = reported("The dockworkers’ union denied that its members had blocked the harbour gates.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "its members had blocked the harbour gates");
        assert_eq!(r[0].3.as_deref(), Some("denied"));
    }

    #[test]
    fn no_reported_speech_over_a_quotation() {
        // The clause holds a partial quote: the partial quote stays, alone.
        let text = "Dr Aisha Bello noted that “nothing ever came of the promises made in Abuja”.";
        let q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1, "partial");
        assert!(reported(text).is_empty(), "{:?}", reported(text));
        // A direct quote inverted after its clause is not reported speech either.
        let text = "“The harbour will reopen in May,” the ministry said.";
        assert_eq!(quotes(text).len(), 1);
        assert!(reported(text).is_empty(), "{:?}", reported(text));
        // Nor over a scare quote: the clause is partly the speaker's own words.
        let text = "Dr Aisha Bello said the harbour plan was a “gift” to the shipping firms.";
        assert!(quotes(text).is_empty());
        assert!(reported(text).is_empty(), "{:?}", reported(text));
        // Nor a quotation in marks some archives write as two apostrophes.
        assert!(reported("''The harbour will reopen in May,'' the ministry said.").is_empty());
    }

    #[test]
    fn said_in_other_senses_and_questions_are_not_reports() {
        for text in [
            "That said, the ferry will run on Sundays as well.",
            "The so-called harbour plan was approved by the council on Monday.",
            "Ana Ruiz said nothing about the harbour plan at the meeting.",
            "Ana Ruiz said in a statement on Monday.",
            "Did the ministry say the harbour would reopen in May?",
            "Many of the closures, he said, have involved public courses.",
            "Ana Ruiz, a lawyer for the family, said the plan.",
        ] {
            assert!(reported(text).is_empty(), "{text}: {:?}", reported(text));
        }
    }
}
