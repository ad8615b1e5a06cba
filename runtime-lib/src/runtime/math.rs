//! The `math` module: constants, float functions over libm (Rust's `f64`
//! methods), and the exact integer functions (`factorial`, `gcd`, `lcm`,
//! `isqrt`, `comb`, `perm`), with CPython's errors (`math domain error`,
//! `math range error`, the integer-argument messages).
//!
//! Arguments convert as CPython's `PyFloat_AsDouble`: floats, ints (exactly
//! rounded, OverflowError past the float range), `__float__`, `__index__`.
//! `log` of an int too large for a float is computed from its bit length.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::args;
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::object::type_of;
use crate::typeobj::builder::builtin_function;
use crate::types::builtin_func::BuiltinFn;
use crate::types::float::{float_of, float_to_int};
use crate::types::int::{int_from_bigint, int_of, int_to_f64};
use crate::types::module::{new_module, ModuleObject};
use crate::types::string::intern;
use crate::Value;

/// The float constants `math` and `cmath` share.
pub const CONSTANTS: &[(&str, f64)] = &[
    ("pi", std::f64::consts::PI),
    ("e", std::f64::consts::E),
    ("tau", std::f64::consts::TAU),
    ("inf", f64::INFINITY),
    ("nan", f64::NAN),
];

/// A module named `name` holding `functions` and the float `constants`.
pub fn module_of_functions(
    name: &str,
    functions: &[(&'static str, BuiltinFn)],
    constants: &[(&str, f64)],
) -> Value {
    let m = new_module(name);
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        for (name, f) in functions {
            d.set_str(intern(name), builtin_function(name, *f));
        }
        for &(name, v) in constants {
            d.set_str(intern(name), Value::from_f64(v));
        }
    }
    m
}

/// Builds the `math` module.
pub fn make_module() -> Value {
    module_of_functions("math", FUNCTIONS, CONSTANTS)
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("sqrt", sqrt),
    ("cbrt", cbrt),
    ("exp", exp),
    ("exp2", exp2),
    ("expm1", expm1),
    ("log", log),
    ("log2", log2),
    ("log10", log10),
    ("log1p", log1p),
    ("pow", pow),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("atan2", atan2),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("hypot", hypot),
    ("dist", dist),
    ("degrees", degrees),
    ("radians", radians),
    ("fabs", fabs),
    ("floor", floor),
    ("ceil", ceil),
    ("trunc", trunc),
    ("fmod", fmod),
    ("remainder", remainder),
    ("modf", modf),
    ("frexp", frexp),
    ("ldexp", ldexp),
    ("copysign", copysign),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isclose", isclose),
    ("fsum", fsum),
    ("prod", prod),
    ("factorial", factorial),
    ("erf", erf),
    ("erfc", erfc),
    ("gamma", gamma),
    ("lgamma", lgamma),
    ("nextafter", nextafter),
    ("ulp", ulp),
    ("gcd", gcd),
    ("lcm", lcm),
    ("isqrt", isqrt),
    ("comb", comb),
    ("perm", perm),
];

pub fn domain_error() -> crate::error::Raised {
    value_error("math domain error")
}

fn range_error() -> crate::error::Raised {
    overflow_error("math range error")
}

/// A real argument as an f64 (`PyFloat_AsDouble`).
pub fn real(v: Value) -> PyResult<f64> {
    if let Some(f) = float_of(v) {
        return Ok(f);
    }
    if v.is_bool() {
        return Ok(if v == Value::TRUE { 1.0 } else { 0.0 });
    }
    if let Some(i) = int_of(v) {
        return int_to_f64(i);
    }
    let ty = type_of(v);
    if let Some(f) = ty.slots.float.get() {
        let r = f(v)?;
        if let Some(x) = float_of(r) {
            return Ok(x);
        }
    }
    if let Some(f) = ty.slots.index.get() {
        if let Some(i) = int_of(f(v)?) {
            return int_to_f64(i);
        }
    }
    Err(type_error(format!(
        "must be real number, not {}",
        ty.name()
    )))
}

/// An integer argument (`__index__`), as a BigInt.
fn integer(v: Value) -> PyResult<BigInt> {
    let v = crate::types::int::exact_int(v).map_err(|e| {
        if crate::error::exception_matches(crate::types::registry::types().exc.TypeError) {
            crate::error::clear_exception();
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(v).name()
            ))
        } else {
            e
        }
    })?;
    match int_of(v) {
        Some(i) => Ok(i.to_bigint().into_owned()),
        None => Err(crate::error::internal_error("exact_int returned a non-int")),
    }
}

