//! The search index on disk, so a large library opens without re-reading
//! every brief: the engine's arrays written as they are in memory
//! (little-endian), read back with one read and a few copies. A file that
//! is missing, from another version or damaged is simply not used.
//!
//! Each brief carries a key chosen by the caller (file name, size and
//! modification time): a cache holder reuses the briefs whose key still
//! matches ([`Engine::append_from`]) and indexes the others anew.

use std::io;
use std::path::Path;

use std::sync::Arc;

use super::aliases::{self, Aliases, Name};
use super::{BriefRef, Engine, ItemKind, Meta, Section};

const MAGIC: &[u8; 8] = b"BRFIDX04";

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, v: u8) {
        self.0.push(v);
    }
    fn u16(&mut self, v: u16) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u32(&mut self, v: u32) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn u64(&mut self, v: u64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.b.get(self.at..end)?;
        self.at = end;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes(self.take(2)?.try_into().ok()?))
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
    fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }
    fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).ok()
    }
}

fn kind_code(k: ItemKind) -> u8 {
    k as u8
}

fn kind_of(c: u8) -> Option<ItemKind> {
    use ItemKind::*;
    [
        Title, Relation, Alliance, Actor, Topic, Heading, Judgment, Sentence,
    ]
    .get(c as usize)
    .copied()
}

/// The file: a header (magic, then the lengths of the four parts), the
/// brief table (keys, ids, titles, item ranges: all a cache holder needs to
/// decide whether the file is current), the item tables, the text arena and
/// the capitals bitmap. The arena is read straight into its own buffer.
fn parts(engine: &Engine, keys: &[String]) -> [Vec<u8>; 3] {
    let mut b = Writer(Vec::with_capacity(engine.briefs.len() * 96));
    b.u32(engine.briefs.len() as u32);
    for (i, br) in engine.briefs.iter().enumerate() {
        b.str(keys.get(i).map_or("", String::as_str));
        b.str(&br.id);
        b.str(&br.title);
        b.u32(engine.ranges[i].0);
        b.u32(engine.ranges[i].1);
    }
    let mut w = Writer(Vec::with_capacity(engine.metas.len() * ITEM_BYTES + 16));
    w.u32(engine.metas.len() as u32);
    for m in &engine.metas {
        w.u8(kind_code(m.kind));
        w.u8(m.section as u8);
        w.u32(m.start);
        w.u32(m.len);
        w.u32(m.index);
        w.u32(m.range_start);
        w.u32(m.range_end);
    }
    for v in engine.masks.iter().chain(&engine.initials) {
        w.u64(*v);
    }
    // The actors each item mentions, and their names.
    for v in &engine.tag_end {
        w.u32(*v);
    }
    w.u32(engine.tags.len() as u32);
    for v in &engine.tags {
        w.u16(*v);
    }
    w.u64(crate::lexicon::gazetteer_fingerprint());
    let a = &engine.aliases;
    w.u32(a.ids.len() as u32);
    for id in &a.ids {
        w.str(id);
    }
    w.u32(a.names().len() as u32);
    for n in a.names() {
        w.str(&n.text);
        w.u16(n.actor);
        w.u8(aliases::kind_code(n.kind));
        w.u8(u8::from(n.exact_case));
    }
    let mut upper = Writer(Vec::with_capacity(engine.upper.len() * 8));
    for v in &engine.upper {
        upper.u64(*v);
    }
    [b.0, w.0, upper.0]
}

/// Bytes of one item in the item table.
const ITEM_BYTES: usize = 22;
const HEADER: usize = 40;

/// The engine and each brief's key, as the bytes of the file.
pub fn to_bytes(engine: &Engine, keys: &[String]) -> Vec<u8> {
    let [briefs, tables, upper] = parts(engine, keys);
    let mut out = Vec::with_capacity(
        HEADER + briefs.len() + tables.len() + engine.folded.len() + upper.len(),
    );
    out.extend_from_slice(MAGIC);
    for n in [briefs.len(), tables.len(), engine.folded.len(), upper.len()] {
        out.extend_from_slice(&(n as u64).to_le_bytes());
    }
    out.extend_from_slice(&briefs);
    out.extend_from_slice(&tables);
    out.extend_from_slice(engine.folded.as_bytes());
    out.extend_from_slice(&upper);
    out
}

/// The engine and the keys back from the file's bytes; `None` for anything else.
pub fn from_bytes(b: &[u8]) -> Option<(Engine, Vec<String>)> {
    let [nb, nt, na, nu] = header(b.get(..HEADER)?)?;
    let rest = &b[HEADER..];
    if rest.len() != nb + nt + na + nu {
        return None;
    }
    let (briefs, rest) = rest.split_at(nb);
    let (tables, rest) = rest.split_at(nt);
    let (arena, upper) = rest.split_at(na);
    assemble(briefs, tables, arena.to_vec(), upper)
}

