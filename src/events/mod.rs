//! Events: who did what to whom, when and where, and whether it happened.
//!
//! The stage reads one sentence at a time, with the actors, places and
//! quotations the earlier stages found:
//!
//! 1. **Trigger.** Each word is looked up as the head of the patterns of the
//!    event lexicon ([`lexicon`]); the longest pattern whose words follow
//!    (skipping up to two modifiers: "held *direct* talks with") wins. A verb
//!    head after a determiner or possessive is a noun ("the attack"), and only
//!    noun patterns apply there.
//! 2. **Source.** The subject: the nearest actor before the verb group in the
//!    same clause that is not the object of a preposition ("the state *of*
//!    Israel") — which skips appositions ("X, a senior member *of* Hamas,
//!    said") — with the actors coordinated with it ("Hamas, Fatah and Islamic
//!    Jihad"). A clause with no such actor borrows the subject of the clause
//!    before it ("…supported Israel but later began supporting…"). Passives
//!    take the `by` agent ("were released by Hamas"); event nouns take the
//!    actor that modifies them ("Israel's war", "the Russian invasion").
//! 3. **Target.** The actor where the pattern puts it (`+`), else the first
//!    actor after the trigger in the clause, with its coordinated actors; a
//!    place stands for its country when no actor is there ("aid to Gaza").
//!    One event per source × target.
//! 4. **Flags.** `negated` from a negation in the verb group ("has not
//!    designated", "refused to"); `hypothetical` from a modal or a verb of
//!    intent ("will participate", "are expected to discuss"), a condition or
//!    a question.
//! 5. **Date** from the sentence's own date expression, else the last one
//!    named earlier in this or the previous paragraph, else the document's
//!    date ([`crate::dates`]);
//!    **location** from a place after a locative preposition in the sentence.
//! 6. **Confidence** from how directly each part was found (see
//!    [`Confidence`]).
//!
//! Events inside quotation marks are not coded: they are what someone says,
//! and the quotation itself is already in `quotes`.
//!
//! Architecture invariant: coding never fails; a sentence the rules cannot
//! read yields no event.

pub mod implicit;
pub mod lexicon;
pub mod ontology;

use crate::dates::{Anchor, DateMention, EventDate, Precision, find_dates};
use crate::doc::{Actor, Event, Participant, Place, Quote, QuoteKind, Span};
use implicit::ImplicitTargets;
use ontology::CameoCode;
use crate::segment::{Segmentation, Token, TokenKind};
pub use lexicon::EventLexicon;
pub use ontology::Ontology;

use lexicon::{HeadForms, PatternToken};

/// The event lexicon, the ontology and the implicit-target table, built
/// once and shared read-only.
pub struct EventCoder {
    pub lexicon: EventLexicon,
    pub ontology: Ontology,
    pub implicit_targets: ImplicitTargets,
}

impl EventCoder {
    pub fn builtin() -> EventCoder {
        EventCoder { lexicon: EventLexicon::builtin(), ontology: Ontology::builtin(), implicit_targets: ImplicitTargets::builtin() }
    }
}

/// What an event stage needs from the document.
pub struct EventInput<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub actors: &'a [Actor],
    pub places: &'a [Place],
    pub quotes: &'a [Quote],
    pub published: Option<jiff::civil::Date>,
}

/// Codes the events of a document.
pub fn find_events(coder: &EventCoder, input: &EventInput<'_>) -> Vec<Event> {
    let doc = DocView::new(input);
    let mut dates = ParagraphDates::new(input);
    let mut events = Vec::new();
    for (s, sentence) in input.seg.sentences.iter().enumerate() {
        let mut found = Vec::new();
        // A head inside the words of a longer trigger is part of it ("talks"
        // in "held talks with"); an event noun in a coded event's target is
        // what that event is about ("refused to sign *the agreement*").
        let (mut words_until, mut phrase_until) = (0, 0);
        for i in sentence.tokens.clone() {
            if doc.quoted(i) || i < words_until {
                continue;
            }
            if let Some(m) = code_trigger(coder, &doc, s, i, i < phrase_until, &mut found) {
                words_until = m.words_end;
                phrase_until = phrase_until.max(m.end);
            } else if doc.word(i) == "must" && i + 1 < sentence.tokens.end && !codes_an_event(coder, &doc, s, i + 1) {
                code_obligation(coder, &doc, s, i, &mut found);
            }
        }
        for mut event in dedupe(found) {
            event.date = event_date(input, &mut dates, s, event.trigger);
            event.location = location(&doc, s, event.trigger);
            events.push(event);
        }
    }
    events
}

/// Whether the word at `i` triggers an event of its own (the verb after
/// "must": "must withdraw" is coded from "withdraw", "must hold elections"
/// only as the demand).
fn codes_an_event(coder: &EventCoder, doc: &DocView<'_>, s: usize, i: usize) -> bool {
    !coder.lexicon.heads(doc.word(i)).is_empty() && code_trigger(coder, doc, s, i, false, &mut Vec::new()).is_some()
}

/// A mention an event can take as source or target: an actor's or a place's.
#[derive(Clone, Copy, Debug)]
struct Mention {
    span: Span,
    /// First and one-past-last token.
    tokens: (usize, usize),
    who: Who,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Actor(usize),
    Place(usize),
}

/// The document as the event rules read it: tokens with their lower-case
/// text and the mention each belongs to.
struct DocView<'a> {
    input: &'a EventInput<'a>,
    tokens: &'a [Token],
    /// Every token lower-cased, one after another in one buffer (one allocation).
    lower: String,
    /// Token index → its range in `lower`.
    lower_at: Vec<(u32, u32)>,
    /// Outermost mentions, in text order, not overlapping.
    mentions: Vec<Mention>,
    /// Token index → index into `mentions`.
    mention_at: Vec<Option<u32>>,
    /// Token index → inside a direct quotation or pull quote.
    in_quote: Vec<bool>,
    /// Token index → a glued hyphen of a compound or the word after it (see `in_hyphen_compound`).
    in_compound: Vec<bool>,
}

impl<'a> DocView<'a> {
    fn new(input: &'a EventInput<'a>) -> DocView<'a> {
        let tokens = input.seg.tokens.as_slice();
        let mut lower = String::with_capacity(input.text.len());
        let mut lower_at = Vec::with_capacity(tokens.len());
        for t in tokens {
            let word = t.span.of(input.text);
            let start = lower.len() as u32;
            if word.is_ascii() {
                lower.extend(word.bytes().map(|b| b.to_ascii_lowercase() as char));
            } else {
                lower.extend(word.chars().flat_map(char::to_lowercase));
            }
            lower_at.push((start, lower.len() as u32));
        }
        let mut spans: Vec<(Span, Who)> = Vec::new();
        for (a, actor) in input.actors.iter().enumerate() {
            spans.extend(actor.mentions.iter().map(|&m| (m, Who::Actor(a))));
        }
        spans.extend(input.places.iter().enumerate().map(|(p, place)| (place.span, Who::Place(p))));
        // Outermost first: "Vladimir Putin's envoy" is the envoy, not Putin.
        spans.sort_by_key(|(m, _)| (m.start, std::cmp::Reverse(m.end)));
        let mut mentions: Vec<Mention> = Vec::new();
        let mut mention_at = vec![None; tokens.len()];
        for (span, who) in spans {
            if mentions.last().is_some_and(|m| span.start < m.span.end) {
                continue;
            }
            let covered = input.seg.tokens_overlapping(span);
            if covered.is_empty() {
                continue;
            }
            mention_at[covered.clone()].fill(Some(mentions.len() as u32));
            mentions.push(Mention { span, tokens: (covered.start, covered.end), who });
        }
        let mut in_quote = vec![false; tokens.len()];
        for q in input.quotes.iter().filter(|q| q.kind != QuoteKind::Indirect) {
            in_quote[input.seg.tokens_overlapping(q.span)].fill(true);
        }
        let mut in_compound = vec![false; tokens.len()];
        for h in 1..tokens.len().saturating_sub(1) {
            let glued = tokens[h - 1].span.end == tokens[h].span.start && tokens[h].span.end == tokens[h + 1].span.start;
            if glued && tokens[h].span.of(input.text) == "-" {
                in_compound[h] = true;
                in_compound[h + 1] = true;
            }
        }
        DocView { input, tokens, lower, lower_at, mentions, mention_at, in_quote, in_compound }
    }

    fn quoted(&self, i: usize) -> bool {
        self.in_quote[i]
    }

    fn word(&self, i: usize) -> &str {
        let (start, end) = self.lower_at[i];
        &self.lower[start as usize..end as usize]
    }

    fn raw(&self, i: usize) -> &str {
        self.tokens[i].span.of(self.input.text)
    }

    fn is_word(&self, i: usize) -> bool {
        self.tokens[i].kind == TokenKind::Word
    }

    /// Whether token `i` is a hyphen glued to the words on both sides, or
    /// the word right after such a hyphen: "four-day", "Saudi-led".
    fn in_hyphen_compound(&self, i: usize) -> bool {
        self.in_compound[i]
    }

    fn mention(&self, i: usize) -> Option<&Mention> {
        self.mention_at[i].map(|m| &self.mentions[m as usize])
    }

    fn participant(&self, m: &Mention) -> Participant {
        match m.who {
            Who::Actor(a) => {
                let actor = &self.input.actors[a];
                Participant { name: actor.name.clone(), code: actor.code.clone(), actor: Some(a), inferred: false }
            }
            Who::Place(p) => {
                let place = &self.input.places[p];
                Participant { name: place.span.of(self.input.text).to_string(), code: Some(place.country.clone()), actor: None, inferred: false }
            }
        }
    }

    fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let r = &self.input.seg.sentences[s].tokens;
        (r.start, r.end)
    }
}

macro_rules! words {
    ($($name:ident = [$($w:literal),* $(,)?];)*) => {$(
        fn $name(w: &str) -> bool {
            matches!(w, $($w)|*)
        }
    )*};
}

