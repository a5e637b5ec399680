"""The handbook: Markdown, a static HTML site and a PDF, rendered from the model (``Corpus``).

``handbook`` turns the corpus into a view model, ``environment`` makes the Jinja environments
(templates in ``mallar/`` beside the root win over the packaged ones in ``lsk/render/mallar/``),
and ``site``, ``markdown_out`` and ``pdf`` write each format. Every value from YAML is escaped;
free-text fields are Markdown, rendered by ``textformat`` and safe by construction
(raw HTML off, links and attributes allowlisted).
"""
