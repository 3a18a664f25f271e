//! Whole-word phrase matching over many patterns at once (Aho–Corasick),
//! ASCII-case-insensitive, leftmost-longest.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// A set of phrases, each with a payload id.
#[derive(Debug, Clone)]
pub struct PhraseSet {
    ac: Option<AhoCorasick>,
    ids: Vec<u32>,
    phrases: Vec<String>,
}

/// A phrase found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PhraseMatch {
    pub start: usize,
    pub end: usize,
    /// The payload id given with the phrase.
    pub id: u32,
    /// Index of the phrase in the set (for per-phrase rules).
    pub phrase: usize,
}

impl PhraseSet {
    /// Build from `(phrase, id)` pairs; empty phrases are skipped and a
    /// phrase given twice keeps its first id.
    pub fn new<I, S>(items: I) -> PhraseSet
    where
        I: IntoIterator<Item = (S, u32)>,
        S: AsRef<str>,
    {
        let mut seen = std::collections::HashSet::new();
        let mut phrases = Vec::new();
        let mut ids = Vec::new();
        for (p, id) in items {
            let p = p.as_ref().trim();
            if p.is_empty() || !seen.insert(p.to_lowercase()) {
                continue;
            }
            phrases.push(p.to_string());
            ids.push(id);
        }
        let ac = if phrases.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&phrases)
                .ok()
        };
        PhraseSet { ac, ids, phrases }
    }

    pub fn phrase(&self, i: usize) -> &str {
        &self.phrases[i]
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every whole-word occurrence, leftmost-longest, not overlapping.
    pub fn find(&self, text: &str) -> Vec<PhraseMatch> {
        self.find_with(text, |_, _| Some(0))
    }

    /// Like [`PhraseSet::find`], with a filter that sees each candidate and
    /// may accept it (returning how many extra bytes after it belong to the
    /// match, e.g. a clitic suffix) or reject it.
    pub fn find_with(&self, text: &str, accept: impl Fn(&PhraseMatch, &str) -> Option<usize>) -> Vec<PhraseMatch> {
        let Some(ac) = &self.ac else { return Vec::new() };
        let bytes = text.as_bytes();
        let mut cands: Vec<PhraseMatch> = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let (start, end) = (m.start(), m.end());
            let phrase = m.pattern().as_usize();
            if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            let pat = &self.phrases[phrase];
            let first_alnum = pat.chars().next().is_some_and(char::is_alphanumeric);
            let last_alnum = pat.chars().last().is_some_and(char::is_alphanumeric);
            if first_alnum && text[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            let mut pm = PhraseMatch { start, end, id: self.ids[phrase], phrase };
            let after_ok = !last_alnum || !text[end..].chars().next().is_some_and(char::is_alphanumeric);
            match accept(&pm, text) {
                Some(extra) if after_ok || extra > 0 => {
                    pm.end = (end + extra).min(bytes.len());
                    if extra > 0 && last_alnum && text[pm.end..].chars().next().is_some_and(char::is_alphanumeric) {
                        continue;
                    }
                    cands.push(pm);
                }
                _ => {}
            }
        }
        // Leftmost first, then longest.
        cands.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<PhraseMatch> = Vec::with_capacity(cands.len());
        let mut last_end = 0;
        for c in cands {
            if c.start >= last_end {
                last_end = c.end;
                out.push(c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_longest_first() {
        let set = PhraseSet::new([("mungkin", 1), ("tidak mungkin", 2), ("kemungkinan besar", 3), ("sign", 4)]);
        let text = "Invasi tidak mungkin terjadi, kemungkinan besar tidak; Mungkin. signal signed sign";
        let got: Vec<(&str, u32)> = set.find(text).iter().map(|m| (&text[m.start..m.end], m.id)).collect();
        assert_eq!(got, [("tidak mungkin", 2), ("kemungkinan besar", 3), ("Mungkin", 1), ("sign", 4)]);
    }

    #[test]
    fn suffixes_can_be_accepted_by_the_filter() {
        let set = PhraseSet::new([("Ukraina", 1)]);
        let text = "rekan Ukrainanya dan Ukrainax";
        let accept = |m: &PhraseMatch, t: &str| if t[m.end..].starts_with("nya") { Some(3) } else { Some(0) };
        let got: Vec<&str> = set.find_with(text, accept).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(got, ["Ukrainanya"]);
    }

    #[test]
    fn empty_set_finds_nothing() {
        let set = PhraseSet::new(Vec::<(String, u32)>::new());
        assert!(set.find("anything").is_empty());
    }
}
