//! Reading EAN-13, EAN-8 and UPC-A from a grayscale frame, the way a laser scanner reads a
//! line: several rows across the frame, from the middle outwards; each row made black and
//! white (against the row's own dark and light, then against its neighbourhood, for uneven
//! light), cut into runs of bars and spaces, and searched, in both directions, for a start
//! guard after a quiet zone followed by the right number of runs. Each digit's four runs are
//! matched to the closest L, G or R pattern by their widths relative to the digit's own
//! width, so the code may be any size and slightly tilted; a digit too far from every pattern,
//! a parity no first digit has, or a wrong check digit rejects the row. A misread is never
//! guessed: at worst nothing is read and the camera looks again.

/// The widths in modules of each digit's four runs in the L code (space, bar, space, bar),
/// which are also those of the R code (bar, space, bar, space); a G code has them reversed.
const L_WIDTHS: [[u8; 4]; 10] = [
    [3, 2, 1, 1],
    [2, 2, 2, 1],
    [2, 1, 2, 2],
    [1, 4, 1, 1],
    [1, 1, 3, 2],
    [1, 2, 3, 1],
    [1, 1, 1, 4],
    [1, 3, 1, 2],
    [1, 2, 1, 3],
    [3, 1, 1, 2],
];

/// Whether each of EAN-13's six left digits is G-coded, for each first digit.
const PARITY: [[bool; 6]; 10] = [
    [false, false, false, false, false, false],
    [false, false, true, false, true, true],
    [false, false, true, true, false, true],
    [false, false, true, true, true, false],
    [false, true, false, false, true, true],
    [false, true, true, false, false, true],
    [false, true, true, true, false, false],
    [false, true, false, true, true, false],
    [false, true, false, true, false, true],
    [false, true, true, false, true, false],
];

/// How far a digit's normalised widths may be from its pattern (the sum of the differences,
/// in modules, over its four runs) and still be read.
const MAX_DIGIT_ERROR: f32 = 1.5;

/// The narrowest frame worth reading: fewer pixels than an EAN-8's modules.
const MIN_WIDTH: usize = 67;

/// The least difference between dark and light (out of 255) that can be a bar on a space.
const MIN_CONTRAST: u8 = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Symbol {
    Ean13,
    Ean8,
}

impl Symbol {
    /// Digits on each side of the centre guard.
    fn half(self) -> usize {
        match self {
            Symbol::Ean13 => 6,
            Symbol::Ean8 => 4,
        }
    }

    /// Runs from the start guard to the end guard: 3 + 4 per digit + 5 + 4 per digit + 3.
    fn runs(self) -> usize {
        11 + 8 * self.half()
    }

    /// Modules from the start guard to the end guard.
    fn modules(self) -> usize {
        11 + 14 * self.half()
    }
}

/// A run of bar (dark) or space (light) pixels, and how many.
type Run = (bool, usize);

/// The code in a grayscale frame of `width` x `height` pixels (one byte each, row by row), if
/// one reads; see [`crate::decode`] for its form.
pub fn frame(gray: &[u8], width: usize, height: usize) -> Option<String> {
    if width < MIN_WIDTH || height == 0 || gray.len() < width.checked_mul(height)? {
        return None;
    }
    for y in rows(height) {
        let profile = row_profile(gray, width, height, y);
        for bars in [by_row(&profile), by_neighbourhood(&profile)] {
            let mut runs = runs_of(&bars);
            if let Some(code) = read_runs(&runs) {
                return Some(code);
            }
            runs.reverse();
            if let Some(code) = read_runs(&runs) {
                return Some(code);
            }
        }
    }
    None
}

/// The rows to read, from the middle outwards: about 25 across the frame.
fn rows(height: usize) -> impl Iterator<Item = usize> {
    let middle = height / 2;
    let step = (height / 25).max(1);
    let reach = middle / step;
    (0..=reach).flat_map(move |k| {
        let up = middle.checked_sub(k * step);
        let down = (k > 0).then_some(middle + k * step).filter(|y| *y < height);
        up.into_iter().chain(down)
    })
}

