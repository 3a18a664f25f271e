//! The reader's memory across runs: the last position in each brief, by
//! section and item (paragraph number in the source text, index elsewhere),
//! never by screen line, so it survives a different terminal size and a
//! re-ingest. Kept in `<notes dir>/.reader-state.toml` beside the notes,
//! written atomically; a missing or unreadable file just means no memory.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::search::Section;

/// Where the reader was in one brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    #[serde(with = "section_name")]
    pub section: Section,
    /// Paragraph (1-based) in the source text; index (0-based) elsewhere.
    pub item: usize,
}

/// Positions by brief id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Positions {
    #[serde(default)]
    pub briefs: BTreeMap<String, Position>,
}

/// The state file in the notes folder.
pub fn path(notes_dir: &Path) -> PathBuf {
    notes_dir.join(".reader-state.toml")
}

impl Positions {
    pub fn load(file: &Path) -> Positions {
        std::fs::read_to_string(file)
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default()
    }

    pub fn save(&self, file: &Path) -> std::io::Result<()> {
        if let Some(dir) = file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = toml::to_string(self).map_err(std::io::Error::other)?;
        crate::fsutil::atomic_write(file, text.as_bytes())
    }
}

mod section_name {
    use super::Section;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(s: &Section, ser: S) -> Result<S::Ok, S::Error> {
        ser.serialize_str(s.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Section, D::Error> {
        let s = String::deserialize(de)?;
        Section::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("unknown section {s:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tolerates_garbage() {
        let dir = tempfile::tempdir().unwrap();
        let file = path(dir.path());
        assert_eq!(Positions::load(&file), Positions::default());
        let mut p = Positions::default();
        p.briefs.insert(
            "002_fea91339883cd94f".into(),
            Position {
                section: Section::Source,
                item: 12,
            },
        );
        p.save(&file).unwrap();
        assert_eq!(Positions::load(&file), p);
        std::fs::write(&file, "garbage = [").unwrap();
        assert_eq!(Positions::load(&file), Positions::default());
    }
}
