"""To-do items of the childcare desk: rounds (imported by ``childcare.todo``)."""
