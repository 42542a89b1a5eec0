"""Identity resolution: from the untrusted strings of an Extraction to stable, readable identifiers.

- ``text``     normalization (NFKC, traditional -> simplified, lookup keys)
- ``pinyin``   surname-aware romanization of Chinese names and places
- ``slug``     safe IRI path segments (ASCII, hyphenated, hash-suffixed where lossy or long)
- ``aliases``  the analyst-editable tables in kg/data/aliases/
- ``entities`` bodies, initiatives, roles: one canonical identity across languages and spellings
- ``persons``  the person rule: romanized name + jurisdiction (see persons.py for rule and limits)
"""