/// The result of a float function: NaN from finite input is a domain
/// error, infinity from finite input a range error (CPython's `math_1`).
fn checked(x: f64, r: f64, can_overflow: bool) -> PyResult {
    if r.is_nan() && !x.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow {
            range_error()
        } else {
            domain_error()
        });
    }
    Ok(Value::from_f64(r))
}

macro_rules! unary {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {$(
        fn $name(a: &[Value], k: Option<Value>) -> PyResult {
            let [x] = args::exact::<1>(stringify!($name), a, k)?;
            let x = real(x)?;
            let f: fn(f64) -> f64 = $f;
            checked(x, f(x), $overflow)
        }
    )*};
}

unary! {
    cbrt => f64::cbrt, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => f64::asinh, false;
    fabs => f64::abs, false;
    degrees => f64::to_degrees, true;
    radians => f64::to_radians, false;
}

fn sqrt(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("sqrt", a, k)?;
    let x = real(x)?;
    if x < 0.0 {
        return Err(domain_error());
    }
    Ok(Value::from_f64(x.sqrt()))
}

fn in_range(
    name: &str,
    a: &[Value],
    k: Option<Value>,
    lo: f64,
    hi: f64,
    f: fn(f64) -> f64,
) -> PyResult {
    let [x] = args::exact::<1>(name, a, k)?;
    let x = real(x)?;
    if x < lo || x > hi {
        return Err(domain_error());
    }
    Ok(Value::from_f64(f(x)))
}

fn asin(a: &[Value], k: Option<Value>) -> PyResult {
    in_range("asin", a, k, -1.0, 1.0, f64::asin)
}

fn acos(a: &[Value], k: Option<Value>) -> PyResult {
    in_range("acos", a, k, -1.0, 1.0, f64::acos)
}

fn acosh(a: &[Value], k: Option<Value>) -> PyResult {
    in_range("acosh", a, k, 1.0, f64::INFINITY, f64::acosh)
}

fn atanh(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("atanh", a, k)?;
    let x = real(x)?;
    if x <= -1.0 || x >= 1.0 {
        return Err(domain_error());
    }
    Ok(Value::from_f64(x.atanh()))
}

/// The natural log of a positive number; big ints beyond the float range
/// go through their bit length.
fn ln(v: Value) -> PyResult<f64> {
    if let Some(i) = int_of(v) {
        let b = i.to_bigint();
        if !b.is_positive() {
            return Err(domain_error());
        }
        return Ok(match b.to_f64() {
            Some(f) if f.is_finite() => f.ln(),
            _ => {
                // CPython's loghelper: x = m * 2**e with m in [0.5, 1).
                let e = b.bits();
                let m = (&*b >> (e - 53)).to_f64().unwrap_or(1.0) / 2f64.powi(53);
                m.ln() + 2f64.ln() * e as f64
            }
        });
    }
    let x = real(v)?;
    if x <= 0.0 {
        return Err(domain_error());
    }
    Ok(x.ln())
}

fn log(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, base] = args::between("log", a, k, 1)?;
    let num = ln(x)?;
    if base.is_null() {
        return Ok(Value::from_f64(num));
    }
    let den = ln(base)?;
    if den == 0.0 {
        return Err(crate::error::zero_division("float division by zero"));
    }
    Ok(Value::from_f64(num / den))
}

fn log2(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("log2", a, k)?;
    if let Some(i) = int_of(x) {
        let b = i.to_bigint();
        if b.is_positive() && b.to_f64().is_none_or(|f| !f.is_finite()) {
            return Ok(Value::from_f64(ln(x)? / std::f64::consts::LN_2));
        }
    }
    let f = real(x)?;
    if f <= 0.0 {
        return Err(domain_error());
    }
    Ok(Value::from_f64(f.log2()))
}

