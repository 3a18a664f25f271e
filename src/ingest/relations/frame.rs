//! Time frames: how much a cue says about the relation *now*.
//!
//! Articles tell a relation's history to explain its present ("Dari Sekutu
//! Menjadi Musuh", "from battlefield to partnership", "former allies ...
//! relations have never been worse"). The stance must be the state now, so
//! each cue gets a factor on its weight in the stance (the trend and the
//! dated evidence keep the full history):
//!
//! - the clause's frame: a past marker ("pada masa lalu", "during the Cold
//!   War") or dates years before the document's own time weigh less; a
//!   present marker ("kini", "now", "masih", "still") weighs more;
//! - a transition frame ("dari X menjadi Y", "from X to Y"): X is the past,
//!   Y the present; "mantan sekutu", "former allies" are the past;
//! - the headline and the first paragraph weigh more: news puts the state
//!   of things first;
//! - a statement about the relationship itself ("Hubungan kedua negara
//!   memburuk", "Relations ... have soured") weighs more.

use super::cues::Hit;
use super::view::View;
use crate::lexicon::{Lexicon, cat};

pub(super) use super::super::context::reference_year;

/// The clauses that hold a phrase of `category`.
fn clause_marks(v: &View, category: usize) -> Vec<usize> {
    // The clause of the marker's last word: "a decade after" marks the
    // clause "after" opens.
    v.ranges(category)
        .iter()
        .map(|&(_, e)| v.clause(e.saturating_sub(1)))
        .collect()
}

/// The sentence's dates as events: (token where each starts, whether it lies
/// years before the document's time). Dates after "sejak"/"since"/"until"
/// are reference points, not events, and are left out — except an old date
/// that ends something ("a war that lasted until 1949", "berlangsung hingga
/// 1949"): what ended years ago is history.
fn event_dates(v: &View, reference: Option<i32>, lex: &Lexicon) -> Vec<(usize, bool)> {
    let Some(reference) = reference else {
        return Vec::new();
    };
    let t = &lex.time;
    v.sent
        .dates
        .iter()
        .filter_map(|(date, range)| {
            let before = v.text[..range.start]
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())
                .map(str::to_lowercase);
            let old = date.year <= reference - t.past_years;
            let point = before.as_ref().is_some_and(|w| t.since.contains(w));
            let since = before
                .as_ref()
                .is_some_and(|w| matches!(w.as_str(), "sejak" | "semenjak" | "since"));
            (!point || (old && !since)).then(|| (super::view::tok_at(v.toks, range.start), old))
        })
        .collect()
}

/// The clauses whose event dates all lie years before the document's time.
fn old_clauses(dates: &[(usize, bool)], v: &View) -> Vec<usize> {
    let mut per_clause: Vec<(usize, bool)> = Vec::new();
    for &(at, old) in dates {
        let clause = v.clause(at);
        match per_clause.iter_mut().find(|(c, _)| *c == clause) {
            Some(e) => e.1 &= old,
            None => per_clause.push((clause, old)),
        }
    }
    per_clause
        .into_iter()
        .filter(|&(_, old)| old)
        .map(|(c, _)| c)
        .collect()
}

/// The frame factors of one sentence, looked up per cue.
pub(super) struct Frame {
    /// Token starts of dates years before the document's time (not after
    /// "sejak"/"since").
    old_dates: Vec<usize>,
    past: Vec<usize>,
    /// Token ends of the past words ("dulu", "once").
    past_words: Vec<usize>,
    present: Vec<usize>,
    old: Vec<usize>,
    lede: bool,
    /// The frame the paragraph's sentences before set, for a sentence that
    /// sets none of its own.
    inherited: Tense,
}

/// A narrative's time frame carried from sentence to sentence within a
/// paragraph: "Hubungan kedua negara pernah berada di titik nadir. Setelah
/// ..., Baku menutup kedutaannya. Kini keadaannya jauh berbeda. Azerbaijan
/// membuka kembali ...": the middle sentence is still the past, the last
/// is the present.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) enum Tense {
    #[default]
    Unmarked,
    Past,
    Present,
}

