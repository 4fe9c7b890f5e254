import ComposeCLI

ComposeMain.run()
