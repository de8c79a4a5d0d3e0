//! The CAMEO event ontology: every code with its Goldstein score, quad class
//! and PLOVER type, from the team's `data/ontology/cameo.tsv`.

use rustc_hash::FxHashMap;

/// One CAMEO event code.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    pub code: String,
    pub goldstein: f32,
    /// 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event type; `None` where PLOVER has none.
    pub plover: Option<String>,
    pub mode: Option<String>,
    pub name: String,
}

/// All CAMEO codes, by code.
#[derive(Debug, Default)]
pub struct Ontology {
    codes: FxHashMap<String, CameoCode>,
}

const BUILTIN: &str = include_str!("../../data/ontology/cameo.tsv");

impl Ontology {
    /// The built-in ontology.
    pub fn builtin() -> Ontology {
        Ontology::parse(BUILTIN).expect("data/ontology/cameo.tsv is valid (checked by its tests)")
    }

    /// Reads the TSV format of `data/ontology/cameo.tsv`:
    /// `code goldstein quad_class plover mode name`, `-` for an empty field.
    pub fn parse(text: &str) -> Result<Ontology, String> {
        let mut codes = FxHashMap::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [code, goldstein, quad, plover, mode, name] = fields[..] else {
                return Err(format!("line {}: expected 6 tab-separated fields, found {}", n + 1, fields.len()));
            };
            let valid_code = (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_digit());
            if !valid_code {
                return Err(format!("line {}: {code:?} is not a CAMEO code", n + 1));
            }
            let goldstein: f32 = goldstein.parse().map_err(|_| format!("line {}: bad Goldstein score {goldstein:?}", n + 1))?;
            let quad_class: u8 = quad.parse().ok().filter(|q| (1..=4).contains(q)).ok_or_else(|| format!("line {}: bad quad class {quad:?}", n + 1))?;
            let optional = |f: &str| (!f.is_empty() && f != "-").then(|| f.to_string());
            codes.insert(
                code.to_string(),
                CameoCode { code: code.to_string(), goldstein, quad_class, plover: optional(plover), mode: optional(mode), name: name.to_string() },
            );
        }
        Ok(Ontology { codes })
    }

    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.codes.get(code)
    }

    pub fn len(&self) -> usize {
        self.codes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_ontology_covers_every_root_with_consistent_quad_classes() {
        let ontology = Ontology::builtin();
        assert!(ontology.len() >= 280, "{} codes", ontology.len());
        for root in 1..=20 {
            let code = format!("{root:02}");
            let entry = ontology.get(&code).unwrap_or_else(|| panic!("root {code} missing"));
            let quad = match root {
                1..=5 => 1,
                6..=8 => 2,
                9..=13 => 3,
                _ => 4,
            };
            assert_eq!(entry.quad_class, quad, "root {code}");
        }
        for entry in ontology.codes.values() {
            assert!((-10.0..=10.0).contains(&entry.goldstein), "{}", entry.code);
            let root = ontology.get(&entry.code[..2]).unwrap();
            assert_eq!(entry.quad_class, root.quad_class, "{} differs from its root", entry.code);
        }
        let consult = ontology.get("043").unwrap();
        assert_eq!(consult.plover.as_deref(), Some("CONSULT"));
        assert!(ontology.get("190").unwrap().goldstein < -5.0);
    }

    #[test]
    fn malformed_lines_are_reported_with_their_number() {
        let err = Ontology::parse("# header\n043\t2.8\t1\tCONSULT\t-\thost a visit\n04x\t1\t1\t-\t-\tbad\n").unwrap_err();
        assert!(err.starts_with("line 3:"), "{err}");
        assert!(Ontology::parse("043\t2.8\t5\tCONSULT\t-\thost\n").is_err());
    }
}
