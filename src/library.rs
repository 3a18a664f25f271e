//! A library: a folder of `<id>.md` briefs. Opening it parses every brief;
//! a broken brief is reported (file and line) and the others still open.
//! Saving is atomic and never overwrites a brief edited by hand unless forced.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::brief::Brief;
use crate::frontmatter::{self, FrontMatterError};
use crate::ids::{self, IdError};

/// Every message is whole: it names the file and says why. An I/O cause is
/// part of the message, so it is kept in a field named `cause`, not exposed
/// as the error's `source()`: printed as a chain (anyhow's `{:#}`), a source
/// that the message already quotes would appear twice.
#[derive(Debug, Error)]
pub enum LibraryError {
    #[error("cannot open library {}: {cause}", .path.display())]
    Open { path: PathBuf, cause: io::Error },
    #[error("cannot read {}: {cause}", .path.display())]
    Read { path: PathBuf, cause: io::Error },
    #[error(transparent)]
    Brief(#[from] FrontMatterError),
    #[error("{}: same id {id:?} as {}; skipped", .path.display(), .other.display())]
    Duplicate {
        path: PathBuf,
        id: String,
        other: PathBuf,
    },
    #[error("{}:2: invalid brief id {id:?}", .path.display())]
    BadId { path: PathBuf, id: String },
    #[error("no brief with id '{id}' in {}", .dir.display())]
    NotFound { dir: PathBuf, id: String },
    #[error(transparent)]
    InvalidId(#[from] IdError),
    #[error("cannot write {}: {cause}", .path.display())]
    Write { path: PathBuf, cause: io::Error },
    #[error("{} was edited by hand since it was generated; not overwritten (use --force to replace it)", .path.display())]
    HandEdited { path: PathBuf },
    #[error("{} is not a valid brief; not overwritten (use --force to replace it)", .path.display())]
    Unparseable { path: PathBuf },
}

/// An opened library.
#[derive(Debug)]
pub struct Library {
    dir: PathBuf,
    briefs: Vec<Brief>,
    problems: Vec<LibraryError>,
}

/// What [`save`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saved {
    Created,
    Updated,
    Unchanged,
}

impl Library {
    /// Open every `*.md` brief in `dir` (not recursive). Fails only when the
    /// folder itself cannot be read; broken briefs are in [`Library::problems`].
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        let entries = std::fs::read_dir(dir).map_err(|cause| LibraryError::Open {
            path: dir.to_path_buf(),
            cause,
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "md") && p.is_file())
            .collect();
        paths.sort();
        let mut briefs: Vec<Brief> = Vec::with_capacity(paths.len());
        let mut problems = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut files: Vec<PathBuf> = Vec::with_capacity(paths.len());
        for path in paths {
            match read_brief(&path) {
                Ok(b) => {
                    if ids::validate(&b.id).is_err() {
                        problems.push(LibraryError::BadId { path, id: b.id });
                        continue;
                    }
                    if let Some(&i) = seen.get(&b.id) {
                        // Keep the file whose name is the id; report the other.
                        let keep_new = file_stem(&path) == b.id && file_stem(&files[i]) != b.id;
                        let (dup, other) = if keep_new {
                            let old = std::mem::replace(&mut files[i], path.clone());
                            briefs[i] = b.clone();
                            (old, path)
                        } else {
                            (path, files[i].clone())
                        };
                        problems.push(LibraryError::Duplicate {
                            path: dup,
                            id: b.id,
                            other,
                        });
                        continue;
                    }
                    seen.insert(b.id.clone(), briefs.len());
                    files.push(path);
                    briefs.push(b);
                }
                Err(e) => problems.push(e),
            }
        }
        sort_briefs(&mut briefs);
        Ok(Library {
            dir: dir.to_path_buf(),
            briefs,
            problems,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The briefs, newest first, then by title.
    pub fn briefs(&self) -> &[Brief] {
        &self.briefs
    }

    /// Files that could not be opened, one error each.
    pub fn problems(&self) -> &[LibraryError] {
        &self.problems
    }

    pub fn get(&self, id: &str) -> Option<&Brief> {
        self.briefs.iter().find(|b| b.id == id)
    }
}

fn file_stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn sort_briefs(briefs: &mut [Brief]) {
    briefs.sort_by(|a, b| {
        b.date
            .cmp(&a.date)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// Read and parse one brief file.
pub fn read_brief(path: &Path) -> Result<Brief, LibraryError> {
    let text = std::fs::read_to_string(path).map_err(|cause| LibraryError::Read {
        path: path.to_path_buf(),
        cause,
    })?;
    Ok(frontmatter::parse(path, &text)?)
}

/// The file that holds brief `id` in `dir`.
pub fn brief_path(dir: &Path, id: &str) -> Result<PathBuf, LibraryError> {
    let id = ids::validate(id)?;
    Ok(dir.join(format!("{id}.md")))
}

/// Load brief `id` from `dir` without opening the whole library; falls back
/// to a scan when no file is named after the id.
pub fn load(dir: &Path, id: &str) -> Result<Brief, LibraryError> {
    let path = brief_path(dir, id)?;
    if path.is_file() {
        return read_brief(&path);
    }
    if !dir.is_dir() {
        return Err(LibraryError::Open {
            path: dir.to_path_buf(),
            cause: io::Error::new(io::ErrorKind::NotFound, "no such folder"),
        });
    }
    let lib = Library::open(dir)?;
    lib.get(id).cloned().ok_or_else(|| LibraryError::NotFound {
        dir: dir.to_path_buf(),
        id: id.to_string(),
    })
}

/// Write `brief` to `dir/<id>.md` atomically. An existing file that was
/// edited by hand (or is not a valid brief) is kept unless `force`.
pub fn save(dir: &Path, brief: &Brief, force: bool) -> Result<Saved, LibraryError> {
    let path = brief_path(dir, &brief.id)?;
    let text = frontmatter::render(brief);
    let existed = match std::fs::read_to_string(&path) {
        Ok(old) => {
            if old == text {
                return Ok(Saved::Unchanged);
            }
            if !force {
                match frontmatter::parse(&path, &old) {
                    Ok(b) if frontmatter::is_hand_edited(&old, &b) => {
                        return Err(LibraryError::HandEdited { path });
                    }
                    Ok(_) => {}
                    Err(_) => return Err(LibraryError::Unparseable { path }),
                }
            }
            true
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => false,
        Err(cause) => return Err(LibraryError::Read { path, cause }),
    };
    crate::fsutil::atomic_write(&path, text.as_bytes()).map_err(|cause| LibraryError::Write {
        path: path.clone(),
        cause,
    })?;
    Ok(if existed {
        Saved::Updated
    } else {
        Saved::Created
    })
}

/// The source recorded in the brief at `dir/<id>.md`, if there is one.
pub fn source_of(dir: &Path, id: &str) -> Option<String> {
    let path = brief_path(dir, id).ok()?;
    read_brief(&path).ok().map(|b| b.source)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brief(id: &str, title: &str) -> Brief {
        Brief {
            id: id.into(),
            title: title.into(),
            language: "id".into(),
            source: format!("sources/{id}.txt"),
            body: format!("# {title}\n\nTeks.\n"),
            ..Brief::default()
        }
    }

    #[test]
    fn opens_good_briefs_and_reports_broken_ones() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &brief("a", "Alpha"), false).unwrap();
        save(dir.path(), &brief("b", "Beta"), false).unwrap();
        std::fs::write(
            dir.path().join("broken.md"),
            "+++\nid = \"broken\"\ntitle = \n+++\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a brief").unwrap();
        let lib = Library::open(dir.path()).unwrap();
        let ids: Vec<_> = lib.briefs().iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(lib.problems().len(), 1);
        let msg = lib.problems()[0].to_string();
        assert!(msg.contains("broken.md:3: invalid front matter"), "{msg}");
        assert_eq!(lib.get("b").unwrap().title, "Beta");
        assert!(lib.get("zzz").is_none());
    }

    #[test]
    fn duplicate_ids_keep_the_file_named_after_the_id() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &brief("a", "Alpha"), false).unwrap();
        std::fs::copy(dir.path().join("a.md"), dir.path().join("0-copy.md")).unwrap();
        let lib = Library::open(dir.path()).unwrap();
        assert_eq!(lib.briefs().len(), 1);
        let msg = lib.problems()[0].to_string();
        assert!(msg.contains("0-copy.md: same id \"a\""), "{msg}");
    }

    #[test]
    fn bad_ids_in_front_matter_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = brief("ok", "x");
        b.id = "../escape".into();
        let text = frontmatter::render(&b);
        std::fs::write(dir.path().join("ok.md"), text).unwrap();
        let lib = Library::open(dir.path()).unwrap();
        assert!(lib.briefs().is_empty());
        assert!(
            lib.problems()[0]
                .to_string()
                .contains("invalid brief id \"../escape\"")
        );
    }

    #[test]
    fn missing_library_is_an_error() {
        let err = Library::open(Path::new("/nonexistent/briefing-lib")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("cannot open library /nonexistent/briefing-lib")
        );
    }

    #[test]
    fn load_by_id() {
        let dir = tempfile::tempdir().unwrap();
        save(dir.path(), &brief("a", "Alpha"), false).unwrap();
        assert_eq!(load(dir.path(), "a").unwrap().title, "Alpha");
        let err = load(dir.path(), "nope").unwrap_err().to_string();
        assert!(err.starts_with("no brief with id 'nope' in"), "{err}");
        let err = load(dir.path(), "../a").unwrap_err().to_string();
        assert!(err.starts_with("invalid brief id"), "{err}");
        // A brief whose file is not named after its id is still found.
        std::fs::rename(dir.path().join("a.md"), dir.path().join("renamed.md")).unwrap();
        assert_eq!(load(dir.path(), "a").unwrap().title, "Alpha");
    }

    #[test]
    fn save_is_atomic_and_protects_hand_edits() {
        let dir = tempfile::tempdir().unwrap();
        let mut b = brief("a", "Alpha");
        assert_eq!(save(dir.path(), &b, false).unwrap(), Saved::Created);
        assert_eq!(save(dir.path(), &b, false).unwrap(), Saved::Unchanged);
        b.title = "Alpha 2".into();
        assert_eq!(save(dir.path(), &b, false).unwrap(), Saved::Updated);
        let path = dir.path().join("a.md");
        let edited = std::fs::read_to_string(&path)
            .unwrap()
            .replace("Teks.", "Teks dengan catatan saya.");
        std::fs::write(&path, &edited).unwrap();
        b.title = "Alpha 3".into();
        let err = save(dir.path(), &b, false).unwrap_err();
        assert!(matches!(err, LibraryError::HandEdited { .. }));
        assert!(err.to_string().contains("use --force"));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            edited,
            "hand edit kept"
        );
        assert_eq!(save(dir.path(), &b, true).unwrap(), Saved::Updated);
        std::fs::write(&path, "garbage").unwrap();
        assert!(matches!(
            save(dir.path(), &b, false),
            Err(LibraryError::Unparseable { .. })
        ));
    }
}
