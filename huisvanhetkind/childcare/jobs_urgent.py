"""Periodic jobs of the childcare desk: urgent (imported by ``childcare.jobs``)."""
