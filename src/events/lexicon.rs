//! The event lexicon: verb phrases and event nouns mapped to CAMEO codes,
//! from the team's `data/events/*.tsv`, with inflections generated.
//!
//! A pattern is a head word (a verb lemma or a noun) and the words that must
//! follow it, in the notation of `data/events/verbs.tsv`: literal words, `a|b`
//! alternatives, `+` where the target stands and `*` for a gap of up to four
//! words. The head's inflected forms ("meets", "met", "meeting") are generated
//! from the lemma, or read from `inflections.tsv` where English is irregular
//! or doubles a consonant.

use rustc_hash::FxHashMap;

/// One element of a pattern after its head.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PatternToken {
    /// One of these lower-case words.
    Words(Vec<String>),
    /// Where the target's noun phrase stands.
    Target,
    /// Another noun phrase the pattern spans ("urge + to cooperate with +"):
    /// matched like the target, but only the first `+` is the target.
    Phrase,
    /// Up to four arbitrary words.
    Gap,
}

/// A compiled event pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventPattern {
    pub cameo: String,
    /// Whether the head is a noun ("invasion of +") rather than a verb.
    pub noun: bool,
    pub rest: Vec<PatternToken>,
    /// The subject is the target and the `+` actor the source ("receive aid from +").
    pub swap: bool,
    /// The head verb takes no object, so its participle is never a passive
    /// ("a prisoner *died* in custody" is not "a prisoner *held* in custody").
    pub intransitive: bool,
    /// Where it was written, for messages: `file:line`.
    pub origin: String,
}

impl EventPattern {
    /// Literal words after the head: more words, a more specific pattern.
    pub fn literal_words(&self) -> usize {
        self.rest.iter().filter(|t| matches!(t, PatternToken::Words(_))).count()
    }
}

/// Which grammatical forms a surface word is of a pattern's head (bit set).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct HeadForms(pub u8);

impl HeadForms {
    pub const BASE: u8 = 1;
    pub const THIRD: u8 = 2;
    pub const PAST: u8 = 4;
    pub const PARTICIPLE: u8 = 8;
    pub const GERUND: u8 = 16;
    pub const NOUN: u8 = 32;

    pub fn has(self, form: u8) -> bool {
        self.0 & form != 0
    }
}

/// The compiled event lexicon.
#[derive(Debug, Default)]
pub struct EventLexicon {
    pub patterns: Vec<EventPattern>,
    /// Lower-case surface form of a head → (pattern index, forms it is of that head).
    heads: FxHashMap<String, Vec<(u32, HeadForms)>>,
}

/// A line the loader could not read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternError {
    pub origin: String,
    pub message: String,
}

impl std::fmt::Display for PatternError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

const VERBS: &str = include_str!("../../data/events/verbs.tsv");
const NOUNS: &str = include_str!("../../data/events/nouns.tsv");
const INFLECTIONS: &str = include_str!("../../data/events/inflections.tsv");

impl EventLexicon {
    /// The built-in event lexicon of `data/events/`.
    pub fn builtin() -> EventLexicon {
        EventLexicon::parse(VERBS, NOUNS, INFLECTIONS).expect("data/events is valid (checked by its tests)")
    }

