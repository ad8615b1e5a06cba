//! The `cmath` module, basic: the constants, `phase`, `polar`, `rect`,
//! `sqrt` (CPython's scaled algorithm), `exp`, `log` (with a base),
//! `log10`, the trigonometric and hyperbolic functions and their inverses
//! (textbook formulas over the principal branches, so the last digit may
//! differ from CPython's special-cased implementations), `isfinite`,
//! `isinf`, `isnan` and `isclose`. Missing: CPython's special-value tables
//! for infinities and NaNs in every function.

use crate::args;
use crate::error::{type_error, value_error, PyResult};
use crate::object::type_of;
use crate::types::builtin_func::BuiltinFn;
use crate::types::complex::{complex_of, new_complex, product as mul, quotient};
use crate::types::module::ModuleObject;
use crate::types::string::intern;
use crate::types::tuple::new_tuple;
use crate::Value;

type C = (f64, f64);

/// Builds the `cmath` module.
pub fn make_module() -> Value {
    let m = super::math::module_of_functions("cmath", FUNCTIONS, super::math::CONSTANTS);
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        d.set_str(intern("infj"), new_complex(0.0, f64::INFINITY));
        d.set_str(intern("nanj"), new_complex(0.0, f64::NAN));
    }
    m
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("phase", phase),
    ("polar", polar),
    ("rect", rect),
    ("sqrt", sqrt),
    ("exp", exp),
    ("log", log),
    ("log10", log10),
    ("sin", sin),
    ("cos", cos),
    ("tan", tan),
    ("asin", asin),
    ("acos", acos),
    ("atan", atan),
    ("sinh", sinh),
    ("cosh", cosh),
    ("tanh", tanh),
    ("asinh", asinh),
    ("acosh", acosh),
    ("atanh", atanh),
    ("isfinite", isfinite),
    ("isinf", isinf),
    ("isnan", isnan),
    ("isclose", isclose),
];

/// A complex argument: a complex, or anything `math` accepts as a float.
fn arg(v: Value) -> PyResult<C> {
    if let Some(c) = complex_of(v) {
        return Ok(c);
    }
    if let Some(m) = crate::ops::attr::lookup_special(v, "__complex__")? {
        if let Some(c) = complex_of(crate::ops::call::call(m, &[], None)?) {
            return Ok(c);
        }
    }
    match super::math::real(v) {
        Ok(f) => Ok((f, 0.0)),
        Err(e) => {
            if type_of(v).slots.float.get().is_none() {
                crate::error::clear_exception();
                return Err(type_error(format!(
                    "must be real number, not {}",
                    type_of(v).name()
                )));
            }
            Err(e)
        }
    }
}

fn one(name: &str, a: &[Value], k: Option<Value>) -> PyResult<C> {
    let [x] = args::exact::<1>(name, a, k)?;
    arg(x)
}

/// A result, with CPython's errors for a non-finite result of finite
/// input.
fn done(input: C, r: C) -> PyResult {
    let finite_in = input.0.is_finite() && input.1.is_finite();
    if finite_in && (r.0.is_nan() || r.1.is_nan()) {
        return Err(super::math::domain_error());
    }
    if finite_in && (r.0.is_infinite() || r.1.is_infinite()) {
        return Err(crate::error::overflow_error("math range error"));
    }
    Ok(new_complex(r.0, r.1))
}

fn div(a: C, b: C) -> C {
    quotient(a, b).unwrap_or((f64::NAN, f64::NAN))
}