impl Frame {
    pub(super) fn new(v: &View, reference: Option<i32>, inherited: Tense, lex: &Lexicon) -> Frame {
        let dates = event_dates(v, reference, lex);
        Frame {
            old: old_clauses(&dates, v),
            old_dates: dates.iter().filter(|d| d.1).map(|d| d.0).collect(),
            past: clause_marks(v, cat::PAST_FRAME),
            past_words: v.ranges(cat::PAST_FRAME).iter().map(|r| r.1).collect(),
            present: clause_marks(v, cat::PRESENT_FRAME),
            lede: v.sent.p <= 1,
            inherited,
        }
    }

    /// The frame this sentence leaves for the next one in its paragraph.
    pub(super) fn carried(&self) -> Tense {
        if !self.present.is_empty() {
            Tense::Present
        } else if !self.past.is_empty() {
            Tense::Past
        } else {
            self.inherited
        }
    }

    /// The factor on `h`'s weight in the stance.
    pub(super) fn factor(&self, v: &View, h: &Hit, hits: &[Hit], lex: &Lexicon) -> f64 {
        let t = &lex.time;
        let mut f = self.tense_factor(v, h, hits, lex);
        if self.lede {
            f *= t.lede_factor;
        }
        if states_relationship(v, h, lex) {
            f *= t.state_factor;
        }
        f
    }

    /// `h` is framed as the past: a date, a past word, a transition's first
    /// part, "former".
    pub(super) fn is_past(&self, v: &View, h: &Hit, hits: &[Hit], lex: &Lexicon) -> bool {
        self.tense_factor(v, h, hits, lex) < 1.0
    }

    /// The factor from the time frame alone (no lede or statement weight).
    fn tense_factor(&self, v: &View, h: &Hit, hits: &[Hit], lex: &Lexicon) -> f64 {
        let t = &lex.time;
        let c = v.clause(h.start);
        // The cue's own date: "Perjanjian Air Indus yang ditandatangani pada
        // 1960", "signed in 1975" is history, whatever the sentence's frame.
        // "a war that lasted until 1949", "perang yang berlangsung hingga
        // 1949": a relative clause right after the cue dates it too.
        let relative_after = v
            .lower
            .get(h.end)
            .is_some_and(|w| matches!(*w, "that" | "which" | "yang"));
        let dated_old = self
            .old_dates
            .iter()
            .any(|&d| d >= h.end && d - h.end <= 5 && (v.clause(d) == c || relative_after));
        // "yang dulu diwarnai kecurigaan", "once hostile": a past word right
        // before the cue frames it, whatever else the clause says.
        let marked_past = self
            .past_words
            .iter()
            .any(|&e| e <= h.start && h.start - e <= 2);
        let mut f = if dated_old || marked_past {
            t.history_factor
        } else if self.present.contains(&c) {
            t.present_factor
        } else if self.past.contains(&c) || self.old.contains(&c) {
            t.history_factor
        } else if !self.present.is_empty() {
            t.present_factor
        } else if !self.past.is_empty() {
            t.history_factor
        } else {
            match self.inherited {
                Tense::Past => t.history_factor,
                Tense::Present => t.present_factor,
                Tense::Unmarked => 1.0,
            }
        };
        f *= transition(v, h, hits, lex);
        if h.start > 0 && lex.relations.former.contains(v.lower[h.start - 1]) {
            f *= t.former_factor;
        }
        f
    }
}

/// "dari sekutu menjadi musuh", "from battlefield to partnership": the
/// factor for a cue inside a transition frame — the past part before "to",
/// the present part after it — and 1 outside one. Both parts must hold a cue.
fn transition(v: &View, h: &Hit, hits: &[Hit], lex: &Lexicon) -> f64 {
    let t = &lex.time;
    let is_from = |i: usize| t.transition_from.contains(v.lower[i]);
    let is_to = |j: usize| t.transition_to.contains(v.lower[j]);
    let cue_in = |a: usize, b: usize| hits.iter().any(|o| o.start >= a && o.end <= b);
    // The past part: "from" shortly before the cue, "to" and a cue shortly after.
    if (h.start.saturating_sub(4)..h.start).any(is_from)
        && let Some(j) = (h.end..(h.end + 4).min(v.lower.len())).find(|&j| is_to(j))
        && cue_in(j + 1, j + 5)
    {
        return t.former_factor;
    }
    // The present part: "to" shortly before the cue, "from" and a cue before that.
    if let Some(j) = (h.start.saturating_sub(3)..h.start)
        .rev()
        .find(|&j| is_to(j))
        && let Some(i) = (j.saturating_sub(5)..j).rev().find(|&i| is_from(i))
        && cue_in(i + 1, j)
    {
        return t.present_factor;
    }
    1.0
}

