from django.contrib import admin

from huisvanhetkind.questions import services_setup
from huisvanhetkind.questions.models import Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    """Topics are written through the services, so that every change is in the audit trail."""

    list_display = ["name", "house", "position", "is_active"]
    list_filter = ["house", "is_active"]

    def save_model(self, request, obj, form, change):
        services_setup.topic_save(topic=obj, actor=request.user)

    def delete_model(self, request, obj):
        services_setup.topic_delete(topic=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        for topic in queryset:
            services_setup.topic_delete(topic=topic, actor=request.user)
