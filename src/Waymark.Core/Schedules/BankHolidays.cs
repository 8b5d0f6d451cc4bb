using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Waymark.Core.Schedules;

/// <summary>Bank holidays in England and Wales, from GOV.UK (data/bank-holidays-england-and-wales.json, embedded).</summary>
public static class BankHolidays
{
    public static FrozenSet<DateOnly> EnglandAndWales { get; } = Load();

    public static DateOnly FirstKnown { get; } = EnglandAndWales.Min();
    public static DateOnly LastKnown { get; } = EnglandAndWales.Max();

    public static bool IsBankHoliday(DateOnly date) => EnglandAndWales.Contains(date);

    private static FrozenSet<DateOnly> Load()
    {
        using var stream = typeof(BankHolidays).Assembly.GetManifestResourceStream("Waymark.Core.bank-holidays-england-and-wales.json")
            ?? throw new InvalidOperationException("bank-holidays-england-and-wales.json is not embedded in Waymark.Core");
        var file = JsonSerializer.Deserialize<BankHolidayFile>(stream)
            ?? throw new InvalidOperationException("bank-holidays-england-and-wales.json is empty");
        return file.Events.Select(e => e.Date).ToFrozenSet();
    }

    private sealed record BankHolidayFile([property: JsonPropertyName("events")] List<BankHolidayEvent> Events);

    private sealed record BankHolidayEvent(
        [property: JsonPropertyName("date")] DateOnly Date,
        [property: JsonPropertyName("title")] string Title);
}
