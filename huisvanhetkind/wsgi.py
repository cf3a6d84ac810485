import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "huisvanhetkind.settings")
application = get_wsgi_application()

# After the application: the process's copies of the offer load in the background (WARM_AT_START).
from huisvanhetkind.web import warmup  # noqa: E402

warmup.start()
