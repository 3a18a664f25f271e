//! Stage 9, conclusions: the sentences that carry the document's key
//! judgments, most important first, each with the ICD 203 confidence its own
//! estimative words express.
//!
//! A sentence scores for standing in a conclusion section (`Kesimpulan`,
//! `Conclusion`), for conclusion cues (`oleh karena itu`, `secara
//! keseluruhan`, `therefore`), for estimative language and someone's
//! assessment ("we assess", "analysts said ... unlikely"), for its place
//! (the lede after the headline, a section's opening sentence, the closing
//! paragraph), for stating the relationship itself now ("Relations between
//! X and Y are now close"), for carrying evidence of the relations the
//! document reports, and for centrality (how much it shares the document's
//! vocabulary). Background scores lower: sentences dated years before the
//! document's own time, framed as the past, or dense with dates. Reported
//! speech, fragments and questions score lower too. The headline itself is
//! the title, not a judgment. The ranking then avoids near-duplicates.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use super::context::{Sentence, reference_year};
use super::segment::Document;
use crate::brief::{Conclusion, Relation};
use crate::lexicon::{ConclusionWeights, Lexicon, cat};

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

/// Content-word bags of the sentences and the title, and each sentence's
/// centrality (words shared with other sentences, normalised).
struct Bags {
    bags: Vec<Vec<u32>>,
    title: Vec<u32>,
    centrality: Vec<f64>,
}

impl Bags {
    fn new(doc: &Document, sentences: &[Sentence], lex: &Lexicon) -> Bags {
        let stop = &lex.conclusions.stopwords;
        let title_lower = doc.title.to_ascii_lowercase();
        let mut vocab = Vocabulary {
            ids: FxHashMap::default(),
        };
        let bags: Vec<Vec<u32>> = sentences
            .iter()
            .map(|s| vocab.bag(&s.scan.lower, stop))
            .collect();
        let title = vocab.bag(&title_lower, stop);
        // In how many sentences each word occurs.
        let mut df = vec![0u32; vocab.ids.len()];
        for bag in &bags {
            for &w in bag {
                df[w as usize] += 1;
            }
        }
        let raw: Vec<f64> = bags
            .iter()
            .map(|bag| {
                if bag.is_empty() {
                    return 0.0;
                }
                let shared: f64 = bag
                    .iter()
                    .map(|&w| (df[w as usize] as f64 - 1.0).min(4.0))
                    .sum();
                shared / (bag.len() as f64).sqrt()
            })
            .collect();
        let max = raw.iter().copied().fold(0.0f64, f64::max).max(1e-9);
        Bags {
            centrality: raw.iter().map(|c| c / max).collect(),
            bags,
            title,
        }
    }

    /// Sentence `i` holds four fifths or more of the headline's words.
    fn restates_title(&self, i: usize) -> bool {
        self.title.len() >= 3 && self.title_words(i) * 5 >= self.title.len() * 4
    }

    fn title_words(&self, i: usize) -> usize {
        self.title
            .iter()
            .filter(|w| self.bags[i].binary_search(w).is_ok())
            .count()
    }
}

/// What the document as a whole says about where its judgments are.
struct Layout<'a> {
    /// Sentence `i` stands in a conclusion section (only when some do not).
    in_conclusions: Vec<bool>,
    sectioned: bool,
    /// Evidence sentences of the reported relations, weighted by rank.
    evidence: BTreeMap<(usize, &'a str), f64>,
    /// The first sentence after the headline.
    lede: Option<usize>,
    /// The last sentence of the body, before any credit lines at the foot.
    last_body: usize,
    last_paragraph: usize,
    reference: Option<i32>,
}

