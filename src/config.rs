//! Configuration: the shipped `config.toml` is embedded as the defaults; a
//! user file is merged over it key by key. Unknown keys and bad values are
//! errors that name the file and the line.
//!
//! Which file is read is decided by [`locate`] (pure): `--config FILE`, else
//! `./config.toml`, else the platform config dir, else only the defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use crate::brief::QuadClass;
use crate::lexicon::Extension;

/// The shipped configuration, every option with its default.
pub const DEFAULT_TOML: &str = include_str!("../config.toml");

/// Messages are whole (file and cause), so the I/O cause is a field, not the
/// error's `source()`, which a chain would print a second time.
#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("cannot read config {}: {cause}", .path.display())]
    Read {
        path: PathBuf,
        cause: std::io::Error,
    },
    #[error("{}:{line}: {message}", .path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Dark,
    Light,
    Mono,
}

/// Where the effective configuration came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Config {
    /// The library folder (relative paths resolved against the config file's folder).
    pub library: PathBuf,
    /// The notes folder; `None` means the platform data dir.
    pub notes_dir: Option<PathBuf>,
    pub theme: ThemeName,
    /// Notes' text shown under their passages when a brief opens.
    pub inline_notes: bool,
    /// The copy key may write OSC 52 to the terminal.
    pub clipboard_osc52: bool,
    /// The user's additions to the lexicons.
    pub lexicon: Extension,
    /// Reader keys: command name -> keys (see [`crate::tui::keymap`]).
    pub keys: BTreeMap<String, Vec<String>>,
    pub origin: Origin,
}

/// One config file as written: every key optional, unknown keys rejected.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    library: Option<String>,
    notes_dir: Option<String>,
    theme: Option<ThemeName>,
    inline_notes: Option<bool>,
    clipboard_osc52: Option<bool>,
    lexicon: Option<LexiconFile>,
    keys: Option<BTreeMap<String, Vec<String>>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct LexiconFile {
    dir: Option<String>,
    aliases: Option<BTreeMap<String, String>>,
    cues: Option<BTreeMap<String, String>>,
}

/// The 1-based line of the first occurrence of `needle`, for errors about values.
fn line_of(text: &str, needle: &str) -> usize {
    text.find(needle)
        .map_or(1, |i| text[..i].matches('\n').count() + 1)
}

/// `[lexicon]` of a config file as an [`Extension`]; `dir` resolves against `base`.
fn extension(
    file: Option<LexiconFile>,
    text: &str,
    path: &Path,
    base: &Path,
) -> Result<Extension, ConfigError> {
    let Some(f) = file else {
        return Ok(Extension::default());
    };
    let mut ext = Extension {
        dir: f.dir.filter(|d| !d.is_empty()).map(|d| {
            let p = expand_home(&d);
            if p.is_absolute() || base.as_os_str().is_empty() {
                p
            } else {
                base.join(p)
            }
        }),
        aliases: f.aliases.unwrap_or_default().into_iter().collect(),
        cues: Vec::new(),
    };
    for (form, spec) in f.cues.unwrap_or_default() {
        let mut parts = spec.split_whitespace();
        let class = parts.next().and_then(QuadClass::parse);
        let weight = parts
            .next()
            .and_then(|w| w.parse::<f64>().ok())
            .filter(|w| (0.0..=10.0).contains(w));
        match (class, weight, parts.next()) {
            (Some(c), Some(w), None) => ext.cues.push((form, c, w)),
            _ => {
                return Err(ConfigError::Invalid {
                    path: path.to_path_buf(),
                    line: line_of(text, &format!("\"{form}\"")),
                    message: format!(
                        "cue {form:?} = {spec:?}: expected \"CLASS WEIGHT\" with CLASS one of verbal-cooperation, material-cooperation, verbal-conflict, material-conflict and WEIGHT 0..10"
                    ),
                });
            }
        }
    }
    Ok(ext)
}