fn log10(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("log10", a, k)?;
    if let Some(i) = int_of(x) {
        let b = i.to_bigint();
        if b.is_positive() && b.to_f64().is_none_or(|f| !f.is_finite()) {
            return Ok(Value::from_f64(ln(x)? / std::f64::consts::LN_10));
        }
    }
    let f = real(x)?;
    if f <= 0.0 {
        return Err(domain_error());
    }
    Ok(Value::from_f64(f.log10()))
}

fn log1p(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("log1p", a, k)?;
    let x = real(x)?;
    if x <= -1.0 {
        return Err(domain_error());
    }
    Ok(Value::from_f64(x.ln_1p()))
}

fn pow(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y] = args::exact::<2>("pow", a, k)?;
    let (x, y) = (real(x)?, real(y)?);
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(domain_error());
    }
    if x < 0.0 && x.is_finite() && y.is_finite() && y.fract() != 0.0 {
        return Err(domain_error());
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(Value::from_f64(r))
}

fn atan2(a: &[Value], k: Option<Value>) -> PyResult {
    let [y, x] = args::exact::<2>("atan2", a, k)?;
    Ok(Value::from_f64(real(y)?.atan2(real(x)?)))
}

fn hypot(a: &[Value], k: Option<Value>) -> PyResult {
    args::no_kwargs("hypot", k)?;
    let mut acc = 0.0f64;
    for &v in a {
        acc = acc.hypot(real(v)?);
    }
    Ok(Value::from_f64(acc))
}

fn dist(a: &[Value], k: Option<Value>) -> PyResult {
    let [p, q] = args::exact::<2>("dist", a, k)?;
    let (p, q) = (crate::ops::iter::collect(p)?, crate::ops::iter::collect(q)?);
    if p.len() != q.len() {
        return Err(value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut acc = 0.0f64;
    for (&x, &y) in p.iter().zip(q.iter()) {
        acc = acc.hypot(real(x)? - real(y)?);
    }
    Ok(Value::from_f64(acc))
}

/// floor/ceil/trunc: an int stays itself, a float rounds to an exact int,
/// anything else uses its `__floor__`/`__ceil__`/`__trunc__`.
fn round_to_int(
    name: &str,
    dunder: &str,
    a: &[Value],
    k: Option<Value>,
    f: fn(f64) -> f64,
) -> PyResult {
    let [x] = args::exact::<1>(name, a, k)?;
    if int_of(x).is_some() && !x.is_bool() {
        return crate::types::int::exact_int(x);
    }
    if let Some(v) = float_of(x) {
        return float_to_int(f(v));
    }
    if let Some(m) = crate::ops::attr::lookup_special(x, dunder)? {
        return crate::ops::call::call(m, &[], None);
    }
    float_to_int(f(real(x)?))
}

fn floor(a: &[Value], k: Option<Value>) -> PyResult {
    round_to_int("floor", "__floor__", a, k, f64::floor)
}

fn ceil(a: &[Value], k: Option<Value>) -> PyResult {
    round_to_int("ceil", "__ceil__", a, k, f64::ceil)
}

fn trunc(a: &[Value], k: Option<Value>) -> PyResult {
    round_to_int("trunc", "__trunc__", a, k, f64::trunc)
}

fn fmod(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y] = args::exact::<2>("fmod", a, k)?;
    let (x, y) = (real(x)?, real(y)?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain_error());
    }
    Ok(Value::from_f64(x % y))
}

fn remainder(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y] = args::exact::<2>("remainder", a, k)?;
    let (x, y) = (real(x)?, real(y)?);
    if y == 0.0 || x.is_infinite() {
        return Err(domain_error());
    }
    if y.is_infinite() {
        return Ok(Value::from_f64(x));
    }
    let n = (x / y).round_ties_even();
    Ok(Value::from_f64(x - n * y))
}

fn modf(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("modf", a, k)?;
    let x = real(x)?;
    let int_part = x.trunc();
    let frac = if x.is_infinite() {
        0.0f64.copysign(x)
    } else {
        x - int_part
    };
    Ok(crate::types::tuple::new_tuple(&[
        Value::from_f64(frac),
        Value::from_f64(int_part),
    ]))
}

