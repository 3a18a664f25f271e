//! Lexicons are data: the TOML files in `lexicon/`, embedded in the binary.
//! Each stage reads its part; nothing here knows about a particular document.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

/// Everything the pipeline looks words up in.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub clean: CleanLexicon,
    pub abbreviations: Abbreviations,
}

/// Page furniture and heading words for the cleaner (`lexicon/clean.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CleanLexicon {
    pub chapter_words: Vec<String>,
    pub page_words: Vec<String>,
    pub related_link_prefixes: Vec<String>,
    pub metadata_labels: Vec<String>,
    pub mojibake: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationsFile {
    never_final: Vec<String>,
    may_end: Vec<String>,
    starters: Vec<String>,
}

/// Abbreviations for the sentence splitter (`lexicon/abbreviations.toml`),
/// stored lower-case.
#[derive(Debug, Clone, Default)]
pub struct Abbreviations {
    pub never_final: HashSet<String>,
    pub may_end: HashSet<String>,
    pub starters: HashSet<String>,
}

impl Abbreviations {
    fn from_file(f: AbbreviationsFile) -> Abbreviations {
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        Abbreviations {
            never_final: lower(f.never_final),
            may_end: lower(f.may_end),
            starters: f.starters.into_iter().collect(),
        }
    }
}

const CLEAN_TOML: &str = include_str!("../lexicon/clean.toml");
const ABBREVIATIONS_TOML: &str = include_str!("../lexicon/abbreviations.toml");

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    // The embedded files are fixed at build time and checked by tests; a
    // failure here is a build defect, not bad user input.
    toml::from_str(text).unwrap_or_else(|e| panic!("embedded lexicon/{name} is invalid: {e}"))
}

impl Lexicon {
    /// The lexicons shipped in `lexicon/`.
    pub fn embedded() -> Lexicon {
        Lexicon {
            clean: parse("clean.toml", CLEAN_TOML),
            abbreviations: Abbreviations::from_file(parse(
                "abbreviations.toml",
                ABBREVIATIONS_TOML,
            )),
        }
    }
}

/// The embedded lexicon, built once.
pub fn shared() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(Lexicon::embedded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_parse() {
        let lex = Lexicon::embedded();
        assert!(lex.abbreviations.never_final.contains("dr"));
        assert!(lex.abbreviations.may_end.contains("dll"));
        assert!(lex.abbreviations.starters.contains("The"));
        assert!(lex.clean.chapter_words.iter().any(|w| w == "bab"));
        assert_eq!(lex.clean.mojibake.get("â€™").map(String::as_str), Some("’"));
    }
}