words! {
    is_determiner = ["the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "this", "that", "these", "those", "’s", "'s", "no", "any", "every", "each", "another"];
    is_preposition = ["of", "from", "with", "to", "in", "on", "at", "by", "for", "against", "between", "among", "into", "onto", "over", "under", "toward", "towards", "as", "about", "than", "like", "unlike", "via", "through", "during", "across", "after", "before", "since", "until", "despite", "including", "within", "without", "near", "behind", "beyond", "amid", "regarding", "representing"];
    is_auxiliary = ["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "could", "can", "may", "might", "shall", "should", "must", "’ll", "'ll", "to", "not", "n't", "n’t", "never", "won't", "won’t", "wouldn't", "wouldn’t", "can't", "can’t", "couldn't", "couldn’t", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t", "weren't", "weren’t", "also", "already", "still", "just", "then", "now", "once", "again", "yet", "even", "only", "reportedly", "allegedly", "initially", "later", "recently", "finally", "jointly", "publicly", "formally", "officially", "previously", "repeatedly", "consistently", "effectively", "directly", "quickly", "immediately", "eventually", "first", "last", "ever", "both", "all", "no", "longer", "get", "got", "gets", "getting", "outright", "twice", "instead", "soon", "further", "almost", "nearly"];
    is_be = ["is", "are", "was", "were", "be", "been", "being", "am", "get", "got", "gets", "getting"];
    is_modal = ["will", "would", "could", "may", "might", "shall", "should", "’ll", "'ll", "can", "won't", "won’t", "wouldn't", "wouldn’t", "can't", "can’t", "couldn't", "couldn’t"];
    is_negation = ["not", "n't", "n’t", "never", "no", "cannot", "won't", "won’t", "wouldn't", "wouldn’t", "can't", "can’t", "couldn't", "couldn’t", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t", "isn't", "isn’t", "aren't", "aren’t", "wasn't", "wasn’t", "weren't", "weren’t"];
    // Verbs of intent or expectation before an infinitive: the event has not happened.
    is_intent = ["expected", "expects", "expect", "plan", "plans", "planned", "planning", "aim", "aims", "aimed", "aiming", "intend", "intends", "intended", "want", "wants", "wanted", "seek", "seeks", "sought", "seeking", "hope", "hopes", "hoped", "hoping", "going", "set", "due", "likely", "unlikely", "ready", "willing", "prepared", "preparing", "poised", "scheduled", "offered", "offers", "proposed", "proposes", "vowed", "vows", "pledged", "pledges", "promised", "promises", "threatened", "threatens", "try", "tries", "tried", "trying", "tempted", "attempt", "attempts", "attempted", "would-be"];
    // Verbs that say the event did not happen.
    is_refusal = ["refused", "refuses", "refuse", "refusing", "failed", "fails", "fail", "failing", "declined", "declines", "decline", "declining", "rejected", "avoided"];
    // Words that end a clause looking left for a subject.
    is_clause_boundary = [";", ":", "which", "who", "whom", "whose", "that", "while", "whereas", "although", "though", "because", "if", "unless", "when", "whether", "where", "but", "—", "–", "(", ")", "“", "”", "\""];
    // Words that end a target's noun phrase looking right.
    is_target_stop = [";", ":", ".", "which", "who", "whom", "whose", "that", "while", "whereas", "although", "though", "because", "if", "unless", "when", "but", "after", "before", "since", "said", "says", "according", "—", "–", "(", "“", "”", "\""];
    is_condition = ["if", "unless", "should", "whether"];
    // Particles that make a phrasal verb: never skipped as a modifier between pattern words.
    is_particle = ["off", "out", "up", "down", "back", "away"];
    // Nouns for people who act for an actor: "delegates of X" act as X.
    // Offices one person holds: a mention ending in one can be "he" or "she".
    is_personal_office = ["president", "minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "prince", "leader", "chief", "secretary", "spokesman", "spokeswoman", "envoy", "ambassador", "general", "commander", "governor", "mayor", "speaker", "chairman", "chairwoman", "head"];
    is_representative = ["government", "army", "president", "parliament", "people", "citizens", "residents", "king", "emir", "ministry", "delegation", "delegations", "delegates", "representatives", "representative", "officials", "official", "envoys", "envoy", "negotiators", "negotiator", "leaders", "members", "spokesman", "spokeswoman", "spokesperson", "forces", "troops", "fighters", "activists", "supporters", "followers", "militants", "authorities", "police"];
    // People named by their occupation or part: "doctors from two American aid groups", "unions in Togo".
    is_people_noun = ["doctors", "nurses", "volunteers", "workers", "staff", "experts", "engineers", "students", "teachers", "unions", "farmers", "traders", "protesters", "demonstrators", "journalists", "lawyers", "judges", "prisoners", "refugees"];
    // Nouns for a part or a number of a group: "thousands of Kenyans" are Kenyans.
    is_partitive = ["thousands", "hundreds", "dozens", "scores", "millions", "tens", "group", "groups", "crowd", "crowds", "band", "number", "some", "many", "most", "all", "half", "third", "quarter", "majority", "deployment", "contingent", "batch", "unit", "units", "team", "teams", "column", "convoy", "wave", "handful"];
    // Auxiliaries and speech verbs that show another finite verb stands between a candidate subject and the trigger.
    is_finite_marker = ["is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "do", "does", "did", "say", "says", "said"];
    // Intent words that state the subject's own plan (not others' expectation).
    is_own_intent = ["threaten", "threatens", "threatened", "threatening", "plan", "plans", "planned", "planning", "aim", "aims", "aimed", "intend", "intends", "intended", "want", "wants", "wanted", "seek", "seeks", "sought", "going", "ready", "willing", "prepared", "offered", "offers", "vowed", "vows", "pledged", "pledges", "promised", "promises", "decided", "decides"];
    // Verbs that report what someone says, demands or announces.
    is_speech = ["said", "says", "say", "declared", "declares", "reiterated", "reiterates", "insisted", "insists", "stressed", "stresses", "demanded", "demands", "told", "tells", "announced", "announces", "warned", "warns", "argued", "argues", "added", "urged", "urges", "stated", "states", "concluded", "believes", "believe", "maintained", "maintains", "asserted", "asserts"];
    // Time words that stand between a subject and its verb ("Russia on Monday condemned").
    is_time_word = ["today", "yesterday", "tonight", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "earlier", "meanwhile"];
    // Words a pattern may skip between its own words: not function words.
    is_blocker = ["of", "from", "with", "to", "in", "on", "at", "by", "for", "against", "between", "among", "into", "as", "and", "or", "but", "that", "which", "who", "said", "says", "is", "are", "was", "were", "has", "have", "had", "will", "would", "not", "n't"];
}

/// Tries every pattern headed by token `i` (verbs only when `verbs_only`)
/// and codes the best match; returns the match when it coded an event.
fn code_trigger(coder: &EventCoder, doc: &DocView<'_>, s: usize, i: usize, verbs_only: bool, out: &mut Vec<Event>) -> Option<Match> {
    let heads = coder.lexicon.heads(doc.word(i));
    // A word of an actor's name is no trigger ("British *forces*").
    if heads.is_empty() || !doc.is_word(i) || doc.mention(i).is_some_and(|m| matches!(m.who, Who::Actor(_))) {
        return None;
    }
    let (sent_start, sent_end) = doc.sentence_tokens(s);
    // "UAE-mediated", "Saudi-led": part of a compound modifier, not a trigger.
    if i > sent_start && doc.word(i - 1) == "-" && doc.tokens[i - 1].span.end == doc.tokens[i].span.start {
        return None;
    }
    // A capitalised word inside a sentence is a name ("Strike Force"), not a trigger.
    if i > sent_start && doc.raw(i).starts_with(char::is_uppercase) && !doc.raw(i).chars().all(|c| c.is_uppercase()) {
        return None;
    }
    // A determiner or possessive before the head makes it a noun.
    let after_determiner = i > sent_start && is_determiner(doc.word(i - 1));
    // After a modal or "to" a word is a verb ("must deal with", "to release").
    let verb_context = i > sent_start && (is_modal(doc.word(i - 1)) || matches!(doc.word(i - 1), "to" | "must" | "did" | "does" | "do"));
    let mut best: Option<(u32, Match, HeadForms)> = None;
    for &(p, forms) in heads {
        let pattern = coder.lexicon.pattern(p);
        if pattern.noun != forms.has(HeadForms::NOUN) || pattern.noun && (verbs_only || verb_context) {
            continue;
        }
        // "the meeting", "an Israeli-Palestinian meeting": a gerund after a
        // determiner or a modifier is a noun, and so is any verb form after a determiner.
        let adjectival = !forms.has(HeadForms::BASE) && !forms.has(HeadForms::THIRD) && forms.has(HeadForms::PARTICIPLE) && i > sent_start && is_preposition(doc.word(i - 1));
        let noun_like = after_determiner || adjectival || forms.has(HeadForms::GERUND) && !forms.has(HeadForms::BASE) && i > sent_start && doc.mention(i - 1).is_some();
        if !pattern.noun && (noun_like || forms == HeadForms(HeadForms::BASE) && !finite_context(doc, i, sent_start)) {
            continue;
        }
        let Some(m) = match_rest(doc, &pattern.rest, i + 1, sent_end) else { continue };
        let better = match &best {
            None => true,
            Some((bp, bm, _)) => {
                let (w, bw) = (pattern.literal_words(), coder.lexicon.pattern(*bp).literal_words());
                // More words, then a verb reading where both fit, then fewer skipped words.
                (w, !pattern.noun as u8, std::cmp::Reverse(m.skipped)) > (bw, !coder.lexicon.pattern(*bp).noun as u8, std::cmp::Reverse(bm.skipped))
            }
        };
        if better {
            best = Some((p, m, forms));
        }
    }
    let (p, m, forms) = best?;
    // "threatened to break relations": the inner verb is the event, coded as the threat.
    // (A `+` there holds no actor, only the time: "threatened on Monday to".)
    if m.words_end == i + 1 && is_intent(doc.word(i)) && i + 1 < sent_end && doc.word(past_time_words(doc, i + 1, sent_end)) == "to" {
        return None;
    }
    let pattern = coder.lexicon.pattern(p);
    let mut code = coder.ontology.get(&pattern.cameo)?;

    let group = verb_group(doc, i, sent_start);
    // "civilians killed in the raid"; and for a verb that needs an object,
    // "servicemen captured during the siege": a participle after a noun with
    // no object of its own is passive.
    let object_missing = matches!(pattern.rest.first(), Some(PatternToken::Target)) && m.words_end == i + 1 && i + 1 < sent_end && is_preposition(doc.word(i + 1));
    let reduced_relative = !pattern.noun
        && forms.has(HeadForms::PARTICIPLE)
        && group.start == i
        && (after_plain_noun(doc, i, sent_start) || object_missing && i > sent_start && people_noun(doc, i - 1));
    let passive = !pattern.noun && !pattern.intransitive && forms.has(HeadForms::PARTICIPLE) && (group.be || reduced_relative);
    let mut confidence = Confidence::new(pattern.noun, m.skipped);

    // Targets: at the pattern's `+`, else right after the match, up to the
    // next clause ("meet in Doha *as* Qatar pushes for …").
    let target_region = m.target.unwrap_or_else(|| {
        // An event noun takes an implicit target only through a preposition
        // ("talks with"), which may follow the rest of a compound, a time and a
        // place ("a mediation effort on Saturday between", "rallies in Gaza against").
        let from = if pattern.noun { past_noun_adjuncts(doc, m.end, sent_end) } else { m.end };
        let end = clause_end(doc, from, sent_end);
        let attached = from < sent_end && matches!(doc.word(from), "with" | "between" | "to" | "against" | "on" | "of" | "toward" | "towards" | "into" | "by");
        if pattern.noun && !attached {
            return (m.end, m.end);
        }
        (from, (from..end).find(|&t| matches!(doc.word(t), "as" | "amid" | "despite" | "where" | "so" | "then" | ",")).unwrap_or(end))
    });
    // A `+` right after the head is its object and starts there ("met Qatar's
    // emir"), not somewhere later in the clause ("meet in Doha as Qatar …").
    let object_slot = matches!(pattern.rest.first(), Some(PatternToken::Target));
    // The object's reach is its noun phrase, at least six tokens ("released
    // more than 1,000 long-serving prisoners of the Fatah movement").
    let reach = if object_slot { noun_phrase_end(doc, target_region.0, target_region.1).saturating_sub(target_region.0).max(6) } else if m.target.is_some() { usize::MAX } else { 14 };
    // An actor among the words the pattern skipped names whose thing it is:
    // "rejected an *Indian* proposal", "agreed to *US* mediation".
    let skipped_actor = if m.target.is_none() { (i + 1..m.words_end).find_map(|t| doc.mention(t).filter(|m| matches!(m.who, Who::Actor(_))).copied()) } else { None };
    let mut targets = match skipped_actor {
        Some(actor) => vec![actor],
        None => actors_in(doc, target_region.0, target_region.1, reach),
    };
    // A `+` before the pattern's noun that holds no actor leaves the noun's
    // own complement: "expelled dozens of diplomats *of the Rwandan embassy*".
    if targets.is_empty() && m.target.is_some_and(|(_, end)| end < m.end) && m.end < sent_end && matches!(doc.word(m.end), "of" | "from") {
        targets = actors_in(doc, m.end + 1, clause_end(doc, m.end + 1, sent_end), 6);
    }
    // "the release of citizens held hostage by Hamas": an appeal or demand
    // for release is made of whoever holds the people, not of the people.
    if matches!(code.code.as_str(), "0253" | "1053")
        && let Some(captors) = captors_after(doc, target_region.0, sent_end) {
        targets = captors;
    }
    confidence.target(m.target.is_some(), &targets);

    // Sources.
    let sources: Vec<Mention> = if passive {
        // "were released by Hamas": the agent is the source, the subject the target.
        let clause = clause_end(doc, i + 1, sent_end);
        // A "by" right after another participle is that one's agent ("agents
        // arrested in the US for Russians *held by Moscow*").
        const IRREGULAR_PARTICIPLES: &[&str] = &["held", "taken", "seen", "caught", "kept", "sent", "brought", "given", "made", "known", "shot", "struck", "beaten", "hit", "won", "lost", "found", "built", "told", "paid", "led", "run", "backed"];
        let other_participle = |t: usize| t != i && doc.is_word(t) && (doc.word(t).len() > 3 && doc.word(t).ends_with("ed") || IRREGULAR_PARTICIPLES.contains(&doc.word(t)));
        let agents = match (i + 1..clause).find(|&t| doc.word(t) == "by" && !other_participle(t - 1)) {
            Some(by) => {
                confidence.source(1);
                actors_in(doc, by + 1, clause_end(doc, by + 1, sent_end), usize::MAX)
            }
            // "was put under investigation in Italy", "were arrested in Egypt":
            // a state's own acts with no agent named are its authorities'.
            None if matches!(&code.code[..2], "09" | "17") => {
                confidence.source(3);
                vec![country_after_locative(doc, i + 1, clause)?]
            }
            None => return None,
        };
        targets = passive_subject(doc, group.start, sent_start);
        agents
    } else if pattern.noun {
        match modifier_of_noun(doc, i, sent_start) {
            Some(m) => {
                confidence.source(0);
                vec![m]
            }
            // "launched an attack on", "paid a visit to": the light verb's subject.
            None => match light_verb_before(doc, i, sent_start) {
                Some(verb) => {
                    let subject = subject(doc, verb_group(doc, verb, sent_start).start, sent_start);
                    confidence.source(subject.distance + 1);
                    subject.mentions
                }
                None => return None,
            },
        }
    } else {
        let subject = subject(doc, group.start, sent_start);
        confidence.source(subject.distance);
        subject.mentions
    };
    let (mut sources, mut targets) = if pattern.swap && !passive { (targets, sources) } else { (sources, targets) };
    // A meeting is mutual: "Israel's talks with Hamas" are Hamas's talks with
    // Israel too — unless a host is named ("under the Russian government's
    // auspices"), who then convenes the participants.
    // (A mediation is not: the mediator acts on the parties.)
    let mut mutual_noun = pattern.noun && code.code.starts_with("04") && code.code != "045";
    if pattern.noun
        && let Some(host) = host_of_meeting(doc, i, sent_end) {
        targets.retain(|t| t.who != host.who);
        targets.extend(sources.iter().filter(|m| m.who != host.who));
        sources = vec![host];
        mutual_noun = false;
    }
    let mut negated = group.negated || noun_negated(doc, i, sent_start, pattern.noun);
    // An event noun or a non-finite verb ("in imposing sanctions", "to join")
    // is as hypothetical as the clause that governs it.
    let non_finite = forms.has(HeadForms::GERUND) || group.start < i && doc.word(i - 1) == "to";
    let conditional = conditional_or_question(doc, s, i);
    let hypothetical = group.hypothetical || ((pattern.noun || non_finite) && modal_in_clause(doc, i, sent_start)) || conditional;
    // Support withheld is a rejection ("have not received backing from the
    // United States"), and so is a stated refusal to cooperate, help or give
    // way ("refused to meet", "will not accept refugees"): CAMEO codes
    // refusals under 12.
    let rejection = match negated {
        true if matches!(&code.code[..code.code.len().min(3)], "050" | "051" | "052" | "053") => Some("120"),
        true if group.refusal => refusal_code(&code.code),
        _ => None,
    };
    if let Some(reject) = rejection.and_then(|c| coder.ontology.get(c)) {
        code = reject;
        negated = false;
    }
    // A subject's own statement of what it will do is coded as that
    // statement: intent to cooperate (03) or a threat (13), as CAMEO does;
    // "X said Y must …" is X's demand on Y (10).
    if !pattern.noun && !negated && !conditional {
        if group.obligation {
            if let Some(speaker) = speaker_of_clause(doc, &sources, sent_start) {
                targets = sources;
                sources = speaker;
                code = coder.ontology.get("100").unwrap_or(code);
            }
        } else if group.intent
            && let Some(intent) = intent_code(&code.code).and_then(|c| coder.ontology.get(c)) {
            code = intent;
        }
    }
    // "Jordan and Britain agreed to …", "Ukraine and Russia exchanged
    // prisoners": coordinated sources of a mutual event with no target of
    // its own act on each other.
    // (Where they meet is no partner: "US and Russian negotiators return to Geneva for talks".)
    let mutual = matches!(&code.code[..2], "03" | "04" | "05" | "06") || code.code.starts_with("084");
    // (Not when support goes to an object that is no actor: "China and
    // Russia support *the government*"; what is agreed is no partner:
    // "agreed upon a new pact" stays mutual.)
    let only_places = targets.iter().all(|t| matches!(t.who, Who::Place(_)));
    let object_at = |t: usize| t < sent_end && matches!(doc.word(t), "the" | "a" | "an" | "some" | "his" | "her" | "its" | "their" | "this" | "these" | "those");
    let support_of_object = matches!(&code.code[..code.code.len().min(3)], "050" | "051" | "052" | "053" | "054" | "055");
    let other_object = support_of_object && !pattern.noun && targets.is_empty() && (object_slot && m.target.is_some_and(|(from, _)| object_at(from)) || object_at(m.end));
    if sources.len() > 1 && mutual && !other_object && (targets.is_empty() || only_places || m.target.is_none() && !passive) {
        targets = sources.clone();
    }
    if targets.is_empty() && !pattern.noun {
        targets = clause_target(doc, &code.code, m.end, sent_end);
    }
    // Cooperation needs a partner: a consultation, agreement or aid with no
    // target is too vague to count ("the talks were productive").
    // (A stated intent, 03, may have none: "agreed to resign".)
    // (Military de-escalation, 087, is an act of its own: "completed their withdrawal".)
    let needs_partner = matches!(&code.code[..2], "04" | "05" | "06" | "07" | "08") && !code.code.starts_with("087");
    if targets.is_empty() {
        // "lifted the curfew in Darfur", "banned voting in East Jerusalem":
        // aid, concessions and coercion in a place are aimed at it; a meeting
        // in a place is not with it. A stated intent counts as what it
        // intends ("ready to contribute troops to a force in Liberia").
        let aimed_at_place = |c: &str| matches!(&c[..2], "07" | "08" | "13" | "14" | "15" | "16" | "17" | "18" | "19" | "20");
        let in_region = (target_region.0..target_region.1).find_map(|t| place_like(doc, t));
        // Violence hits where it happens, anywhere later in the sentence
        // ("killed 23 people … when they blew themselves up in Tel Aviv").
        let violent = matches!(&pattern.cameo[..2], "18" | "19" | "20");
        // (Within the trigger's clause and a "when"/"as" clause of its own, not
        // across "while", "but" or a new speaker: "… fired missiles into the
        // sea while the G-20 leaders met in China".)
        let clause_limit = (m.end..sent_end)
            .find(|&t| matches!(doc.word(t), "while" | "whereas" | "although" | "though" | "but" | ";" | ":" | "—" | "–" | "(" | "“" | "\"" | "which" | "who" | "said" | "says" | "according"))
            .unwrap_or(sent_end);
        let later = || (m.end..clause_limit).filter(|&t| t > 0 && matches!(doc.word(t - 1), "in" | "near" | "at")).find_map(|t| place_like(doc, t));
        let place = in_region.or_else(|| later().filter(|_| violent)).filter(|_| aimed_at_place(&code.code) || aimed_at_place(&pattern.cameo));
        let implied = || sources.iter().any(|src| source_code(doc, src).is_some_and(|c| coder.implicit_targets.target_for(&code.code, c).is_some()));
        match place {
            Some(p) => targets.push(p),
            None if needs_partner && !implied() => return None,
            None => {}
        }
    }

    let facts = EventFacts {
        code,
        trigger: Span::new(doc.tokens[i].span.start, doc.tokens[m.words_end - 1].span.end),
        sentence: doc.input.seg.sentences[s].span,
        negated,
        hypothetical,
    };
    let target_list: Vec<Option<&Mention>> = if targets.is_empty() { vec![None] } else { targets.iter().map(Some).collect() };
    let before = out.len();
    let coded_actor = |m: &Mention| matches!(m.who, Who::Actor(a) if doc.input.actors[a].code.is_some());
    let event = |source: &Mention, target: Option<&Mention>, confidence: f32| {
        facts.event(doc.participant(source), target.map(|t| doc.participant(t)), confidence)
    };
    // Sources are coded actors, or a place standing for its state's authorities.
    for source in sources.iter().filter(|m| coded_actor(m) || matches!(m.who, Who::Place(_))) {
        for &target in &target_list {
            let mut e = event(source, target, confidence.value(target.is_some_and(|t| matches!(t.who, Who::Place(_)))));
            // No target named, only the source's own country (a place: "protested
            // in Nairobi"; the state: "independence from Iraq"), or a target of
            // no known affiliation ("students at a university"): the target the
            // event class implies, if any (their government, its civilians).
            let home = source_code(doc, source).and_then(implicit::country_of);
            let a_state = |t: &Mention| match t.who {
                Who::Place(_) => true,
                Who::Actor(a) => doc.input.actors[a].kind == crate::lexicon::ActorKind::State,
            };
            let at_home = target.is_some_and(|t| a_state(t) && source_code(doc, t).is_some() && source_code(doc, t) == home);
            let uncoded = target.filter(|t| source_code(doc, t).is_none());
            if (target.is_none() || at_home || uncoded.is_some())
                && let Some(code) = source_code(doc, source).and_then(|c| coder.implicit_targets.target_for(&facts.code.code, c)) {
                let name = uncoded.map_or(if code.ends_with("GOV") { "government" } else { "civilians" }.to_string(), |t| doc.participant(t).name);
                let actor = uncoded.and_then(|t| doc.participant(t).actor);
                e.target = Some(Participant { name, code: Some(code), actor, inferred: true });
                e.confidence = ((e.confidence - 0.1).max(0.05) * 100.0).round() / 100.0;
            }
            // An actor does not act on itself: the event has no other target
            // ("withdrew from the Bosnian town" by Bosnian Serbs), if it may
            // have none. Two actors of one code are left uncoded ("Trump
            // attacked Clinton" is no US event on the US).
            let itself = target.is_some_and(|t| t.who == source.who) && !e.target.as_ref().is_some_and(|t| t.inferred);
            if itself {
                if target_list.len() > 1 || needs_partner {
                    continue;
                }
                e.target = None;
            }
            if e.source.code.is_some() && e.target.as_ref().is_some_and(|t| t.code == e.source.code) {
                continue;
            }
            if let Some(t) = target.filter(|t| mutual_noun && coded_actor(t)) {
                out.push(event(t, Some(source), e.confidence - 0.05));
            }
            out.push(e);
        }
    }
    (out.len() > before).then_some(Match { end: target_region.1.max(m.end), ..m })
}

/// The actor code of a source or target mention (a place's country).
fn source_code<'d>(doc: &'d DocView<'_>, m: &Mention) -> Option<&'d str> {
    match m.who {
        Who::Actor(a) => doc.input.actors[a].code.as_deref(),
        Who::Place(p) => Some(doc.input.places[p].country.as_str()),
    }
}

/// The mention at token `t` if it names a place: a place, or a state after
/// a locative preposition ("a village in western Cambodia").
fn place_like(doc: &DocView<'_>, t: usize) -> Option<Mention> {
    let m = doc.mention(t)?;
    // ("in the United States": past the article.)
    let before = if m.tokens.0 > 1 && doc.word(m.tokens.0 - 1) == "the" { m.tokens.0 - 1 } else { m.tokens.0 };
    let state_as_place = |a: usize| {
        doc.input.actors[a].kind == crate::lexicon::ActorKind::State && before > 0 && matches!(doc.word(before - 1), "in" | "at" | "near" | "inside" | "across" | "throughout")
    };
    match m.who {
        Who::Place(_) => Some(*m),
        Who::Actor(a) if state_as_place(a) => Some(*m),
        Who::Actor(_) => None,
    }
}

/// The country whose authorities act in a passive with no agent: the first
/// place or state after "in" in tokens `from..to` ("was arrested in Egypt").
fn country_after_locative(doc: &DocView<'_>, from: usize, to: usize) -> Option<Mention> {
    (from..to).filter(|&t| t > 0 && (doc.word(t - 1) == "in" || t > 1 && doc.word(t - 1) == "the" && doc.word(t - 2) == "in")).find_map(|t| place_like(doc, t))
}

/// The target of a passive: its subject; failing an actor there, an actor
/// the subject's noun phrase holds ("a camp for Congolese refugees was attacked").
fn passive_subject(doc: &DocView<'_>, g: usize, sent_start: usize) -> Vec<Mention> {
    let found = subject(doc, g, sent_start).mentions;
    if !found.is_empty() {
        return found;
    }
    let clause_start = (sent_start..g).rev().find(|&t| is_clause_boundary(doc.word(t)) || doc.word(t) == ",").map_or(sent_start, |t| t + 1);
    let nearest = (clause_start..g).rev().find_map(|t| doc.mention(t).filter(|m| matches!(m.who, Who::Actor(_)) && m.tokens.0 > clause_start && matches!(doc.word(m.tokens.0 - 1), "for" | "of")).copied());
    nearest.into_iter().collect()
}

/// A target the verb's own clause does not hold but a clause after it names:
/// a demand's "that" clause ("demanded that Israel withdraw"), a threat's
/// condition ("threatened to quit the talks if the United States …").
fn clause_target(doc: &DocView<'_>, code: &str, from: usize, sent_end: usize) -> Vec<Mention> {
    let clause_subject = |start: usize| {
        // The subject right at the clause's start, past determiners and titles.
        let mut t = start;
        while t < sent_end && t < start + 4 && doc.mention(t).is_none() && (is_determiner(doc.word(t)) || doc.raw(t).starts_with(char::is_uppercase)) {
            t += 1;
        }
        let Some(m) = doc.mention(t).filter(|m| matches!(m.who, Who::Actor(_))).copied() else { return Vec::new() };
        let mut found = vec![m];
        found.extend(coordinated_after(doc, m, sent_end));
        found
    };
    let that = past_time_words(doc, from, sent_end);
    if matches!(&code[..2], "02" | "10") && that < sent_end && doc.word(that) == "that" {
        return clause_subject(that + 1);
    }
    if code.starts_with("13")
        && let Some(condition) = (from..sent_end).find(|&t| matches!(doc.word(t), "if" | "unless")) {
        return clause_subject(condition + 1);
    }
    Vec::new()
}

/// The first token from `j` past what may stand between an event noun and
/// its preposition: the rest of a compound ("mediation *effort*"), a time
/// ("*on Saturday*") and a place ("rallies *in the Gaza Strip* against").
fn past_noun_adjuncts(doc: &DocView<'_>, mut j: usize, end: usize) -> usize {
    for _ in 0..3 {
        let start = j;
        if j < end && matches!(doc.word(j), "effort" | "efforts" | "bid" | "mission" | "initiative" | "initiatives" | "drive" | "campaign" | "process") {
            j += 1;
        }
        j = past_time_words(doc, j, end);
        if j + 1 < end && matches!(doc.word(j), "in" | "at" | "near" | "outside" | "across" | "throughout") {
            let mut k = j + 1;
            if is_determiner(doc.word(k)) {
                k += 1;
            }
            if let Some(place) = doc.mention(k).filter(|_| k < end) {
                j = place.tokens.1;
            }
        }
        if j == start {
            break;
        }
    }
    j
}

/// One past the last token of the noun phrase starting at `from` (before
/// `to`): determiners, numbers, quantities, modifiers, hyphen compounds,
/// names and "of" phrases, up to a verb, another preposition or a clause mark.
fn noun_phrase_end(doc: &DocView<'_>, from: usize, to: usize) -> usize {
    let to = to.min(from + 16);
    let mut t = from;
    while t < to {
        let w = doc.word(t);
        let inside = doc.mention(t).is_some()
            || doc.in_hyphen_compound(t)
            || doc.tokens[t].kind == TokenKind::Number
            || matches!(w, "of" | "more" | "than" | "up" | "to" | "some" | "about" | "nearly" | "at" | "least")
            || doc.is_word(t) && !is_preposition(w) && !is_auxiliary(w) && !is_clause_boundary(w) && !is_speech(w) && !matches!(w, "and" | "or");
        if !inside {
            break;
        }
        t += 1;
    }
    t
}

/// The host named for a meeting noun at `i`: "under the Russian
/// government's auspices", "under the auspices of Egypt", "hosted by Qatar".
fn host_of_meeting(doc: &DocView<'_>, i: usize, sent_end: usize) -> Option<Mention> {
    let end = clause_end(doc, i + 1, sent_end);
    let at = (i + 1..end).find(|&t| matches!(doc.word(t), "auspices" | "hosted" | "convened" | "organised" | "organized" | "sponsored"))?;
    let actor = |t: usize| doc.mention(t).filter(|m| matches!(m.who, Who::Actor(_))).copied();
    if doc.word(at) == "auspices" {
        // "X's auspices" or "the auspices of X".
        let before = if at >= 2 && matches!(doc.word(at - 1), "’s" | "'s") { actor(at - 2) } else { None };
        return before.or_else(|| (at + 1 < end && doc.word(at + 1) == "of").then(|| (at + 2..end.min(at + 5)).find_map(actor)).flatten());
    }
    (at + 1 < end && doc.word(at + 1) == "by").then(|| (at + 2..end.min(at + 5)).find_map(actor)).flatten()
}

/// Whether a verb's base form at `i` can be a verb here: after a subject,
/// a modal or "to", an adverb, or at the start of a sentence or headline —
/// not after an adjective or a preposition ("need for international support").
fn finite_context(doc: &DocView<'_>, i: usize, sent_start: usize) -> bool {
    if i == sent_start {
        return true;
    }
    let p = doc.word(i - 1);
    doc.mention(i - 1).is_some()
        || is_auxiliary(p)
        || matches!(p, "they" | "we" | "i" | "you" | "and" | "or" | "who" | "that" | "which" | "must" | "cannot")
        || p.ends_with("ly")
        || is_time_word(p)
}

/// The result of matching a pattern's words after its head.
#[derive(Clone, Copy, Debug)]
struct Match {
    /// One past the last token of the match.
    end: usize,
    /// One past the last token of the pattern's own words (the trigger).
    words_end: usize,
    /// The tokens where `+` stands.
    target: Option<(usize, usize)>,
    /// Modifier words skipped between pattern words.
    skipped: usize,
}

/// Matches the words of a pattern after its head, from token `j`.
fn match_rest(doc: &DocView<'_>, rest: &[PatternToken], mut j: usize, end: usize) -> Option<Match> {
    let mut skipped = 0;
    let mut target = None;
    let mut gap = false;
    let mut words_end = j;
    for (k, token) in rest.iter().enumerate() {
        match token {
            PatternToken::Words(alts) => {
                // The head's object may carry a longer noun phrase before the
                // pattern's noun ("provide nearly 25,000 tons of emergency food aid").
                let object_noun = k == 0;
                let max_skip = if gap || object_noun { 6 } else { 2 };
                let mut found = None;
                // Words skipped so far; a hyphenated compound ("four-day") counts as one.
                let mut words_skipped = 0;
                for t in j..end {
                    if alts.iter().any(|a| a == doc.word(t)) {
                        found = Some(t);
                        break;
                    }
                    let compound_part = doc.in_hyphen_compound(t);
                    // The links of a list of modifiers between two pattern words
                    // ("artillery, mortar, and rocket fire"), followed by a modifier.
                    let list_link = k > 0 && !gap && matches!(doc.word(t), "," | "and" | "or") && {
                        let next = (t + 1..end).find(|&n| !matches!(doc.word(n), "," | "and" | "or"));
                        next.is_some_and(|n| doc.is_word(n) && !is_blocker(doc.word(n)) && !is_preposition(doc.word(n)) && doc.mention(n).is_none())
                    };
                    if list_link {
                        continue;
                    }
                    if !compound_part {
                        if words_skipped == max_skip {
                            break;
                        }
                        words_skipped += 1;
                    }
                    let w = doc.word(t);
                    // A particle changes the verb ("call off a strike" is not "call a strike").
                    let modifier = (doc.is_word(t) && !is_blocker(w) && !is_preposition(w) && !is_particle(w)) || doc.tokens[t].kind == TokenKind::Number;
                    // A quantity before a number: "contribute *up to* 4,000 troops".
                    // ("delivered *$50,000 worth of* goods": a currency sign too.)
                    let quantity = matches!(w, "up" | "to" | "more" | "less" | "fewer" | "than" | "at" | "least" | "over" | "about" | "around" | "nearly" | "almost" | "$" | "€" | "£" | "¥")
                        && (t + 1..(t + 3).min(end)).any(|n| doc.tokens[n].kind == TokenKind::Number);
                    let in_noun_phrase = object_noun && (modifier || matches!(w, "of" | "and") || compound_part || quantity) && !w.ends_with("ing");
                    let skippable = gap && w != "." || (words_skipped <= 2 && (modifier || compound_part)) || in_noun_phrase;
                    if !skippable {
                        break;
                    }
                }
                let t = found?;
                if !gap {
                    skipped += words_skipped;
                }
                j = t + 1;
                words_end = j;
                gap = false;
            }
            PatternToken::Gap => gap = true,
            PatternToken::Target | PatternToken::Phrase => {
                // The phrase runs to the next pattern word, or to the end of the clause.
                let limit = clause_end(doc, j, end);
                let stop = match rest.get(k + 1) {
                    Some(PatternToken::Words(alts)) => (j..limit.min(j + 12)).find(|&t| alts.iter().any(|a| a == doc.word(t)))?,
                    _ => limit.min(j + 12),
                };
                if stop == j {
                    return None;
                }
                if *token == PatternToken::Target {
                    target = Some((j, stop));
                }
                j = stop;
            }
        }
    }
    Some(Match { end: j, words_end, target, skipped })
}

/// One past the last token of the clause that starts at token `j`: commas
/// do not end it (they join coordinated actors), clause words do.
fn clause_end(doc: &DocView<'_>, j: usize, end: usize) -> usize {
    (j..end).find(|&t| is_target_stop(doc.word(t))).unwrap_or(end)
}

/// The verb group before a head: auxiliaries, modals, negation, adverbs and
/// verbs of intent ("has not", "are expected to", "will probably").
struct VerbGroup {
    start: usize,
    be: bool,
    negated: bool,
    hypothetical: bool,
    /// The subject's own will: "will", "would", "plans to", "agreed to" (not "is expected to").
    intent: bool,
    /// "must", "should": someone requires it.
    obligation: bool,
    /// A stated refusal: "refused to", "declined to", "will not", "won't".
    refusal: bool,
}

fn verb_group(doc: &DocView<'_>, i: usize, sent_start: usize) -> VerbGroup {
    let mut g = VerbGroup { start: i, be: false, negated: false, hypothetical: false, intent: false, obligation: false, refusal: false };
    let mut future = false;
    let mut k = i;
    while k > sent_start {
        let w = doc.word(k - 1);
        let adverb = w.ends_with("ly") && doc.is_word(k - 1) && doc.mention(k - 1).is_none() && w.len() > 4
            || is_time_word(w)
            || w == "on" && k < i && is_time_word(doc.word(k));
        if is_auxiliary(w) || adverb {
            g.negated |= is_negation(w);
            g.hypothetical |= is_modal(w) || matches!(w, "must" | "should");
            g.intent |= matches!(w, "will" | "would" | "’ll" | "'ll" | "shall");
            g.obligation |= matches!(w, "must" | "should");
            future |= matches!(w, "will" | "would" | "’ll" | "'ll" | "shall" | "won't" | "won’t" | "wouldn't" | "wouldn’t");
        } else if (is_intent(w) || is_refusal(w) || matches!(w, "agreed" | "agrees" | "agree")) && doc.word(past_time_words(doc, k, i)) == "to" {
            g.hypothetical |= is_intent(w) || w.starts_with("agree");
            g.intent |= is_own_intent(w) || w.starts_with("agree");
            g.negated |= is_refusal(w);
            // ("failed to", "avoided" say it did not happen, not that it was refused.)
            g.refusal |= is_refusal(w) && !w.starts_with("fail") && w != "avoided";
        } else if matches!(w, "ready" | "prepared" | "willing") && doc.word(past_time_words(doc, k, i)) == "to" {
            g.hypothetical = true;
            g.intent = true;
        } else {
            break;
        }
        k -= 1;
        g.start = k;
    }
    g.refusal |= g.negated && future;
    // A form of "be" right before the participle, adverbs aside, makes it
    // passive ("was later released", "to be released"); one further back
    // belongs to another verb ("is expected to release").
    g.be = (g.start..i).rev().find(|&t| !(doc.word(t).ends_with("ly") || matches!(doc.word(t), "not" | "never" | "also" | "later" | "reportedly"))).is_some_and(|t| is_be(doc.word(t)));
    g
}

/// The first token from `k` (before `end`) that is not a time word: "threatened
/// *on Monday* to", "agreed *today* to".
fn past_time_words(doc: &DocView<'_>, mut k: usize, end: usize) -> usize {
    while k + 1 < end && (is_time_word(doc.word(k)) || doc.word(k) == "on" && is_time_word(doc.word(k + 1))) {
        k += 1;
    }
    k
}

/// "the hostages released by Hamas", "servicemen captured in Mariupol": a
/// participle right after a common noun and before a preposition is a
/// reduced passive, whose source is only the `by` agent, if any. Before an
/// object it is a past tense ("the movement rejected an invitation").
fn after_plain_noun(doc: &DocView<'_>, i: usize, sent_start: usize) -> bool {
    let next = doc.tokens.get(i + 1).map_or(".", |_| doc.word(i + 1));
    (is_preposition(next) || matches!(next, "," | "." | ";"))
        && i > sent_start
        && doc.is_word(i - 1)
        && doc.mention(i - 1).is_none()
        && doc.raw(i - 1).starts_with(char::is_lowercase)
        && !is_auxiliary(doc.word(i - 1))
        && !is_determiner(doc.word(i - 1))
        && !matches!(doc.word(i - 1), "he" | "she" | "they" | "it" | "we" | "i" | "you" | "who" | "which" | "that" | "and" | "or" | "but")
        && !doc.word(i - 1).ends_with("ly")
}

/// Whether token `t` ends an actor mention that names people by a common
/// noun ("servicemen", "police officers") or a plural demonym
/// ("Palestinians", "Iraqis"): such nouns take reduced relatives ("servicemen
/// captured during the siege"), names of states and groups rarely do.
fn people_noun(doc: &DocView<'_>, t: usize) -> bool {
    let raw = doc.raw(t);
    doc.mention(t).is_some_and(|m| m.tokens.1 == t + 1 && matches!(m.who, Who::Actor(_)))
        && (raw.starts_with(char::is_lowercase) || raw.starts_with(char::is_uppercase) && (raw.ends_with("ans") || raw.ends_with("is")))
}

/// The subject found for a verb group.
struct Subject {
    mentions: Vec<Mention>,
    /// 0: in the same clause right before the verb; 1: further in the clause; 2: a clause before.
    distance: usize,
}

/// The subject of the verb group starting at token `g`.
fn subject(doc: &DocView<'_>, g: usize, sent_start: usize) -> Subject {
    // A trigger after "to" or a gerund takes its subject from the governing verb, across other verbs.
    let finite = g < doc.tokens.len() && doc.word(g) != "to" && !doc.word(g).ends_with("ing");
    let mut clause_start = g;
    let mut distance = 0;
    loop {
        let region_end = clause_start;
        clause_start = (sent_start..region_end).rev().find(|&t| is_clause_boundary(doc.word(t)) && !in_bracketed_name(doc, t)).map_or(sent_start, |t| t + 1);
        // Relative clauses: the verb right after the pronoun has the antecedent
        // as subject ("Hamas, which rejected the plan"); so does the main verb
        // after a clause set off by commas ("Kenya, which has sent troops to
        // Somalia, criticised …"), not an actor inside that clause.
        if distance == 0 && clause_start > sent_start && matches!(doc.word(clause_start - 1), "who" | "which" | "that") {
            let right_after = clause_start == region_end;
            let after_the_clause = region_end > clause_start && doc.word(region_end - 1) == "," && doc.word(clause_start - 1) != "that";
            if right_after || after_the_clause {
                if let Some(m) = relative_antecedent(doc, clause_start - 1, sent_start) {
                    let mut mentions = coordinated_before(doc, m, sent_start);
                    mentions.push(m);
                    return Subject { mentions, distance: 1 };
                }
                // ("The bombing in Mogadishu, which Ethiopia condemned, killed":
                // the subject is the bombing, no actor.)
                if after_the_clause {
                    return Subject { mentions: Vec::new(), distance: 3 };
                }
            }
        }
        // A subject ends a mention of an actor and is no prepositional object
        // ("after" opening a clause is no preposition: "after a China Coast
        // Guard vessel fired").
        let eligible = |t: &usize| {
            doc.mention(*t).is_some_and(|m| {
                m.tokens.1 - 1 == *t
                    && matches!(m.who, Who::Actor(_))
                    && !backer_of_next(doc, m)
                    && (!after_preposition(doc, m.tokens.0, clause_start) || distance == 0 && opens_subordinate_clause(doc, m, region_end))
            })
        };
        // In the verb's own clause the subject is the nearest actor before it;
        // in a clause it borrows from, the first (later ones are objects).
        // A participle clause after a comma (", killing one person and arresting
        // 12") has the main clause's subject, the first actor after any speech
        // verb, not the object nearest to it ("opened fire to disperse
        // demonstrators, killing one").
        let participle_clause = distance == 0
            && !finite
            && g < doc.tokens.len()
            && doc.word(g).ends_with("ing")
            && (clause_start..region_end).any(|t| doc.word(t) == "," && t + 1 < doc.tokens.len() && doc.word(t + 1).ends_with("ing") && doc.is_word(t + 1));
        let candidate = if participle_clause {
            let main_start = (clause_start..region_end).rev().find(|&t| is_speech(doc.word(t))).map_or(clause_start, |t| t + 1);
            // (Past a demonym to the titled person: "Ukrainian President Volodymyr Zelensky".)
            (main_start..region_end).find(eligible).map(|t| titled_person(doc, *doc.mention(t).expect("eligible mentions exist")).tokens.1 - 1)
        } else if distance < 2 {
            (clause_start..region_end).rev().find(eligible)
        } else {
            (clause_start..region_end).find(eligible)
        };
        // Another finite verb between the candidate and a finite trigger makes
        // the candidate that verb's subject ("U.N. agencies say …, and aid groups have warned").
        // (Unless that verb's auxiliary serves both: "Nepal has established ties with and opened an embassy".)
        let candidate = candidate.filter(|&t| {
            let m = doc.mention(t).expect("eligible mentions exist");
            let markers = || (m.tokens.1..region_end).filter(|&k| is_finite_marker(doc.word(k)));
            let coordinated_predicate = region_end > m.tokens.1 && matches!(doc.word(region_end - 1), "and" | "or");
            let shared_auxiliary = coordinated_predicate && markers().all(|k| is_auxiliary(doc.word(k)) && (m.tokens.1..k).all(|j| doc.word(j).ends_with("ly") || is_auxiliary(doc.word(j))));
            !(finite && distance < 2 && markers().next().is_some() && !shared_auxiliary)
        });
        if let Some(t) = candidate {
            let m = *doc.mention(t).expect("found above");
            // "… killed one US soldier and wounded two others": the actor is the
            // first verb's object; the second verb shares that verb's subject.
            let coordinated = g > sent_start && matches!(doc.word(g - 1), "and" | "or");
            if distance == 0 && finite && coordinated && m.tokens.1 + 1 == g
                && let Some(verb) = verb_before_object(doc, m, clause_start) {
                return subject(doc, verb_group(doc, verb, sent_start).start, sent_start);
            }
            if distance == 0 && region_end - m.tokens.1 > 3 {
                distance = 1;
            }
            // "Pakistan, a key US ally, refused": the actor before an
            // apposition is the subject (as near to the verb as the apposition).
            let m = if distance < 2 { apposition_head(doc, m, clause_start, region_end).filter(|h| h.who != m.who).unwrap_or(m) } else { m };
            let mut mentions = coordinated_before(doc, m, clause_start);
            mentions.push(m);
            mentions.extend(coordinated_after(doc, m, region_end));
            return Subject { mentions, distance };
        }
        // "Nigeria announced that it will withdraw": a pronoun subject.
        if distance < 2 && region_end > clause_start {
            let pronoun = doc.word(region_end - 1);
            if matches!(pronoun, "he" | "she" | "it" | "they") {
                let found = antecedent(doc, region_end - 1, sent_start, pronoun);
                return Subject { mentions: found.into_iter().collect(), distance: 2 };
            }
            // "… said their forces had completed the withdrawal": the possessor acts through them.
            if region_end >= clause_start + 2 && is_representative(doc.word(region_end - 1)) {
                let pronoun = match doc.word(region_end - 2) {
                    "their" => Some("they"),
                    "its" => Some("it"),
                    "his" => Some("he"),
                    "her" => Some("she"),
                    _ => None,
                };
                if let Some(pronoun) = pronoun {
                    let found = antecedent(doc, region_end - 2, sent_start, pronoun);
                    return Subject { mentions: found.into_iter().collect(), distance: 2 };
                }
            }
        }
        if clause_start <= sent_start {
            return Subject { mentions: Vec::new(), distance: 3 };
        }
        // A clause with its own subject ("… and aid groups warned") borrows none.
        let own_subject = (clause_start..region_end).any(|t| doc.is_word(t) && !is_auxiliary(doc.word(t)) && !doc.word(t).ends_with("ly") && !matches!(doc.word(t), "and" | "or" | "but"));
        if own_subject {
            return Subject { mentions: Vec::new(), distance: 3 };
        }
        // Relative pronouns and subordinators introduce a clause whose subject is not in the clause before.
        let boundary = doc.word(clause_start - 1);
        if matches!(boundary, "which" | "who" | "whom" | "whose" | "that") {
            return Subject { mentions: Vec::new(), distance: 3 };
        }
        clause_start -= 1;
        distance = 2;
    }
}

/// Whether the bracket at token `t` encloses only a short name, such as an
/// acronym after the full name ("(ECOWAS)"), which does not end a clause.
fn in_bracketed_name(doc: &DocView<'_>, t: usize) -> bool {
    let name = |range: std::ops::Range<usize>| !range.is_empty() && range.len() <= 3 && range.into_iter().all(|k| doc.is_word(k) && doc.raw(k).starts_with(char::is_uppercase));
    match doc.word(t) {
        ")" => (t.saturating_sub(4)..t).rev().find(|&o| doc.word(o) == "(").is_some_and(|o| name(o + 1..t)),
        "(" => (t + 1..(t + 5).min(doc.tokens.len())).find(|&c| doc.word(c) == ")").is_some_and(|c| name(t + 1..c)),
        _ => false,
    }
}

/// The verb whose object mention `m` is: a past form right before its
/// noun phrase ("*killed* one US soldier", "*shot* two Iraqi youths"), past
/// determiners, numbers and modifiers.
fn verb_before_object(doc: &DocView<'_>, m: Mention, clause_start: usize) -> Option<usize> {
    const IRREGULAR_PAST: &[&str] = &["struck", "hit", "shot", "fought", "beat", "met", "held", "sent", "took", "seized", "freed", "told", "gave", "caught", "left", "brought", "sought", "overran", "drove", "threw"];
    let mut k = m.tokens.0;
    for _ in 0..4 {
        if k <= clause_start {
            return None;
        }
        let w = doc.word(k - 1);
        let past = doc.is_word(k - 1) && w.len() > 3 && w.ends_with("ed") && doc.raw(k - 1).starts_with(char::is_lowercase) || IRREGULAR_PAST.contains(&w);
        if past && !doc.in_hyphen_compound(k - 1) {
            return Some(k - 1);
        }
        let modifier = is_determiner(w) || doc.tokens[k - 1].kind == TokenKind::Number || doc.is_word(k - 1) && doc.raw(k - 1).starts_with(char::is_lowercase) && !is_preposition(w) && !is_auxiliary(w) && !matches!(w, "and" | "or");
        if !modifier {
            return None;
        }
        k -= 1;
    }
    None
}

/// The actor a relative pronoun at token `p` refers to: the mention right
/// before it, or before its comma ("Kenya, which", "the militia that").
fn relative_antecedent(doc: &DocView<'_>, p: usize, sent_start: usize) -> Option<Mention> {
    let end = if p > sent_start + 1 && doc.word(p - 1) == "," { p - 1 } else { p };
    (end > sent_start).then(|| doc.mention(end - 1)).flatten().filter(|m| m.tokens.1 == end && matches!(m.who, Who::Actor(_))).copied()
}

/// The actor that the apposition holding `m` describes: "*Pakistan*, a key
/// US ally in the region, has refused", "*Qatar's emir*, Sheikh Tamim,
/// said". The apposition opens with a comma right after that actor, holds
/// no verb, and closes with a comma before the verb group at `region_end`.
fn apposition_head(doc: &DocView<'_>, m: Mention, clause_start: usize, region_end: usize) -> Option<Mention> {
    let opening = (clause_start..m.tokens.0).rev().take(12).find(|&t| doc.word(t) == ",")?;
    // A name ("Sheikh Tamim") or a description ("a key ally", "the group's leader").
    let titles_only = (opening + 1..m.tokens.0).all(|t| doc.raw(t).starts_with(char::is_uppercase));
    if !(titles_only || is_determiner(doc.word(opening + 1))) {
        return None;
    }
    let closing = match (m.tokens.1..region_end).find(|&t| doc.word(t) == ",") {
        Some(c) => c,
        // An uncoded name right before the verb may stand without its closing comma.
        None if titles_only && m.tokens.1 == region_end && matches!(m.who, Who::Actor(a) if doc.input.actors[a].code.is_none()) => region_end,
        None => return None,
    };
    if (closing + 1..region_end).any(|t| doc.is_word(t) && !is_auxiliary(doc.word(t)) && !doc.word(t).ends_with("ly") && !is_time_word(doc.word(t))) {
        return None;
    }
    if (opening + 1..closing).any(|t| is_finite_marker(doc.word(t)) || matches!(doc.word(t), "and" | "or")) {
        return None;
    }
    let head = doc.mention(opening.checked_sub(1)?).filter(|h| h.tokens.1 == opening && matches!(h.who, Who::Actor(_)))?;
    let coded = |x: &Mention| matches!(x.who, Who::Actor(a) if doc.input.actors[a].code.is_some());
    (coded(head) && !after_preposition(doc, head.tokens.0, clause_start)).then_some(*head)
}

/// Whether mention `m` is the subject of a clause opened by a conjunction
/// that is also a preposition, whose verb group starts at `verb`: "after
/// *Hamas* fired rockets", "since *a China Coast Guard vessel* rammed". Only
/// words of its noun phrase stand between it and the verb.
fn opens_subordinate_clause(doc: &DocView<'_>, m: &Mention, verb: usize) -> bool {
    let mut k = m.tokens.0;
    while k > 0 && doc.mention(k - 1).is_none() && is_determiner(doc.word(k - 1)) {
        k -= 1;
    }
    let opener = k > 0 && matches!(doc.word(k - 1), "after" | "before" | "since" | "until" | "once");
    let noun_phrase = (m.tokens.1..verb).all(|t| doc.is_word(t) && !is_auxiliary(doc.word(t)) && !is_finite_marker(doc.word(t)) && !is_preposition(doc.word(t)) && !is_clause_boundary(doc.word(t)));
    opener && verb - m.tokens.1 <= 4 && noun_phrase
}

/// What a subject pronoun at token `p` refers to: the nearest actor before
/// it in the sentence that is not a prepositional object, else the first
/// actor of the sentence before; "he"/"she" only a person, "it" not a person.
fn antecedent(doc: &DocView<'_>, p: usize, sent_start: usize, pronoun: &str) -> Option<Mention> {
    let fits = |m: &Mention| match m.who {
        Who::Actor(a) => {
            let person = doc.input.actors[a].kind == crate::lexicon::ActorKind::Person;
            match pronoun {
                // Or an office held by one person: "Egypt's president said he …".
                "he" | "she" => person || m.tokens.1 > 0 && is_personal_office(doc.word(m.tokens.1 - 1)) || office_holder_of(doc, m.tokens.0),
                "it" => !person,
                // "they" needs a plural: "the rebels", "Palestinians", "Bosnian Serbs", not one leader.
                _ => !person && (m.span.of(doc.input.text).ends_with('s') || m.tokens.1 < doc.tokens.len() && doc.is_word(m.tokens.1) && doc.word(m.tokens.1).ends_with('s') && doc.raw(m.tokens.1).starts_with(char::is_uppercase)),
            }
        }
        Who::Place(_) => false,
    };
    let before = &doc.mentions[..doc.mentions.partition_point(|m| m.tokens.1 <= p)];
    let in_sentence = before.iter().rev().take_while(|m| m.tokens.0 >= sent_start).find(|m| fits(m) && !after_preposition(doc, m.tokens.0, sent_start));
    if let Some(m) = in_sentence {
        return Some(*m);
    }
    let current = doc.input.seg.sentences.partition_point(|s| s.tokens.end <= sent_start);
    let prev_range = doc.input.seg.sentences.get(current.checked_sub(1)?)?.tokens.clone();
    before.iter().filter(|m| m.tokens.0 >= prev_range.start && m.tokens.1 <= prev_range.end).find(|m| fits(m)).copied()
}

/// Whether the mention starting at token `t` is the object of a preposition
/// (or of a speech cue), looking back over determiners and modifiers.
fn after_preposition(doc: &DocView<'_>, t: usize, clause_start: usize) -> bool {
    governing_preposition(doc, t, clause_start).is_some()
}

/// The preposition whose object the mention starting at token `t` is, if
/// any (see [`after_preposition`]).
fn governing_preposition(doc: &DocView<'_>, t: usize, clause_start: usize) -> Option<usize> {
    if office_holder_of(doc, t) {
        return None;
    }
    let mut k = t;
    for _ in 0..3 {
        if k <= clause_start {
            return None;
        }
        let w = doc.word(k - 1);
        // "According to reports the UK is …": a noun after "according to" is its whole object.
        if w == "to" && k < t && k >= 2 && doc.word(k - 2) == "according" {
            return None;
        }
        if is_preposition(w) {
            // "Delegations from Sudan's army", "officials of Hamas": people who
            // act for it; "thousands of Kenyans", "200 of the strikers": part of it;
            // "security forces in Guinea": the forces of the place's state.
            // (A noun inside a mention already is the actor: "US troops in Iraq".)
            // (The noun may be a mention of its own when the actors stage
            // placed it by the sentence's country: "Supporters of Hamas".)
            let before = k.checked_sub(2).filter(|&b| doc.mention(b).is_none() || is_representative(doc.word(b))).map(|b| (doc.word(b), doc.tokens[b].kind == TokenKind::Number));
            let for_actor = match (w, before) {
                ("from" | "of", Some((noun, _))) if is_representative(noun) || is_people_noun(noun) => true,
                ("of", Some((noun, number))) => is_partitive(noun) || number,
                // ("a group based in Trinidad", "a newspaper based in Beirut": of that country.)
                ("in", Some((noun, _))) => is_representative(noun) || is_people_noun(noun) || matches!(noun, "rebels" | "insurgents" | "based"),
                _ => false,
            };
            return (!for_actor).then_some(k - 1);
        }
        // (Another name, or a word in capitals, ends the walk: "operating in
        // Iraq said *US* …" is no object of "in".)
        let lowercase_word = doc.is_word(k - 1) && doc.mention(k - 1).is_none() && doc.raw(k - 1).chars().all(char::is_lowercase);
        let in_phrase = is_determiner(w) || lowercase_word && !is_auxiliary(w) && !matches!(w, "and" | "or");
        if !in_phrase {
            return None;
        }
        k -= 1;
    }
    None
}

/// Whether the mention starting at token `t` names the state of an office
/// holder before it: "King Hassan *of Morocco*", "the President *of Kenya*".
fn office_holder_of(doc: &DocView<'_>, t: usize) -> bool {
    if t < 2 || doc.word(t - 1) != "of" {
        return false;
    }
    // The office, then at most two words of the holder's name.
    (t.saturating_sub(5)..t - 1).rev().take(3).take_while(|&k| doc.mention(k).is_none() && doc.raw(k).starts_with(char::is_uppercase)).any(|k| is_personal_office(doc.word(k)))
}

/// Mentions coordinated before `m`: "Hamas, Fatah, and Islamic Jihad"
/// from "Islamic Jihad". The link right before `m` must hold "and" or "or";
/// a comma alone is not a list ("After talks with the US, Manila said").
fn coordinated_before(doc: &DocView<'_>, m: Mention, floor: usize) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut k = m.tokens.0;
    loop {
        let mut j = k;
        let (mut comma, mut conjunction) = (false, false);
        // Titles between the link and the name: "and Bulgarian President Todor
        // Zhivkov" (the demonym may be a mention of its own).
        let mut titles = 0;
        while j > floor + 1 && titles < 3 {
            let demonym = doc.mention(j - 1).filter(|d| titles > 0 && d.tokens.1 == j && titled_person(doc, **d).who != d.who);
            if let Some(d) = demonym {
                j = d.tokens.0;
                titles += 1;
                continue;
            }
            if doc.mention(j - 1).is_some() || !doc.raw(j - 1).starts_with(char::is_uppercase) {
                break;
            }
            titles += 1;
            j -= 1;
        }
        while j > floor && matches!(doc.word(j - 1), "," | "and" | "or" | "the" | "his" | "her" | "its" | "their") {
            comma |= doc.word(j - 1) == ",";
            conjunction |= matches!(doc.word(j - 1), "and" | "or");
            j -= 1;
        }
        // "Israel, the US, and other Western governments": the list goes on after `m`.
        let list_goes_on = matches!(doc.word(m.tokens.1.min(doc.tokens.len() - 1)), ",") && m.tokens.1 + 1 < doc.tokens.len() && matches!(doc.word(m.tokens.1 + 1), "and" | "or");
        let linked = if found.is_empty() { conjunction || comma && list_goes_on } else { comma || conjunction };
        if !linked || j <= floor {
            break;
        }
        // An acronym in brackets after the name: "the Economic Community of West African States (ECOWAS) and".
        if doc.word(j - 1) == ")"
            && let Some(open) = (j.saturating_sub(5).max(floor)..j - 1).rev().find(|&t| doc.word(t) == "(") {
            j = open;
        }
        if j <= floor {
            break;
        }
        match doc.mention(j - 1) {
            // ("the troop surge in Iraq, Obama and Clinton withdrew": Iraq is the
            // object of "in"; "as China and Russia support": "as" opens a clause.)
            Some(prev)
                if matches!(prev.who, Who::Actor(_))
                    && governing_preposition(doc, prev.tokens.0, floor).is_none_or(|p| matches!(doc.word(p), "as" | "after" | "before" | "since" | "until" | "once" | "than" | "like")) =>
            {
                found.push(*prev);
                k = prev.tokens.0;
            }
            _ => break,
        }
    }
    found.reverse();
    found
}

/// Mentions coordinated after `m`, up to token `limit`: a list of commas
/// counts only up to its "and"/"or" link.
fn coordinated_after(doc: &DocView<'_>, m: Mention, limit: usize) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut confirmed = 0;
    let mut k = m.tokens.1;
    loop {
        let mut j = k;
        let (mut comma, mut conjunction) = (false, false);
        while j < limit && matches!(doc.word(j), "," | "and" | "or" | "the" | "both" | "his" | "her" | "its" | "their") {
            comma |= doc.word(j) == ",";
            conjunction |= matches!(doc.word(j), "and" | "or");
            j += 1;
        }
        // Titles before the next name: "and Japanese Prime Minister Ryutaro Hashimoto".
        let mut titles = 0;
        while (comma || conjunction) && j < limit && titles < 3 && doc.mention(j).is_none() && doc.raw(j).starts_with(char::is_uppercase) {
            titles += 1;
            j += 1;
        }
        if !(comma || conjunction) || j >= limit {
            break;
        }
        match doc.mention(j).map(|next| titled_person(doc, *next)) {
            Some(next) if next.tokens.1 <= limit => {
                found.push(next);
                if conjunction {
                    confirmed = found.len();
                }
                k = next.tokens.1;
            }
            _ => break,
        }
    }
    found.truncate(confirmed);
    found
}

/// The person a demonym introduces as part of a title: "*Bulgarian*
/// President Todor Zhivkov" is Zhivkov; any other mention is itself.
fn titled_person(doc: &DocView<'_>, m: Mention) -> Mention {
    if !matches!(m.who, Who::Actor(_)) {
        return m;
    }
    let mut t = m.tokens.1;
    while t < doc.tokens.len() && t < m.tokens.1 + 3 && doc.mention(t).is_none() && doc.is_word(t) && doc.raw(t).starts_with(char::is_uppercase) {
        t += 1;
    }
    let person = |p: &&Mention| matches!(p.who, Who::Actor(a) if doc.input.actors[a].kind == crate::lexicon::ActorKind::Person);
    match doc.mention(t).filter(person) {
        Some(p) if t > m.tokens.1 => *p,
        _ => m,
    }
}

/// The actors in tokens `from..to`: the first one that starts within `reach`
/// tokens, and those coordinated with it.
fn actors_in(doc: &DocView<'_>, from: usize, to: usize, reach: usize) -> Vec<Mention> {
    let to = to.min(doc.tokens.len());
    let limit = to.min(from.saturating_add(reach));
    // A place after "in"/"at" is where the event happens, not its target
    // ("a meeting in Moscow"); after "to"/"on"/"against" it is the target ("aid to Gaza").
    // An actor right before a speech verb is its speaker ("…, Thai military sources said").
    // A state named after a place and a comma locates it ("met in Hangzhou, China").
    let locates_place = |m: &Mention| m.tokens.0 >= 2 && doc.word(m.tokens.0 - 1) == "," && doc.mention(m.tokens.0 - 2).is_some_and(|p| matches!(p.who, Who::Place(_)));
    let target_like = |m: &&Mention| match m.who {
        Who::Actor(_) => !speaker_before_cue(doc, m) && !backer_of_next(doc, m) && !locates_place(m),
        Who::Place(_) => m.tokens.0 == from || !matches!(doc.word(m.tokens.0 - 1), "in" | "at" | "near" | "inside" | "outside" | "from" | "across" | "throughout" | "of"),
    };
    let Some(&first) = (from..limit).find_map(|t| doc.mention(t).filter(target_like)) else {
        return group_anaphor(doc, from, limit).into_iter().collect();
    };
    // Prefer actors over places: "aid to Gaza" has only a place, "talks in Doha with Hamas" an actor.
    let later_actor = || (first.tokens.1..limit).find_map(|t| doc.mention(t).filter(|m| matches!(m.who, Who::Actor(_))).copied());
    let head = match first.who {
        Who::Place(_) => later_actor().unwrap_or(first),
        Who::Actor(_) => titled_person(doc, first),
    };
    let mut found = vec![head];
    found.extend(coordinated_after(doc, head, to));
    found
}

/// Whether mention `m` only backs the actor named after it: "*Russian*-backed
/// separatists", "*Iran*-sponsored militias" are not Russia or Iran
/// ("Saudi-led forces" are led, and so are the Saudis').
fn backer_of_next(doc: &DocView<'_>, m: &Mention) -> bool {
    let hyphen = m.tokens.1;
    hyphen + 1 < doc.tokens.len()
        && doc.in_hyphen_compound(hyphen)
        && matches!(doc.word(hyphen + 1), "backed" | "supported" | "sponsored" | "funded" | "financed" | "trained" | "armed" | "allied" | "aligned" | "inspired" | "linked")
}

/// Whether mention `m` is the speaker of an attribution that follows it:
/// "Thai military sources said", "the ministry told reporters".
fn speaker_before_cue(doc: &DocView<'_>, m: &Mention) -> bool {
    let mut k = m.tokens.1;
    if k < doc.tokens.len() && matches!(doc.word(k), "sources" | "officials" | "spokesman" | "spokeswoman" | "spokesperson" | "officers") {
        k += 1;
    }
    if k < doc.tokens.len() && matches!(doc.word(k), "here" | "there" | "later" | "also") {
        k += 1;
    }
    k < doc.tokens.len() && matches!(doc.word(k), "said" | "says" | "told" | "reported" | "reports" | "announced" | "added" | "confirmed" | "claimed")
}

/// The actors holding the people named from token `from`: "citizens held
/// hostage *by Hamas*", "soldiers captured by the rebels".
fn captors_after(doc: &DocView<'_>, from: usize, sent_end: usize) -> Option<Vec<Mention>> {
    let end = clause_end(doc, from, sent_end).min(from + 12);
    let held = (from..end).find(|&t| matches!(doc.word(t), "held" | "detained" | "captured" | "kidnapped" | "abducted" | "imprisoned" | "jailed" | "seized"))?;
    let mut by = held + 1;
    if by < end && matches!(doc.word(by), "hostage" | "captive" | "prisoner" | "prisoners" | "hostages" | "captives") {
        by += 1;
    }
    if by >= end || doc.word(by) != "by" {
        return None;
    }
    let captors = actors_in(doc, by + 1, clause_end(doc, by + 1, sent_end), 3);
    (!captors.is_empty()).then_some(captors)
}

/// "the group", "the army", "the government": the group (or the actor with
/// that sector) last named before, as a mention of it ("the UAE opposes the
/// group" after Hamas was named).
fn group_anaphor(doc: &DocView<'_>, from: usize, to: usize) -> Option<Mention> {
    // The noun and what the antecedent must be: a group, or a code with this sector.
    let kind_of = |w: &str| match w {
        "group" | "movement" | "organisation" | "organization" | "militants" | "militia" | "faction" => Some(""),
        "army" | "military" => Some("MIL"),
        "government" | "administration" => Some("GOV"),
        "rebels" | "insurgents" => Some("REB"),
        _ => None,
    };
    let (at, sector) = (from..to.saturating_sub(1)).find_map(|t| (doc.word(t) == "the").then(|| kind_of(doc.word(t + 1)).map(|k| (t, k))).flatten())?;
    let fits = |a: usize| {
        let actor = &doc.input.actors[a];
        if sector.is_empty() {
            actor.kind == crate::lexicon::ActorKind::Group
        } else {
            actor.code.as_deref().is_some_and(|c| c.len() >= 6 && &c[3..6] == sector)
        }
    };
    let antecedent = doc.mentions[..doc.mentions.partition_point(|m| m.tokens.1 <= at)]
        .iter()
        .rev()
        .take(30)
        .find(|m| matches!(m.who, Who::Actor(a) if fits(a)))?;
    let span = Span::new(doc.tokens[at].span.start, doc.tokens[at + 1].span.end);
    Some(Mention { span, tokens: (at, at + 2), who: antecedent.who })
}

/// The actor modifying an event noun: "Israel's war", "the Russian invasion", "its ally Iran's strikes".
fn modifier_of_noun(doc: &DocView<'_>, i: usize, sent_start: usize) -> Option<Mention> {
    let mut k = i;
    for _ in 0..4 {
        if k <= sent_start {
            return None;
        }
        if let Some(m) = doc.mention(k - 1) {
            // ("the American-backed offensive" is not America's.)
            return (matches!(m.who, Who::Actor(_)) && !backer_of_next(doc, m)).then_some(*m);
        }
        let w = doc.word(k - 1);
        let modifier = matches!(w, "’s" | "'s" | "-" | "full" | "scale") || doc.is_word(k - 1) && !is_determiner(w) && !is_preposition(w) && !is_auxiliary(w);
        if !modifier {
            return None;
        }
        k -= 1;
    }
    None
}

/// "The Red Cross said US and British forces must ensure security": whatever
/// the verb, a reported obligation is the speaker's demand on the subject.
fn code_obligation(coder: &EventCoder, doc: &DocView<'_>, s: usize, must: usize, out: &mut Vec<Event>) {
    let (sent_start, _) = doc.sentence_tokens(s);
    let group = verb_group(doc, must + 1, sent_start);
    if group.negated || conditional_or_question(doc, s, must) {
        return;
    }
    let clause_subject = subject(doc, group.start, sent_start).mentions;
    let Some(speakers) = speaker_of_clause(doc, &clause_subject, sent_start) else { return };
    let Some(code) = coder.ontology.get("100") else { return };
    let facts = EventFacts { code, trigger: doc.tokens[must].span, sentence: doc.input.seg.sentences[s].span, negated: false, hypothetical: false };
    for source in &speakers {
        for target in &clause_subject {
            let (source, target) = (doc.participant(source), doc.participant(target));
            if source.code.is_none() || source.code == target.code {
                continue;
            }
            out.push(facts.event(source, Some(target), 0.6));
        }
    }
}

/// What every event coded from one trigger shares; the stage adds date and
/// location once the sentence's events are deduplicated.
struct EventFacts<'c> {
    code: &'c CameoCode,
    trigger: Span,
    sentence: Span,
    negated: bool,
    hypothetical: bool,
}

impl EventFacts<'_> {
    fn event(&self, source: Participant, target: Option<Participant>, confidence: f32) -> Event {
        Event {
            source,
            target,
            cameo: self.code.code.clone(),
            plover: self.code.plover.clone(),
            goldstein: self.code.goldstein,
            quad_class: self.code.quad_class,
            trigger: self.trigger,
            sentence: self.sentence,
            date: None,
            negated: self.negated,
            hypothetical: self.hypothetical,
            location: None,
            confidence,
        }
    }
}

/// The CAMEO code for a subject's stated intent to do what `code` names:
/// the 03 "express intent" codes for cooperation, the 13 threats for
/// conflict; verbal codes (01, 02, 09–13) stay as they are.
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "057" => "030",
        c if c.starts_with("04") => "036",
        c if c.starts_with("05") => "032",
        "061" => "0311",
        "062" => "0312",
        "063" => "0313",
        "064" => "0314",
        c if c.starts_with("06") => "031",
        "071" => "0331",
        "072" => "0332",
        "073" => "0333",
        "074" => "0334",
        c if c.starts_with("07") => "033",
        c if c.starts_with("081") => "0351",
        c if c.starts_with("082") => "0352",
        c if c.starts_with("084") => "0353",
        c if c.starts_with("085") => "0354",
        c if c.starts_with("086") => "0355",
        c if c.starts_with("087") => "0356",
        c if c.starts_with("08") => "035",
        c if c.starts_with("14") => "133",
        c if c.starts_with("15") => "138",
        "161" | "164" => "1313",
        "162" => "1311",
        "163" => "1312",
        c if c.starts_with("16") => "131",
        c if c.starts_with("17") => "137",
        c if c.starts_with("18") => "1383",
        c if c.starts_with("19") => "1384",
        c if c.starts_with("20") => "1385",
        _ => return None,
    })
}