/// Row `y` averaged with its neighbours above and below, which softens the camera's noise.
fn row_profile(gray: &[u8], width: usize, height: usize, y: usize) -> Vec<u8> {
    let around: Vec<usize> = [y.checked_sub(1), Some(y), Some(y + 1)]
        .into_iter()
        .flatten()
        .filter(|r| *r < height)
        .collect();
    (0..width)
        .map(|x| {
            let sum: usize = around
                .iter()
                .map(|r| usize::from(gray[r * width + x]))
                .sum();
            u8::try_from(sum / around.len()).unwrap_or(u8::MAX)
        })
        .collect()
}

/// Bars against the row's own dark and light: darker than halfway between its 10th and 90th
/// percentiles. A row without enough contrast has no bar.
fn by_row(profile: &[u8]) -> Vec<bool> {
    let mut sorted = profile.to_vec();
    sorted.sort_unstable();
    let dark = sorted[sorted.len() / 10];
    let light = sorted[sorted.len() * 9 / 10];
    if light.saturating_sub(dark) < MIN_CONTRAST {
        return vec![false; profile.len()];
    }
    let threshold = (u16::from(dark) + u16::from(light)) / 2;
    profile.iter().map(|v| u16::from(*v) < threshold).collect()
}

/// Bars against their neighbourhood, for light that changes across the code: darker than
/// halfway between the darkest and the lightest pixel around; a neighbourhood without enough
/// contrast (a quiet zone) is all space.
fn by_neighbourhood(profile: &[u8]) -> Vec<bool> {
    let reach = (profile.len() / 16).max(8);
    (0..profile.len())
        .map(|x| {
            let around = &profile[x.saturating_sub(reach)..(x + reach + 1).min(profile.len())];
            let dark = around.iter().copied().min().unwrap_or(0);
            let light = around.iter().copied().max().unwrap_or(0);
            light.saturating_sub(dark) >= MIN_CONTRAST
                && u16::from(profile[x]) < (u16::from(dark) + u16::from(light)) / 2
        })
        .collect()
}

fn runs_of(bars: &[bool]) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for &bar in bars {
        match runs.last_mut() {
            Some((kind, n)) if *kind == bar => *n += 1,
            _ => runs.push((bar, 1)),
        }
    }
    runs
}

/// The first code that reads in these runs, left to right.
fn read_runs(runs: &[Run]) -> Option<String> {
    (0..runs.len())
        .filter(|&start| runs[start].0)
        .find_map(|start| {
            read_at(runs, start, Symbol::Ean13).or_else(|| read_at(runs, start, Symbol::Ean8))
        })
}

/// The code of `symbol` whose start guard is the run at `start`, if it reads.
fn read_at(runs: &[Run], start: usize, symbol: Symbol) -> Option<String> {
    let end = start + symbol.runs();
    let seg = runs.get(start..end)?;
    let total: usize = seg.iter().map(|r| r.1).sum();
    let module = total as f32 / symbol.modules() as f32;
    if module < 1.0 {
        return None;
    }
    // Quiet zones of at least 3 modules on both sides, or the frame's edge.
    let quiet = |run: Option<&Run>| run.is_none_or(|r| !r.0 && r.1 as f32 >= 3.0 * module);
    if !quiet(start.checked_sub(1).and_then(|i| runs.get(i))) || !quiet(runs.get(end)) {
        return None;
    }
    let half = symbol.half();
    let centre = 3 + 4 * half;
    let mut guards = (0..3)
        .chain(centre..centre + 5)
        .chain(symbol.runs() - 3..symbol.runs());
    let guard_ok = |i: usize| {
        let w = seg[i].1 as f32 / module;
        (0.3..=2.5).contains(&w)
    };
    if !guards.all(guard_ok) {
        return None;
    }
    let mut digits = Vec::with_capacity(2 * half + 1);
    let mut parity = Vec::with_capacity(half);
    for k in 0..half {
        let (d, g) = digit(&seg[3 + 4 * k..7 + 4 * k], module, true)?;
        digits.push(d);
        parity.push(g);
    }
    for k in 0..half {
        let at = centre + 5 + 4 * k;
        let (d, _) = digit(&seg[at..at + 4], module, false)?;
        digits.push(d);
    }
    match symbol {
        Symbol::Ean13 => {
            let first = PARITY.iter().position(|p| p[..] == parity[..])?;
            digits.insert(0, u8::try_from(first).ok()?);
        }
        Symbol::Ean8 if parity.iter().any(|g| *g) => return None,
        Symbol::Ean8 => {}
    }
    let (data, check) = digits.split_at(digits.len() - 1);
    if check_digit(data) != check[0] {
        return None;
    }
    Some(digits.iter().map(|d| char::from(b'0' + d)).collect())
}

