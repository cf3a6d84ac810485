"""Periodic jobs of the childcare desk: rounds (imported by ``childcare.jobs``)."""