/// The CAMEO rejection (12) of a refused cooperation, aid or concession:
/// refusing to meet is 125, to give aid 122, to release people 1243.
fn refusal_code(code: &str) -> Option<&'static str> {
    Some(match code {
        "045" | "038" => "126",
        c if c.starts_with("04") => "125",
        "057" => "127",
        "061" => "1211",
        "062" => "1212",
        "063" => "1213",
        "064" => "1214",
        c if c.starts_with("06") => "121",
        "071" => "1221",
        "072" => "1222",
        "073" => "1223",
        "074" => "1224",
        c if c.starts_with("07") => "122",
        c if c.starts_with("081") => "1241",
        c if c.starts_with("082") => "1242",
        c if c.starts_with("083") => "123",
        c if c.starts_with("084") => "1243",
        c if c.starts_with("085") => "1244",
        c if c.starts_with("086") => "1245",
        c if c.starts_with("087") => "1246",
        c if c.starts_with("08") => "124",
        _ => return None,
    })
}

/// Who reports the clause whose subject is `subject`: "Britain said (that)
/// Libya must …" → Britain.
fn speaker_of_clause(doc: &DocView<'_>, clause_subject: &[Mention], sent_start: usize) -> Option<Vec<Mention>> {
    let first = clause_subject.first()?;
    let mut k = first.tokens.0;
    // Titles before the name: "that President Kagame".
    for _ in 0..3 {
        if k > sent_start + 1 && doc.mention(k - 1).is_none() && doc.is_word(k - 1) && doc.raw(k - 1).starts_with(char::is_uppercase) {
            k -= 1;
        }
    }
    while k > sent_start && (is_determiner(doc.word(k - 1)) && doc.word(k - 1) != "that" || doc.word(k - 1) == "that") {
        k -= 1;
    }
    // Time words between the verb and the clause ("declared Tuesday that").
    while k > sent_start && (is_time_word(doc.word(k - 1)) || doc.word(k - 1) == "on") {
        k -= 1;
    }
    if k <= sent_start || !is_speech(doc.word(k - 1)) {
        return None;
    }
    let speech = k - 1;
    let speaker = subject(doc, verb_group(doc, speech, sent_start).start, sent_start);
    (!speaker.mentions.is_empty()).then_some(speaker.mentions)
}

