using System.Runtime.CompilerServices;

namespace Waymark.Tests.Infrastructure;

/// <summary>
/// Each app host a test starts watched its configuration files with inotify, and Linux allows a user 128 inotify
/// instances. With many test classes' hosts alive at once (and hosts that are meant to fail at start), a full run
/// reached the limit and every later host failed to start ("The configured user limit (128) on the number of inotify
/// instances has been reached"). No test edits configuration files while running, so hosts read them once and never
/// watch; anything else that watches files polls instead.
/// </summary>
internal static class NoFileWatchers
{
#pragma warning disable CA2255 // A test assembly is the one place this must run before anything else.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Set()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "1");
    }
}