fn frexp(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("frexp", a, k)?;
    let (m, e) = crate::types::float::frexp(real(x)?);
    Ok(crate::types::tuple::new_tuple(&[
        Value::from_f64(m),
        Value::small_int(i64::from(e)),
    ]))
}

fn ldexp(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, e] = args::exact::<2>("ldexp", a, k)?;
    let x = real(x)?;
    let e = integer(e)?;
    // Exponents past ±5000 give 0 or overflow for every finite x.
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { -5000 } else { 5000 });
    let r = ldexp_exact(x, e.clamp(-5000, 5000));
    if r.is_infinite() && x.is_finite() {
        return Err(range_error());
    }
    Ok(Value::from_f64(r))
}

/// `x * 2**e` with one rounding (none unless the result is subnormal).
fn ldexp_exact(x: f64, e: i64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    // 2**k for -1074 <= k <= 1023, exactly.
    let pow2 = |k: i64| {
        if k >= -1022 {
            f64::from_bits(((k + 1023) as u64) << 52)
        } else {
            f64::from_bits(1u64 << (k + 1074))
        }
    };
    let (m, ex) = crate::types::float::frexp(x);
    let n = i64::from(ex) + e;
    if n > 1024 {
        return f64::INFINITY.copysign(x);
    }
    if n < -1074 {
        return 0.0f64.copysign(x);
    }
    if n > -1074 {
        (m * 2.0) * pow2(n - 1)
    } else {
        m * pow2(n)
    }
}

fn copysign(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y] = args::exact::<2>("copysign", a, k)?;
    Ok(Value::from_f64(real(x)?.copysign(real(y)?)))
}

fn isfinite(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("isfinite", a, k)?;
    Ok(Value::from_bool(real(x)?.is_finite()))
}

fn isinf(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("isinf", a, k)?;
    Ok(Value::from_bool(real(x)?.is_infinite()))
}

fn isnan(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("isnan", a, k)?;
    Ok(Value::from_bool(real(x)?.is_nan()))
}

