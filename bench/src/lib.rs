//! What the benchmarks share: percentiles, and merging figures into the results file (one
//! JSON object of name: number).

use serde_json::{Map, Value};

/// The `p` percentile (0 to 1) of sorted milliseconds, to the hundredth.
pub fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    let idx = ((sorted_ms.len() as f64 * p).ceil() as usize).clamp(1, sorted_ms.len()) - 1;
    (sorted_ms[idx] * 100.0).round() / 100.0
}

/// Adds `figures` to the JSON object in `out` (created if missing), replacing older values.
pub fn write_figures(out: &str, figures: Map<String, Value>) {
    let mut all: Map<String, Value> = std::fs::read_to_string(out)
        .ok()
        .and_then(|s| serde_json::from_str(&s).ok())
        .unwrap_or_default();
    all.extend(figures);
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir).expect("results folder");
    }
    std::fs::write(
        out,
        serde_json::to_string_pretty(&Value::Object(all)).expect("json"),
    )
    .expect("write results");
    println!("written to {out}");
}