/// The cue states the relationship itself: a relationship noun opens its
/// clause before it ("Hubungan kedua negara memburuk").
fn states_relationship(v: &View, h: &Hit, lex: &Lexicon) -> bool {
    let c = v.clause(h.start);
    (h.start.saturating_sub(8)..h.start)
        .any(|i| v.clause(i) == c && lex.time.relationship.contains(v.lower[i]))
}

#[cfg(test)]
mod tests {
    use crate::brief::Stance;
    use crate::ingest::{Format, document, extract, lang};
    use crate::lexicon::shared;

    fn relation(text: &str, a: &str, b: &str) -> Option<crate::brief::Relation> {
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        extract(&doc, &lang::detect(text), lex)
            .relations
            .into_iter()
            .find(|r| r.a == a && r.b == b)
    }

    fn stance(text: &str, a: &str, b: &str) -> Option<Stance> {
        relation(text, a, b).map(|r| r.stance)
    }

    // Written for these tests. News tells the history of a relation to explain
    // its present; the stance is the present.

    #[test]
    fn the_present_outweighs_the_past() {
        let en = "Peru and Chile\n\nIn the past, Peru and Chile fought a war over the Atacama coast and their armies clashed again in the 1970s. Now the two neighbours cooperate closely on trade and signed a defence cooperation agreement in 2024.\n";
        assert_eq!(stance(en, "CHL", "PER"), Some(Stance::Cooperation));
        let id = "Peru dan Chile\n\nPada masa lalu, Peru dan Chile berperang memperebutkan pesisir Atacama dan pasukan keduanya bentrok lagi pada 1970-an. Kini kedua negara bekerja sama erat di bidang perdagangan dan menandatangani perjanjian kerja sama pertahanan pada 2024.\n";
        assert_eq!(stance(id, "CHL", "PER"), Some(Stance::Cooperation));
    }

    #[test]
    fn a_war_that_ended_long_ago_is_history() {
        let tone = |text: &str| relation(text, "ERI", "ETH").map(|r| r.tone);
        let id_ended = "Etiopia dan Eritrea\n\nPada Maret 2025 menteri kedua negara bertemu di Asmara dan sepakat membuka perbatasan. Etiopia dan Eritrea terlibat dalam perang yang berlangsung hingga 2000.\n";
        let id_open = "Etiopia dan Eritrea\n\nPada Maret 2025 menteri kedua negara bertemu di Asmara dan sepakat membuka perbatasan. Etiopia dan Eritrea terlibat dalam perang.\n";
        assert!(
            tone(id_ended) > tone(id_open),
            "{:?} {:?}",
            tone(id_ended),
            tone(id_open)
        );
        let en_ended = "Ethiopia and Eritrea\n\nIn March 2025 the two ministers met in Asmara and agreed to open the border. Ethiopia and Eritrea fought a war which lasted until 2000.\n";
        let en_open = "Ethiopia and Eritrea\n\nIn March 2025 the two ministers met in Asmara and agreed to open the border. Ethiopia and Eritrea fought a war.\n";
        assert!(
            tone(en_ended) > tone(en_open),
            "{:?} {:?}",
            tone(en_ended),
            tone(en_open)
        );
    }

    #[test]
    fn a_transition_frame_counts_what_it_became() {
        let id = "Dari Kawan Menjadi Lawan: Kenya dan Tanzania\n\nHubungan Kenya dan Tanzania berubah dari persahabatan menjadi permusuhan setelah sengketa dagang tahun ini.\n";
        assert_eq!(stance(id, "KEN", "TZA"), Some(Stance::Conflict));
        let en = "Kenya and Tanzania: from friendship to hostility\n\nRelations between Kenya and Tanzania turned from friendship to hostility after this year's trade dispute.\n";
        assert_eq!(stance(en, "KEN", "TZA"), Some(Stance::Conflict));
        // "bergeser dari ... menuju ...", "moved from ... towards ...".
        let id = "Kenya dan Tanzania\n\nKenya dan Tanzania kini bergeser dari permusuhan terbuka menuju kerja sama ekonomi.\n";
        assert_eq!(stance(id, "KEN", "TZA"), Some(Stance::Cooperation));
        let en = "Kenya and Tanzania\n\nKenya and Tanzania have now moved from open hostility towards economic cooperation.\n";
        assert_eq!(stance(en, "KEN", "TZA"), Some(Stance::Cooperation));
    }

