import PlatformCLI

PlatformCommand.main()
