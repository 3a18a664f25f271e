//! Whole-word phrase matching over many patterns at once (Aho–Corasick),
//! ASCII-case-insensitive, leftmost-longest.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

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
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&phrases)
                .ok()
        };
        PhraseSet { ac, ids, phrases }
    }

    pub fn phrase(&self, i: usize) -> &str {
        &self.phrases[i]
    }

    /// The phrases with their payload ids, for building a [`PhraseIndex`].
    pub fn items(&self) -> Vec<(String, u32)> {
        self.phrases
            .iter()
            .cloned()
            .zip(self.ids.iter().copied())
            .collect()
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
    pub fn find_with(
        &self,
        text: &str,
        accept: impl Fn(&PhraseMatch, &str) -> Option<usize>,
    ) -> Vec<PhraseMatch> {
        let Some(ac) = &self.ac else {
            return Vec::new();
        };
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
            if first_alnum
                && text[..start]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let mut pm = PhraseMatch {
                start,
                end,
                id: self.ids[phrase],
                phrase,
            };
            let after_ok = !last_alnum
                || !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            match accept(&pm, text) {
                Some(extra) if after_ok || extra > 0 => {
                    pm.end = (end + extra).min(bytes.len());
                    if extra > 0
                        && last_alnum
                        && text[pm.end..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                    {
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
        let set = PhraseSet::new([
            ("mungkin", 1),
            ("tidak mungkin", 2),
            ("kemungkinan besar", 3),
            ("sign", 4),
        ]);
        let text =
            "Invasi tidak mungkin terjadi, kemungkinan besar tidak; Mungkin. signal signed sign";
        let got: Vec<(&str, u32)> = set
            .find(text)
            .iter()
            .map(|m| (&text[m.start..m.end], m.id))
            .collect();
        assert_eq!(
            got,
            [
                ("tidak mungkin", 2),
                ("kemungkinan besar", 3),
                ("Mungkin", 1),
                ("sign", 4)
            ]
        );
    }

    #[test]
    fn suffixes_can_be_accepted_by_the_filter() {
        let set = PhraseSet::new([("Ukraina", 1)]);
        let text = "rekan Ukrainanya dan Ukrainax";
        let accept = |m: &PhraseMatch, t: &str| {
            if t[m.end..].starts_with("nya") {
                Some(3)
            } else {
                Some(0)
            }
        };
        let got: Vec<&str> = set
            .find_with(text, accept)
            .iter()
            .map(|m| &text[m.start..m.end])
            .collect();
        assert_eq!(got, ["Ukrainanya"]);
    }

    #[test]
    fn empty_set_finds_nothing() {
        let set = PhraseSet::new(Vec::<(String, u32)>::new());
        assert!(set.find("anything").is_empty());
    }
}

/// Several phrase sets searched in one pass: each phrase carries its set
/// (category) and its payload id; results come back per category,
/// leftmost-longest and non-overlapping within each.
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    ac: Option<AhoCorasick>,
    /// Per pattern: (category, payload id, index of the phrase in its category).
    entries: Vec<(usize, u32, usize)>,
    phrases: Vec<String>,
    categories: usize,
}

impl PhraseIndex {
    /// Build from one phrase list per category (`(phrase, id)`).
    pub fn new(categories: &[Vec<(String, u32)>]) -> PhraseIndex {
        let mut entries = Vec::new();
        let mut phrases = Vec::new();
        for (c, list) in categories.iter().enumerate() {
            let mut seen = std::collections::HashSet::new();
            for (p, id) in list {
                let p = p.trim();
                if p.is_empty() || !seen.insert(p.to_lowercase()) {
                    continue;
                }
                entries.push((c, *id, phrases.len()));
                phrases.push(p.to_string());
            }
        }
        let ac = (!phrases.is_empty())
            .then(|| {
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::Standard)
                    .kind(Some(AhoCorasickKind::ContiguousNFA))
                    .build(&phrases)
                    .ok()
            })
            .flatten();
        PhraseIndex {
            ac,
            entries,
            phrases,
            categories: categories.len(),
        }
    }

    pub fn phrase(&self, i: usize) -> &str {
        &self.phrases[i]
    }

    /// Whole-word matches per category, leftmost-longest within each.
    pub fn find(&self, text: &str) -> Found {
        let mut all: Vec<(usize, PhraseMatch)> = Vec::new();
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let (start, end) = (m.start(), m.end());
                if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                    continue;
                }
                let (cat, id, phrase) = self.entries[m.pattern().as_usize()];
                let pat = &self.phrases[phrase];
                let first_alnum = pat.chars().next().is_some_and(char::is_alphanumeric);
                let last_alnum = pat.chars().last().is_some_and(char::is_alphanumeric);
                if first_alnum
                    && text[..start]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                if last_alnum
                    && text[end..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                {
                    continue;
                }
                all.push((
                    cat,
                    PhraseMatch {
                        start,
                        end,
                        id,
                        phrase,
                    },
                ));
            }
        }
        all.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then(a.1.start.cmp(&b.1.start))
                .then(b.1.end.cmp(&a.1.end))
        });
        let mut matches = Vec::with_capacity(all.len());
        let mut offsets = Vec::with_capacity(self.categories + 1);
        let mut i = 0;
        for cat in 0..self.categories {
            offsets.push(matches.len());
            let mut last_end = 0;
            while i < all.len() && all[i].0 == cat {
                let m = all[i].1;
                if m.start >= last_end {
                    last_end = m.end;
                    matches.push(m);
                }
                i += 1;
            }
        }
        offsets.push(matches.len());
        Found { matches, offsets }
    }
}

/// What a [`PhraseIndex`] found in a text, by category.
#[derive(Debug, Clone, Default)]
pub struct Found {
    matches: Vec<PhraseMatch>,
    offsets: Vec<usize>,
}

impl Found {
    /// The matches of one category, in text order.
    pub fn get(&self, category: usize) -> &[PhraseMatch] {
        match (self.offsets.get(category), self.offsets.get(category + 1)) {
            (Some(&a), Some(&b)) => &self.matches[a..b],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn one_pass_many_sets() {
        let idx = PhraseIndex::new(&[
            vec![("menolak".to_string(), 7), ("mengakui".to_string(), 1)],
            vec![("menolak".to_string(), 0), ("tidak".to_string(), 0)],
        ]);
        let text = "Jakarta tidak mengakui dan menolak tuduhan itu; menolaknya.";
        let found = idx.find(text);
        let words = |v: &[PhraseMatch]| v.iter().map(|m| &text[m.start..m.end]).collect::<Vec<_>>();
        assert_eq!(words(found.get(0)), ["mengakui", "menolak"]);
        assert_eq!(found.get(0)[1].id, 7);
        assert_eq!(words(found.get(1)), ["tidak", "menolak"]);
        assert_eq!(idx.phrase(found.get(0)[0].phrase), "mengakui");
        assert!(found.get(5).is_empty());
    }
}
