"""Argument binding for generated methods (krait-private; no CPython equivalent).

krait has no exec/eval at run time, so dataclasses' __init__ and typing's
NamedTuple __new__ are closures taking (*args, **kwargs). `bind` matches
those arguments to a parameter list as a real `def` would, and raises the
TypeError CPython raises for such a def, worded the same way.
"""

_NO_DEFAULT = object()


def _quoted_list(names):
    quoted = ["'" + n + "'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return quoted[0] + " and " + quoted[1]
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _missing(qualname, names, kind):
    plural = "s" if len(names) > 1 else ""
    return TypeError(f"{qualname}() missing {len(names)} required {kind} argument{plural}: "
                     f"{_quoted_list(names)}")


def bind(qualname, positional, kwonly, defaults, args, kwargs, skip=1):
    """Values for `positional` then `kwonly` names, as a list.

    `defaults` maps a name to its default value (a name absent from it is
    required). `skip` is how many leading parameters (self, cls) the
    caller has already bound: they count in CPython's "takes N positional
    arguments" message.
    """
    npos = len(positional)
    if len(args) > npos:
        ndef = sum(1 for n in positional if n in defaults)
        lo, hi = npos - ndef + skip, npos + skip
        takes = f"from {lo} to {hi}" if ndef else f"{hi}"
        given = len(args) + skip
        plural = "" if hi == 1 and not ndef else "s"
        raise TypeError(f"{qualname}() takes {takes} positional argument{plural} "
                        f"but {given} {'was' if given == 1 else 'were'} given")
    values = list(args)
    values.extend([_NO_DEFAULT] * (npos - len(args)))
    kwvalues = [_NO_DEFAULT] * len(kwonly)
    for key, value in kwargs.items():
        if key in positional:
            i = positional.index(key)
            if values[i] is not _NO_DEFAULT:
                raise TypeError(f"{qualname}() got multiple values for argument '{key}'")
            values[i] = value
        elif key in kwonly:
            kwvalues[kwonly.index(key)] = value
        else:
            raise TypeError(f"{qualname}() got an unexpected keyword argument '{key}'")
    missing = []
    for i, name in enumerate(positional):
        if values[i] is _NO_DEFAULT:
            if name in defaults:
                values[i] = defaults[name]
            else:
                missing.append(name)
    if missing:
        raise _missing(qualname, missing, "positional")
    for i, name in enumerate(kwonly):
        if kwvalues[i] is _NO_DEFAULT:
            if name in defaults:
                kwvalues[i] = defaults[name]
            else:
                missing.append(name)
    if missing:
        raise _missing(qualname, missing, "keyword-only")
    return values + kwvalues
