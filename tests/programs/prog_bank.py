# A small bank simulation: classes, exceptions, dict bookkeeping, formatting.
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__(f"need {needed}, have {available}")
        self.needed, self.available = needed, available
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance
        self.id = Account._next_id
        Account._next_id += 1
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(amount, self.balance)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account#{self.id}({self.owner}: {self.balance:.2f})"
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, owner, initial=0):
        acct = Account(owner, initial)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        self.accounts[src].withdraw(amount)
        self.accounts[dst].deposit(amount)
    def total(self):
        return sum(a.balance for a in self.accounts.values())
bank = Bank()
alice, bob = bank.open("alice", 100), bank.open("bob")
bank.transfer(alice.id, bob.id, 30.5)
for src, dst, amt in [(2, 1, 100), (1, 2, -5), (1, 3, 1)]:
    try:
        bank.transfer(src, dst, amt)
    except InsufficientFunds as e:
        print("refused:", e, e.needed - e.available)
    except ValueError as e:
        print("invalid:", e)
    except KeyError as e:
        print("no account", e)
print(sorted(bank.accounts.values(), key=lambda a: a.balance), f"{bank.total():.2f}")
print(alice.history, bob.history)