/// The lengths of the parts, from the header.
fn header(h: &[u8]) -> Option<[usize; 4]> {
    if h.get(..8)? != MAGIC {
        return None;
    }
    let n = |o: usize| -> Option<usize> {
        usize::try_from(u64::from_le_bytes(h.get(o..o + 8)?.try_into().ok()?)).ok()
    };
    Some([n(8)?, n(16)?, n(24)?, n(32)?])
}

/// The briefs, their item ranges and their keys.
type BriefTable = (Vec<BriefRef>, Vec<(u32, u32)>, Vec<String>);

/// The brief table: the briefs (id, title, item range) and their keys.
fn brief_table(b: &[u8]) -> Option<BriefTable> {
    let mut r = Reader { b, at: 0 };
    let n = r.u32()? as usize;
    let mut briefs = Vec::with_capacity(n);
    let mut ranges = Vec::with_capacity(n);
    let mut keys = Vec::with_capacity(n);
    for _ in 0..n {
        keys.push(r.str()?.to_string());
        let id = r.str()?.to_string();
        let title = r.str()?.to_string();
        briefs.push(BriefRef { id, title });
        ranges.push((r.u32()?, r.u32()?));
    }
    (r.at == b.len()).then_some((briefs, ranges, keys))
}

fn assemble(
    briefs: &[u8],
    tables: &[u8],
    arena: Vec<u8>,
    upper: &[u8],
) -> Option<(Engine, Vec<String>)> {
    let (briefs, ranges, keys) = brief_table(briefs)?;
    let mut e = Engine {
        briefs,
        ranges,
        ..Engine::default()
    };
    let mut r = Reader { b: tables, at: 0 };
    let items = r.u32()? as usize;
    let body = r.take(items.checked_mul(ITEM_BYTES)?)?;
    let words = r.take(items.checked_mul(16)?)?;
    let mut tag_end = Vec::with_capacity(items);
    for _ in 0..items {
        tag_end.push(r.u32()?);
    }
    let ntags = r.u32()? as usize;
    if tag_end.last().map_or(0, |&n| n as usize) != ntags || tag_end.windows(2).any(|w| w[0] > w[1])
    {
        return None;
    }
    let mut tags = Vec::with_capacity(ntags);
    for _ in 0..ntags {
        tags.push(r.u16()?);
    }
    // Tags found with another gazetteer would be wrong: not used.
    if r.u64()? != crate::lexicon::gazetteer_fingerprint() {
        return None;
    }
    let nids = r.u32()? as usize;
    let mut ids = Vec::with_capacity(nids.min(1 << 16));
    for _ in 0..nids {
        ids.push(r.str()?.to_string());
    }
    let nnames = r.u32()? as usize;
    let mut names = Vec::with_capacity(nnames.min(1 << 20));
    for _ in 0..nnames {
        let text = r.str()?.to_string();
        let actor = r.u16()?;
        let kind = aliases::kind_of(r.u8()?)?;
        let exact_case = r.u8()? != 0;
        if actor as usize >= nids {
            return None;
        }
        names.push(Name {
            folded: super::query::fold(&text),
            text,
            actor,
            kind,
            exact_case,
        });
    }
    if tags.iter().any(|&t| t as usize >= nids) {
        return None;
    }
    if r.at != tables.len() || !upper.len().is_multiple_of(8) {
        return None;
    }
    e.tag_end = tag_end;
    e.tags = tags;
    e.aliases = Arc::new(Aliases::from_parts(ids, names));
    // Which brief each item belongs to, from the ranges.
    let mut owner = vec![u32::MAX; items];
    for (b, &(a, z)) in e.ranges.iter().enumerate() {
        if a > z || z as usize > items {
            return None;
        }
        owner[a as usize..z as usize].fill(b as u32);
    }
    e.metas.reserve(items);
    for (c, &brief) in body.chunks_exact(ITEM_BYTES).zip(&owner) {
        let u = |o: usize| u32::from_le_bytes([c[o], c[o + 1], c[o + 2], c[o + 3]]);
        if brief == u32::MAX {
            return None;
        }
        e.metas.push(Meta {
            brief,
            kind: kind_of(c[0])?,
            section: *Section::ALL.get(c[1] as usize)?,
            start: u(2),
            len: u(6),
            index: u(10),
            range_start: u(14),
            range_end: u(18),
        });
    }
    let word = |c: &[u8]| u64::from_le_bytes(c.try_into().unwrap_or_default());
    e.masks = words[..items * 8].chunks_exact(8).map(word).collect();
    e.initials = words[items * 8..].chunks_exact(8).map(word).collect();
    e.upper = upper.chunks_exact(8).map(word).collect();
    e.folded = String::from_utf8(arena).ok()?;
    // Every item must lie inside the arena, on character boundaries.
    let ok = e.metas.iter().all(|m| {
        (m.start as usize + m.len as usize) <= e.folded.len()
            && e.folded.is_char_boundary(m.start as usize)
            && e.folded.is_char_boundary((m.start + m.len) as usize)
    });
    ok.then_some((e, keys))
}

