// The Tunesmith library product: one import for every module a client needs.
@_exported import Notation
@_exported import MIDIFile
@_exported import ABCNotation
@_exported import NeuralCore
@_exported import Rendering
@_exported import Harmony
@_exported import Tokens
@_exported import Corpus
@_exported import Models
@_exported import Engine
