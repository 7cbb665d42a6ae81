//! A column of texts kept in one buffer: the cells of a text or picture
//! column, one after another, and where each ends.
//!
//! A `Vec<String>` costs a 24-byte header and an allocation of at least 32
//! bytes a cell, whatever its length: 100,000 cluster names of two letters
//! and 100,000 picture file names took 11 MiB that way, against 3.4 MiB here.

use std::fmt;
use std::ops::Index;

/// Texts, one per row, in one buffer (see the module's doc).
///
/// ```
/// use pixtip::Texts;
///
/// let names: Texts = ["a", "bc", ""].into_iter().collect();
/// assert_eq!((names.len(), &names[1]), (3, "bc"));
/// assert_eq!(names.iter().collect::<Vec<_>>(), ["a", "bc", ""]);
/// assert_eq!(names, ["a", "bc", ""]);
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Texts {
    text: String,
    ends: Vec<usize>,
}

impl Texts {
    /// No texts.
    pub fn new() -> Texts {
        Texts::default()
    }

    /// Room for `rows` texts of `bytes` in all.
    pub fn with_capacity(rows: usize, bytes: usize) -> Texts {
        Texts {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(rows),
        }
    }

    /// Adds a text after the last.
    pub fn push(&mut self, text: &str) {
        self.text.push_str(text);
        self.ends.push(self.text.len());
    }

    /// The number of texts.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The text of `row`, if there is one.
    pub fn get(&self, row: usize) -> Option<&str> {
        let end = *self.ends.get(row)?;
        let start = row.checked_sub(1).map_or(0, |before| self.ends[before]);
        self.text.get(start..end)
    }

    /// The texts in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.len()).map(|row| &self[row])
    }

    /// The texts as owned strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }

    /// The bytes of all texts together.
    pub fn text_bytes(&self) -> usize {
        self.text.len()
    }
}

impl Index<usize> for Texts {
    type Output = str;

    /// The text of `row`; panics past the last, as a slice does.
    fn index(&self, row: usize) -> &str {
        match self.get(row) {
            Some(text) => text,
            None => panic!("row {row} of {} texts", self.len()),
        }
    }
}

impl fmt::Debug for Texts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Texts {
    fn from_iter<I: IntoIterator<Item = S>>(texts: I) -> Texts {
        let mut all = Texts::new();
        all.extend(texts);
        all
    }
}

impl<S: AsRef<str>> Extend<S> for Texts {
    fn extend<I: IntoIterator<Item = S>>(&mut self, texts: I) {
        for text in texts {
            self.push(text.as_ref());
        }
    }
}

impl<S: AsRef<str>> From<Vec<S>> for Texts {
    fn from(texts: Vec<S>) -> Texts {
        texts.iter().collect()
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Texts {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Texts {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Texts {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for &Texts {
    fn eq(&self, other: &[S; N]) -> bool {
        **self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for &Texts {
    fn eq(&self, other: &Vec<S>) -> bool {
        **self == other[..]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_read_back_as_pushed_with_empty_and_multibyte_ones() {
        let texts: Texts = ["", "é☃", "", "plain"].into_iter().collect();
        assert_eq!(texts.len(), 4);
        assert_eq!(texts.get(1), Some("é☃"));
        assert_eq!(texts.get(4), None);
        assert_eq!(texts, vec!["", "é☃", "", "plain"]);
        assert_ne!(texts, ["", "é☃", ""]);
        assert_eq!(texts.text_bytes(), "é☃plain".len());
        assert_eq!(Texts::from(texts.to_vec()), texts);
        assert_eq!(format!("{texts:?}"), r#"["", "é☃", "", "plain"]"#);
        assert!(Texts::new().is_empty());
    }
}
