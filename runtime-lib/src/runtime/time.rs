//! The `time` module: clocks (`time`, `time_ns`, `perf_counter[_ns]`,
//! `monotonic[_ns]`, `process_time[_ns]`, `thread_time[_ns]`), `sleep`,
//! the broken-down time functions (`gmtime`, `localtime`, `mktime`,
//! `asctime`, `ctime`), `strftime` and `strptime` for the C locale, the
//! time-zone attributes (`timezone`, `altzone`, `daylight`, `tzname`) and
//! `struct_time` (a struct sequence of nine items, with `tm_zone` and
//! `tm_gmtoff` as attributes).
//!
//! Missing compared with CPython 3.11: `get_clock_info`, `clock_gettime`
//! and friends, `tzset`, `pthread_getcpuclockid`; `struct_time` is a
//! function making struct times rather than a type; `strptime` knows the
//! C locale only and no `%U`/`%W`/`%c`/`%x`/`%X` directives.

use crate::args;
use crate::error::{overflow_error, type_error, value_error, PyResult};
use crate::object::type_of;
use crate::typeobj::builder::builtin_function;
use crate::types::builtin_func::BuiltinFn;
use crate::types::float::float_of;
use crate::types::int::{int_from_i128, int_from_i64, int_of, to_i64};
use crate::types::module::{new_module, ModuleObject};
use crate::types::string::{as_str, intern, new_str, new_string};
use crate::types::structseq::new_struct_seq_extra;
use crate::types::tuple::new_tuple;
use crate::Value;

extern "C" {
    /// POSIX: reads TZ into the C library's time-zone state.
    fn tzset();
}

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FIELDS: &[&str] = &[
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];
const EXTRA_FIELDS: &[&str] = &["tm_zone", "tm_gmtoff"];

/// A broken-down time, as `struct_time` holds it (month 1–12, weekday
/// 0 = Monday, day of the year 1–366).
#[derive(Clone, Debug, PartialEq)]
struct Tm {
    year: i64,
    mon: i64,
    mday: i64,
    hour: i64,
    min: i64,
    sec: i64,
    wday: i64,
    yday: i64,
    isdst: i64,
    zone: Option<String>,
    gmtoff: Option<i64>,
}

