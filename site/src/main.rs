//! `site`: builds ruche the way the browser and the server need it, with nothing but cargo and
//! the crates of the workspace (no cargo-leptos to install, no wasm-bindgen binary).
//!
//! - `site build [--release]`: the server binary; the hydrating WASM (`frontend`) for
//!   `wasm32-unknown-unknown`, run through wasm-bindgen (as a library) into
//!   `target/site/pkg/ruche.{js,wasm}`; the barcode decoder of the camera scanning pages
//!   (`scanner`) likewise into `pkg/scanner.js` and `pkg/scanner_bg.wasm`; the stylesheet as
//!   `pkg/ruche.css`; `public/` copied to `target/site/`. A release build also runs `wasm-opt -Oz` when it is on the PATH and writes
//!   brotli and gzip copies of the package files beside them, which the server sends as they are.
//! - `site serve [--release]`: builds, then runs the server from the workspace root with the demo
//!   coop (`RUCHE_DEMO=1` unless set), as `make serve` does.
//!
//! The names and places are those of `[[workspace.metadata.leptos]]` in the workspace's
//! Cargo.toml, which `cargo leptos watch` still reads for those who have it.

use std::ffi::OsStr;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

/// The name Leptos gives the site's script and module (also set in `.cargo/config.toml`).
const OUTPUT_NAME: &str = "ruche";
/// The crate and the module of the barcode decoder, loaded by the scanning pages only.
const SCANNER: &str = "scanner";
/// Where the site is written, below the workspace root; the server's default site root.
const SITE_ROOT: &str = "target/site";
const PKG_DIR: &str = "pkg";
/// The cfg that makes debug builds of Leptos views compile faster (as cargo-leptos sets it).
const DEBUG_RUSTFLAGS: &str = "--cfg erase_components";

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

#[derive(Clone, Copy, PartialEq)]
enum Profile {
    Debug,
    Release,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let release = args.iter().any(|a| a == "--release");
    let profile = if release {
        Profile::Release
    } else {
        Profile::Debug
    };
    let result = match args.first().map(String::as_str) {
        Some("build") => build(profile).map(|_| ()),
        Some("serve") => build(profile).and_then(|server| serve(&server)),
        _ => {
            eprintln!("usage: site build [--release] | site serve [--release]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("site: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root: the nearest folder, from the current one up, whose Cargo.toml holds the
/// workspace. Found at run time, not from where this binary was compiled: a build folder shared
/// by two clones may hold a `site` compiled in the other one.
fn root() -> PathBuf {
    let start = std::env::current_dir().expect("a current folder");
    start
        .ancestors()
        .find(|dir| {
            fs::read_to_string(dir.join("Cargo.toml"))
                .is_ok_and(|toml| toml.lines().any(|l| l.trim() == "[workspace]"))
        })
        .unwrap_or(&start)
        .to_path_buf()
}

/// Cargo's build folder: `CARGO_TARGET_DIR` when set, else the workspace's `target/`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                root.join(dir)
            }
        }
        _ => root.join("target"),
    }
}

/// Builds the server and the site; returns the server binary's path.
fn build(profile: Profile) -> Result<PathBuf> {
    let root = root();
    let target = target_dir(&root);
    let started = Instant::now();

    let mut server = cargo(&root, profile);
    server.args(["build", "-p", "server", "--bin", "server"]);
    if profile == Profile::Release {
        server.arg("--release");
    }
    run(server, "building the server")?;

    let mut wasm = cargo(&root, profile);
    wasm.args([
        "build",
        "-p",
        "frontend",
        "-p",
        SCANNER,
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
    ]);
    let wasm_dir = match profile {
        Profile::Debug => "debug",
        Profile::Release => {
            wasm.args(["--profile", "wasm-release"]);
            "wasm-release"
        }
    };
    run(wasm, "building the browser's WASM")?;

    let site = root.join(SITE_ROOT);
    let pkg = site.join(PKG_DIR);
    if pkg.exists() {
        fs::remove_dir_all(&pkg)?;
    }
    fs::create_dir_all(&pkg)?;
    let wasm_out = target.join("wasm32-unknown-unknown").join(wasm_dir);
    let app = bindgen(&wasm_out.join("frontend.wasm"), &pkg, OUTPUT_NAME, profile)?;
    fs::rename(&app, pkg.join(format!("{OUTPUT_NAME}.wasm")))?;
    let scanner = bindgen(
        &wasm_out.join(format!("{SCANNER}.wasm")),
        &pkg,
        SCANNER,
        profile,
    )?;
    fs::copy(
        root.join("style/main.css"),
        pkg.join(format!("{OUTPUT_NAME}.css")),
    )?;
    copy_dir(&root.join("public"), &site)?;
    if profile == Profile::Release {
        precompress(&pkg)?;
    }
    println!(
        "site: the barcode decoder weighs {} bytes ({} with brotli, release builds only)",
        fs::metadata(&scanner)?.len(),
        fs::metadata(with_suffix(&scanner, "br")).map_or(0, |m| m.len()),
    );

    let server = target
        .join(match profile {
            Profile::Debug => "debug",
            Profile::Release => "release",
        })
        .join("server");
    println!(
        "site: built {} and {} in {:.0} s",
        server.display(),
        site.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(server)
}

/// A cargo command run from the workspace root. A debug build takes RUSTFLAGS as they are set,
/// else the debug flags (those `make test` compiles with, so that both share one build); a
/// release build takes none, as cargo-leptos did.
fn cargo(root: &Path, profile: Profile) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root);
    match profile {
        Profile::Debug if std::env::var_os("RUSTFLAGS").is_none() => {
            command.env("RUSTFLAGS", DEBUG_RUSTFLAGS);
        }
        Profile::Debug => {}
        Profile::Release => {
            command.env_remove("RUSTFLAGS");
        }
    }
    command.env("LEPTOS_OUTPUT_NAME", OUTPUT_NAME);
    command
}

