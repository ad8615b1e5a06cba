# finally with return/break/continue, return values overridden, nested finally.
def override():
    try:
        return "try"
    finally:
        return "finally"
print(override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested())
def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
print(loop_finally())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            if n == 3:
                print("leaving at", n)
print(while_finally())
def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        return f"{e} (context {e.__context__})"
print(exc_in_finally())
def else_clause(fail):
    try:
        if fail:
            raise RuntimeError
    except RuntimeError:
        return "except"
    else:
        return "else"
    finally:
        print("finally", fail)
print(else_clause(True), else_clause(False))