impl<'a> Layout<'a> {
    fn new(
        doc: &Document,
        sentences: &[Sentence],
        relations: &'a [Relation],
        lex: &Lexicon,
    ) -> Self {
        let cl = &lex.conclusions;
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
        let mut in_conclusions: Vec<bool> = sentences
            .iter()
            .map(|s| conclusion_section.get(s.section).copied().unwrap_or(false))
            .collect();
        // A conclusion section only tells something when not everything is one.
        if !(in_conclusions.iter().any(|&c| c) && in_conclusions.iter().any(|&c| !c)) {
            in_conclusions.iter_mut().for_each(|c| *c = false);
        }
        let w = &cl.weights.evidence;
        let mut evidence: BTreeMap<(usize, &str), f64> = BTreeMap::new();
        for (i, r) in relations.iter().enumerate() {
            let weight = if i == 0 {
                w[0]
            } else if i < 3 {
                w[1]
            } else {
                w[2]
            };
            for e in &r.evidence {
                let v = evidence.entry((e.paragraph, e.text.as_str())).or_default();
                *v = v.max(weight) + 0.05;
            }
        }
        let last_body = sentences
            .iter()
            .rposition(|s| is_body(s, lex))
            .unwrap_or(sentences.len().saturating_sub(1));
        Layout {
            in_conclusions,
            sectioned: doc.sections.iter().filter(|s| s.heading.is_some()).count() >= 2,
            evidence,
            lede: sentences.iter().position(|s| !is_headline(doc, s)),
            last_body,
            last_paragraph: sentences.get(last_body).map_or(0, |s| s.p),
            reference: reference_year(sentences),
        }
    }
}

/// A sentence of the body, not a credit line at the foot ("Mori reported
/// from Tokyo.", "Editor: Sri Wahyuni") or a fragment ("___", "4.").
fn is_body(s: &Sentence, lex: &Lexicon) -> bool {
    let words = s.text.split_whitespace().count();
    words >= 3
        && crate::ingest::clean::ends_sentence(s.text.trim_end())
        && !(words < 12
            && lex
                .conclusions
                .credits
                .iter()
                .any(|c| s.scan.lower.contains(c.as_str())))
}

/// The headline is the title, not a judgment of the body.
fn is_headline(doc: &Document, s: &Sentence) -> bool {
    s.p == 0 && s.text.trim() == doc.title.trim()
}

/// Where a sentence stands: lede, early paragraphs, section openings, the
/// closing paragraph.
fn place(i: usize, sentences: &[Sentence], lay: &Layout, w: &ConclusionWeights) -> f64 {
    let s = &sentences[i];
    let mut score = 0.0;
    if lay.lede == Some(i) {
        score += w.lede;
    } else if s.s == 0 && s.p < 3 {
        score += w.early_paragraph;
    }
    if lay.sectioned && i > 0 && sentences[i - 1].section != s.section {
        score += w.section_opening;
    }
    if sentences.len() > 4 && s.p == lay.last_paragraph && i <= lay.last_body {
        score += w.closing_paragraph;
        if i == lay.last_body {
            score += w.last_sentence;
        }
    }
    score
}

/// What a sentence's words say: conclusion cues, estimative language and
/// assessment, a statement of the relationship now, or background.
fn wording(s: &Sentence, lay: &Layout, lex: &Lexicon) -> f64 {
    let cl = &lex.conclusions;
    let w = &cl.weights;
    let found = &s.scan.phrases;
    let mut score = 0.0;
    let cue: f64 = found
        .get(cat::CONCLUSION_CUES)
        .iter()
        .map(|m| cl.cue_weights[m.id as usize])
        .sum();
    score += w.cue * cue.min(1.5);
    if !found.get(cat::ESTIMATIVE).is_empty() && lex.estimative.confidence(s.text).is_some() {
        score += w.estimative;
        if !found.get(cat::ASSESSMENT).is_empty() {
            score += w.assessment;
        }
    }
    let present = !found.get(cat::PRESENT_FRAME).is_empty();
    let past = !found.get(cat::PAST_FRAME).is_empty();
    let lower = s.scan.lower_tokens();
    if let Some(at) = lower
        .iter()
        .position(|t| lex.time.relationship.contains(*t))
    {
        let stated = present || !found.get(cat::CUES).is_empty();
        score += if stated {
            w.relationship_state
        } else {
            w.relationship_noun
        };
        // The relationship is what the sentence is about: "Relations between
        // the two are now ...", "Hubungan kedua negara belum putus, ...".
        if stated && at <= 2 {
            score += w.relationship_subject;
        }
    }
    if past && !present {
        score -= w.past_frame;
    }
    // How things stand now ("masih", "kini", "still", "remains") is what a
    // judgment states; narrative tells what happened.
    if present && !past {
        score += w.present;
    }
    if let Some(reference) = lay.reference
        && !s.dates.is_empty()
        && !present
        && s.dates
            .iter()
            .all(|d| d.0.year <= reference - lex.time.past_years)
    {
        score -= w.background;
    }
    score -= w.extra_date * s.dates.len().saturating_sub(2) as f64;
    score
}

