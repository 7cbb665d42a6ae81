//! How much memory a run may ask for: sizes a user controls are checked
//! against this before anything is allocated, so a mistyped width is a
//! one-line error instead of an allocation abort or an out-of-memory kill.

use crate::error::PixtipError;

/// A number of bytes a run may hold at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryBudget(pub u64);

impl MemoryBudget {
    /// Three quarters of the memory the system says is available now
    /// (`MemAvailable` in `/proc/meminfo`); 8 GiB where that cannot be read.
    pub fn from_machine() -> MemoryBudget {
        let available = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|text| {
                text.lines()
                    .find_map(|line| line.strip_prefix("MemAvailable:"))
                    .and_then(|rest| {
                        rest.trim()
                            .trim_end_matches("kB")
                            .trim()
                            .parse::<u64>()
                            .ok()
                    })
            })
            .map(|kib| kib.saturating_mul(1024));
        MemoryBudget(available.map_or(8 << 30, |bytes| bytes / 4 * 3))
    }

    /// `Ok` when `bytes` fit; otherwise an error saying what asked for how
    /// much and what is allowed.
    pub fn check(self, what: &str, bytes: Option<u64>) -> Result<(), PixtipError> {
        match bytes {
            Some(bytes) if bytes <= self.0 => Ok(()),
            needed => Err(PixtipError::OverBudget {
                what: what.to_string(),
                needed,
                allowed: self.0,
            }),
        }
    }
}

impl Default for MemoryBudget {
    fn default() -> Self {
        MemoryBudget::from_machine()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_over_the_budget_are_refused_with_both_numbers() {
        let budget = MemoryBudget(1000);
        assert!(budget.check("a", Some(1000)).is_ok());
        let error = budget
            .check("1 row of 100000² pixels", Some(80_000_000_000))
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "1 row of 100000² pixels would need 80000000000 bytes; the memory budget is 1000 bytes"
        );
        let overflow = budget.check("x", None).unwrap_err().to_string();
        assert!(
            overflow.contains("more bytes than can be counted"),
            "{overflow}"
        );
        assert!(MemoryBudget::from_machine().0 > 0);
    }
}
