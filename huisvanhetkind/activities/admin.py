from django.contrib import admin

from huisvanhetkind.activities.models import Activity, NewsItem


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["title", "house", "status"]
    list_filter = ["status", "house"]


@admin.register(NewsItem)
class NewsItemAdmin(admin.ModelAdmin):
    list_display = ["title", "house", "published_at", "is_published"]
