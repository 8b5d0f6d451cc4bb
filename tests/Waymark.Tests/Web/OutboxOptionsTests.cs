using Microsoft.Extensions.Configuration;
using Waymark.Web.Referrals;

namespace Waymark.Tests.Web;

public sealed class OutboxOptionsTests
{
    [Fact]
    public void The_default_folder_is_data_outbox_at_the_checkout_root_whichever_project_started()
    {
        // The tests run from tests/Waymark.Tests/bin/…, as `dotnet run --project src/Waymark.Web` runs from its project folder.
        var options = OutboxOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.True(Path.IsPathRooted(options.Folder));
        var root = Path.GetDirectoryName(Path.GetDirectoryName(options.Folder))!;
        Assert.Equal("outbox", Path.GetFileName(options.Folder));
        Assert.True(File.Exists(Path.Combine(root, "Waymark.sln")), options.Folder);
    }
}
