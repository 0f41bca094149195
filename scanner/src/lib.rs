//! The barcode decoder the camera scanning script (`public/scan.js`) falls back on when the
//! browser has no `BarcodeDetector`: built for `wasm32-unknown-unknown` by the `site` crate
//! into `target/site/pkg/scanner.{js,wasm}`, and loaded only by the pages that scan, when the
//! camera is first opened. The decoding itself is plain Rust ([`decode`]), tested natively.

pub mod decode;

use wasm_bindgen::prelude::wasm_bindgen;

/// The code read in a grayscale frame (`width` x `height` bytes, one per pixel, row by row):
/// 13 digits for EAN-13 and for UPC-A (an EAN-13 starting with 0, as the till's nomenclature
/// reads it: `02` price labels, `042` member cards), 8 for EAN-8; nothing when no code reads
/// with a right check digit.
#[wasm_bindgen]
pub fn decode(gray: &[u8], width: u32, height: u32) -> Option<String> {
    decode::frame(gray, width as usize, height as usize)
}
