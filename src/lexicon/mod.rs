//! Lexicons are data: the TOML files in `lexicon/`, embedded in the binary,
//! extended by the user (config `[lexicon]`: a folder of files in the same
//! format, extra aliases, extra cues). Each stage reads its part; nothing
//! here knows about a particular document.

pub mod gazetteer;
pub mod phrases;

use std::collections::{BTreeMap, HashMap};

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use serde::Deserialize;

use crate::brief::{Confidence, QuadClass, Trend};
pub use gazetteer::{AliasKind, Gazetteer, GazetteerFiles, Mention};
pub use phrases::{Found, PhraseIndex, PhraseMatch, PhraseSet};

/// Categories of [`Lexicon::phrases`]: everything the extraction stages
/// look for in a sentence, found in one pass.
pub mod cat {
    pub const CUES: usize = 0;
    pub const NEGATION: usize = 1;
    pub const NOT_NEGATION: usize = 2;
    pub const MODALITY: usize = 3;
    pub const HYPOTHETICAL: usize = 4;
    pub const REVERSAL: usize = 5;
    pub const PRONOUNS: usize = 6;
    pub const ANAPHORA: usize = 7;
    pub const RECIPROCAL: usize = 8;
    pub const ESTIMATIVE: usize = 9;
    pub const EVENTS: usize = 10;
    pub const PARTNERSHIP: usize = 11;
    pub const MEMBERSHIP: usize = 12;
    pub const LIST_INTRO: usize = 13;
    pub const LED_BY: usize = 14;
    pub const CHAIR: usize = 15;
    pub const CONCLUSION_CUES: usize = 16;
    pub const ATTRIBUTION: usize = 17;
    pub const COLLECTIVE: usize = 18;
    pub const RESPONSE: usize = 19;
    pub const COMPOSITION: usize = 20;
    pub const GROUP_PRONOUNS: usize = 21;
    pub const MEDIATION: usize = 22;
    pub const GROUP_ANAPHORA: usize = 23;
    pub const NON_STATE_OBJECTS: usize = 24;
    pub const PAST_FRAME: usize = 25;
    pub const PRESENT_FRAME: usize = 26;
    pub const ASSESSMENT: usize = 27;
    pub const BREACH: usize = 28;
    pub const MIXED_STATE: usize = 29;
}

/// Everything the pipeline looks words up in.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub clean: CleanLexicon,
    pub abbreviations: Abbreviations,
    pub gazetteer: Gazetteer,
    pub dates: DatesLexicon,
    pub cues: Cues,
    pub modifiers: Modifiers,
    pub estimative: Estimative,
    pub conclusions: ConclusionLexicon,
    pub alliances: AllianceLexicon,
    pub relations: RelationLexicon,
    pub time: TimeLexicon,
    /// Every stage's phrase sets in one automaton (categories in [`cat`]).
    pub phrases: PhraseIndex,
}

