import PlatformCLI

PlatformCommand.runMain()
