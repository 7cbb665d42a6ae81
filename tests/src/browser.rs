//! Running the page checks of `tests/browser/*.test.mjs` in headless
//! Chromium, for the workspace's browser tests.

use crate::workspace_root;
use std::path::Path;
use std::process::Command;

/// The Chromium binary: `$CHROMIUM`, or Debian's.
pub fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string())
}

/// Fails, saying what to install, unless npm's packages and Chromium are there.
pub fn check_prerequisites() {
    let root = workspace_root();
    for package in ["playwright-core", "vega", "vega-lite", "vega-embed"] {
        assert!(
            root.join("node_modules").join(package).exists(),
            "node_modules/{package} is missing: run `npm ci` in {}",
            root.display()
        );
    }
    assert!(
        Path::new(&chromium()).exists(),
        "{} is missing: install Debian's chromium (`apt-get install chromium`) or set CHROMIUM",
        chromium()
    );
}

/// Runs `tests/browser/<script>` with node's test runner on the pages in
/// `pages`; `passes` checks must pass.
pub fn run_node_checks(
    script: &str,
    label: &str,
    pages: &Path,
    settings: &[(&str, &str)],
    passes: usize,
) {
    let root = workspace_root();
    let shots = root.join("target/browser-shots").join(label);
    std::fs::create_dir_all(&shots).expect("the screenshots folder can be made");
    let output = Command::new("node")
        .arg("--test")
        .arg(root.join("tests/browser").join(script))
        .env("PIXTIP_PAGES_DIR", pages)
        .env("PIXTIP_SHOTS_DIR", &shots)
        .env("CHROMIUM", chromium())
        .envs(settings.iter().copied())
        .current_dir(&root)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    println!("{stdout}{}", String::from_utf8_lossy(&output.stderr));
    assert!(
        output.status.success(),
        "the browser checks failed ({label}); see the output above"
    );
    assert!(
        stdout.contains(&format!("# pass {passes}\n")),
        "all {passes} page checks ran ({label})"
    );
}
