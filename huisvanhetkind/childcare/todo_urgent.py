"""To-do items of the childcare desk: urgent (imported by ``childcare.todo``)."""
