//! One pass over each sentence that every extraction stage reads: its
//! tokens, a lower-case view with the same byte layout, and every lexicon
//! phrase in it (cues, modifiers, membership words, conclusion cues, ...)
//! found by a single automaton.

use super::segment::Document;
use super::tokens::{Token, tokenize};
use crate::lexicon::{Found, Lexicon};

/// A sentence, scanned.
#[derive(Debug, Clone)]
pub struct Scanned<'a> {
    pub text: &'a str,
    pub tokens: Vec<Token<'a>>,
    /// `text.to_ascii_lowercase()`: the same byte offsets as `text`.
    pub lower: String,
    /// Lexicon phrases by category (see [`crate::lexicon::cat`]).
    pub phrases: Found,
}

impl<'a> Scanned<'a> {
    pub fn new(text: &'a str, lex: &Lexicon) -> Scanned<'a> {
        Scanned {
            text,
            tokens: tokenize(text),
            lower: text.to_ascii_lowercase(),
            phrases: lex.phrases.find(text),
        }
    }

    /// The tokens in lower case.
    pub fn lower_tokens(&self) -> Vec<&str> {
        self.tokens
            .iter()
            .map(|t| &self.lower[t.start..t.end])
            .collect()
    }
}

/// Every sentence of `doc`, per paragraph.
pub fn document<'a>(doc: &'a Document, lex: &Lexicon) -> Vec<Vec<Scanned<'a>>> {
    doc.paragraphs
        .iter()
        .map(|p| p.sentence_texts().map(|s| Scanned::new(s, lex)).collect())
        .collect()
}
