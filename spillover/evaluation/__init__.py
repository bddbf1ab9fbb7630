"""Evaluation: score spillover's output against gold files (``spillover eval``).

Each gold format has a reader/scorer module with an ``evaluate_*(path, extract,
limit)`` function returning a :class:`~spillover.evaluation.report.EvalReport`;
:mod:`spillover.evaluation.runner` lists them by CLI name. Importing this
package loads nothing: the reader modules are imported on first use.
"""
