using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Outbox;
using Waymark.Web.Accounts;

namespace Waymark.Tests.Infrastructure;

public static class NodeAtTime
{
    /// <summary>
    /// A second node over the same database whose pages see <paramref name="clock"/>. Its work queues (account work
    /// and the outbox) keep real time, as every other node's do: with a clock days ahead, their leases would let it
    /// claim the first node's pending jobs for days, and once the test disposed it mid-batch nothing would do them
    /// (every later wait for account work in the class then timed out; seen once in CI on SQLite).
    /// </summary>
    public static WebApplicationFactory<Program> AtTime(this WebApplicationFactory<Program> app, TimeProvider clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton(clock);
            s.AddSingleton(services => ActivatorUtilities.CreateInstance<AccountWork>(services, TimeProvider.System));
            s.AddSingleton(services => ActivatorUtilities.CreateInstance<OutboxRelay>(services, TimeProvider.System));
        }));
}
