"""The targets' definitions live with the audit (``audit.definitions``): the audit page shows
targets 4 and 5a under the same titles as the indicators page and the reports."""

from audit.definitions import DEFINITIONS, Definition

__all__ = ["DEFINITIONS", "Definition"]
