//! Picture references: what may go into a tooltip's `<img src="…">`, and
//! the references this library makes, which need no second look.

/// Whether `reference` can go into an `<img src="…">` as it is: a PNG data
/// URI of base64 characters, or a relative path of safe characters.
pub fn is_safe_picture_reference(reference: &str) -> bool {
    if let Some(data) = reference.strip_prefix("data:image/png;base64,") {
        return data
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='));
    }
    !reference.is_empty()
        && !reference.starts_with('/')
        && reference
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'))
        && reference
            .split('/')
            .all(|part| !part.is_empty() && part != "..")
}

/// A picture reference made here: a `data:image/png;base64,` URI of
/// base64 text, or `<checked prefix>/<digits or hex>.png`. Safe in an
/// `<img src>` by construction, so the table takes it unchecked.
pub(crate) struct MadePicture(pub(crate) String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picture_references_are_checked_before_they_reach_a_page() {
        for good in [
            "data:image/png;base64,iVBORw0K+/=",
            "pictures/0-000001.png",
            "a/b_c-d.png",
        ] {
            assert!(is_safe_picture_reference(good), "{good}");
        }
        for bad in [
            "data:image/png;base64,\" onerror=\"alert(1)",
            "javascript:alert(1)",
            "../secret.png",
            "/etc/passwd",
            "a//b.png",
            "x.png\" onerror=\"1",
            "",
        ] {
            assert!(!is_safe_picture_reference(bad), "{bad}");
        }
    }
}
