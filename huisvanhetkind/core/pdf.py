"""PDF from a template (docs/adr/0006-pdf-with-weasyprint.md).

WeasyPrint renders the same template, with the same stylesheet and its ``@media print`` rules,
that a browser prints; so a page and its PDF never drift apart. It uses the fonts Debian ships
(DejaVu) and never goes to the network: its only source of stylesheets and images is
``core.pdf_fetcher.StaticFilesFetcher``, which serves the platform's own static files and
refuses everything else (another site, ``file:``, ``data:``).
"""

import logging

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.text import slugify

# The PDF's font: Debian's DejaVu Sans (fonts-dejavu-core), whatever the page asks for. A user
# stylesheet (WeasyPrint's `stylesheets`) wins over the site's only with !important.
PDF_CSS = 'body { font-family: "DejaVu Sans", sans-serif !important; }'

# WeasyPrint announces each step of every PDF at INFO and each rule of the site's stylesheet it
# does not know (a screen-only property) as a WARNING: noise in the log for every PDF. A resource
# it could not load (a URL the fetcher refused) is an ERROR and still reaches the log.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


def render_pdf(template_name: str, context: dict, *, base_url: str, request=None) -> bytes:
    """The template rendered (with the request's context processors when given) to a tagged
    PDF; ``base_url`` ("https://host/") resolves the page's relative links."""
    # Imported here, not at the top: loading WeasyPrint (Pango, fontconfig, its own stylesheets)
    # takes about a second, which only a PDF should cost, not every process that loads the URLs
    # (each management command, the scheduler, the task worker).
    import weasyprint

    from huisvanhetkind.core.pdf_fetcher import StaticFilesFetcher

    html = render_to_string(template_name, context, request=request)
    fetcher = StaticFilesFetcher(origin=base_url)
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return document.write_pdf(
        stylesheets=[weasyprint.CSS(string=PDF_CSS, url_fetcher=fetcher)], pdf_tags=True
    )


def pdf_filename(name: str) -> str:
    """A file name any system accepts: ASCII letters, digits and hyphens, ending in .pdf."""
    stem = name.removesuffix(".pdf")
    return f"{slugify(stem)[:80].strip('-') or 'document'}.pdf"


def pdf_response(
    request, template_name: str, context: dict, *, filename: str, inline: bool = False
) -> HttpResponse:
    """The template as a PDF download (or shown in the browser with ``inline=True``)."""
    content = render_pdf(
        template_name, context, base_url=request.build_absolute_uri("/"), request=request
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(not inline, pdf_filename(filename))
    return response
