using Waymark.Cli;

return await WaymarkCli.RunAsync(args, Console.Out, Console.Error);