fn is_leap(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

fn yday_of(y: i64, m: i64, d: i64) -> i64 {
    days_from_civil(y, m, d) - days_from_civil(y, 1, 1) + 1
}

fn wday_of(y: i64, m: i64, d: i64) -> i64 {
    (days_from_civil(y, m, d) + 3).rem_euclid(7)
}

fn gmtime_of(t: i64) -> Tm {
    let days = t.div_euclid(86_400);
    let secs = t.rem_euclid(86_400);
    let (year, mon, mday) = civil_from_days(days);
    Tm {
        year,
        mon,
        mday,
        hour: secs / 3600,
        min: secs % 3600 / 60,
        sec: secs % 60,
        wday: (days + 3).rem_euclid(7),
        yday: yday_of(year, mon, mday),
        isdst: 0,
        zone: Some("GMT".to_string()),
        gmtoff: Some(0),
    }
}

fn c_tm(tm: &Tm) -> libc::tm {
    // SAFETY: libc::tm is plain data; all-zero is a valid value.
    let mut c: libc::tm = unsafe { std::mem::zeroed() };
    c.tm_year = (tm.year - 1900) as i32;
    c.tm_mon = (tm.mon - 1) as i32;
    c.tm_mday = tm.mday as i32;
    c.tm_hour = tm.hour as i32;
    c.tm_min = tm.min as i32;
    c.tm_sec = tm.sec as i32;
    c.tm_wday = ((tm.wday + 1) % 7) as i32;
    c.tm_yday = (tm.yday - 1) as i32;
    c.tm_isdst = tm.isdst as i32;
    c
}

fn from_c_tm(c: &libc::tm) -> Tm {
    let zone = if c.tm_zone.is_null() {
        None
    } else {
        // SAFETY: tm_zone points at a NUL-terminated static string.
        Some(
            unsafe { std::ffi::CStr::from_ptr(c.tm_zone) }
                .to_string_lossy()
                .into_owned(),
        )
    };
    Tm {
        year: c.tm_year as i64 + 1900,
        mon: c.tm_mon as i64 + 1,
        mday: c.tm_mday as i64,
        hour: c.tm_hour as i64,
        min: c.tm_min as i64,
        sec: c.tm_sec as i64,
        wday: (c.tm_wday as i64 + 6) % 7,
        yday: c.tm_yday as i64 + 1,
        isdst: c.tm_isdst as i64,
        zone,
        gmtoff: Some(c.tm_gmtoff),
    }
}

fn localtime_of(t: i64) -> PyResult<Tm> {
    let tt = t as libc::time_t;
    // SAFETY: plain data; localtime_r fills it in.
    let mut c: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: valid pointers to a time_t and a tm.
    let r = unsafe {
        tzset();
        libc::localtime_r(&tt, &mut c)
    };
    if r.is_null() {
        return Err(overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(from_c_tm(&c))
}

fn struct_time(tm: &Tm) -> Value {
    let items: Vec<Value> = [
        tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst,
    ]
    .iter()
    .map(|&x| int_from_i64(x))
    .collect();
    let zone = tm.zone.as_deref().map_or(Value::NONE, new_str);
    let off = tm.gmtoff.map_or(Value::NONE, int_from_i64);
    new_struct_seq_extra(
        "time.struct_time",
        FIELDS,
        &items,
        EXTRA_FIELDS,
        &[zone, off],
    )
}

/// A `struct_time` or 9-sequence argument as a `Tm`.
fn tm_arg(fname: &str, v: Value) -> PyResult<Tm> {
    let is_struct =
        crate::object::downcast::<crate::types::structseq::StructSeqObject>(v).is_some();
    if !is_struct && crate::types::tuple::tuple_items(v).is_none() {
        return Err(type_error(format!(
            "Tuple or struct_time argument required, not {}",
            type_of(v).name()
        )));
    }
    let items = crate::ops::iter::collect(v)?;
    if items.len() != 9 {
        return Err(type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (x, &i) in f.iter_mut().zip(items.iter()) {
        *x = to_i64(i)?;
    }
    let (zone, gmtoff) = if is_struct {
        let z = crate::ops::attr::getattr_str(v, "tm_zone")?;
        let o = crate::ops::attr::getattr_str(v, "tm_gmtoff")?;
        (
            as_str(z).map(str::to_string),
            int_of(o).and_then(|_| to_i64(o).ok()),
        )
    } else {
        (None, None)
    };
    Ok(Tm {
        year: f[0],
        mon: f[1],
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        wday: f[6],
        yday: f[7],
        isdst: f[8],
        zone,
        gmtoff,
    })
}

/// Checks a time tuple's ranges as CPython's `checktm` does (month and
/// day 0 are accepted as 1 by `strftime`).
fn check_tm(tm: &mut Tm) -> PyResult<()> {
    if tm.mon == 0 {
        tm.mon = 1;
    }
    if tm.mday == 0 {
        tm.mday = 1;
    }
    if tm.yday == 0 {
        tm.yday = 1;
    }
    let bad = |what: &str| Err(value_error(format!("{what} out of range")));
    if !(1..=12).contains(&tm.mon) {
        return bad("month");
    }
    if !(1..=31).contains(&tm.mday) {
        return bad("day of month");
    }
    if !(0..=23).contains(&tm.hour) {
        return bad("hour");
    }
    if !(0..=59).contains(&tm.min) {
        return bad("minute");
    }
    if !(0..=61).contains(&tm.sec) {
        return bad("seconds");
    }
    if tm.wday < 0 {
        return bad("day of week");
    }
    tm.wday %= 7;
    if !(1..=366).contains(&tm.yday) {
        return bad("day of year");
    }
    Ok(())
}

/// A seconds argument (None or absent: now), floored to whole seconds.
fn seconds_arg(v: Value) -> PyResult<i64> {
    if v.is_null() || v.is_none() {
        return Ok(now_secs().floor() as i64);
    }
    if let Some(f) = v.as_f64() {
        if !f.is_finite() {
            return Err(if f.is_nan() {
                value_error("Invalid value NaN (not a number)")
            } else {
                overflow_error("timestamp out of range for platform time_t")
            });
        }
        return Ok(f.floor() as i64);
    }
    if int_of(v).is_some() {
        return to_i64(v);
    }
    match float_of(v) {
        Some(f) => Ok(f.floor() as i64),
        None => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_of(v).name()
        ))),
    }
}

fn now_secs() -> f64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

fn clock_ns(clock: libc::clockid_t) -> i128 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a valid timespec pointer.
    unsafe { libc::clock_gettime(clock, &mut ts) };
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn time(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("time", a, k)?;
    Ok(Value::from_f64(now_secs()))
}

fn time_ns(a: &[Value], k: Option<Value>) -> PyResult {
    args::exact::<0>("time_ns", a, k)?;
    let ns = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    Ok(int_from_i128(ns as i128))
}

macro_rules! clock_fns {
    ($($secs:ident, $ns:ident, $clock:expr;)*) => {$(
        fn $secs(a: &[Value], k: Option<Value>) -> PyResult {
            args::exact::<0>(stringify!($secs), a, k)?;
            Ok(Value::from_f64(clock_ns($clock) as f64 / 1e9))
        }
        fn $ns(a: &[Value], k: Option<Value>) -> PyResult {
            args::exact::<0>(stringify!($ns), a, k)?;
            Ok(int_from_i128(clock_ns($clock)))
        }
    )*};
}

clock_fns! {
    perf_counter, perf_counter_ns, libc::CLOCK_MONOTONIC;
    monotonic, monotonic_ns, libc::CLOCK_MONOTONIC;
    process_time, process_time_ns, libc::CLOCK_PROCESS_CPUTIME_ID;
    thread_time, thread_time_ns, libc::CLOCK_THREAD_CPUTIME_ID;
}

fn sleep(a: &[Value], k: Option<Value>) -> PyResult {
    let [secs] = args::exact::<1>("sleep", a, k)?;
    let s = match (secs.as_f64(), int_of(secs)) {
        (Some(s), _) => s,
        (None, Some(i)) => crate::types::int::int_to_f64(i)?,
        (None, None) => {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_of(secs).name()
            )))
        }
    };
    if s.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    let d = std::time::Duration::try_from_secs_f64(s)
        .map_err(|_| overflow_error("sleep length is too large"))?;
    std::thread::sleep(d);
    Ok(Value::NONE)
}