    /// Compiles verb and noun pattern files and the irregular inflections.
    pub fn parse(verbs: &str, nouns: &str, inflections: &str) -> Result<EventLexicon, PatternError> {
        let irregular = parse_inflections(inflections)?;
        let mut lexicon = EventLexicon::default();
        for (file, text, noun) in [("verbs.tsv", verbs, false), ("nouns.tsv", nouns, true)] {
            for (n, line) in text.lines().enumerate() {
                let origin = format!("{file}:{}", n + 1);
                let line = line.split(" #").next().unwrap_or("").trim_end();
                if line.trim().is_empty() || line.starts_with('#') {
                    continue;
                }
                let fields: Vec<&str> = line.split('\t').map(str::trim).filter(|f| !f.starts_with('#')).collect();
                let error = |message: String| PatternError { origin: origin.clone(), message };
                let (cameo, pattern, flags) = match fields[..] {
                    [c, p] => (c, p, "-"),
                    [c, p, f, ..] => (c, p, f),
                    _ => return Err(error(format!("expected `cameo<TAB>pattern[<TAB>flags]`, found {line:?}"))),
                };
                if !(2..=4).contains(&cameo.len()) || !cameo.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(error(format!("{cameo:?} is not a CAMEO code")));
                }
                let (mut swap, mut intransitive) = (false, false);
                for flag in flags.split(',').map(str::trim) {
                    match flag {
                        "-" | "" => {}
                        "swap" => swap = true,
                        "intransitive" => intransitive = true,
                        other => return Err(error(format!("unknown flag {other:?} (expected -, swap, intransitive or both joined by a comma)"))),
                    }
                }
                let mut words = pattern.split_whitespace();
                let Some(head) = words.next() else { return Err(error("empty pattern".into())) };
                let mut targets = 0;
                let rest: Vec<PatternToken> = words
                    .map(|w| match w {
                        "+" => {
                            targets += 1;
                            if targets == 1 { PatternToken::Target } else { PatternToken::Phrase }
                        }
                        "*" => PatternToken::Gap,
                        _ => PatternToken::Words(w.split('|').map(str::to_lowercase).collect()),
                    })
                    .collect();
                if rest.iter().any(|t| matches!(t, PatternToken::Words(alts) if alts.iter().any(String::is_empty))) {
                    return Err(error("empty alternative in a `|` list".into()));
                }
                let index = lexicon.patterns.len() as u32;
                lexicon.patterns.push(EventPattern { cameo: cameo.to_string(), noun, rest, swap, intransitive, origin: origin.clone() });
                for lemma in head.split('|') {
                    let lemma = lemma.to_lowercase();
                    let forms: Vec<(String, u8)> = if noun {
                        noun_forms(&lemma)
                    } else {
                        verb_forms(&lemma, irregular.get(lemma.as_str()))
                    };
                    for (form, bits) in forms {
                        let entry = lexicon.heads.entry(form).or_default();
                        match entry.iter_mut().find(|(i, _)| *i == index) {
                            Some((_, f)) => f.0 |= bits,
                            None => entry.push((index, HeadForms(bits))),
                        }
                    }
                }
            }
        }
        Ok(lexicon)
    }

    /// Patterns whose head has this (lower-case) surface form.
    pub fn heads(&self, word: &str) -> &[(u32, HeadForms)] {
        self.heads.get(word).map_or(&[], Vec::as_slice)
    }

    pub fn pattern(&self, index: u32) -> &EventPattern {
        &self.patterns[index as usize]
    }
}

/// `lemma third past participle gerund` lines.
fn parse_inflections(text: &str) -> Result<FxHashMap<&str, [&str; 4]>, PatternError> {
    let mut forms = FxHashMap::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let [lemma, third, past, participle, gerund, ..] = fields[..] else {
            return Err(PatternError { origin: format!("inflections.tsv:{}", n + 1), message: format!("expected 5 fields, found {line:?}") });
        };
        forms.insert(lemma, [third, past, participle, gerund]);
    }
    Ok(forms)
}

