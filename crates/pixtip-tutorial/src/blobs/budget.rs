//! How much memory the blob dataset may take: `pixtip demo`'s sizes (rows,
//! width, dimensions) are checked against this before anything is drawn, so
//! a mistyped width is a one-line error instead of an allocation abort or an
//! out-of-memory kill.

/// A number of bytes the dataset may hold at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MemoryBudget(pub u64);

impl MemoryBudget {
    /// Three quarters of the memory the system says is available now
    /// (`MemAvailable` in `/proc/meminfo`); 8 GiB where that cannot be read.
    pub fn from_machine() -> MemoryBudget {
        let available = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|text| available_bytes(&text));
        MemoryBudget(available.map_or(8 << 30, |bytes| bytes / 4 * 3))
    }

    /// `mib` mebibytes (the command line's `--memory-budget`).
    pub fn mib(mib: u64) -> MemoryBudget {
        MemoryBudget(mib.saturating_mul(1 << 20))
    }
}

impl Default for MemoryBudget {
    fn default() -> Self {
        MemoryBudget::from_machine()
    }
}

/// The `MemAvailable` line of `/proc/meminfo`'s text, in bytes.
fn available_bytes(meminfo: &str) -> Option<u64> {
    meminfo
        .lines()
        .find_map(|line| line.strip_prefix("MemAvailable:"))
        .and_then(|rest| {
            rest.trim()
                .trim_end_matches("kB")
                .trim()
                .parse::<u64>()
                .ok()
        })
        .map(|kib| kib.saturating_mul(1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn available_memory_is_read_from_meminfo_in_kib() {
        let text = "MemTotal:       16000000 kB\nMemAvailable:    1000 kB\n";
        assert_eq!(available_bytes(text), Some(1_024_000));
        assert_eq!(available_bytes("MemTotal: 5 kB\n"), None);
        assert_eq!(available_bytes("MemAvailable: lots kB\n"), None);
        assert!(MemoryBudget::from_machine().0 > 0);
        assert_eq!(MemoryBudget::mib(3), MemoryBudget(3 << 20));
        assert_eq!(MemoryBudget::mib(u64::MAX), MemoryBudget(u64::MAX));
    }
}
