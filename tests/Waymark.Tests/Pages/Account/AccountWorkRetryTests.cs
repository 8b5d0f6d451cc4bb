using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Data;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Accounts;

namespace Waymark.Tests.Pages.Account;

/// <summary>What a lost database connection throws, as far as the app can tell.</summary>
public sealed class LostConnection() : DbException("The connection to the database was lost.");

/// <summary>Fails the saving of new accounts by background work (not by requests) while a test asks it to.</summary>
public sealed partial class FailingAccountSaves : DbCommandInterceptor
{
    // Npgsql leaves lower-case names unquoted; SQLite's provider quotes them.
    [GeneratedRegex("""INSERT INTO "?account_user"?\s""")]
    private static partial Regex NewAccount();

    private readonly HttpContextAccessor _request = new();
    private int _failuresLeft;
    private int _tries;
    private Func<Exception>? _failure;

    /// <summary>Saves of a new account tried so far (failed or not) since <see cref="Fail"/>.</summary>
    public int Tries => Volatile.Read(ref _tries);

    public void Fail(int times, Func<Exception> failure)
    {
        _failure = failure;
        Volatile.Write(ref _tries, 0);
        Volatile.Write(ref _failuresLeft, times);
    }

    private void Check(DbCommand command)
    {
        if (_request.HttpContext is null && _failure is { } failure && NewAccount().IsMatch(command.CommandText))
        {
            Interlocked.Increment(ref _tries);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw failure();
            }
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command);
        return ValueTask.FromResult(result);
    }
}

/// <summary>The app whose background saves of new accounts fail when a test says so.</summary>
public sealed class FailingSavesApp : AccountsApp
{
    public FailingAccountSaves Saves { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            s.ConfigureDbContext<SqliteWaymarkDbContext>(o => o.AddInterceptors(Saves));
            s.ConfigureDbContext<PostgresWaymarkDbContext>(o => o.AddInterceptors(Saves));
        });
    }
}

/// <summary>
/// A sign-up or reset is worked on after the person was told "check your email"; one that meets an unreachable
/// database (a failover) is tried again, by whichever node gets to it, not dropped. The cluster test shows it end to end.
/// </summary>
public sealed class AccountWorkRetryTests(FailingSavesApp app) : IClassFixture<FailingSavesApp>
{
    [Fact]
    public async Task A_sign_up_that_could_not_reach_the_database_is_tried_again_and_emailed_once()
    {
        var email = $"retried-{Guid.NewGuid():N}@example.org";
        app.Saves.Fail(2, () => new LostConnection());
        using var browser = Browser.For(app);

        var created = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        await app.AccountWorkDoneAsync();

        Assert.Equal(3, app.Saves.Tries);
        await using var db = app.OpenDb();
        Assert.Equal(1, await db.Users.CountAsync(u => u.Email == email));
        Assert.Equal(1, await db.OutboxMessages.CountAsync(m => m.Recipient == email));
        // The person can finish with the link that came.
        var link = await PersonBuilders.NewestLinkAsync(app, email, "/account/confirm-email");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitAsync(link, [new("Password", AccountsApp.GoodPassword)])).Status);
    }

    [Fact]
    public async Task A_sign_up_that_failed_for_another_reason_is_not_repeated_and_not_kept()
    {
        var email = $"failed-{Guid.NewGuid():N}@example.org";
        app.Saves.Fail(1, () => new InvalidOperationException("not a database failure"));
        using var browser = Browser.For(app);

        var created = await browser.SubmitAsync("/account/create", [new("Email", email), new("Password", AccountsApp.GoodPassword)]);
        Assert.Equal(HttpStatusCode.Redirect, created.Status);
        // Done means gone from the queue: nothing is kept about a job that will not be tried again.
        await app.AccountWorkDoneAsync();
        // A retry would come after the first delay; wait beyond it and look again.
        await Task.Delay(AccountWork.RetryDelays[0] * 3);

        Assert.Equal(1, app.Saves.Tries);
        Assert.Equal(0, await app.AccountWorkWaitingAsync());
        await using var db = app.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.Email == email));
        Assert.False(await db.OutboxMessages.AnyAsync(m => m.Recipient == email));
    }
}
