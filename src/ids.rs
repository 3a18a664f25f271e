//! Brief ids: derived from the source file name, stable (the same source
//! always gives the same id), safe as a file name, and unable to escape the
//! library folder.

use thiserror::Error;

/// Longest id we produce or accept.
pub const MAX_LEN: usize = 96;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum IdError {
    #[error("invalid brief id {0:?}: ids use only a-z, 0-9, '-' and '_'")]
    Invalid(String),
}

/// The id for a source path: the slug of its file stem (`News Report.txt` ->
/// `news-report`). Accents are folded to ASCII where a plain letter exists.
pub fn from_source(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    let s = slug(stem);
    if s.is_empty() { "brief".to_string() } else { s }
}

/// The id with a short disambiguating suffix, used when another source
/// already holds the plain id.
pub fn with_suffix(id: &str, source_key: &str) -> String {
    let hash = crate::frontmatter::sha256_hex(source_key.as_bytes());
    let base: String = id.chars().take(MAX_LEN - 7).collect();
    format!("{base}-{}", &hash[..6])
}

/// Lower-case ASCII slug: letters and digits kept, `_` kept, anything else
/// collapsed into single `-`, no leading or trailing `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut dash = false;
    for c in s.chars() {
        let folded = fold(c);
        let mut push = |ch: char| {
            if ch.is_ascii_alphanumeric() || ch == '_' {
                if dash && !out.is_empty() {
                    out.push('-');
                }
                dash = false;
                out.push(ch.to_ascii_lowercase());
            } else {
                dash = true;
            }
        };
        match folded {
            Some(f) => f.chars().for_each(&mut push),
            None => push(c),
        }
        if out.len() >= MAX_LEN {
            break;
        }
    }
    out.truncate(MAX_LEN);
    out.trim_end_matches('-').to_string()
}

/// ASCII for common accented Latin letters.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
            "a"
        }
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'İ' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ł' | 'Ł' => "l",
        'ñ' | 'ń' | 'Ñ' | 'Ń' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'œ' | 'Œ' => "oe",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// Check an id given by a user (`show ID`, `notes add ID`): it must be what
/// [`slug`] could produce, so it can never name a path outside the library.
pub fn validate(id: &str) -> Result<&str, IdError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(id)
    } else {
        Err(IdError::Invalid(id.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_from_sources() {
        let cases = [
            ("sources/000_f5840cd7195cf325.txt", "000_f5840cd7195cf325"),
            ("News Report (final).txt", "news-report-final"),
            (
                "../x/Türkiye–Ermenistan ilişkileri.md",
                "turkiye-ermenistan-iliskileri",
            ),
            ("C:\\docs\\Laporan BAB VI.pdf", "laporan-bab-vi"),
            (".hidden", "hidden"),
            ("///", "brief"),
            ("—.txt", "brief"),
            ("a..b.txt", "a-b"),
        ];
        for (src, want) in cases {
            assert_eq!(from_source(src), want, "{src}");
            assert!(validate(&from_source(src)).is_ok());
        }
    }

    #[test]
    fn same_source_same_id() {
        assert_eq!(from_source("a/b/Report.txt"), from_source("a/b/Report.txt"));
        assert_eq!(
            with_suffix("report", "/x/a/report.txt"),
            with_suffix("report", "/x/a/report.txt")
        );
        assert_ne!(
            with_suffix("report", "/x/a/report.txt"),
            with_suffix("report", "/x/b/report.txt")
        );
    }

    #[test]
    fn long_names_are_bounded() {
        let long = "a".repeat(500) + ".txt";
        assert_eq!(from_source(&long).len(), MAX_LEN);
        assert!(with_suffix(&from_source(&long), "k").len() <= MAX_LEN);
    }

    #[test]
    fn ids_cannot_escape_the_folder() {
        for bad in [
            "../x",
            "a/b",
            "/etc/passwd",
            "..",
            ".",
            "",
            "A",
            "x.md",
            "a b",
            "a\\b",
        ] {
            assert!(validate(bad).is_err(), "{bad:?} must be rejected");
        }
        assert!(validate("000_f5840cd7195cf325").is_ok());
    }
}
