from django.contrib import admin

from huisvanhetkind.activities import services, services_news
from huisvanhetkind.activities.models import Activity, NewsItem


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "house", "status"]
    list_filter = ["status", "house"]

    def save_model(self, request, obj, form, change):
        # Through the service: the audit trail, a replaced photo removed, a cancellation told.
        services.activity_save(activity=obj, actor=request.user)


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "house", "published_at", "is_published"]

    def save_model(self, request, obj, form, change):
        services_news.news_save(item=obj, actor=request.user)
