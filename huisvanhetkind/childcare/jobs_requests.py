"""Periodic jobs of the childcare desk: requests (imported by ``childcare.jobs``)."""