fn isclose(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y, rel, abs] = args::parse("isclose", a, k, ["", "", "rel_tol", "abs_tol"], 2)?;
    let (x, y) = (real(x)?, real(y)?);
    let rel = if rel.is_null() { 1e-9 } else { real(rel)? };
    let abs = if abs.is_null() { 0.0 } else { real(abs)? };
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (y - x).abs();
    Ok(Value::from_bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

/// `fsum`: exactly rounded (Shewchuk's partials, as CPython's `msum`).
fn fsum(a: &[Value], k: Option<Value>) -> PyResult {
    let [it] = args::exact::<1>("fsum", a, k)?;
    let mut partials: Vec<f64> = Vec::new();
    let mut special = 0.0f64;
    let items = crate::ops::iter::collect(it)?;
    for &v in items.iter() {
        let mut x = real(v)?;
        if !x.is_finite() {
            special += x;
            continue;
        }
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    if special != 0.0 || special.is_nan() {
        return Ok(Value::from_f64(special));
    }
    // Sum the partials from the top, with CPython's half-way correction.
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::from_f64(hi))
}

fn prod(a: &[Value], k: Option<Value>) -> PyResult {
    let [it, start] = args::parse("prod", a, k, ["", "start"], 1)?;
    let mut acc = if start.is_null() {
        Value::small_int(1)
    } else {
        start
    };
    let items = crate::ops::iter::collect(it)?;
    for &v in items.iter() {
        acc = crate::ops::arith::binary_op(crate::ops::BinOp::Mul, acc, v)?;
    }
    Ok(acc)
}

fn factorial(a: &[Value], k: Option<Value>) -> PyResult {
    let [n] = args::exact::<1>("factorial", a, k)?;
    if float_of(n).is_some() {
        return Err(type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let n = integer(n)?;
    if n.is_negative() {
        return Err(value_error("factorial() not defined for negative values"));
    }
    let Some(n) = n.to_u64() else {
        return Err(overflow_error(
            "factorial() argument should not exceed 9223372036854775807",
        ));
    };
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(int_from_bigint(acc))
}

fn gcd(a: &[Value], k: Option<Value>) -> PyResult {
    args::no_kwargs("gcd", k)?;
    let mut acc = BigInt::zero();
    for &v in a {
        acc = acc.gcd(&integer(v)?);
    }
    Ok(int_from_bigint(acc))
}

fn lcm(a: &[Value], k: Option<Value>) -> PyResult {
    args::no_kwargs("lcm", k)?;
    let mut acc = BigInt::one();
    for &v in a {
        let x = integer(v)?;
        if x.is_zero() {
            return Ok(Value::small_int(0));
        }
        acc = acc.lcm(&x);
    }
    Ok(int_from_bigint(acc.abs()))
}

fn isqrt(a: &[Value], k: Option<Value>) -> PyResult {
    let [n] = args::exact::<1>("isqrt", a, k)?;
    let n = integer(n)?;
    if n.is_negative() {
        return Err(value_error("isqrt() argument must be nonnegative"));
    }
    Ok(int_from_bigint(n.sqrt()))
}

fn comb_perm_args(n: Value, kv: Value) -> PyResult<(BigInt, BigInt)> {
    let n = integer(n)?;
    let kk = integer(kv)?;
    if n.is_negative() {
        return Err(value_error("n must be a non-negative integer"));
    }
    if kk.is_negative() {
        return Err(value_error("k must be a non-negative integer"));
    }
    Ok((n, kk))
}

fn comb(a: &[Value], k: Option<Value>) -> PyResult {
    let [n, kv] = args::exact::<2>("comb", a, k)?;
    let (n, kk) = comb_perm_args(n, kv)?;
    if kk > n {
        return Ok(Value::small_int(0));
    }
    let kk = std::cmp::min(kk.clone(), &n - &kk);
    let steps = kk.to_u64().unwrap_or(u64::MAX);
    let mut acc = BigInt::one();
    for i in 0..steps {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(int_from_bigint(acc))
}

fn perm(a: &[Value], k: Option<Value>) -> PyResult {
    let [n, kv] = args::between("perm", a, k, 1)?;
    if kv.is_null() || kv.is_none() {
        return factorial(&[n], None);
    }
    let (n, kk) = comb_perm_args(n, kv)?;
    if kk > n {
        return Ok(Value::small_int(0));
    }
    let steps = kk.to_u64().unwrap_or(u64::MAX);
    let mut acc = BigInt::one();
    for i in 0..steps {
        acc *= &n - i;
    }
    Ok(int_from_bigint(acc))
}

// ---- special functions: libm's erf, and CPython's own gamma (mathmodule.c) ----

mod libm {
    extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
    }
}

/// `erf`/`erfc` come from the C library, as in CPython 3.11 (so results
/// agree to the last bit on the same platform).
fn erf(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("erf", a, k)?;
    let x = real(x)?;
    // SAFETY: a pure libm function of one double.
    Ok(Value::from_f64(unsafe { libm::erf(x) }))
}

fn erfc(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("erfc", a, k)?;
    let x = real(x)?;
    // SAFETY: a pure libm function of one double.
    Ok(Value::from_f64(unsafe { libm::erfc(x) }))
}

const LANCZOS_G: f64 = 6.024_680_040_776_73;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_73;
const LANCZOS_NUM: [f64; 13] = [
    23_531_376_880.410_76,
    42_919_803_642.649_1,
    35_711_959_237.355_67,
    17_921_034_426.037_21,
    6_039_542_586.352_028,
    1_439_720_407.311_721_7,
    248_874_557.862_054_16,
    31_426_415.585_400_194,
    2_876_370.628_935_372_4,
    186_056.265_395_223_5,
    8_071.672_002_365_816,
    210.824_277_751_579_35,
    2.506_628_274_631_000_3,
];
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39_916_800.0,
    120_543_840.0,
    150_917_976.0,
    105_258_076.0,
    45_995_730.0,
    13_339_535.0,
    2_637_558.0,
    357_423.0,
    32_670.0,
    1_925.0,
    66.0,
    1.0,
];

fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

fn sinpi(x: f64) -> f64 {
    let y = x.abs() % 2.0;
    let n = (2.0 * y).round() as i32;
    let pi = std::f64::consts::PI;
    let r = match n {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

fn gamma(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("gamma", a, k)?;
    let x = real(x)?;
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(Value::from_f64(x));
        }
        return Err(domain_error());
    }
    if x == 0.0 {
        return Err(domain_error());
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(domain_error());
        }
        if x <= 23.0 {
            let mut f = 1.0f64;
            for i in 2..(x as i64) {
                f *= i as f64;
            }
            return Ok(Value::from_f64(f));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        if r.is_infinite() {
            return Err(range_error());
        }
        return Ok(Value::from_f64(r));
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(Value::from_f64(0.0 / sinpi(x)));
        }
        return Err(range_error());
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r /= s;
            r /= s;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let s = y.powf(absx / 2.0 - 0.25);
            r *= s;
            r *= s;
        }
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::from_f64(r))
}