    #[test]
    fn a_past_word_right_before_a_cue_frames_it_in_a_present_sentence() {
        // Written for this test, both languages: "kini"/"now" frame the
        // clause, "dulu"/"once" the cue right after it.
        let id = "Kenya dan Tanzania\n\nHubungan Kenya dan Tanzania yang dulu diwarnai kecurigaan kini berada pada titik terbaiknya.\n";
        assert_eq!(stance(id, "KEN", "TZA"), Some(Stance::Cooperation));
        let en = "Kenya and Tanzania\n\nRelations between Kenya and Tanzania, which used to be hostile, are now excellent.\n";
        assert_eq!(stance(en, "KEN", "TZA"), Some(Stance::Cooperation));
    }

    #[test]
    fn a_paragraph_keeps_its_time_frame_until_it_changes() {
        // Written for this test: the middle sentence has no marker of its own;
        // it is still the past the first sentence opened.
        let id = "Kenya dan Somalia\n\nHubungan Kenya dan Somalia pernah berada di titik terendah. Nairobi menuduh Mogadishu mendukung serangan dan memutus hubungan diplomatik. Kini keadaannya berbeda: kedua negara membuka kembali kedutaan dan menandatangani perjanjian kerja sama keamanan.\n";
        assert_eq!(stance(id, "KEN", "SOM"), Some(Stance::Cooperation));
    }

    #[test]
    fn a_decade_after_puts_its_clause_in_the_past() {
        let en = "Egypt and Jordan\n\nA decade after they broke off relations and expelled each other's diplomats, Egypt and Jordan have become close partners.\n";
        assert_eq!(stance(en, "EGY", "JOR"), Some(Stance::Cooperation));
    }

    #[test]
    fn former_allies_are_history() {
        let en = "Serbia and Croatia\n\nThe former allies Serbia and Croatia now accuse each other of provocations and have expelled each other's diplomats.\n";
        assert_eq!(stance(en, "HRV", "SRB"), Some(Stance::Conflict));
    }

    #[test]
    fn dates_years_before_the_documents_time_are_history() {
        // The war of 1995 is history for a text whose time is 2025.
        let en = "Ecuador and Peru\n\nEcuador and Peru fought a border war in 1995. In 2025 the two countries signed a trade agreement, and in March 2025 their presidents agreed to cooperate on border security.\n";
        assert_eq!(stance(en, "ECU", "PER"), Some(Stance::Cooperation));
    }

    #[test]
    fn a_cue_dated_years_back_is_history_in_a_present_sentence() {
        // Written for this test: "now" marks the sentence as present, but
        // the agreement "signed in 1975" is history; counted as present, the
        // signing would outweigh today's criticism.
        for text in [
            "Sudan and South Sudan\n\nTension now extends to oil: in May 2025 Sudan criticised South Sudan over the Oil Agreement signed in 1975.\n",
            "Sudan and South Sudan\n\nTension now extends to oil: in May 2025 Sudan complained to South Sudan about the Oil Agreement signed in 1975.\n",
            "Sudan dan Sudan Selatan\n\nKini Sudan mengkritik Sudan Selatan atas kesepakatan minyak yang ditandatangani pada 1975.\n",
        ] {
            assert_ne!(
                stance(text, "SDN", "SSD"),
                Some(Stance::Cooperation),
                "{text}"
            );
        }
    }

    #[test]
    fn the_reference_year_is_the_latest_named_twice() {
        let lex = shared();
        let text = "Laporan\n\nPada 2023 dan Mei 2023 kedua negara bertemu. Target itu berlaku hingga 2030.\n";
        let doc = document(text, Format::Text, lex).unwrap();
        let scanned = crate::ingest::scan::document(&doc, lex);
        let dd = crate::ingest::dates::resolve(&scanned, &lex.dates);
        let found = crate::ingest::actors::find(&doc, &dd, "id", lex);
        let sents = crate::ingest::context::sentences(&doc, &scanned, &found, &dd);
        assert_eq!(super::reference_year(&sents), Some(2023));
    }
}
