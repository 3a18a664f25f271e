//! The notes folder: `<dir>/<brief-id>.toml`, one file per brief.
//!
//! Every change is lock, re-read, change, write: an exclusive lock on
//! `<dir>/.<brief-id>.lock` serialises writers (two readers open at once, or a
//! script running `briefing notes add`), the file is read again under the
//! lock so nobody's notes are lost, and the new file replaces the old one
//! atomically (temp file, fsync, rename, fsync of the folder). A file that
//! does not parse is never overwritten: it is moved aside to
//! `<brief-id>.toml.corrupt-<timestamp>` and reported.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::Note;
use crate::ids::{self, IdError};

/// Messages are whole (file and cause), so the I/O cause is a field, not the
/// error's `source()`, which a chain would print a second time.
#[derive(Debug, Error)]
pub enum NotesError {
    #[error("cannot read notes {}: {cause}", .path.display())]
    Read { path: PathBuf, cause: io::Error },
    #[error("{}:{line}: notes file is corrupt: {message}", .path.display())]
    Corrupt {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("cannot write notes {}: {cause}", .path.display())]
    Write { path: PathBuf, cause: io::Error },
    #[error("cannot lock notes {}: {cause}", .path.display())]
    Lock { path: PathBuf, cause: io::Error },
    #[error(transparent)]
    InvalidId(#[from] IdError),
    #[error("no note {id} on brief {brief}")]
    NoSuchNote { brief: String, id: String },
}

/// The notes folder.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
}

/// A notes file as written.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct NotesFile {
    brief: String,
    #[serde(default, rename = "note")]
    notes: Vec<Note>,
}

/// What a change did besides the change itself.
#[derive(Debug, Default)]
pub struct Changed {
    /// A corrupt file that was moved aside before writing, with its new name.
    pub moved_aside: Option<(NotesError, PathBuf)>,
}

