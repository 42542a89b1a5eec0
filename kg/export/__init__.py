"""Exports of the store (deterministic Turtle, TriG, N-Quads, JSON-LD) and SHACL validation."""