/// Reported speech, fragments, captions and questions score lower.
fn form(s: &Sentence) -> f64 {
    let text = s.text;
    let n_words = text.split_whitespace().count();
    let mut score = 0.0;
    if text.starts_with(['"', '“', '‘', '\'']) {
        score -= 0.8;
    } else if !s.scan.phrases.get(cat::ATTRIBUTION).is_empty() && text.contains(['"', '“', '”'])
    {
        score -= 0.3;
    }
    if n_words < 4 {
        score -= 0.8; // "Kuwait.", "4.": a fragment, not a sentence
    } else if n_words < 8 {
        score -= 0.2;
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
    // A photo caption: "President X (left) and Prime Minister Y ...".
    let lower = text.to_lowercase();
    if [
        "(left)", "(right)", "(centre)", "(center)", "(kiri)", "(kanan)", "(tengah)",
    ]
    .iter()
    .any(|m| lower.contains(m))
        || lower.starts_with("foto:")
        || lower.starts_with("photo:")
    {
        score -= 0.8;
    }
    score
}

/// Most important first, skipping near-repeats of what is already chosen.
fn select(mut pool: Vec<(f64, usize)>, bags: &Bags) -> Vec<(f64, usize)> {
    pool.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    // Only the best candidates can make the list: the redundancy check below
    // lowers scores, never raises them.
    pool.truncate(POOL);
    let mut chosen: Vec<(f64, usize)> = Vec::new();
    while chosen.len() < MAX && !pool.is_empty() {
        let (k, adj) = pool
            .iter()
            .enumerate()
            .map(|(k, &(sc, i))| {
                let sim = chosen
                    .iter()
                    .map(|&(_, j)| overlap(&bags.bags[i], &bags.bags[j]))
                    .fold(0.0, f64::max);
                (k, sc - 0.8 * sim)
            })
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .unwrap_or((0, 0.0));
        let (_, i) = pool.remove(k);
        chosen.push((adj, i));
    }
    chosen
}

/// The parts of one sentence's score, for ranking and for `explain`.
struct Parts {
    place: f64,
    wording: f64,
    form: f64,
    section: f64,
    evidence: f64,
    centrality: f64,
    title: f64,
}

impl Parts {
    fn total(&self) -> f64 {
        self.place
            + self.wording
            + self.form
            + self.section
            + self.evidence
            + self.centrality
            + self.title
    }
}

fn parts(i: usize, sentences: &[Sentence], lay: &Layout, bags: &Bags, lex: &Lexicon) -> Parts {
    let w = &lex.conclusions.weights;
    let s = &sentences[i];
    // A sentence that restates the headline adds nothing to it.
    let title = if bags.restates_title(i) {
        if lay.lede == Some(i) {
            -w.lede * 0.5
        } else {
            0.0
        }
    } else {
        w.title_word * bags.title_words(i).min(4) as f64
    };
    Parts {
        place: place(i, sentences, lay, w),
        wording: wording(s, lay, lex),
        form: form(s),
        section: if lay.in_conclusions[i] {
            w.conclusion_section
        } else {
            0.0
        },
        evidence: lay
            .evidence
            .get(&(s.paragraph, s.text))
            .copied()
            .unwrap_or(0.0),
        centrality: w.centrality * bags.centrality[i],
        title,
    }
}

/// Every sentence's score and its parts, in document order (for `explain`).
pub fn explain(
    doc: &Document,
    sentences: &[Sentence],
    relations: &[Relation],
    lex: &Lexicon,
) -> Vec<String> {
    if sentences.is_empty() {
        return Vec::new();
    }
    let bags = Bags::new(doc, sentences, lex);
    let lay = Layout::new(doc, sentences, relations, lex);
    sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !is_headline(doc, s))
        .map(|(i, s)| {
            let p = parts(i, sentences, &lay, &bags, lex);
            format!(
                "{:6.2} place {:5.2} words {:5.2} form {:5.2} sect {:4.2} evid {:4.2} cent {:4.2} title {:5.2} | p{} {}",
                p.total(),
                p.place,
                p.wording,
                p.form,
                p.section,
                p.evidence,
                p.centrality,
                p.title,
                s.paragraph,
                s.text
            )
        })
        .collect()
}