/// The digit of four runs, and whether it is G-coded (only where `may_be_g`): the pattern
/// closest to the runs' widths scaled to seven modules, if close enough.
fn digit(runs: &[Run], module: f32, may_be_g: bool) -> Option<(u8, bool)> {
    let total: usize = runs.iter().map(|r| r.1).sum();
    // A digit is seven modules wide: far from it, these runs are no digit.
    let modules = total as f32 / module;
    if !(4.5..=9.5).contains(&modules) {
        return None;
    }
    let scaled: Vec<f32> = runs
        .iter()
        .map(|r| r.1 as f32 * 7.0 / total as f32)
        .collect();
    let error = |widths: [u8; 4]| -> f32 {
        scaled
            .iter()
            .zip(widths)
            .map(|(s, w)| (s - f32::from(w)).abs())
            .sum()
    };
    let mut best: Option<(f32, u8, bool)> = None;
    for (d, widths) in L_WIDTHS.iter().enumerate() {
        let mut candidates = vec![(error(*widths), false)];
        if may_be_g {
            let mut reversed = *widths;
            reversed.reverse();
            candidates.push((error(reversed), true));
        }
        for (e, g) in candidates {
            if best.is_none_or(|(b, ..)| e < b) {
                best = Some((e, u8::try_from(d).ok()?, g));
            }
        }
    }
    let (e, d, g) = best?;
    (e <= MAX_DIGIT_ERROR).then_some((d, g))
}

