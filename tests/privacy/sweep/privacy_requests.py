"""The requests log of a house (``privacy.RightsRequest``): deleted five years after the answer."""

from dateutil.relativedelta import relativedelta

from huisvanhetkind.privacy import services_requests


def seed_rights_request(sweep):
    label = "privacy.RightsRequest"
    answered = sweep.date_ago(0) - relativedelta(
        years=services_requests.REQUEST_RETENTION_YEARS + 1
    )
    request = services_requests.request_log(
        actor=None,
        house=sweep.house,
        requester_name=sweep.marker(label),
        requester_contact=sweep.email(label),
        received_on=answered - relativedelta(days=10),
        channel="phone",
        kind="access",
        subject=sweep.marker(label),
        today=answered,
    )
    services_requests.request_answer(
        actor=None,
        request=request,
        answered_on=answered,
        summary=sweep.marker(label),
        channel="letter",
        refused=True,
        refusal_reason=sweep.marker(label),
        today=answered,
    )


SEEDERS = {"privacy.RightsRequest": seed_rights_request}