/// Rank the sentences; `relations` are the pairs the document reports
/// (strongest first).
pub fn rank(
    doc: &Document,
    sentences: &[Sentence],
    relations: &[Relation],
    lex: &Lexicon,
) -> Vec<Conclusion> {
    if sentences.is_empty() {
        return Vec::new();
    }
    let bags = Bags::new(doc, sentences, lex);
    let lay = Layout::new(doc, sentences, relations, lex);
    let scored: Vec<(f64, usize)> = sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| !is_headline(doc, s))
        .map(|(i, _)| (parts(i, sentences, &lay, &bags, lex).total(), i))
        .collect();
    let chosen = select(scored, &bags);
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
        // The judgment of who won, stated for now ("sekarang jauh lebih
        // kuat"), and the summing-up ("Secara keseluruhan") both make the list.
        assert!(
            top.iter()
                .any(|t| t.starts_with("Rusia jelas merupakan pemenang")),
            "{top:#?}"
        );
        assert!(
            b.conclusions
                .iter()
                .any(|c| c.text.starts_with("Secara keseluruhan, pada Maret 2021")),
            "{top:#?}"
        );
        assert!(b.conclusions.len() <= MAX);
        assert!(b.conclusions.windows(2).all(|w| w[0].score >= w[1].score));
        assert_eq!(b.conclusions[0].score, 1.0);
    }

    /// The first five judgments of a text.
    fn top(text: &str) -> Vec<String> {
        let b = ingest("x.txt", text.as_bytes(), shared()).unwrap().brief;
        b.conclusions.into_iter().take(5).map(|c| c.text).collect()
    }

    // A news story written for these tests: headline, lede, background with
    // old dates and a chronology, a photo caption, and a closing assessment.
    const STORY: &str = "Chile and Bolivia reopen talks on sea access

Chile and Bolivia agreed on Monday to reopen talks on Bolivian access to the Pacific, ending a freeze that began after the 2018 ruling of the International Court of Justice.

Bolivia lost its coastline to Chile in the War of the Pacific in 1879, and the two countries broke off diplomatic relations in 1962 and again in 1978.

Talks were held in 1975, 1987, 2006 and 2011 without result.

President Gabriel Boric (left) and President Luis Arce met in Santiago.

Chilean officials said a trade corridor to the port of Arica was the most realistic outcome.

