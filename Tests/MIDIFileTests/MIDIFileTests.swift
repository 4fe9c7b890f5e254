import Testing
@testable import MIDIFile