fn parse_file(text: &str, path: &Path) -> Result<ConfigFile, ConfigError> {
    toml::from_str(text).map_err(|e| ConfigError::Invalid {
        path: path.to_path_buf(),
        line: e.span().map_or(1, |s| {
            text[..s.start.min(text.len())].matches('\n').count() + 1
        }),
        message: e.message().split_whitespace().collect::<Vec<_>>().join(" "),
    })
}

impl Config {
    /// The embedded defaults alone.
    pub fn embedded() -> Config {
        // The shipped file is checked by a test; fall back to plain values
        // rather than fail if it ever were not.
        let file = parse_file(DEFAULT_TOML, Path::new("config.toml")).unwrap_or_default();
        Config {
            library: PathBuf::from(file.library.unwrap_or_else(|| "briefs".into())),
            notes_dir: file.notes_dir.filter(|s| !s.is_empty()).map(PathBuf::from),
            theme: file.theme.unwrap_or(ThemeName::Dark),
            inline_notes: file.inline_notes.unwrap_or(true),
            clipboard_osc52: file.clipboard_osc52.unwrap_or(false),
            lexicon: Extension::default(),
            keys: file.keys.unwrap_or_default(),
            origin: Origin::Embedded,
        }
    }

    /// The defaults with the user file `text` (read from `path`) merged over them.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config, ConfigError> {
        let file = parse_file(text, path)?;
        let base = Config::embedded();
        let dir = path.parent().unwrap_or(Path::new(""));
        let resolve = |s: String| -> PathBuf {
            let p = expand_home(&s);
            if p.is_absolute() || dir.as_os_str().is_empty() {
                p
            } else {
                dir.join(p)
            }
        };
        Ok(Config {
            library: file.library.map_or(base.library, resolve),
            notes_dir: match file.notes_dir {
                Some(s) if s.is_empty() => None,
                Some(s) => Some(resolve(s)),
                None => base.notes_dir,
            },
            theme: file.theme.unwrap_or(base.theme),
            inline_notes: file.inline_notes.unwrap_or(base.inline_notes),
            clipboard_osc52: file.clipboard_osc52.unwrap_or(base.clipboard_osc52),
            lexicon: extension(file.lexicon, text, path, dir)?,
            keys: merge_keys(base.keys, file.keys, text, path)?,
            origin: Origin::File(path.to_path_buf()),
        })
    }

    /// Read the config the precedence rules pick (see [`locate`]).
    pub fn load(path: Option<&Path>) -> Result<Config, ConfigError> {
        match path {
            None => Ok(Config::embedded()),
            Some(p) => {
                let text = std::fs::read_to_string(p).map_err(|cause| ConfigError::Read {
                    path: p.to_path_buf(),
                    cause,
                })?;
                Config::from_toml(&text, p)
            }
        }
    }
}

/// The user's `[keys]` over the defaults: a command the user binds gets
/// exactly the user's keys, and those keys leave the commands the user did
/// not rebind (so `quit = ["x"]` frees nothing and `down = ["n"]` takes `n`
/// from find_next).
fn merge_keys(
    mut keys: BTreeMap<String, Vec<String>>,
    user: Option<BTreeMap<String, Vec<String>>>,
    text: &str,
    path: &Path,
) -> Result<BTreeMap<String, Vec<String>>, ConfigError> {
    let Some(user) = user else {
        return Ok(keys);
    };
    let invalid = |name: &str, message: String| ConfigError::Invalid {
        path: path.to_path_buf(),
        line: line_of_key(text, name),
        message,
    };
    // Validate the user's table on its own, for a precise message.
    crate::tui::keymap::Keymap::new(&user).map_err(|m| {
        let name = user
            .iter()
            .find(|(n, v)| {
                crate::tui::keymap::Keymap::new(&BTreeMap::from([((*n).clone(), (*v).clone())]))
                    .is_err()
            })
            .map_or("keys", |(n, _)| n.as_str());
        invalid(name, m)
    })?;
    let parse = |k: &String| crate::tui::keymap::Key::parse(k).ok();
    let taken: Vec<_> = user.values().flatten().filter_map(parse).collect();
    for (cmd, list) in keys.iter_mut() {
        if !user.contains_key(cmd) {
            list.retain(|k| parse(k).is_none_or(|k| !taken.contains(&k)));
        }
    }
    keys.extend(user);
    Ok(keys)
}

