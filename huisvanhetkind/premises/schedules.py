"""The desks' office hours in the HSDS ``schedules`` of the services they are linked to.

Imported by ``PremisesConfig.ready()``: it registers ``selectors_hours.service_schedules`` with
the catalogue (which sits below premises and cannot import it), so that the HSDS API's
services carry the hours of their desks.
"""

from huisvanhetkind.catalogue.schedules import register_schedule_provider
from huisvanhetkind.premises.selectors_hours import service_schedules

register_schedule_provider(service_schedules)