/// Structure words for relation extraction (`lexicon/relations.toml`).
#[derive(Debug, Clone)]
pub struct RelationLexicon {
    pub pair_anaphora: PhraseSet,
    pub reciprocal: PhraseSet,
    pub between: FxHashSet<String>,
    pub mutual_nouns: FxHashSet<String>,
    pub coordination: FxHashSet<String>,
    pub target_prepositions: FxHashSet<String>,
    pub target_nouns: FxHashSet<String>,
    pub forum_prepositions: FxHashSet<String>,
    pub place_prepositions: FxHashSet<String>,
    pub presence_nouns: FxHashSet<String>,
    pub former: FxHashSet<String>,
    pub pronouns: PhraseSet,
    pub response: PhraseSet,
    pub mediation: PhraseSet,
    pub mediation_nouns: FxHashSet<String>,
    pub group_anaphora: PhraseSet,
    pub non_state_objects: PhraseSet,
    pub compass: FxHashSet<String>,
    pub subordinators: FxHashSet<String>,
    pub clause_breaks: FxHashSet<String>,
    pub locative: FxHashSet<String>,
    pub document_after: FxHashSet<String>,
    pub document_before: FxHashSet<String>,
    pub organisation_heads: FxHashSet<String>,
    pub group_heads: FxHashSet<String>,
    pub naming_verbs: FxHashSet<String>,
    pub agreement_words: FxHashSet<String>,
    pub currency_before: FxHashSet<String>,
    pub currency_after: FxHashSet<String>,
    pub adversative: FxHashSet<String>,
    pub concessive: FxHashSet<String>,
    pub contrast_share: f64,
    pub mixed_ratio: f64,
    pub min_weight: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RelationsFile {
    pair_anaphora: Vec<String>,
    reciprocal: Vec<String>,
    between: Vec<String>,
    mutual_nouns: Vec<String>,
    coordination: Vec<String>,
    target_prepositions: Vec<String>,
    target_nouns: Vec<String>,
    forum_prepositions: Vec<String>,
    place_prepositions: Vec<String>,
    presence_nouns: Vec<String>,
    former: Vec<String>,
    pronouns: Vec<String>,
    response: Vec<String>,
    mediation: Vec<String>,
    mediation_nouns: Vec<String>,
    group_anaphora: Vec<String>,
    non_state_objects: Vec<String>,
    compass: Vec<String>,
    subordinators: Vec<String>,
    clause_breaks: Vec<String>,
    locative: Vec<String>,
    document_after: Vec<String>,
    document_before: Vec<String>,
    organisation_heads: Vec<String>,
    group_heads: Vec<String>,
    naming_verbs: Vec<String>,
    agreement_words: Vec<String>,
    currency_before: Vec<String>,
    currency_after: Vec<String>,
    adversative: Vec<String>,
    concessive: Vec<String>,
    contrast_share: f64,
    mixed_ratio: f64,
    min_weight: f64,
}

/// Time frames (`lexicon/time.toml`): past and present markers, transition
/// frames, and how much each weighs in a relation's stance now.
#[derive(Debug, Clone)]
pub struct TimeLexicon {
    pub past: PhraseSet,
    pub present: PhraseSet,
    /// Present words of aspect, not of the time of speaking ("masih",
    /// "semakin", "still", "remains"): in a clause dated a year or more back
    /// they tell that time, not now.
    pub aspect: FxHashSet<String>,
    pub transition_from: FxHashSet<String>,
    pub transition_to: FxHashSet<String>,
    pub since: FxHashSet<String>,
    pub relationship: FxHashSet<String>,
    pub mixed_state: PhraseSet,
    pub state_positive: FxHashSet<String>,
    pub state_negative: FxHashSet<String>,
    pub history_factor: f64,
    pub former_factor: f64,
    pub present_factor: f64,
    pub lede_factor: f64,
    pub state_factor: f64,
    pub past_years: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeFile {
    past: Vec<String>,
    present: Vec<String>,
    aspect: Vec<String>,
    transition_from: Vec<String>,
    transition_to: Vec<String>,
    since: Vec<String>,
    relationship: Vec<String>,
    mixed_state: Vec<String>,
    state_positive: Vec<String>,
    state_negative: Vec<String>,
    history_factor: f64,
    former_factor: f64,
    present_factor: f64,
    lede_factor: f64,
    state_factor: f64,
    past_years: i32,
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
    pub never_final: FxHashSet<String>,
    pub may_end: FxHashSet<String>,
    pub starters: FxHashSet<String>,
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

/// Month names and date context words (`lexicon/dates.toml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatesLexicon {
    pub months: FxHashMap<String, u8>,
    pub ambiguous_months: FxHashSet<String>,
    pub month_intro: FxHashSet<String>,
    pub past_markers: FxHashSet<String>,
    pub future_markers: FxHashSet<String>,
    pub count_nouns: FxHashSet<String>,
    pub weekdays: FxHashSet<String>,
    pub date_labels: FxHashSet<String>,
    pub year_min: i32,
    pub year_max: i32,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CueGroup {
    #[serde(default)]
    meaning: String,
    class: String,
    weight: f64,
    #[serde(default)]
    ties: Option<String>,
    forms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrendGroup {
    direction: String,
    #[serde(default)]
    ties: Option<String>,
    forms: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CuesFile {
    #[serde(default)]
    cue: Vec<CueGroup>,
    #[serde(default)]
    trend: Vec<TrendGroup>,
}

/// What a relation cue means.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CueInfo {
    pub class: QuadClass,
    /// Intensity 1..10.
    pub weight: f64,
    /// Improving/worsening, for trend cues.
    pub trend: Option<Trend>,
    /// Cutting or restoring diplomatic ties: a state that lasts until undone.
    pub ties: Option<Ties>,
}

/// A change of diplomatic ties, which lasts until the opposite one
/// (`ties = "cut"` / `ties = "restored"` on a cue or trend group).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ties {
    Cut,
    Restored,
}

fn parse_ties(t: Option<&str>) -> Result<Option<Ties>, String> {
    match t {
        None => Ok(None),
        Some("cut") => Ok(Some(Ties::Cut)),
        Some("restored") => Ok(Some(Ties::Restored)),
        Some(other) => Err(format!("unknown ties {other:?} (cut | restored)")),
    }
}

/// Relation and trend cues (`lexicon/cues.toml`).
#[derive(Debug, Clone)]
pub struct Cues {
    pub set: PhraseSet,
    pub info: Vec<CueInfo>,
}

/// Negation, modality and hypothetical markers (`lexicon/modifiers.toml`).
#[derive(Debug, Clone)]
pub struct Modifiers {
    pub negation: PhraseSet,
    pub not_negation: PhraseSet,
    pub negation_immune: FxHashSet<String>,
    pub pledges: FxHashSet<String>,
    /// "rather than", "ketimbang": the cue after one is the course not taken.
    pub alternatives: FxHashSet<String>,
    /// "stalled", "tersendat": an agreement or talks named before one have
    /// come to a halt (one or two words).
    pub stalls: FxHashSet<String>,
    pub negation_window: usize,
    pub negation_passthrough: FxHashSet<String>,
    pub reversal: PhraseSet,
    pub breach: PhraseSet,
    pub modality: PhraseSet,
    pub modality_window: usize,
    pub modality_factor: f64,
    pub hypothetical: PhraseSet,
    pub hypothetical_factor: f64,
    pub collective: PhraseSet,
    pub collective_factor: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModifiersFile {
    negation: Vec<String>,
    negation_window: usize,
    negation_passthrough: Vec<String>,
    reversal: Vec<String>,
    breach: Vec<String>,
    not_negation: Vec<String>,
    negation_immune: Vec<String>,
    pledges: Vec<String>,
    alternatives: Vec<String>,
    stalls: Vec<String>,
    modality: Vec<String>,
    modality_window: usize,
    modality_factor: f64,
    hypothetical: Vec<String>,
    hypothetical_factor: f64,
    collective: Vec<String>,
    collective_factor: f64,
}

/// Estimative words -> ICD 203 confidence (`lexicon/estimative.toml`).
#[derive(Debug, Clone)]
pub struct Estimative {
    pub set: PhraseSet,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EstimativeTerm {
    confidence: String,
    forms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EstimativeFile {
    term: Vec<EstimativeTerm>,
}

impl Estimative {
    /// The confidence of the first estimative expression in `text`.
    pub fn confidence(&self, text: &str) -> Option<Confidence> {
        self.set
            .find_with(text, |m, t| {
                // "May 2024" is a month, "may" is estimative.
                let found = &t[m.start..m.end];
                let pat = self.set.phrase(m.phrase);
                let lower_pat = pat.chars().next().is_some_and(char::is_lowercase);
                (!(lower_pat
                    && found.chars().next().is_some_and(char::is_uppercase)
                    && m.start > 0))
                    .then_some(0)
            })
            .first()
            .map(|m| Confidence::ALL[m.id as usize])
    }
}

/// Key-judgment ranking data (`lexicon/conclusions.toml`).
#[derive(Debug, Clone)]
pub struct ConclusionLexicon {
    pub headings: Vec<String>,
    pub cues: PhraseSet,
    pub cue_weights: Vec<f64>,
    pub attribution: PhraseSet,
    pub assessment: PhraseSet,
    /// Lower-cased phrases of a credit line at a story's foot.
    pub credits: Vec<String>,
    pub stopwords: FxHashSet<String>,
    pub weights: ConclusionWeights,
}

/// How much each signal adds to a sentence's score as a key judgment
/// (`lexicon/conclusions.toml`, `[weights]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConclusionWeights {
    pub conclusion_section: f64,
    pub cue: f64,
    pub estimative: f64,
    pub assessment: f64,
    pub lede: f64,
    pub early_paragraph: f64,
    pub section_opening: f64,
    pub closing_paragraph: f64,
    pub last_sentence: f64,
    pub present: f64,
    pub relationship_state: f64,
    pub relationship_noun: f64,
    pub relationship_subject: f64,
    pub centrality: f64,
    pub title_word: f64,
    pub evidence: [f64; 3],
    pub background: f64,
    pub past_frame: f64,
    pub extra_date: f64,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConclusionsFile {
    headings: Vec<String>,
    cues: BTreeMap<String, f64>,
    attribution: Vec<String>,
    assessment: Vec<String>,
    credits: Vec<String>,
    stopwords: Vec<String>,
    weights: ConclusionWeights,
}

/// A membership event kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventKind {
    pub action: String,
    /// The member status the event gives, or empty when it makes no member.
    pub member: String,
}

/// Alliance and membership data (`lexicon/alliances.toml`).
#[derive(Debug, Clone)]
pub struct AllianceLexicon {
    pub events: PhraseSet,
    pub event_kinds: Vec<EventKind>,
    pub partnership: PhraseSet,
    pub membership: PhraseSet,
    pub list_intro: PhraseSet,
    pub led_by: PhraseSet,
    pub chair: PhraseSet,
    pub composition: PhraseSet,
    pub continuity: FxHashSet<String>,
    pub group_pronouns: PhraseSet,
    pub member_modifiers: FxHashSet<String>,
    /// Statuses short of membership ("pengamat", "observer", "dialogue
    /// partner"): joining "as" one is no membership.
    pub observer: FxHashSet<String>,
    /// Verbs of supporting someone else's accession ("mendukung proses
    /// aksesi", "backed its bid to join").
    pub supporting: FxHashSet<String>,
    pub reference_nouns: FxHashSet<String>,
    pub demonstratives: FxHashSet<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct EventGroup {
    action: String,
    member: String,
    forms: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct AlliancesFile {
    event: Vec<EventGroup>,
    partnership: Vec<String>,
    membership: Vec<String>,
    list_intro: Vec<String>,
    led_by: Vec<String>,
    chair: Vec<String>,
    composition: Vec<String>,
    inclusion: Vec<String>,
    continuity: Vec<String>,
    group_pronouns: Vec<String>,
    member_modifiers: Vec<String>,
    observer: Vec<String>,
    supporting: Vec<String>,
    reference_nouns: Vec<String>,
    demonstratives: Vec<String>,
}

/// User additions to the shipped lexicons (config `[lexicon]`).
#[derive(Debug, Clone, Default)]
pub struct Extension {
    /// A folder holding any of `states.toml`, `organisations.toml`,
    /// `groups.toml`, `leaders.toml`, `cues.toml` in the shipped format.
    pub dir: Option<std::path::PathBuf>,
    /// Extra names: alias -> actor id.
    pub aliases: Vec<(String, String)>,
    /// Extra cues: surface form -> (class, weight).
    pub cues: Vec<(String, QuadClass, f64)>,
}

/// A lexicon that cannot be built from the user's additions.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct LexiconError {
    pub file: String,
    pub message: String,
}

const CLEAN_TOML: &str = include_str!("../../lexicon/clean.toml");
const ABBREVIATIONS_TOML: &str = include_str!("../../lexicon/abbreviations.toml");
const STATES_TOML: &str = include_str!("../../lexicon/states.toml");
const ORGANISATIONS_TOML: &str = include_str!("../../lexicon/organisations.toml");
const GROUPS_TOML: &str = include_str!("../../lexicon/groups.toml");
const LEADERS_TOML: &str = include_str!("../../lexicon/leaders.toml");
const NOT_ACTORS_TOML: &str = include_str!("../../lexicon/not_actors.toml");
const DATES_TOML: &str = include_str!("../../lexicon/dates.toml");
const CUES_TOML: &str = include_str!("../../lexicon/cues.toml");
const MODIFIERS_TOML: &str = include_str!("../../lexicon/modifiers.toml");
const ESTIMATIVE_TOML: &str = include_str!("../../lexicon/estimative.toml");
const CONCLUSIONS_TOML: &str = include_str!("../../lexicon/conclusions.toml");
const ALLIANCES_TOML: &str = include_str!("../../lexicon/alliances.toml");
const RELATIONS_TOML: &str = include_str!("../../lexicon/relations.toml");
const TIME_TOML: &str = include_str!("../../lexicon/time.toml");

fn parse<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        });
        LexiconError {
            file: format!("{name}:{line}"),
            message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
        }
    })
}

fn embedded<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> T {
    // The embedded files are fixed at build time and checked by tests; a
    // failure here is a build defect, not bad user input.
    parse(&format!("lexicon/{name}"), text).unwrap_or_else(|e| panic!("embedded {e}"))
}

fn cues_from(file: CuesFile, extra: &[(String, QuadClass, f64)]) -> Result<Cues, String> {
    let mut items: Vec<(String, u32)> = Vec::new();
    let mut info: Vec<CueInfo> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (form, class, weight) in extra {
        info.push(CueInfo {
            class: *class,
            weight: *weight,
            trend: None,
            ties: None,
        });
        index.insert(form.to_lowercase(), info.len() - 1);
        items.push((form.clone(), (info.len() - 1) as u32));
    }
    for g in file.cue {
        let class = QuadClass::parse(&g.class)
            .ok_or_else(|| format!("cue group {:?}: unknown class {:?}", g.meaning, g.class))?;
        info.push(CueInfo {
            class,
            weight: g.weight.clamp(0.0, 10.0),
            trend: None,
            ties: parse_ties(g.ties.as_deref())?,
        });
        let id = info.len() - 1;
        for f in g.forms {
            index.entry(f.to_lowercase()).or_insert(id);
            items.push((f, id as u32));
        }
    }
    for t in file.trend {
        let trend = match t.direction.as_str() {
            "worsening" => Trend::Worsening,
            "improving" => Trend::Improving,
            other => return Err(format!("unknown trend direction {other:?}")),
        };
        let (class, weight) = match trend {
            Trend::Worsening => (QuadClass::VerbalConflict, 4.0),
            _ => (QuadClass::VerbalCooperation, 4.0),
        };
        let ties = parse_ties(t.ties.as_deref())?;
        for f in t.forms {
            match index.get(&f.to_lowercase()) {
                // A form that is both a cue and a trend keeps its class and gains the trend.
                Some(&i) => {
                    info[i].trend = Some(trend);
                    info[i].ties = info[i].ties.or(ties);
                }
                None => {
                    info.push(CueInfo {
                        class,
                        weight,
                        trend: Some(trend),
                        ties,
                    });
                    index.insert(f.to_lowercase(), info.len() - 1);
                    items.push((f, (info.len() - 1) as u32));
                }
            }
        }
    }
    // Trend cues listed with a group keep per-form info: split shared ids.
    let mut per_form: Vec<(String, u32)> = Vec::new();
    let mut final_info: Vec<CueInfo> = Vec::new();
    for (form, id) in items {
        let i = index
            .get(&form.to_lowercase())
            .copied()
            .unwrap_or(id as usize);
        final_info.push(info[i]);
        per_form.push((form, (final_info.len() - 1) as u32));
    }
    // Indonesian attaches "-nya" (its, their) to the last noun of a phrase:
    // "membuka kembali kedutaan" is also "membuka kembali kedutaannya".
    let known: rustc_hash::FxHashSet<String> =
        per_form.iter().map(|(f, _)| f.to_lowercase()).collect();
    let mut enclitic: Vec<(String, u32)> = Vec::new();
    for (form, id) in &per_form {
        let last = form.rsplit(' ').next().unwrap_or("");
        let variant = format!("{form}nya");
        if form.contains(' ')
            && last.len() >= 4
            && last.chars().all(char::is_alphabetic)
            && !last.ends_with("nya")
            && !known.contains(&variant.to_lowercase())
        {
            enclitic.push((variant, *id));
        }
    }
    per_form.extend(enclitic);
    Ok(Cues {
        set: PhraseSet::new(per_form),
        info: final_info,
    })
}

fn numbered(forms: &[String]) -> Vec<(String, u32)> {
    forms.iter().map(|f| (f.clone(), 0)).collect()
}

impl Lexicon {
    /// The lexicons shipped in `lexicon/`.
    pub fn embedded() -> Lexicon {
        Lexicon::with_extension(&Extension::default())
            .unwrap_or_else(|e| panic!("embedded lexicon: {e}"))
    }