/// The light verb whose object an event noun is ("launched an attack",
/// "paid a visit", "held talks"), within a few modifier words before it.
fn light_verb_before(doc: &DocView<'_>, i: usize, sent_start: usize) -> Option<usize> {
    const LIGHT: &[&str] = &[
        "launch", "launched", "launches", "launching", "carry", "carried", "carries", "conduct", "conducted", "conducts",
        "stage", "staged", "stages", "make", "made", "makes", "pay", "paid", "pays", "hold", "held", "holds", "begin",
        "began", "begun", "begins", "start", "started", "starts", "continue", "continued", "continues", "resume",
        "resumed", "resumes", "mount", "mounted", "mounts", "open", "opened", "opens", "join", "joined", "joins",
        "host", "hosted", "hosts", "lead", "led", "leads", "announce", "announced", "announces", "have", "had", "has",
        "attend", "attended", "attends", "broker", "brokered", "brokers", "reach", "reached", "reaches", "sign", "signed",
        "complete", "completed", "completes", "order", "ordered", "orders",
    ];
    let mut k = i;
    for _ in 0..4 {
        if k <= sent_start {
            return None;
        }
        let w = doc.word(k - 1);
        if LIGHT.contains(&w) {
            return Some(k - 1);
        }
        // "out" is a particle of the light verb ("carry out"): read past it.
        let noun_phrase_word = is_determiner(w) || doc.is_word(k - 1) && !is_preposition(w) && !is_auxiliary(w);
        if w != "out" && (doc.mention(k - 1).is_some() || !noun_phrase_word) {
            return None;
        }
        k -= 1;
    }
    None
}