Analysts said a full agreement on sovereign access was unlikely before 2027, but that closer economic cooperation between the two neighbours was likely.
";

    #[test]
    fn the_headline_is_the_title_not_a_judgment() {
        let t = top(STORY);
        assert!(
            t.iter()
                .all(|c| c != "Chile and Bolivia reopen talks on sea access"),
            "{t:#?}"
        );
    }

    #[test]
    fn the_lede_and_the_closing_assessment_lead_background_follows() {
        let t = top(STORY);
        let at = |start: &str| t.iter().position(|c| c.starts_with(start));
        let lede = at("Chile and Bolivia agreed on Monday").expect("lede in the top five");
        let assessment = at("Analysts said a full agreement").expect("assessment in the top five");
        for background in [
            "Bolivia lost its coastline",
            "Talks were held in 1975",
            "President Gabriel Boric (left)",
        ] {
            if let Some(b) = at(background) {
                assert!(b > lede && b > assessment, "{background} ranks {b}: {t:#?}");
            }
        }
    }

    #[test]
    fn a_lede_that_restates_the_headline_yields_to_the_substance() {
        // Written for this test.
        let text = "Laos dan Vietnam meresmikan jalur kereta lintas batas\n\nLaos dan Vietnam meresmikan jalur kereta lintas batas di Vientiane pada Senin (3/3/2025).\n\nJalur itu diperkirakan akan menggandakan perdagangan kedua negara dan mengurangi ketergantungan Laos pada pelabuhan Thailand.\n\nPembangunan jalur dimulai pada 2021.\n\nPejabat kedua negara menghadiri upacara peresmian.\n";
        let t = top(text);
        let restated = t
            .iter()
            .position(|c| c.starts_with("Laos dan Vietnam meresmikan"));
        let substance = t
            .iter()
            .position(|c| c.starts_with("Jalur itu diperkirakan"));
        assert!(substance.is_some(), "{t:#?}");
        assert!(restated.is_none_or(|r| r > substance.unwrap()), "{t:#?}");
    }

    #[test]
    fn an_assessment_outranks_a_plain_report_in_indonesian() {
        let text = "Hubungan Peru dan Ekuador

Menteri luar negeri Peru mengunjungi Quito pada Senin untuk membahas perdagangan perbatasan.

Kedua negara berperang pada 1995 di wilayah Cordillera del Cóndor.

Pada 1998 keduanya menandatangani perjanjian damai di Brasilia.

Delegasi membahas jalan raya baru dan pos lintas batas.

Para pengamat menilai kerja sama kedua negara kemungkinan besar akan terus menguat tahun ini.
";
        let t = top(text);
        assert!(
            t.first()
                .is_some_and(|c| c.starts_with("Para pengamat menilai")),
            "{t:#?}"
        );
        let war = t
            .iter()
            .position(|c| c.starts_with("Kedua negara berperang pada 1995"));
        assert!(war.is_none_or(|w| w >= 2), "{t:#?}");
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

    #[test]
    fn a_statement_of_the_relationship_now_ranks_with_the_judgments() {
        // Written for this test: the relationship is the subject of the
        // third paragraph's second sentence, amid reported events.
        for (text, wanted) in [
            (
                "Ghana and Togo trade accusations over border raids

Ghana accused Togo on Tuesday of sheltering gunmen who attacked two border posts in the Volta Region in March 2025.

Togolese officials denied the charge and summoned Ghana's ambassador in Lome. The foreign ministry in Accra said it had evidence from captured fighters.

The two governments signed a security pact in 2019 and held joint patrols until 2023. Relations between Ghana and Togo are now at their lowest point in a decade, diplomats in Accra said.

Both countries are members of ECOWAS, which offered to send observers to the border.

Traders at the Aflao crossing said queues had grown since the raids, and several lorries were turned back on Monday.

A regional summit is scheduled for June in Abuja, where both presidents are expected to attend.
",
                "Relations between Ghana and Togo are now",
            ),
            (
                "Laos dan Kamboja bersitegang soal bendungan di Sungai Mekong

Kamboja memprotes pembangunan bendungan baru Laos di Sungai Mekong pada Senin (7/4/2025).

Pemerintah Laos menyatakan bendungan itu tidak akan mengurangi aliran air. Para nelayan di Stung Treng mengeluhkan hasil tangkapan yang menurun sejak 2024.

Kedua negara menandatangani perjanjian kerja sama sungai pada 1995 dan rutin menggelar pertemuan teknis. Hubungan kedua negara kini tegang, dan pertemuan teknis bulan lalu dibatalkan.

Komisi Sungai Mekong menawarkan kajian independen atas dampak bendungan itu.

Para petani di Kratie mulai menanam padi lebih awal karena khawatir air surut.

Pertemuan tingkat menteri dijadwalkan berlangsung di Vientiane pada Juni.
",
                "Hubungan kedua negara kini tegang",
            ),
        ] {
            // Second at worst, behind the lede only: above the reported
            // events and the closing schedule.
            let t = top(text);
            let at = t.iter().position(|c| c.starts_with(wanted));
            assert!(at.is_some_and(|i| i <= 1), "{wanted}: {t:#?}");
        }
    }

    #[test]
    fn the_closing_sentence_is_the_last_of_the_body_not_the_credits() {
        // Written for this test: the story ends on a short judgment, then a
        // reporting credit (English) or an editor line (Indonesian).
        for (text, closing) in [
            (
                "Peru and Chile reopen their border crossing

Peru and Chile reopened the Tacna-Arica crossing on Friday after a three-week closure over a customs dispute.

Truck drivers had queued for days on both sides. Peru's trade minister said the two governments had agreed on a joint inspection scheme.

Chilean officials said inspections would begin in May at the new terminal near Arica.

Trade across the crossing was worth about $1.2 billion last year, according to customs data.

The next dispute may not be so easy.

Rivera reported from Lima; additional reporting by Ana Soto in Santiago.
",
                "The next dispute may not be so easy.",
            ),
            (
                "Malaysia dan Thailand buka kembali pos lintas batas

Malaysia dan Thailand membuka kembali pos lintas batas Bukit Kayu Hitam pada Jumat (4/4/2025) setelah ditutup tiga pekan.

Ratusan truk sempat mengantre di kedua sisi perbatasan. Menteri perdagangan Malaysia mengatakan kedua pemerintah sepakat memeriksa muatan bersama.

Pemeriksaan bersama dijadwalkan mulai Mei di terminal baru dekat Sadao.

Nilai perdagangan melalui pos itu mencapai sekitar 5 miliar ringgit tahun lalu.

Ujian berikutnya belum tentu semudah ini.

Pewarta: Rina Hapsari
Editor: Budi Utomo
",
                "Ujian berikutnya belum tentu semudah ini.",
            ),
        ] {
            let t = top(text);
            assert!(t.iter().any(|c| c == closing), "{closing}: {t:#?}");
            assert!(
                !t.iter().any(|c| c.contains("reported from") || c.starts_with("Pewarta")),
                "a credit line is not a judgment: {t:#?}"
            );
        }
    }

    #[test]
    fn how_things_stand_now_outranks_what_happened() {
        // Written for this test: two mid-story sentences of the same shape,
        // one narrating a past event, one stating how things still stand.
        for (text, now, then) in [
            (
                "Nepal and Bhutan hold talks on refugees

Nepal and Bhutan held a first round of talks on the return of refugees in Kathmandu on Monday.

The two governments discussed the camps in eastern Nepal and the papers the returnees would need.

A joint verification team visited the camps in the spring and counted the families registered there.

The question of citizenship still divides the two governments, and no date for returns has been set.

Officials said the next round would be held in Thimphu.
",
                "The question of citizenship still divides",
                "A joint verification team visited",
            ),
            (
                "Nepal dan Bhutan gelar perundingan soal pengungsi

Nepal dan Bhutan menggelar perundingan pertama tentang pemulangan pengungsi di Kathmandu pada Senin.

Kedua pemerintah membahas kamp di Nepal timur dan dokumen yang dibutuhkan para pengungsi.

Tim verifikasi gabungan mengunjungi kamp pada musim semi dan mendata keluarga yang terdaftar di sana.

Soal kewarganegaraan masih memisahkan kedua pemerintah, dan belum ada tanggal pemulangan.

Para pejabat mengatakan putaran berikutnya akan digelar di Thimphu.
",
                "Soal kewarganegaraan masih memisahkan",
                "Tim verifikasi gabungan mengunjungi",
            ),
        ] {
            let t = top(text);
            let at = |start: &str| t.iter().position(|c| c.starts_with(start));
            let n = at(now).unwrap_or_else(|| panic!("{now}: {t:#?}"));
            assert!(at(then).is_none_or(|p| p > n), "{now} before {then}: {t:#?}");
        }
    }
}
