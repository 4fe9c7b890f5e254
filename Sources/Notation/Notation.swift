// Notation: music values.