fn run(mut command: Command, what: &str) -> Result<()> {
    println!("site: {what}");
    let status = command.status()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})").into())
    }
}

/// wasm-bindgen's web target: `pkg/<name>.js` and `pkg/<name>_bg.wasm`, then `wasm-opt -Oz`
/// on release; returns the WASM's path. (The app's module is then renamed `ruche.wasm`,
/// cargo-leptos's name, which Leptos's hydration script asks for.)
fn bindgen(input: &Path, pkg: &Path, name: &str, profile: Profile) -> Result<PathBuf> {
    println!("site: generating the JavaScript bindings of {name}");
    let mut bindgen = wasm_bindgen_cli_support::Bindgen::new();
    bindgen
        .input_path(input)
        .out_name(name)
        .web(true)?
        .typescript(false)
        .debug(false)
        .remove_name_section(profile == Profile::Release)
        .remove_producers_section(profile == Profile::Release);
    bindgen.generate(pkg)?;
    let wasm = pkg.join(format!("{name}_bg.wasm"));
    if profile == Profile::Release {
        optimise(&wasm)?;
    }
    Ok(wasm)
}

/// Runs `wasm-opt -Oz` (binaryen) when it is on the PATH; a release build without it is
/// larger but works.
fn optimise(wasm: &Path) -> Result<()> {
    let found = Command::new("wasm-opt")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !found {
        println!("site: wasm-opt is not on the PATH: the WASM is left unoptimised");
        return Ok(());
    }
    let mut command = Command::new("wasm-opt");
    command
        .arg("-Oz")
        .arg("--enable-bulk-memory")
        .arg("--enable-nontrapping-float-to-int")
        .arg("--enable-sign-ext")
        .arg("--enable-mutable-globals")
        .arg("--enable-reference-types")
        .arg("--enable-multivalue")
        .arg(wasm)
        .arg("-o")
        .arg(wasm);
    run(command, "optimising the WASM (wasm-opt -Oz)")
}

/// Writes `name.br` (brotli, best) and `name.gz` (gzip, best) beside each file of the package,
/// which the server's file handler sends to browsers that accept them.
fn precompress(pkg: &Path) -> Result<()> {
    println!("site: precompressing the package (brotli, gzip)");
    for entry in fs::read_dir(pkg)? {
        let path = entry?.path();
        let compressible = matches!(
            path.extension().and_then(OsStr::to_str),
            Some("js" | "wasm" | "css")
        );
        if !path.is_file() || !compressible {
            continue;
        }
        let bytes = fs::read(&path)?;
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            lgwin: 24,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params)?;
        fs::write(with_suffix(&path, "br"), br)?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes)?;
        fs::write(with_suffix(&path, "gz"), gz.finish()?)?;
    }
    Ok(())
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let dest = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &dest)?;
        } else {
            fs::copy(entry.path(), dest)?;
        }
    }
    Ok(())
}

/// Runs the server from the workspace root until it stops (Ctrl-C stops both).
fn serve(server: &Path) -> Result<()> {
    let mut command = Command::new(server);
    command.current_dir(root());
    if std::env::var_os("RUCHE_DEMO").is_none() {
        command.env("RUCHE_DEMO", "1");
    }
    let status = command.status()?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("the server stopped: {status}").into())
    }
}
