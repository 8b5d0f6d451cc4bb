using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waymark.Core.Outbox;
using Waymark.Tests.Infrastructure;
using Waymark.Web.Referrals;

namespace Waymark.Tests.Pages.My;

/// <summary>
/// "Delete my account" reaches the messages the folder sender already delivered: their files carry the
/// person's address and what was said to them, so they go with the rows — exactly theirs, nobody else's.
/// </summary>
public sealed class ErasureOfDeliveredMessagesTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task Deleting_an_account_erases_its_delivered_message_files_and_leaves_everyone_elses()
    {
        var (_, service) = await app.AddReferrableServiceAsync("Calder Peer Support");
        using var person = await app.SignUpAsync();
        await person.Browser.SelfReferAsync(app, service.Id, "Please call after six");
        using var other = await app.SignUpAsync();
        await other.Browser.SelfReferAsync(app, service.Id);
        await RelayAllAsync();

        var theirs = await MessageIdsToAsync(person.Email);
        var others = await MessageIdsToAsync(other.Email);
        Assert.True(theirs.Count >= 2, "the sign-up confirmation and the referral's message");
        Assert.All(theirs.Concat(others), id => Assert.True(File.Exists(FileOf(id)), $"{id} was delivered to the folder"));
        Assert.Contains(person.Email, await File.ReadAllTextAsync(FileOf(theirs[0])), StringComparison.Ordinal);
        // What a delivery that crashed between writing and renaming leaves behind holds the address too.
        var partial = FileOf(theirs[0]) + ".0f1e2d3c.tmp";
        await File.WriteAllTextAsync(partial, person.Email);

        var deleted = await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);

        Assert.All(theirs, id => Assert.False(File.Exists(FileOf(id)), $"{id} was erased"));
        Assert.False(File.Exists(partial));
        Assert.All(others, id => Assert.True(File.Exists(FileOf(id)), $"{id} is someone else's and stays"));
        foreach (var file in Directory.EnumerateFiles(app.OutboxFolder))
        {
            Assert.DoesNotContain(person.Email, await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_copy_that_cannot_be_deleted_does_not_stop_the_deletion_or_the_other_copies()
    {
        using var person = await app.SignUpAsync();
        using var other = await app.SignUpAsync();
        var (_, service) = await app.AddReferrableServiceAsync("Ryburn Listening Service");
        await person.Browser.SelfReferAsync(app, service.Id);
        await RelayAllAsync();
        var theirs = await MessageIdsToAsync(person.Email);
        Assert.True(theirs.Count >= 2);

        // A folder where the first file should be: deleting it as a file fails, as a locked or read-only file would.
        File.Delete(FileOf(theirs[0]));
        Directory.CreateDirectory(FileOf(theirs[0]));
        await File.WriteAllTextAsync(Path.Combine(FileOf(theirs[0]), "keep"), "x");

        var deleted = await person.Browser.SubmitAsync("/my/delete", [new("Confirm", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, deleted.Status);
        Assert.Equal("/account/deleted", deleted.RedirectPath);

        Assert.True(Directory.Exists(FileOf(theirs[0])));
        Assert.All(theirs.Skip(1), id => Assert.False(File.Exists(FileOf(id))));
        Assert.All(await MessageIdsToAsync(other.Email), id => Assert.True(File.Exists(FileOf(id))));
        await using var db = app.OpenDb();
        Assert.False(await db.Users.AnyAsync(u => u.Id == person.UserId));
        Assert.Empty(await MessageIdsToAsync(person.Email));
    }

    [Fact]
    public async Task A_message_being_sent_as_the_account_is_deleted_leaves_no_copy_and_the_relay_carries_on()
    {
        using var person = await app.SignUpAsync();
        using var other = await app.SignUpAsync();
        var theirs = Assert.Single(await MessageIdsToAsync(person.Email));
        var others = Assert.Single(await MessageIdsToAsync(other.Email));
        var contexts = app.Services.GetRequiredService<IDbContextFactory<Waymark.Core.Data.WaymarkDbContext>>();
        // The row goes (as "delete my account" takes it) after the file is written and before the relay records it.
        var sender = new ErasedWhileSending(new FolderOutboxSender(app.OutboxFolder), contexts, theirs);
        var relay = new OutboxRelay(contexts, sender, TimeProvider.System, app.Services.GetRequiredService<IDeliveredMessageCopies>());

        while (await relay.RunOnceAsync() > 0)
        {
        }

        Assert.True(sender.Erased);
        Assert.False(File.Exists(FileOf(theirs)), "the copy written as the row went is erased");
        Assert.True(File.Exists(FileOf(others)), "the rest of the batch is delivered");
        await using var db = app.OpenDb();
        Assert.NotNull((await db.OutboxMessages.SingleAsync(m => m.Id == others)).DeliveredAt);
    }

    private sealed class ErasedWhileSending(IOutboxSender inner, IDbContextFactory<Waymark.Core.Data.WaymarkDbContext> contexts, Guid erase) : IOutboxSender
    {
        public bool Erased { get; private set; }

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await inner.SendAsync(message, ct);
            if (message.Id == erase)
            {
                await using var db = await contexts.CreateDbContextAsync(ct);
                await db.OutboxMessages.Where(m => m.Id == erase).ExecuteDeleteAsync(ct);
                Erased = true;
            }
        }
    }

    private async Task RelayAllAsync()
    {
        var relay = app.Services.GetRequiredService<OutboxRelay>();
        while (await relay.RunOnceAsync() > 0)
        {
        }
    }

    private async Task<List<Guid>> MessageIdsToAsync(string email)
    {
        await using var db = app.OpenDb();
        return await db.OutboxMessages.Where(m => m.Recipient == email).OrderBy(m => m.CreatedAt).Select(m => m.Id).ToListAsync();
    }

    private string FileOf(Guid id) => Path.Combine(app.OutboxFolder, $"{id}.json");
}
