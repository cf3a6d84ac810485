"""What the knowledge app keeps about people (the register of personal data, see core.register)."""
