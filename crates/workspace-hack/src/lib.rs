//! This crate has no code. Its dependencies' features are the point: see its
//! `Cargo.toml`. Depending on it makes a package's build share the workspace
//! test build's compiled dependencies.
