//! `briefing` turns source documents about international affairs (news,
//! theses, reports; Indonesian and English) into structured briefs, and reads,
//! searches and annotates them.
//!
//! Data flows one way. Ingest: `bytes -> ingest::load -> ingest::clean ->
//! ingest::segment -> ingest::lang -> (extraction) -> Brief ->
//! frontmatter::render -> briefs/<id>.md` (atomically, by [`library::save`]).
//! Reading: [`library::Library::open`] parses each file back with
//! [`frontmatter::parse`]; [`body::parse`] turns its Markdown body into the
//! same headings and paragraphs the pipeline produced, so paragraph numbers
//! agree everywhere.
//!
//! The library half never touches the terminal and never reads configuration
//! on its own: it takes paths and values. `main.rs` does the wiring.

pub mod body;
pub mod brief;
pub mod catalog;
pub mod config;
pub mod frontmatter;
pub mod fsutil;
pub mod ids;
pub mod ingest;
pub mod lexicon;
pub mod library;
pub mod notes;
pub mod search;
pub mod show;
pub mod summary;
pub mod synth;
pub mod tui;
