"""schema.org JSON-LD in a page: data as the text of a <script type="application/ld+json">."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

# What django.utils.html.json_script escapes: with these, no text in the data can end the
# <script> element early or switch the HTML parser into another state ("<!--<script>").
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def jsonld_script_text(data) -> SafeString:
    """``data`` as JSON that is safe as the content of a <script type="application/ld+json">."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return mark_safe(text.translate(SCRIPT_ESCAPES))  # noqa: S308 (every <, > and & escaped)
