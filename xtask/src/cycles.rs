//! `cargo xtask cycles [--root DIR] [CRATE...]`: the module dependency graph of
//! each crate under `DIR/crates` (default: this workspace), and any cycles in it.
//!
//! Every `.rs` file under `crates/<name>/src` is a module (`a/b.rs` is `a::b`,
//! `a/mod.rs` is `a`). A module depends on every module its code names through
//! `crate::`, `$crate::`, `super::` or `self::` paths (grouped `use` lists
//! included; comments and `#[cfg(test)]` code left out), with names that a
//! module re-exports (`pub use`) followed to where they are defined. Edges from
//! a module to its own submodules (`mod x;`) are structure, not use. Cycles are
//! the strongly connected components of more than one module; they are reported
//! for files and for the top-level modules (directories taken whole).

use anyhow::{Context, Result, bail};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

pub fn run(args: &[String]) -> Result<()> {
    let (root, args) = match args {
        [flag, dir, rest @ ..] if flag == "--root" => (std::path::PathBuf::from(dir), rest),
        _ => (crate::python::workspace_root(), args),
    };
    let mut names: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(root.join("crates"))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if args.is_empty() || args.contains(&name) {
            names.push(name);
        }
    }
    names.sort();
    let mut cycles = 0;
    for name in &names {
        let graph = crate_graph(&root.join("crates").join(name).join("src"))
            .with_context(|| format!("reading crate {name}"))?;
        let edges: usize = graph.values().map(BTreeSet::len).sum();
        let files = components(&graph);
        let top = components(&collapse_to_top(&graph));
        println!(
            "{name}: {} modules, {edges} dependencies, {} file cycles, {} top-level cycles",
            graph.len(),
            files.len(),
            top.len()
        );
        for cycle in files.iter().chain(&top) {
            let names: Vec<String> = cycle.iter().map(show).collect();
            println!("  cycle: {}", names.join(" <-> "));
        }
        cycles += files.len() + top.len();
    }
    if cycles > 0 {
        bail!("{cycles} module cycles");
    }
    Ok(())
}

fn show(m: &Module) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

/// Every module of the crate and the modules it uses.
fn crate_graph(src: &Path) -> Result<BTreeMap<Module, BTreeSet<Module>>> {
    let mut files: BTreeMap<Module, String> = BTreeMap::new();
    collect(src, src, &mut files)?;
    let modules: BTreeSet<Module> = files.keys().cloned().collect();
    // (module, name) -> the module a `pub use` takes the name from.
    let mut reexports: BTreeMap<(Module, String), Module> = BTreeMap::new();
    for (module, text) in &files {
        for (path, is_pub_use) in paths(module, text) {
            if is_pub_use && let Some(name) = path.last() {
                let target = resolve(&modules, &BTreeMap::new(), &path);
                reexports.insert((module.clone(), name.clone()), target);
            }
        }
    }
    let mut graph = BTreeMap::new();
    for (module, text) in &files {
        let mut uses = BTreeSet::new();
        for (path, _) in paths(module, text) {
            let target = resolve(&modules, &reexports, &path);
            let is_child = target.len() > module.len() && target.starts_with(module);
            if target != *module && !is_child {
                uses.insert(target);
            }
        }
        graph.insert(module.clone(), uses);
    }
    Ok(graph)
}

fn collect(src: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) -> Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "bin") {
                collect(src, &path, out)?;
            }
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(src)?.with_extension("");
        let mut module: Module = rel
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if matches!(
            module.last().map(String::as_str),
            Some("mod" | "lib" | "main")
        ) {
            module.pop();
        }
        out.insert(module, std::fs::read_to_string(&path)?);
    }
    Ok(())
}

/// The absolute module paths named in `text` (without `crate`), and whether
/// each comes from a `pub use`.
fn paths(module: &Module, text: &str) -> Vec<(Vec<String>, bool)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let is_pub_use = line.starts_with("pub use ") || line.starts_with("pub(crate) use ");
        out.extend(
            line_paths(module, line)
                .into_iter()
                .map(|p| (p, is_pub_use)),
        );
    }
    // `use` lists spanning lines: join each statement and read it again.
    for stmt in code.split(';') {
        let stmt = stmt.trim_start();
        let is_pub_use = stmt.starts_with("pub use ") || stmt.starts_with("pub(crate) use ");
        if (stmt.starts_with("use ") || is_pub_use) && stmt.contains('\n') {
            let joined: String = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
            out.extend(
                line_paths(module, &joined)
                    .into_iter()
                    .map(|p| (p, is_pub_use)),
            );
        }
    }
    out
}