/// "no talks", "without a ceasefire".
fn noun_negated(doc: &DocView<'_>, i: usize, sent_start: usize, noun: bool) -> bool {
    noun && (sent_start..i).rev().take(3).any(|t| matches!(doc.word(t), "no" | "without"))
}

/// A modal before an event noun in its clause ("there will be a meeting").
fn modal_in_clause(doc: &DocView<'_>, i: usize, sent_start: usize) -> bool {
    (sent_start..i).rev().take_while(|&t| !is_clause_boundary(doc.word(t))).any(|t| is_modal(doc.word(t)) || is_intent(doc.word(t)) || matches!(doc.word(t), "proposal" | "proposals" | "proposed" | "possible" | "potential"))
}

/// The sentence asks, or the trigger stands in a condition.
fn conditional_or_question(doc: &DocView<'_>, s: usize, i: usize) -> bool {
    let (start, end) = doc.sentence_tokens(s);
    let question = (i..end).any(|t| doc.word(t) == "?") && !(i..end).any(|t| matches!(doc.word(t), "“" | "\"" | "”"));
    let condition = (start..i).rev().take_while(|&t| !matches!(doc.word(t), "," | ";" | ":")).any(|t| is_condition(doc.word(t)));
    question || condition
}

/// How directly each part of an event was found, as a number that orders
/// events by how sure the rules are: a verb pattern with its target where
/// the pattern puts it and the subject right before the verb scores highest;
/// an event noun, a subject borrowed from another clause, skipped words and a
/// place standing for a country lower it.
struct Confidence {
    score: f32,
}

