//! Word tokens with byte offsets, shared by the stages that read word by
//! word (dates, negation scope). A word is a run of letters and digits; a
//! hyphen between letters or digits stays inside it (`Nagorno-Karabakh`,
//! `2023-09-29`, `1990-an`), as do `/` and `.` between digits (`12/9/2024`,
//! `11.000`). Everything else that is not a space is a one-character token.

/// A token of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    pub fn is_number(&self) -> bool {
        !self.text.is_empty() && self.text.bytes().all(|b| b.is_ascii_digit())
    }
}

/// The tokens of `s` in lower case, as slices of `lower`, which must be
/// `s.to_ascii_lowercase()` (same byte layout; the structure words the
/// stages look up are ASCII).
pub fn lowered<'a>(toks: &[Token<'_>], lower: &'a str) -> Vec<&'a str> {
    toks.iter().map(|t| &lower[t.start..t.end]).collect()
}

/// Split `s` into tokens.
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            let end = start + c.len_utf8();
            out.push(Token {
                text: &s[start..end],
                start,
                end,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() {
            let d = chars[j].1;
            if d.is_alphanumeric() {
                j += 1;
                continue;
            }
            let prev = chars[j - 1].1;
            let next = chars.get(j + 1).map(|x| x.1);
            let joins = match d {
                '-' | '‑' => prev.is_alphanumeric() && next.is_some_and(char::is_alphanumeric),
                '/' | '.' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                '\'' | '’' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                _ => false,
            };
            if joins {
                j += 2;
            } else {
                break;
            }
        }
        let end = chars.get(j).map_or(s.len(), |x| x.0);
        out.push(Token {
            text: &s[start..end],
            start,
            end,
        });
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(
            texts("Kamis (12/9/2024), 11.000 tentara ke Nagorno-Karabakh—dan 1990-an."),
            [
                "Kamis",
                "(",
                "12/9/2024",
                ")",
                ",",
                "11.000",
                "tentara",
                "ke",
                "Nagorno-Karabakh",
                "—",
                "dan",
                "1990-an",
                "."
            ]
        );
        assert_eq!(
            texts("Kosovo's PM, 3.5% in 2023-09-29"),
            ["Kosovo's", "PM", ",", "3.5", "%", "in", "2023-09-29"]
        );
        assert_eq!(texts("“Ini.” - x"), ["“", "Ini", ".", "”", "-", "x"]);
        let t = tokenize("a bc");
        assert_eq!((t[1].start, t[1].end), (2, 4));
        assert!(t[1].is_word() && !t[1].is_number());
    }
}
