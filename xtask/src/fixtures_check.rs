//! `cargo xtask fixtures --check`: regenerate the fixtures into
//! `target/fixtures-check/` and compare them with the committed ones.
//!
//! Files must be equal byte for byte, with two allowances for what the
//! tools do not keep fixed: `.npz` archives are compared member by member
//! (numpy stamps each member with the time it was written), and float64
//! arrays of the parts scipy's Gaussian filter computes (`filter`, and the
//! tutorial's blobs in `reference`) may differ by a few ulp (1e-15 relative: the tutorial divides by the
//! image maximum, itself off by one), since its sums
//! round differently on different CPUs (seen: 3,605 elements of one array
//! differing by 2.2e-16 on an Intel Xeon). `reference/altair-200` is a copy
//! of the tutorial's own outputs, not written by the tools, and is skipped.

use anyhow::{Context, Result, bail};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Relative difference allowed between float64 values of the Gaussian parts.
const FILTER_RELATIVE: f64 = 1e-15;

/// Parts whose float64 arrays come from scipy's Gaussian filter.
const GAUSSIAN_PARTS: &[&str] = &["filter", "reference"];

/// Folders of fixtures copied in rather than written by the tools.
const COPIED: &[&str] = &["reference/altair-200/"];

/// Compares `committed` (a fixture part's folder) with `fresh` (the same
/// part regenerated); returns one line per difference.
pub fn compare(part: &str, committed: &Path, fresh: &Path) -> Result<Vec<String>> {
    let ours = files(committed)?;
    let theirs = files(fresh)?;
    let mut differences = Vec::new();
    for name in ours
        .keys()
        .chain(theirs.keys().filter(|n| !ours.contains_key(*n)))
    {
        if COPIED
            .iter()
            .any(|c| format!("{part}/{name}").starts_with(c))
        {
            continue;
        }
        let (Some(a), Some(b)) = (ours.get(name), theirs.get(name)) else {
            let side = if ours.contains_key(name) {
                "regenerated"
            } else {
                "committed"
            };
            differences.push(format!("{part}/{name}: missing from the {side} fixtures"));
            continue;
        };
        let (a, b) = (std::fs::read(a)?, std::fs::read(b)?);
        if a == b {
            continue;
        }
        let verdict = if name.ends_with(".npz") {
            compare_npz(&a, &b, GAUSSIAN_PARTS.contains(&part))?
        } else {
            Some("the bytes differ".to_string())
        };
        if let Some(why) = verdict {
            differences.push(format!("{part}/{name}: {why}"));
        }
    }
    Ok(differences)
}

/// Every file under `dir`, by its path relative to `dir`.
fn files(dir: &Path) -> Result<BTreeMap<String, PathBuf>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in
            std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir)?.to_string_lossy().into_owned();
                found.insert(relative, path);
            }
        }
    }
    Ok(found)
}

/// The members of an `.npz`, by name.
fn members(bytes: &[u8]) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut out = BTreeMap::new();
    for i in 0..archive.len() {
        let mut member = archive.by_index(i)?;
        let mut data = Vec::new();
        member.read_to_end(&mut data)?;
        out.insert(member.name().to_string(), data);
    }
    Ok(out)
}

/// `None` when two `.npz` archives hold the same arrays (float64 values
/// within [`FILTER_RELATIVE`] when `loose`), else what differs.
fn compare_npz(a: &[u8], b: &[u8], loose: bool) -> Result<Option<String>> {
    let (a, b) = (members(a)?, members(b)?);
    if a.keys().ne(b.keys()) {
        return Ok(Some("the archives hold different arrays".into()));
    }
    let mut loose_elements = 0usize;
    for (name, x) in &a {
        let y = &b[name];
        if x == y {
            continue;
        }
        let (Some((hx, vx)), Some((hy, vy))) = (float64_values(x), float64_values(y)) else {
            return Ok(Some(format!("member {name} differs")));
        };
        if !loose || hx != hy || vx.len() != vy.len() {
            return Ok(Some(format!("member {name} differs")));
        }
        for (p, q) in vx.iter().zip(&vy) {
            if p.to_bits() == q.to_bits() {
                continue;
            }
            if (p - q).abs() > FILTER_RELATIVE * p.abs().max(q.abs()) {
                return Ok(Some(format!("member {name}: {p:e} against {q:e}")));
            }
            loose_elements += 1;
        }
    }
    if loose_elements > 0 {
        println!("  {loose_elements} float64 values within 1e-15 of the committed ones");
    }
    Ok(None)
}

/// A little-endian float64 `.npy`'s header and values.
fn float64_values(npy: &[u8]) -> Option<(Vec<u8>, Vec<f64>)> {
    if !npy.starts_with(b"\x93NUMPY") || npy.len() < 10 {
        return None;
    }
    let (header_len, start) = match npy[6] {
        1 => (u16::from_le_bytes([npy[8], npy[9]]) as usize, 10),
        _ => (
            u32::from_le_bytes(npy.get(8..12)?.try_into().ok()?) as usize,
            12,
        ),
    };
    let header = npy.get(start..start + header_len)?;
    if !String::from_utf8_lossy(header).contains("'<f8'") {
        return None;
    }
    let data = npy.get(start + header_len..)?;
    let values = data
        .chunks_exact(8)
        .map(|c| f64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect();
    Some((header.to_vec(), values))
}

/// Fails with every difference listed.
pub fn report(differences: &[String]) -> Result<()> {
    if differences.is_empty() {
        println!("fixtures --check: the regenerated fixtures equal the committed ones");
        return Ok(());
    }
    for line in differences {
        println!("  {line}");
    }
    bail!(
        "{} fixture files differ from what the tools write now",
        differences.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differing_and_missing_files_are_reported() -> Result<()> {
        let (a, b) = (tempfile::tempdir()?, tempfile::tempdir()?);
        for dir in [a.path(), b.path()] {
            std::fs::write(dir.join("same.json"), "[1]")?;
        }
        std::fs::write(a.path().join("changed.json"), "[1]")?;
        std::fs::write(b.path().join("changed.json"), "[2]")?;
        std::fs::write(a.path().join("gone.png"), "x")?;
        let differences = compare("part", a.path(), b.path())?;
        assert_eq!(
            differences,
            [
                "part/changed.json: the bytes differ",
                "part/gone.png: missing from the regenerated fixtures"
            ]
        );
        Ok(())
    }

    fn npz(value: f64) -> Vec<u8> {
        use std::io::Write;
        let header = b"{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }";
        let mut npy = b"\x93NUMPY\x01\x00".to_vec();
        npy.extend((header.len() as u16).to_le_bytes());
        npy.extend(header);
        npy.extend(value.to_le_bytes());
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("out.npy", options).expect("zip member");
        zip.write_all(&npy).expect("zip write");
        zip.finish().expect("zip finish").into_inner()
    }

    #[test]
    fn float64_members_may_differ_by_an_ulp_in_the_filter_part_only() -> Result<()> {
        let (x, near, far) = (npz(1.0), npz(1.0 + f64::EPSILON), npz(1.001));
        assert_eq!(compare_npz(&x, &npz(1.0), false)?, None);
        assert_eq!(compare_npz(&x, &near, true)?, None);
        assert_eq!(
            compare_npz(&x, &near, false)?,
            Some("member out.npy differs".into())
        );
        assert!(compare_npz(&x, &far, true)?.is_some());
        Ok(())
    }
}