fn c_sqrt(z: C) -> C {
    let (x, y) = z;
    if x == 0.0 && y == 0.0 {
        return (0.0, y);
    }
    let ax = x.abs();
    let ay = y.abs();
    // CPython: s = sqrt((|x| + hypot(x, y)) / 2), scaled for subnormals.
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        let ax = ax * 2f64.powi(53);
        (ax + ax.hypot(ay * 2f64.powi(53))).sqrt() * 2f64.powi(-27)
    } else {
        let ax8 = ax / 8.0;
        2.0 * (ax8 + ax8.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 {
        (s, d.copysign(y))
    } else {
        (d, s.copysign(y))
    }
}

fn c_exp(z: C) -> C {
    let r = z.0.exp();
    (r * z.1.cos(), r * z.1.sin())
}

/// CPython's `c_log`: log1p near |z| = 1 keeps the real part exact.
fn c_log(z: C) -> C {
    let (ax, ay) = (z.0.abs(), z.1.abs());
    let h = ax.hypot(ay);
    let real = if ax > f64::MAX / 4.0 || ay > f64::MAX / 4.0 {
        (ax / 2.0).hypot(ay / 2.0).ln() + std::f64::consts::LN_2
    } else if (0.71..=1.73).contains(&h) {
        let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
        ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
    } else {
        h.ln()
    };
    (real, z.1.atan2(z.0))
}

fn c_asinh(z: C) -> C {
    // asinh(z) = log(z + sqrt(z*z + 1))
    let w = c_sqrt((mul(z, z).0 + 1.0, mul(z, z).1));
    c_log((z.0 + w.0, z.1 + w.1))
}

fn c_asin(z: C) -> C {
    // asin(z) = -i asinh(iz)
    let r = c_asinh((-z.1, z.0));
    (r.1, -r.0)
}

fn c_acos(z: C) -> C {
    // acos(z) = pi/2 - asin(z)
    let r = c_asin(z);
    (std::f64::consts::FRAC_PI_2 - r.0, -r.1)
}

/// CPython's `c_atanh` for finite arguments (odd symmetry, then its
/// log1p/atan2 formula).
fn c_atanh(z: C) -> C {
    if z.0 < 0.0 {
        let r = c_atanh((-z.0, -z.1));
        return (-r.0, -r.1);
    }
    let ay = z.1.abs();
    let real = (4.0 * z.0 / ((1.0 - z.0) * (1.0 - z.0) + ay * ay)).ln_1p() / 4.0;
    let imag = -(-2.0 * z.1).atan2((1.0 - z.0) * (1.0 + z.0) - ay * ay) / 2.0;
    (real, imag)
}

fn c_atan(z: C) -> C {
    // atan(z) = -i atanh(iz)
    let r = c_atanh((-z.1, z.0));
    (r.1, -r.0)
}

fn c_acosh(z: C) -> C {
    // acosh(z) = 2 log(sqrt((z+1)/2) + sqrt((z-1)/2))
    let a = c_sqrt(((z.0 + 1.0) / 2.0, z.1 / 2.0));
    let b = c_sqrt(((z.0 - 1.0) / 2.0, z.1 / 2.0));
    let l = c_log((a.0 + b.0, a.1 + b.1));
    (2.0 * l.0, 2.0 * l.1)
}

fn c_sinh(z: C) -> C {
    (z.0.sinh() * z.1.cos(), z.0.cosh() * z.1.sin())
}

fn c_cosh(z: C) -> C {
    (z.0.cosh() * z.1.cos(), z.0.sinh() * z.1.sin())
}

fn c_tanh(z: C) -> C {
    div(c_sinh(z), c_cosh(z))
}

macro_rules! unary {
    ($($name:ident => $f:expr;)*) => {
        $(fn $name(a: &[Value], k: Option<Value>) -> PyResult {
            let z = one(stringify!($name), a, k)?;
            done(z, $f(z))
        })*
    };
}

unary! {
    sqrt => c_sqrt;
    exp => c_exp;
    log10 => |z| { let l = c_log(z); (l.0 / std::f64::consts::LN_10, l.1 / std::f64::consts::LN_10) };
    asinh => c_asinh;
    asin => c_asin;
    acos => c_acos;
    atanh => c_atanh;
    atan => c_atan;
    acosh => c_acosh;
    sinh => c_sinh;
    cosh => c_cosh;
    tanh => c_tanh;
    sin => |z: C| { let r = c_sinh((-z.1, z.0)); (r.1, -r.0) };
    cos => |z: C| c_cosh((-z.1, z.0));
    tan => |z: C| { let r = c_tanh((-z.1, z.0)); (r.1, -r.0) };
}

fn log(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, base] = args::between("log", a, k, 1)?;
    let z = arg(x)?;
    if z == (0.0, 0.0) {
        return Err(super::math::domain_error());
    }
    let mut r = c_log(z);
    if !base.is_null() {
        let b = arg(base)?;
        if b == (0.0, 0.0) {
            return Err(super::math::domain_error());
        }
        r = div(r, c_log(b));
    }
    done(z, r)
}

fn phase(a: &[Value], k: Option<Value>) -> PyResult {
    let z = one("phase", a, k)?;
    Ok(Value::from_f64(z.1.atan2(z.0)))
}

fn polar(a: &[Value], k: Option<Value>) -> PyResult {
    let z = one("polar", a, k)?;
    let r = z.0.hypot(z.1);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return Err(crate::error::overflow_error("math range error"));
    }
    Ok(new_tuple(&[
        Value::from_f64(r),
        Value::from_f64(z.1.atan2(z.0)),
    ]))
}

fn rect(a: &[Value], k: Option<Value>) -> PyResult {
    let [r, phi] = args::exact::<2>("rect", a, k)?;
    let (r, phi) = (super::math::real(r)?, super::math::real(phi)?);
    if r.is_finite() && phi.is_infinite() {
        return Err(super::math::domain_error());
    }
    let (re, im) = if phi == 0.0 {
        (r, phi * r)
    } else {
        (r * phi.cos(), r * phi.sin())
    };
    Ok(new_complex(re, im))
}

fn isfinite(a: &[Value], k: Option<Value>) -> PyResult {
    let z = one("isfinite", a, k)?;
    Ok(Value::from_bool(z.0.is_finite() && z.1.is_finite()))
}

fn isinf(a: &[Value], k: Option<Value>) -> PyResult {
    let z = one("isinf", a, k)?;
    Ok(Value::from_bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn isnan(a: &[Value], k: Option<Value>) -> PyResult {
    let z = one("isnan", a, k)?;
    Ok(Value::from_bool(z.0.is_nan() || z.1.is_nan()))
}

fn isclose(a: &[Value], k: Option<Value>) -> PyResult {
    let [x, y, rel, abs] = args::parse("isclose", a, k, ["", "", "rel_tol", "abs_tol"], 2)?;
    let (x, y) = (arg(x)?, arg(y)?);
    let rel = if rel.is_null() {
        1e-9
    } else {
        super::math::real(rel)?
    };
    let abs = if abs.is_null() {
        0.0
    } else {
        super::math::real(abs)?
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::TRUE);
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (x.0 - y.0).hypot(x.1 - y.1);
    let close = diff <= rel * y.0.hypot(y.1) || diff <= rel * x.0.hypot(x.1) || diff <= abs;
    Ok(Value::from_bool(close))
}
