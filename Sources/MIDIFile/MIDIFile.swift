// MIDIFile module: see README.md in this folder for its design notes.
