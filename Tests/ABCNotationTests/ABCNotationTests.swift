import Testing
@testable import ABCNotation
