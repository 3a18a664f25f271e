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
use crate::search::{Aliases, Engine, Prepared, persist};

/// One brief of the catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// `name \t size \t mtime-ns` of the file when it was read.
    pub key: String,
    pub file: String,
    pub summary: BriefSummary,
    #[serde(default)]
    pub topics: Vec<String>,
    /// Ids of the brief's actors (the library filter matches their names).
    #[serde(default)]
    pub actors: Vec<String>,
    /// When the brief file was written (modification time, Unix seconds):
    /// the library's "added" order. Briefs carry no time of their own.
    #[serde(default)]
    pub added: i64,
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

const VERSION: u32 = 2;

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

/// A file's modification time since the Unix epoch (0: unknown).
fn mtime(meta: &std::fs::Metadata) -> std::time::Duration {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .unwrap_or_default()
}

/// The key of a brief file: name, size and modification time.
fn key_of(path: &Path, meta: &std::fs::Metadata) -> String {
    let mtime = mtime(meta).as_nanos();
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    format!("{name}\t{}\t{mtime}", meta.len())
}

/// The brief files of `dir` with their keys and modification times (Unix
/// seconds), sorted by path.
fn files(dir: &Path) -> Result<Vec<(PathBuf, String, i64)>, LibraryError> {
    let entries = std::fs::read_dir(dir).map_err(|cause| LibraryError::Open {
        path: dir.to_path_buf(),
        cause,
    })?;
    let mut files: Vec<(PathBuf, String, i64)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let path = e.path();
            if path.extension().is_none_or(|x| x != "md") {
                return None;
            }
            let meta = std::fs::metadata(&path).ok()?;
            meta.is_file().then(|| {
                let key = key_of(&path, &meta);
                let added = mtime(&meta).as_secs() as i64;
                (path, key, added)
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
    let mut now: Vec<String> = files(dir).ok()?.into_iter().map(|(_, k, _)| k).collect();
    let path = cache_files(cache_dir, dir).1;
    let mut stored = persist::keys(&path)?;
    now.sort();
    stored.sort();
    if now != stored {
        return None;
    }
    persist::load(&path).map(|(e, _)| e)
}

/// What a slow open is doing, for a progress bar: only work that the caches
/// did not spare is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Reading brief files for the catalog.
    Reading,
    /// Reading and indexing brief files for search.
    Indexing,
}

/// `done` of `total` briefs of a phase; called with `done == 0` first and
/// `done == total` last, from any thread.
pub type Report<'a> = &'a (dyn Fn(Phase, usize, usize) + Sync);

/// How many briefs are read at once (in parallel, bounded memory).
const CHUNK: usize = 256;

/// The catalog entry of brief `b` read from `path` (key and time: the caller's).
fn entry_of(path: &Path, b: &Brief) -> Entry {
    Entry {
        key: String::new(),
        file: path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        summary: b.summary(),
        topics: b.topics.clone(),
        actors: b.actors.iter().map(|a| a.id.clone()).collect(),
        added: 0,
    }
}

/// A brief read: its catalog entry, and its index items when asked.
type Read = Result<(Entry, Option<Prepared>), LibraryError>;

/// Read `paths` in parallel (and prepare each for the index with
/// `aliases`), reporting each one done.
fn read_all(paths: &[&Path], phase: Phase, aliases: Option<&Aliases>, report: Report) -> Vec<Read> {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let total = paths.len();
    let done = AtomicUsize::new(0);
    paths
        .par_iter()
        .map(|p| {
            let r = library::read_brief(p).map(|b| {
                (
                    entry_of(p, &b),
                    aliases.map(|a| crate::search::prepare(&b, a)),
                )
            });
            report(phase, done.fetch_add(1, Ordering::Relaxed) + 1, total);
            r
        })
        .collect()
}

impl Catalog {
    /// Open library `dir`, with caches in `cache_dir` (none: read everything).
    pub fn open(dir: &Path, cache_dir: Option<&Path>) -> Result<Catalog, LibraryError> {
        Catalog::open_with(dir, cache_dir, &|_, _, _| {})
    }

    /// The same, reporting the briefs it has to read (not in the cache).
    pub fn open_with(
        dir: &Path,
        cache_dir: Option<&Path>,
        report: Report,
    ) -> Result<Catalog, LibraryError> {
        Catalog::open_inner(dir, cache_dir, report, None)
    }

    /// The catalog and its search index, reading each brief that neither
    /// cache has once for both (a first `briefing search` on a library).
    pub fn open_indexed(
        dir: &Path,
        cache_dir: Option<&Path>,
        report: Report,
    ) -> Result<(Catalog, Engine), LibraryError> {
        let mut read = HashMap::new();
        let cat = Catalog::open_inner(dir, cache_dir, report, Some(&mut read))?;
        let engine = cat.index_inner(report, read);
        Ok((cat, engine))
    }

    /// `prepared`: when given, each brief read is also made ready for the
    /// index (by key), and the reading is reported as indexing.
    fn open_inner(
        dir: &Path,
        cache_dir: Option<&Path>,
        report: Report,
        mut prepared: Option<&mut HashMap<String, Prepared>>,
    ) -> Result<Catalog, LibraryError> {
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
        // The files the cache does not have, read in parallel.
        let unread: Vec<&Path> = files
            .iter()
            .filter(|(_, key, _)| !cached.contains_key(key))
            .map(|(p, _, _)| p.as_path())
            .collect();
        // Only the summary of each is kept (a whole brief is large), and
        // its index items when asked.
        let mut read: HashMap<&Path, Result<Entry, LibraryError>> = HashMap::new();
        let mut ready: HashMap<&Path, Prepared> = HashMap::new();
        if !unread.is_empty() {
            changed = true;
            let total = unread.len();
            let phase = if prepared.is_some() {
                Phase::Indexing
            } else {
                Phase::Reading
            };
            let aliases = prepared.is_some().then(Aliases::shared);
            let mut done = 0;
            for chunk in unread.chunks(CHUNK * 4) {
                if done == 0 {
                    report(phase, 0, total);
                }
                let briefs = read_all(chunk, phase, aliases.as_deref(), &|p, d, _| {
                    report(p, done + d, total)
                });
                done += chunk.len();
                for (path, b) in chunk.iter().copied().zip(briefs) {
                    read.insert(
                        path,
                        b.map(|(e, p)| {
                            if let Some(p) = p {
                                ready.insert(path, p);
                            }
                            e
                        }),
                    );
                }
            }
        }
        let mut problems = Vec::new();
        let mut out: Vec<Entry> = Vec::with_capacity(files.len());
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (path, key, added) in &files {
            let entry = match cached.get(key) {
                Some(e) => e.clone(),
                None => match read.remove(path.as_path()) {
                    Some(Ok(mut e)) => {
                        e.key = key.clone();
                        e.added = *added;
                        if let (Some(sink), Some(p)) =
                            (prepared.as_deref_mut(), ready.remove(path.as_path()))
                        {
                            sink.insert(key.clone(), p);
                        }
                        e
                    }
                    Some(Err(e)) => {
                        problems.push(e);
                        continue;
                    }
                    None => continue,
                },
            };
            let path = path.clone();
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
        self.index_with(&|_, _, _| {})
    }

    /// The same, reporting the briefs it has to read and index.
    pub fn index_with(&self, report: Report) -> Engine {
        self.index_inner(report, HashMap::new())
    }

    /// `read`: briefs already made ready for the index, by key.
    fn index_inner(&self, report: Report, mut read: HashMap<String, Prepared>) -> Engine {
        use rayon::prelude::*;
        use std::sync::atomic::{AtomicUsize, Ordering};
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
        if let Some((e, _)) = &old {
            // The cached briefs' tags index the cached names (the same
            // gazetteer's: a cache from another is not read).
            engine.share_aliases(e);
        }
        let total = self
            .entries
            .iter()
            .filter(|e| !by_key.contains_key(e.key.as_str()) && !read.contains_key(&e.key))
            .count();
        let aliases = if total > 0 || !read.is_empty() {
            engine.ensure_aliases()
        } else {
            Default::default()
        };
        let done = AtomicUsize::new(0);
        if total > 0 {
            report(Phase::Indexing, 0, total);
        }
        let mut keys = Vec::with_capacity(self.entries.len());
        let order: Vec<usize> = (0..self.entries.len()).collect();
        for chunk in order.chunks(CHUNK) {
            // New briefs of this chunk: read and prepared in parallel.
            let prepared: Vec<Option<crate::search::Prepared>> = chunk
                .par_iter()
                .map(|&i| {
                    let key = self.entries[i].key.as_str();
                    if by_key.contains_key(key) || read.contains_key(key) {
                        return None;
                    }
                    let p = self
                        .load(i)
                        .ok()
                        .map(|b| crate::search::prepare(&b, &aliases));
                    report(
                        Phase::Indexing,
                        done.fetch_add(1, Ordering::Relaxed) + 1,
                        total,
                    );
                    p
                })
                .collect();
            for (&i, p) in chunk.iter().zip(prepared) {
                let entry = &self.entries[i];
                let p = p.or_else(|| read.remove(&entry.key));
                match (old.as_ref(), by_key.get(entry.key.as_str()), p) {
                    (Some((e, _)), Some(&b), _) => engine.append_from(e, b),
                    (_, _, Some(p)) => engine.add_prepared(p),
                    _ => continue,
                }
                keys.push(entry.key.clone());
            }
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
