"""A package for multi_module.py: its code runs once, on first import."""
print("init", __name__, __package__)
VERSION = "1.0"
from .core import greet