/// Paths in one line of code, made absolute.
fn line_paths(module: &Module, line: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < line.len() {
        while !line.is_char_boundary(i) {
            i += 1;
        }
        let rest = &line[i..];
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let (base, skip) = if !boundary {
            (None, 1)
        } else if rest.starts_with("crate::") {
            (Some(Vec::new()), "crate::".len())
        } else if rest.starts_with("super::") {
            let mut parent = module.clone();
            let mut n = 0;
            while line[i + n..].starts_with("super::") {
                parent.pop();
                n += "super::".len();
            }
            (Some(parent), n)
        } else if rest.starts_with("self::") {
            (Some(module.clone()), "self::".len())
        } else {
            (None, 1)
        };
        i += skip;
        if let Some(base) = base {
            let (paths, used) = parse_tree(&line[i..]);
            out.extend(paths.into_iter().map(|p| [base.clone(), p].concat()));
            i += used.max(1);
        }
    }
    out
}

/// A path or `{...}` tree after `crate::`; returns the paths and bytes read.
fn parse_tree(text: &str) -> (Vec<Vec<String>>, usize) {
    let mut prefix = Vec::new();
    let mut i = 0;
    loop {
        let ident: String = text[i..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !ident.is_empty() {
            i += ident.len();
            prefix.push(ident);
            if text[i..].starts_with("::") {
                i += 2;
                continue;
            }
            return (vec![prefix], i);
        }
        if text[i..].starts_with('{') {
            i += 1;
            let mut out = Vec::new();
            loop {
                let rest = &text[i..];
                let skip = rest.len() - rest.trim_start_matches([' ', ',']).len();
                i += skip;
                if i >= text.len() || text[i..].starts_with('}') {
                    return (out, i + 1);
                }
                let (paths, used) = parse_tree(&text[i..]);
                out.extend(paths.into_iter().map(|p| [prefix.clone(), p].concat()));
                i += used.max(1);
            }
        }
        return (
            if prefix.is_empty() {
                vec![]
            } else {
                vec![prefix]
            },
            i.max(1),
        );
    }
}

/// The module a path names: the longest module prefix, following re-exports.
fn resolve(
    modules: &BTreeSet<Module>,
    reexports: &BTreeMap<(Module, String), Module>,
    path: &[String],
) -> Module {
    let mut best: Module = Vec::new();
    for n in (0..=path.len()).rev() {
        if modules.contains(&path[..n].to_vec()) {
            best = path[..n].to_vec();
            break;
        }
    }
    let mut seen = 0;
    while let Some(next) = path.get(best.len()) {
        match reexports.get(&(best.clone(), next.clone())) {
            Some(target) if *target != best && seen < 16 => {
                best = target.clone();
                seen += 1;
            }
            _ => break,
        }
    }
    best
}

/// The graph of top-level modules: each module counted as its first segment.
fn collapse_to_top(
    graph: &BTreeMap<Module, BTreeSet<Module>>,
) -> BTreeMap<Module, BTreeSet<Module>> {
    let top = |m: &Module| m.iter().take(1).cloned().collect::<Module>();
    let mut out: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, tos) in graph {
        let entry = out.entry(top(from)).or_default();
        for to in tos {
            if top(to) != top(from) && !to.is_empty() && !from.is_empty() {
                entry.insert(top(to));
            }
        }
    }
    out
}

/// Strongly connected components of more than one module (Tarjan).
fn components(graph: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        graph: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, usize>,
        low: BTreeMap<&'a Module, usize>,
        stack: Vec<&'a Module>,
        on_stack: BTreeSet<&'a Module>,
        out: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flatten() {
            let Some((w, _)) = graph.get_key_value(w) else {
                continue;
            };
            if !s.index.contains_key(w) {
                visit(s, w);
                let low = s.low[v].min(s.low[w]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w) {
                let low = s.low[v].min(s.index[w]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.clone());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                s.out.push(component);
            }
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Module {
        s.split("::")
            .filter(|p| !p.is_empty())
            .map(String::from)
            .collect()
    }

    #[test]
    fn grouped_and_relative_paths_are_read() {
        let paths = line_paths(
            &m("chart::unit"),
            "use crate::{data::Data, chart::{common, compile::X}}; use super::kinds::A;",
        );
        assert!(paths.contains(&m("data::Data")));
        assert!(paths.contains(&m("chart::common")));
        assert!(paths.contains(&m("chart::compile::X")));
        assert!(paths.contains(&m("chart::kinds::A")));
    }

    #[test]
    fn a_two_module_loop_is_a_cycle() {
        let graph = BTreeMap::from([
            (m("a"), BTreeSet::from([m("b")])),
            (m("b"), BTreeSet::from([m("a")])),
            (m("c"), BTreeSet::from([m("a")])),
        ]);
        assert_eq!(components(&graph), vec![vec![m("a"), m("b")]]);
    }
}
