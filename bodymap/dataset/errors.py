"""The one exception type for problems in the data files."""


class DataError(Exception):
    """A problem in one data file, naming the file, the entry and the field."""

    def __init__(self, file, message, entry=None, field=None):
        self.file = str(file)
        self.entry = entry
        self.field = field
        self.message = message
        super().__init__(str(self))

    def __str__(self):
        where = [self.file]
        if self.entry:
            where.append(self.entry)
        if self.field:
            where.append(f"field {self.field}")
        return f"{': '.join(where)}: {self.message}"


class DataErrors(Exception):
    """Every problem found in the dataset, raised together."""

    def __init__(self, errors):
        self.errors = list(errors)
        lines = "\n".join(f"  - {error}" for error in self.errors)
        super().__init__(f"{len(self.errors)} problem(s) in the dataset:\n{lines}")
