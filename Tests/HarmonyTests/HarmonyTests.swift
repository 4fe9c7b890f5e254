import Testing
@testable import Harmony
