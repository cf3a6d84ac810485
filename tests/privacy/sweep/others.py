"""The apps whose personal data is kept as long as something that has no end date of its own
(an account, an organisation, a house, a group, an offer): no retention date to sweep past."""

ACCOUNT_SET_NULL = (
    "kept as long as the professional's account; deleting the account empties the person "
    "(SET NULL), the record stays without a name"
)
GROUP = "kept as long as the steering group exists (professionals only)"
YEAR_PLAN = "kept as long as the year plan exists (professionals only)"

KEPT = {
    "catalogue.Service": "kept as long as the offer exists (contact details of the organisation)",
    "catalogue.ServiceHistory": "kept as long as the offer exists",
    "coverage.GapStatus": "kept as long as the house; who set it is emptied with their account",
    "knowledge.DigestOptOut": "kept until the professional subscribes again or leaves",
    "knowledge.DigestSent": "kept as long as the professional's account",
    "knowledge.LibraryItem": "kept until the partner or the coordinator deletes the item",
    "knowledge.TrainingRegistration": "kept as long as the training or the professional's account",
    "premises.AgreementAcceptance": ACCOUNT_SET_NULL,
    "premises.Booking": ACCOUNT_SET_NULL,
    "steering.ActionEvent": YEAR_PLAN,
    "steering.PartnerFeedback": YEAR_PLAN,
    "steering.ProgressNote": YEAR_PLAN,
    "steering.AgendaItem": GROUP,
    "steering.Attendance": GROUP,
    "steering.Decision": GROUP,
    "steering.Meeting": GROUP,
    "steering.MeetingDocument": GROUP,
}