impl Confidence {
    fn new(noun: bool, skipped: usize) -> Confidence {
        Confidence { score: if noun { 0.45 } else { 0.55 } - 0.05 * skipped as f32 }
    }

    fn source(&mut self, distance: usize) {
        self.score += [0.25, 0.15, 0.05, 0.0][distance.min(3)];
    }

    fn target(&mut self, at_slot: bool, targets: &[Mention]) {
        if !targets.is_empty() {
            self.score += if at_slot { 0.15 } else { 0.08 };
        }
    }

    fn value(&self, place_target: bool) -> f32 {
        let score = self.score - if place_target { 0.1 } else { 0.0 };
        (score.clamp(0.05, 0.99) * 100.0).round() / 100.0
    }
}

/// One event per sentence, source, target and CAMEO code: the surest.
fn dedupe(mut events: Vec<Event>) -> Vec<Event> {
    // Codes where there are codes: "war on Gaza" and "killed Palestinians" in one sentence are one PSE target.
    let side = |p: &Participant| p.code.clone().unwrap_or_else(|| p.name.clone());
    let key = |e: &Event| (side(&e.source), e.target.as_ref().map(side), e.cameo.clone());
    let mut kept: Vec<Event> = Vec::new();
    events.sort_by_key(|e| e.trigger.start);
    for e in events {
        match kept.iter_mut().find(|k| key(k) == key(&e)) {
            Some(k) if k.confidence < e.confidence => *k = e,
            Some(_) => {}
            None => kept.push(e),
        }
    }
    kept
}

