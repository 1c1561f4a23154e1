using KropotkinSite;

return CommandLine.Run(args, Console.Out, Console.Error);
