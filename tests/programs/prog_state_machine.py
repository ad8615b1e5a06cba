# A vending-machine state machine with match, enums as class constants, and generators.
class State:
    IDLE = "idle"
    PAID = "paid"
    VENDING = "vending"
def machine():
    state, credit, log = State.IDLE, 0, []
    while True:
        event = yield state
        match (state, event):
            case (_, ("coin", amount)) if amount > 0:
                credit += amount
                state = State.PAID if credit >= 50 else state
            case (State.PAID, ("select", item)):
                log.append(f"vend {item}")
                credit -= 50
                state = State.VENDING
            case (State.VENDING, "done"):
                state = State.PAID if credit >= 50 else State.IDLE
            case (_, "refund"):
                log.append(f"refund {credit}")
                credit, state = 0, State.IDLE
            case (_, "report"):
                print("log:", log, "credit:", credit)
            case _:
                log.append(f"ignored {event!r} in {state}")
m = machine()
print(next(m))
for ev in [("coin", 20), ("select", "tea"), ("coin", 40), ("select", "tea"), "done",
           ("coin", 50), ("coin", 10), ("select", "coffee"), "done", "refund", "report"]:
    print(f"{str(ev):<22} -> {m.send(ev)}")