fn gmtime(a: &[Value], k: Option<Value>) -> PyResult {
    let [secs] = args::between("gmtime", a, k, 0)?;
    Ok(struct_time(&gmtime_of(seconds_arg(secs)?)))
}

fn localtime(a: &[Value], k: Option<Value>) -> PyResult {
    let [secs] = args::between("localtime", a, k, 0)?;
    Ok(struct_time(&localtime_of(seconds_arg(secs)?)?))
}

fn mktime(a: &[Value], k: Option<Value>) -> PyResult {
    let [t] = args::exact::<1>("mktime", a, k)?;
    let tm = tm_arg("mktime", t)?;
    let mut c = c_tm(&tm);
    c.tm_wday = -1;
    // SAFETY: a valid tm.
    let r = unsafe {
        tzset();
        libc::mktime(&mut c)
    };
    if r == -1 && c.tm_wday == -1 {
        return Err(overflow_error("mktime argument out of range"));
    }
    Ok(Value::from_f64(r as f64))
}

fn asctime_of(tm: &Tm) -> String {
    format!(
        "{} {}{:>3} {:02}:{:02}:{:02} {}",
        &WEEKDAYS[tm.wday.rem_euclid(7) as usize][..3],
        &MONTHS[(tm.mon - 1).clamp(0, 11) as usize][..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

fn asctime(a: &[Value], k: Option<Value>) -> PyResult {
    let [t] = args::between("asctime", a, k, 0)?;
    let mut tm = if t.is_null() {
        localtime_of(now_secs().floor() as i64)?
    } else {
        tm_arg("asctime", t)?
    };
    check_tm(&mut tm)?;
    Ok(new_string(asctime_of(&tm)))
}

fn ctime(a: &[Value], k: Option<Value>) -> PyResult {
    let [secs] = args::between("ctime", a, k, 0)?;
    Ok(new_string(asctime_of(&localtime_of(seconds_arg(secs)?)?)))
}

/// Week number of the year with weeks starting on `first` (0 = Monday).
fn week_number(tm: &Tm, sunday_first: bool) -> i64 {
    let wday = if sunday_first {
        (tm.wday + 1) % 7
    } else {
        tm.wday
    };
    (tm.yday - 1 + 7 - wday) / 7
}

/// The number of ISO 8601 weeks of year `y` (52 or 53).
fn iso_weeks_in(y: i64) -> i64 {
    let p = |y: i64| (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400)).rem_euclid(7);
    if p(y) == 4 || p(y - 1) == 3 {
        53
    } else {
        52
    }
}

/// ISO 8601 (year, week).
fn iso_week(tm: &Tm) -> (i64, i64) {
    let week = (tm.yday - (tm.wday + 1) + 10) / 7;
    if week < 1 {
        (tm.year - 1, iso_weeks_in(tm.year - 1))
    } else if week > iso_weeks_in(tm.year) {
        (tm.year + 1, 1)
    } else {
        (tm.year, week)
    }
}

fn local_zone() -> (String, String, i64) {
    // SAFETY: tzset and reading the tzname/timezone globals it sets.
    unsafe {
        tzset();
    }
    let jan = localtime_of(days_from_civil(2023, 1, 1) * 86_400).ok();
    let jul = localtime_of(days_from_civil(2023, 7, 1) * 86_400).ok();
    let name = |t: &Option<Tm>| t.as_ref().and_then(|t| t.zone.clone()).unwrap_or_default();
    let off = jan.as_ref().and_then(|t| t.gmtoff).unwrap_or(0);
    (name(&jan), name(&jul), off)
}

/// `strftime` for the C locale.
fn format_time(fmt: &str, tm: &Tm) -> String {
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let wd = WEEKDAYS[tm.wday.rem_euclid(7) as usize];
        let mo = MONTHS[(tm.mon - 1).clamp(0, 11) as usize];
        let hour12 = if tm.hour % 12 == 0 { 12 } else { tm.hour % 12 };
        let s = match d {
            'a' => wd[..3].to_string(),
            'A' => wd.to_string(),
            'b' | 'h' => mo[..3].to_string(),
            'B' => mo.to_string(),
            'c' => asctime_of(tm),
            'C' => format!("{:02}", tm.year.div_euclid(100)),
            'd' => format!("{:02}", tm.mday),
            'D' => format_time("%m/%d/%y", tm),
            'e' => format!("{:>2}", tm.mday),
            'F' => format_time("%Y-%m-%d", tm),
            'G' => iso_week(tm).0.to_string(),
            'g' => format!("{:02}", iso_week(tm).0.rem_euclid(100)),
            'H' => format!("{:02}", tm.hour),
            'I' => format!("{hour12:02}"),
            'j' => format!("{:03}", tm.yday),
            'k' => format!("{:>2}", tm.hour),
            'l' => format!("{hour12:>2}"),
            'm' => format!("{:02}", tm.mon),
            'M' => format!("{:02}", tm.min),
            'n' => "\n".to_string(),
            'p' => if tm.hour < 12 { "AM" } else { "PM" }.to_string(),
            'r' => format_time("%I:%M:%S %p", tm),
            'R' => format_time("%H:%M", tm),
            'S' => format!("{:02}", tm.sec),
            't' => "\t".to_string(),
            'T' => format_time("%H:%M:%S", tm),
            'u' => (tm.wday + 1).to_string(),
            'U' => format!("{:02}", week_number(tm, true)),
            'V' => format!("{:02}", iso_week(tm).1),
            'w' => ((tm.wday + 1) % 7).to_string(),
            'W' => format!("{:02}", week_number(tm, false)),
            'x' => format_time("%m/%d/%y", tm),
            'X' => format_time("%H:%M:%S", tm),
            'y' => format!("{:02}", tm.year.rem_euclid(100)),
            'Y' => tm.year.to_string(),
            'z' => {
                let off = tm.gmtoff.unwrap_or_else(|| local_zone().2);
                let sign = if off < 0 { '-' } else { '+' };
                let a = off.abs();
                format!("{sign}{:02}{:02}", a / 3600, a % 3600 / 60)
            }
            'Z' => tm.zone.clone().unwrap_or_else(|| {
                let (std, dst, _) = local_zone();
                if tm.isdst > 0 {
                    dst
                } else {
                    std
                }
            }),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&s);
    }
    out
}

fn strftime(a: &[Value], k: Option<Value>) -> PyResult {
    let [fmt, t] = args::between("strftime", a, k, 1)?;
    let Some(f) = as_str(fmt) else {
        return Err(type_error(format!(
            "strftime() argument 1 must be str, not {}",
            type_of(fmt).name()
        )));
    };
    let mut tm = if t.is_null() {
        localtime_of(now_secs().floor() as i64)?
    } else {
        tm_arg("strftime", t)?
    };
    check_tm(&mut tm)?;
    Ok(new_string(format_time(f, &tm)))
}

/// The state of one `strptime` parse.
struct Parsed {
    year: Option<i64>,
    mon: Option<i64>,
    mday: Option<i64>,
    hour: i64,
    min: i64,
    sec: i64,
    yday: Option<i64>,
    wday: Option<i64>,
    pm: Option<bool>,
    hour12: bool,
    gmtoff: Option<i64>,
    zone: Option<String>,
}

/// Reads 1 to `max` digits at `s[*pos..]`, the longest prefix in range.
fn digits(s: &[char], pos: &mut usize, max: usize, lo: i64, hi: i64) -> Option<i64> {
    let mut end = *pos;
    while end < s.len() && end - *pos < max && s[end].is_ascii_digit() {
        end += 1;
    }
    while end > *pos {
        let text: String = s[*pos..end].iter().collect();
        if let Ok(v) = text.parse::<i64>() {
            if (lo..=hi).contains(&v) {
                *pos = end;
                return Some(v);
            }
        }
        end -= 1;
    }
    None
}

/// Matches one of `names` (full or three-letter, any case); its index.
fn name_of(s: &[char], pos: &mut usize, names: &[&str]) -> Option<i64> {
    let rest: String = s[*pos..].iter().collect::<String>().to_lowercase();
    for full in [true, false] {
        for (i, n) in names.iter().enumerate() {
            let n = if full {
                n.to_lowercase()
            } else {
                n[..3].to_lowercase()
            };
            if rest.starts_with(&n) {
                *pos += n.chars().count();
                return Some(i as i64);
            }
        }
    }
    None
}

fn parse_directive(d: char, s: &[char], pos: &mut usize, p: &mut Parsed) -> Option<()> {
    match d {
        'Y' => p.year = Some(digits(s, pos, 4, 0, 9999)?),
        'y' => {
            let y = digits(s, pos, 2, 0, 99)?;
            p.year = Some(if y <= 68 { 2000 + y } else { 1900 + y });
        }
        'm' => p.mon = Some(digits(s, pos, 2, 1, 12)?),
        'd' | 'e' => p.mday = Some(digits(s, pos, 2, 1, 31)?),
        'H' => p.hour = digits(s, pos, 2, 0, 23)?,
        'I' => {
            p.hour = digits(s, pos, 2, 1, 12)?;
            p.hour12 = true;
        }
        'M' => p.min = digits(s, pos, 2, 0, 59)?,
        'S' => p.sec = digits(s, pos, 2, 0, 61)?,
        'j' => p.yday = Some(digits(s, pos, 3, 1, 366)?),
        'f' => {
            digits(s, pos, 6, 0, 999_999)?;
        }
        'b' | 'B' | 'h' => p.mon = Some(name_of(s, pos, &MONTHS)? + 1),
        'a' | 'A' => p.wday = Some(name_of(s, pos, &WEEKDAYS)?),
        'w' => p.wday = Some((digits(s, pos, 1, 0, 6)? + 6) % 7),
        'u' => p.wday = Some(digits(s, pos, 1, 1, 7)? - 1),
        'p' => {
            let rest: String = s[*pos..].iter().take(2).collect::<String>().to_lowercase();
            p.pm = Some(match rest.as_str() {
                "am" => false,
                "pm" => true,
                _ => return None,
            });
            *pos += 2;
        }
        'z' => {
            if s.get(*pos) == Some(&'Z') {
                *pos += 1;
                p.gmtoff = Some(0);
            } else {
                let sign = match s.get(*pos)? {
                    '+' => 1,
                    '-' => -1,
                    _ => return None,
                };
                *pos += 1;
                let h = digits(s, pos, 2, 0, 99)?;
                if s.get(*pos) == Some(&':') {
                    *pos += 1;
                }
                let m = digits(s, pos, 2, 0, 59)?;
                p.gmtoff = Some(sign * (h * 3600 + m * 60));
            }
        }
        'Z' => {
            let start = *pos;
            while *pos < s.len() && s[*pos].is_ascii_alphabetic() {
                *pos += 1;
            }
            if *pos == start {
                return None;
            }
            p.zone = Some(s[start..*pos].iter().collect());
        }
        '%' => {
            if s.get(*pos) != Some(&'%') {
                return None;
            }
            *pos += 1;
        }
        _ => return None,
    }
    Some(())
}

fn strptime(a: &[Value], k: Option<Value>) -> PyResult {
    let [string, fmt] = args::between("strptime", a, k, 1)?;
    let fmt_v = if fmt.is_null() {
        new_str("%a %b %d %H:%M:%S %Y")
    } else {
        fmt
    };
    let (Some(text), Some(f)) = (as_str(string), as_str(fmt_v)) else {
        let bad = if as_str(string).is_none() {
            string
        } else {
            fmt_v
        };
        return Err(type_error(format!(
            "strptime() argument {} must be str, not {}",
            if bad == string { 0 } else { 1 },
            type_of(bad).name()
        )));
    };
    let mismatch = || {
        value_error(format!(
            "time data {} does not match format {}",
            crate::ops::object::repr_string(string).unwrap_or_default(),
            crate::ops::object::repr_string(fmt_v).unwrap_or_default()
        ))
    };
    let s: Vec<char> = text.chars().collect();
    let fc: Vec<char> = f.chars().collect();
    let mut p = Parsed {
        year: None,
        mon: None,
        mday: None,
        hour: 0,
        min: 0,
        sec: 0,
        yday: None,
        wday: None,
        pm: None,
        hour12: false,
        gmtoff: None,
        zone: None,
    };
    let (mut i, mut pos) = (0, 0);
    while i < fc.len() {
        let c = fc[i];
        if c == '%' {
            let Some(&d) = fc.get(i + 1) else {
                return Err(value_error("stray % in format '%'"));
            };
            if !"YymdeHIMSjfbBhaAwupzZ%".contains(d) {
                return Err(value_error(format!(
                    "'{d}' is a bad directive in format '%{d}'"
                )));
            }
            parse_directive(d, &s, &mut pos, &mut p).ok_or_else(mismatch)?;
            i += 2;
        } else if c.is_whitespace() {
            while i < fc.len() && fc[i].is_whitespace() {
                i += 1;
            }
            let start = pos;
            while pos < s.len() && s[pos].is_whitespace() {
                pos += 1;
            }
            if pos == start {
                return Err(mismatch());
            }
        } else {
            if s.get(pos).map(|x| x.to_lowercase().eq(c.to_lowercase())) != Some(true) {
                return Err(mismatch());
            }
            pos += 1;
            i += 1;
        }
    }
    if pos < s.len() {
        let rest: String = s[pos..].iter().collect();
        return Err(value_error(format!("unconverted data remains: {rest}")));
    }
    let mut hour = p.hour;
    if p.hour12 {
        hour %= 12;
        if p.pm == Some(true) {
            hour += 12;
        }
    }
    let year = p.year.unwrap_or(1900);
    let (mut mon, mut mday) = (p.mon.unwrap_or(1), p.mday.unwrap_or(1));
    if let (Some(yd), None, None) = (p.yday, p.mon, p.mday) {
        let (_, m, d) = civil_from_days(days_from_civil(year, 1, 1) + yd - 1);
        mon = m;
        mday = d;
    }
    if mday > days_in_month(year, mon) {
        return Err(value_error("day is out of range for month"));
    }
    let tm = Tm {
        year,
        mon,
        mday,
        hour,
        min: p.min,
        sec: p.sec,
        wday: wday_of(year, mon, mday),
        yday: p.yday.unwrap_or_else(|| yday_of(year, mon, mday)),
        isdst: -1,
        zone: p.zone,
        gmtoff: p.gmtoff,
    };
    Ok(struct_time(&tm))
}

/// `time.struct_time(sequence)`.
fn make_struct_time(a: &[Value], k: Option<Value>) -> PyResult {
    let [seq] = args::exact::<1>("struct_time", a, k)?;
    let items = crate::ops::iter::collect(seq)?;
    if items.len() < 9 || items.len() > 11 {
        return Err(type_error(format!(
            "time.struct_time() takes an at least 9-sequence ({}-sequence given)",
            items.len()
        )));
    }
    let extra = [
        items.get(9).copied().unwrap_or(Value::NONE),
        items.get(10).copied().unwrap_or(Value::NONE),
    ];
    Ok(new_struct_seq_extra(
        "time.struct_time",
        FIELDS,
        &items[..9],
        EXTRA_FIELDS,
        &extra,
    ))
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("time", time),
    ("time_ns", time_ns),
    ("perf_counter", perf_counter),
    ("perf_counter_ns", perf_counter_ns),
    ("monotonic", monotonic),
    ("monotonic_ns", monotonic_ns),
    ("process_time", process_time),
    ("process_time_ns", process_time_ns),
    ("thread_time", thread_time),
    ("thread_time_ns", thread_time_ns),
    ("sleep", sleep),
    ("gmtime", gmtime),
    ("localtime", localtime),
    ("mktime", mktime),
    ("asctime", asctime),
    ("ctime", ctime),
    ("strftime", strftime),
    ("strptime", strptime),
    ("struct_time", make_struct_time),
];

/// Builds the `time` module.
pub fn make_module() -> Value {
    let m = new_module("time");
    if let Some(d) = ModuleObject::cast(m).map(|m| m.dict()) {
        for (name, f) in FUNCTIONS {
            d.set_str(intern(name), builtin_function(name, *f));
        }
        let (std, dst, off) = local_zone();
        d.set_str(intern("timezone"), int_from_i64(-off));
        d.set_str(intern("altzone"), int_from_i64(-off - 3600));
        d.set_str(intern("daylight"), Value::small_int(i64::from(std != dst)));
        d.set_str(
            intern("tzname"),
            new_tuple(&[new_string(std), new_string(dst)]),
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for d in [-800_000, -1, 0, 59, 11_016, 19_675, 400_000] {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
    }

    #[test]
    fn gmtime_and_strftime() {
        let tm = gmtime_of(1_000_000_000);
        assert_eq!(
            format_time("%Y-%m-%d %H:%M:%S %a %j", &tm),
            "2001-09-09 01:46:40 Sun 252"
        );
    }
}
