//! Implicit targets: the side an event is aimed at when the text names none
//! but the event class implies it from the source — students who protest
//! protest against their own government; a government's curfew is imposed
//! on its own people. The table is `data/events/implicit_targets.tsv`.

/// Which sources a rule applies to, by the sector of the source's actor code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceClass {
    /// A state organ, or a bare country code.
    State,
    /// Anyone else of a country, or a bare country code.
    People,
    /// The police only.
    Police,
}

/// Sectors of a country's state apparatus (CAMEO actor role codes).
const STATE_SECTORS: &[&str] = &["GOV", "MIL", "COP", "JUD", "LEG", "SPY"];

impl SourceClass {
    /// Whether a source with this actor code belongs to the class; the code
    /// must start with a country (three letters that are not an IGO, NGO, …).
    fn fits(self, code: &str) -> bool {
        let Some(country) = country_of(code) else { return false };
        let sector = &code[country.len()..code.len().min(6)];
        match self {
            SourceClass::State => sector.is_empty() || STATE_SECTORS.contains(&sector),
            SourceClass::People => sector.is_empty() || !STATE_SECTORS.contains(&sector),
            SourceClass::Police => sector == "COP",
        }
    }
}

/// The country code an actor code starts with, if it starts with one.
pub fn country_of(code: &str) -> Option<&str> {
    let country = code.get(..3)?;
    let upper = country.bytes().all(|b| b.is_ascii_uppercase());
    // Codes that begin like a country but name a kind of actor instead.
    let not_a_country = matches!(country, "IGO" | "NGO" | "IMG" | "MNC" | "UIS" | "REF" | "CVL" | "AFR" | "ASA" | "EUR" | "MEA" | "WSB" | "SAM" | "NAM" | "CAU" | "BLK" | "BAL" | "SCN" | "WST" | "ISM");
    (upper && !not_a_country).then_some(country)
}

/// One line of the table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub cameo: String,
    pub sources: SourceClass,
    /// Sector of the inferred target in the source's country: "GOV" or "CVL".
    pub target: String,
}

/// The compiled table.
#[derive(Debug, Default)]
pub struct ImplicitTargets {
    rules: Vec<Rule>,
}

const BUILTIN: &str = include_str!("../../data/events/implicit_targets.tsv");

impl ImplicitTargets {
    pub fn builtin() -> ImplicitTargets {
        ImplicitTargets::parse(BUILTIN).expect("data/events/implicit_targets.tsv is valid (checked by its tests)")
    }

    /// Reads `cameo<TAB>sources<TAB>target` lines; `#` starts a comment.
    pub fn parse(text: &str) -> Result<ImplicitTargets, String> {
        let mut rules = Vec::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.split('#').next().unwrap_or("").trim_end();
            if line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
            let [cameo, sources, target] = fields[..] else {
                return Err(format!("implicit_targets.tsv:{}: expected `cameo<TAB>sources<TAB>target`, found {line:?}", n + 1));
            };
            if !(2..=4).contains(&cameo.len()) || !cameo.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("implicit_targets.tsv:{}: {cameo:?} is not a CAMEO code", n + 1));
            }
            let sources = match sources {
                "state" => SourceClass::State,
                "people" => SourceClass::People,
                "police" => SourceClass::Police,
                other => return Err(format!("implicit_targets.tsv:{}: unknown sources {other:?} (state, people or police)", n + 1)),
            };
            if !matches!(target, "GOV" | "CVL") {
                return Err(format!("implicit_targets.tsv:{}: target {target:?} is not GOV or CVL", n + 1));
            }
            rules.push(Rule { cameo: cameo.to_string(), sources, target: target.to_string() });
        }
        Ok(ImplicitTargets { rules })
    }

    /// The code of the implicit target of an event with this CAMEO code and
    /// source actor code ("14", "IDNEDU" → "IDNGOV"), from the rule with the
    /// longest code prefix that fits the source.
    pub fn target_for(&self, cameo: &str, source: &str) -> Option<String> {
        let rule = self.rules.iter().filter(|r| cameo.starts_with(r.cameo.as_str()) && r.sources.fits(source)).max_by_key(|r| r.cameo.len())?;
        Some(format!("{}{}", country_of(source)?, rule.target))
    }

    /// Whether any rule could give an event with this code a target.
    pub fn covers(&self, cameo: &str) -> bool {
        self.rules.iter().any(|r| cameo.starts_with(r.cameo.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_reads() {
        let table = ImplicitTargets::builtin();
        // Protesters aim at their own government; a state's curfew at its own people.
        assert_eq!(table.target_for("141", "IDNEDU").as_deref(), Some("IDNGOV"));
        assert_eq!(table.target_for("1723", "CIVGOV").as_deref(), Some("CIVCVL"));
        // A bare country fits both: the event class decides.
        assert_eq!(table.target_for("144", "DZA").as_deref(), Some("DZAGOV"));
        assert_eq!(table.target_for("0813", "SRB").as_deref(), Some("SRBCVL"));
        // Calling off a strike is the strikers' concession; easing a crackdown the state's.
        assert_eq!(table.target_for("082", "NGALAB").as_deref(), Some("NGAGOV"));
        assert_eq!(table.target_for("082", "NGAGOV").as_deref(), Some("NGACVL"));
        // No default side for a government protest, an army's attack or an IGO.
        assert_eq!(table.target_for("141", "KENGOV"), None);
        assert_eq!(table.target_for("190", "RUSMIL"), None);
        assert_eq!(table.target_for("190", "EGYCOP").as_deref(), Some("EGYCVL"));
        assert_eq!(table.target_for("141", "IGOUNO"), None);
        assert_eq!(table.target_for("043", "KEN"), None);
    }

    #[test]
    fn malformed_lines_are_refused() {
        assert!(ImplicitTargets::parse("14\tpeople\tGOV\n").is_ok());
        assert!(ImplicitTargets::parse("14x\tpeople\tGOV\n").unwrap_err().contains(":1:"));
        assert!(ImplicitTargets::parse("14\tcrowd\tGOV\n").unwrap_err().contains("crowd"));
        assert!(ImplicitTargets::parse("14\tpeople\tMIL\n").unwrap_err().contains("MIL"));
    }
}
