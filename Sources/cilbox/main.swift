import CilboxCommands

CilboxCommand.main()
