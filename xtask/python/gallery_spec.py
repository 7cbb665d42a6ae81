"""Charts from Altair's example gallery, for pixtip-spec's gallery tests.

Each function of gallery_basic.py and gallery_advanced.py is one gallery example
as Altair's docs write it (data by URL from `altair.datasets`, small tables
inline); crates/pixtip-spec/tests/gallery/charts/ builds the same charts in
Rust. fixtures_spec.py writes each chart's to_json() to
fixtures/spec/gallery/<name>.vl.json. Lines between `# --` markers are what the
README's line counts compare.
"""
import gallery_advanced
import gallery_basic


def cases():
    """Every example's chart by its function's name, in the files' order."""
    return {
        name: fn()
        for module in (gallery_basic, gallery_advanced)
        for name, fn in vars(module).items()
        if callable(fn) and not name.startswith("_") and fn.__module__ == module.__name__
    }
