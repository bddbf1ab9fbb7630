"""spillover: explainable event data and escalation analysis from crisis news.

Importing the package is cheap: nothing heavy (spaCy, the database, the
gazetteer) is loaded until a pipeline or store is built explicitly.
"""

__version__ = "0.1.0"