    /// The shipped lexicons with the user's additions.
    pub fn with_extension(ext: &Extension) -> Result<Lexicon, LexiconError> {
        let mut gaz = GazetteerFiles::default();
        for (name, text) in [
            ("states.toml", STATES_TOML),
            ("organisations.toml", ORGANISATIONS_TOML),
            ("groups.toml", GROUPS_TOML),
            ("leaders.toml", LEADERS_TOML),
            ("not_actors.toml", NOT_ACTORS_TOML),
        ] {
            gaz.merge(embedded(name, text));
        }
        let mut cues_file: CuesFile = embedded("cues.toml", CUES_TOML);
        if let Some(dir) = &ext.dir {
            for name in [
                "states.toml",
                "organisations.toml",
                "groups.toml",
                "leaders.toml",
            ] {
                if let Some((label, text)) = read_user(dir, name)? {
                    gaz.merge(parse(&label, &text)?);
                }
            }
            if let Some((label, text)) = read_user(dir, "cues.toml")? {
                let user: CuesFile = parse(&label, &text)?;
                cues_file.cue.extend(user.cue);
                cues_file.trend.extend(user.trend);
            }
        }
        let gazetteer = Gazetteer::build(&gaz, &ext.aliases).map_err(|message| LexiconError {
            file: "lexicon".into(),
            message,
        })?;
        let cues = cues_from(cues_file, &ext.cues).map_err(|message| LexiconError {
            file: "cues.toml".into(),
            message,
        })?;
        let m: ModifiersFile = embedded("modifiers.toml", MODIFIERS_TOML);
        let modifiers = Modifiers {
            negation: PhraseSet::new(numbered(&m.negation)),
            not_negation: PhraseSet::new(numbered(&m.not_negation)),
            alternatives: m.alternatives.iter().map(|s| s.to_lowercase()).collect(),
            stalls: m.stalls.iter().map(|s| s.to_lowercase()).collect(),
            negation_immune: m.negation_immune.iter().map(|s| s.to_lowercase()).collect(),
            pledges: m.pledges.iter().map(|s| s.to_lowercase()).collect(),
            negation_window: m.negation_window,
            negation_passthrough: m
                .negation_passthrough
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            reversal: PhraseSet::new(numbered(&m.reversal)),
            breach: PhraseSet::new(numbered(&m.breach)),
            modality: PhraseSet::new(numbered(&m.modality)),
            modality_window: m.modality_window,
            modality_factor: m.modality_factor,
            hypothetical: PhraseSet::new(numbered(&m.hypothetical)),
            hypothetical_factor: m.hypothetical_factor,
            collective: PhraseSet::new(numbered(&m.collective)),
            collective_factor: m.collective_factor,
        };
        let e: EstimativeFile = embedded("estimative.toml", ESTIMATIVE_TOML);
        let mut est_items = Vec::new();
        for t in &e.term {
            let c = Confidence::parse(&t.confidence).unwrap_or_else(|| {
                panic!(
                    "lexicon/estimative.toml: unknown confidence {:?}",
                    t.confidence
                )
            });
            let id = Confidence::ALL.iter().position(|x| *x == c).unwrap_or(0) as u32;
            est_items.extend(t.forms.iter().map(|f| (f.clone(), id)));
        }
        let c: ConclusionsFile = embedded("conclusions.toml", CONCLUSIONS_TOML);
        let cue_weights: Vec<f64> = c.cues.values().copied().collect();
        let conclusions = ConclusionLexicon {
            headings: c.headings.iter().map(|h| h.to_lowercase()).collect(),
            cues: PhraseSet::new(
                c.cues
                    .keys()
                    .enumerate()
                    .map(|(i, k)| (k.clone(), i as u32)),
            ),
            cue_weights,
            attribution: PhraseSet::new(numbered(&c.attribution)),
            assessment: PhraseSet::new(numbered(&c.assessment)),
            credits: c.credits.iter().map(|w| w.to_lowercase()).collect(),
            stopwords: c.stopwords.iter().map(|w| w.to_lowercase()).collect(),
            weights: c.weights.clone(),
        };
        let a: AlliancesFile = embedded("alliances.toml", ALLIANCES_TOML);
        let mut ev_items = Vec::new();
        let mut event_kinds = Vec::new();
        for g in &a.event {
            event_kinds.push(EventKind {
                action: g.action.clone(),
                member: g.member.clone(),
            });
            let id = (event_kinds.len() - 1) as u32;
            ev_items.extend(g.forms.iter().map(|f| (f.clone(), id)));
        }
        let alliances = AllianceLexicon {
            events: PhraseSet::new(ev_items),
            event_kinds,
            partnership: PhraseSet::new(numbered(&a.partnership)),
            membership: PhraseSet::new(numbered(&a.membership)),
            list_intro: PhraseSet::new(numbered(&a.list_intro)),
            led_by: PhraseSet::new(numbered(&a.led_by)),
            chair: PhraseSet::new(numbered(&a.chair)),
            // Composition forms are id 0, inclusion forms ("also includes")
            // `statements::INCLUSION`.
            composition: PhraseSet::new(
                numbered(&a.composition)
                    .into_iter()
                    .chain(
                        a.inclusion
                            .iter()
                            .map(|f| (f.clone(), crate::ingest::alliances::INCLUSION)),
                    )
                    .collect::<Vec<(String, u32)>>(),
            ),
            continuity: a.continuity.iter().map(|w| w.to_lowercase()).collect(),
            group_pronouns: PhraseSet::new(numbered(&a.group_pronouns)),
            member_modifiers: a
                .member_modifiers
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
            observer: a.observer.iter().map(|w| w.to_lowercase()).collect(),
            supporting: a.supporting.iter().map(|w| w.to_lowercase()).collect(),
            reference_nouns: a.reference_nouns.iter().map(|w| w.to_lowercase()).collect(),
            demonstratives: a.demonstratives.iter().map(|w| w.to_lowercase()).collect(),
        };
        let r: RelationsFile = embedded("relations.toml", RELATIONS_TOML);
        let lower_set = |v: &[String]| {
            v.iter()
                .map(|s| s.to_lowercase())
                .collect::<FxHashSet<String>>()
        };
        let relations = RelationLexicon {
            pair_anaphora: PhraseSet::new(numbered(&r.pair_anaphora)),
            reciprocal: PhraseSet::new(numbered(&r.reciprocal)),
            between: lower_set(&r.between),
            mutual_nouns: lower_set(&r.mutual_nouns),
            coordination: lower_set(&r.coordination),
            target_prepositions: lower_set(&r.target_prepositions),
            target_nouns: lower_set(&r.target_nouns),
            forum_prepositions: lower_set(&r.forum_prepositions),
            place_prepositions: lower_set(&r.place_prepositions),
            presence_nouns: lower_set(&r.presence_nouns),
            former: lower_set(&r.former),
            pronouns: PhraseSet::new(numbered(&r.pronouns)),
            response: PhraseSet::new(numbered(&r.response)),
            mediation: PhraseSet::new(numbered(&r.mediation)),
            mediation_nouns: lower_set(&r.mediation_nouns),
            group_anaphora: PhraseSet::new(numbered(&r.group_anaphora)),
            non_state_objects: PhraseSet::new(numbered(&r.non_state_objects)),
            compass: lower_set(&r.compass),
            subordinators: lower_set(&r.subordinators),
            clause_breaks: lower_set(&r.clause_breaks),
            locative: lower_set(&r.locative),
            document_after: lower_set(&r.document_after),
            document_before: lower_set(&r.document_before),
            organisation_heads: lower_set(&r.organisation_heads),
            group_heads: lower_set(&r.group_heads),
            naming_verbs: lower_set(&r.naming_verbs),
            agreement_words: lower_set(&r.agreement_words),
            currency_before: lower_set(&r.currency_before),
            currency_after: lower_set(&r.currency_after),
            adversative: lower_set(&r.adversative),
            concessive: lower_set(&r.concessive),
            contrast_share: r.contrast_share,
            mixed_ratio: r.mixed_ratio,
            min_weight: r.min_weight,
        };
        let estimative = Estimative {
            set: PhraseSet::new(est_items),
        };
        let t: TimeFile = embedded("time.toml", TIME_TOML);
        let time = TimeLexicon {
            past: PhraseSet::new(numbered(&t.past)),
            present: PhraseSet::new(numbered(&t.present)),
            aspect: lower_set(&t.aspect),
            transition_from: lower_set(&t.transition_from),
            transition_to: lower_set(&t.transition_to),
            since: lower_set(&t.since),
            relationship: lower_set(&t.relationship),
            mixed_state: PhraseSet::new(numbered(&t.mixed_state)),
            state_positive: lower_set(&t.state_positive),
            state_negative: lower_set(&t.state_negative),
            history_factor: t.history_factor,
            former_factor: t.former_factor,
            present_factor: t.present_factor,
            lede_factor: t.lede_factor,
            state_factor: t.state_factor,
            past_years: t.past_years,
        };
        let phrases = PhraseIndex::new(&[
            cues.set.items(),
            modifiers.negation.items(),
            modifiers.not_negation.items(),
            modifiers.modality.items(),
            modifiers.hypothetical.items(),
            modifiers.reversal.items(),
            relations.pronouns.items(),
            relations.pair_anaphora.items(),
            relations.reciprocal.items(),
            estimative.set.items(),
            alliances.events.items(),
            alliances.partnership.items(),
            alliances.membership.items(),
            alliances.list_intro.items(),
            alliances.led_by.items(),
            alliances.chair.items(),
            conclusions.cues.items(),
            conclusions.attribution.items(),
            modifiers.collective.items(),
            relations.response.items(),
            alliances.composition.items(),
            alliances.group_pronouns.items(),
            relations.mediation.items(),
            relations.group_anaphora.items(),
            relations.non_state_objects.items(),
            time.past.items(),
            time.present.items(),
            conclusions.assessment.items(),
            modifiers.breach.items(),
            time.mixed_state.items(),
        ]);
        Ok(Lexicon {
            phrases,
            relations,
            time,
            clean: embedded("clean.toml", CLEAN_TOML),
            abbreviations: Abbreviations::from_file(embedded(
                "abbreviations.toml",
                ABBREVIATIONS_TOML,
            )),
            gazetteer,
            dates: embedded("dates.toml", DATES_TOML),
            cues,
            modifiers,
            estimative,
            conclusions,
            alliances,
        })
    }
}

fn read_user(dir: &Path, name: &str) -> Result<Option<(String, String)>, LexiconError> {
    let path = dir.join(name);
    match std::fs::read_to_string(&path) {
        Ok(t) => Ok(Some((path.display().to_string(), t))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(LexiconError {
            file: path.display().to_string(),
            message: e.to_string(),
        }),
    }
}

/// The embedded lexicon, built once.
pub fn shared() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(Lexicon::embedded)
}

/// A fingerprint of the shipped gazetteer files: what is built from them
/// (the search index's actor tags) is stale when it changes.
pub fn gazetteer_fingerprint() -> u64 {
    // FNV-1a: stable across builds and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for text in [
        STATES_TOML,
        ORGANISATIONS_TOML,
        GROUPS_TOML,
        LEADERS_TOML,
        NOT_ACTORS_TOML,
    ] {
        for b in text.bytes().chain([0]) {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The sentence splitter's abbreviations alone, parsed once: the reader
/// splits paragraphs into sentences without building the whole lexicon.
pub fn abbreviations() -> &'static Abbreviations {
    static ABBR: std::sync::OnceLock<Abbreviations> = std::sync::OnceLock::new();
    ABBR.get_or_init(|| {
        Abbreviations::from_file(embedded("abbreviations.toml", ABBREVIATIONS_TOML))
    })
}

/// Every name of every actor in the shipped gazetteer, by actor id (display
/// name first), for search: typing "amerika" finds the United States. Parsed
/// once, without building the matcher.
pub fn actor_names() -> &'static HashMap<String, Vec<String>> {
    static NAMES: std::sync::OnceLock<HashMap<String, Vec<String>>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut gaz = GazetteerFiles::default();
        for (name, text) in [
            ("states.toml", STATES_TOML),
            ("organisations.toml", ORGANISATIONS_TOML),
            ("groups.toml", GROUPS_TOML),
        ] {
            gaz.merge(embedded(name, text));
        }
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        let mut put = |id: &str, names: Vec<&String>| {
            let v = out.entry(id.to_string()).or_default();
            for n in names {
                if !v.contains(n) {
                    v.push(n.clone());
                }
            }
        };
        for s in &gaz.state {
            put(
                &s.id,
                std::iter::once(&s.name)
                    .chain(&s.names)
                    .chain(&s.acronyms)
                    .chain(&s.acronyms_id)
                    .chain(&s.acronyms_en)
                    .chain(&s.capitals)
                    .chain(&s.adjectives)
                    .collect(),
            );
        }
        for o in &gaz.organisation {
            put(
                &o.id,
                std::iter::once(&o.name)
                    .chain(&o.names)
                    .chain(&o.acronyms)
                    .chain(&o.acronyms_id)
                    .chain(&o.acronyms_en)
                    .collect(),
            );
        }
        for g in &gaz.group {
            put(
                &g.id,
                std::iter::once(&g.name)
                    .chain(&g.names)
                    .chain(&g.acronyms)
                    .chain(&g.acronyms_id)
                    .chain(&g.acronyms_en)
                    .collect(),
            );
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_takes_the_enclitic_nya() {
        // "membuka kembali kedutaan" is listed; "kedutaannya" (its embassy) is found too.
        let lex = shared();
        let found = lex
            .phrases
            .find("Azerbaijan membuka kembali kedutaannya di Teheran.");
        assert!(
            found
                .get(cat::CUES)
                .iter()
                .any(|m| lex.phrases.phrase(m.phrase).ends_with("kedutaannya")),
            "{:?}",
            found.get(cat::CUES)
        );
    }

    #[test]
    fn embedded_lexicons_parse() {
        let lex = Lexicon::embedded();
        assert!(lex.abbreviations.never_final.contains("dr"));
        assert!(lex.abbreviations.may_end.contains("dll"));
        assert!(lex.abbreviations.starters.contains("The"));
        assert!(lex.clean.chapter_words.iter().any(|w| w == "bab"));
        assert_eq!(lex.clean.mojibake.get("â€™").map(String::as_str), Some("’"));
        assert_eq!(lex.dates.months.get("maret"), Some(&3));
        assert!(!lex.cues.set.is_empty());
        assert!(abbreviations().may_end.contains("dll"));
        let usa = &actor_names()["USA"];
        assert_eq!(usa[0], "United States");
        assert!(usa.iter().any(|n| n == "Amerika Serikat"));
        assert!(usa.iter().any(|n| n == "AS"));
        assert!(actor_names()["CSTO"].len() > 1);
    }

    #[test]
    fn estimative_words_map_to_icd_203() {
        let lex = shared();
        let cases = [
            (
                "Situasi itu kemungkinan besar akan tetap stabil.",
                Some(Confidence::Likely),
            ),
            (
                "Invasi ke Taiwan tidak mungkin terjadi dalam waktu dekat.",
                Some(Confidence::AlmostNoChance),
            ),
            (
                "China mungkin masih mengincar Taiwan.",
                Some(Confidence::RoughlyEvenChance),
            ),
            (
                "Hal ini hampir tidak berpotensi mengganggu stabilitas.",
                Some(Confidence::VeryUnlikely),
            ),
            (
                "Kecil kemungkinan Jakarta mengubah sikapnya.",
                Some(Confidence::Unlikely),
            ),
            (
                "Serangan itu hampir pasti dilakukan oleh militer.",
                Some(Confidence::AlmostCertain),
            ),
            (
                "Moscow will almost certainly keep its troops there.",
                Some(Confidence::AlmostCertain),
            ),
            (
                "A deal is unlikely before the election.",
                Some(Confidence::Unlikely),
            ),
            (
                "Talks are likely to resume in May.",
                Some(Confidence::Likely),
            ),
            ("In May 2024, the ministers met.", None),
            ("Kedua negara menandatangani perjanjian.", None),
        ];
        for (text, want) in cases {
            assert_eq!(lex.estimative.confidence(text), want, "{text}");
        }
    }
}