/// The GS1 check digit of the data digits: weights 3 and 1 from the rightmost.
fn check_digit(data: &[u8]) -> u8 {
    let sum: u32 = data
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| u32::from(*d) * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    u8::try_from((10 - sum % 10) % 10).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::barcode::{ean13_from_data, ean13_modules, ean8_modules, upca_modules};
    use proptest::prelude::*;

    const LIGHT: f32 = 225.0;
    const DARK: f32 = 35.0;

    /// A frame of `modules` drawn `scale` pixels a module (any fraction), with `quiet` modules
    /// of quiet zone each side and a few pixels of margin, `height` rows.
    struct Frame {
        pixels: Vec<u8>,
        width: usize,
        height: usize,
    }

    fn draw(modules: &[bool], scale: f32, quiet: usize, height: usize) -> Frame {
        let margin = 5;
        let span = modules.len() + 2 * quiet;
        let width = (span as f32 * scale).ceil() as usize + 2 * margin;
        let mut row = vec![LIGHT as u8; width];
        for (x, px) in row.iter_mut().enumerate() {
            let at = (x as f32 - margin as f32 + 0.5) / scale;
            if at < 0.0 {
                continue;
            }
            let m = at as usize;
            if m >= quiet && m - quiet < modules.len() && modules[m - quiet] {
                *px = DARK as u8;
            }
        }
        Frame {
            pixels: row.repeat(height),
            width,
            height,
        }
    }

    impl Frame {
        /// Each pixel the mean of itself and its two horizontal neighbours: a soft focus.
        fn blurred(mut self) -> Frame {
            for y in 0..self.height {
                let row = &mut self.pixels[y * self.width..(y + 1) * self.width];
                let copy = row.to_vec();
                for x in 1..self.width - 1 {
                    let sum = u16::from(copy[x - 1]) + u16::from(copy[x]) + u16::from(copy[x + 1]);
                    row[x] = (sum / 3) as u8;
                }
            }
            self
        }

        /// Pseudo-random noise of up to `amount` either way (a fixed sequence).
        fn noisy(mut self, amount: u8, seed: u64) -> Frame {
            let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
            for px in &mut self.pixels {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let r = ((state >> 33) % (2 * u64::from(amount) + 1)) as i16 - i16::from(amount);
                *px = (i16::from(*px) + r).clamp(0, 255) as u8;
            }
            self
        }

        /// Light falling off from left to right, to `end` of its strength.
        fn shaded(mut self, end: f32) -> Frame {
            for y in 0..self.height {
                for x in 0..self.width {
                    let k = 1.0 - (1.0 - end) * x as f32 / self.width as f32;
                    let px = &mut self.pixels[y * self.width + x];
                    *px = (f32::from(*px) * k) as u8;
                }
            }
            self
        }

        /// Upside down: the code is read right to left.
        fn turned(mut self) -> Frame {
            self.pixels.reverse();
            self
        }

        fn read(&self) -> Option<String> {
            frame(&self.pixels, self.width, self.height)
        }
    }

    fn ean13(code: &str) -> Vec<bool> {
        ean13_modules(code).unwrap()
    }

    #[test]
    fn known_codes_read_back() {
        let cases: [(&str, Vec<bool>, &str); 7] = [
            ("bread", ean13("5412345000013"), "5412345000013"),
            ("card", ean13("0420000000068"), "0420000000068"),
            ("label", ean13("2100020003475"), "2100020003475"),
            ("book", ean13("4006381333931"), "4006381333931"),
            ("beer", ean13("5901234123457"), "5901234123457"),
            ("soap", ean8_modules("96385074").unwrap(), "96385074"),
            (
                "upc",
                upca_modules("036000291452").unwrap(),
                "0036000291452",
            ),
        ];
        for (what, modules, expected) in cases {
            for scale in [2.0, 2.7, 4.0] {
                let f = draw(&modules, scale, 10, 12);
                assert_eq!(f.read().as_deref(), Some(expected), "{what} at {scale}");
                let f = draw(&modules, scale, 10, 12).turned();
                assert_eq!(
                    f.read().as_deref(),
                    Some(expected),
                    "{what} turned at {scale}"
                );
            }
            let rough = draw(&modules, 3.0, 10, 30)
                .blurred()
                .noisy(30, 7)
                .shaded(0.55);
            assert_eq!(rough.read().as_deref(), Some(expected), "{what} rough");
        }
    }

    #[test]
    fn what_is_no_code_reads_nothing() {
        let blank = Frame {
            pixels: vec![200; 320 * 40],
            width: 320,
            height: 40,
        };
        assert_eq!(blank.read(), None);
        let noise = Frame {
            pixels: vec![128; 320 * 40],
            width: 320,
            height: 40,
        }
        .noisy(120, 3);
        assert_eq!(noise.read(), None);
        // A frame too small, or shorter than it says.
        assert_eq!(frame(&[0; 10], 10, 1), None);
        assert_eq!(frame(&[0; 100], 100, 2), None);
        assert_eq!(frame(&[], 0, 0), None);
        assert_eq!(frame(&[0; 10], usize::MAX, 2), None);
    }

    #[test]
    fn a_wrong_check_digit_is_never_read() {
        // 4006381333931 with its last right digit (1) drawn as a 2: the check fails.
        let mut modules = ean13("4006381333931");
        let two: [bool; 7] = [true, true, false, true, true, false, false];
        modules[85..92].copy_from_slice(&two);
        assert_eq!(draw(&modules, 3.0, 10, 12).read(), None);
        assert_eq!(draw(&modules, 3.0, 10, 12).turned().read(), None);
    }

    #[test]
    fn a_code_cut_by_the_frame_reads_nothing() {
        let modules = ean13("5412345000013");
        let f = draw(&modules[..80], 3.0, 10, 12);
        assert_eq!(f.read(), None);
    }

    proptest! {
        #[test]
        fn drawn_codes_read_back(
            data in proptest::array::uniform12(0u8..10),
            short in any::<bool>(),
            scale in 2.0f32..5.0,
            noise in 0u8..30,
            seed in any::<u64>(),
            turned in any::<bool>(),
        ) {
            let code = ean13_from_data(&data);
            let (modules, expected) = if short {
                let ean8: String = code[5..12].to_string();
                let digits: Vec<u8> = ean8.bytes().map(|b| b - b'0').collect();
                let check = super::check_digit(&digits);
                let ean8 = format!("{ean8}{check}");
                (ean8_modules(&ean8).unwrap(), ean8)
            } else {
                (ean13(&code), code)
            };
            let mut f = draw(&modules, scale, 9, 16).noisy(noise, seed);
            if turned {
                f = f.turned();
            }
            prop_assert_eq!(f.read(), Some(expected));
        }

        #[test]
        fn any_frame_is_read_without_panicking(
            pixels in proptest::collection::vec(any::<u8>(), 0..4000),
            width in 0usize..200,
        ) {
            let height = pixels.len().checked_div(width).unwrap_or(0);
            let _ = frame(&pixels, width, height);
        }
    }
}
