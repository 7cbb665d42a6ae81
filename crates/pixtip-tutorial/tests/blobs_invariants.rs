//! Invariants of the blob dataset for any seed and size.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use pixtip_tutorial::blobs::{BlobOptions, Seed, make_blobs};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn every_image_peaks_at_one_and_areas_count_pixels(
        seed: u64,
        rows in 0usize..4,
        width in 1usize..20,
        ndim in 1usize..4,
    ) {
        let options = BlobOptions { seed: Seed::Int(seed.into()), rows, width, ndim, ..BlobOptions::default() };
        let data = make_blobs(&options).unwrap();
        prop_assert_eq!(data.len(), rows);
        for (images, areas) in [(&data.image1, &data.image1_area), (&data.image2, &data.image2_area)] {
            prop_assert_eq!(images.len(), rows);
            for (image, &area) in images.iter().zip(areas) {
                let max = image.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                prop_assert_eq!(max, 1.0);
                let above = image.iter().filter(|&&v| v > 0.4).count();
                prop_assert_eq!(area, above as f64 / image.len() as f64);
            }
        }
        for image in &data.image1 {
            prop_assert_eq!(image.shape().to_vec(), vec![width; ndim]);
            prop_assert!(image.iter().all(|&v| v >= 0.0));
        }
        prop_assert!(data.group.iter().all(|g| ["a", "b", "c"].contains(&g.as_str())));
    }

    #[test]
    fn same_options_same_dataset(seed: u64) {
        let options = BlobOptions { seed: Seed::Int(seed.into()), rows: 3, width: 12, ..BlobOptions::default() };
        prop_assert_eq!(make_blobs(&options).unwrap(), make_blobs(&options).unwrap());
    }
}
