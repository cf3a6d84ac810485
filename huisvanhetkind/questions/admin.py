from django.contrib import admin

from huisvanhetkind.questions.models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "house", "position", "is_active"]
    list_filter = ["house", "is_active"]