const HEADER: &str = "# Notes written by briefing (one file per brief). Each note is anchored by its\n# quote, prefix and suffix; edit the text freely, keep the rest as it is.\n\n";

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Store {
        Store { dir: dir.into() }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file holding the notes on `brief`.
    pub fn path(&self, brief: &str) -> Result<PathBuf, NotesError> {
        let id = ids::validate(brief)?;
        Ok(self.dir.join(format!("{id}.toml")))
    }

    /// The notes on `brief` (none when it has no file yet).
    pub fn load(&self, brief: &str) -> Result<Vec<Note>, NotesError> {
        let path = self.path(brief)?;
        read(&path)
    }

    /// Every notes file in the folder: `(brief id, notes)` sorted by id, and
    /// the files that could not be read. A missing folder holds no notes.
    pub fn load_all(&self) -> (Vec<(String, Vec<Note>)>, Vec<NotesError>) {
        let mut out = Vec::new();
        let mut problems = Vec::new();
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return (out, problems),
            Err(cause) => {
                problems.push(NotesError::Read {
                    path: self.dir.clone(),
                    cause,
                });
                return (out, problems);
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "toml")
                    && p.file_stem()
                        .and_then(|s| s.to_str())
                        .is_some_and(|s| ids::validate(s).is_ok())
            })
            .collect();
        paths.sort();
        for path in paths {
            let id = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            match read(&path) {
                Ok(notes) if notes.is_empty() => {}
                Ok(notes) => out.push((id, notes)),
                Err(e) => problems.push(e),
            }
        }
        (out, problems)
    }

    /// Add a note to `brief`. Returns once the note is on disk.
    pub fn add(&self, brief: &str, note: Note) -> Result<Changed, NotesError> {
        self.modify(brief, |notes| {
            notes.retain(|n| n.id != note.id);
            notes.push(note);
            Ok(())
        })
    }

    /// Replace the text of note `id` on `brief`.
    pub fn update_text(&self, brief: &str, id: &str, text: &str) -> Result<Changed, NotesError> {
        let now = super::now();
        self.modify_note(brief, id, |n| {
            n.text = text.to_string();
            n.updated = now;
        })
    }

    /// Move note `id` of `brief` to the passage `to` is anchored on (its
    /// kind, quote, context and place); the note's text and id stay.
    pub fn reattach(&self, brief: &str, id: &str, to: &Note) -> Result<Changed, NotesError> {
        let now = super::now();
        self.modify_note(brief, id, |n| {
            n.kind = to.kind;
            n.quote = to.quote.clone();
            n.prefix = to.prefix.clone();
            n.suffix = to.suffix.clone();
            n.position = to.position;
            n.paragraph = to.paragraph;
            n.updated = now;
        })
    }

    /// [`Store::modify`] on one note, which must exist.
    fn modify_note(
        &self,
        brief: &str,
        id: &str,
        change: impl FnOnce(&mut Note),
    ) -> Result<Changed, NotesError> {
        self.modify(brief, |notes| {
            let n =
                notes
                    .iter_mut()
                    .find(|n| n.id == id)
                    .ok_or_else(|| NotesError::NoSuchNote {
                        brief: brief.to_string(),
                        id: id.to_string(),
                    })?;
            change(n);
            Ok(())
        })
    }

    /// Delete note `id` from `brief`.
    pub fn delete(&self, brief: &str, id: &str) -> Result<Changed, NotesError> {
        self.modify(brief, |notes| {
            let before = notes.len();
            notes.retain(|n| n.id != id);
            if notes.len() == before {
                return Err(NotesError::NoSuchNote {
                    brief: brief.to_string(),
                    id: id.to_string(),
                });
            }
            Ok(())
        })
    }

    /// Lock, re-read, change, write atomically, unlock.
    fn modify(
        &self,
        brief: &str,
        change: impl FnOnce(&mut Vec<Note>) -> Result<(), NotesError>,
    ) -> Result<Changed, NotesError> {
        let path = self.path(brief)?;
        std::fs::create_dir_all(&self.dir).map_err(|cause| NotesError::Write {
            path: self.dir.clone(),
            cause,
        })?;
        let _lock = lock(&self.dir.join(format!(".{brief}.lock")))?;
        crate::fsutil::remove_stale_temps(&path);
        let mut changed = Changed::default();
        let mut notes = match read(&path) {
            Ok(n) => n,
            Err(e @ NotesError::Corrupt { .. }) => {
                let aside = move_aside(&path)?;
                changed.moved_aside = Some((e, aside));
                Vec::new()
            }
            Err(e) => return Err(e),
        };
        change(&mut notes)?;
        let text = render(brief, &notes);
        crate::fsutil::atomic_write(&path, text.as_bytes())
            .map_err(|cause| NotesError::Write { path, cause })?;
        Ok(changed)
    }
}

/// The notes file's text.
fn render(brief: &str, notes: &[Note]) -> String {
    let file = NotesFile {
        brief: brief.to_string(),
        notes: notes.to_vec(),
    };
    let body = toml::to_string(&file).unwrap_or_default();
    format!("{HEADER}{body}")
}

fn read(path: &Path) -> Result<Vec<Note>, NotesError> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) if e.kind() == io::ErrorKind::InvalidData => {
            return Err(NotesError::Corrupt {
                path: path.to_path_buf(),
                line: 1,
                message: "not UTF-8 text".into(),
            });
        }
        Err(cause) => {
            return Err(NotesError::Read {
                path: path.to_path_buf(),
                cause,
            });
        }
    };
    match toml::from_str::<NotesFile>(&text) {
        Ok(f) => Ok(f.notes),
        Err(e) => {
            let line = e.span().map_or(1, |s| {
                text[..s.start.min(text.len())].matches('\n').count() + 1
            });
            Err(NotesError::Corrupt {
                path: path.to_path_buf(),
                line,
                message: e.message().to_string(),
            })
        }
    }
}