/// The event's date: the sentence's own, else the last one named in this
/// or the previous paragraph before it, else the document's.
fn event_date(input: &EventInput<'_>, dates: &mut ParagraphDates, s: usize, trigger: Span) -> Option<EventDate> {
    let sentences = &input.seg.sentences;
    let paragraphs = &input.seg.paragraphs;
    let p = paragraphs.partition_point(|p| p.sentences.end <= s);
    let mut near: Vec<DateMention> = Vec::new();
    for q in p.saturating_sub(1)..=p {
        near.extend_from_slice(dates.of(input, q));
    }
    let usable = |d: &&DateMention| matches!(d.anchor, Anchor::At | Anchor::After | Anchor::Until);
    let in_span = |span: Span| near.iter().filter(|d| span.start <= d.start && d.end <= span.end).filter(usable).collect::<Vec<_>>();
    let own = in_span(sentences[s].span);
    if let Some(d) = own.iter().min_by_key(|d| d.start.abs_diff(trigger.start)) {
        return Some(d.date);
    }
    // Narrative time carries on until another date is named: look back to
    // the start of the previous paragraph.
    let context_start = paragraphs.get(p.saturating_sub(1)).map_or(0, |p| p.span.start);
    if let Some(d) = in_span(Span::new(context_start, sentences[s].span.start)).last() {
        return Some(d.date);
    }
    input.published.map(|date| EventDate { date, precision: Precision::Day })
}