/// The 1-based line where `name = ` is set, for errors about `[keys]`.
fn line_of_key(text: &str, name: &str) -> usize {
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(name)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or_else(|| line_of(text, "[keys]"), |i| i + 1)
}

/// Which config file to read: the explicit one, else `./config.toml` if it
/// exists, else the platform one if it exists, else none (embedded defaults).
pub fn locate(explicit: Option<&Path>, cwd: &Path, platform: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    let local = cwd.join("config.toml");
    if local.is_file() {
        return Some(local);
    }
    platform.filter(|p| p.is_file()).map(Path::to_path_buf)
}

/// The platform config file (`~/.config/briefing/config.toml` on Linux).
pub fn platform_config_file() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "briefing").map(|d| d.config_dir().join("config.toml"))
}

fn expand_home(s: &str) -> PathBuf {
    if let Some(rest) = s.strip_prefix("~/")
        && let Some(home) = directories::BaseDirs::new()
    {
        return home.home_dir().join(rest);
    }
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_config_sets_every_option() {
        let file =
            parse_file(DEFAULT_TOML, Path::new("config.toml")).expect("shipped config parses");
        assert!(file.library.is_some());
        assert!(file.notes_dir.is_some());
        assert!(file.theme.is_some());
        assert_eq!(file.inline_notes, Some(true));
        assert_eq!(
            file.clipboard_osc52,
            Some(false),
            "OSC 52 is off by default"
        );
        let lex = file.lexicon.expect("[lexicon] is in the shipped config");
        assert!(lex.dir.is_some() && lex.aliases.is_some() && lex.cues.is_some());
        let c = Config::embedded();
        assert_eq!(c.library, PathBuf::from("briefs"));
        // Every command has default keys, and they form a valid keymap.
        crate::tui::keymap::Keymap::new(&c.keys).expect("default keys");
        for cmd in crate::tui::action::Command::ALL {
            assert!(
                c.keys.get(cmd.name()).is_some_and(|k| !k.is_empty()),
                "no default key for {}",
                cmd.name()
            );
        }
        assert_eq!(c.theme, ThemeName::Dark);
    }

    #[test]
    fn every_option_has_a_comment() {
        let lines: Vec<&str> = DEFAULT_TOML.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            let t = l.trim();
            if t.is_empty() || t.starts_with('#') || t.starts_with('[') {
                continue;
            }
            assert!(
                i > 0 && lines[i - 1].trim_start().starts_with('#'),
                "option on line {} has no comment above it: {t}",
                i + 1
            );
        }
    }

    #[test]
    fn user_values_override_defaults() {
        let c = Config::from_toml(
            "theme = \"mono\"\n",
            Path::new("/home/u/.config/briefing/config.toml"),
        )
        .unwrap();
        assert_eq!(c.theme, ThemeName::Mono);
        assert_eq!(c.library, PathBuf::from("briefs"));
        assert!(c.inline_notes && !c.clipboard_osc52);
        let c = Config::from_toml(
            "clipboard_osc52 = true\ninline_notes = false\n",
            Path::new("c.toml"),
        )
        .unwrap();
        assert!(!c.inline_notes && c.clipboard_osc52);
        let c = Config::from_toml(
            "library = \"my-briefs\"\nnotes_dir = \"notes\"\n",
            Path::new("/data/config.toml"),
        )
        .unwrap();
        assert_eq!(c.library, PathBuf::from("/data/my-briefs"));
        assert_eq!(c.notes_dir, Some(PathBuf::from("/data/notes")));
        let c = Config::from_toml("library = \"/abs/briefs\"\n", Path::new("config.toml")).unwrap();
        assert_eq!(c.library, PathBuf::from("/abs/briefs"));
        let c = Config::from_toml("library = \"rel\"\n", Path::new("config.toml")).unwrap();
        assert_eq!(c.library, PathBuf::from("rel"));
    }

    #[test]
    fn unknown_keys_and_bad_values_name_file_and_line() {
        let err = Config::from_toml(
            "theme = \"dark\"\n\ncolour = \"red\"\n",
            Path::new("my.toml"),
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(
            msg.starts_with("my.toml:3: unknown field `colour`"),
            "{msg}"
        );
        let err = Config::from_toml("# c\ntheme = \"blue\"\n", Path::new("my.toml")).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("my.toml:2: unknown variant `blue`"),
            "{err}"
        );
        let err = Config::from_toml("library = [\n", Path::new("my.toml")).unwrap_err();
        assert!(err.to_string().starts_with("my.toml:"), "{err}");
        assert!(!err.to_string().contains('\n'));
    }

    #[test]
    fn lexicon_additions() {
        let text = "[lexicon]\ndir = \"lex\"\n[lexicon.aliases]\n\"Negeri Tirai Bambu\" = \"CHN\"\n[lexicon.cues]\n\"menjegal\" = \"verbal-conflict 3\"\n";
        let c = Config::from_toml(text, Path::new("/cfg/config.toml")).unwrap();
        assert_eq!(c.lexicon.dir, Some(PathBuf::from("/cfg/lex")));
        assert_eq!(
            c.lexicon.aliases,
            vec![("Negeri Tirai Bambu".to_string(), "CHN".to_string())]
        );
        assert_eq!(
            c.lexicon.cues,
            vec![("menjegal".to_string(), QuadClass::VerbalConflict, 3.0)]
        );
        let bad = "[lexicon.cues]\n\"x\" = \"friendly 3\"\n";
        let err = Config::from_toml(bad, Path::new("my.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("my.toml:2: cue \"x\""), "{err}");
        let bad = "[lexicon]\ndirr = \"x\"\n";
        let err = Config::from_toml(bad, Path::new("my.toml"))
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("my.toml:2: unknown field `dirr`"), "{err}");
    }

    #[test]
    fn user_keys_replace_a_commands_keys_and_take_them_from_others() {
        let c =
            Config::from_toml("[keys]\ndown = [\"n\", \"Down\"]\n", Path::new("k.toml")).unwrap();
        assert_eq!(c.keys["down"], ["n", "Down"]);
        assert!(!c.keys["find_next"].contains(&"n".to_string()));
        assert!(c.keys["up"].contains(&"k".to_string()));
        let err = Config::from_toml(
            "theme = \"dark\"\n[keys]\njump = [\"j\"]\n",
            Path::new("k.toml"),
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.starts_with("k.toml:3: unknown command \"jump\""),
            "{err}"
        );
        let err = Config::from_toml(
            "[keys]\nup = [\"k\"]\ndown = [\"Ctrl-Nope\"]\n",
            Path::new("k.toml"),
        )
        .unwrap_err()
        .to_string();
        assert_eq!(err, "k.toml:3: [keys] down: unknown key \"Ctrl-Nope\"");
    }

    #[test]
    fn precedence() {
        let dir = tempfile::tempdir().unwrap();
        let platform = dir.path().join("platform.toml");
        assert_eq!(locate(None, dir.path(), Some(&platform)), None);
        std::fs::write(&platform, "").unwrap();
        assert_eq!(
            locate(None, dir.path(), Some(&platform)),
            Some(platform.clone())
        );
        std::fs::write(dir.path().join("config.toml"), "").unwrap();
        assert_eq!(
            locate(None, dir.path(), Some(&platform)),
            Some(dir.path().join("config.toml"))
        );
        let explicit = Path::new("/x/y.toml");
        assert_eq!(
            locate(Some(explicit), dir.path(), Some(&platform)),
            Some(explicit.to_path_buf())
        );
    }
}
