from django.contrib import admin

from huisvanhetkind.core.models import JobRun


@admin.register(JobRun)
class JobRunAdmin(admin.ModelAdmin):
    """The runs of the periodic jobs, read only: the scheduler and the worker write them."""

    list_display = ["name", "due_at", "started_at", "finished_at", "outcome"]
    list_filter = ["outcome", "name"]
    search_fields = ["name"]
    date_hierarchy = "due_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
