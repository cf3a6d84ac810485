"""The steering group: professionals' data, kept as long as the group or the year plan."""

GROUP = "kept as long as the steering group exists (professionals only)"
YEAR_PLAN = "kept as long as the year plan exists (professionals only)"

KEPT = {
    "steering.ActionEvent": YEAR_PLAN,
    "steering.PartnerFeedback": YEAR_PLAN,
    "steering.ProgressNote": YEAR_PLAN,
    "steering.AgendaItem": GROUP,
    "steering.Attendance": GROUP,
    "steering.Decision": GROUP,
    "steering.Meeting": GROUP,
    "steering.MeetingDocument": GROUP,
}
