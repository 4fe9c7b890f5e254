import Testing
@testable import ComposeCLI