/// Write the index atomically.
pub fn save(engine: &Engine, keys: &[String], path: &Path) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::fsutil::atomic_write(path, &to_bytes(engine, keys))
}

/// The keys stored in an index file, read without loading the rest.
pub fn keys(path: &Path) -> Option<Vec<String>> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).ok()?;
    let mut h = [0u8; HEADER];
    f.read_exact(&mut h).ok()?;
    let [nb, ..] = header(&h)?;
    let mut briefs = vec![0u8; nb];
    f.read_exact(&mut briefs).ok()?;
    brief_table(&briefs).map(|(_, _, k)| k)
}

/// Read `len` bytes at `offset` of `f`, in two halves on two threads (the
/// copy out of the page cache is the cost of opening a large library).
#[cfg(unix)]
fn read_part(f: &std::fs::File, offset: u64, len: usize) -> Option<Vec<u8>> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; len];
    let half = len / 2;
    let (a, b) = buf.split_at_mut(half);
    let ok = std::thread::scope(|s| {
        let first = s.spawn(|| f.read_exact_at(a, offset).is_ok());
        let second = f.read_exact_at(b, offset + half as u64).is_ok();
        first.join().unwrap_or(false) && second
    });
    ok.then_some(buf)
}

/// Read an index written by [`save`]; `None` if there is none usable.
#[cfg(not(unix))]
pub fn load(path: &Path) -> Option<(Engine, Vec<String>)> {
    from_bytes(&std::fs::read(path).ok()?)
}

/// Read an index written by [`save`]; `None` if there is none usable.
/// The arena goes straight from the file into the engine (no copy).
#[cfg(unix)]
pub fn load(path: &Path) -> Option<(Engine, Vec<String>)> {
    use std::os::unix::fs::FileExt;
    let f = std::fs::File::open(path).ok()?;
    let size = f.metadata().ok()?.len() as usize;
    let mut h = [0u8; HEADER];
    f.read_exact_at(&mut h, 0).ok()?;
    let [nb, nt, na, nu] = header(&h)?;
    if size != HEADER + nb + nt + na + nu {
        return None;
    }
    let at = HEADER as u64;
    let briefs = read_part(&f, at, nb)?;
    let tables = read_part(&f, at + nb as u64, nt)?;
    let arena = read_part(&f, at + (nb + nt) as u64, na)?;
    let upper = read_part(&f, at + (nb + nt + na) as u64, nu)?;
    assemble(&briefs, &tables, arena, &upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects_damage() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        let lib = crate::library::Library::open(&dir).unwrap();
        let e = Engine::new(lib.briefs());
        let keys: Vec<String> = lib
            .briefs()
            .iter()
            .map(|b| format!("{}.md\t1\t2", b.id))
            .collect();
        let bytes = to_bytes(&e, &keys);
        let (back, k) = from_bytes(&bytes).expect("reads back");
        assert_eq!(k, keys);
        assert_eq!(back.len(), e.len());
        for i in 0..e.len() {
            assert_eq!(back.item(i).text, e.item(i).text);
            assert_eq!(back.item(i).jump, e.item(i).jump);
        }
        assert_eq!(back.search("azer rus", 5), e.search("azer rus", 5));
        // Truncated, altered or foreign files are not used.
        assert!(from_bytes(&bytes[..bytes.len() - 3]).is_none());
        assert!(from_bytes(b"not an index").is_none());
        let mut bad = bytes.clone();
        bad[9] ^= 0xff;
        assert!(from_bytes(&bad).is_none());
        // The same through a file, and its keys alone.
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("x.index.bin");
        save(&e, &keys, &path).unwrap();
        assert_eq!(
            load(&path).unwrap().0.search("csto", 3),
            e.search("csto", 3)
        );
        assert_eq!(super::keys(&path).unwrap(), keys);
        std::fs::write(&path, &bytes[..100]).unwrap();
        assert!(load(&path).is_none());
        // Reuse: a new engine made of the old one's briefs, one by one.
        let mut again = Engine::default();
        again.append_from(&back, 1);
        again.append_from(&back, 0);
        assert_eq!(again.briefs()[0].id, e.briefs()[1].id);
        assert_eq!(again.len(), e.len());
    }
}
