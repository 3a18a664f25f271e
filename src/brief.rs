//! The brief: one source document turned into structured content plus its
//! cleaned text. Every field of the JSON schema in `design.md` lives here; the
//! same types serialise to the TOML front matter of `briefs/<id>.md` and to
//! `--json` output.

use serde::{Deserialize, Serialize};

/// A structured brief. `body` (the cleaned source text as Markdown) is not part
/// of the front matter; [`crate::frontmatter`] writes it after the `+++` block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    /// Stable id derived from the source (see [`crate::ids`]); also the file stem.
    pub id: String,
    pub title: String,
    /// ISO 639-1 code (`id`, `en`), or an ISO 639-3 code for other languages.
    pub language: String,
    /// The source path as given to `ingest`, relative when possible.
    pub source: String,
    #[serde(default)]
    pub source_sha256: String,
    #[serde(default)]
    pub generator: String,
    /// The document's own date (its dateline), when it states one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Hash of the file as generated (with this value blank). A brief whose
    /// text no longer matches was edited by hand and is not overwritten by
    /// `ingest` without `--force`. Empty for briefs written by hand.
    #[serde(default)]
    pub content_sha256: String,
    /// What fuzzy search offers as topics: pairs, organisations, headings.
    #[serde(default)]
    pub topics: Vec<String>,
    /// States and organisations named in the document.
    #[serde(default)]
    pub actors: Vec<Actor>,
    /// Non-state armed groups and movements (kind "group"), kept apart from
    /// `actors` so that relations and the tone matrix are between states
    /// and organisations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<Actor>,
    #[serde(default)]
    pub conclusions: Vec<Conclusion>,
    /// Relations between states and organisations.
    #[serde(default)]
    pub relations: Vec<Relation>,
    /// Relations with a non-state group on one side (a state fighting or
    /// talking to an armed group), in the same form.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub group_relations: Vec<Relation>,
    #[serde(default)]
    pub alliances: Vec<Alliance>,
    #[serde(default)]
    pub timeline: Vec<TimelineEntry>,
    /// Cleaned source text as Markdown (after the front matter in the file).
    #[serde(skip)]
    pub body: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    State,
    Organisation,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::State => "state",
            ActorKind::Organisation => "organisation",
            ActorKind::Group => "group",
        }
    }
}

/// A state, organisation or non-state group named in the document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// ISO 3166-1 alpha-3 for states, acronym for organisations.
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    pub mentions: u32,
}

/// ICD 203 expressions of likelihood, from the source's own estimative words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Confidence {
    #[serde(rename = "almost no chance")]
    AlmostNoChance,
    #[serde(rename = "very unlikely")]
    VeryUnlikely,
    #[serde(rename = "unlikely")]
    Unlikely,
    #[serde(rename = "roughly even chance")]
    RoughlyEvenChance,
    #[serde(rename = "likely")]
    Likely,
    #[serde(rename = "very likely")]
    VeryLikely,
    #[serde(rename = "almost certain")]
    AlmostCertain,
}

impl Confidence {
    pub const ALL: [Confidence; 7] = [
        Confidence::AlmostNoChance,
        Confidence::VeryUnlikely,
        Confidence::Unlikely,
        Confidence::RoughlyEvenChance,
        Confidence::Likely,
        Confidence::VeryLikely,
        Confidence::AlmostCertain,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::AlmostNoChance => "almost no chance",
            Confidence::VeryUnlikely => "very unlikely",
            Confidence::Unlikely => "unlikely",
            Confidence::RoughlyEvenChance => "roughly even chance",
            Confidence::Likely => "likely",
            Confidence::VeryLikely => "very likely",
            Confidence::AlmostCertain => "almost certain",
        }
    }

    pub fn parse(s: &str) -> Option<Confidence> {
        Confidence::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A key judgment: a sentence that carries one of the document's conclusions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conclusion {
    pub text: String,
    pub confidence: Option<Confidence>,
    pub score: f64,
    /// 1-based paragraph number in the body.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    Cooperation,
    Conflict,
    Mixed,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Cooperation => "cooperation",
            Stance::Conflict => "conflict",
            Stance::Mixed => "mixed",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Improving,
    Worsening,
    Stable,
    Unknown,
}

impl Trend {
    pub fn as_str(self) -> &'static str {
        match self {
            Trend::Improving => "improving",
            Trend::Worsening => "worsening",
            Trend::Stable => "stable",
            Trend::Unknown => "unknown",
        }
    }
}

