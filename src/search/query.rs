//! What a query is and how an item scores against it: the one definition
//! that the fast path, the brute-force reference and the small filters of
//! the reader share.
//!
//! Text is compared ASCII-case-folded (`Amerika` and `amerika` are the same
//! bytes; other characters are kept, so character positions do not move).
//! A term that occurs literally puts the item in a higher tier than any item
//! where it only matches as scattered letters; within a tier, fuzzy-matcher's
//! skim score decides, plus a bonus for a literal occurrence at the start of
//! a word and a small bonus by kind (titles, pairs, alliances and actors
//! before sentences).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Score of one term found literally: it outranks any number of fuzzy-only
/// terms' skim scores.
pub const TIER: i64 = 1_000_000;
/// Extra per character of a literal term, and for one at a word start.
pub const LITERAL_BONUS: i64 = 32;
pub const WORD_BONUS: i64 = 32;

/// A parsed query: whitespace-separated terms, lower-case.
pub struct Query {
    pub terms: Vec<String>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query").field("terms", &self.terms).finish()
    }
}

/// ASCII case folding: the same length, the same character positions.
pub fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Where `term` occurs literally in `folded` and whether one occurrence
/// starts a word: `(first occurrence (char index), at a word start)`,
/// preferring a word-start occurrence.
pub fn literal(folded: &str, term: &str) -> Option<(usize, bool)> {
    if term.is_empty() {
        return None;
    }
    let finder = memchr::memmem::Finder::new(term.as_bytes());
    let mut first = None;
    for pos in finder.find_iter(folded.as_bytes()) {
        if !folded.is_char_boundary(pos) {
            continue;
        }
        if word_start(folded, pos) {
            return Some((folded[..pos].chars().count(), true));
        }
        if first.is_none() {
            first = Some(pos);
        }
    }
    first.map(|p| (folded[..p].chars().count(), false))
}

/// Does byte `pos` of `s` start a word?
pub fn word_start(s: &str, pos: usize) -> bool {
    pos == 0
        || s[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

impl Query {
    pub fn new(query: &str) -> Query {
        Query {
            terms: query.split_whitespace().map(str::to_lowercase).collect(),
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The score of already-folded text, without the kind bonus; `None`
    /// when a term does not match at all.
    pub fn score_folded(&self, folded: &str) -> Option<i64> {
        let mut total = 0;
        for t in &self.terms {
            let s = self.matcher.fuzzy_match(folded, t)?;
            total += s + self.literal_part(folded, t);
        }
        Some(total)
    }

    fn literal_part(&self, folded: &str, t: &str) -> i64 {
        match literal(folded, t) {
            Some((_, word)) => {
                TIER + LITERAL_BONUS * t.chars().count() as i64 + if word { WORD_BONUS } else { 0 }
            }
            None => 0,
        }
    }

    /// Score and matched character positions of `text` (any case): every
    /// term must match; a literal term is highlighted where it occurs.
    pub fn score(&self, item: usize, text: &str) -> Option<super::Hit> {
        let folded = fold(text);
        let score = self.score_folded(&folded)?;
        Some(super::Hit {
            item,
            score,
            positions: self.positions(&folded),
        })
    }

    /// Matched character positions in folded text (literal occurrences
    /// where there are, else skim's).
    pub fn positions(&self, folded: &str) -> Vec<usize> {
        let mut positions = Vec::new();
        for t in &self.terms {
            match literal(folded, t) {
                Some((start, _)) => positions.extend(start..start + t.chars().count()),
                None => {
                    if let Some((_, p)) = self.matcher.fuzzy_indices(folded, t) {
                        positions.extend(p);
                    }
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        positions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn literal_occurrences_prefer_word_starts() {
        assert_eq!(literal("amerika serikat", "amerika"), Some((0, true)));
        assert_eq!(literal("pan-amerika", "amerika"), Some((4, true)));
        assert_eq!(literal("diamerikakan", "amerika"), Some((2, false)));
        assert_eq!(literal("pemerintah", "amerika"), None);
        assert_eq!(literal("türkiye dan turki", "turki"), Some((12, true)));
        // Only ASCII is folded, so character positions stay put.
        assert_eq!(fold("ÜBER Türkiye"), "Über türkiye");
    }

    #[test]
    fn literal_matches_outrank_scattered_ones() {
        let q = Query::new("amerika");
        let lit = q
            .score(0, "Amerika Serikat belum mengakui Taliban.")
            .unwrap();
        let scattered = q
            .score(
                1,
                "Kami percaya bahwa pemerintah dari Emirat Islam Afghanistan akan",
            )
            .unwrap();
        assert!(lit.score > scattered.score + TIER / 2);
        assert_eq!(lit.positions, (0..7).collect::<Vec<_>>());
        // Case does not matter.
        let upper = q.score(2, "AMERIKA SERIKAT").unwrap();
        assert_eq!(upper.score, q.score(3, "amerika serikat").unwrap().score);
        assert!(q.score(4, "Rusia").is_none());
    }

    #[test]
    fn every_term_must_match() {
        let q = Query::new("azer  RUS");
        assert_eq!(q.terms, ["azer", "rus"]);
        assert!(q.score(0, "Azerbaijan dan Rusia").is_some());
        assert!(q.score(0, "Azerbaijan dan Turki").is_none());
        assert!(Query::new("   ").is_empty());
    }
}
