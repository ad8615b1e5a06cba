//! `repr(float)` and `repr(complex)`: the shortest digits that round-trip,
//! chosen and laid out as CPython does (ties between equally short digit
//! strings go to the one nearest the exact value, as David Gay's `dtoa`
//! mode 0), in positional notation with a trailing `.0` when the decimal
//! exponent is in [-4, 16), otherwise `d.ddde±XX`. The compiler's listings
//! (`--emit ast`, `--emit bytecode`) print float constants with these too.

use std::fmt::Write;

/// `repr(float)`: the shortest digits that round-trip, in fixed notation
/// when the decimal exponent is in `-4..16`, else in exponent notation
/// (`1e+16`, `1.5e-05`), as CPython's `float_repr`.
pub fn float_repr(value: f64) -> String {
    float_repr_with(value, true)
}

/// `add_dot_0`: fixed-notation integers end in `.0` (`repr(2.0)`), except
/// inside a complex repr (`repr(2j)` is `2j`).
fn float_repr_with(value: f64, add_dot_0: bool) -> String {
    if value.is_nan() {
        return "nan".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    if value == 0.0 {
        let zero = if value.is_sign_negative() { "-0" } else { "0" };
        return if add_dot_0 {
            format!("{zero}.0")
        } else {
            zero.to_owned()
        };
    }
    let scientific = shortest_scientific(value.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .unwrap_or((scientific.as_str(), "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let sign = if value < 0.0 { "-" } else { "" };
    // The value is 0.DIGITS × 10^decpt.
    let decpt = exponent + 1;
    if decpt <= -4 || decpt > 16 {
        let (first, rest) = digits.split_at(1);
        let mut out = format!("{sign}{first}");
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        let exp_sign = if exponent < 0 { '-' } else { '+' };
        let _ = write!(out, "e{exp_sign}{:02}", exponent.abs());
        return out;
    }
    let mut out = sign.to_owned();
    if decpt <= 0 {
        out.push_str("0.");
        out.push_str(&"0".repeat((-decpt) as usize));
        out.push_str(&digits);
    } else if decpt as usize >= digits.len() {
        out.push_str(&digits);
        out.push_str(&"0".repeat(decpt as usize - digits.len()));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        let (int_part, frac) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac);
    }
    out
}

/// The shortest digits that round-trip, as `d.ddde±x`; among the
/// candidates of that length, the one nearest the exact value (ties to an
/// even last digit), as David Gay's `dtoa` mode 0 that CPython uses picks.
/// Rust's `{:e}` finds the length; formatting with that precision rounds
/// the exact binary value correctly.
fn shortest_scientific(value: f64) -> String {
    let shortest = format!("{value:e}");
    let digits = shortest
        .split_once('e')
        .map_or(shortest.len(), |(mantissa, _)| {
            mantissa.chars().filter(char::is_ascii_digit).count()
        });
    let nearest = format!("{value:.*e}", digits.saturating_sub(1));
    if nearest.parse::<f64>() == Ok(value) {
        nearest
    } else {
        shortest
    }
}

/// `repr(complex)`: `2j`, `(1+2j)`, `(-0-1j)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    let imag_text = float_repr_with(imag, false);
    if real == 0.0 && real.is_sign_positive() {
        return format!("{imag_text}j");
    }
    let real_text = float_repr_with(real, false);
    let sign = if imag_text.starts_with('-') { "" } else { "+" };
    format!("({real_text}{sign}{imag_text}j)")
}

#[cfg(test)]
mod tests {
    use super::float_repr;

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (123456789012345680.0, "1.2345678901234568e+17"),
            (1.0 / 3.0, "0.3333333333333333"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (2.5, "2.5"),
            (-1.0, "-1.0"),
            (100.0, "100.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (1e300 * 10.0, "1e+301"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
            (12345.678, "12345.678"),
            (9999999999999998.0, "9999999999999998.0"),
        ];
        for &(f, want) in cases {
            assert_eq!(float_repr(f), want, "repr({f:?})");
        }
    }
}
