using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Waymark.Core.Data;
using Waymark.Core.Directory;
using Waymark.Core.Matching;

namespace Waymark.Core.Safety;

/// <summary>What the help-now page needs of a service's phones: its first number, and whether any of them is a crisis line's.</summary>
/// <remarks>"First" is by contact id, then phone id, as .NET orders Guids.</remarks>
public sealed record ServicePhones(Phone? First, bool HasCrisisNumber)
{
    public static ServicePhones None { get; } = new(null, false);
}

/// <summary>
/// Services' phones for the help-now page, kept between searches: the same helplines and nearby services come up in
/// search after search, and reading their phones was most of what an urgent results page did beyond the search itself.
/// Only services not yet held are read, with one query. Everything held is let go as soon as <see cref="DirectoryIndex"/>
/// hears of any change (before the snapshot is patched), and a read started before that is never kept, so a number
/// edited on this server shows on the very next page; an edit made on another server shows once this one hears of it,
/// as the edited listing's search entry does.
/// </summary>
public sealed class HelpNowPhones(IDbContextFactory<WaymarkDbContext> databases, DirectoryIndex index)
{
    /// <summary>A bound on what is held: beyond it everything is let go and read again as searches need it.</summary>
    public const int MaxHeld = 100_000;

    private Held _held = new(-1);

    /// <summary>The phones of each of <paramref name="serviceIds"/> (<see cref="ServicePhones.None"/> for a service without any).</summary>
    public async Task<IReadOnlyDictionary<Guid, ServicePhones>> ForAsync(IReadOnlyList<Guid> serviceIds, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(serviceIds);
        // Read before the database: what is read below is then at least as new as this generation.
        var generation = index.Generation;
        var held = Volatile.Read(ref _held);
        if (held.Generation != generation || held.Phones.Count > MaxHeld)
        {
            var fresh = new Held(generation);
            Interlocked.CompareExchange(ref _held, fresh, held);
            held = fresh;
        }

        var found = new Dictionary<Guid, ServicePhones>(serviceIds.Count);
        List<Guid>? missing = null;
        foreach (var id in serviceIds)
        {
            if (held.Phones.TryGetValue(id, out var phones))
            {
                found[id] = phones;
            }
            else
            {
                (missing ??= []).Add(id);
            }
        }
        if (missing is null)
        {
            return found;
        }

        await using var db = await databases.CreateDbContextAsync(ct);
        // Only the phones, each with its contact's service: one plain join reads fewer columns and allocates less than
        // contacts with their phones included, and a contact without a phone had nothing to give here anyway.
        var rows = (await db.Contacts.AsNoTracking()
                .Where(c => missing.Contains(c.ServiceId))
                .SelectMany(c => c.Phones, (c, p) => new { c.ServiceId, ContactId = c.Id, Phone = p })
                .ToListAsync(ct))
            .OrderBy(x => x.ContactId)
            .ThenBy(x => x.Phone.Id)
            .ToLookup(x => x.ServiceId, x => x.Phone);
        foreach (var id in missing)
        {
            var numbers = rows[id];
            var phones = numbers.FirstOrDefault() is { } first
                ? new ServicePhones(first, numbers.Any(p => CrisisContacts.ForNumber(p.Number) is not null))
                : ServicePhones.None;
            found[id] = phones;
            held.Phones.TryAdd(id, phones);
        }
        return found;
    }

    private sealed record Held(long Generation)
    {
        public ConcurrentDictionary<Guid, ServicePhones> Phones { get; } = new();
    }
}
