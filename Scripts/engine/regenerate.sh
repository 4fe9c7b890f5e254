#!/bin/sh
# Rebuilds the Engine module's corpus-derived resources from the committed corpus (Corpus/):
#   Sources/Engine/Resources/keys.tsv     keys per style (counts)
#   Sources/Engine/Resources/novelty.bin  hashed 12-note runs of every corpus tune
# The same test, run without ENGINE_REGENERATE, checks that the committed files match the corpus.
set -eu
cd "$(dirname "$0")/../.."
export TUNESMITH_ONLY=Notation,MIDIFile,ABCNotation,Tokens,Corpus,NeuralCore,Models,Harmony,Rendering,Engine
ENGINE_REGENERATE=1 swift test --scratch-path .build-engine --filter EngineResourcesTests || true
swift test --scratch-path .build-engine --filter EngineResourcesTests
ls -l Sources/Engine/Resources
