//! Stage 9, conclusions: the sentences that carry the document's key
//! judgments, most important first, each with the ICD 203 confidence its own
//! estimative words express.
//!
//! A sentence scores for standing in a conclusion section (`Kesimpulan`,
//! `Conclusion`), for conclusion cues (`oleh karena itu`, `secara
//! keseluruhan`, `therefore`), for estimative language, for its place (the
//! lede, a section's opening sentence, the closing sentence), for carrying
//! evidence of the relations the document reports, and for centrality (how
//! much it shares the document's vocabulary). Reported speech, fragments and
//! questions score lower. The ranking then avoids near-duplicates.

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::context::Sentence;
use super::segment::Document;
use crate::brief::{Conclusion, Relation};
use crate::lexicon::{Lexicon, cat};

/// How many judgments a brief keeps.
pub const MAX: usize = 8;

/// How many top-scored sentences compete for the list.
const POOL: usize = 40;

/// Content words of a lower-cased text: four letters or more, not numbers,
/// not stopwords.
fn content_words<'a>(lower: &'a str, stop: &FxHashSet<String>) -> impl Iterator<Item = &'a str> {
    lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| w.len() >= 4 && !w.bytes().all(|b| b.is_ascii_digit()))
        .filter(move |w| !stop.contains(*w))
}

/// Sentences as sorted, distinct word ids.
struct Vocabulary<'a> {
    ids: FxHashMap<&'a str, u32>,
}