/// The CAMEO/PLOVER quad classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuadClass {
    VerbalCooperation,
    MaterialCooperation,
    VerbalConflict,
    MaterialConflict,
}

impl QuadClass {
    pub const ALL: [QuadClass; 4] = [
        QuadClass::VerbalCooperation,
        QuadClass::MaterialCooperation,
        QuadClass::VerbalConflict,
        QuadClass::MaterialConflict,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuadClass::VerbalCooperation => "verbal-cooperation",
            QuadClass::MaterialCooperation => "material-cooperation",
            QuadClass::VerbalConflict => "verbal-conflict",
            QuadClass::MaterialConflict => "material-conflict",
        }
    }

    pub fn parse(s: &str) -> Option<QuadClass> {
        QuadClass::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn is_cooperation(self) -> bool {
        matches!(
            self,
            QuadClass::VerbalCooperation | QuadClass::MaterialCooperation
        )
    }
}

/// How a pair of actors relate, with the sentences that show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// Actor ids with `a < b`.
    pub a: String,
    pub b: String,
    pub stance: Stance,
    /// -10 (war) .. +10 (alliance).
    pub tone: f64,
    pub trend: Trend,
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub text: String,
    pub date: Option<String>,
    pub class: QuadClass,
    pub paragraph: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AllianceKind {
    Organisation,
    Partnership,
    Alignment,
}

impl AllianceKind {
    pub fn as_str(self) -> &'static str {
        match self {
            AllianceKind::Organisation => "organisation",
            AllianceKind::Partnership => "partnership",
            AllianceKind::Alignment => "alignment",
        }
    }
}

/// An organisation, a formal partnership or an alignment, with its members
/// as the text states them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alliance {
    pub id: String,
    pub name: String,
    pub kind: AllianceKind,
    #[serde(default)]
    pub members: Vec<Member>,
    /// Membership events (join, apply, suspend, leave, sign, ratify, ...),
    /// in text order. An addition to the design's schema.
    #[serde(default)]
    pub events: Vec<MembershipEvent>,
    #[serde(default)]
    pub evidence: Vec<AllianceEvidence>,
}

/// Something that happened to a membership, as the text reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MembershipEvent {
    pub actor: String,
    /// `join`, `apply`, `suspend`, `leave`, `expel`, `sign`, `ratify`.
    pub action: String,
    pub date: Option<String>,
    pub paragraph: usize,
}

/// A member and what the text says of its membership: `member`, `suspended`,
/// `applicant`, `signatory`, `ratified`, `left`, `ally`, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub actor: String,
    pub status: String,
    pub date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllianceEvidence {
    pub text: String,
    pub date: Option<String>,
    pub paragraph: usize,
}

/// One dated sentence (one entry per absolute date expression).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineEntry {
    pub date: String,
    pub text: String,
    #[serde(default)]
    pub actors: Vec<String>,
    pub paragraph: usize,
}

impl Brief {
    /// The brief as the JSON object of the design's schema, plus its `body`.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or(serde_json::Value::Null);
        if let serde_json::Value::Object(map) = &mut v {
            map.insert("body".into(), serde_json::Value::String(self.body.clone()));
        }
        v
    }

    /// A one-line summary for `list` and the library view.
    pub fn summary(&self) -> BriefSummary {
        BriefSummary {
            id: self.id.clone(),
            title: self.title.clone(),
            language: self.language.clone(),
            date: self.date.clone(),
            source: self.source.clone(),
            actors: self.actors.len(),
            relations: self.relations.len(),
            alliances: self.alliances.len(),
            conclusions: self.conclusions.len(),
        }
    }
}

/// What `list` prints for one brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefSummary {
    pub id: String,
    pub title: String,
    pub language: String,
    pub date: Option<String>,
    pub source: String,
    pub actors: usize,
    pub relations: usize,
    pub alliances: usize,
    pub conclusions: usize,
}

/// English name of a language code, for display.
pub fn language_name(code: &str) -> &str {
    match code {
        "id" => "Indonesian",
        "en" => "English",
        "ms" => "Malay",
        "fr" => "French",
        "de" => "German",
        "es" => "Spanish",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "ru" => "Russian",
        "ar" => "Arabic",
        "zh" => "Chinese",
        "ja" => "Japanese",
        "tr" => "Turkish",
        "" | "und" => "unknown",
        other => other,
    }
}
