"""What the baby-gear library keeps about people (the register of personal data, see
core.register)."""
