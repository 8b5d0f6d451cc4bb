using Microsoft.EntityFrameworkCore;
using Waymark.Core.Accounts;
using Waymark.Core.Directory;
using Waymark.Tests.Infrastructure;

namespace Waymark.Tests.Core.Accounts;

public sealed class AccountAdministrationTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly MovableTime _time = new(new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("not-an-email", Roles.Person, false, "is not an email address")]
    [InlineData("a@example.org", "superuser", false, "is not a role")]
    [InlineData("a@example.org", Roles.ProviderStaff, false, "needs the organisation")]
    public async Task Users_add_refuses_bad_input_and_creates_nothing(string email, string role, bool withOrg, string message)
    {
        await using var db = _database.Open();
        var accounts = new AccountAdministration(db, _time);
        var e = await Assert.ThrowsAsync<AccountException>(() => accounts.AddUserAsync(email, role, withOrg ? Guid.NewGuid() : null, Actor.CommandLine));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.False(await db.Users.AnyAsync());
    }

    [Fact]
    public async Task Users_add_refuses_an_unknown_organisation_and_a_second_account_for_one_email()
    {
        await using var db = _database.Open();
        var accounts = new AccountAdministration(db, _time);
        await Assert.ThrowsAsync<AccountException>(() => accounts.AddUserAsync("b@example.org", Roles.ProviderAdmin, Guid.NewGuid(), Actor.CommandLine));

        var org = new Organization { Id = Guid.NewGuid(), Name = "Org", Description = "Org" };
        db.Organizations.Add(org);
        await db.SaveChangesAsync();
        var first = await accounts.AddUserAsync("b@example.org", Roles.ProviderAdmin, org.Id, Actor.CommandLine);
        Assert.Equal(Roles.ProviderAdmin, first.Role);
        var again = await Assert.ThrowsAsync<AccountException>(() => accounts.AddUserAsync("B@example.org", Roles.Person, null, Actor.CommandLine));
        Assert.Contains("already", again.Message, StringComparison.Ordinal);
        Assert.Equal(MembershipRoles.Admin, (await db.OrganisationMemberships.SingleAsync()).Role);
    }

    [Fact]
    public async Task A_set_password_link_lasts_seven_days_and_only_its_hash_is_stored()
    {
        await using var db = _database.Open();
        var accounts = new AccountAdministration(db, _time);
        var account = await accounts.AddUserAsync("c@example.org", Roles.Navigator, null, Actor.CommandLine);

        Assert.NotNull(await accounts.FindUsableTokenAsync(account.Token));
        Assert.False(await db.SetPasswordTokens.AnyAsync(t => t.TokenHash == account.Token));
        Assert.Null(await accounts.FindUsableTokenAsync(account.Token + "x"));

        _time.Now = _time.Now.AddDays(7).AddMinutes(1);
        Assert.Null(await accounts.FindUsableTokenAsync(account.Token));

        var fresh = await accounts.ReissueSetPasswordAsync("c@example.org");
        Assert.NotNull(await accounts.FindUsableTokenAsync(fresh.Token));
    }

    private sealed class MovableTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
