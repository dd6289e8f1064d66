"""面试手册: messy interview notes → topic pages → MkDocs site → PDFs.

Stages, one module each, on the data model of :mod:`handbook.model`::

    read → parse → classify → merge → render → pdf

No stage imports a later one. :mod:`handbook.pipeline` chains them; the CLI and the
MkDocs hook are thin wrappers around it.
"""

__version__ = "0.1.0"