/// Date expressions per paragraph, found only for paragraphs an event needs
/// (dates do not run across paragraphs, and most paragraphs have no event).
struct ParagraphDates {
    found: Vec<Option<Vec<DateMention>>>,
}

impl ParagraphDates {
    fn new(input: &EventInput<'_>) -> ParagraphDates {
        ParagraphDates { found: vec![None; input.seg.paragraphs.len()] }
    }

    /// The dates of paragraph `p`, with offsets into the whole text.
    fn of(&mut self, input: &EventInput<'_>, p: usize) -> &[DateMention] {
        let Some(slot) = self.found.get_mut(p) else { return &[] };
        slot.get_or_insert_with(|| {
            let span = input.seg.paragraphs[p].span;
            let mut dates = find_dates(span.of(input.text), input.published);
            for d in &mut dates {
                d.start += span.start;
                d.end += span.start;
            }
            dates
        })
    }
}

/// The place named for the event: a place after a locative preposition in
/// the sentence, the nearest to the trigger.
fn location(doc: &DocView<'_>, s: usize, trigger: Span) -> Option<String> {
    let (start, end) = doc.sentence_tokens(s);
    doc.mentions
        .iter()
        .filter(|m| m.tokens.0 >= start && m.tokens.1 <= end && matches!(m.who, Who::Place(_)))
        .filter(|m| m.tokens.0 > start && matches!(doc.word(m.tokens.0 - 1), "in" | "at" | "near" | "outside" | "inside" | "to" | "into"))
        .min_by_key(|m| m.span.start.abs_diff(trigger.start))
        .map(|m| m.span.of(doc.input.text).to_string())
}

#[cfg(test)]
mod tests;
