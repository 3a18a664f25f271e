//! A library opened for reading at scale: what the library view and search
//! need, without parsing every brief each time. Two caches in the platform
//! cache folder, per library folder:
//!
//! - `<key>.catalog.json`: each brief's summary (id, title, language, date,
//!   counts, topics), enough for the first screen;
//! - `<key>.index.bin`: the search index ([`crate::search::persist`]).
//!
//! Both are keyed per brief file by name, size and modification time: a
//! brief that changed is read again, the others are reused; a cache that is
//! missing or damaged is rebuilt transparently. Nothing here is user data,
//! so a cache that cannot be written is not an error.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::brief::{Brief, BriefSummary};
use crate::ids;
use crate::library::{self, LibraryError};
use crate::search::{Engine, persist};

/// One brief of the catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// `name \t size \t mtime-ns` of the file when it was read.
    pub key: String,
    pub file: String,
    pub summary: BriefSummary,
    #[serde(default)]
    pub topics: Vec<String>,
}

impl Entry {
    /// A brief with the summary's fields and nothing else (no body, no
    /// structured content): what the library view shows before it is opened.
    pub fn stub(&self) -> Brief {
        let s = &self.summary;
        Brief {
            id: s.id.clone(),
            title: s.title.clone(),
            language: s.language.clone(),
            source: s.source.clone(),
            date: s.date.clone(),
            topics: self.topics.clone(),
            ..Brief::default()
        }
    }
}

/// The briefs of a library folder, in library order (newest first, then title).
#[derive(Debug)]
pub struct Catalog {
    pub dir: PathBuf,
    pub entries: Vec<Entry>,
    pub problems: Vec<LibraryError>,
    cache: Option<PathBuf>,
}

#[derive(Serialize, Deserialize)]
struct CatalogFile {
    version: u32,
    entries: Vec<Entry>,
}

const VERSION: u32 = 1;

/// The cache files of library `dir` in `cache_dir`: `(catalog, index)`.
pub fn cache_files(cache_dir: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let abs = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let hash = crate::frontmatter::sha256_hex(abs.to_string_lossy().as_bytes());
    let stem = &hash[..16];
    (
        cache_dir.join(format!("{stem}.catalog.json")),
        cache_dir.join(format!("{stem}.index.bin")),
    )
}

/// The key of a brief file: name, size and modification time.
fn key_of(path: &Path, meta: &std::fs::Metadata) -> String {
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!("{name}\t{}\t{mtime}", meta.len())
}

/// The brief files of `dir` with their keys, sorted by path.
fn files(dir: &Path) -> Result<Vec<(PathBuf, String)>, LibraryError> {
    let entries = std::fs::read_dir(dir).map_err(|cause| LibraryError::Open {
        path: dir.to_path_buf(),
        cause,
    })?;
    let mut files: Vec<(PathBuf, String)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "md") {
                return None;
            }
            let meta = std::fs::metadata(&path).ok()?;
            meta.is_file().then(|| {
                let key = key_of(&path, &meta);
                (path, key)
            })
        })
        .collect();
    files.sort();
    Ok(files)
}

/// The search index of library `dir` straight from its cache, when the
/// cache holds exactly the briefs the folder has now (same files, sizes and
/// times); `None` otherwise (then [`Catalog::open`] and
/// [`Catalog::index`] bring it up to date).
pub fn cached_index(dir: &Path, cache_dir: &Path) -> Option<Engine> {
    let mut now: Vec<String> = files(dir).ok()?.into_iter().map(|(_, k)| k).collect();
    let path = cache_files(cache_dir, dir).1;
    let mut stored = persist::keys(&path)?;
    now.sort();
    stored.sort();
    if now != stored {
        return None;
    }
    persist::load(&path).map(|(e, _)| e)
}

impl Catalog {
    /// Open library `dir`, with caches in `cache_dir` (none: read everything).
    pub fn open(dir: &Path, cache_dir: Option<&Path>) -> Result<Catalog, LibraryError> {
        let files = files(dir)?;
        let cache = cache_dir.map(|c| cache_files(c, dir).0);
        let cached: HashMap<String, Entry> = cache
            .as_deref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|b| serde_json::from_slice::<CatalogFile>(&b).ok())
            .filter(|f| f.version == VERSION)
            .map(|f| f.entries.into_iter().map(|e| (e.key.clone(), e)).collect())
            .unwrap_or_default();
        let mut changed = cached.len() != files.len();
        let mut problems = Vec::new();
        let mut out: Vec<Entry> = Vec::with_capacity(files.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (path, key) in files {
            let entry = match cached.get(&key) {
                Some(e) => e.clone(),
                None => {
                    changed = true;
                    match library::read_brief(&path) {
                        Ok(b) => Entry {
                            key,
                            file: path
                                .file_name()
                                .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
                            summary: b.summary(),
                            topics: b.topics.clone(),
                        },
                        Err(e) => {
                            problems.push(e);
                            continue;
                        }
                    }
                }
            };
            let id = entry.summary.id.clone();
            if ids::validate(&id).is_err() {
                problems.push(LibraryError::BadId { path, id });
                continue;
            }
            if let Some(&i) = seen.get(&id) {
                // Keep the file named after the id; report the other.
                let stem = |f: &str| f.strip_suffix(".md").unwrap_or(f).to_string();
                let keep_new = stem(&entry.file) == id && stem(&out[i].file) != id;
                let (dup, other) = if keep_new {
                    let old = std::mem::replace(&mut out[i], entry);
                    (dir.join(&old.file), path)
                } else {
                    (path, dir.join(&out[i].file))
                };
                problems.push(LibraryError::Duplicate {
                    path: dup,
                    id,
                    other,
                });
                continue;
            }
            seen.insert(id, out.len());
            out.push(entry);
        }
        out.sort_by(|a, b| {
            b.summary
                .date
                .cmp(&a.summary.date)
                .then_with(|| {
                    a.summary
                        .title
                        .to_lowercase()
                        .cmp(&b.summary.title.to_lowercase())
                })
                .then_with(|| a.summary.id.cmp(&b.summary.id))
        });
        if changed && let Some(p) = &cache {
            let file = CatalogFile {
                version: VERSION,
                entries: out.clone(),
            };
            if let Ok(bytes) = serde_json::to_vec(&file) {
                if let Some(d) = p.parent() {
                    let _ = std::fs::create_dir_all(d);
                }
                let _ = crate::fsutil::atomic_write(p, &bytes);
            }
        }
        Ok(Catalog {
            dir: dir.to_path_buf(),
            entries: out,
            problems,
            cache: cache_dir.map(Path::to_path_buf),
        })
    }