fn ends_consonant_y(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

/// The forms of a verb: regular unless `inflections.tsv` lists it.
fn verb_forms(lemma: &str, irregular: Option<&[&str; 4]>) -> Vec<(String, u8)> {
    let [third, past, participle, gerund] = match irregular {
        Some(f) => f.map(str::to_string),
        None => {
            let third = if ["s", "sh", "ch", "x", "z", "o"].iter().any(|e| lemma.ends_with(e)) {
                format!("{lemma}es")
            } else if ends_consonant_y(lemma) {
                format!("{}ies", &lemma[..lemma.len() - 1])
            } else {
                format!("{lemma}s")
            };
            let past = if lemma.ends_with('e') {
                format!("{lemma}d")
            } else if ends_consonant_y(lemma) {
                format!("{}ied", &lemma[..lemma.len() - 1])
            } else {
                format!("{lemma}ed")
            };
            let gerund = if let Some(stem) = lemma.strip_suffix("ie") {
                format!("{stem}ying")
            } else if lemma.ends_with('e') && !["ee", "ye", "oe"].iter().any(|e| lemma.ends_with(e)) && lemma.len() > 2 {
                format!("{}ing", &lemma[..lemma.len() - 1])
            } else {
                format!("{lemma}ing")
            };
            [third, past.clone(), past, gerund]
        }
    };
    vec![
        (lemma.to_string(), HeadForms::BASE),
        (third, HeadForms::THIRD),
        (past, HeadForms::PAST),
        (participle, HeadForms::PARTICIPLE),
        (gerund, HeadForms::GERUND),
    ]
}

/// A noun and its regular plural (a noun written in the plural, "talks", stays as it is).
fn noun_forms(noun: &str) -> Vec<(String, u8)> {
    let plural = if noun.ends_with('s') && !noun.ends_with("ss") {
        noun.to_string()
    } else if ["ss", "sh", "ch", "x", "z"].iter().any(|e| noun.ends_with(e)) {
        format!("{noun}es")
    } else if ends_consonant_y(noun) {
        format!("{}ies", &noun[..noun.len() - 1])
    } else {
        format!("{noun}s")
    };
    vec![(noun.to_string(), HeadForms::NOUN), (plural, HeadForms::NOUN)]
}

#[cfg(test)]
mod tests {
    use super::*;

    const INFLECT: &str = "# lemma\tthird\tpast\tparticiple\tgerund\nmeet\tmeets\tmet\tmet\tmeeting\n";

    #[test]
    fn heads_are_inflected_regularly_or_from_the_table() {
        let lex = EventLexicon::parse("043\tmeet with +\n0841\trelease + from\n112\taccuse + of\t-\t# blame\n", "190\tinvasion of +\n", INFLECT).unwrap();
        let forms = |w: &str| lex.heads(w).iter().map(|(i, f)| (lex.pattern(*i).cameo.as_str(), f.0)).collect::<Vec<_>>();
        assert_eq!(forms("met"), [("043", HeadForms::PAST | HeadForms::PARTICIPLE)]);
        assert_eq!(forms("meeting"), [("043", HeadForms::GERUND)]);
        assert_eq!(forms("released"), [("0841", HeadForms::PAST | HeadForms::PARTICIPLE)]);
        assert_eq!(forms("releasing"), [("0841", HeadForms::GERUND)]);
        assert_eq!(forms("accuses"), [("112", HeadForms::THIRD)]);
        assert_eq!(forms("invasions"), [("190", HeadForms::NOUN)]);
        assert!(forms("meeted").is_empty());
        let accuse = lex.pattern(2);
        assert_eq!(accuse.rest, [PatternToken::Target, PatternToken::Words(vec!["of".into()])]);
    }

    #[test]
    fn regular_spelling_rules() {
        let f = |w: &str| verb_forms(w, None).into_iter().map(|(s, _)| s).collect::<Vec<_>>();
        assert_eq!(f("deny"), ["deny", "denies", "denied", "denied", "denying"]);
        assert_eq!(f("free"), ["free", "frees", "freed", "freed", "freeing"]);
        assert_eq!(f("approach"), ["approach", "approaches", "approached", "approached", "approaching"]);
        assert_eq!(f("host"), ["host", "hosts", "hosted", "hosted", "hosting"]);
        assert_eq!(f("tie"), ["tie", "ties", "tied", "tied", "tying"]);
        assert_eq!(noun_forms("talks")[1].0, "talks");
        assert_eq!(noun_forms("ceasefire")[1].0, "ceasefires");
        assert_eq!(noun_forms("strike")[1].0, "strikes");
    }

    #[test]
    fn malformed_patterns_name_their_line() {
        let err = EventLexicon::parse("043\tmeet with +\n04x\tmeet\n", "", INFLECT).unwrap_err();
        assert_eq!(err.origin, "verbs.tsv:2");
        let err = EventLexicon::parse("043\tmeet with|\n", "", INFLECT).unwrap_err();
        assert!(err.message.contains("empty alternative"));
        let two = EventLexicon::parse("0213\turge + to extradite +\n", "", INFLECT).unwrap();
        assert_eq!(two.pattern(0).rest.last(), Some(&PatternToken::Phrase));
        let err = EventLexicon::parse("043\tmeet\tflip\n", "", INFLECT).unwrap_err();
        assert!(err.message.contains("flip"));
        let both = EventLexicon::parse("1822\tdie * in + custody\tswap,intransitive\n", "", INFLECT).unwrap();
        assert!(both.pattern(0).swap && both.pattern(0).intransitive);
    }
}