/// Rename a corrupt file to `NAME.corrupt-TIMESTAMP` (never over another).
fn move_aside(path: &Path) -> Result<PathBuf, NotesError> {
    let stamp = super::now().replace(':', "");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut aside = path.with_file_name(format!("{name}.corrupt-{stamp}"));
    let mut k = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{name}.corrupt-{stamp}-{k}"));
        k += 1;
    }
    std::fs::rename(path, &aside).map_err(|cause| NotesError::Write {
        path: path.to_path_buf(),
        cause,
    })?;
    if let Some(dir) = path.parent() {
        crate::fsutil::sync_dir(dir);
    }
    Ok(aside)
}

/// An exclusive lock held until dropped.
fn lock(path: &Path) -> Result<File, NotesError> {
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(|cause| NotesError::Lock {
            path: path.to_path_buf(),
            cause,
        })?;
    file.lock().map_err(|cause| NotesError::Lock {
        path: path.to_path_buf(),
        cause,
    })?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::Kind;

    fn note(id: &str, text: &str) -> Note {
        Note {
            id: id.into(),
            kind: Kind::Paragraph,
            quote: "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.".into(),
            prefix: String::new(),
            suffix: "\n\nRusia".into(),
            position: Some(0),
            paragraph: Some(1),
            text: text.into(),
            created: "2026-11-21T08:00:00Z".into(),
            updated: "2026-11-21T08:00:00Z".into(),
        }
    }

    #[test]
    fn add_update_delete_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path().join("annotations"));
        assert!(store.load("b1").unwrap().is_empty());
        store
            .add("b1", note("n1", "Lihat juga laporan ICG."))
            .unwrap();
        store
            .add(
                "b1",
                note("n2", "Multi-line\nnote with \"quotes\" and ''' too."),
            )
            .unwrap();
        let notes = store.load("b1").unwrap();
        assert_eq!(notes.len(), 2);
        assert_eq!(
            notes[1].text,
            "Multi-line\nnote with \"quotes\" and ''' too."
        );
        assert_eq!(notes[0].suffix, "\n\nRusia");
        store.update_text("b1", "n1", "Diperbarui.").unwrap();
        assert_eq!(store.load("b1").unwrap()[0].text, "Diperbarui.");
        store.delete("b1", "n2").unwrap();
        assert_eq!(store.load("b1").unwrap().len(), 1);
        let err = store.delete("b1", "n2").unwrap_err().to_string();
        assert_eq!(err, "no note n2 on brief b1");
        let (all, problems) = store.load_all();
        assert!(problems.is_empty());
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].0, "b1");
        // Nothing but the notes file and its lock file in the folder.
        let mut names: Vec<String> = std::fs::read_dir(store.dir())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [".b1.lock", "b1.toml"]);
    }

    #[test]
    fn bad_brief_ids_cannot_escape_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        assert!(matches!(
            store.add("../x", note("n1", "x")),
            Err(NotesError::InvalidId(_))
        ));
        assert!(store.load("a/b").is_err());
    }

    #[test]
    fn corrupt_file_is_reported_then_moved_aside_never_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let path = store.path("b1").unwrap();
        std::fs::write(&path, "brief = \"b1\"\n[[note]]\nid = \n").unwrap();
        let err = store.load("b1").unwrap_err().to_string();
        assert!(err.contains("b1.toml:3: notes file is corrupt"), "{err}");
        let (all, problems) = store.load_all();
        assert!(all.is_empty());
        assert_eq!(problems.len(), 1);
        let changed = store.add("b1", note("n1", "baru")).unwrap();
        let (_, aside) = changed.moved_aside.expect("moved aside");
        assert!(
            aside
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("b1.toml.corrupt-")
        );
        assert_eq!(
            std::fs::read_to_string(&aside).unwrap(),
            "brief = \"b1\"\n[[note]]\nid = \n"
        );
        assert_eq!(store.load("b1").unwrap().len(), 1);
    }

    #[test]
    fn concurrent_writers_in_threads_lose_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        std::thread::scope(|s| {
            for t in 0..4 {
                let store = store.clone();
                s.spawn(move || {
                    for i in 0..10 {
                        store.add("b1", note(&format!("n{t}-{i}"), "x")).unwrap();
                    }
                });
            }
        });
        assert_eq!(store.load("b1").unwrap().len(), 40);
    }
}
