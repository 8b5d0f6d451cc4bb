namespace Waymark.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => WaymarkCli.RunAsync(args, Console.Out, Console.Error);
}
