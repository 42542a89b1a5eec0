"""kg: a knowledge graph of officials, bodies, events and initiatives read from government releases."""

__version__ = "0.1.0"