    /// The path of entry `i`'s file.
    pub fn path(&self, i: usize) -> PathBuf {
        self.dir.join(&self.entries[i].file)
    }

    /// Read entry `i` in full.
    pub fn load(&self, i: usize) -> Result<Brief, LibraryError> {
        library::read_brief(&self.path(i))
    }

    /// The search index of the catalog's briefs, in catalog order: from the
    /// index cache where a brief's file is unchanged, read anew otherwise;
    /// the cache is rewritten when anything changed. Briefs that cannot be
    /// read are left out.
    pub fn index(&self) -> Engine {
        let cache = self.cache.as_deref().map(|c| cache_files(c, &self.dir).1);
        let old = cache.as_deref().and_then(persist::load);
        let by_key: HashMap<&str, usize> = old
            .as_ref()
            .map(|(_, keys)| {
                keys.iter()
                    .enumerate()
                    .map(|(i, k)| (k.as_str(), i))
                    .collect()
            })
            .unwrap_or_default();
        // Unchanged and in the same order: use the cache as it is.
        let same = old.as_ref().is_some_and(|(_, keys)| {
            keys.len() == self.entries.len()
                && keys.iter().zip(&self.entries).all(|(k, e)| *k == e.key)
        });
        if same && let Some((e, _)) = old {
            return e;
        }
        let mut engine = Engine::default();
        let mut keys = Vec::with_capacity(self.entries.len());
        for (i, entry) in self.entries.iter().enumerate() {
            match (old.as_ref(), by_key.get(entry.key.as_str())) {
                (Some((e, _)), Some(&b)) => engine.append_from(e, b),
                _ => match self.load(i) {
                    Ok(brief) => engine.add(&brief),
                    Err(_) => continue,
                },
            }
            keys.push(entry.key.clone());
        }
        if let Some(p) = &cache {
            let _ = persist::save(&engine, &keys, p);
        }
        engine
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn copy_library(to: &Path) {
        let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, to.join(p.file_name().unwrap())).unwrap();
        }
    }

    #[test]
    fn caches_are_used_and_follow_changes() {
        let tmp = tempfile::tempdir().unwrap();
        let lib = tmp.path().join("lib");
        let cache = tmp.path().join("cache");
        copy_library(&lib);
        let first = Catalog::open(&lib, Some(&cache)).unwrap();
        assert_eq!(first.entries.len(), 2);
        let (cat_file, idx_file) = cache_files(&cache, &lib);
        assert!(cat_file.is_file());
        let engine = first.index();
        assert!(idx_file.is_file());
        let hits = engine.search("azer rus", 3);
        assert!(!hits.is_empty());
        // Same answers from the caches.
        let again = Catalog::open(&lib, Some(&cache)).unwrap();
        assert_eq!(again.entries[0].summary, first.entries[0].summary);
        assert_eq!(again.index().search("azer rus", 3), hits);
        // A brief edited on disk is read again; the other comes from the cache.
        let path = again.path(1);
        let text = std::fs::read_to_string(&path).unwrap();
        let old_title = again.entries[1].summary.title.clone();
        std::fs::write(
            &path,
            text.replacen(
                &format!("title = \"{old_title}\""),
                "title = \"Judul baru\"",
                1,
            ),
        )
        .unwrap();
        let edited = Catalog::open(&lib, Some(&cache)).unwrap();
        assert!(
            edited
                .entries
                .iter()
                .any(|e| e.summary.title == "Judul baru")
        );
        let e = edited.index();
        assert!(e.briefs().iter().any(|b| b.title == "Judul baru"));
        // A damaged cache is rebuilt, not trusted.
        std::fs::write(&cat_file, "{not json").unwrap();
        std::fs::write(&idx_file, "garbage").unwrap();
        let rebuilt = Catalog::open(&lib, Some(&cache)).unwrap();
        assert_eq!(rebuilt.entries.len(), 2);
        assert!(!rebuilt.index().search("azer rus", 3).is_empty());
        // The quick path: straight from the index cache while nothing changed.
        let quick = cached_index(&lib, &cache).expect("the cache is current");
        assert_eq!(quick.len(), rebuilt.index().len());
        // A broken brief is reported, the others still open.
        std::fs::write(lib.join("broken.md"), "+++\nid = \n+++\n").unwrap();
        let with_broken = Catalog::open(&lib, Some(&cache)).unwrap();
        assert_eq!(with_broken.entries.len(), 2);
        assert_eq!(with_broken.problems.len(), 1);
        assert!(
            cached_index(&lib, &cache).is_none(),
            "a new file: not current"
        );
        // Without a cache folder, everything is read.
        assert_eq!(Catalog::open(&lib, None).unwrap().entries.len(), 2);
    }
}
