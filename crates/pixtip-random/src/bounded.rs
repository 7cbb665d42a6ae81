//! numpy's bounded integer draws (`random_bounded_uint64_fill`): Lemire's
//! multiply-and-reject method, on 32-bit draws whenever the range fits 32 bits.

use crate::Pcg64;

/// A draw in `off ..= off + range` (wrapping), as numpy's
/// `random_bounded_uint64_fill` with `use_masked = False` makes one element.
#[inline]
pub(crate) fn bounded_u64(bits: &mut Pcg64, off: u64, range: u64) -> u64 {
    let draw = if range == 0 {
        // numpy draws nothing for a one-value range.
        0
    } else if range < u64::from(u32::MAX) {
        u64::from(lemire_u32(bits, range as u32))
    } else if range == u64::from(u32::MAX) {
        u64::from(bits.next_u32())
    } else if range == u64::MAX {
        bits.next_u64()
    } else {
        lemire_u64(bits, range)
    };
    off.wrapping_add(draw)
}

/// Lemire's multiply-and-reject draw in `0 ..= range` on `$bits`-bit words,
/// the product held in `$wide`, as numpy writes it for each width.
macro_rules! lemire {
    ($(#[$meta:meta])* $name:ident: $ty:ty, $wide:ty, $next:ident, $bits:literal) => {
        $(#[$meta])*
        #[inline]
        fn $name(bits: &mut Pcg64, range: $ty) -> $ty {
            let range_excl = range + 1;
            let mut m = <$wide>::from(bits.$next()) * <$wide>::from(range_excl);
            let mut leftover = m as $ty;
            if leftover < range_excl {
                let threshold = (<$ty>::MAX - range) % range_excl;
                while leftover < threshold {
                    m = <$wide>::from(bits.$next()) * <$wide>::from(range_excl);
                    leftover = m as $ty;
                }
            }
            (m >> $bits) as $ty
        }
    };
}

lemire!(
    /// numpy's `buffered_bounded_lemire_uint32` for `range < u32::MAX`.
    lemire_u32: u32, u64, next_u32, 32
);
lemire!(
    /// numpy's `bounded_lemire_uint64` for `range < u64::MAX`.
    lemire_u64: u64, u128, next_u64, 64
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_value_range_draws_nothing() {
        let mut bits = Pcg64::new(3u64);
        let before = bits.clone();
        assert_eq!(bounded_u64(&mut bits, 42, 0), 42);
        assert_eq!(bits, before);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut bits = Pcg64::new(9u64);
        for range in [
            1u64,
            2,
            9,
            1 << 20,
            u64::from(u32::MAX),
            1 << 40,
            u64::MAX - 1,
        ] {
            for _ in 0..200 {
                assert!(bounded_u64(&mut bits, 0, range) <= range);
            }
        }
    }
}