impl<'a> Vocabulary<'a> {
    fn bag(&mut self, lower: &'a str, stop: &FxHashSet<String>) -> Vec<u32> {
        let mut out: Vec<u32> = content_words(lower, stop)
            .map(|w| {
                let n = self.ids.len() as u32;
                *self.ids.entry(w).or_insert(n)
            })
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Dice overlap of two sorted id lists.
fn overlap(a: &[u32], b: &[u32]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * n as f64 / (a.len() + b.len()) as f64
}

/// Rank the sentences; `relations` are the pairs the document reports
/// (strongest first).
pub fn rank(
    doc: &Document,
    sentences: &[Sentence],
    relations: &[Relation],
    lex: &Lexicon,
) -> Vec<Conclusion> {
    let cl = &lex.conclusions;
    if sentences.is_empty() {
        return Vec::new();
    }
    let title_lower = doc.title.to_ascii_lowercase();
    let mut vocab = Vocabulary {
        ids: FxHashMap::default(),
    };
    let bags: Vec<Vec<u32>> = sentences
        .iter()
        .map(|s| vocab.bag(&s.scan.lower, &cl.stopwords))
        .collect();
    let title_bag = vocab.bag(&title_lower, &cl.stopwords);
    // In how many sentences each word occurs.
    let mut df = vec![0u32; vocab.ids.len()];
    for bag in &bags {
        for &w in bag {
            df[w as usize] += 1;
        }
    }
    let centrality: Vec<f64> = bags
        .iter()
        .map(|bag| {
            if bag.is_empty() {
                return 0.0;
            }
            // Words shared with other sentences, normalised by length.
            let shared: f64 = bag
                .iter()
                .map(|&w| (df[w as usize] as f64 - 1.0).min(4.0))
                .sum();
            shared / (bag.len() as f64).sqrt()
        })
        .collect();
    let max_c = centrality.iter().copied().fold(0.0f64, f64::max).max(1e-9);
    let conclusion_section: Vec<bool> = doc
        .sections
        .iter()
        .map(|s| {
            s.heading.as_deref().is_some_and(|h| {
                let h = h.to_lowercase();
                cl.headings.iter().any(|k| {
                    h.split(|c: char| !c.is_alphanumeric()).any(|w| w == k)
                        || h.contains(k.as_str())
                })
            })
        })
        .collect();
    // Evidence sentences of the reported relations, weighted by the relation's rank.
    let mut evidence_weight: HashMap<(usize, &str), f64> = HashMap::new();
    for (i, r) in relations.iter().enumerate() {
        let w = if i == 0 {
            0.8
        } else if i < 3 {
            0.4
        } else {
            0.15
        };
        for e in &r.evidence {
            let v = evidence_weight
                .entry((e.paragraph, e.text.as_str()))
                .or_default();
            *v = v.max(w) + 0.05;
        }
    }
    let last = sentences.len() - 1;
    // A conclusion section only tells something when not everything is one.
    let in_conclusions: Vec<bool> = sentences
        .iter()
        .map(|s| conclusion_section.get(s.section).copied().unwrap_or(false))
        .collect();
    let section_signal = in_conclusions.iter().any(|&c| c) && in_conclusions.iter().any(|&c| !c);
    let sectioned = doc.sections.iter().filter(|s| s.heading.is_some()).count() >= 2;
    let mut scored: Vec<(f64, usize)> = Vec::with_capacity(sentences.len());
    for (i, s) in sentences.iter().enumerate() {
        let text = s.text;
        let n_words = text.split_whitespace().count();
        let mut score = 0.0;
        if section_signal && in_conclusions[i] {
            score += 0.6;
        }
        let cue: f64 = s
            .scan
            .phrases
            .get(cat::CONCLUSION_CUES)
            .iter()
            .map(|m| cl.cue_weights[m.id as usize])
            .sum();
        score += 1.3 * cue.min(1.5);
        if !s.scan.phrases.get(cat::ESTIMATIVE).is_empty()
            && lex.estimative.confidence(text).is_some()
        {
            score += 0.4;
        }
        if i == 0 {
            score += 0.5;
        } else if s.s == 0 && s.p < 3 {
            score += 0.2;
        }
        // A section's opening sentence states its topic.
        if sectioned && i > 0 && sentences[i - 1].section != s.section {
            score += 0.8;
        }
        if i == last && sentences.len() > 4 {
            score += 0.4;
        }
        score += evidence_weight
            .get(&(s.paragraph, text))
            .copied()
            .unwrap_or(0.0);
        score += 0.8 * centrality[i] / max_c;
        let title_overlap = title_bag
            .iter()
            .filter(|w| bags[i].binary_search(w).is_ok())
            .count();
        score += 0.1 * title_overlap.min(4) as f64;
        // Reported speech, fragments, captions, questions.
        let quoted = text.starts_with(['"', '“', '‘', '\'']);
        if quoted {
            score -= 0.8;
        } else if !s.scan.phrases.get(cat::ATTRIBUTION).is_empty() && text.contains(['"', '“', '”'])
        {
            score -= 0.3;
        }
        if n_words < 8 {
            score -= 0.8;
        } else if n_words > 60 {
            score -= 0.3;
        }
        let trimmed = text.trim_end();
        if !crate::ingest::clean::ends_sentence(trimmed) {
            score -= 0.8; // a fragment: a cut-off last line, a caption, a dateline
        }
        if trimmed.ends_with(')') && trimmed.rsplit('(').next().is_some_and(|p| p.contains('/')) {
            score -= 0.8; // a photo credit: "(AP/Japan’s Cabinet Public Affairs Office)"
        }
        if trimmed.ends_with('?') {
            score -= 0.5;
        }
        scored.push((score, i));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // Only the best candidates can make the list: the redundancy check below
    // lowers scores, never raises them.
    scored.truncate(POOL);
    // Most important first, skipping near-repeats of what is already chosen.
    let mut chosen: Vec<(f64, usize)> = Vec::new();
    let mut pool = scored;
    while chosen.len() < MAX && !pool.is_empty() {
        let (k, adj) = pool
            .iter()
            .enumerate()
            .map(|(k, &(sc, i))| {
                let sim = chosen
                    .iter()
                    .map(|&(_, j)| overlap(&bags[i], &bags[j]))
                    .fold(0.0, f64::max);
                (k, sc - 0.8 * sim)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .unwrap_or((0, 0.0));
        let (_, i) = pool.remove(k);
        chosen.push((adj, i));
    }
    let top = chosen
        .iter()
        .map(|c| c.0)
        .fold(f64::MIN, f64::max)
        .max(1e-9);
    chosen
        .into_iter()
        .map(|(sc, i)| {
            let s = &sentences[i];
            Conclusion {
                text: s.text.to_string(),
                confidence: lex.estimative.confidence(s.text),
                score: ((sc / top).clamp(0.0, 1.0) * 100.0).round() / 100.0,
                paragraph: s.paragraph,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::Confidence;
    use crate::ingest::{Format, ingest};
    use crate::lexicon::shared;

    #[test]
    fn the_thesis_conclusions_lead() {
        let b = ingest(
            "sources/000_f5840cd7195cf325.txt",
            include_bytes!("../../sources/000_f5840cd7195cf325.txt"),
            shared(),
        )
        .unwrap()
        .brief;
        let top: Vec<&str> = b
            .conclusions
            .iter()
            .take(5)
            .map(|c| c.text.as_str())
            .collect();
        assert!(
            top.iter()
                .any(|t| t.starts_with("Oleh karena itu, faktor terpenting")),
            "{top:#?}"
        );
        assert!(
            top.iter()
                .any(|t| t.starts_with("Secara keseluruhan, pada Maret 2021")),
            "{top:#?}"
        );
        assert!(b.conclusions.len() <= MAX);
        assert!(b.conclusions.windows(2).all(|w| w[0].score >= w[1].score));
        assert_eq!(b.conclusions[0].score, 1.0);
    }

    #[test]
    fn confidence_comes_from_the_sentence_itself() {
        let text = "Prospek Kawasan\n\nPengaturan ini kemungkinan besar akan tetap berkelanjutan hingga 2025. Oleh karena itu, invasi tidak mungkin terjadi dalam waktu dekat.\n";
        let lex = shared();
        let b = ingest("x.txt", text.as_bytes(), lex).unwrap().brief;
        let conf: Vec<Option<Confidence>> = b.conclusions.iter().map(|c| c.confidence).collect();
        assert!(conf.contains(&Some(Confidence::Likely)));
        assert!(conf.contains(&Some(Confidence::AlmostNoChance)));
        let _ = Format::Text;
    }
}