fn lgamma(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("lgamma", a, k)?;
    let x = real(x)?;
    if !x.is_finite() {
        return Ok(Value::from_f64(if x.is_nan() { x } else { f64::INFINITY }));
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return Err(domain_error());
        }
        return Ok(Value::from_f64(0.0));
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(Value::from_f64(-absx.ln()));
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        r = std::f64::consts::PI.ln() - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::from_f64(r))
}

/// The next float after `x` towards `y` (C's `nextafter`).
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { bits + 1 } else { bits - 1 })
}

fn nextafter(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y] = args::exact::<2>("nextafter", a, k)?;
    Ok(Value::from_f64(next_after(real(x)?, real(y)?)))
}

fn ulp(a: &[Value], k: Option<Value>) -> PyResult {
    let [x] = args::exact::<1>("ulp", a, k)?;
    let x = real(x)?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(Value::from_f64(x));
    }
    let up = next_after(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(Value::from_f64(x - next_after(x, f64::NEG_INFINITY)));
    }
    Ok(Value::from_f64(up - x))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exceptions::str_of_current;

    fn call(name: &str, args: &[Value]) -> Result<Value, String> {
        let f = FUNCTIONS.iter().find(|(n, _)| *n == name).unwrap().1;
        f(args, None).map_err(|_| str_of_current())
    }

    #[test]
    fn results_and_errors_like_cpython() {
        let i = Value::small_int;
        assert_eq!(call("sqrt", &[i(16)]).unwrap(), Value::from_f64(4.0));
        assert_eq!(call("sqrt", &[i(-1)]).unwrap_err(), "math domain error");
        assert_eq!(call("floor", &[Value::from_f64(-2.5)]).unwrap(), i(-3));
        assert_eq!(call("ceil", &[Value::from_f64(2.1)]).unwrap(), i(3));
        assert_eq!(call("factorial", &[i(5)]).unwrap(), i(120));
        assert_eq!(
            call("factorial", &[i(-1)]).unwrap_err(),
            "factorial() not defined for negative values"
        );
        assert_eq!(call("gcd", &[i(12), i(18)]).unwrap(), i(6));
        assert_eq!(call("lcm", &[i(4), i(6)]).unwrap(), i(12));
        assert_eq!(call("isqrt", &[i(17)]).unwrap(), i(4));
        assert_eq!(call("comb", &[i(5), i(2)]).unwrap(), i(10));
        assert_eq!(call("perm", &[i(5), i(2)]).unwrap(), i(20));
        assert_eq!(call("log", &[i(8), i(2)]).unwrap(), Value::from_f64(3.0));
        assert_eq!(call("log", &[i(0)]).unwrap_err(), "math domain error");
        assert_eq!(call("exp", &[i(1000)]).unwrap_err(), "math range error");
        let tenths: Vec<Value> = (0..10).map(|_| Value::from_f64(0.1)).collect();
        let l = crate::types::list::new_list(tenths);
        assert_eq!(call("fsum", &[l]).unwrap(), Value::from_f64(1.0));
        assert_eq!(
            call("sqrt", &[crate::types::string::new_str("x")]).unwrap_err(),
            "must be real number, not str"
        );
    }
}
