from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import RedirectView
from django.views.i18n import set_language

from huisvanhetkind.api.api import api
from huisvanhetkind.core import metrics as core_metrics
from huisvanhetkind.network.access import is_platform_admin
from huisvanhetkind.web import views as web_views

urlpatterns = [
    path("healthz", web_views.healthz, name="healthz"),
    path("readyz", web_views.readyz, name="readyz"),
    # Prometheus metrics, for METRICS_ALLOWED_IPS only (core.metrics; docs/operations.md).
    path("metrics", core_metrics.metrics, name="metrics"),
    # The language switch is on every page; without a CSRF token a public page sets no cookie
    # and the page cache (core.page_cache) may share it. Choosing a language is no action an
    # attacker gains anything by forging.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    # The admin logs in through the platform's log-in (password, second factor, rate limits),
    # never through its own password-only form.
    path(
        "admin/login/",
        RedirectView.as_view(pattern_name="account_login", query_string=True),
        name="admin_login",
    ),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("api/", api.urls),
    # Core's pages (the periodic jobs' runs) are for platform admins; core knows no roles, so
    # the network's rule is handed to its views here.
    path("", include("huisvanhetkind.core.urls"), {"allowed": is_platform_admin}),
    path("", include("huisvanhetkind.network.urls")),
    path("", include("huisvanhetkind.catalogue.urls")),
    path("", include("huisvanhetkind.questions.urls")),
    path("", include("huisvanhetkind.referrals.urls")),
    path("", include("huisvanhetkind.guidance.urls")),
    path("", include("huisvanhetkind.care.urls")),
    path("", include("huisvanhetkind.familyplans.urls")),
    path("", include("huisvanhetkind.carepaths.urls")),
    path("", include("huisvanhetkind.childcare.urls")),
    path("", include("huisvanhetkind.participation.urls")),
    path("", include("huisvanhetkind.coverage.urls")),
    path("", include("huisvanhetkind.steering.urls")),
    path("", include("huisvanhetkind.knowledge.urls")),
    path("", include("huisvanhetkind.premises.urls")),
    path("", include("huisvanhetkind.babytheek.urls")),
    path("", include("huisvanhetkind.appointments.urls")),
    path("", include("huisvanhetkind.activities.urls")),
    path("", include("huisvanhetkind.privacy.urls")),
    path("", include("huisvanhetkind.api.urls")),
    path("", include("huisvanhetkind.web.urls")),
]
# Uploaded photos: served by the platform itself only in development and the demo (DEBUG);
# in production the web server in front serves VAR_DIR/media at /media/ (README).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
