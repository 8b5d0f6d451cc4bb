using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Accounts;

namespace Waymark.Tests.Pages.Account;

/// <summary>
/// A sign-up or reset is worked on after the person was told "check your email"; one that meets an unreachable
/// database (a failover) must be tried again, not dropped. The cluster test shows it end to end.
/// </summary>
public sealed class AccountWorkRetryTests(WaymarkApp app) : IClassFixture<WaymarkApp>
{
    [Fact]
    public async Task Work_that_could_not_reach_the_database_is_tried_again()
    {
        var tries = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await app.Services.GetRequiredService<AccountWork>().QueueAsync((_, _) =>
        {
            if (++tries < 3)
            {
                throw new SqliteException("database is locked", 5);
            }
            done.SetResult();
            return Task.CompletedTask;
        }, CancellationToken.None);

        // Generous: only stops a broken run from hanging.
        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(3, tries);
    }

    [Fact]
    public async Task Work_that_failed_for_another_reason_is_not_repeated()
    {
        var tries = 0;
        await app.Services.GetRequiredService<AccountWork>().QueueAsync((_, _) =>
        {
            tries++;
            throw new InvalidOperationException("not a database failure");
        }, CancellationToken.None);

        // Work is done in order: once a later marker has run, a retry would have been queued (its first delay is 1 s),
        // so wait beyond that and check again.
        await app.AccountWorkDoneAsync();
        await Task.Delay(AccountWorkService.RetryDelays[0] * 3);
        await app.AccountWorkDoneAsync();
        Assert.Equal(1, tries);
    }
}
